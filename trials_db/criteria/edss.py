"""EDSS bounds: "EDSS 2.0 to 6.5", "EDSS score ≤ 5.5"; an EDSS change is disease activity."""

from __future__ import annotations

import re

from . import quantities as q
from ..eligibility import EXCLUSION
from .predicates import Edss
from .reader import Reader


_EDSS_FILLER = re.compile(
    r"^(?:\s|\(edss\)|\(edss\s*\d?\)|\[\w+\]|\(appendix \w+\)"
    r"|score|scale|status|rating|total|of|is|at(?!\s+(?:least|most))|was|"
    r"must be|should be|baseline|screening|:|,|\(|\)|points?|with an?"
    r"|in (?:patients with )?multiple sclerosis)+",
    re.I,
)
_EDSS_NOT_A_BOUND = re.compile(
    r"^[\s)]*(increase|change|progression|worsening|deterioration|improvement|step|functional|pyramidal|sub-?score|system)",
    re.I,
)


# The change said before the scale: "Change in EDSS of ≥ 0.5 points between screening and
# baseline", "increase on the EDSS": a change, not the score itself.
_CHANGE_BEFORE = re.compile(
    r"\b(?:change|increase|increment|worsening|progression|deterioration|improvement|decrease|"
    r"reduction|rise|difference|shift|variation)s?\s+(?:in|of|on)\s+(?:the\s+|their\s+)?$",
    re.I,
)


def read(r: Reader) -> None:
    progression = re.search(r"edss (increase|change|progression|worsening)", r.norm, re.I)
    for m in r.of("EDSS"):
        if any(s <= m.start < e for s, e in r.used):
            continue  # "(EDSS)" right after "Expanded Disability Status Scale" was read with it
        after = r.norm[m.end : m.end + 90]
        before = r.norm[max(0, m.start - 40) : m.start]
        if re.search(r"(section of the|functional)\W*$", before, re.I) or re.match(
            r"[\s)]*(functional|pyramidal|sub-?score|system)", after, re.I
        ):
            r.reviews.append("tests")
            continue
        if _EDSS_NOT_A_BOUND.match(after) or _CHANGE_BEFORE.search(before):
            r.reviews.append("activity")  # "EDSS increase ≥1.0": disease activity, not a bound
            r.take(m.start, m.end + 20)
            continue
        if progression and re.search(r"baseline\s*$", before, re.I):
            r.take(m.start, m.end + 12)
            continue
        low = _LOW_SIDE.search(r.norm, max(0, m.start - 12), m.start)
        high = _HIGH_SIDE.match(r.norm, m.end) if low else None
        if low and high and float(low.group(1)) < float(high.group(2)) <= 10:
            # "2.0 ≤ EDSS ≤ 5.5": the score between its two bounds
            r.leaves.append(
                Edss(
                    min=float(low.group(1)),
                    max=float(high.group(2)),
                    min_inclusive=low.group(2) == "≤",
                    max_inclusive=high.group(1) == "≤",
                    source=r.norm[low.start() : high.end()],
                )
            )
            r.take(low.start(), high.end())
            continue
        filler = _EDSS_FILLER.match(after)
        window = after[filler.end() :] if filler else after
        pair = _HALF_STEP_PAIR.match(window)
        if (
            pair
            and float(pair.group(2)) - float(pair.group(1)) == 0.5
            # not "Patients with an EDSS of 6.0 or 6.5 must be able to walk 20 metres": a
            # condition for another test
            and not re.search(r"\b(?:with|who have|having)\s+(?:an?\s+)?$", before, re.I)
            and not re.match(
                r"[^.;]*\b(?:must|should|need|will|are required)\b", window[pair.end() :]
            )
        ):
            # "EDSS of 6.0 or 6.5 only": the two steps of the scale named, and none between
            lo, hi = float(pair.group(1)), float(pair.group(2))
            end = m.end + (filler.end() if filler else 0) + pair.end()
            r.leaves.append(Edss(min=lo, max=hi, source=r.norm[m.start : end]))
            r.take(m.start, end)
            continue
        window = re.sub(r"^([<>≤≥])\s*score\s*(of\s*)?", r"\1 ", window, flags=re.I)
        bound = q.bounds_in(window)
        if bound is None:
            continue
        lo, hi, lo_incl, hi_incl = bound
        if any(v is not None and not (0 <= v <= 10) for v in (lo, hi)):
            continue
        consumed = (filler.end() if filler else 0) + len(window) - len(window.lstrip())
        match_len = _bound_length(window.lstrip())
        if (lo is None) != (hi is None):  # "≥ 3.0 and ≤ 6.5": the other side, joined
            rest = window.lstrip()[match_len:]
            joined = _JOIN.match(rest)
            second = q.bounds_in(rest[joined.end() : joined.end() + 40]) if joined else None
            if joined and _OTHER_COUNT.match(
                rest[joined.end() + _bound_length(rest[joined.end() :]) :]
            ):
                second = None  # "EDSS ≤ 5.5 and at least 1 relapse": a count of another fact
            both = q.other_side((lo, hi, lo_incl, hi_incl), second)
            if both is not None and None in second[:2] and both[0] < both[1]:
                lo, hi, lo_incl, hi_incl = both
                match_len += joined.end() + _bound_length(rest[joined.end() :])
        leaf = Edss(
            min=lo,
            max=hi,
            min_inclusive=lo_incl,
            max_inclusive=hi_incl,
            source=r.norm[m.start : m.end + consumed + match_len].strip(),
        )
        other = _other_side_or(window.lstrip()[match_len:], (lo, hi))
        if other is not None:
            # "EDSS > 6 or < 1": two ranges, either excludes; asked for as an inclusion, either
            # would do, which the tree cannot say: the team checks
            if r.kind == EXCLUSION:
                r.leaves.append(leaf)
                lo2, hi2, lo2_incl, hi2_incl = other[0]
                r.leaves.append(
                    Edss(
                        min=lo2,
                        max=hi2,
                        min_inclusive=lo2_incl,
                        max_inclusive=hi2_incl,
                        source=other[1],
                    )
                )
            else:
                r.reviews.append("uncertain_reading")
            r.take(m.start, m.end + consumed + match_len + other[2])
            continue
        r.leaves.append(leaf)
        r.take(m.start, m.end + consumed + match_len)


