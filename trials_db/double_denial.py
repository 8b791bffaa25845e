"""Two denials in one clause ("I'm not NOT pregnant", "it's not like I've had none"): the clause
is left unread rather than read as its opposite; a denial said by litotes ("can't say I've had
one since 2019") is read as the plain denial. Rules: lexicon/double_denials.yml."""

from __future__ import annotations

import functools
import re

import yaml

from .lexicon import HERE as LEXICON_DIR

_RULES = LEXICON_DIR / "double_denials.yml"
# Where a clause ends: a comma, a stop, a dash or dots between words, a line's end.
_CLAUSE_END = re.compile(
    r"[,;.!?\n\u2026]|\s[-\u2013\u2014]+\s|\s*\.\.\.|\s(?=(?:and|but|so|though)\s)", re.I
)


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str]]]:
    doc = yaml.safe_load(_RULES.read_text(encoding="utf-8"))
    unread = re.compile(rf"\b(?:{'|'.join(doc['unread'])})\b", re.I)
    plain = [(re.compile(rf"\b{p}\b", re.I), words) for words, p in doc["plain"].items()]
    return unread, plain


def without_double_denials(text: str) -> str:
    """``text`` with each clause that holds two denials cut out, and litotes said plainly."""
    unread, plain = _rules()
    for pattern, words in plain:
        text = pattern.sub(words, text)
    while (m := unread.search(text)) is not None:
        start = max([0] + [e.end() for e in _CLAUSE_END.finditer(text, 0, m.start())])
        end = _CLAUSE_END.search(text, m.end())
        text = text[:start] + " " + (text[end.start() :] if end else "")
    return text
