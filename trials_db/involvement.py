"""What taking part in a study involves, in plain words, from its own record (never guessed).

The registry record says whether the study gives a treatment, which one, its phase, how
many people and for how long it runs, and a short summary. Visits and tests are rarely in
the record: the sentences say so and point to the study team.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .readability import gloss_sentences

_PHASES = {
    "EARLY_PHASE1": "early phase 1",
    "PHASE1": "1",
    "PHASE2": "2",
    "PHASE3": "3",
    "PHASE4": "4",
}
_PHASE_MEANS = {
    "1": "Phase 1 studies check if a treatment is safe, often in a few people.",
    "2": "Phase 2 studies check if a treatment works and is safe.",
    "3": "Phase 3 studies compare a treatment with another one in many people.",
    "4": "Phase 4 studies follow a treatment that is already approved.",
}
_NOT_A_TREATMENT = re.compile(
    r"\b(placebo|control|standard of care|no intervention|usual care|sham)\b", re.I
)


@dataclass
class Involvement:
    """The facts of one study's record that say what taking part means."""

    nct_id: str
    study_type: str | None = None  # INTERVENTIONAL, OBSERVATIONAL, EXPANDED_ACCESS
    treatments: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    people: int | None = None
    start_year: str | None = None
    end_year: str | None = None
    summary: str | None = None


def involvement(trial: Any) -> Involvement:
    """Read a :class:`~trials_db.models.Trial` (or anything with its attributes)."""
    names = [
        i.get("name") for i in (trial.interventions or []) if isinstance(i, dict) and i.get("name")
    ]
    return Involvement(
        nct_id=trial.nct_id,
        study_type=(trial.study_type or None),
        treatments=[n for n in dict.fromkeys(names) if not _NOT_A_TREATMENT.search(n)],
        phases=[_PHASES[p] for p in (trial.phases or []) if p in _PHASES],
        people=trial.enrollment,
        start_year=(trial.start_date or "")[:4] or None,
        end_year=(trial.completion_date or "")[:4] or None,
        summary=first_sentences(trial.brief_summary),
    )


def first_sentences(text: str | None, limit: int = 280) -> str | None:
    """The first one or two sentences of a summary, cut at a sentence end within ``limit``."""
    if not text:
        return None
    flat = re.sub(r"\s+", " ", text).strip()
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-Z]|$)", flat)]
    fitting = [e for e in ends[:2] if e <= limit]
    if fitting:
        return flat[: fitting[-1]]
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def sentences(inv: Involvement) -> list[str]:
    """Short sentences for a patient, each from one fact of the record."""
    out: list[str] = []
    if inv.study_type == "INTERVENTIONAL":
        if inv.treatments:
            out.append("This study tests a treatment: " + ", ".join(inv.treatments[:3]) + ".")
        else:
            out.append("This study tests a treatment or a way of care.")
    elif inv.study_type == "OBSERVATIONAL":
        out.append("This study does not give a new treatment. It follows how people do.")
    numbered = [p for p in inv.phases if p in _PHASE_MEANS]
    if numbered:
        out.append(f"It is a phase {' and '.join(numbered)} study. {_PHASE_MEANS[numbered[-1]]}")
    if inv.people:
        out.append(f"About {inv.people} people will take part.")
    if inv.start_year and inv.end_year and inv.start_year != inv.end_year:
        out.append(f"The study runs from {inv.start_year} to {inv.end_year}.")
    if inv.summary:
        # The study's words stay as they are; a medical word in them gets a plain gloss after.
        out.append(
            " ".join(
                [f"In the study's own words: \"{inv.summary}\"", *gloss_sentences(inv.summary)]
            )
        )
    out.append("The study team can tell you how many visits there are and what happens at each.")
    return out
