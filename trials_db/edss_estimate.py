"""A rough EDSS range from plain questions about walking, for people who don't know their score.

The questions follow the patient-side Patient Determined Disease Steps scale (PDDS: walking aid,
distance without rest, how much MS affects daily life), whose levels correspond broadly to EDSS
bands (EDSS 4.0-5.5 are defined by unaided walking distance, 6.0 by one aid, 6.5 by two aids,
7.0 and above by wheelchair use). The result is a range, always marked as an estimate: only a
neurologist's examination gives an EDSS score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import fold

AIDS = ("none", "one", "two", "wheelchair")
DISTANCES = ("over_500m", "200_500m", "100_200m", "under_100m")
IMPACTS = ("hardly", "some", "a_lot")

# (aid, distance, impact) -> EDSS range. None matches anything.
_TABLE: list[tuple[str, str | None, str | None, tuple[float, float]]] = [
    ("wheelchair", None, None, (7.0, 8.5)),
    ("two", None, None, (6.5, 7.0)),
    ("one", None, None, (6.0, 6.5)),
    ("none", "under_100m", None, (5.5, 6.0)),
    ("none", "100_200m", None, (5.0, 5.5)),
    ("none", "200_500m", None, (4.0, 5.0)),
    ("none", "over_500m", "a_lot", (2.0, 4.0)),
    ("none", "over_500m", "some", (1.0, 3.0)),
    ("none", "over_500m", "hardly", (0.0, 2.0)),
]


@dataclass(frozen=True)
class EdssEstimate:
    low: float
    high: float

    def text(self) -> str:
        def fmt(v: float) -> str:
            return "0" if v == 0 else f"{v:.1f}"

        return f"between {fmt(self.low)} and {fmt(self.high)}"


def needs_distance(aid: str | None) -> bool:
    return aid == "none"


def needs_impact(aid: str | None, distance: str | None) -> bool:
    return aid == "none" and distance == "over_500m"


def estimate(
    aid: str, distance: str | None = None, impact: str | None = None
) -> EdssEstimate | None:
    """The EDSS range for these answers, or None if a needed answer is missing."""
    for row_aid, row_distance, row_impact, (low, high) in _TABLE:
        if aid == row_aid and row_distance in (None, distance) and row_impact in (None, impact):
            return EdssEstimate(low, high)
    return None


def parse_aid(text: str) -> str | None:
    t = fold(text)
    if re.search(r"wheel ?chair|scooter|can'?t walk|cannot walk|unable to walk|bed", t):
        return "wheelchair"
    if re.search(
        r"\b(two|2|both|a pair of)\b.*\b(canes?|crutch\w*|sticks?|aids?)"
        r"|\b(walker|rollator|zimmer|frame)\b",
        t,
    ):
        return "two"
    if re.search(
        r"\b(one|a|1|single)\b.*\b(cane|crutch|stick|aid)\b|\bcane\b|\bcrutch\b|\bwalking stick\b",
        t,
    ):
        return "one"
    if re.search(
        r"\b(no|none|without|don'?t need|do not need|nothing|no aid|on my own|unaided|by myself)\b",
        t,
    ):
        return "none"
    return None


def parse_distance(text: str) -> str | None:
    t = fold(text)
    if re.search(
        r"more than 500|over 500"
        r"|\b(far|miles?|kilometers?|kilometres?|km|as far as i (want|like)|no limit|unlimited"
        r"|hours?)\b",
        t,
    ):
        return "over_500m"
    if re.search(r"200\s*(-|to|–)\s*500|a few blocks|couple of blocks|300|400", t):
        return "200_500m"
    if re.search(r"100\s*(-|to|–)\s*200|one block|a block|150", t):
        return "100_200m"
    if re.search(
        r"less than 100|under 100|few steps|a few meters|across the room|\b[1-9]\d? ?m\b"
        r"|very short",
        t,
    ):
        return "under_100m"
    m = re.search(r"(\d+)\s*(m|meters?|metres?)\b", t)
    if m:
        metres = int(m.group(1))
        return (
            "over_500m"
            if metres > 500
            else "200_500m"
            if metres >= 200
            else "100_200m"
            if metres >= 100
            else "under_100m"
        )
    return None


def parse_impact(text: str) -> str | None:
    t = fold(text)
    if re.search(r"\b(a lot|quite a lot|very much|lots|significant|hard|difficult|much)\b", t):
        return "a_lot"
    if re.search(r"\b(some|a little|a bit|little|mild|somewhat|moderate)\b", t):
        return "some"
    if re.search(r"\b(hardly|not at all|no|none|barely|nothing|normal|fine)\b", t):
        return "hardly"
    return None
