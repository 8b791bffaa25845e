"""Age limits: "aged 18 to 55", "18 years or older", "under 65 years".

An age that conditions another test ("for an age less than 50") is not a limit on who may join.
"""
from __future__ import annotations

import re

from .predicates import Age
from .reader import Reader


_AGE_RANGE = [
    r"\b(?:age[sd]?|aged)\b(?:\s+eligible for study)?\s*:?\s*(?:is\s+)?(?:between\s+|from\s+)?(\d{1,3})\s*(?:years?\s*)?(?:-|to|and)\s*(\d{1,3})\b",
    r"\bbetween the ages of (\d{1,3}) and (\d{1,3})\b",
    r"\b(?:between\s+)?(\d{1,3})\s*(?:years?\s*)?(?:-|to|and)\s*(\d{1,3})\s*years?\s*(?:old|of age)\b",
]
_AGE_MIN = [
    (r"\b(?:age[sd]?|aged)\s*(?:of\s+)?(≥|>|at least|over|above|older than)\s*(\d{1,3})\b", None),
    (r"\b(\d{1,3})\s*(?:years?)?\s*(?:of age\s*)?(?:or|and)\s*(?:older|over|above)\b(?!\s*\d)", "≥"),
    (r"\b(?:aged?)\s+(\d{1,3})\s*\+", "≥"),
    (r"\b(?:adults?|men and women|males and females|male and female subjects)\b[\s,(]*(≥|>|at least|over|above|aged)?\s*(\d{1,3})\s*\+?\s*(?:years|yrs)", None),
    (r"\bat least (\d{1,3}) years (?:of age|old)\b", "≥"),
    (r"\b(?:over|above|older than)\s*(\d{1,3})\s*years?\b", ">"),
]
_AGE_MAX = [
    (r"\b(?:under|below|younger than)\s*(\d{1,3})\s*years?(?:\s*(?:of age|old))?", "<"),
    (r"\bless than\s*(\d{1,3})\s*years?\s*(?:of age|old)", "<"),
    (r"\b(?:age[sd]?|aged)\s*(≤|<|up to)\s*(\d{1,3})\b", None),
]


_CONDITIONAL_AGE = re.compile(r"\b(?:for|if|when|whose|in case of)\s+(?:an?\s+|the\s+|their\s+)?$", re.I)


def read(r: Reader) -> None:
    seen: set[tuple] = set()

    def add(lo, hi, lo_incl, hi_incl, m: re.Match) -> None:
        if any(s <= m.start() < e for s, e in r.used):
            return
        if _CONDITIONAL_AGE.search(r.norm[max(0, m.start() - 20) : m.start()]):
            r.reviews.append("other")  # "(for an age less than 50)": a condition of another test
            r.take(m.start(), m.end())
            return
        for v in (lo, hi):
            if v is not None and not 0 <= v <= 120:
                return
        key = (lo, hi, lo_incl, hi_incl)
        if key in seen:
            return
        seen.add(key)
        r.leaves.append(Age(min=lo, max=hi, min_inclusive=lo_incl, max_inclusive=hi_incl, source=m.group(0)))
        r.take(m.start(), m.end())

    for pattern in _AGE_RANGE:
        for m in re.finditer(pattern, r.norm, re.I):
            lo, hi = float(m.group(1)), float(m.group(2))
            if lo < hi:
                add(lo, hi, True, True, m)
    for pattern, sign in _AGE_MIN:
        for m in re.finditer(pattern, r.norm, re.I):
            op = sign or (m.group(1) or "≥")
            value = float(m.group(m.lastindex))
            add(value, None, op.lower() in ("≥", "at least", "aged"), True, m)
    for pattern, sign in _AGE_MAX:
        for m in re.finditer(pattern, r.norm, re.I):
            op = sign or m.group(1)
            add(None, float(m.group(m.lastindex)), True, op in ("≤", "up to"), m)
