"""Deliver queued alerts: claim rows, send, record the outcome; a crash or a down API loses nothing.

Delivery guarantee (Telegram, Slack and Messenger take no idempotency key, so "sent" cannot be
recorded atomically with the send). Each row goes through commits that bracket the API call::

    pending --claim--> sending --send_started_at--> [API call] --> sent
                                                            \\--> pending (+attempts, backoff)
                                                            \\--> failed (refused for good)

A 'sending' row whose claim is older than ``timeout`` belonged to a run that stopped. Recovery
checks what was recorded: ``sent_at`` set -> it was sent; no ``send_started_at`` -> the API was
never called, so it goes back to pending and is sent once; ``send_started_at`` without ``sent_at``
-> the process stopped during or right after the call and nothing can tell whether the person got
it, so the row becomes ``in_doubt`` and is NOT resent automatically (at-most-once for that narrow
window, never twice). In-doubt rows stay in the table and are listed by ``alerts``; an operator
resends them (``--in-doubt resend``, at-least-once) or confirms them. A late answer from the run
that was presumed dead still marks the row sent. Email carries the key as its Message-ID.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import uuid
from dataclasses import dataclass, field
from typing import Mapping

from sqlalchemy import func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from .models import OutboxMessage, utcnow
from .senders import SendError, Sender

SENDING_TIMEOUT = dt.timedelta(minutes=2)  # well above the senders' 20 s HTTP timeout
MAX_ATTEMPTS = 12
BACKOFF_BASE_S = 60
BACKOFF_MAX_S = 6 * 3600
OUTBOX = OutboxMessage


@dataclass
class Claimed:
    id: int
    channel: str
    address: str | None
    body: str
    key: str
    attempts: int


@dataclass
class DeliveryReport:
    sent: int = 0
    retry_later: int = 0
    failed: int = 0
    in_doubt: int = 0
    waiting_for_visit: int = 0
    requeued_after_crash: int = 0
    not_configured: int = 0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"Sent {self.sent}; to retry later {self.retry_later}; failed {self.failed}; "
            f"in doubt {self.in_doubt}; waiting for a visit {self.waiting_for_visit}; "
            f"requeued after a stopped run {self.requeued_after_crash}; "
            f"no sender configured {self.not_configured}."
        )


def backoff(attempts: int, retry_after: float | None = None) -> dt.timedelta:
    delay = min(BACKOFF_BASE_S * 2 ** max(attempts - 1, 0), BACKOFF_MAX_S)
    return dt.timedelta(seconds=max(delay, retry_after or 0))


def recover(
    sessions: sessionmaker,
    now: dt.datetime,
    timeout: dt.timedelta = SENDING_TIMEOUT,
    in_doubt: str = "hold",
) -> tuple[int, int]:
    """Settle 'sending' rows of runs that stopped; returns (requeued, newly in doubt)."""
    requeued = doubtful = 0
    with sessions() as session, session.begin():
        stmt = select(OUTBOX.id, OUTBOX.claim_token, OUTBOX.send_started_at, OUTBOX.sent_at).where(
            OUTBOX.status == "sending", OUTBOX.claimed_at < now - timeout
        )
        if session.bind.dialect.name == "postgresql":
            stmt = stmt.with_for_update(skip_locked=True)
        for row_id, token, started, sent_at in session.execute(stmt).all():
            where = (OUTBOX.id == row_id, OUTBOX.status == "sending", OUTBOX.claim_token == token)
            if sent_at is not None:
                values = {"status": "sent"}
            elif started is None or in_doubt == "resend":
                values = {
                    "status": "pending",
                    "claim_token": None,
                    "claimed_at": None,
                    "send_started_at": None,
                    "next_attempt_at": now,
                    "last_error": None if started is None else "resent after a stopped run",
                }
            else:
                values = {
                    "status": "in_doubt",
                    "last_error": (
                        "the run stopped during or right after the API call: it may have been "
                        "delivered; not resent automatically"
                    ),
                }
            stmt = update(OUTBOX).where(*where).values(updated_at=now, **values)
            done = session.execute(stmt).rowcount
            if done and values["status"] == "pending":
                requeued += 1
            elif done and values["status"] == "in_doubt":
                doubtful += 1
    return requeued, doubtful


def _park_unsendable(sessions: sessionmaker, channels: set[str], now: dt.datetime) -> int:
    """Email with no SMTP server configured waits for the person's next visit to the page."""
    if "email" in channels:
        return 0
    with sessions() as session, session.begin():
        return session.execute(
            update(OUTBOX)
            .where(OUTBOX.status == "pending", OUTBOX.channel == "email")
            .values(status="waiting_for_visit", updated_at=now)
        ).rowcount


