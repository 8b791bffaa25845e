"""How much of the shipped criteria the parser turns into computable rules."""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy.orm import Session

from ..criteria.predicates import Contraception, Review
from .evaluate import load_rules

FIELD_OF_LEAF = {
    "age": "age",
    "sex": "sex",
    "subtype": "MS subtype",
    "edss": "EDSS",
    "duration": "disease duration",
    "relapses": "relapses",
    "therapy": "therapy history",
    "failure": "therapy failure",
    "pregnant": "pregnancy",
    "breastfeeding": "breastfeeding",
    "contraception": "contraception",
}


def coverage_report(session: Session) -> dict[str, Any]:
    """Counts over all trials with criteria (structured age/sex criteria included)."""
    rules = load_rules(session)
    per_field: Counter = Counter()
    review_topics: Counter = Counter()
    total = computable = review_only = 0
    for trial in rules:
        for criterion in trial.criteria:
            total += 1
            leaves = [leaf for leaf, _ in criterion.tree.leaves()]
            kinds = {leaf.type for leaf in leaves if not isinstance(leaf, Review)}
            for kind in kinds:
                per_field[FIELD_OF_LEAF.get(kind, kind)] += 1
            for leaf in leaves:
                if isinstance(leaf, Review):
                    review_topics[leaf.topic] += 1
            if kinds - {"contraception"}:
                computable += 1
            if all(isinstance(leaf, (Review, Contraception)) for leaf in leaves):
                review_only += 1
    return {
        "trials": len(rules),
        "criteria": total,
        "with_a_computable_part": computable,
        "needs_review_only": review_only,
        "criteria_per_field": dict(per_field.most_common()),
        "review_topics": dict(review_topics.most_common()),
    }


def format_report(report: dict[str, Any]) -> str:
    lines = [
        f"Trials with criteria: {report['trials']}",
        f"Criteria (structured age/sex included): {report['criteria']}",
        f"  with a part computed from the profile: {report['with_a_computable_part']}",
        f"  needs_review only (the study team checks): {report['needs_review_only']}",
        "",
        "Criteria per field (a criterion can count in several):",
    ]
    lines += [f"  {name:<18} {n:>5}" for name, n in report["criteria_per_field"].items()]
    lines += ["", "What the study team checks (review topics):"]
    lines += [f"  {name:<18} {n:>5}" for name, n in report["review_topics"].items()]
    return "\n".join(lines)
