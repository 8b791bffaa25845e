"""Read queries over the conversation index and review tables: list, filters, funnel, queue."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field, fields
from typing import Mapping
from zoneinfo import ZoneInfo

from sqlalchemy import and_, distinct, exists, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement

from .models import (
    conversation,
    conversation_trial,
    review_flag,
    review_note,
    review_referral,
    review_status,
    review_tag,
)
from .pseudonym import looks_like_pseudonym

NCT_RE = re.compile(r"^NCT\d{8}$")
COUNT_CHOICES = ("", "0", "1", "2", "3")
REFERRAL_STATUSES = {
    "new": "New",
    "contacted": "Contacted",
    "referred": "Passed to study team",
    "closed": "Closed",
}


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


@dataclass
class Filters:
    """The conversation-list filters, read from and written back to a query string."""

    date_from: str = ""
    date_to: str = ""
    channel: str = ""
    screening: str = ""  # "" | completed | abandoned
    likely: str = ""  # "" | 0 (none) | n (at least n)
    possible: str = ""
    contact: str = ""  # "" | yes | no
    review: str = ""  # "" | reviewed | unreviewed
    tag: str = ""
    nct: str = ""
    q: str = ""
    urgent: str = ""  # "" | yes
    page: int = 1

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> "Filters":
        """Filters from request parameters; values that make no sense are dropped."""

        def pick(name: str, allowed: tuple[str, ...]) -> str:
            value = query.get(name, "")
            return value if value in allowed else ""

        try:
            page = max(1, min(int(query.get("page", "1")), 1_000_000))
        except ValueError:
            page = 1
        nct = query.get("nct", "").strip().upper()
        return cls(
            date_from=query.get("date_from", "") if _date(query.get("date_from", "")) else "",
            date_to=query.get("date_to", "") if _date(query.get("date_to", "")) else "",
            channel=query.get("channel", "").strip()[:64],
            screening=pick("screening", ("", "completed", "abandoned")),
            likely=pick("likely", COUNT_CHOICES),
            possible=pick("possible", COUNT_CHOICES),
            contact=pick("contact", ("", "yes", "no")),
            review=pick("review", ("", "reviewed", "unreviewed")),
            tag=query.get("tag", "").strip().lower()[:40],
            nct=nct if NCT_RE.match(nct) else "",
            q=query.get("q", "").strip()[:200],
            urgent=pick("urgent", ("", "yes")),
            page=page,
        )

    def params(self, **changes: object) -> dict[str, str]:
        """The non-empty filters as query parameters (page 1 left out)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values.update(changes)
        return {
            k: str(v)
            for k, v in values.items()
            if v not in ("", None) and not (k == "page" and int(v) == 1)
        }

    def describe(self) -> str:
        """The filters for the audit log; free text is not copied there, only its length."""
        params = self.params(page=1)
        if "q" in params:
            params["q"] = f"<{len(self.q)} characters>"
        return ", ".join(f"{k}={v}" for k, v in sorted(params.items())) or "all"

    @property
    def active(self) -> bool:
        return bool(self.params(page=1))


def _day_start(day: dt.date, tz: ZoneInfo) -> float:
    return dt.datetime.combine(day, dt.time(), tzinfo=tz).timestamp()


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _count_condition(column, choice: str) -> ColumnElement:
    return column == 0 if choice == "0" else column >= int(choice)


