"""Whether a study is about multiple sclerosis, from its conditions, keywords and titles.

The metadata export holds every study that matched "sclerosis" (tuberous sclerosis, ALS,
systemic sclerosis...); a person with MS browsing open studies must see MS studies only.
"""

from __future__ import annotations

import functools
import re
from typing import Iterable

from .lexicon import load as load_lexicon


@functools.lru_cache(maxsize=1)
def _ms_words() -> re.Pattern[str]:
    lex = load_lexicon()
    names = {
        "multiple sclerosis",
        "sclerosis, multiple",
        "sclérose en plaques",
        "esclerosis múltiple",
        "demyelinating disease",
    }
    for key in ("ms", "relapsing", "progressive"):
        names.update(lex.groups[key].names)
    for subtype in lex.subtypes.values():
        names.update(n for n in subtype.names if len(n) > 6)
    words = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b|\b(?:RRMS|SPMS|PPMS|MS)\b", re.IGNORECASE)


def is_ms_study(
    conditions: Iterable[str] | None,
    keywords: Iterable[str] | None = (),
    titles: Iterable[str | None] = (),
) -> bool:
    """True when a condition (else a keyword or title) names MS or one of its courses."""
    pattern = _ms_words()
    for text in list(conditions or ()) + list(keywords or ()) + [t for t in titles if t]:
        for m in pattern.finditer(text):
            if m.group(0).isupper() or m.group(0).lower() != "ms":
                return True
    return False


def is_ms_trial(trial) -> bool:
    """:func:`is_ms_study` of a stored Trial (its conditions, keywords and both titles)."""
    return is_ms_study(trial.conditions, trial.keywords, (trial.brief_title, trial.official_title))
