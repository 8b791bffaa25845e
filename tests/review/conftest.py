"""Fixtures for the review app: a tracker store with built conversations.

Every test taking ``db_url`` (from tests/conftest.py) runs on SQLite and on PostgreSQL.
"""
from __future__ import annotations

import time

import pytest

from .builders import Script, save_scripts, standard


@pytest.fixture
def now() -> float:
    return time.time()


@pytest.fixture
async def convs(db_url: str, now: float) -> dict[str, Script]:
    """The standard built conversations, saved with Rasa's SQLTrackerStore."""
    scripts = standard(now)
    await save_scripts(db_url, list(scripts.values()))
    return scripts
