"""An earlier answer the writer takes back in the same sentence ("I told you no relapses, but I
forgot one in March"): the old answer is no fact of this message; what follows it is.
Rules: lexicon/retractions.yml."""

from __future__ import annotations

import functools
import re

from .lexicon import any_of, rule_file


@functools.lru_cache(maxsize=1)
def _said() -> re.Pattern[str]:
    return any_of(rule_file("retractions")["said"])


@functools.lru_cache(maxsize=1)
def _elided() -> re.Pattern[str]:
    return re.compile(rule_file("retractions")["elided"], re.I)


def without_retracted(text: str) -> str:
    """``text`` with each earlier answer it takes back blanked; a count said after it without
    its noun gets the old answer's noun back ("..., but I forgot one in March" is a relapse)."""
    from .patient_text import FACT_WORDS  # the one list of relapse words (imported late: cycle)

    elided, noun = _elided(), FACT_WORDS["relapse"]
    out, at = [], 0
    for m in _said().finditer(text):
        out.append(text[at : m.start()] + " " * len(m.group(0)))
        at = m.end()
        if noun.search(m.group(0)):
            rest = re.split(r"[.;!?\n]", text[at:], maxsplit=1)[0]
            count = elided.search(rest)
            if count:
                out.append(text[at : at + count.end()] + " relapse")
                at += count.end()
    return "".join(out) + text[at:]
