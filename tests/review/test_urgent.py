"""A conversation the safety check answered (a crisis, new symptoms) is flagged for urgent review:
a banner on the list, a badge on its row, a filter, and a banner on the transcript."""

from __future__ import annotations

from sqlalchemy import inspect, text

from review.db import make_engine
from review.models import conversation

from .builders import Script, save_scripts, standard
from .conftest import csrf_of, raw_engine
from .helpers import pseudonym_of, pseudonyms_on


def crisis(now: float) -> Script:
    return (
        Script("erin-crisis", now - 600)
        .consent()
        .bot("How old are you?")
        .user("I don't want to live anymore", "safety_crisis")
        .bot("I'm so sorry you feel this way. Please talk to someone now: ...")
        .listen()
    )


def symptoms(now: float) -> Script:
    return (
        Script("finn-symptoms", now - 900)
        .consent()
        .bot("How old are you?")
        .user("I can't see out of my left eye since this morning", "safety_symptoms")
        .bot("What you describe may need a doctor today.")
        .listen()
    )


async def test_urgent_conversations_are_flagged_and_can_be_filtered(admin, db_url, now):
    scripts = {**standard(now), "erin": crisis(now), "finn": symptoms(now)}
    await save_scripts(db_url, list(scripts.values()))
    names = {pseudonym_of(db_url, s.sender_id): n for n, s in scripts.items()}

    page = await (await admin.get("/conversations")).text()
    assert "2 conversations need urgent review" in page
    assert "Urgent: crisis" in page and "Urgent: new symptoms" in page

    only = await (await admin.get("/conversations", params={"urgent": "yes"})).text()
    assert {names[p] for p in pseudonyms_on(only)} == {"erin", "finn"}

    transcript = await (
        await admin.get(f"/conversations/{pseudonym_of(db_url, 'erin-crisis')}")
    ).text()
    assert "wrote about suicide or self-harm" in transcript


async def test_no_banner_when_nobody_needs_urgent_review(admin, convs):
    page = await (await admin.get("/conversations")).text()
    assert "need urgent review" not in page and "Urgent:" not in page


async def test_marking_reviewed_clears_the_banner_not_the_badge(admin, db_url, now):
    await save_scripts(db_url, [crisis(now)])
    pid = pseudonym_of(db_url, "erin-crisis")
    page = await (await admin.get("/conversations")).text()
    assert "1 conversation needs urgent review" in page
    token = await csrf_of(admin, f"/conversations/{pid}")
    response = await admin.post(
        f"/conversations/{pid}/status", data={"status": "reviewed", "csrf_token": token}
    )
    assert response.status in (200, 303)
    page = await (await admin.get("/conversations")).text()
    assert "need urgent review" not in page and "needs urgent review" not in page
    assert "Urgent: crisis" in page


def test_an_index_from_an_older_release_is_rebuilt_with_the_new_column(db_url):
    make_engine(db_url).dispose()
    raw = raw_engine(db_url)
    with raw.begin() as conn:  # the index as the previous release made it: no `urgent` column
        conn.execute(text("DROP TABLE review_conversation_trial"))
        conn.execute(text("DROP TABLE review_conversation"))
        conn.execute(
            text(
                "CREATE TABLE review_conversation (sender_id VARCHAR(255) PRIMARY KEY, "
                "pseudonym VARCHAR(32))"
            )
        )
    raw.dispose()
    engine = make_engine(db_url)
    with engine.connect() as conn:
        columns = {c["name"] for c in inspect(conn).get_columns(conversation.name)}
    engine.dispose()
    assert {"urgent", "search_text", "n_likely"} <= columns
