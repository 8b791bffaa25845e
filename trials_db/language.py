"""Is a message written in another language than English? (The bot speaks English for now.)

A small offline detector: distinctive function words per language, from lexicon/languages.yml.
It must never take an English message with a foreign word ("I'm 34, from España") for another
language: it needs at least two of a language's words and more of them than English words,
or a message that is only a greeting ("hola", "bonjour"). Plain Python, no Rasa import.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from .lexicon import HERE as LEXICON_DIR, fold

LANGUAGES_FILE = LEXICON_DIR / "languages.yml"
NAMES = {"es": "Spanish", "de": "German", "fr": "French", "it": "Italian", "pt": "Portuguese"}


@lru_cache(maxsize=None)
def _table(
    path: Path = LANGUAGES_FILE,
) -> tuple[frozenset[str], dict[str, tuple[frozenset[str], tuple[str, ...]]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    english = frozenset(fold(str(w)) for w in data["english"])
    langs = {
        code: (
            frozenset(fold(str(w)) for w in spec["words"]),
            tuple(fold(str(g)) for g in spec["greetings"]),
        )
        for code, spec in data["languages"].items()
    }
    return english, langs


@lru_cache(maxsize=None)
def greeting_openers(path: Path = LANGUAGES_FILE) -> frozenset[str]:
    """First words (folded) of a greeting line: the ``openings`` list and the first word of each
    language's greetings ("hola", "bom" of "bom dia")."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    words = {fold(str(w)) for w in data["openings"]}
    words |= {
        fold(str(g)).split()[0] for spec in data["languages"].values() for g in spec["greetings"]
    }
    return frozenset(words)


def detect(text: str | None) -> str | None:
    """ "es", "de", "fr", "it" or "pt" when ``text`` is written in that language, else None."""
    if not text or text.lstrip().startswith("/"):
        return None
    t = fold(text).replace("\u2019", "'")
    if len(re.findall(r"[a-z]", t)) < 0.6 * len(re.findall(r"[^\W\d_]", t)):
        return None  # mostly another script (Greek, CJK...): not one of these languages
    words = re.findall(r"[^\W\d_]+", t)
    if not words:
        return None
    english, langs = _table()
    n_english = sum(1 for w in words if w in english)
    phrase = " ".join(words)
    best, best_hits = None, 0
    for code, (vocab, greetings) in langs.items():
        if phrase in greetings:
            return code  # "hola", "bom dia"
        hits = sum(1 for w in words if len(w) > 1 and w in vocab and w not in english)
        if hits > best_hits:
            best, best_hits = code, hits
    if best and best_hits >= 2 and best_hits > n_english:
        return best
    return None