def conditions(f: Filters, tz: ZoneInfo) -> list[ColumnElement]:
    """SQL conditions on ``review_conversation`` (joined with ``review_status``) for ``f``."""
    c = conversation.c
    where: list[ColumnElement] = []
    if f.date_from:
        where.append(c.started_at >= _day_start(_date(f.date_from), tz))
    if f.date_to:
        where.append(c.started_at < _day_start(_date(f.date_to) + dt.timedelta(days=1), tz))
    if f.channel:
        where.append(c.channel == f.channel)
    if f.screening:
        where.append(c.completed.is_(f.screening == "completed"))
    if f.likely:
        where.append(_count_condition(c.n_likely, f.likely))
    if f.possible:
        where.append(_count_condition(c.n_possible, f.possible))
    if f.contact:
        where.append(c.contact_requested.is_(f.contact == "yes"))
    if f.urgent:
        where.append(c.urgent != "")
    if f.review == "reviewed":
        where.append(review_status.c.status == "reviewed")
    elif f.review == "unreviewed":
        where.append(or_(review_status.c.status.is_(None), review_status.c.status != "reviewed"))
    if f.tag:
        where.append(
            exists().where(review_tag.c.sender_id == c.sender_id, review_tag.c.tag == f.tag)
        )
    if f.nct:
        # An alias: the export joins review_conversation_trial itself, and the subquery
        # must not correlate with that join.
        shown = conversation_trial.alias("shown")
        where.append(exists().where(shown.c.sender_id == c.sender_id, shown.c.nct_id == f.nct))
    if f.q:
        pattern = _like(f.q)
        options = [
            c.search_text.like(pattern, escape="\\"),
            exists().where(
                review_note.c.sender_id == c.sender_id,
                func.lower(review_note.c.text).like(pattern, escape="\\"),
            ),
        ]
        if looks_like_pseudonym(f.q):
            options.append(c.pseudonym == f.q)
        where.append(or_(*options))
    return where


def _base():
    return conversation.outerjoin(
        review_status, review_status.c.sender_id == conversation.c.sender_id
    )


@dataclass
class ConversationRow:
    pseudonym: str
    started_at: float
    last_at: float
    channel: str
    user_messages: int
    consented: bool
    completed: bool
    n_likely: int
    n_possible: int
    n_trials: int
    contact_requested: bool
    review_status: str
    reviewed_by: str
    tags: list[str] = field(default_factory=list)
    flags: int = 0
    urgent: str = ""


@dataclass
class Page:
    rows: list[ConversationRow]
    total: int
    page: int
    pages: int


def list_conversations(conn: Connection, f: Filters, tz: ZoneInfo, page_size: int) -> Page:
    """One page of conversations matching ``f``, most recent activity first."""
    where = conditions(f, tz)
    total = conn.execute(select(func.count()).select_from(_base()).where(*where)).scalar()
    pages = max(1, math.ceil(total / page_size))
    page = min(f.page, pages)
    c = conversation.c
    result = conn.execute(
        select(
            c.sender_id,
            c.pseudonym,
            c.started_at,
            c.last_at,
            c.channel,
            c.user_messages,
            c.consented,
            c.completed,
            c.n_likely,
            c.n_possible,
            c.n_trials,
            c.contact_requested,
            c.urgent,
            review_status.c.status,
            review_status.c.updated_by,
        )
        .select_from(_base())
        .where(*where)
        .order_by(c.last_at.desc(), c.sender_id)
        .limit(page_size)
        .offset((page - 1) * page_size)
    ).all()
    senders = [r.sender_id for r in result]
    tags: dict[str, list[str]] = {}
    flags: dict[str, int] = {}
    if senders:
        for r in conn.execute(
            select(review_tag.c.sender_id, review_tag.c.tag)
            .where(review_tag.c.sender_id.in_(senders))
            .order_by(review_tag.c.tag)
        ):
            tags.setdefault(r.sender_id, []).append(r.tag)
        for r in conn.execute(
            select(review_flag.c.sender_id, func.count().label("n"))
            .where(review_flag.c.sender_id.in_(senders))
            .group_by(review_flag.c.sender_id)
        ):
            flags[r.sender_id] = r.n
    rows = [
        ConversationRow(
            pseudonym=r.pseudonym,
            started_at=r.started_at,
            last_at=r.last_at,
            channel=r.channel,
            user_messages=r.user_messages,
            consented=r.consented,
            completed=r.completed,
            n_likely=r.n_likely,
            n_possible=r.n_possible,
            n_trials=r.n_trials,
            contact_requested=r.contact_requested,
            review_status=r.status or "unreviewed",
            reviewed_by=r.updated_by or "",
            tags=tags.get(r.sender_id, []),
            flags=flags.get(r.sender_id, 0),
            urgent=r.urgent or "",
        )
        for r in result
    ]
    return Page(rows=rows, total=total, page=page, pages=pages)


