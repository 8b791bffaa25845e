"""A delivery process killed with SIGKILL at each crash point: never sent twice, never dropped."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys

import pytest

from trials_db.alerts.models import utcnow
from trials_db.alerts.outbox import SENDING_TIMEOUT, deliver, settle_in_doubt

from ..conftest import ROOT
from .test_outbox import queue, rows, telegram_texts


def run_worker(db_url: str, api_url: str, point: str) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "tests.alerts.crash_worker", db_url, api_url, point],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr[-2000:]
    return proc.returncode


def test_killed_after_claim_before_the_api_call(empty_store, db_url, apis, senders):
    queue(empty_store, "telegram", "700")
    run_worker(db_url, apis.telegram_url, "before_send")
    assert rows(empty_store)[0].status == "sending" and telegram_texts(apis, "700") == []
    assert deliver(empty_store, senders).sent == 0  # the claim is fresh: not touched yet
    report = deliver(empty_store, senders, now=utcnow() + SENDING_TIMEOUT * 2)
    assert report.requeued_after_crash == 1 and report.sent == 1
    assert len(telegram_texts(apis, "700")) == 1 and rows(empty_store)[0].status == "sent"


def test_killed_after_the_api_took_it_before_it_was_recorded(empty_store, db_url, apis, senders):
    queue(empty_store, "telegram", "701")
    run_worker(db_url, apis.telegram_url, "after_send")
    assert len(telegram_texts(apis, "701")) == 1
    row = rows(empty_store)[0]
    assert row.status == "sending" and row.send_started_at is not None and row.sent_at is None
    report = deliver(empty_store, senders, now=utcnow() + SENDING_TIMEOUT * 2)
    assert report.in_doubt == 1 and report.sent == 0
    deliver(empty_store, senders, now=utcnow() + dt.timedelta(hours=7))
    assert len(telegram_texts(apis, "701")) == 1  # not sent twice
    assert rows(empty_store)[0].status == "in_doubt"  # and not dropped: kept, listed, settled
    assert settle_in_doubt(empty_store, "sent") == 1


@pytest.mark.parametrize("point", ["before_send", "after_send"])
def test_other_messages_of_a_killed_run_go_out_once(empty_store, db_url, apis, senders, point):
    queue(empty_store, "telegram", "702", n=3)
    run_worker(db_url, apis.telegram_url, point)
    deliver(empty_store, senders, now=utcnow() + SENDING_TIMEOUT * 2)
    texts = telegram_texts(apis, "702")
    assert sorted(texts) == sorted(set(texts)) and len(texts) == 3  # each exactly once
    statuses = [r.status for r in rows(empty_store)]
    assert statuses.count("sent") == (3 if point == "before_send" else 2)
    assert statuses.count("in_doubt") == (0 if point == "before_send" else 1)
