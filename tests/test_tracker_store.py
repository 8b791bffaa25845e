"""PrivacySQLTrackerStore: Rasa's SQL tracker store that erases a conversation on request.

Real Rasa classes on real SQLite and PostgreSQL: a conversation is saved turn by turn, then
the turn in which the bot set `delete_requested` removes every row of it, and nothing of that
turn is written back.
"""

from __future__ import annotations

import sqlalchemy as sa
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url

from bot.tracker_store import PrivacySQLTrackerStore

from .conftest import ROOT

DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def store_for(url: str) -> PrivacySQLTrackerStore:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return PrivacySQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=u.database)
    return PrivacySQLTrackerStore(
        domain=DOMAIN,
        dialect="postgresql",
        host=u.host,
        port=u.port,
        db=u.database,
        username=u.username,
        password=u.password,
        query=dict(u.query),
    )


def said(response: str) -> BotUttered:
    """A response as the bot utters it: its text, with the response's name in the metadata."""
    return BotUttered(DOMAIN.responses[response][-1]["text"], metadata={"utter_action": response})


def rows(store: PrivacySQLTrackerStore, sender: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(
            sa.text("select count(*) from events where sender_id = :s"), {"s": sender}
        ).scalar()


async def test_delete_my_data_erases_every_row_and_writes_nothing_back(db_url):
    store = store_for(db_url)
    sender, other = "patient-to-delete", "someone-else"
    for who in (sender, other):
        tracker = DialogueStateTracker.from_events(
            who,
            [
                ActionExecuted("action_listen"),
                UserUttered("I'm 34 with RRMS", {"name": "inform", "confidence": 1.0}),
                SlotSet("age", 34),
                said("utter_ask_prior_therapies"),
                ActionExecuted("action_listen"),
            ],
            slots=DOMAIN.slots,
        )
        await store.save(tracker)
    assert rows(store, sender) == 5
    tracker = await store.retrieve(sender)
    tracker.update(UserUttered("delete my data", {"name": "delete_my_data", "confidence": 1.0}))
    tracker.update(SlotSet("delete_requested", True))
    tracker.update(said("utter_data_deleted"))
    await store.save(tracker)
    assert rows(store, sender) == 0
    assert await store.retrieve(sender) is None
    assert rows(store, other) == 5  # nobody else's conversation is touched
    # A later turn of the same id starts a fresh conversation.
    fresh = DialogueStateTracker.from_events(
        sender,
        [ActionExecuted("action_listen"), UserUttered("hi", {"name": "greet"})],
        slots=DOMAIN.slots,
    )
    await store.save(fresh)
    assert rows(store, sender) == 2
    store.engine.dispose()


def test_the_shipped_endpoints_use_this_store():
    import yaml

    endpoints = yaml.safe_load((ROOT / "endpoints.yml").read_text())
    assert endpoints["tracker_store"]["type"] == "bot.tracker_store.PrivacySQLTrackerStore"
