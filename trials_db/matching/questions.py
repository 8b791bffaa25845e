"""Adaptive questions: which fact, if the patient told us, would settle the most open criteria."""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence

from ..fields import question_order
from ..profile import Profile
from .evaluate import NOT_ELIGIBLE, UNKNOWN_STATUS, TrialResult

# The order a person would expect to be asked in; it breaks ties between equally useful facts.
QUESTION_ORDER = question_order()  # trials_db/lexicon/profile_fields.yml


def _missing(profile: Profile, field: str) -> bool:
    if field == "months_since_last_therapy":
        taken = profile.therapies_taken()
        return bool(taken) and any(d not in profile.months_since_last_therapy for d in taken)
    if field in ("pregnant", "breastfeeding") and profile.sex == "male":
        return False
    return getattr(profile, field) is None


def open_fields(results: Iterable[TrialResult], profile: Profile) -> Counter:
    """How many unknown criteria, among trials not yet excluded, each missing fact would settle."""
    counts: Counter = Counter()
    for result in results:
        if result.verdict == NOT_ELIGIBLE:
            continue
        for criterion in result.criteria:
            if criterion.status != UNKNOWN_STATUS:
                continue
            for field in set(criterion.fields):
                if _missing(profile, field):
                    counts[field] += 1
    return counts


def next_question(
    results: Iterable[TrialResult], profile: Profile, skip: Sequence[str] = ()
) -> str | None:
    """The profile field to ask about next, or None when nothing open depends on the patient."""
    counts = open_fields(results, profile)
    for field in skip:
        counts.pop(field, None)
    if not counts:
        return None
    best = max(counts.values())
    return (
        next(f for f in QUESTION_ORDER if counts.get(f) == best)
        if any(counts.get(f) == best for f in QUESTION_ORDER)
        else max(counts, key=counts.__getitem__)
    )
