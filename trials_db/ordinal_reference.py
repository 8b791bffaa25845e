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


@functools.lru_cache(maxsize=1)
def _now_and_over() -> tuple[re.Pattern[str], re.Pattern[str]]:
    doc = rule_file("ordinal_references")
    return re.compile(doc["now"], re.I), re.compile(doc["over"], re.I)


def _picks(text: str, named: list[tuple[int, str]]):
    """Each place word of ``text`` with the drugs it picks and the words after it."""
    place, places, _, _ = _rules()
    for m in place.finditer(text):
        before = list(dict.fromkeys(d for at, d in named if at < m.start()))
        listed = before or list(dict.fromkeys(d for _, d in named))
        wanted = places[m.group(0).lower()]
        picks = [
            listed[i - 1] if i > 0 else listed[i]
            for i in wanted
            if -len(listed) <= i <= len(listed) and i != 0
        ]
        if len(picks) == len(wanted):  # not "the third" of two drugs
            yield picks, text[m.end() :]


def _sorted(
    text: str, named: list[tuple[int, str]], first: re.Pattern[str], second: re.Pattern[str]
) -> tuple[list[str], list[str]]:
    """The drugs picked by place words whose next words match ``first``, and ``second``."""
    one: list[str] = []
    two: list[str] = []
    for picks, rest in _picks(text, named):
        if first.match(rest):
            one += [d for d in picks if d not in one]
        elif second.match(rest):
            two += [d for d in picks if d not in two]
    return one, two


def states(text: str, named: list[tuple[int, str]]) -> tuple[list[str], list[str]]:
    """(taken now, ended): the drugs a place word says are taken now ("the first I'm on now")
    or have ended ("the second one I finished in 2020")."""
    return _sorted(text, named, *_now_and_over())


def verdicts(text: str, named: list[tuple[int, str]]) -> tuple[list[str], list[str]]:
    """(failed, not failed): the drugs of ``named`` ((where named, drug), in the writer's order)
    that a place word says failed, or were stopped for another reason. A place counts among the
    drugs named before it: "Copaxone, then Tecfidera. The latter stopped working ... so I've been
    on Ocrevus since" is Tecfidera."""
    _, _, failed_after, other_after = _rules()
    return _sorted(text, named, failed_after, other_after)
