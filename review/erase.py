"""Erase one conversation: its ``events`` rows and every review row about it.

Called by the bot's tracker store when a patient says "delete my data" (inside the store's
own transaction, so nothing is written back afterwards) and by the app's admin delete.
"""

from __future__ import annotations

from sqlalchemy import delete, inspect
from sqlalchemy.engine import Connection

from .db import lock_for_erasure
from .models import CONVERSATION_TABLES, events


def erase_conversation(connection: Connection, sender_id: str) -> dict[str, int]:
    """Delete everything kept about ``sender_id``; returns the rows deleted per table.

    Runs in the caller's transaction when one is open (the caller commits or rolls back),
    otherwise in its own. Tables that do not exist yet (review app never started) are
    skipped. The audit log is kept: it holds pseudonyms, not sender ids.
    """
    own = None if connection.in_transaction() else connection.begin()
    try:
        lock_for_erasure(connection)
        existing = set(inspect(connection).get_table_names())
        deleted: dict[str, int] = {}
        for table in (events, *CONVERSATION_TABLES):
            if table.name in existing:
                result = connection.execute(delete(table).where(table.c.sender_id == sender_id))
                deleted[table.name] = max(result.rowcount, 0)
        if own is not None:
            own.commit()
    except BaseException:
        if own is not None:
            own.rollback()
        raise
    return deleted
