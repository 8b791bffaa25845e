"""Email alerts through SMTP, against a loopback SMTP server (tests/fakes/smtp_server.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from trials_db.alerts.models import utcnow
from trials_db.alerts.outbox import deliver
from trials_db.alerts.senders import EmailSender, senders_from_env

from ..fakes.smtp_server import FakeSmtpServer
from .fakes import closed_port_url
from .test_outbox import queue, rows


@pytest.fixture
def smtp():
    with FakeSmtpServer() as server:
        yield server


def test_email_is_sent_with_its_idempotency_key_as_message_id(empty_store, smtp, monkeypatch):
    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(smtp.port))
    monkeypatch.setenv("SMTP_FROM", "alerts@trials.example.org")
    for name in (
        "SMTP_USER",
        "SMTP_PASSWORD",
        "TELEGRAM_TOKEN",
        "SLACK_TOKEN",
        "FACEBOOK_PAGE_ACCESS_TOKEN",
    ):
        monkeypatch.delenv(name, raising=False)
    senders = senders_from_env()
    assert set(senders) == {"email"}
    queue(empty_store, "email", "pat@example.org")
    report = deliver(empty_store, senders)
    assert report.sent == 1, report.errors
    [mail] = smtp.messages
    assert mail.rcpt_to == ["pat@example.org"] and mail.mail_from == "alerts@trials.example.org"
    msg = mail.message
    key = rows(empty_store)[0].idempotency_key
    assert msg["Message-ID"] == f"<{key}@trials.example.org>"
    assert msg["Subject"] == "A new study may fit you"
    assert "A new study may fit you <0> & more" in msg.get_payload(decode=True).decode()
    assert rows(empty_store)[0].provider_message_id == msg["Message-ID"]


def test_a_temporary_smtp_refusal_or_a_down_server_is_retried(empty_store, smtp):
    queue(empty_store, "email", "pat@example.org", n=2)
    smtp.fail_next = 2
    good = {"email": EmailSender("127.0.0.1", smtp.port)}
    assert deliver(empty_store, good).retry_later == 2
    port = int(closed_port_url().rsplit(":", 1)[1])
    later = utcnow() + dt.timedelta(hours=7)
    assert (
        deliver(empty_store, {"email": EmailSender("127.0.0.1", port)}, now=later).retry_later == 2
    )
    assert smtp.messages == []
    assert deliver(empty_store, good, now=later + dt.timedelta(hours=7)).sent == 2
    assert len(smtp.messages) == 2


def test_without_smtp_email_waits_for_the_next_visit(empty_store):
    queue(empty_store, "email", "pat@example.org")
    report = deliver(empty_store, {})
    assert report.waiting_for_visit == 1 and rows(empty_store)[0].status == "waiting_for_visit"
