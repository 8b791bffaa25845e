"""What coordinators write about a conversation: review status, tags, notes, flags, referrals.

Every write checks, in its own transaction, that the conversation still has events after
writing: a row written while the patient's erasure commits would otherwise outlive it.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from sqlalchemy import delete, exists, select
from sqlalchemy.engine import Connection

from .db import lock_for_erasure
from .models import events, review_flag, review_note, review_referral, review_status, review_tag
from .queries import REFERRAL_STATUSES
from .storable import storable

TAG_RE = re.compile(r"^[\w][\w .-]{0,39}$")
MAX_NOTE = 5000


class ConversationGone(LookupError):
    """The conversation was erased (or never existed)."""


class WorkflowError(ValueError):
    """Input that cannot be accepted; the message says why."""


def _begin(conn: Connection) -> None:
    lock_for_erasure(conn)


def _ensure_exists(conn: Connection, sender_id: str) -> None:
    if not conn.execute(select(exists().where(events.c.sender_id == sender_id))).scalar():
        raise ConversationGone(sender_id)


def set_review_status(conn: Connection, sender_id: str, reviewed: bool, by: str) -> None:
    _begin(conn)
    conn.execute(delete(review_status).where(review_status.c.sender_id == sender_id))
    if reviewed:
        conn.execute(
            review_status.insert().values(
                sender_id=sender_id, status="reviewed", updated_by=by, updated_at=time.time()
            )
        )
    _ensure_exists(conn, sender_id)


def normalize_tag(tag: str) -> str:
    tag = " ".join(tag.strip().lower().split())
    if not TAG_RE.match(tag):
        raise WorkflowError("A tag is 1 to 40 letters, digits, spaces, '.', '_' or '-'.")
    return tag


def add_tag(conn: Connection, sender_id: str, tag: str, by: str) -> str:
    tag = normalize_tag(tag)
    _begin(conn)
    conn.execute(
        delete(review_tag).where(review_tag.c.sender_id == sender_id, review_tag.c.tag == tag)
    )
    conn.execute(
        review_tag.insert().values(
            sender_id=sender_id, tag=tag, created_by=by, created_at=time.time()
        )
    )
    _ensure_exists(conn, sender_id)
    return tag


def remove_tag(conn: Connection, sender_id: str, tag: str) -> None:
    conn.execute(
        delete(review_tag).where(
            review_tag.c.sender_id == sender_id, review_tag.c.tag == tag.strip().lower()
        )
    )


def add_note(conn: Connection, sender_id: str, text: str, by: str) -> None:
    text = storable(text.strip())
    if not text:
        raise WorkflowError("A note cannot be empty.")
    if len(text) > MAX_NOTE:
        raise WorkflowError(f"A note has at most {MAX_NOTE} characters.")
    _begin(conn)
    conn.execute(
        review_note.insert().values(
            sender_id=sender_id, author=by, created_at=time.time(), text=text
        )
    )
    _ensure_exists(conn, sender_id)


def set_flag(
    conn: Connection, sender_id: str, event_id: int, flagged: bool, by: str, reason: str = ""
) -> None:
    """Flag (or unflag) one message: a user or bot event of this conversation."""
    conn.execute(
        delete(review_flag).where(
            review_flag.c.sender_id == sender_id, review_flag.c.event_id == event_id
        )
    )
    if not flagged:
        return
    _begin(conn)
    is_message = conn.execute(
        select(
            exists().where(
                events.c.id == event_id,
                events.c.sender_id == sender_id,
                events.c.type_name.in_(("user", "bot")),
            )
        )
    ).scalar()
    if not is_message:
        raise WorkflowError("Only a message of this conversation can be flagged.")
    conn.execute(
        review_flag.insert().values(
            sender_id=sender_id,
            event_id=event_id,
            reason=storable(reason.strip()[:200]),
            flagged_by=by,
            flagged_at=time.time(),
        )
    )
    _ensure_exists(conn, sender_id)


def set_referral_status(
    conn: Connection, sender_id: str, nct_id: str, status: str, by: str
) -> None:
    if status not in REFERRAL_STATUSES:
        raise WorkflowError("Unknown referral status.")
    _begin(conn)
    conn.execute(
        delete(review_referral).where(
            review_referral.c.sender_id == sender_id, review_referral.c.nct_id == nct_id
        )
    )
    conn.execute(
        review_referral.insert().values(
            sender_id=sender_id, nct_id=nct_id, status=status, updated_by=by, updated_at=time.time()
        )
    )
    _ensure_exists(conn, sender_id)


@dataclass
class ReviewState:
    """Everything coordinators wrote about one conversation, for its page."""

    status: str
    status_by: str
    status_at: float | None
    tags: list[str]
    notes: list[dict]
    flags: dict[int, dict]
    referrals: dict[str, str]


def review_state(conn: Connection, sender_id: str) -> ReviewState:
    status = conn.execute(
        select(review_status).where(review_status.c.sender_id == sender_id)
    ).first()
    return ReviewState(
        status=status.status if status else "unreviewed",
        status_by=status.updated_by if status else "",
        status_at=status.updated_at if status else None,
        tags=[
            r.tag
            for r in conn.execute(
                select(review_tag.c.tag)
                .where(review_tag.c.sender_id == sender_id)
                .order_by(review_tag.c.tag)
            )
        ],
        notes=[
            dict(r._mapping)
            for r in conn.execute(
                select(review_note.c.author, review_note.c.created_at, review_note.c.text)
                .where(review_note.c.sender_id == sender_id)
                .order_by(review_note.c.id)
            )
        ],
        flags={
            r.event_id: dict(r._mapping)
            for r in conn.execute(select(review_flag).where(review_flag.c.sender_id == sender_id))
        },
        referrals={
            r.nct_id: r.status
            for r in conn.execute(
                select(review_referral).where(review_referral.c.sender_id == sender_id)
            )
        },
    )
