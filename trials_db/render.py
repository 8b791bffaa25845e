"""Present a stored trial: as plain data (for ``--json`` and the web API) or as readable text."""

from __future__ import annotations

import textwrap
from typing import Any

from .models import Trial

STATUS_WORDS = {
    "RECRUITING": "Recruiting",
    "NOT_YET_RECRUITING": "Not yet recruiting",
    "ENROLLING_BY_INVITATION": "By invitation only (the study team invites people)",
    "ACTIVE_NOT_RECRUITING": "Active, not recruiting",
    "COMPLETED": "Completed",
    "TERMINATED": "Terminated",
    "WITHDRAWN": "Withdrawn",
    "SUSPENDED": "Suspended",
    "UNKNOWN": "Status unknown",
}
PHASE_WORDS = {
    "EARLY_PHASE1": "Early phase 1",
    "PHASE1": "Phase 1",
    "PHASE2": "Phase 2",
    "PHASE3": "Phase 3",
    "PHASE4": "Phase 4",
    "NA": "Not applicable",
}


def status_text(status: str | None) -> str:
    return STATUS_WORDS.get(
        status or "", (status or "Status unknown").replace("_", " ").capitalize()
    )


def phase_text(phases: list[str] | None) -> str:
    return "/".join(PHASE_WORDS.get(p, p) for p in phases or []) or "Phase not given"


def age_range_text(trial: Trial) -> str:
    lo, hi = trial.min_age_text, trial.max_age_text
    if lo and hi:
        return f"{_age(lo)} to {_age(hi)}"
    if lo:
        return f"{_age(lo)} and older"
    if hi:
        return f"up to {_age(hi)}"
    return "any age"


def _age(text: str) -> str:
    return text.lower()


def sex_text(sex: str | None) -> str:
    return {"FEMALE": "women only", "MALE": "men only"}.get(sex or "", "all sexes")


def location_text(site: Any) -> str:
    parts = [site.facility, site.city, site.state, site.country]
    return ", ".join(p for p in parts if p) or "location not given"


def trial_url(nct_id: str) -> str:
    return f"https://clinicaltrials.gov/study/{nct_id}"


def trial_to_dict(trial: Trial, with_criteria: bool = True) -> dict[str, Any]:
    """A JSON-ready view of a trial and its children (no raw record)."""
    data: dict[str, Any] = {
        "nct_id": trial.nct_id,
        "brief_title": trial.brief_title,
        "official_title": trial.official_title,
        "acronym": trial.acronym,
        "brief_summary": trial.brief_summary,
        "overall_status": trial.overall_status,
        "phases": trial.phases or [],
        "study_type": trial.study_type,
        "lead_sponsor": trial.lead_sponsor,
        "collaborators": trial.collaborators or [],
        "conditions": trial.conditions or [],
        "keywords": trial.keywords or [],
        "interventions": trial.interventions or [],
        "enrollment": trial.enrollment,
        "start_date": trial.start_date,
        "completion_date": trial.completion_date,
        "last_updated": trial.last_updated,
        "sex": trial.sex,
        "minimum_age": trial.min_age_text,
        "maximum_age": trial.max_age_text,
        "min_age_years": trial.min_age_years,
        "max_age_years": trial.max_age_years,
        "healthy_volunteers": trial.healthy_volunteers,
        "has_criteria": trial.has_criteria,
        "sites": [
            {
                "facility": s.facility,
                "city": s.city,
                "state": s.state,
                "country": s.country,
                "status": s.status,
            }
            for s in trial.sites
        ],
        "url": trial_url(trial.nct_id),
    }
    if with_criteria:
        data["contacts"] = [
            {"name": c.name, "role": c.role, "phone": c.phone, "email": c.email}
            for c in trial.contacts
        ]
        data["officials"] = trial.officials or []
        data["eligibility_text"] = trial.eligibility_text
        data["criteria"] = [
            {
                "kind": c.kind,
                "position": c.position,
                "section": c.section,
                "text": c.text,
                "parsed": c.parsed,
            }
            for c in trial.criteria
        ]
    return data


def _wrap(text: str, indent: str, first: str | None = None) -> str:
    """Wrap to 88 columns; continuation lines align under the first line's text."""
    first = indent if first is None else first
    hang = " " * len(first) if first.strip() else indent + "   "
    out = []
    for i, line in enumerate(text.split("\n")):
        out.append(
            textwrap.fill(
                line, width=88, initial_indent=first if i == 0 else hang, subsequent_indent=hang
            )
        )
    return "\n".join(out)


def trial_to_text(trial: Trial) -> str:
    """A readable page for one trial, laid out like a trial-information page."""
    lines = [
        f"{trial.nct_id} · {status_text(trial.overall_status)} · {phase_text(trial.phases)}",
        _wrap(trial.display_title, ""),
    ]
    if trial.official_title and trial.official_title != trial.brief_title:
        lines.append(_wrap(f"Official title: {trial.official_title}", ""))
    if trial.lead_sponsor:
        lines.append(f"Sponsor: {trial.lead_sponsor}")
    if trial.conditions:
        lines.append(f"Conditions: {', '.join(trial.conditions)}")
    if trial.interventions:
        names = [
            f"{i.get('name')}" + (f" ({i['type'].lower()})" if i.get("type") else "")
            for i in trial.interventions
        ]
        lines.append(_wrap(f"Interventions: {'; '.join(names)}", ""))
    hv = {True: "accepts healthy volunteers", False: "no healthy volunteers"}.get(
        trial.healthy_volunteers, None
    )
    who = f"Who can take part: {age_range_text(trial)}, {sex_text(trial.sex)}"
    lines.append(who + (f", {hv}" if hv else ""))
    if trial.brief_summary:
        lines += ["", "Summary", _wrap(trial.brief_summary, "  ")]

    lines += ["", "Eligibility criteria"]
    if not trial.criteria:
        lines.append("  Criteria not available in our copy: ask the study team.")
    for kind, title in (
        ("general", "General"),
        ("inclusion", "Inclusion criteria"),
        ("exclusion", "Exclusion criteria"),
    ):
        items = [c for c in trial.criteria if c.kind == kind]
        if not items:
            continue
        lines.append(f"  {title} ({len(items)}):")
        for c in items:
            lines.append(_wrap(c.text, "    ", f"    {c.position:>2}. "))

    lines += ["", "Locations"]
    lines += [
        f"  {location_text(s)}" + (f" ({status_text(s.status)})" if s.status else "")
        for s in trial.sites
    ] or ["  No location listed."]
    people = [
        f"  {c.name or 'Contact'}" + "".join(f" · {v}" for v in (c.phone, c.email) if v)
        for c in trial.contacts
    ] + [
        f"  {o.get('name')} · {(o.get('role') or '').replace('_', ' ').title()}"
        + (f" · {o['affiliation']}" if o.get("affiliation") else "")
        for o in trial.officials or []
    ]
    if people:
        lines += ["", "Contacts and officials"] + people
    lines += ["", f"More: {trial_url(trial.nct_id)}"]
    return "\n".join(lines)
