"""Rasa's SQL tracker store, plus "delete my data": the erasure happens inside the save.

When the bot's ``action_delete_my_data`` sets ``delete_requested``, this store removes every
event of the conversation (and the review app's rows for it) instead of writing the turn, so
nothing is written back afterwards. Configured in endpoints.yml as
``type: bot.tracker_store.PrivacySQLTrackerStore``.
"""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.events import SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.orm import sessionmaker

from bot import rasa_hooks

log = logging.getLogger(__name__)

DELETE_SLOT = "delete_requested"


def deletion_requested(tracker: DialogueStateTracker) -> bool:
    """True if the current turn (events since the last user message) asked for erasure."""
    for event in reversed(tracker.events):
        if isinstance(event, SlotSet) and event.key == DELETE_SLOT and event.value:
            return True
        if isinstance(event, UserUttered):
            return False
    return False


class PrivacySQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that erases a conversation when the patient asks for it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # --- issue #7: our hooks inside Rasa (fault replies, a faster response check; this is
        # the only module of ours Rasa loads in every set-up), and a PostgreSQL pool that tests
        # a connection before use, so a database restart between two messages costs no turn.
        rasa_hooks.install()
        if self.engine.dialect.name == "postgresql":
            url = self.engine.url
            self.engine.dispose()
            self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
            self.sessionmaker = sessionmaker(bind=self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        if deletion_requested(tracker):
            self.erase(tracker.sender_id)
            return
        await super().save(tracker)

    def erase(self, sender_id: str) -> None:
        """Delete the conversation's events and, if the review app is installed, its rows."""
        events = self.SQLEvent.__table__
        with self.engine.begin() as connection:
            connection.execute(sa.delete(events).where(events.c.sender_id == sender_id))
            try:
                from review.erase import erase_conversation
            except ImportError:
                erase_conversation = None
            if erase_conversation is not None:
                erase_conversation(connection, sender_id)
        log.info("A conversation was erased at the patient's request.")
