"""Read one conversation out of Rasa's ``events`` rows, following docs/conversation-record.md.

Pure functions over rows: a transcript, every value each slot took, every result set the bot
showed, and the contact requests. Malformed values (a bot bug) are skipped, never fatal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml
from sqlalchemy import select
from sqlalchemy.engine import Connection

from .models import events
from .storable import may_hold_unstorable, storable_value

VERDICT_LABELS = {
    "eligible": "Likely eligible",
    "possibly_eligible": "Possibly eligible",
    "not_eligible": "Not eligible",
}
CRITERION_LABELS = {
    "met": "Met",
    "not_met": "Not met",
    "unknown": "Unknown",
    "needs_review": "Needs review",
}
OPEN_STATUSES = ("unknown", "needs_review")

# Slots shown as the patient's profile, with their labels: every field the bot keeps, read
# from the one declaration (trials_db/lexicon/profile_fields.yml, a data file, not code).
_FIELDS = yaml.safe_load(
    (
        Path(__file__).resolve().parent.parent / "trials_db" / "lexicon" / "profile_fields.yml"
    ).read_text(encoding="utf-8")
)["fields"]
PROFILE_SLOTS = tuple(name for name, f in _FIELDS.items() if f["slot"])
PROFILE_LABELS = {name: f["label"] for name, f in _FIELDS.items() if f["slot"]}
# Slots with their own place in the view (or Rasa's internals): not listed as profile.
NON_PROFILE_SLOTS = frozenset(
    {
        "consent_given",
        "screening_complete",
        "match_results",
        "contact_request",
        "requested_slot",
        "session_started_metadata",
        "reask",
        "invalid_attempts",
        "focus_nct",
        "alerts_token",
    }
)


# The safety answers that need a coordinator soon, most urgent first (bot/actions/safety.py).
URGENT_KINDS = ("crisis", "symptoms")


@dataclass
class EventRow:
    """One ``events`` row with its JSON decoded."""

    id: int
    type_name: str
    timestamp: float
    data: dict[str, Any]


@dataclass
class Button:
    title: str
    payload: str


@dataclass
class Message:
    """A line of the transcript: what the patient typed or what the bot said."""

    event_id: int
    at: float
    speaker: str  # "user" | "bot"
    text: str
    buttons: list[Button] = field(default_factory=list)
    channel: str = ""
    intent: str = ""


@dataclass
class Marker:
    """A non-message moment worth showing in the transcript (new session, restart)."""

    event_id: int
    at: float
    kind: str


@dataclass
class SlotValue:
    event_id: int
    at: float
    value: Any


@dataclass
class Criterion:
    kind: str
    text: str
    status: str
    explanation: str

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


@dataclass
class TrialResult:
    nct_id: str
    title: str
    verdict: str
    overall_status: str
    location: str
    criteria: list[Criterion]

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS.get(self.verdict, self.verdict or "—")

    def count(self, status: str) -> int:
        return sum(1 for c in self.criteria if c.status == status)

    @property
    def open_criteria(self) -> list[Criterion]:
        return [c for c in self.criteria if c.is_open]


@dataclass
class ResultSet:
    """The results as the bot showed them at one moment (one ``match_results`` slot event)."""

    event_id: int
    at: float
    trials: list[TrialResult]


@dataclass
class ContactRequest:
    event_id: int
    at: float
    nct_ids: list[str]
    name: str
    contact: str
    requested_at: float


@dataclass
class Conversation:
    sender_id: str
    rows: int = 0
    max_event_id: int = 0
    started_at: float = 0.0
    last_at: float = 0.0
    channel: str = ""
    timeline: list[Message | Marker] = field(default_factory=list)
    slots: dict[str, list[SlotValue]] = field(default_factory=dict)
    result_sets: list[ResultSet] = field(default_factory=list)
    contact_requests: list[ContactRequest] = field(default_factory=list)

    @property
    def messages(self) -> list[Message]:
        return [m for m in self.timeline if isinstance(m, Message)]

    def latest(self, slot: str) -> Any:
        """The slot's last value that was not null (None if it never had one)."""
        for value in reversed(self.slots.get(slot, [])):
            if value.value is not None:
                return value.value
        return None

    @property
    def consented(self) -> bool:
        return self.latest("consent_given") is True

    @property
    def completed(self) -> bool:
        return any(v.value is True for v in self.slots.get("screening_complete", []))

    @property
    def final_results(self) -> ResultSet | None:
        return self.result_sets[-1] if self.result_sets else None

    @property
    def contact_request(self) -> ContactRequest | None:
        return self.contact_requests[-1] if self.contact_requests else None

    @property
    def urgent(self) -> str:
        """ "crisis" if the person wrote about suicide or self-harm, "symptoms" for new symptoms."""
        intents = {m.intent for m in self.messages if m.speaker == "user"}
        for kind in URGENT_KINDS:
            if f"safety_{kind}" in intents:
                return kind
        return ""

    def verdict_count(self, verdict: str) -> int:
        final = self.final_results
        return sum(1 for t in final.trials if t.verdict == verdict) if final else 0

    @property
    def profile_slots(self) -> list[str]:
        """Profile slots the bot set: the contract's first, then any others, in order seen."""
        known = [s for s in PROFILE_SLOTS if s in self.slots]
        others = [s for s in self.slots if s not in PROFILE_SLOTS and s not in NON_PROFILE_SLOTS]
        return known + others


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _number(value: Any, default: float = 0.0) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def parse_trial(raw: Any) -> TrialResult | None:
    if not isinstance(raw, dict) or not raw.get("nct_id"):
        return None
    criteria = []
    for c in raw.get("criteria") or []:
        if isinstance(c, dict):
            criteria.append(
                Criterion(
                    kind=_text(c.get("kind")),
                    text=_text(c.get("text")),
                    status=_text(c.get("status")),
                    explanation=_text(c.get("explanation")),
                )
            )
    return TrialResult(
        nct_id=_text(raw["nct_id"])[:32],
        title=_text(raw.get("title")),
        verdict=_text(raw.get("verdict")),
        overall_status=_text(raw.get("overall_status")),
        location=_text(raw.get("location")),
        criteria=criteria,
    )