def urgent_unreviewed(conn: Connection) -> int:
    """Conversations the safety check marked urgent that nobody has marked reviewed yet."""
    return (
        conn.execute(
            select(func.count())
            .select_from(_base())
            .where(
                conversation.c.urgent != "",
                or_(review_status.c.status.is_(None), review_status.c.status != "reviewed"),
            )
        ).scalar()
        or 0
    )


def filter_choices(conn: Connection) -> dict[str, list[str]]:
    """The channels, tags and trials that exist, for the filter form's select boxes."""
    return {
        "channels": [
            r[0]
            for r in conn.execute(
                select(distinct(conversation.c.channel))
                .where(conversation.c.channel != "")
                .order_by(conversation.c.channel)
            )
        ],
        "tags": [
            r[0]
            for r in conn.execute(select(distinct(review_tag.c.tag)).order_by(review_tag.c.tag))
        ],
    }


# --- the screening funnel -----------------------------------------------------------------
FUNNEL_STAGES = (
    ("conversations", "Conversations"),
    ("consented", "Consented"),
    ("completed", "Screening completed"),
    ("likely", "Any likely trial"),
    ("contact", "Contact requested"),
)


@dataclass
class FunnelWeek:
    week_start: dt.date
    counts: dict[str, int]


def funnel_by_week(
    conn: Connection, tz: ZoneInfo, weeks: int, today: dt.date | None = None
) -> list[FunnelWeek]:
    """Funnel counts per week (Monday first, by conversation start), oldest week first."""
    today = today or dt.datetime.now(tz).date()
    first = today - dt.timedelta(days=today.weekday()) - dt.timedelta(weeks=weeks - 1)
    buckets = {
        first + dt.timedelta(weeks=i): dict.fromkeys(dict(FUNNEL_STAGES), 0) for i in range(weeks)
    }
    c = conversation.c
    rows = conn.execute(
        select(c.started_at, c.consented, c.completed, c.n_likely, c.contact_requested).where(
            c.started_at >= _day_start(first, tz)
        )
    )
    for r in rows:
        day = dt.datetime.fromtimestamp(r.started_at, tz).date()
        counts = buckets.get(day - dt.timedelta(days=day.weekday()))
        if counts is None:
            continue  # started after today (clock skew): not in any shown week
        counts["conversations"] += 1
        counts["consented"] += bool(r.consented)
        counts["completed"] += bool(r.completed)
        counts["likely"] += r.n_likely > 0
        counts["contact"] += bool(r.contact_requested)
    return [FunnelWeek(week, counts) for week, counts in sorted(buckets.items())]


def funnel_totals(conn: Connection) -> dict[str, int]:
    c = conversation.c
    row = conn.execute(
        select(
            func.count(),
            func.count().filter(c.consented.is_(True)),
            func.count().filter(c.completed.is_(True)),
            func.count().filter(c.n_likely > 0),
            func.count().filter(c.contact_requested.is_(True)),
        )
    ).one()
    return dict(zip(dict(FUNNEL_STAGES), row))


# --- the referral queue -------------------------------------------------------------------
@dataclass
class Referral:
    pseudonym: str
    nct_id: str  # "" when the patient did not name a trial
    title: str
    verdict: str
    name: str
    contact: str
    requested_at: float
    status: str
    updated_by: str


