"""Tables: Rasa's ``events`` (read only, never created here) and the review app's own tables.

Our tables fall in two groups. *Index* tables (``review_conversation``,
``review_conversation_trial``) are derived from ``events`` and can be rebuilt at any time.
*Review* tables hold what coordinators wrote (status, tags, notes, flags, referral status)
plus accounts, sessions and the audit log. Everything keyed by ``sender_id`` is erased by
``review.erase.erase_conversation``; the audit log keeps only pseudonyms.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Rasa 3.6 SQLTrackerStore.SQLEvent, declared here only to read it (not in ``metadata``).
events_metadata = MetaData()
events = Table(
    "events",
    events_metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)

metadata = MetaData()

# --- index: one row per conversation (sender_id), rebuilt from events ---------------------
conversation = Table(
    "review_conversation",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("pseudonym", String(32), nullable=False, unique=True),
    Column("started_at", Float, nullable=False, index=True),
    Column("last_at", Float, nullable=False, index=True),
    Column("event_count", Integer, nullable=False),
    Column("max_event_id", Integer, nullable=False),
    Column("channel", String(64), nullable=False, default=""),
    Column("user_messages", Integer, nullable=False, default=0),
    Column("consented", Boolean, nullable=False, default=False),
    Column("completed", Boolean, nullable=False, default=False),
    Column("n_likely", Integer, nullable=False, default=0),
    Column("n_possible", Integer, nullable=False, default=0),
    Column("n_trials", Integer, nullable=False, default=0),
    Column("contact_requested", Boolean, nullable=False, default=False),
    Column("contact_requested_at", Float),
    # The latest contact_request value as JSON (name and contact: shown in the referral queue).
    Column("contact_json", Text),
    # Lower-cased text the patient typed, for the free-text filter.
    Column("search_text", Text, nullable=False, default=""),
    # "crisis" or "symptoms" when the safety check answered a message so: urgent review.
    Column("urgent", String(16), nullable=False, default="", index=True),
)

# One row per conversation x trial of the latest results the bot showed.
conversation_trial = Table(
    "review_conversation_trial",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("nct_id", String(32), primary_key=True),
    Column("position", Integer, nullable=False),
    Column("title", Text, nullable=False, default=""),
    Column("verdict", String(32), nullable=False, default=""),
    Column("overall_status", String(64), nullable=False, default=""),
    Column("location", Text, nullable=False, default=""),
    Column("n_met", Integer, nullable=False, default=0),
    Column("n_not_met", Integer, nullable=False, default=0),
    Column("n_open", Integer, nullable=False, default=0),
    # JSON list of the criteria still to check ({kind, text, status, explanation}).
    Column("open_criteria_json", Text, nullable=False, default="[]"),
    Column("shown_at", Float),
    Index("ix_review_conversation_trial_nct", "nct_id"),
)

# --- review data written by coordinators --------------------------------------------------
review_status = Table(
    "review_status",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("status", String(32), nullable=False),
    Column("updated_by", String(64), nullable=False),
    Column("updated_at", Float, nullable=False),
)

review_tag = Table(
    "review_tag",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("tag", String(40), primary_key=True),
    Column("created_by", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Index("ix_review_tag_tag", "tag"),
)

review_note = Table(
    "review_note",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("author", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("text", Text, nullable=False),
)

# A flagged message: the events row id of a user or bot event.
review_flag = Table(
    "review_flag",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("event_id", Integer, primary_key=True),
    Column("reason", String(200), nullable=False, default=""),
    Column("flagged_by", String(64), nullable=False),
    Column("flagged_at", Float, nullable=False),
)

# Where a contact request stands; nct_id "" is a request not tied to a trial.
review_referral = Table(
    "review_referral",
    metadata,
    Column("sender_id", String(255), primary_key=True),
    Column("nct_id", String(32), primary_key=True),
    Column("status", String(32), nullable=False),
    Column("updated_by", String(64), nullable=False),
    Column("updated_at", Float, nullable=False),
)

# Tables holding rows keyed by a conversation's sender_id: what erasure must clear.
CONVERSATION_TABLES = (
    conversation,
    conversation_trial,
    review_status,
    review_tag,
    review_note,
    review_flag,
    review_referral,
)

# --- accounts, sessions, audit, settings --------------------------------------------------
user = Table(
    "review_user",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(16), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", Float, nullable=False),
    Column("last_login_at", Float),
)

# Only a hash of the session token is stored: a leaked table does not log anyone in.
session = Table(
    "review_session",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column(
        "user_id",
        Integer,
        ForeignKey("review_user.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", Float, nullable=False),
    Column("last_seen", Float, nullable=False),
)

login_failure = Table(
    "review_login_failure",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(64), nullable=False, index=True),
    Column("address", String(64), nullable=False, index=True),
    Column("at", Float, nullable=False, index=True),
)

audit = Table(
    "review_audit",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", Float, nullable=False, index=True),
    Column("user_name", String(64), nullable=False),
    Column("action", String(40), nullable=False),
    # A pseudonym, an account name or a description of an export; never a raw sender_id.
    Column("target", String(255), nullable=False, default=""),
    Column("detail", Text, nullable=False, default=""),
    Column("address", String(64), nullable=False, default=""),
)

setting = Table(
    "review_setting",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
