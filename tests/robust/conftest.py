"""Fixtures and helpers for the fault tests: each module starts the stacks it may break.

Stacks run on free ports with their own stores (scripts/isolated.py), never the shared ones.
"""

from __future__ import annotations

import json
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from scripts.isolated import MODEL
from scripts.stack import Stack, StackError

START_TIMEOUT = 300  # a Rasa start is ~45 s on an idle 2-core machine; others share it


def start_or_fail(*stacks: Stack) -> None:
    """Start the stacks side by side (bounded waits); on failure stop them all and fail."""
    if not MODEL.is_file():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (`make test` does it)")
    with ThreadPoolExecutor(len(stacks)) as pool:
        futures = [pool.submit(stack.start, START_TIMEOUT) for stack in stacks]
        errors = [f.exception() for f in futures]
    failed = [e for e in errors if e is not None]
    if failed:
        for stack in stacks:
            stack.stop()
        kind = "StackError" if isinstance(failed[0], StackError) else type(failed[0]).__name__
        pytest.fail(f"a stack did not start ({kind}):\n{failed[0]}")


EventRow = tuple  # (id, type_name, intent_name, action_name, data)


def sqlite_events(db: Path, sender: str) -> list[EventRow]:
    """The conversation's rows of Rasa's ``events`` table, in order."""
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "select id, type_name, intent_name, action_name, data from events "
            "where sender_id = ? order by id",
            (sender,),
        ).fetchall()


def sql_events(url: str, sender: str, schema: str | None = None) -> list[EventRow]:
    """Same, from any SQLAlchemy URL (PostgreSQL), optionally in a schema."""
    engine = sa.create_engine(url, future=True)
    table = f'"{schema}".events' if schema else "events"
    try:
        with engine.connect() as conn:
            return [
                tuple(r)
                for r in conn.execute(
                    sa.text(
                        f"select id, type_name, intent_name, action_name, data from {table} "
                        "where sender_id = :s order by id"
                    ),
                    {"s": sender},
                )
            ]
    finally:
        engine.dispose()


def texts_of(rows: list[EventRow], kind: str) -> list[str]:
    """The texts of the ``user`` or ``bot`` events among ``rows``."""
    return [json.loads(r[4]).get("text") or "" for r in rows if r[1] == kind]


def turn_is_whole(rows: list[EventRow]) -> bool:
    """True if ``rows`` are complete turns: they start with a user message, end listening."""
    return not rows or (
        rows[0][1] == "user" and rows[-1][1] == "action" and rows[-1][3] == "action_listen"
    )
