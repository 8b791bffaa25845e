"""Exports: the pre-screening log (CSV, JSON) and the per-patient referral summary."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from .conversation import PROFILE_LABELS, Conversation, TrialResult
from .queries import LogRow

LOG_COLUMNS = (
    "conversation",
    "started_at",
    "last_at",
    "channel",
    "consented",
    "screening_complete",
    "nct_id",
    "title",
    "verdict",
    "overall_status",
    "location",
    "criteria_met",
    "criteria_not_met",
    "criteria_open",
    "open_criteria",
    "contact_requested",
    "review_status",
    "tags",
)


def iso(ts: float | None, tz: ZoneInfo) -> str:
    if not ts:
        return ""
    return dt.datetime.fromtimestamp(ts, tz).isoformat(timespec="seconds")


def csv_safe(value: Any) -> str:
    """A cell that a spreadsheet will not run as a formula (patients' words reach exports)."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def _log_dict(row: LogRow, tz: ZoneInfo) -> dict[str, Any]:
    data = asdict(row)
    data["started_at"] = iso(row.started_at, tz)
    data["last_at"] = iso(row.last_at, tz)
    return data


def log_csv(rows: list[LogRow], tz: ZoneInfo) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(LOG_COLUMNS)
    for row in rows:
        data = _log_dict(row, tz)
        data["open_criteria"] = " | ".join(c.get("text", "") for c in row.open_criteria)
        data["tags"] = "; ".join(row.tags)
        for key in ("consented", "screening_complete", "contact_requested"):
            data[key] = "yes" if data[key] else "no"
        writer.writerow([csv_safe(data[c]) for c in LOG_COLUMNS])
    return out.getvalue()


def log_json(rows: list[LogRow], tz: ZoneInfo, filters: str) -> str:
    return json.dumps(
        {
            "generated_at": iso(dt.datetime.now().timestamp(), tz),
            "filters": filters,
            "rows": [_log_dict(r, tz) for r in rows],
        },
        indent=1,
        ensure_ascii=False,
    )


def format_value(value: Any) -> str:
    """A slot value as a coordinator reads it."""
    if value is None:
        return "none"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(format_value(v) for v in value) if value else "none"
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


@dataclass
class ReferralSummary:
    """What a study team needs about one patient who asked to be contacted."""

    conversation: str
    generated_at: str
    name: str
    contact: str
    requested_at: str
    requested_trials: list[str]
    consented: bool
    screening_complete: bool
    profile: list[dict[str, Any]] = field(default_factory=list)
    trials: list[dict[str, Any]] = field(default_factory=list)


def latest_result(conv: Conversation, nct_id: str) -> TrialResult | None:
    """The trial as the bot last showed it (results after a correction replace earlier ones)."""
    for result_set in reversed(conv.result_sets):
        for trial in result_set.trials:
            if trial.nct_id == nct_id:
                return trial
    return None


def referral_summary(
    conv: Conversation, pseudonym: str, tz: ZoneInfo, nct_id: str = ""
) -> ReferralSummary:
    """The summary for ``nct_id`` or for every trial the patient asked about."""
    request = conv.contact_request
    requested = request.nct_ids if request else []
    wanted = (
        [nct_id]
        if nct_id
        else (
            requested
            or [t.nct_id for t in (conv.final_results.trials if conv.final_results else [])]
        )
    )
    profile = []
    for slot in conv.profile_slots:
        values = conv.slots[slot]
        profile.append(
            {
                "slot": slot,
                "label": PROFILE_LABELS.get(slot, slot.replace("_", " ").capitalize()),
                "value": values[-1].value,
                "shown": format_value(values[-1].value),
                "corrections": [format_value(v.value) for v in values[:-1]],
            }
        )
    trials = []
    for nct in wanted:
        trial = latest_result(conv, nct)
        if trial is None:
            trials.append({"nct_id": nct, "title": "", "verdict": "", "criteria": []})
            continue
        trials.append(
            {
                "nct_id": trial.nct_id,
                "title": trial.title,
                "verdict": trial.verdict,
                "verdict_label": trial.verdict_label,
                "overall_status": trial.overall_status,
                "location": trial.location,
                "criteria": [asdict(c) for c in trial.criteria],
            }
        )
    return ReferralSummary(
        conversation=pseudonym,
        generated_at=iso(dt.datetime.now().timestamp(), tz),
        name=request.name if request else "",
        contact=request.contact if request else "",
        requested_at=iso(request.requested_at, tz) if request else "",
        requested_trials=requested,
        consented=conv.consented,
        screening_complete=conv.completed,
        profile=profile,
        trials=trials,
    )


def summary_json(summary: ReferralSummary) -> str:
    return json.dumps(asdict(summary), indent=1, ensure_ascii=False)