def referrals(conn: Connection, nct: str = "", status: str = "") -> list[Referral]:
    """Every (patient, trial) contact request, newest first, with its handling status."""
    c = conversation.c
    rows = conn.execute(
        select(c.sender_id, c.pseudonym, c.contact_json)
        .where(c.contact_requested.is_(True))
        .order_by(c.contact_requested_at.desc())
    ).all()
    senders = [r.sender_id for r in rows]
    trials: dict[tuple[str, str], tuple[str, str]] = {}
    states: dict[tuple[str, str], tuple[str, str]] = {}
    for chunk_start in range(0, len(senders), 500):
        chunk = senders[chunk_start : chunk_start + 500]
        for t in conn.execute(
            select(
                conversation_trial.c.sender_id,
                conversation_trial.c.nct_id,
                conversation_trial.c.title,
                conversation_trial.c.verdict,
            ).where(conversation_trial.c.sender_id.in_(chunk))
        ):
            trials[(t.sender_id, t.nct_id)] = (t.title, t.verdict)
        for s in conn.execute(
            select(review_referral).where(review_referral.c.sender_id.in_(chunk))
        ):
            states[(s.sender_id, s.nct_id)] = (s.status, s.updated_by)
    out = []
    for r in rows:
        request = json.loads(r.contact_json or "{}")
        for nct_id in request.get("nct_ids") or [""]:
            if nct and nct_id != nct:
                continue
            state, by = states.get((r.sender_id, nct_id), ("new", ""))
            if status and state != status:
                continue
            title, verdict = trials.get((r.sender_id, nct_id), ("", ""))
            out.append(
                Referral(
                    pseudonym=r.pseudonym,
                    nct_id=nct_id,
                    title=title,
                    verdict=verdict,
                    name=request.get("name", ""),
                    contact=request.get("contact", ""),
                    requested_at=request.get("requested_at") or 0.0,
                    status=state,
                    updated_by=by,
                )
            )
    return out


# --- the pre-screening log ----------------------------------------------------------------
@dataclass
class LogRow:
    """One conversation x trial of the pre-screening log (trial fields empty: none shown)."""

    conversation: str
    started_at: float
    last_at: float
    channel: str
    consented: bool
    screening_complete: bool
    nct_id: str
    title: str
    verdict: str
    overall_status: str
    location: str
    criteria_met: int
    criteria_not_met: int
    criteria_open: int
    open_criteria: list[dict]
    contact_requested: bool
    review_status: str
    tags: list[str]


def prescreening_log(conn: Connection, f: Filters, tz: ZoneInfo) -> list[LogRow]:
    """The log for every conversation matching ``f`` (all pages), oldest first."""
    c, t = conversation.c, conversation_trial.c
    where = conditions(f, tz)
    join = _base().outerjoin(conversation_trial, t.sender_id == c.sender_id)
    if f.nct:
        join = _base().join(conversation_trial, and_(t.sender_id == c.sender_id, t.nct_id == f.nct))
    result = conn.execute(
        select(
            c.sender_id,
            c.pseudonym,
            c.started_at,
            c.last_at,
            c.channel,
            c.consented,
            c.completed,
            c.contact_json,
            review_status.c.status,
            t.nct_id,
            t.title,
            t.verdict,
            t.overall_status,
            t.location,
            t.n_met,
            t.n_not_met,
            t.n_open,
            t.open_criteria_json,
        )
        .select_from(join)
        .where(*where)
        .order_by(c.started_at, c.sender_id, t.position)
    ).all()
    tags: dict[str, list[str]] = {}
    for r in conn.execute(
        select(review_tag.c.sender_id, review_tag.c.tag)
        .where(
            review_tag.c.sender_id.in_(
                select(conversation.c.sender_id).select_from(_base()).where(*where)
            )
        )
        .order_by(review_tag.c.tag)
    ):
        tags.setdefault(r.sender_id, []).append(r.tag)
    out = []
    for r in result:
        requested = set(json.loads(r.contact_json)["nct_ids"]) if r.contact_json else set()
        out.append(
            LogRow(
                conversation=r.pseudonym,
                started_at=r.started_at,
                last_at=r.last_at,
                channel=r.channel,
                consented=r.consented,
                screening_complete=r.completed,
                nct_id=r.nct_id or "",
                title=r.title or "",
                verdict=r.verdict or "",
                overall_status=r.overall_status or "",
                location=r.location or "",
                criteria_met=r.n_met or 0,
                criteria_not_met=r.n_not_met or 0,
                criteria_open=r.n_open or 0,
                open_criteria=json.loads(r.open_criteria_json) if r.open_criteria_json else [],
                contact_requested=bool(r.nct_id) and r.nct_id in requested,
                review_status=r.status or "unreviewed",
                tags=tags.get(r.sender_id, []),
            )
        )
    return out
