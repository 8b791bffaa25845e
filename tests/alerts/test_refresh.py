"""A refresh against a loopback CT.gov API v2 serving the shipped records: a study that is new to
the store is found for a saved profile, announced once, and a study that closed is not announced."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from trials_db.alerts.cli import add_commands
from trials_db.alerts.models import AlertRefreshState, OutboxMessage
from trials_db.alerts.outbox import deliver
from trials_db.alerts.refresh import SOURCE, ctgov_fetch_since, last_run, refresh
from trials_db.alerts.service import rematch, subscribe
from trials_db.cli import build_parser
from trials_db.fetcher import FetchError
from trials_db.matching import load_rules
from trials_db.store import get_trial

from .conftest import PROFILE
from .fakes import FakeCtGov, closed_port_url

NEW = "NCT05204459"  # recruiting; fits PROFILE; left out of the store until the refresh
CLOSING = "NCT00001248"  # recruiting in the shipped copy; the fake says it completed
OTHER = {"age": 50, "sex": "male", "ms_subtype": "PPMS", "edss": 5.0}  # CLOSING fitted them


@pytest.fixture
def ctgov():
    with FakeCtGov() as fake:
        # Simulated registry changes on real records: only these two dates/statuses are edited.
        fake.override(NEW, last_update="2026-01-12")
        fake.override(CLOSING, last_update="2026-01-12", status="COMPLETED")
        yield fake


@pytest.fixture
def store_before(make_store):
    """The store as of the last run: NEW not in it yet, PROFILE saved, its fits recorded."""
    sessions = make_store(exclude=[NEW])
    with sessions() as s, s.begin():
        subscribe(s, PROFILE, "telegram", "900")
    with sessions() as s:
        rules = load_rules(s)
    with sessions() as s, s.begin():
        rematch(s, rules)
        s.add(AlertRefreshState(source=SOURCE, last_run_at=dt.datetime(2026, 1, 10, 12, 0)))
    return sessions


def outbox(sessions) -> list[OutboxMessage]:
    with sessions() as s:
        return s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()


def test_refresh_finds_a_new_study_for_a_saved_profile(store_before, ctgov, apis, senders):
    sessions = store_before
    before = len(outbox(sessions))
    report = refresh(sessions, ctgov_fetch_since(ctgov.url))

    [query] = ctgov.requests
    assert query["filter.advanced"] == "AREA[LastUpdatePostDate]RANGE[2026-01-09,MAX]"
    assert query["query.cond"] == "multiple sclerosis"
    assert report.since == dt.date(2026, 1, 9)
    assert report.imported.problems == []
    assert (report.imported.seen, report.imported.inserted, report.imported.updated) == (2, 1, 1)
    assert report.rematched.new_matches == 1

    new = outbox(sessions)[before:]
    assert [m.nct_id for m in new] == [NEW] and NEW in new[0].body
    with sessions() as s:
        assert get_trial(s, CLOSING).overall_status == "COMPLETED"
        assert get_trial(s, NEW) is not None
    assert last_run(sessions) > dt.datetime(2026, 1, 10, 12, 0)

    assert refresh(sessions, ctgov_fetch_since(ctgov.url)).rematched.new_matches == 0
    deliver(sessions, senders)
    texts = [c.params["text"] for c in apis.calls_of("telegram", "sendMessage")]
    assert sum(NEW in t for t in texts) == 1


def test_a_study_that_closed_is_not_announced_to_someone_new(store_before, ctgov):
    sessions = store_before
    refresh(sessions, ctgov_fetch_since(ctgov.url))
    with sessions() as s, s.begin():
        subscribe(s, OTHER, "slack", "U900")
    with sessions() as s:
        rules = load_rules(s)
    with sessions() as s, s.begin():
        report = rematch(s, rules)
    assert report.new_matches > 0
    assert CLOSING not in {m.nct_id for m in outbox(sessions) if m.channel == "slack"}


def test_a_failed_fetch_changes_nothing(store_before):
    sessions = store_before
    before = (last_run(sessions), len(outbox(sessions)))
    with pytest.raises(FetchError):
        refresh(sessions, ctgov_fetch_since(closed_port_url("/api/v2/studies")))
    assert (last_run(sessions), len(outbox(sessions))) == before


def test_refresh_and_alerts_commands(store_before, ctgov, db_url, apis, monkeypatch, capsys):
    parser = build_parser(extra=add_commands)

    def run(*argv: str) -> int:
        args = parser.parse_args(["--db", db_url, *argv])
        return args.func(args)

    assert run("refresh", "--base-url", ctgov.url, "--no-send", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["inserted"] == 1 and out["rematch"]["new_matches"] == 1 and out["delivery"] is None

    assert run("alerts", "--json") == 0
    counts = json.loads(capsys.readouterr().out)
    assert counts["subscriptions"] == {"telegram": 1} and counts["outbox"]["pending"] > 0
    pending = counts["outbox"]["pending"]

    monkeypatch.setenv("TELEGRAM_TOKEN", "123:TEST")
    monkeypatch.setenv("TELEGRAM_API_URL", apis.telegram_url)
    for name in ("SLACK_TOKEN", "FACEBOOK_PAGE_ACCESS_TOKEN", "SMTP_HOST"):
        monkeypatch.delenv(name, raising=False)
    assert run("alerts", "--send") == 0
    text = capsys.readouterr().out
    assert f"Sent {pending};" in text and f"sent {pending}" in text
    assert len(apis.calls_of("telegram", "sendMessage")) == pending