def parse_contact(value: Any, event_id: int, at: float) -> ContactRequest | None:
    if not isinstance(value, dict):
        return None
    nct_ids = value.get("nct_ids") or []
    if isinstance(nct_ids, str):
        nct_ids = [nct_ids]
    return ContactRequest(
        event_id=event_id,
        at=at,
        nct_ids=[_text(n)[:32] for n in nct_ids if n],
        name=_text(value.get("name")),
        contact=_text(value.get("contact")),
        requested_at=_number(value.get("requested_at"), at),
    )


def build_conversation(sender_id: str, rows: Iterable[EventRow]) -> Conversation:
    """Fold the rows of one sender (in id order) into a Conversation."""
    conv = Conversation(sender_id=sender_id)
    for row in rows:
        conv.rows += 1
        conv.max_event_id = max(conv.max_event_id, row.id)
        at = row.timestamp or _number(row.data.get("timestamp"))
        if at:
            conv.started_at = min(conv.started_at, at) if conv.started_at else at
            conv.last_at = max(conv.last_at, at)
        data = row.data
        kind = row.type_name
        if kind == "user":
            channel = _text(data.get("input_channel"))
            if channel and not conv.channel:
                conv.channel = channel
            intent = ((data.get("parse_data") or {}).get("intent") or {}).get("name")
            conv.timeline.append(
                Message(
                    row.id,
                    at,
                    "user",
                    _text(data.get("text")),
                    channel=channel,
                    intent=_text(intent),
                )
            )
        elif kind == "bot":
            extra = data.get("data") or {}
            buttons = (
                [
                    Button(_text(b.get("title")), _text(b.get("payload")))
                    for b in (extra.get("buttons") or [])
                    if isinstance(b, dict)
                ]
                if isinstance(extra, dict)
                else []
            )
            conv.timeline.append(Message(row.id, at, "bot", _text(data.get("text")), buttons))
        elif kind == "slot":
            name = _text(data.get("name"))
            value = data.get("value")
            conv.slots.setdefault(name, []).append(SlotValue(row.id, at, value))
            if name == "match_results" and isinstance(value, list):
                trials = [t for t in (parse_trial(r) for r in value) if t is not None]
                conv.result_sets.append(ResultSet(row.id, at, trials))
            elif name == "contact_request":
                request = parse_contact(value, row.id, at)
                if request is not None:
                    conv.contact_requests.append(request)
        elif kind in ("session_started", "restart", "reset_slots"):
            conv.timeline.append(Marker(row.id, at, kind))
    return conv


def decode_row(row: Any) -> EventRow | None:
    """An EventRow from a selected ``events`` row; None if its JSON is unreadable."""
    try:
        data = json.loads(row.data) if row.data else {}
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    if may_hold_unstorable(row.data):
        data = storable_value(data)
    return EventRow(row.id, row.type_name, row.timestamp or 0.0, data)


def load_conversation(conn: Connection, sender_id: str) -> Conversation | None:
    """The whole conversation of ``sender_id`` (all sessions), or None if it has no events."""
    result = conn.execute(
        select(events.c.id, events.c.type_name, events.c.timestamp, events.c.data)
        .where(events.c.sender_id == sender_id)
        .order_by(events.c.id)
    )
    rows = [r for r in (decode_row(row) for row in result) if r is not None]
    if not rows:
        return None
    return build_conversation(sender_id, rows)
