"""A drug only planned, approved, booked, funded or floated, never started: "my first one
(Kesimpta) is booked for January", "Insurance still hasn't approved Ocrevus", "The neuro
floated Lemtrada". Rules: lexicon/planned_treatment.yml; read in the drug's own clause."""

from __future__ import annotations

import functools
import re

from .lexicon import any_of, rule_file

# A clause's bounds: a stop, a semicolon, a comma, a dash between words, a line's end.
_CLAUSE_BREAK = re.compile(r"[.;!?,\n]|\s[-\u2013\u2014]+\s")


# A verb right after the drug that says what it did or does: a verdict, not a proposal ("neuro
# says copaxone wasn't cutting it", "says Tysabri is fine for me"; not "says Ocrevus is the best
# option", a proposal).
_VERDICT_AFTER = re.compile(
    r"\s*(?:\(\w+\)\s*)?[\W_]{0,3}(?:was|wasn'?t|isn'?t|had|hasn'?t|hadn'?t|did|didn'?t|does|"
    r"doesn'?t|stopped|worked|failed|never|kept|gave|made|caused|"
    r"(?:is|has been)\s+(?:still\s+)?(?:fine|good|great|ok|okay|doing|holding|keeping|not))\b",
    re.I,
)


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    doc = rule_file("planned_treatment")
    return {part: any_of(patterns) for part, patterns in doc.items()}


def only_planned(text: str, start: int, end: int) -> bool:
    """Whether the drug named at ``text[start:end]`` is said, in its own clause, to be only
    planned, approved, booked, funded or floated, and not said there to have been started."""
    rules = _rules()
    if begun_after(text, end):
        return False  # "I was supposed to start Ocrevus but - no, I mean, I did start"
    begin = max([0] + [m.end() for m in _CLAUSE_BREAK.finditer(text, 0, start)])
    stop = _CLAUSE_BREAK.search(text, end)
    before, after = text[begin:start], text[end : stop.start() if stop else len(text)]
    if rules["not_started"].search(after):
        return True
    if rules["taken"].search(before + " " + after):
        return False
    if rules["proposed"].search(before) and not _VERDICT_AFTER.match(after):
        return True
    if rules["to_come"].search(_rest_of_sentence(text, end)):
        return True  # "I'm 'on' Ocrevus alright - in the sense that my first infusion is in Jan"
    return rules["after"].search(after) is not None or rules["before"].search(before) is not None


def begun_after(text: str, end: int) -> bool:
    """Whether the rest of the sentence after a drug (named up to ``end``) takes a plan back: it
    was begun after all ("I was supposed to start Ocrevus but - no, I mean, I did start")."""
    return _rules()["started_after"].search(_rest_of_sentence(text, end)) is not None


def _rest_of_sentence(text: str, end: int) -> str:
    """``text`` from ``end`` to its sentence's end."""
    return text[end : end + re.search(r"[.!?\n]|$", text[end:]).start()]
