"""Fixtures for the alert tests: a trial store built once and copied per test (SQLite and
PostgreSQL), the platform API fakes, and senders pointed at them."""

from __future__ import annotations

from typing import Callable, Iterable

import pytest
from sqlalchemy import create_engine, insert, select, text

import trials_db.alerts.models  # noqa: F401  registers the alert tables
from trials_db.importer import import_paths
from trials_db.models import Contact, Criterion, Site, Trial
from trials_db.store import make_engine, session_factory
from trials_db.alerts.senders import MessengerSender, SlackSender, TelegramSender

from ..conftest import WITH_CRITERIA
from .fakes import FailingPlatformApis

TRIAL_TABLES = [Trial.__table__, Site.__table__, Contact.__table__, Criterion.__table__]
PROFILE = {"age": 35, "sex": "female", "ms_subtype": "RRMS", "edss": 3.0}


@pytest.fixture(scope="session")
def template_url(tmp_path_factory) -> str:
    """The shipped trials with criteria, imported (and parsed) once per test session."""
    url = f"sqlite:///{tmp_path_factory.mktemp('alerts') / 'template.db'}"
    engine = make_engine(url)
    report = import_paths(session_factory(engine), [WITH_CRITERIA], progress=False)
    assert not report.problems
    engine.dispose()
    return url


def copy_trials(template_url: str, sessions, exclude: Iterable[str] = ()) -> None:
    """Copy the template's trial rows into another store, leaving out ``exclude``."""
    exclude = set(exclude)
    src = create_engine(template_url, future=True)
    with src.connect() as read, sessions() as session, session.begin():
        for table in TRIAL_TABLES:
            rows = [
                dict(r)
                for r in read.execute(select(table)).mappings()
                if r["nct_id"] not in exclude
            ]
            if rows:
                session.execute(insert(table), rows)
            if session.bind.dialect.name == "postgresql" and "id" in table.c:
                # Explicit ids were copied: move the serial on, or the importer's inserts clash.
                session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                    )
                )
    src.dispose()


@pytest.fixture
def make_store(db_url, request) -> Callable:
    """``make_store(exclude=())`` -> sessionmaker over a store with the shipped trials."""
    engines = []

    def make(exclude: Iterable[str] = (), with_trials: bool = True):
        engine = make_engine(db_url)
        engines.append(engine)
        sessions = session_factory(engine)
        if with_trials:
            copy_trials(request.getfixturevalue("template_url"), sessions, exclude)
        return sessions

    yield make
    for engine in engines:
        engine.dispose()


@pytest.fixture
def empty_store(make_store):
    return make_store(with_trials=False)


@pytest.fixture(scope="session")
def platform_apis():
    with FailingPlatformApis() as apis:
        yield apis


@pytest.fixture
def apis(platform_apis):
    platform_apis.reset()
    yield platform_apis
    platform_apis.reset()


@pytest.fixture
def senders(apis):
    return {
        "telegram": TelegramSender("123:TEST", apis.telegram_url),
        "slack": SlackSender("xoxb-test", apis.slack_url),
        "facebook": MessengerSender("page-token", apis.facebook_url),
    }
