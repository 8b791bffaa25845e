"""The safety check: does a message need a safe answer before anything else?

Runs on every message a person sends, before the form and before any fact is read from it
(bot/nlu/safety_guard.py sets the intent; trials_db/facts.py refuses to read such a message).
The rules are data (lexicon/safety.yml), tuned for recall: a false alarm costs one kind
sentence, a missed crisis can cost a life. Plain Python, no Rasa import.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Pattern

import yaml

from .lexicon import HERE as LEXICON_DIR, fold, load as load_lexicon, patient_phrases

SAFETY_FILE = LEXICON_DIR / "safety.yml"
CRISIS_LINES_FILE = LEXICON_DIR / "crisis_lines.yml"


class Category(str, Enum):
    """What kind of safe answer a message needs; the order is the order of precedence."""

    CRISIS = "crisis"
    SYMPTOMS = "symptoms"
    ADVICE = "advice"
    DISTRESS = "distress"

    @property
    def intent(self) -> str:
        """The Rasa intent the NLU guard gives such a message."""
        return f"safety_{self.value}"


SAFETY_INTENTS = frozenset(c.intent for c in Category)


@dataclass(frozen=True)
class Finding:
    category: Category
    language: str  # en, es, de, fr, it, pt: the language of the cue that matched
    cue: str  # the words that matched (for the coordinator, never logged at INFO)


# --- normalising what people type -------------------------------------------------------

_APOSTROPHES = "'\u2019\u2018\u02bc\u0060\u00b4"


@lru_cache(maxsize=1)
def _without() -> tuple[Pattern[str], ...]:
    """The chat shorthand for "without" ("w/o"), from the patient phrases' one list."""
    return tuple(pattern for pattern, word in patient_phrases() if word == "without")


def normalise(text: str) -> str:
    """The matching form of lexicon.fold (lower case, no accents, plain quotes), also without
    apostrophes ("dont"), double quotes or text-speak "2 b", one space between words."""
    t = fold(text or "").translate({ord(c): None for c in _APOSTROPHES})
    t = re.sub(r"[\"]", " ", t)
    t = re.sub(r"\b2 (?=(?:b|be|die|live|end|go|sleep|wake)\b)", "to ", t)  # text-speak "2 b"
    for pattern in _without():  # "w/o any relapses": a denial the cues must see
        t = pattern.sub("without", t)
    # An arrow is a span or a switch ("Ocrevus (2021 -> now)", "Tecfidera -> Tysabri"): "to",
    # so a time that runs up to now reads as history, not as a symptom now
    t = re.sub(r"\s*(?:-+>|=>|\u2192|\u27f6)\s*", " to ", t)
    return re.sub(r"\s+", " ", t).strip()