def claim(
    sessions: sessionmaker, channels: list[str], now: dt.datetime, limit: int, token: str
) -> list[Claimed]:
    """Mark up to ``limit`` due pending rows as ours ('sending'), in one transaction."""
    due = (OUTBOX.status == "pending", OUTBOX.next_attempt_at <= now, OUTBOX.channel.in_(channels))
    values = dict(
        status="sending", claim_token=token, claimed_at=now, send_started_at=None, updated_at=now
    )
    with sessions() as session, session.begin():
        if session.bind.dialect.name == "postgresql":
            ids = list(
                session.scalars(
                    select(OUTBOX.id)
                    .where(*due)
                    .order_by(OUTBOX.id)
                    .limit(limit)
                    .with_for_update(skip_locked=True)
                )
            )
            if ids:
                session.execute(
                    update(OUTBOX)
                    .where(OUTBOX.id.in_(ids))
                    .values(**values)
                    .execution_options(synchronize_session=False)
                )
        else:  # SQLite: one conditional UPDATE, atomic under its single writer lock
            sub = select(OUTBOX.id).where(*due).order_by(OUTBOX.id).limit(limit).scalar_subquery()
            session.execute(
                update(OUTBOX)
                .where(OUTBOX.id.in_(sub), OUTBOX.status == "pending")
                .values(**values)
                .execution_options(synchronize_session=False)
            )
        rows = session.execute(
            select(
                OUTBOX.id,
                OUTBOX.channel,
                OUTBOX.address,
                OUTBOX.body,
                OUTBOX.idempotency_key,
                OUTBOX.attempts,
            )
            .where(OUTBOX.claim_token == token, OUTBOX.status == "sending")
            .order_by(OUTBOX.id)
        ).all()
    return [Claimed(*r) for r in rows]


def _update(
    sessions: sessionmaker, row: Claimed, token: str, statuses: tuple[str, ...], **values
) -> bool:
    with sessions() as session, session.begin():
        return (
            session.execute(
                update(OUTBOX)
                .where(
                    OUTBOX.id == row.id, OUTBOX.claim_token == token, OUTBOX.status.in_(statuses)
                )
                .values(updated_at=utcnow(), **values)
            ).rowcount
            == 1
        )


def _start_send(sessions: sessionmaker, row: Claimed, token: str) -> bool:
    """Committed just before the API call: from here on a stopped run leaves the row in doubt."""
    return _update(sessions, row, token, ("sending",), send_started_at=utcnow())


def _mark_sent(sessions: sessionmaker, row: Claimed, token: str, provider_id: str | None) -> bool:
    # 'in_doubt' too: a run presumed dead that comes back with the API's answer settles it.
    return _update(
        sessions,
        row,
        token,
        ("sending", "in_doubt"),
        status="sent",
        sent_at=utcnow(),
        provider_message_id=provider_id,
        last_error=None,
    )


def _mark_sent_durably(
    sessions: sessionmaker, row: Claimed, token: str, provider_id: str | None, tries: int = 3
) -> None:
    """The API took it: record that, retrying a database hiccup, before anything else."""
    for attempt in range(1, tries + 1):
        try:
            _mark_sent(sessions, row, token, provider_id)
            return
        except SQLAlchemyError:
            if attempt == tries:
                raise  # the row stays 'sending' with send_started_at: in doubt, never resent
            time.sleep(0.2 * attempt)


