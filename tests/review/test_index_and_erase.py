"""The conversation index over ``events`` and erasure of a conversation (no HTTP here)."""

from __future__ import annotations

import json

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from sqlalchemy import delete, func, inspect, select

from review import workflow
from review.db import make_engine, set_setting
from review.erase import erase_conversation
from review.index import CURSOR, ConversationIndex
from review.models import CONVERSATION_TABLES, audit, conversation, conversation_trial, events
from review.pseudonym import Pseudonymizer, load_pseudonymizer

from .builders import CALGARY, TAIWAN, TEST_DOMAIN, alice, bob, save_scripts, trial


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def make_index(engine, key: str = "test key") -> ConversationIndex:
    return ConversationIndex(engine, Pseudonymizer(key), reconcile_seconds=3600)


def summaries(engine) -> dict[str, dict]:
    with engine.connect() as conn:
        return {r.sender_id: dict(r._mapping) for r in conn.execute(select(conversation))}


async def test_index_summarises_each_conversation(engine, convs):
    stats = make_index(engine).refresh()
    assert stats.rebuilt == 5
    rows = summaries(engine)
    a = rows[convs["alice"].sender_id]
    assert (a["channel"], a["consented"], a["completed"]) == ("telegram", True, True)
    assert (a["n_likely"], a["n_possible"], a["n_trials"]) == (1, 1, 3)
    assert a["contact_requested"] and json.loads(a["contact_json"])["nct_ids"] == [TAIWAN[0]]
    assert a["started_at"] == convs["alice"].start
    b = rows[convs["bob"].sender_id]
    assert (b["completed"], b["n_trials"], b["contact_requested"]) == (False, 0, False)
    assert "relapse in march" in b["search_text"]
    c = rows[convs["carol"].sender_id]
    assert c["consented"] and c["n_possible"] == 2  # consent after a restart still counts
    assert rows[convs["dave"].sender_id]["consented"] is False
    with engine.connect() as conn:
        alice_trials = conn.execute(
            select(conversation_trial)
            .where(conversation_trial.c.sender_id == convs["alice"].sender_id)
            .order_by(conversation_trial.c.position)
        ).all()
    assert [(t.nct_id, t.verdict, t.n_met, t.n_open) for t in alice_trials] == [
        (TAIWAN[0], "eligible", 2, 1),
        ("NCT05204459", "possibly_eligible", 1, 1),
        (CALGARY[0], "not_eligible", 0, 0),
    ]
    assert json.loads(alice_trials[0].open_criteria_json)[0]["status"] == "unknown"


async def test_new_events_are_indexed_incrementally(engine, db_url, now):
    script = bob(now)
    await save_scripts(db_url, [script])
    index = make_index(engine)
    index.refresh()
    assert summaries(engine)[script.sender_id]["completed"] is False
    # The patient comes back and finishes; Rasa saves only the new events.
    script.user("ok let's continue").results([trial(CALGARY, "eligible", [])])
    await save_scripts(db_url, [script])
    stats = index.refresh(reconcile=False)
    row = summaries(engine)[script.sender_id]
    assert stats.rebuilt == 1 and row["completed"] is True and row["n_likely"] == 1
    with engine.connect() as conn:
        assert row["event_count"] == conn.execute(select(func.count()).select_from(events)).scalar()


async def test_reconcile_finds_events_the_cursor_passed(engine, db_url, now):
    """Under concurrent saves PostgreSQL can commit a lower id after a higher one was indexed:
    modelled by moving the cursor past ids that are not there yet."""
    await save_scripts(db_url, [alice(now)])
    index = make_index(engine)
    index.refresh()
    with engine.begin() as conn:
        set_setting(conn, CURSOR, "1000000")
    script = bob(now)
    await save_scripts(db_url, [script])
    index.refresh(reconcile=False)
    assert script.sender_id not in summaries(engine)
    index.refresh(reconcile=True)
    assert summaries(engine)[script.sender_id]["user_messages"] == 4


async def test_reconcile_drops_conversations_deleted_elsewhere(engine, convs):
    index = make_index(engine)
    index.refresh()
    gone = convs["bob"].sender_id
    with engine.begin() as conn:
        conn.execute(delete(events).where(events.c.sender_id == gone))
    index.refresh(reconcile=True)
    assert gone not in summaries(engine) and len(summaries(engine)) == 4