def _edits1(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    for i in range(len(long_)):
        if long_[:i] + long_[i + 1 :] == short:
            return True
    return False


def _names(text: str) -> frozenset[str]:
    """Full names capitalised inside a sentence ("Yours, Bridget Flanagan", "Olive Mills"): a
    one-letter typo fix must not turn them into a cue ("Bridget" -> "bridge"). A lone capital
    ("I feel Suicdal") and a message in Title Case keep their fixes."""
    words = re.findall(r"[A-Za-z]{3,}", text)
    if sum(w[0].isupper() for w in words) > 0.8 * len(words):
        return frozenset()
    cap = r"[A-Z][a-z]{2,}"
    pairs = re.finditer(rf"(?<![.!?\n]\s)(?<![.!?\n])(?<!^)\b({cap})\s+({cap})\b", text.strip())
    return frozenset(normalise(w) for m in pairs for w in m.groups())


def _correct_typos(
    text: str,
    targets: tuple[str, ...],
    spellings: dict[str, str],
    names: frozenset[str] = frozenset(),
) -> str:
    """Text-speak spelled out ("rn" -> "right now"); words one typo from a target corrected,
    except ``names``."""

    def fix(m: re.Match) -> str:
        word = m.group(0)
        if word in spellings:
            return spellings[word]
        if len(word) < 5 or word in targets or word in names:
            return word
        for target in targets:
            if _edits1(word, target):
                return target
        return word

    text = re.sub(r"[a-z0-9]+", fix, text)
    # "haven't been able to pee" is a symptom, not a denied one.
    return re.sub(
        r"\b(?:not|havent been|hasnt been|wasnt|werent|arent|isnt|never been|not been)"
        r" able to\b",
        "unable to",
        text,
    )


# --- the rules --------------------------------------------------------------------------


@dataclass(frozen=True)
class _SymptomRules:
    strong: tuple[Pattern[str], ...]
    terms: tuple[Pattern[str], ...]
    acute: tuple[Pattern[str], ...]
    acute_weak: tuple[Pattern[str], ...]
    history: tuple[Pattern[str], ...]
    negation: Pattern[str]
    course: tuple[Pattern[str], ...] = ()  # a treatment's length: no sign of "now"


@dataclass(frozen=True)
class _Rules:
    typo_targets: tuple[str, ...]
    spellings: dict[str, str]
    crisis: dict[str, tuple[Pattern[str], ...]]
    crisis_denials: tuple[Pattern[str], ...]
    crisis_combo: tuple[tuple[Pattern[str], Pattern[str]], ...]
    crisis_ordinary: tuple[Pattern[str], ...]
    crisis_signals: dict[str, tuple[Pattern[str], ...]]
    symptoms: dict[str, _SymptomRules]
    advice_with_drug: dict[str, tuple[Pattern[str], ...]]
    advice_alone: dict[str, tuple[Pattern[str], ...]]
    not_advice: tuple[Pattern[str], ...]
    not_advice_sentence: tuple[Pattern[str], ...]
    drug: Pattern[str]
    distress: tuple[Pattern[str], ...]


def _drug_names() -> str:
    """Every drug name, brand and misspelling the lexicon knows (one vocabulary): MS
    treatments and the other medicines ("is fampridine safe for me?" asks for advice too)."""
    lex = load_lexicon()
    names: set[str] = set()
    for drug in (*lex.drugs.values(), *lex.other_medicines.values()):
        for name in drug.spellings:
            n = normalise(name)
            if len(n) >= 3:
                names.add(re.escape(n))
    return "|".join(sorted(names, key=len, reverse=True))


def _drug_words() -> tuple[str, ...]:
    """Drug names and brands of 6+ letters, so "lemtrda" reads as "lemtrada"."""
    lex = load_lexicon()
    words = {
        normalise(w)
        for key, d in {**lex.drugs, **lex.other_medicines}.items()
        for w in (key, *d.brands)
    }
    return tuple(sorted(w for w in words if re.fullmatch(r"[a-z]{6,}", w)))


def _compile(patterns: Iterable[str], macros: dict[str, str]) -> tuple[Pattern[str], ...]:
    out = []
    for p in patterns:
        for _ in range(3):  # macros may use macros
            p = re.sub(r"\{([A-Z_]+)\}", lambda m: macros.get(m.group(1), m.group(0)), p)
        out.append(re.compile(p))
    return tuple(out)


@lru_cache(maxsize=None)
def rules(path: Path = SAFETY_FILE) -> _Rules:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    macros = {k: str(v) for k, v in data["macros"].items()}
    macros["DRUG_NAMES"] = _drug_names()
    c = lambda ps: _compile(ps or (), macros)  # noqa: E731
    symptoms = {}
    for lang, s in data["symptoms"].items():
        symptoms[lang] = _SymptomRules(
            strong=c(s.get("strong")),
            terms=c(s.get("terms")),
            acute=c(s.get("acute")),
            acute_weak=c(s.get("acute_weak")),
            history=c(s.get("history")),
            negation=c(s.get("negation"))[0],
            course=c(s.get("course")),
        )
    advice = {lang: v for lang, v in data["advice"].items() if not lang.startswith("not_")}
    return _Rules(
        typo_targets=tuple(data.get("typo_targets") or ()) + _drug_words(),
        spellings={str(k): str(v) for k, v in (data.get("spellings") or {}).items()},
        crisis={lang: c(ps) for lang, ps in data["crisis"].items()},
        crisis_denials=c(data.get("crisis_denials")),
        crisis_combo=tuple((c([x["death"]])[0], c([x["wish"]])[0]) for x in data["crisis_combo"]),
        crisis_ordinary=c(data["crisis_ordinary"]),
        crisis_signals={lang: c(ps) for lang, ps in data["crisis_signals"].items()},
        symptoms=symptoms,
        advice_with_drug={lang: c(v.get("with_drug")) for lang, v in advice.items()},
        advice_alone={lang: c(v.get("alone")) for lang, v in advice.items()},
        not_advice=c(data["advice"].get("not_advice")),
        not_advice_sentence=c(data["advice"].get("not_advice_sentence")),
        drug=c(["\\b{DRUG}\\b"])[0],
        distress=c(data["distress"]["en"]),
    )


# --- checking a message -----------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    parts = re.split(
        r"[.!?;\n]+|,? but |,? though "
        r"|, (?=(?:is|are|should|can|could|would|do|does|will|what|which|how) )",
        text,
    )
    return [p.strip() for p in parts if p.strip()]


