"""A reply that quotes: lines marked ">" and the lines under "X wrote:" are someone else's words
(the bot's questions, another member's post) and set no fact; the writer's own lines under a
quoted question of the bot answer that question, in order ("> Are you pregnant?\n> Are you
breastfeeding?\nNo.\nYes."). Rules: lexicon/quoted_reply.yml."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import any_of, rule_file

_QUOTED = re.compile(r"^\s*>")
# The message key under which the NLU keeps a quoting reply whole, while the classifier sees the
# writer's own lines only (bot/nlu/text_boundary.py); the form reads it to pair each answer with
# the question quoted above it.
QUOTED_TEXT = "quoted_text"
_TO_YOU = re.compile(r"\byou(?:r|'re)?\b", re.I)


@dataclass(frozen=True)
class Part:
    """The writer's own lines, and the bot's question they answer (a slot), if one was quoted."""

    asked: str | None
    text: str


@functools.lru_cache(maxsize=1)
def _rules() -> (
    tuple[re.Pattern[str], dict[str, re.Pattern[str]], re.Pattern[str], re.Pattern[str]]
):
    doc = rule_file("quoted_reply")
    questions = {slot: any_of(patterns) for slot, patterns in doc["questions"].items()}
    return any_of(doc["attribution"]), questions, any_of(doc["own"]), any_of(doc["clinician"])


def _asks(line: str) -> str | None:
    """The profile field a quoted question asks ("> How old are you?" -> age), or None."""
    if "?" not in line or not _TO_YOU.search(line):  # the bot's, not "anyone else on X?"
        return None
    found = [(m.start(), slot) for slot, p in _rules()[1].items() if (m := p.search(line))]
    return min(found)[1] if found else None


def own_parts(text: str | None) -> list[Part] | None:
    """The writer's own words of a reply that quotes, each with the question it answers; None
    when the message quotes nothing (it is read whole, as usual)."""
    attribution, _, own, clinician = _rules()
    if not text or not any(
        _QUOTED.match(line) or attribution.search(line) for line in text.splitlines()
    ):
        return None
    parts: list[Part] = []
    asked: list[str] = []  # the quoted questions not yet answered, in order
    answered_since = True
    mine = False  # under "correction to what I sent:", the quoted lines are the writer's
    for line in text.splitlines():
        quoted = _QUOTED.match(line) is not None
        heads = not quoted and attribution.search(line) is not None  # "Kate wrote:"
        if heads:
            mine = own.search(line) is not None
        elif quoted and (mine or clinician.search(line)):
            # the writer's own earlier words, or what their clinician said of them
            parts.append(Part(None, _QUOTED.sub("", line)))
            continue
        else:
            mine = False
        if quoted or heads:
            if answered_since:
                asked = []
            answered_since = False
            slot = _asks(line)
            if slot and slot not in asked:
                asked.append(slot)
            continue
        if not line.strip():
            continue
        if not asked and answered_since and parts and parts[-1].asked is None:
            # the writer's lines told on, under no question: one text, read together
            parts[-1] = Part(None, parts[-1].text + "\n" + line)
            continue
        answered_since = True
        parts.append(Part(asked.pop(0) if asked else None, line))
    return parts