def _record_failure(
    sessions: sessionmaker,
    row: Claimed,
    token: str,
    exc: SendError,
    now: dt.datetime,
    report: DeliveryReport,
) -> None:
    error = str(exc)[:500]
    report.errors.append(f"{row.channel} message {row.id}: {error}")
    attempts = row.attempts + 1
    if exc.wait_for_visit:
        _update(
            sessions,
            row,
            token,
            ("sending",),
            status="waiting_for_visit",
            attempts=attempts,
            last_error=error,
        )
        report.waiting_for_visit += 1
    elif exc.in_doubt:
        _update(
            sessions,
            row,
            token,
            ("sending",),
            status="in_doubt",
            attempts=attempts,
            last_error=error,
        )
        report.in_doubt += 1
    elif exc.retryable and attempts < MAX_ATTEMPTS:
        _update(
            sessions,
            row,
            token,
            ("sending",),
            status="pending",
            attempts=attempts,
            last_error=error,
            claim_token=None,
            claimed_at=None,
            send_started_at=None,
            next_attempt_at=now + backoff(attempts, exc.retry_after),
        )
        report.retry_later += 1
    else:
        _update(
            sessions, row, token, ("sending",), status="failed", attempts=attempts, last_error=error
        )
        report.failed += 1


async def deliver_async(
    sessions: sessionmaker,
    senders: Mapping[str, Sender],
    *,
    limit: int = 500,
    now: dt.datetime | None = None,
    timeout: dt.timedelta = SENDING_TIMEOUT,
    in_doubt: str = "hold",
) -> DeliveryReport:
    """One delivery run: settle stopped runs, claim due rows, send each, record each outcome."""
    now = now or utcnow()
    report = DeliveryReport()
    report.requeued_after_crash, report.in_doubt = recover(sessions, now, timeout, in_doubt)
    report.waiting_for_visit += _park_unsendable(sessions, set(senders), now)
    token = uuid.uuid4().hex
    for row in claim(sessions, sorted(senders), now, limit, token):
        if not _start_send(sessions, row, token):
            continue  # the person unsubscribed meanwhile
        try:
            provider_id = await senders[row.channel].send(row.address or "", row.body, row.key)
        except SendError as exc:
            _record_failure(sessions, row, token, exc, now, report)
            continue
        except Exception as exc:  # a sender bug: whether it went out is unknown
            _record_failure(sessions, row, token, SendError(repr(exc), in_doubt=True), now, report)
            continue
        _mark_sent_durably(sessions, row, token, provider_id)
        report.sent += 1
    with sessions() as session:
        unsendable = OUTBOX.channel.not_in(sorted(senders) or [""])
        report.not_configured = (
            session.scalar(
                select(func.count())
                .select_from(OUTBOX)
                .where(OUTBOX.status == "pending", unsendable)
            )
            or 0
        )
    return report


def deliver(sessions: sessionmaker, senders: Mapping[str, Sender], **kwargs) -> DeliveryReport:
    """Synchronous wrapper of :func:`deliver_async` (for the command line and tests)."""
    return asyncio.run(deliver_async(sessions, senders, **kwargs))


def settle_in_doubt(sessions: sessionmaker, action: str, ids: list[int] | None = None) -> int:
    """Operator decision on in-doubt rows: ``resend`` (back to pending) or ``sent`` (confirmed)."""
    now = utcnow()
    values = (
        {
            "status": "pending",
            "claim_token": None,
            "claimed_at": None,
            "send_started_at": None,
            "next_attempt_at": now,
        }
        if action == "resend"
        else {"status": "sent", "sent_at": now}
    )
    with sessions() as session, session.begin():
        stmt = update(OUTBOX).where(OUTBOX.status == "in_doubt")
        if ids:
            stmt = stmt.where(OUTBOX.id.in_(ids))
        return session.execute(stmt.values(updated_at=now, **values)).rowcount


def retry_failed(sessions: sessionmaker) -> int:
    """Put failed rows back in the queue (e.g. after fixing a token); attempts start again."""
    now = utcnow()
    with sessions() as session, session.begin():
        return session.execute(
            update(OUTBOX)
            .where(OUTBOX.status == "failed")
            .values(
                status="pending",
                attempts=0,
                next_attempt_at=now,
                claim_token=None,
                claimed_at=None,
                send_started_at=None,
                updated_at=now,
            )
        ).rowcount
