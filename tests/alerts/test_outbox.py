"""The outbox against loopback fakes of each API: normal sends, a down API, crashes mid-send."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select

from trials_db.alerts import outbox
from trials_db.alerts.models import AlertSubscription, OutboxMessage, utcnow
from trials_db.alerts.outbox import SENDING_TIMEOUT, deliver, retry_failed, settle_in_doubt
from trials_db.alerts.senders import TelegramSender
from trials_db.alerts.service import pending_for_address, subscribe

from .conftest import PROFILE
from .fakes import closed_port_url

LATER = dt.timedelta(hours=7)  # past any backoff and the sending timeout


def queue(sessions, channel: str, address: str, n: int = 1) -> list[int]:
    """n messages for one person, as rematch() writes them."""
    ids = []
    with sessions() as s, s.begin():
        token = subscribe(s, PROFILE, channel, address)
        sub = s.scalars(select(AlertSubscription).where(AlertSubscription.token == token)).one()
        for i in range(n):
            m = OutboxMessage(
                subscription_id=sub.id,
                nct_id=f"NCT0000000{i}",
                channel=channel,
                address=address,
                body=f"A new study may fit you <{i}> & more",
                idempotency_key=f"alert-{sub.id}-{i}",
            )
            s.add(m)
            s.flush()
            ids.append(m.id)
    return ids


def rows(sessions) -> list[OutboxMessage]:
    with sessions() as s:
        return s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()


def telegram_texts(apis, chat: str) -> list[str]:
    return [
        c.params["text"]
        for c in apis.calls_of("telegram", "sendMessage")
        if c.params.get("chat_id") == chat
    ]


def test_each_channel_sends_through_its_api(empty_store, apis, senders):
    queue(empty_store, "telegram", "555")
    queue(empty_store, "slack", "U777")
    queue(empty_store, "facebook", "PSID-3")
    report = deliver(empty_store, senders)
    assert report.sent == 3 and report.errors == []
    assert telegram_texts(apis, "555") == ["A new study may fit you <0> & more"]
    slack = apis.calls_of("slack", "chat.postMessage")
    assert [c.params["channel"] for c in slack] == ["U777"]
    assert slack[0].params["text"] == "A new study may fit you &lt;0&gt; &amp; more"
    assert slack[0].headers["Authorization"] == "Bearer xoxb-test"
    assert slack[0].params["metadata"]["event_payload"]["key"].startswith("alert-")
    fb = apis.calls_of("facebook", "message")
    assert (
        fb[0].params["recipient"] == {"id": "PSID-3"}
        and fb[0].query["access_token"] == "page-token"
    )
    assert {r.status for r in rows(empty_store)} == {"sent"}
    assert all(r.sent_at and r.provider_message_id for r in rows(empty_store))
    assert deliver(empty_store, senders).sent == 0  # nothing is sent twice


@pytest.mark.parametrize(
    "platform,prefix", [("telegram", "/telegram"), ("slack", "/slack"), ("facebook", "/graph")]
)
def test_an_api_answering_500_loses_nothing_and_is_retried_after_a_backoff(
    empty_store, apis, senders, platform, prefix
):
    address = {"telegram": "556", "slack": "U1", "facebook": "PSID-4"}[platform]
    queue(empty_store, platform, address, n=2)
    apis.fail[prefix] = (500, {"ok": False, "error": "internal_error"})
    report = deliver(empty_store, senders)
    assert report.retry_later == 2 and report.sent == 0 and len(apis.refused) == 2
    for r in rows(empty_store):
        assert r.status == "pending" and r.attempts == 1 and r.next_attempt_at > utcnow()
    apis.fail.clear()
    assert deliver(empty_store, senders).sent == 0  # not due yet: the backoff holds
    assert deliver(empty_store, senders, now=utcnow() + LATER).sent == 2
    assert len(apis.calls_of(platform)) == 2
    assert {r.status for r in rows(empty_store)} == {"sent"}


def test_connection_refused_is_retried_and_sent_once_when_the_api_is_back(
    empty_store, apis, senders
):
    queue(empty_store, "telegram", "557", n=3)
    down = {"telegram": TelegramSender("123:TEST", closed_port_url("/telegram"))}
    report = deliver(empty_store, down)
    assert report.retry_later == 3 and {r.status for r in rows(empty_store)} == {"pending"}
    report = deliver(empty_store, down, now=utcnow() + LATER)
    assert report.retry_later == 3 and {r.attempts for r in rows(empty_store)} == {2}
    assert deliver(empty_store, senders, now=utcnow() + 2 * LATER).sent == 3
    assert len(telegram_texts(apis, "557")) == 3


def test_a_refusal_for_good_is_kept_as_failed_and_can_be_requeued(empty_store, apis, senders):
    queue(empty_store, "telegram", "558")
    apis.fail["/telegram"] = (
        403,
        {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"},
    )
    report = deliver(empty_store, senders)
    assert report.failed == 1 and "blocked" in rows(empty_store)[0].last_error
    apis.fail.clear()
    assert deliver(empty_store, senders, now=utcnow() + LATER).sent == 0
    assert retry_failed(empty_store) == 1
    assert deliver(empty_store, senders).sent == 1


def test_messenger_outside_its_24_hour_window_waits_for_the_next_message(
    empty_store, apis, senders
):
    queue(empty_store, "facebook", "PSID-5")
    apis.fail["/graph"] = (
        400,
        {
            "error": {
                "message": "outside of allowed window",
                "code": 10,
                "error_subcode": 2018278,
                "type": "OAuthException",
            }
        },
    )
    assert deliver(empty_store, senders).waiting_for_visit == 1
    with empty_store() as s, s.begin():
        assert [m["nct_id"] for m in pending_for_address(s, "facebook", "PSID-5")] == [
            "NCT00000000"
        ]


def test_a_channel_without_a_token_keeps_its_messages_queued(empty_store, apis, senders):
    queue(empty_store, "slack", "U9")
    report = deliver(empty_store, {"telegram": senders["telegram"]})
    assert report.not_configured == 1 and rows(empty_store)[0].status == "pending"
    assert deliver(empty_store, senders).sent == 1


# ------------------------------------------------------------------ crashes inside the process


def test_a_failure_to_record_sent_is_retried_before_giving_up(
    empty_store, apis, senders, monkeypatch
):
    from sqlalchemy.exc import OperationalError

    queue(empty_store, "telegram", "559")
    real, calls = outbox._mark_sent, []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("UPDATE", {}, Exception("connection reset"))
        return real(*args, **kwargs)

    monkeypatch.setattr(outbox, "_mark_sent", flaky)
    assert deliver(empty_store, senders).sent == 1
    assert rows(empty_store)[0].status == "sent" and len(telegram_texts(apis, "559")) == 1


def test_crash_between_send_and_mark_is_never_sent_twice(empty_store, apis, senders, monkeypatch):
    """The API took the message, then the run died before recording it: the row is left in
    'sending' with send_started_at; recovery makes it in_doubt and does not resend it."""
    queue(empty_store, "telegram", "560")

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed between send and mark")

    monkeypatch.setattr(outbox, "_mark_sent", crash)
    with pytest.raises(KeyboardInterrupt):
        deliver(empty_store, senders)
    monkeypatch.undo()
    assert rows(empty_store)[0].status == "sending"
    assert deliver(empty_store, senders).sent == 0  # its claim is recent: left alone
    report = deliver(empty_store, senders, now=utcnow() + SENDING_TIMEOUT * 2)
    assert report.in_doubt == 1 and report.sent == 0
    assert deliver(empty_store, senders, now=utcnow() + LATER).sent == 0
    assert len(telegram_texts(apis, "560")) == 1  # delivered once, never twice
    row = rows(empty_store)[0]
    assert row.status == "in_doubt" and "may have been delivered" in row.last_error
    assert settle_in_doubt(empty_store, "sent") == 1  # the operator confirms it arrived
    assert rows(empty_store)[0].status == "sent"


def test_crash_after_claim_before_the_api_call_is_sent_exactly_once(
    empty_store, apis, senders, monkeypatch
):
    queue(empty_store, "telegram", "561", n=2)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt("killed before the API call")

    monkeypatch.setattr(outbox, "_start_send", crash)
    with pytest.raises(KeyboardInterrupt):
        deliver(empty_store, senders)
    monkeypatch.undo()
    assert [r.status for r in rows(empty_store)] == ["sending", "sending"]
    assert telegram_texts(apis, "561") == []
    report = deliver(empty_store, senders, now=utcnow() + SENDING_TIMEOUT * 2)
    assert report.requeued_after_crash == 2 and report.sent == 2
    assert len(telegram_texts(apis, "561")) == 2  # once each


def test_a_run_presumed_dead_that_comes_back_still_records_sent(empty_store, apis, senders):
    [row_id] = queue(empty_store, "telegram", "562")
    token = "slow-run"
    [claimed] = outbox.claim(empty_store, ["telegram"], utcnow(), 10, token)
    assert outbox._start_send(empty_store, claimed, token)
    outbox.recover(empty_store, utcnow() + SENDING_TIMEOUT * 2)
    assert rows(empty_store)[0].status == "in_doubt"
    assert outbox._mark_sent(empty_store, claimed, token, "42")
    assert rows(empty_store)[0].status == "sent"


def test_in_doubt_resend_policy_is_at_least_once(empty_store, apis, senders, monkeypatch):
    queue(empty_store, "telegram", "563")
    monkeypatch.setattr(outbox, "_mark_sent", lambda *a, **k: (_ for _ in ()).throw(SystemExit()))
    with pytest.raises(SystemExit):
        deliver(empty_store, senders)
    monkeypatch.undo()
    report = deliver(empty_store, senders, now=utcnow() + SENDING_TIMEOUT * 2, in_doubt="resend")
    assert report.sent == 1 and len(telegram_texts(apis, "563")) == 2  # the documented cost


def test_parallel_runs_send_each_message_once(empty_store, apis, senders):
    queue(empty_store, "telegram", "564", n=12)
    queue(empty_store, "slack", "U564", n=12)
    reports, errors = [], []

    def run() -> None:
        try:
            reports.append(deliver(empty_store, senders, limit=5))
            reports.append(deliver(empty_store, senders, limit=5))
            reports.append(deliver(empty_store, senders, limit=5))
        except Exception as exc:  # pragma: no cover - shown by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    assert sum(r.sent for r in reports) == 24
    assert len(telegram_texts(apis, "564")) == 12
    assert len(apis.calls_of("slack", "chat.postMessage")) == 12
    assert {r.status for r in rows(empty_store)} == {"sent"}
