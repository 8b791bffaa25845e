"""Tables for saved alert subscriptions, the studies already announced to each, and the outbox.

Registered on the trial store's shared ``Base``, so ``make_engine`` creates them with the rest.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import relationship

from ..models import Base

CHANNELS = ("telegram", "slack", "facebook", "email", "web")
# pending -> sending -> sent; or back to pending (API error, backoff); failed (permanent error or
# too many attempts); in_doubt (the process stopped while a send was under way: see outbox.py);
# waiting_for_visit (web visitors, or email with no SMTP server: shown at the next visit).
STATUSES = ("pending", "sending", "sent", "failed", "in_doubt", "waiting_for_visit")


def utcnow() -> dt.datetime:
    """Naive UTC, as the rest of the store keeps times."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class AlertSubscription(Base):
    """One person's saved profile and where to tell them about a new study."""

    __tablename__ = "alert_subscriptions"

    id = Column(Integer, primary_key=True)
    profile = Column(JSON, nullable=False)  # Profile.to_dict()
    channel = Column(String(16), nullable=False)
    address = Column(Text)  # chat id, Slack user, Messenger PSID, email; None for a web visitor
    token = Column(String(64), nullable=False, unique=True)  # unsubscribe / web-visit key
    created_at = Column(DateTime, nullable=False, default=utcnow)

    matches = relationship("AlertMatch", cascade="all, delete-orphan", passive_deletes=True)
    messages = relationship("OutboxMessage", cascade="all, delete-orphan", passive_deletes=True)

    __table_args__ = (UniqueConstraint("channel", "address", name="uq_alert_subscription_address"),)


class AlertMatch(Base):
    """A study that looked likely or might fit a person, recorded once so it is announced once."""

    __tablename__ = "alert_matches"

    id = Column(Integer, primary_key=True)
    subscription_id = Column(
        Integer, ForeignKey("alert_subscriptions.id", ondelete="CASCADE"), nullable=False
    )
    nct_id = Column(String(16), nullable=False)
    verdict = Column(String(20), nullable=False)
    announced = Column(Boolean, nullable=False, default=True)  # False: already shown in the chat
    created_at = Column(DateTime, nullable=False, default=utcnow)

    __table_args__ = (
        UniqueConstraint("subscription_id", "nct_id", name="uq_alert_match_study"),
        Index("ix_alert_matches_nct_id", "nct_id"),
    )


class OutboxMessage(Base):
    """One message to send; the row is the only record of it until it is sent."""

    __tablename__ = "alert_outbox"

    id = Column(Integer, primary_key=True)
    subscription_id = Column(
        Integer, ForeignKey("alert_subscriptions.id", ondelete="CASCADE"), nullable=False
    )
    nct_id = Column(String(16))
    channel = Column(String(16), nullable=False)
    address = Column(Text)
    body = Column(Text, nullable=False)
    idempotency_key = Column(String(80), nullable=False, unique=True)
    status = Column(String(20), nullable=False, default="pending")
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(DateTime, nullable=False, default=utcnow)
    claim_token = Column(String(32))  # which delivery run holds the row while it is 'sending'
    claimed_at = Column(DateTime)
    send_started_at = Column(DateTime)  # committed just before the API call: see outbox.py
    sent_at = Column(DateTime)
    provider_message_id = Column(Text)
    last_error = Column(Text)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        Index("ix_alert_outbox_status_next", "status", "next_attempt_at"),
        Index("ix_alert_outbox_subscription", "subscription_id"),
    )


class AlertRefreshState(Base):
    """When the last successful refresh from ClinicalTrials.gov started (one row per source)."""

    __tablename__ = "alert_refresh_state"

    source = Column(String(40), primary_key=True)
    last_run_at = Column(DateTime, nullable=False)
    studies_seen = Column(Integer, nullable=False, default=0)
