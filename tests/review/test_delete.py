"""Deleting a conversation from the app (admins) and from the bot (erase_conversation)."""

from __future__ import annotations

from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import func, select

from review.db import make_engine
from review.erase import erase_conversation
from review.models import CONVERSATION_TABLES, audit, events

from .builders import TEST_DOMAIN
from .conftest import csrf_of
from .helpers import pseudonym_of, pseudonyms_on


def remaining(db_url: str, sender_id: str) -> int:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        total = sum(
            conn.execute(
                select(func.count()).select_from(t).where(t.c.sender_id == sender_id)
            ).scalar()
            for t in (events, *CONVERSATION_TABLES)
        )
    engine.dispose()
    return total


async def test_admin_deletes_a_conversation_and_its_review_rows(admin, convs, db_url):
    sender = convs["alice"].sender_id
    pid = pseudonym_of(db_url, sender)
    token = await csrf_of(admin)
    await admin.post(f"/conversations/{pid}/notes", data={"csrf_token": token, "text": "n"})
    await admin.post(f"/conversations/{pid}/tags", data={"csrf_token": token, "tag": "t"})
    unconfirmed = await admin.post(f"/conversations/{pid}/delete", data={"csrf_token": token})
    assert unconfirmed.status == 400 and remaining(db_url, sender) > 0

    resp = await admin.post(
        f"/conversations/{pid}/delete",
        data={"csrf_token": token, "confirm": "yes"},
        allow_redirects=False,
    )
    assert resp.status == 303 and resp.headers["Location"] == f"/conversations?deleted={pid}"
    assert remaining(db_url, sender) == 0
    page = await (await admin.get(resp.headers["Location"])).text()
    assert f"Conversation {pid} and everything kept about it were deleted." in page
    assert pid not in pseudonyms_on(page) and len(pseudonyms_on(page)) == 4
    assert (await admin.get(f"/conversations/{pid}")).status == 404
    engine = make_engine(db_url)
    with engine.connect() as conn:
        entry = conn.execute(select(audit).where(audit.c.action == "delete_conversation")).one()
    engine.dispose()
    assert entry.target == pid and entry.user_name == "ada" and "events=" in entry.detail


async def test_coordinator_cannot_delete(coordinator, convs, db_url):
    sender = convs["alice"].sender_id
    pid = pseudonym_of(db_url, sender)
    token = await csrf_of(coordinator)
    resp = await coordinator.post(
        f"/conversations/{pid}/delete", data={"csrf_token": token, "confirm": "yes"}
    )
    assert resp.status == 403 and remaining(db_url, sender) > 0
    assert (
        "Delete conversation" not in await (await coordinator.get(f"/conversations/{pid}")).text()
    )


async def test_delete_my_data_from_the_bot_shows_at_once(coordinator, convs, db_url):
    """The bot's tracker store erases through its own session while the app is running."""
    sender = convs["bob"].sender_id
    pid = pseudonym_of(db_url, sender)
    token = await csrf_of(coordinator)
    await coordinator.post(f"/conversations/{pid}/tags", data={"csrf_token": token, "tag": "call"})
    assert pid in pseudonyms_on(await (await coordinator.get("/conversations")).text())
    store = SQLTrackerStore(TEST_DOMAIN, host=db_url)
    try:
        with store.session_scope() as session:
            erase_conversation(session.connection(), sender)
            session.commit()
    finally:
        store.engine.dispose()
    assert remaining(db_url, sender) == 0
    assert pid not in pseudonyms_on(await (await coordinator.get("/conversations")).text())
    resp = await coordinator.post(
        f"/conversations/{pid}/notes", data={"csrf_token": token, "text": "too late"}
    )
    assert resp.status == 404 and remaining(db_url, sender) == 0