# A bound before the scale and one after it: "2.0 ≤ EDSS ≤ 5.5", "3 < EDSS score < 6".
_LOW_SIDE = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?)\s*([≤<])\s*(?:the\s+)?$")
_HIGH_SIDE = re.compile(r"\s*(?:score\s*)?([≤<])\s*(\d{1,2}(?:\.\d)?)(?![\d.]*\d)")
# Two steps of the scale, half a point apart: "6.0 or 6.5" (not "3.0 or 3.5 points").
_HALF_STEP_PAIR = re.compile(
    r"\s*(\d(?:\.[05])?)\s+or\s+(\d{1,2}(?:\.[05])?)\b(?![.,]\d)(?!\s*(?:points?|or)\b)", re.I
)


_OR_BOUND = re.compile(
    r"\s*(?:,\s*)?or\s*(?=[<>≤≥]|(?:less|lower|below|under|more|higher|above|greater|over)\b)", re.I
)


def _other_side_or(rest: str, bound: tuple) -> tuple | None:
    """The second bound of "> 6 or < 1" (the other side of the first, joined by "or"):
    ((min, max, min_inclusive, max_inclusive), its words, its length), or None."""
    joined = _OR_BOUND.match(rest)
    if not joined or (bound[0] is None) == (bound[1] is None):
        return None
    after = rest[joined.end() : joined.end() + 40]
    second = q.bounds_in(after)
    if second is None or (second[0] is None) == (second[1] is None):
        return None
    if (second[0] is None) == (bound[0] is None):
        return None  # the same side twice: no second range
    if any(v is not None and not (0 <= v <= 10) for v in second[:2]):
        return None
    length = _bound_length(after)
    return (
        (second[0], second[1], second[2], second[3]),
        after[:length].strip(),
        joined.end() + length,
    )


# What a number after the joining word counts when it is not the score.
_OTHER_COUNT = re.compile(
    r"\s*(?:relapses?|attacks?|exacerbations?|episodes?|years?|months?|weeks?|days?|courses?|"
    r"infusions?|doses?|lesions?|dmts?|treatments?|therap(?:y|ies)|mg|kg|%)\b",
    re.I,
)
_JOIN = re.compile(
    r"\s*(?:points?\s*)?"
    # "at least 2 at the screening visit and no higher than 6.5 at baseline"
    r"(?:(?:at|on|during)\s+(?:the\s+)?(?:screening|baseline|randomi[sz]ation|day 1)"
    r"(?:\s+visit)?\s*)?"
    r"(?:and|but|,)\s*(?:(?:an?\s+)?edss\s*(?:score\s*)?(?:of\s*)?)?",
    re.I,
)


def _bound_length(window: str) -> int:
    m = re.match(
        r"(?:between|from)?\s*[\d.]+\s*(?:-|(?:up\s+)?to|and|through|thru)\s*"
        r"(?:(?:less than|<|below|under)\s*)?[\d.]+(?:[\s,;(]*inclusive(?:ly)?)?"
        r"|[^\d]{0,25}?[\d.]+(?:\s*(?:points?\s*)?(?:or|and)\s*"
        # (not "below 2 or above 6": two bounds)
        r"(?:less|lower|below|under|fewer|more|higher|above|greater|over|worse|better)\b"
        r"(?!\s+than)(?!\s*(?:[<>≤≥]\s*)?\d))?",
        window,
        re.I,
    )
    return m.end() if m else 0
