"""Shared fixtures: trial stores on SQLite and on the real PostgreSQL server, shipped data paths."""

from __future__ import annotations

import contextlib
import os
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import create_engine, text

from trials_db.config import SHIPPED_TRIALS_DIR
from trials_db.store import make_engine, session_factory

os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")

ROOT = Path(__file__).resolve().parent.parent
WITH_CRITERIA = SHIPPED_TRIALS_DIR / "ms_trials_with_criteria.json"
METADATA_ONLY = SHIPPED_TRIALS_DIR / "ms_trials_metadata_only.json"
SEED_RECORD = ROOT / "data" / "examples" / "NCT05532943.v2.json"

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _postgres_or_skip() -> None:
    try:
        engine = create_engine(POSTGRES_URL, future=True, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("select 1"))
        engine.dispose()
    except Exception as exc:  # any failure to reach the server means: not on this machine
        pytest.skip(
            f"no PostgreSQL server answers at {POSTGRES_URL} ({type(exc).__name__}); "
            "set TEST_POSTGRES_URL to run these tests"
        )


@pytest.fixture
def postgres_url():
    """A fresh schema on the real PostgreSQL server, dropped afterwards; yields its URL."""
    _postgres_or_skip()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, future=True)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in POSTGRES_URL else "?"
    yield f"{POSTGRES_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        # A test that leaves a transaction open fails here instead of hanging the suite.
        conn.execute(text("SET LOCAL lock_timeout = '20s'"))
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'trials.db'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """Each test using this runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'trials.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def sessions(db_url):
    engine = make_engine(db_url)
    yield session_factory(engine)
    engine.dispose()


@contextlib.contextmanager
def action_store(directory: Path, *paths: Path) -> Iterator[str]:
    """A SQLite trial store with ``paths`` imported, named by TRIALS_DB_URL as the action server
    sees it, with the bot's trial catalogue reloaded before and after (the actions' tests)."""
    from bot.actions.trials import reset_catalog
    from trials_db.importer import import_paths

    url = f"sqlite:///{directory / 'trials.db'}"
    import_paths(session_factory(make_engine(url)), list(paths or [WITH_CRITERIA]), progress=False)
    mp = pytest.MonkeyPatch()
    mp.setenv("TRIALS_DB_URL", url)
    reset_catalog()
    try:
        yield url
    finally:
        mp.undo()
        reset_catalog()
