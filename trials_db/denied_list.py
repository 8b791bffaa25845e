"""Things denied together with one time said after the last ("No relapses, steroids or new
lesions since 2022"): the time is said of each, so each is read "no X since 2022" (a "no
relapses" alone would be "never"). Words: lexicon/denied_lists.yml."""

from __future__ import annotations

import functools
import re

from .lexicon import rule_file

# One item: one to three words, none of them a joining or time word.
_WORD = (
    r"(?!(?:since|but|in|for|or|and|nor|no|not|never|on|off|with|at|to|from|nada|nothing|none|"
    r"zilch|so|touch|thank)\b)[a-z][a-z'-]*"
)
_ITEM = rf"{_WORD}(?:\s+{_WORD}){{0,2}}?"
_JOIN = r"\s*(?:,|\bor\b|\band\b|\bnor\b)\s*(?:,\s*)?"


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])


@functools.lru_cache(maxsize=1)
def _heads() -> str:
    return rf"\b(?:{_alternatives(rule_file('denied_lists')['heads'])})\s+"


@functools.lru_cache(maxsize=1)
def _list() -> re.Pattern[str]:
    doc = rule_file("denied_lists")
    head = _heads()
    filler = rf"(?:\s*,?\s*(?:{_alternatives(doc['fillers'])})\b)*"
    time = rf"(?:{_alternatives(doc['times'])})\b[^.;!?,]*"
    return re.compile(
        rf"(?P<list>{head}{_ITEM}(?:{_JOIN}(?:{head})?{_ITEM})+){filler}\s*,?\s*(?P<time>{time})",
        re.I,
    )


def _spread(m: re.Match[str]) -> str:
    items = [i for i in re.split(_JOIN, m.group("list"), flags=re.I) if i.strip()]
    time = m.group("time").strip()
    said = []
    for item in items:
        item = item.strip()
        denied = re.match(_heads(), item, re.I)
        said.append(f"{item} {time}" if denied else f"no {item} {time}")
    return ", ".join(said)


def with_time_spread(text: str) -> str:
    """``text`` with the time said after a list of denied things said of each of them."""
    return _list().sub(_spread, text)
