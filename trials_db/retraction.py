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


def without_retracted(text: str) -> str:
    """``text`` with each earlier answer it takes back blanked (its length kept)."""
    return _said().sub(lambda m: " " * len(m.group(0)), text)
