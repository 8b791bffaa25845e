"""Engine setup, schema creation and the small helpers every module shares."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from .models import conversation, conversation_trial, metadata, setting

# Key of the PostgreSQL advisory lock that serialises index writes with erasure (see erase.py).
ERASE_LOCK_KEY = 604_020_251


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the review tables created; the ``events`` table is left alone."""
    kwargs: dict = {"future": True}
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # The bot writes the same file: wait for its lock instead of failing.
        kwargs["connect_args"] = {"timeout": 30}
    else:
        kwargs["pool_pre_ping"] = True
        # Rasa puts its tables in POSTGRESQL_SCHEMA when that is set: look there too.
        schema = os.environ.get("POSTGRESQL_SCHEMA")
        if schema and url.startswith("postgres"):
            kwargs["connect_args"] = {"options": f"-csearch_path={schema}"}
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_foreign_keys)
    _drop_outdated_index(engine)
    metadata.create_all(engine)
    return engine


def _drop_outdated_index(engine: Engine) -> None:
    """The index tables are a summary of ``events``: when a release adds a column to them,
    drop them and let the index rebuild from the events (nothing a coordinator wrote is lost)."""
    with engine.begin() as conn:
        inspector = inspect(conn)
        if not inspector.has_table(conversation.name):
            return
        have = {c["name"] for c in inspector.get_columns(conversation.name)}
        if {c.name for c in conversation.columns} <= have:
            return
        lock_for_erasure(conn)
        conversation_trial.drop(conn, checkfirst=True)
        conversation.drop(conn, checkfirst=True)
        if inspector.has_table(setting.name):
            conn.execute(setting.delete().where(setting.c.key == "index_cursor"))


def _sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def has_table(conn: Connection, name: str) -> bool:
    return inspect(conn).has_table(name)


def lock_for_erasure(conn: Connection) -> None:
    """Serialise with erase_conversation on PostgreSQL (released at the end of the transaction).

    Without it an index rebuild could insert a row for a conversation whose erasure is
    committing at the same moment. SQLite serialises writers itself.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ERASE_LOCK_KEY})


def get_setting(conn: Connection, key: str) -> str | None:
    return conn.execute(select(setting.c.value).where(setting.c.key == key)).scalar()


def set_setting(conn: Connection, key: str, value: str) -> None:
    updated = conn.execute(setting.update().where(setting.c.key == key).values(value=value))
    if updated.rowcount == 0:
        conn.execute(setting.insert().values(key=key, value=value))


def setting_once(engine: Engine, key: str, make_value) -> str:
    """The value of ``key``, created with ``make_value()`` the first time (safe under races)."""
    with engine.begin() as conn:
        value = get_setting(conn, key)
    if value is not None:
        return value
    try:
        with engine.begin() as conn:
            conn.execute(setting.insert().values(key=key, value=make_value()))
    except IntegrityError:
        pass  # another process created it first: use theirs
    with engine.begin() as conn:
        return get_setting(conn, key)
