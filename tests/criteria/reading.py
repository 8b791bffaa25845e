"""A compact view of what the parser read from one criterion, for the per-fact test files.

``facts(text, kind)`` lists each fact the parser read as a short string, from the patient's
side ("requires" or "excludes"), e.g. ``"age requires min=18 max=55"``; ``abstains(text,
kind)`` says whether a fact was seen but left to the study team because its reading was not
certain (the abstain rule). Keys at their default (inclusive bounds, empty lists) are left out.
"""

from __future__ import annotations

import pytest

from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import Leaf, Review
from trials_db.eligibility import EXCLUSION

_DEFAULTS = {"min_inclusive": True, "max_inclusive": True, "count": 1, "current": False}


def _values(leaf: Leaf) -> str:
    data = leaf.to_json() if hasattr(leaf, "to_json") else dict(vars(leaf))
    parts = []
    for key, value in data.items():
        if (
            key in ("source", "type")
            or value in (None, [], "")
            or _DEFAULTS.get(key, False) == value
        ):
            continue
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, list):
            value = ",".join(map(str, value))
        parts.append(f"{key}={value}")
    return " ".join(parts)


def facts(text: str, kind: str = "inclusion") -> list[str]:
    """Every non-review leaf as "<type> <requires|excludes> <values>", in reading order."""
    exclusion = kind == EXCLUSION
    out = []
    for leaf, positive in parse_criterion(text, kind).leaves():
        if isinstance(leaf, Review):
            continue
        polarity = "requires" if positive != exclusion else "excludes"
        out.append(" ".join(p for p in (type(leaf).__name__.lower(), polarity, _values(leaf)) if p))
    return out


def reviews(text: str, kind: str = "inclusion") -> list[str]:
    """The review topics the criterion leaves to the study team."""
    return [
        leaf.topic for leaf, _ in parse_criterion(text, kind).leaves() if isinstance(leaf, Review)
    ]


def abstains(text: str, kind: str = "inclusion") -> bool:
    """Whether a fact was seen but not read, because a cue around it was not understood."""
    return "uncertain_reading" in reviews(text, kind)


def xfail(*values: object, reason: str):
    """A case the parser gets wrong today, kept as a strict xfail (it fails the run once fixed)."""
    return pytest.param(*values, marks=known_gap(reason))


def known_gap(reason: str):
    """The strict-xfail mark itself, for ``pytest.param(..., marks=known_gap(...))``."""
    return pytest.mark.xfail(strict=True, reason=reason)
