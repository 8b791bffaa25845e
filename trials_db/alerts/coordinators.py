"""Per-study counts for coordinators: how many saved volunteers look likely or might fit, and the
criteria that rule most of them out. Numbers and criterion texts only, never who.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..criteria.predicates import FALSE, TRUE, UNKNOWN
from ..eligibility import EXCLUSION
from ..matching import MatchIndex, TrialRules, load_rules
from ..profile import Profile, ProfileError
from .models import AlertSubscription


@dataclass
class StudyCounts:
    nct_id: str
    title: str
    overall_status: str | None
    volunteers: int
    likely: int
    might_fit: int
    ruled_out: int
    top_reasons: list[dict] = field(default_factory=list)  # {kind, position, text, count}

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def study_counts(
    session: Session,
    rules: Sequence[TrialRules] | None = None,
    nct_ids: Sequence[str] | None = None,
    top: int = 3,
) -> list[StudyCounts]:
    """Counts over every saved profile for each study (with criteria), most likely fits first."""
    rules = load_rules(session) if rules is None else rules
    if nct_ids:
        wanted = {n.strip().upper() for n in nct_ids}
        rules = [r for r in rules if r.nct_id in wanted]
    index = MatchIndex(rules)
    crit = [(t, c) for t, r in enumerate(index.rules) for c in r.criteria]  # order of truths()
    n_trials = len(index.rules)
    owner = np.array([t for t, _ in crit], dtype=np.int64)
    exclusion = np.array([c.kind == EXCLUSION for _, c in crit], dtype=bool)
    likely = np.zeros(n_trials, dtype=np.int64)
    might = np.zeros(n_trials, dtype=np.int64)
    reasons = np.zeros(len(crit), dtype=np.int64)
    volunteers = 0
    for data in session.scalars(select(AlertSubscription.profile)):
        try:
            profile = Profile.from_dict(dict(data))
        except (ProfileError, TypeError):
            continue
        volunteers += 1
        if not crit:
            continue
        truths = index.truths(profile)
        not_met = np.where(exclusion, truths == TRUE, truths == FALSE)
        unknown = truths == UNKNOWN
        fails = np.bincount(owner, weights=not_met, minlength=n_trials) > 0
        open_ = np.bincount(owner, weights=unknown, minlength=n_trials) > 0
        likely += ~fails & ~open_
        might += ~fails & open_
        reasons += not_met
    out = []
    for t, r in enumerate(index.rules):
        mine = [(int(reasons[j]), c) for j, (o, c) in enumerate(crit) if o == t and reasons[j]]
        mine.sort(key=lambda x: -x[0])
        out.append(
            StudyCounts(
                r.nct_id,
                r.title,
                r.overall_status,
                volunteers,
                int(likely[t]),
                int(might[t]),
                volunteers - int(likely[t]) - int(might[t]),
                [
                    {"kind": c.kind, "position": c.position, "text": c.text[:200], "count": n}
                    for n, c in mine[:top]
                ],
            )
        )
    out.sort(key=lambda s: (-(s.likely + s.might_fit), -s.likely, s.nct_id))
    return out


def format_counts(counts: Sequence[StudyCounts]) -> str:
    lines = []
    for s in counts:
        lines.append(
            f"{s.nct_id}  likely {s.likely}, might fit {s.might_fit}, ruled out "
            f"{s.ruled_out} of {s.volunteers}  {s.title[:60]}"
        )
        for reason in s.top_reasons:
            lines.append(
                f"{'':13}{reason['count']:>5} ruled out by [{reason['kind']}] "
                f"{reason['text'][:80]}"
            )
    return "\n".join(lines)