def _covered(span: tuple[int, int], covers: Iterable[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in covers)


def _crisis(text: str, r: _Rules) -> tuple[Finding | None, bool]:
    """(the crisis finding, whether a denied crisis cue was seen)."""
    denials = [m.span() for p in r.crisis_denials for m in p.finditer(text)]
    denied = False
    for lang, patterns in r.crisis.items():
        for pattern in patterns:
            for m in pattern.finditer(text):
                if _covered(m.span(), denials):
                    denied = True
                    continue
                return Finding(Category.CRISIS, lang, m.group(0)), denied
    for sentence in _sentences(text):
        ordinary = [m.span() for p in r.crisis_ordinary for m in p.finditer(sentence)]
        for lang, patterns in r.crisis_signals.items():
            for pattern in patterns:
                for m in pattern.finditer(sentence):
                    if not _covered(m.span(), ordinary) and not _covered(m.span(), denials):
                        return Finding(Category.CRISIS, lang, m.group(0)), denied
        for death, wish in r.crisis_combo:
            words = [
                m
                for m in death.finditer(sentence)
                if not _covered(m.span(), ordinary) and not _covered(m.span(), denials)
            ]
            w = wish.search(sentence)
            if words and w:
                return Finding(
                    Category.CRISIS, "en", f"{words[0].group(0)} ... {w.group(0)}"
                ), denied
    return None, denied or bool(denials)


def _negated(sentence: str, start: int, negation: Pattern[str], window: int = 4) -> bool:
    """A negation word among the ``window`` words before ``start`` ("no new numbness")."""
    before = sentence[:start].split()[-window:]
    return bool(before) and negation.search(" ".join(before)) is not None


def _found(sentence: str, patterns: Iterable[Pattern[str]], negation: Pattern[str]) -> bool:
    """Any of ``patterns`` in ``sentence`` that no negation word just before denies."""
    return any(
        not _negated(sentence, m.start(), negation, window=1)
        for p in patterns
        for m in p.finditer(sentence)
    )


def _symptoms(text: str, r: _Rules) -> Finding | None:
    for sentence in _sentences(text):
        for lang, s in r.symptoms.items():
            history = any(p.search(sentence) for p in s.history)
            timed = sentence
            for p in s.course:
                timed = p.sub(lambda m: " " * len(m.group(0)), timed)
            acute = _found(timed, s.acute, s.negation) or (
                not history and _found(timed, s.acute_weak, s.negation)
            )
            for pattern in s.strong:
                for m in pattern.finditer(sentence):
                    if _negated(sentence, m.start(), s.negation) or (history and not acute):
                        continue
                    return Finding(Category.SYMPTOMS, lang, m.group(0))
            if not acute:
                continue
            for pattern in s.terms:
                for m in pattern.finditer(sentence):
                    if not _negated(sentence, m.start(), s.negation):
                        return Finding(Category.SYMPTOMS, lang, m.group(0))
    return None


def _advice(text: str, r: _Rules) -> Finding | None:
    names_drug = r.drug.search(text) is not None  # "Tysabri or Ocrevus, which is better?"
    for sentence in _sentences(text):
        if any(p.search(sentence) for p in r.not_advice_sentence):
            continue
        excluded = [m.span() for p in r.not_advice for m in p.finditer(sentence)]
        for lang, patterns in r.advice_alone.items():
            for pattern in patterns:
                m = pattern.search(sentence)
                if m and not _covered(m.span(), excluded):
                    return Finding(Category.ADVICE, lang, m.group(0))
        if not names_drug:
            continue
        for lang, patterns in r.advice_with_drug.items():
            for pattern in patterns:
                for m in pattern.finditer(sentence):
                    if not any(a < m.end() and m.start() < b for a, b in excluded):
                        return Finding(Category.ADVICE, lang, m.group(0))
    return None


def check(text: str | None) -> Finding | None:
    """The safe answer ``text`` needs first, or None when the screening can read it as usual."""
    if not text or text.lstrip().startswith("/"):  # button payloads name an intent exactly
        return None
    r = rules()
    plain = normalise(text[:2000])
    corrected = _correct_typos(plain, r.typo_targets, r.spellings, _names(text[:2000]))
    first = _check(plain, r)
    # Typo correction only adds recall: what the words say as typed is read first.
    return (
        first
        if first and first.category is not Category.DISTRESS
        else (_check(corrected, r) or first)
    )


def _check(t: str, r: _Rules) -> Finding | None:
    finding, denied = _crisis(t, r)
    if finding:
        return finding
    finding = _symptoms(t, r) or _advice(t, r)
    if finding:
        return finding
    if denied:
        return Finding(Category.DISTRESS, "en", "denied crisis cue")
    for pattern in r.distress:
        m = pattern.search(t)
        if m:
            return Finding(Category.DISTRESS, "en", m.group(0))
    return None


# --- crisis lines -----------------------------------------------------------------------


@dataclass(frozen=True)
class CrisisLines:
    emergency: str  # "911", or "your local emergency number"
    lines: tuple[str, ...]  # "988 Suicide & Crisis Lifeline: call or text 988"


def crisis_lines_file() -> Path:
    """``CRISIS_LINES_FILE`` in the environment, else the shipped list."""
    return Path(os.environ.get("CRISIS_LINES_FILE") or CRISIS_LINES_FILE)


@lru_cache(maxsize=8)
def _crisis_table(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def crisis_lines(
    country: str | None, language: str = "en", path: Path | None = None
) -> CrisisLines:
    """The lines for ``country`` (a lexicon country name), else for ``language``, else the
    default."""
    table = _crisis_table(path or crisis_lines_file())
    entry = (
        (table.get("countries") or {}).get(country or "")
        or (table.get("by_language") or {}).get(language)
        or table["default"]
    )
    return CrisisLines(
        emergency=str(entry["emergency"]), lines=tuple(str(x) for x in entry["lines"])
    )