async def test_pseudonyms_are_stable_keyed_and_follow_a_new_key(engine, db_url, convs):
    first = load_pseudonymizer(engine, None)
    again = load_pseudonymizer(engine, None)  # the key kept in the database
    sender = convs["alice"].sender_id
    assert first(sender) == again(sender) != first(convs["bob"].sender_id)
    ConversationIndex(engine, first).refresh()
    assert summaries(engine)[sender]["pseudonym"] == first(sender)
    other = Pseudonymizer("another key")
    assert other(sender) != first(sender)
    ConversationIndex(engine, other).refresh()  # a new key: every pseudonym is rebuilt
    assert {r["pseudonym"] for r in summaries(engine).values()} == {
        other(s.sender_id) for s in convs.values()
    }


def add_review_rows(engine, sender_id: str) -> None:
    with engine.begin() as conn:
        event_id = (
            conn.execute(
                select(events.c.id).where(
                    events.c.sender_id == sender_id, events.c.type_name == "user"
                )
            )
            .scalars()
            .first()
        )
        workflow.set_review_status(conn, sender_id, True, "ada")
        workflow.add_tag(conn, sender_id, "follow up", "ada")
        workflow.add_note(conn, sender_id, "called, left a message", "ada")
        workflow.set_flag(conn, sender_id, event_id, True, "ada", "odd answer")
        workflow.set_referral_status(conn, sender_id, TAIWAN[0], "contacted", "ada")
        conn.execute(
            audit.insert().values(
                at=1.0,
                user_name="ada",
                action="view_conversation",
                target="P-000000000000",
                detail="",
                address="",
            )
        )


def rows_for(engine, sender_id: str) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: conn.execute(
                select(func.count()).select_from(t).where(t.c.sender_id == sender_id)
            ).scalar()
            for t in (events, *CONVERSATION_TABLES)
        }


async def test_erase_clears_events_and_every_review_row(engine, convs):
    make_index(engine).refresh()
    alice, carol = convs["alice"].sender_id, convs["carol"].sender_id
    add_review_rows(engine, alice)
    add_review_rows(engine, carol)
    before_carol = rows_for(engine, carol)
    assert all(before_carol.values())
    with engine.begin() as conn:
        deleted = erase_conversation(conn, alice)
    assert deleted["events"] == len(convs["alice"].events)
    assert deleted["review_note"] == deleted["review_tag"] == 1
    assert set(rows_for(engine, alice).values()) == {0}
    assert rows_for(engine, carol) == before_carol  # nobody else's rows
    with engine.connect() as conn:  # the audit log stays (it holds pseudonyms only)
        assert conn.execute(select(func.count()).select_from(audit)).scalar() == 2
    make_index(engine).refresh(reconcile=True)  # nothing comes back
    assert set(rows_for(engine, alice).values()) == {0}


async def test_erase_runs_in_the_callers_transaction(engine, convs):
    alice = convs["alice"].sender_id
    with engine.connect() as conn:
        with conn.begin() as tx:
            erase_conversation(conn, alice)
            tx.rollback()
    assert rows_for(engine, alice)["events"] == len(convs["alice"].events)


async def test_erase_through_rasas_own_session_before_review_tables_exist(db_url, now):
    """How the bot's tracker store calls it: its own (legacy-style) engine and session, on a
    database where the review app never ran."""
    script = bob(now)
    await save_scripts(db_url, [script])
    store = SQLTrackerStore(TEST_DOMAIN, host=db_url)
    try:
        assert not inspect(store.engine).has_table("review_tag")
        with store.session_scope() as session:
            deleted = erase_conversation(session.connection(), script.sender_id)
            session.commit()
        assert deleted == {"events": len(script.events)}
        assert await store.retrieve(script.sender_id) is None
    finally:
        store.engine.dispose()


async def test_no_review_row_outlives_an_erasure(engine, convs):
    """A coordinator's write that lands after the erasure (stale page, race) is rolled back."""
    sender = convs["bob"].sender_id
    with engine.begin() as conn:
        erase_conversation(conn, sender)
    for write in (
        lambda c: workflow.add_note(c, sender, "late note", "ada"),
        lambda c: workflow.add_tag(c, sender, "late", "ada"),
        lambda c: workflow.set_review_status(c, sender, True, "ada"),
        lambda c: workflow.set_referral_status(c, sender, "", "closed", "ada"),
    ):
        with pytest.raises(workflow.ConversationGone):
            with engine.begin() as conn:
                write(conn)
    assert set(rows_for(engine, sender).values()) == {0}
