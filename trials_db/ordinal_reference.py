"""Drugs told of by their place in the list the writer gave ("Avonex, Copaxone, then Gilenya -
the first two failed, the third was side effects"): which of them failed and which were
stopped for another reason. Rules: lexicon/ordinal_references.yml."""

from __future__ import annotations

import functools
import re

from .lexicon import rule_file


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], dict[str, list[int]], re.Pattern[str], re.Pattern[str]]:
    doc = rule_file("ordinal_references")
    places = {k.lower(): v for k, v in doc["places"].items()}
    words = "|".join(re.escape(k) for k in sorted(places, key=len, reverse=True))
    return (
        re.compile(rf"\b(?:{words})\b", re.I),
        places,
        re.compile(doc["failed"], re.I),
        re.compile(doc["not_failed"], re.I),
    )


def verdicts(text: str, named: list[str]) -> tuple[list[str], list[str]]:
    """(failed, not failed): the drugs of ``named`` (in the order the writer named them) that a
    place word says failed, or were stopped for another reason."""
    place, places, failed_after, other_after = _rules()
    failed: list[str] = []
    other: list[str] = []
    for m in place.finditer(text):
        picks = [
            named[i - 1] if i > 0 else named[i]
            for i in places[m.group(0).lower()]
            if -len(named) <= i <= len(named) and i != 0
        ]
        if len(picks) != len(places[m.group(0).lower()]):
            continue  # "the third" of two drugs: not these
        rest = text[m.end() :]
        if failed_after.match(rest):
            failed += [d for d in picks if d not in failed]
        elif other_after.match(rest):
            other += [d for d in picks if d not in other]
    return failed, other
