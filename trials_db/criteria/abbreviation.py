"""An abbreviation the criterion defines as something else is not the lexicon's: "Radiotherapy
(RTX)" is no rituximab, "GA = gestational age" no glatiramer acetate. Only a capitals-only form
(lexicon ``case_sensitive``) defined by ordinary words is set aside; "dimethyl fumarate (DMF)",
"BG-12 (DMF)" and "RTX (rituximab)" keep it."""

from __future__ import annotations

import functools
import re

from ..lexicon import load as load_lexicon

# Ordinary words before a bracketed abbreviation: "Radiotherapy (RTX)", "gestational age (GA)"
# (no digits, no capitals after the first letter: not a code such as "BG-12").
_DEFINED_BEFORE = re.compile(r"\b([A-Za-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3})\s*\(\s*$")
# A gloss after it: "GA = gestational age", "RTX (radiotherapy)", "GA: gestational age" (a
# bracket closed right after its words).
_GLOSS_AFTER = re.compile(
    r"^\s*(?:(?:=|:|means|stands for|refers to)\s*([A-Za-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3})|"
    r"\(\s*(?:i\.?e\.?,?\s*)?([A-Za-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3})\s*\))"
)


@functools.lru_cache(maxsize=1)
def _spellings() -> dict[str, tuple[str, ...]]:
    """Every lower-case spelling of each drug, medicine and class key, and its abbreviations."""
    lex = load_lexicon()
    out: dict[str, tuple[str, ...]] = {}
    for d in (*lex.drugs.values(), *lex.other_medicines.values()):
        out[d.name] = tuple(s.lower() for s in (*d.spellings, *d.case_sensitive))
    for c in lex.classes.values():
        out[c.key] = tuple(s.lower() for s in (c.key, c.label, *c.names, *c.case_sensitive))
    return out


@functools.lru_cache(maxsize=1)
def _forms() -> frozenset[str]:
    lex = load_lexicon()
    return frozenset(
        f
        for entry in (*lex.drugs.values(), *lex.other_medicines.values(), *lex.classes.values())
        for f in entry.case_sensitive
    )


def _names_key(words: str, key: str) -> bool:
    low = words.lower()
    return any(re.search(rf"(?<!\w){re.escape(s)}(?!\w)", low) for s in _spellings().get(key, ()))


def defined_otherwise(text: str, start: int, end: int, key: str) -> bool:
    """Whether the drug or class abbreviation at ``text[start:end]`` (of lexicon ``key``) is one
    the criterion defines, there or earlier, by ordinary words that do not name ``key``."""
    form = text[start:end]
    if form not in _forms():
        return False
    for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
        if m.start() > start:
            break
        before = _DEFINED_BEFORE.search(text[: m.start()])
        if (
            before
            and re.match(r"\s*\)", text[m.end() :])
            and _initial(before.group(1), form)
            and not _names_key(before.group(1), key)
        ):
            return True
        after = _GLOSS_AFTER.match(text[m.end() :])
        gloss = after and (after.group(1) or after.group(2))
        if (
            gloss
            and _initial(gloss, form)
            and not _names_key(gloss, key)
            and not _known_word(gloss)
        ):
            return True
    return False


def _initial(words: str, form: str) -> bool:
    """Whether ``words`` could spell out ``form``: they start with its first letter, as a long
    form does ("gestational age" for GA; not "treatment naive" for DMT)."""
    return words[:1].lower() == form[:1].lower()


def _known_word(words: str) -> bool:
    """Whether ``words`` name any lexicon drug or class (a gloss "(Mavenclad)" is no definition
    of another thing)."""
    return any(_names_key(words, key) for key in _spellings())
