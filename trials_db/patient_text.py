"""Read what patients type into profile facts: "I'm thirty-four", "EDSS four and a half",
"Tecfidera then Ocrevus, Tecfidera didn't work", "yes, 12 weeks", "born in 1990".

Plain Python over the lexicon and a spaCy PhraseMatcher (blank pipeline): no Rasa import, so
the bot's actions, the CLI and the tests share it. Every reader returns a value, ``None``
(nothing about this fact in the text) or an :class:`Invalid` naming the kind sentence to show.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import os
import re
from dataclasses import dataclass, field
from typing import Any


from .criteria.nlp import _import_spacy
from .geo import (
    NOW_HOME,
    country_after_town,
    home_place_said,
    region_country,
    resolve_place,
    us_state_names,
)
from .lexicon import fold, load as load_lexicon, patient_phrases, says, sex_words
from .language import greeting_openers
from .profile import NEVER, NO_THERAPY, valid_edss
from .ordinal_reference import states as ordinal_states, verdicts as ordinal_verdicts
from .planned_treatment import begun_after, only_planned
from .record_status import line_status
from .text import MONTH_NAMES, cardinals, normalise, patient_quantities, time_units


@dataclass(frozen=True)
class Invalid:
    """An answer we understood but cannot use. ``kind`` names the kind sentence to show, the
    domain.yml response ``utter_invalid_<kind>``, and ``values`` fill its {variables}; with no
    kind, the question's own re-ask says sorry. Wording stays out of this module."""

    kind: str = ""
    values: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def response(self) -> str | None:
        return f"utter_invalid_{self.kind}" if self.kind else None


DONT_KNOW = "dont_know"
SKIP = "skip"

# Number words and time units: the one table (trials_db/lexicon/numbers.yml).
_NUMBER_WORDS = {**cardinals(), **patient_quantities()}
_UNITS = [w for w, n in cardinals().items() if n < 20]  # "zero" ... "nineteen", in order
_TENS = [w for w, n in cardinals().items() if n >= 20]  # "twenty" ... "ninety"
clean = normalise  # the text boundary (trials_db/text.py): markup, controls, quotes, spaces

TIME_UNITS = time_units()
_UNIT_OF = {form: unit for unit, (_, short) in TIME_UNITS.items() for form in (unit, *short)}
_MONTHS_IN = {form: TIME_UNITS[unit][0] for form, unit in _UNIT_OF.items()}
_UNIT_WORD = "|".join(f"{form}s?" for form in _UNIT_OF)  # "days?|weeks?|wks?|...|yrs?"


def time_unit(word: str) -> str | None:
    """The unit ("day", "week", "month", "year") a typed word names: a form of TIME_UNITS
    ("months", "wks", "mths") or a misspelling of a full unit ("monts", "mnths", "yeras",
    "weks"); None for any other word ("monthly", "times", "yeah")."""
    w = fold(word)
    if w in _UNIT_OF or (w.endswith("s") and w[:-1] in _UNIT_OF):
        return _UNIT_OF.get(w) or _UNIT_OF[w[:-1]]
    if len(w) < 4 or re.fullmatch(
        r"(?:day|week|month|year)(?:ly|ends?|days?|long)", w
    ):  # "monthly", "weekend"
        return None
    close = difflib.get_close_matches(
        w, [f"{u}s" for u in TIME_UNITS] + list(TIME_UNITS), n=1, cutoff=0.8
    )
    return close[0].rstrip("s") if close and close[0][0] == w[0] else None


_QUANTITY = (
    r"(\d+(?:\.\d+)?\s*|\b(?:"
    + "|".join(_UNITS + _TENS)
    + r"|a|an|few|couple of|several|many|some|last|past|this|next|every|each|per)\s+)"
)


def spell_time_units(text: str) -> str:
    """Each time unit after a quantity in its full word: "2 monts ago" -> "2 months ago",
    "6 mnths" -> "6 months", "3 yeras" -> "3 years", "2 wks" -> "2 weeks",
    "last mth" -> "last month"."""

    def unit(m: re.Match) -> str:
        found = time_unit(m.group(2))
        if found is None:
            return m.group(0)
        quantity = fold(m.group(1).strip())
        if quantity in ("1", "a", "an", "one"):
            plural = False
        elif quantity in ("last", "past", "this", "next", "every", "each", "per"):
            plural = m.group(2).lower().endswith("s")  # "last month", "past yrs"
        else:
            plural = True  # "2 monts", "few wks", "couple of yeras"
        return f"{m.group(1)}{found}{'s' if plural else ''}"

    text = _CLINIC_FRACTION.sub(
        lambda m: f"{m.group(1)} {'weeks' if m.group(2) == '52' else 'months'}", text
    )
    text = _DECADE.sub(lambda m: "10 years" if m.group(1) == "a" else "20 years", text)
    text = _YEARS_LETTER.sub(r"\1 years", _YEARS_LETTER_AGO.sub(r"\1 years", text))
    return re.sub(_QUANTITY + r"([a-z]+)\b", unit, text, flags=re.I)


# A clinic's shorthand for a time ago: "6/52" six weeks, "6/12" six months ("relapse 6/52 ago",
# "off Tysabri 6/12 due to JCV"); not a date ("on 6/12"): only before "ago" or after "off",
# "for", "x", "over", "last", "past", "within".
_CLINIC_FRACTION = re.compile(
    r"(?:(?<=\boff )|(?<=\bfor )|(?<=\bx )|(?<=\bover )|(?<=\blast )|(?<=\bpast )|"
    r"(?<=\bwithin )|(?<=\bin the last )|\b(?=\d{1,2}/(?:52|12)\s+ago\b))"
    r"(\d{1,2})/(52|12)\b(?!/)",
    re.I,
)
_DECADE = re.compile(r"\b(a|two) decades?\b", re.I)  # "diagnosed a decade ago"
_YEARS_LETTER_AGO = re.compile(r"\b(\d{1,2})\s?y\b(?=\s+ago\b)", re.I)  # "dx 2y ago"


def _spoken_years(t: str, tens: str, units: str) -> str:
    """A year as it is said: "nineteen ninety eight" -> 1998, "twenty fifteen" -> 2015,
    "twenty oh nine" -> 2009, "two thousand and twelve" -> 2012 (dictated messages)."""
    teens = "|".join(_UNITS[10:])
    n = _NUMBER_WORDS

    def year(m: re.Match) -> str:
        century = 1900 if m.group(1) == "nineteen" else 2000
        if m.group(2):  # "oh nine"
            return str(century + n[m.group(2)])
        if m.group(3):  # "fifteen"
            return str(century + n[m.group(3)])
        return str(century + n[m.group(4)] + (n[m.group(5)] if m.group(5) else 0))

    t = re.sub(
        rf"\b(nineteen|twenty)[\s-]+(?:(?:oh|o)[\s-]+({units})|({teens})|"
        rf"({tens})(?:[\s-]+({units}))?)\b",
        year,
        t,
    )
    return re.sub(
        rf"\btwo thousand(?:\s+and)?(?:\s+(?:({teens})|({tens})(?:[\s-]+({units}))?|({units})))?\b",
        lambda m: str(
            2000 + sum(n[g] for g in (m.group(1), m.group(2), m.group(3), m.group(4)) if g)
        ),
        t,
    )


def words_to_numbers(text: str) -> str:
    """ "thirty-four" -> "34", "four and a half" -> "4.5", "six point five" -> "6.5"; time units in
    full words ("2 monts" -> "2 months", see spell_time_units)."""
    t = spell_time_units(fold(text))
    # "3½" (folded to "31⁄2"), "6 1/2", "two 1/2": a half after a whole number
    t = re.sub(r"(?<![\d.])(\d{1,2})(?:\s*1\u20442|\s+1/2)(?![\d/])", r"\1.5", t)
    t = re.sub(
        rf"\b(?:a\s+)?(couple|few|several)(?:\s+of)?\s+(?=(?:{_UNIT_WORD})\s+(?:ago|back)\b)",
        lambda m: f"{_NUMBER_WORDS[m.group(1)]} ",
        t,
    )  # "a couple of wks ago": 2 weeks ago
    t = re.sub(
        rf"\ba\s+couple\s+of\s+(?=(?:{_UNIT_WORD}|relapses|attacks|flare ?ups)\b)", "2 ", t
    )  # "RRMS for a couple of yrs", "a couple of relapses": two ("a few" says no number)
    t = re.sub(
        r"\b(?:a|an|one)\s+(year|month|week)\s+and\s+a\s+half\b", r"1.5 \1s", t
    )  # "a year and a half"
    t = re.sub(
        r"\b(\d+)\s+(years?|months?|weeks?)\s+and\s+a\s+half\b",
        lambda m: f"{int(m.group(1))}.5 {m.group(2)}",
        t,
    )
    t = re.sub(r"\b(\d+)\s+and\s+(a\s+)?half\b", lambda m: f"{int(m.group(1))}.5", t)
    tens = "|".join(_TENS)
    units = "|".join(_UNITS[1:10])
    t = re.sub(
        rf"\b({tens})[\s-]+won\b", r"\1 one", t
    )  # dictated: "fifty won", "twenty twenty won"
    t = _spoken_years(t, tens, units)
    t = re.sub(
        rf"\b({tens})[\s-]+({units})\b",
        lambda m: str(_NUMBER_WORDS[m.group(1)] + _NUMBER_WORDS[m.group(2)]),
        t,
    )
    t = re.sub(
        # not the pronoun of "no one's scored me in a while", "every one of them"
        rf"(?<!\bno )(?<!\bno-)(?<!\bevery )\b({'|'.join(_UNITS + _TENS)})\b",
        lambda m: str(_NUMBER_WORDS[m.group(1)]),
        t,
    )
    t = re.sub(
        r"\b(\d+)\s+(years?|months?|weeks?)\s+and\s+a\s+half\b",
        lambda m: f"{int(m.group(1))}.5 {m.group(2)}",
        t,
    )
    t = re.sub(r"\b(\d+)\s+and\s+(a\s+)?half\b", lambda m: f"{int(m.group(1))}.5", t)
    t = re.sub(r"\b(\d+)\s+(?:point|dot|comma)\s+(\d)\b", r"\1.\2", t)
    t = re.sub(r"\b(\d+),(\d)\b", r"\1.\2", t)  # "3,5" as many Europeans write it
    t = re.sub(r"\b(\d+)ish\b", r"\1 ish", t)  # "2015ish", "40ish"
    return t


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"(?<![\d.])-?\d+(?:\.\d+)?(?!\d|\.\d)", text)]


_FILLER = re.compile(
    r"\b(i'?m|i am|im|it'?s|it is|is|my|about|around|roughly|approximately|maybe|probably|"
    r"i think|think|say|just|age|aged|edss|score|years?|yrs?|old|y/?o|of|a|the|now|currently|"
    r"ok|okay|yes|so|well|um+|er+|hmm+|ish)\b",
    re.I,
)


def _mostly_a_number(text: str) -> bool:
    """A bare answer like "34", "about 6", "I'm 34": not a number buried in other words or code."""
    rest = re.sub(r"-?\d+(?:\.\d+)?", " ", text)
    rest = _FILLER.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]+|[<>(){}=;/\\]", rest)) == 0


_FACT_VOCABULARY = (
    "female male woman steroids steroid relapse relapses relapsed "
    "diagnosed diagnosis pregnant breastfeeding progressive primary secondary relapsing "
    "remitting clinically isolated syndrome radiologically nothing stopped treatment"
).split()
_DOUBLED = re.compile(r"([a-z])\1+")
# Words of their own that lie close to a fact word ("clinic" to "clinical"): never changed.
_NOT_MISSPELLED = frozenset({"clinic", "clinics"})


@functools.lru_cache(maxsize=1)
def _undoubled() -> dict[str, str]:
    """Fact words and drug names by their form with each doubled letter typed once: a shaking
    hand doubles letters ("nothinng", "tysabbri", "mmale") or drops one ("stoped")."""
    vocabulary, drugs = _spelling_vocabulary()
    return {_DOUBLED.sub(r"\1", w): w for w in (*vocabulary, *drugs, "male") if len(w) >= 4}


@functools.lru_cache(maxsize=1)
def _spelling_vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    """Words patients misspell in facts ("monts", "progresive", "femal", "fourty"): the fact words,
    the MS-course words of the lexicon and the number words; and the drug names, which are
    never "corrected" into a fact word."""
    lex = load_lexicon()
    words = set(_FACT_VOCABULARY) | {w for w in _UNITS + _TENS if len(w) >= 5}
    words |= {w for unit in TIME_UNITS for w in (unit, f"{unit}s") if len(w) >= 5}
    for sub in lex.subtypes.values():
        for name in sub.names:
            words.update(w for w in re.findall(r"[a-z]+", fold(name)) if len(w) >= 5)
    drugs = {fold(n) for d in lex.drugs.values() for n in d.spellings if " " not in n}
    return frozenset(words), tuple(sorted(drugs))


def _sound_skeleton(word: str) -> str:
    """The consonants a word is heard by ("oak revus" and "Ocrevus": "krvs"), for names that
    voice typing splits into other words."""
    w = word.lower()
    w = re.sub(r"ph", "f", w)
    w = re.sub(r"ch|ck|q|c", "k", w)
    w = re.sub(r"x|z", "s", w)
    w = re.sub(r"dge|j", "g", w)
    return _DOUBLED.sub(r"\1", re.sub(r"[aeiouyh]", "", w))


# Punctuation said aloud, as voice typing writes it: "I'm 47 period on Tysabri comma Dublin".
_SPOKEN_MARK = re.compile(
    r"\s*\b(period|full stop|comma|question mark|exclamation (?:mark|point)|new line|"
    r"new paragraph)\b\s*",
    re.I,
)
_MARK_OF = {"comma": ", ", "question mark": "? "}
# Numbers voice typing heard as other words: "forty for" 44, "fifty ate" 58, "sixty too" 62,
# "had to relapses", "for months ago", "EDSS for" (only in a dictated message).
_HOMOPHONE_NUMBER = {"for": "four", "to": "two", "too": "two", "ate": "eight", "won": "one"}
_TENS_WORD = r"twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety"
_HEARD_AS_NUMBER = re.compile(
    rf"\b((?:{_TENS_WORD})[\s-])(too|for|ate|won|to(?!\s+(?:\d|{_TENS_WORD}|one|two|three|"
    r"four|five|six|seven|eight|nine)\b))\b|"
    r"\b(thousand (?:and )?)(ate)\b|"
    r"(?<!\bup )\b()(to|too|ate)(?=\s+(?:months?|years?|weeks?|days?)\s+ago\b)|"
    r"\b()(ate)(?=\s+(?:months?|years?|weeks?|relapses?)\b)|"
    r"\b((?:had|have|with|only|just|maybe|about) )(to|too)(?=\s+(?:relapses|attacks|flares)\b)",
    re.I,
)
_DICTATED_ONLY = re.compile(
    r"\b(edss (?:is |of |was )?)(for|to|too|ate)\b(?!\s+(?:\d|be|years?|months?|see)\b)|"
    r"^(\W*)(to|too|for|ate)(?=\s*,)|"
    # "for months ago" typed is "months ago" as often as "four months ago"
    r"\b()(for)(?=\s+(?:months?|years?|weeks?|days?)\s+ago\b)",
    re.I,
)


def _as_number(m: re.Match) -> str:
    """The heard word of a _HEARD_AS_NUMBER or _DICTATED_ONLY match as its number word."""
    groups = m.groups()
    for i in range(0, len(groups), 2):
        if groups[i + 1] is not None:
            return groups[i] + _HOMOPHONE_NUMBER[groups[i + 1].lower()]
    return m.group(0)


def read_dictation(text: str) -> str:
    """A dictated message as typed: punctuation said aloud becomes the mark ("comma" -> ","),
    when the message says "comma" or says a mark twice or ends on one ("period" alone is a word
    too); numbers heard as other words are put back ("forty for" -> "forty four")."""
    marks = _SPOKEN_MARK.findall(text)
    dictated = (
        len(marks) >= 2
        or bool(re.search(r"\b(?:comma|question mark)\b", text, re.I))
        or bool(re.search(r"\b(?:period|full stop)\W*$", text, re.I))
    )
    if dictated:
        text = _SPOKEN_MARK.sub(lambda m: _MARK_OF.get(m.group(1).lower(), ". "), text)
        text = _DICTATED_ONLY.sub(_as_number, text)
    return _HEARD_AS_NUMBER.sub(_as_number, text)


@functools.lru_cache(maxsize=1)
def _drugs_by_sound() -> dict[str, tuple[str, ...]]:
    by_sound: dict[str, list[str]] = {}
    for name in _spelling_vocabulary()[1]:
        if len(name) >= 6 and name.isalpha():
            by_sound.setdefault(_sound_skeleton(name), []).append(name)
    return {k: tuple(v) for k, v in by_sound.items() if len(k) >= 4}


def join_spoken_drug_names(text: str) -> str:
    """A drug name that voice typing wrote as two to four words ("oak Revis", "kiss imp ta",
    "tie Sabri", "copy zone"), joined into the name. Only when the words sound exactly like
    it (the same consonants) and are spelled close to it; never a word that is itself a drug."""
    drugs = _spelling_vocabulary()[1]
    sounds = _drugs_by_sound()
    tokens = list(re.finditer(r"[A-Za-z]+", text))
    out, i, last = [], 0, 0
    while i < len(tokens):
        found = None
        for n in (4, 3, 2):
            window = tokens[i : i + n]
            if len(window) < n or any(fold(w.group(0)) in drugs for w in window):
                continue
            if not re.fullmatch(
                r"[A-Za-z]+(?:\s+[A-Za-z]+)*", text[window[0].start() : window[-1].end()]
            ):
                continue  # words of one phrase only: no punctuation between them
            joined = "".join(w.group(0).lower() for w in window)
            ratio, best = max(
                (
                    (difflib.SequenceMatcher(None, joined, name).ratio(), name)
                    for name in sounds.get(_sound_skeleton(joined), ())
                ),
                default=(0.0, None),
            )
            if best and ratio >= 0.75:
                found = (n, best)
                break
        if found:
            n, name = found
            out.append(text[last : tokens[i].start()] + name)
            last = tokens[i + n - 1].end()
            i += n
        else:
            i += 1
    return "".join(out) + text[last:]


def fix_spelling(text: str) -> str:
    """Misspelled fact words put right: "2 monts ago", "secondry progresive", "femal", "fourty one".

    Only a word of five letters or more that is close to one fact word (difflib ratio 0.85) and
    to no drug name is changed; inflections and longer words that begin like a fact word
    ("relapsed", "primarily") are kept."""
    vocabulary, drugs = _spelling_vocabulary()

    def fix(m: re.Match) -> str:
        word = m.group(0)
        low = word.lower()
        if len(low) < 4 or low in vocabulary or low in drugs or low in _NOT_MISSPELLED:
            return word
        same = _undoubled().get(_DOUBLED.sub(r"\1", low))
        if same and len(low) != len(same):
            return same  # "nothinng", "tysabbri", "stoped"
        if len(low) < 5:
            return word
        close = difflib.get_close_matches(low, vocabulary, n=1, cutoff=0.85)
        if not close:
            return word
        near = close[0]
        suffix = next((x for x in ("ing", "ed") if low.endswith(x)), None)
        derived = len(low) > len(near) and len(os.path.commonprefix([low, near])) >= len(near) - 1
        inflected = suffix is not None and not near.endswith(suffix) and low[:4] == near[:4]
        if derived or inflected:  # "relapsed", "primarily"; not "relaping", "diagnossed"
            return word
        if difflib.get_close_matches(low, drugs, n=1, cutoff=0.8):
            return word
        return close[0]

    return re.sub(r"[A-Za-z]+", fix, join_spoken_drug_names(text))


# The dot of an abbreviation is no full stop ("Inj. Glatiramer ... w.e.f. 2020 due to
# breakthrough relapses" is one sentence): read without it.
_ABBREVIATION = re.compile(
    r"\b(inj|tabs?|caps?|approx|dr|mr|mrs|prof|vs|e\.g|i\.e|w\.e\.f)\.(?=\s)", re.I
)
# Nor is the dot of a date ("Rebif from 04.2009 to 11.2013 (stopped owing to relapses)",
# "10.07.2017"): read as "04/2009"; not a score ("EDSS 3.5") or a version ("2.0").
_DOTTED_DATE = re.compile(
    r"(?<![\d.])(?:\d{1,2}\.)?\d{1,2}\.(?:19|20)\d\d(?![\d.]\d)"
    # "24.10.25": day, month and a two-digit year (the day over 12, so no decimal)
    r"|(?<![\d.])(?:1[3-9]|2\d|3[01])\.(?:0?[1-9]|1[0-2])\.\d\d(?![\d.]\d)"
)
# A full date in figures ("14/10/2025", "2022-01-10") or a month in ISO or short figures
# ("2025-11", "last flare 03/26"), said as its month and year ("October 2025"), so that every
# reader dates it to its month, not to the middle of its year. Day first, as most of the world
# writes dates, unless the second number cannot be a month ("03/14/2019"),
# or the person says they write US dates. A birth date keeps its day (parse_age reads it).
_FULL_DATE = re.compile(r"(?<![\d/-])(\d{1,2})[/-](\d{1,2})[/-]((?:19|20)\d\d)(?![\d/-]?\d)")
_ISO_MONTH = re.compile(r"(?<![\d/-])((?:19|20)(\d\d))-(0[1-9]|1[0-2])(?:-(\d\d))?(?![\d/-]?\d)")
_SHORT_MONTH = re.compile(
    r"\b(in|since|from|until|till|dx|dx'd|diagnosed|flare|relapse|attack|steroids|started|"
    r"stopped|last|date)\s+(0[1-9]|1[0-2])/(\d\d)(?![\d/-]?\d)(?!\s*ago\b)",
    re.I,
)
_MONTHS = {
    name: n
    for n, names in enumerate(
        [
            # then the names in the languages the bot detects, folded ("März" -> "marz"); not
            # "mars" nor "marco", which are words and names too
            ("january", "jan", "enero", "januar", "janvier", "gennaio", "janeiro"),
            ("february", "feb", "febrero", "februar", "fevrier", "febbraio", "fevereiro"),
            ("march", "marzo", "marz", "maerz"),
            ("april", "apr", "abril", "avril", "aprile"),
            ("may", "mayo", "mai", "maggio", "maio"),
            ("june", "jun", "junio", "juni", "juin", "giugno", "junho"),
            ("july", "jul", "julio", "juli", "juillet", "luglio", "julho"),
            ("august", "aug", "agosto", "aout"),
            ("september", "sept", "sep", "septiembre", "setiembre", "septembre", "settembre"),
            ("october", "oct", "octubre", "oktober", "octobre", "ottobre", "outubro"),
            ("november", "nov", "noviembre", "novembre", "novembro"),
            ("december", "dec", "diciembre", "dezember", "decembre", "dicembre", "dezembro"),
        ],
        1,
    )
    for name in names
}
# Any month's name or short form, as one alternation ("january|jan|february|...").
_MONTH_WORD = "|".join(_MONTHS)
# A clinic's month with a two-digit year: "Aug-23", "Jun/19", "Sep '26" (not "May 25", which
# may be a day).
_MONTH_SHORT_YEAR = re.compile(
    rf"\b({_MONTH_WORD}|mar)\.?(?:-|/|\s*')(\d\d)(?![\d/-]?\d)",
    re.I,
)
# A date whose first number is over 12, so the day ("24/10", "24/10/25"; dots are slashes by
# now); with no year or a two-digit one.
_DAY_FIRST = re.compile(
    # (not "2 relapses in the last 24/12": a clinic's 24 months)
    r"(?<![\d/.,-])(?<!last )(?<!past )(?<!within )(?<!over )(?<!for )"
    r"(1[3-9]|2\d|3[01])/(0?[1-9]|1[0-2])(?:/(\d\d))?(?![\d/.,-]?\d)"
)
# An ordinal day before or after a month's name: only the month counts.
_DAY_OF_MONTH = re.compile(
    rf"\b(?:the\s+)?\d{{1,2}}(?:(?:st|nd|rd|th)\s+(?:of\s+)?|\s+of\s+)(?=(?:{_MONTH_WORD}|mar)\b)",
    re.I,
)
_DAY_MONTH_SHORT_YEAR = re.compile(
    rf"(?<![\d.,/])\b\d{{1,2}}\s+({_MONTH_WORD}|mar)\b\.?\s+'?(\d\d)\b(?![\d:/.,]\d)", re.I
)
_MONTH_DAY = re.compile(
    rf"\b({_MONTH_WORD}|mar)\b\.?\s+(?:the\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th))\b",
    re.I,
)
_US_DATES = re.compile(r"\b(?:US|U\.S\.|American|mm/dd)[\s-]*(?:dates?|format)\b", re.I)
_BORN_BEFORE = re.compile(r"\b(?:dob|d\.o\.b\.?|date of birth|born(?: on| in)?)\s*:?\s*$", re.I)


def _dates_as_months(t: str, today: dt.date | None = None) -> str:
    """``t`` with its dates in figures said as "<Month> <year>" (see _FULL_DATE)."""
    us = bool(_US_DATES.search(t))

    def full(m: re.Match) -> str:
        if _BORN_BEFORE.search(t[: m.start()]):
            return m.group(0)
        a, b = int(m.group(1)), int(m.group(2))
        month = a if (us and a <= 12 and b <= 31) or b > 12 else b
        if not 1 <= month <= 12 or max(a, b) > 31:
            return m.group(0)
        return f"{MONTH_NAMES[month - 1]} {m.group(3)}"

    def iso(m: re.Match) -> str:
        # "2010-12" may be the years 2010 to 2012; "2025-11" and "2021-06" can only be months
        if m.group(4) is None and int(m.group(2)) < int(m.group(3)):
            return m.group(0)
        return f"{MONTH_NAMES[int(m.group(3)) - 1]} {m.group(1)}"

    def short(m: re.Match) -> str:
        year = 2000 + int(m.group(3))
        if year > (today or dt.date.today()).year:
            return m.group(0)
        return f"{m.group(1)} {MONTH_NAMES[int(m.group(2)) - 1]} {year}"

    def named(m: re.Match) -> str:
        month = MONTH_NAMES[_MONTHS.get(fold(m.group(1)), 3) - 1]  # "mar": March
        year = 2000 + int(m.group(2))
        return f"{month} {year if year <= (today or dt.date.today()).year else year - 100}"

    def day_first(m: re.Match) -> str:
        if _BORN_BEFORE.search(t[: m.start()]) or us:
            return m.group(0)
        month = MONTH_NAMES[int(m.group(2)) - 1]
        if m.group(3) is None:
            return month  # "24/10": the day fixes the order; the last such month
        year = 2000 + int(m.group(3))
        return f"{month} {year}" if year <= (today or dt.date.today()).year else m.group(0)

    t = _FULL_DATE.sub(full, t)
    t = _DAY_FIRST.sub(day_first, t)  # "24/10", "24/10/25": a first number over 12 is the day
    t = _DAY_OF_MONTH.sub("in ", t)  # "the 3rd of March", "3rd March": in the month
    t = _DAY_MONTH_SHORT_YEAR.sub(named, t)  # "3 Mar 25": a day, a month and a two-digit year
    t = _MONTH_DAY.sub(lambda m: m.group(1), t)  # "March the 3rd", "Sept 3rd": the month
    t = re.sub(r"\b(in|on|since|from|until|till|by)\s+in\b", r"\1", t, flags=re.I)
    t = _ISO_MONTH.sub(iso, t)
    t = _MONTH_SHORT_YEAR.sub(named, t)
    return _SHORT_MONTH.sub(short, t)


# A fact said again right after "sorry", "no wait", "I mean": the second one is meant
# ("Diagnosed 2015 - no wait, 2016", "edss 4... naw, 4.5", "on natalizumab... sorry no, it's
# ocrelizumab"). Only a word of the same kind (a number, a drug, an MS type) replaces the first.
_CORRECTED = re.compile(
    r"(?<!i'm )(?<!im )(?<!i am )(?<!i’m )"  # an age: parse_age reads its own corrections
    r"(?<!ty )(?<!ty-)(?<!point )"  # not the "two" of "forty two no wait forty three"
    r"\b(\d+(?:[.,]\d+)?|[a-z]{3,})"
    # "Tecfidera failed - I mean Tysabri failed": what was said of it goes with it
    r"(?:\s+(?:failed|stopped|worked))?\s*(?:\.\.\.|…|-|–|,|\.|\?|!)?\s*"
    r"(?:(?:no wait|wait no|oh wait|wait|sorry|no|naw|nah|oops|typo|i meant|i mean|actually|"
    r"correction|or rather|make that|scratch that|hang on|hold on|or(?=\s*(?:\.\.\.|…))|"
    # "zero... well, one": a "well" after a trailing-off takes the number back
    r"(?:(?<=\.\.\. )|(?<=\.\.\.)|(?<=… )|(?<=…))well)\b"
    r"(?:[,:!]|\.\.\.|…)?\s*(?:[-–]\s+)?|"
    r"\*(?=\w)){1,3}"  # "EDSS 4... *3.5": a chat's star marks the word meant
    # not the pronoun of "EDSS 4, no one's scored me in a while"
    r"(?!one(?:'s|s)?\s+(?:has|is|had|knows|ever|\w+ed)\b|one'?s\b)"
    # "EDSS 4.5, hang on, the letter says 4.0": where the second one is read
    r"(?:it'?s\s+|it was\s+|i'?m\s+|(?:the|my)\s+(?:\w+\s+){0,2}(?:says|said|shows|showed)\s+|"
    r"the\s+)?"
    r"(?=(\d+(?:[.,]\d+)?|[a-z]{3,})\b)",
    re.I,
)
_MS_TYPE_WORD = re.compile(r"(?:rr|sp|pp|r|p)ms|cis|ris", re.I)


# A yes or no taken back: "no - well, actually yes, just night feeds still", "yes, sorry, I
# mean no": the second one is meant.
_YES_NO_CORRECTED = re.compile(
    r"\b(?:no|nope|nah|yes|yeah|yep)\b[\s,.-]*(?:(?:well|wait|hmm+|sorry|um+|oh)[\s,.-]*)*"
    # "no wait - sorry, misread. yes! 12 weeks"
    r"(?:actually|i mean|no wait|wait|sorry|misread|my bad|oops)[\s,.!-]+"
    r"(?:(?:misread|my bad|oops|i misread|read it wrong)[\s,.!-]+)?(yes|yeah|yep|no|nope|nah)\b",
    re.I,
)


# A denial taken back: "Not pregnant. Actually - just found out last week, I am!", "never had
# steroids - oh wait, I did, in 2024": what was denied is said, with what came after the cue.
_DENIAL_TAKEN_BACK = re.compile(
    r"\b(?:not|never|no)\s+((?:[a-z']+\s+){0,3}?[a-z']+)\s*[.,;!\u2013\u2014-]+\s*"
    r"(?:(?:oh|um+|hmm+|well)[\s,]+)?(?:no wait|wait|actually|hang on|scratch that)\b"
    r"[\s,.!\u2013\u2014-]*((?:[a-z',]+\s+){0,6}?)(?:yes,?\s+)?"
    r"i\s+(?:am|did|do|have|was|had)\b!?(?=\s*(?:$|[,.;!]))",
    re.I,
)


def _keep_the_correction(m: re.Match) -> str:
    first, second = m.group(1), m.group(2)
    # "one, no wait, two": number words are numbers too
    numbers = all(re.fullmatch(r"\d+(?:[.,]\d+)?", words_to_numbers(w)) for w in (first, second))
    vocabulary = _drug_matcher()[2]
    drugs = all(w.lower() in vocabulary for w in (first, second))
    types = all(_MS_TYPE_WORD.fullmatch(w) for w in (first, second))
    # "male - sorry, I mean female": autocorrect's sex word taken back
    sexes = all(w.lower() in _ITEM_FEMALE + _ITEM_MALE for w in (first, second))
    # "march - sorry, may", "Belgium - sorry, the Netherlands"
    months = all(w.lower() in _MONTHS for w in (first, second))
    countries = all(load_lexicon().country(w) for w in (first, second))
    same_kind = numbers or drugs or types or sexes or months or countries
    return "" if same_kind else m.group(0)


# An arrow between two treatments is a switch: "tecfidera->kesimpta bc of relapses" says why
# the first was left, as "switched to" does; "Avonex → Tysabri (JCV+) → Ocrevus".
_ARROW = re.compile(
    r"\s*(?:-+>|→|=>|>>)\s*(?=[A-Za-z])|(?<=[A-Za-z)])\s+>\s+(?=[A-Za-z])"  # "avonex > gilenya"
)
# A time ago in years and months: "1y 8m ago", "2 years 3 months ago", "a year and 8 months
# ago" (not an age, "44y 3m", which is not "ago").
_YEARS_AND_MONTHS_AGO = re.compile(
    r"\b(\d{1,2}|a|one)\s*(?:y|yrs?|years?)\s*(?:,?\s*and\s+|,\s*)?(\d{1,2})\s*"
    r"(?:m|mos?|mths?|months?)(?=\s+ago\b)",
    re.I,
)


def _in_months(m: re.Match) -> str:
    years = 1 if m.group(1).lower() in ("a", "one") else int(m.group(1))
    return f"{12 * years + int(m.group(2))} months"


# A year written with its letter: "x2y", "no relapses 2y" (not "y/o").
_YEARS_LETTER = re.compile(r"(?<![\w.])(x?\d{1,2}) ?y(?=\W|$)(?!/o\b)", re.I)
# A slash between the items of a list ("RRMS/dx 2019/EDSS 2/34F/Austin", "ifn b1a / dmf /
# natalizumab"), not inside a date, a figure or a shorthand ("03/2024", "y/o", "w/o", "b/c").
_SLASH_ITEM = re.compile(
    r"(?<![\s/])(?<!\by)(?<!\bw)(?<!\bb)(?<!\band)(?<!\bn)(?<!\bhe)(?<!\bhis)(?<!relapsing)"
    r"(?<!relapse)\s*/\s*(?![\s/])(?!o\b|c\b|or\b|a\b|she\b|her\b|remit)"
    r"(?=[^\W\d_]|\d+\s*[^\W\d_/])|(?<=[^\W\d_)])\s*/\s*(?=\d+\s*(?:[^\W\d_/]|$))"
    r"|\s+/\s+",
    re.I,
)
# Labels and their values paired by slashes: "pregnant/breastfeeding: no/yes", "age/sex: 45/F".
_PAIRED_SLASHES = re.compile(
    r"(?:^|(?<=[.;,\n(])\s*)([a-z][a-z ]{1,20}?(?:\s*/\s*[a-z][a-z ]{1,20}?)+)\s*[:=-]\s*"
    r"([\w.]{1,6}(?:\s*/\s*[\w.]{1,6})+)\b(?!\s*:)",
    re.I,
)
# Two names a slash joins, then a doubt which one: "Ocrevus/Kesimpta - not sure which".
_UNSURE_SLASH = re.compile(
    r"\b([a-z][\w-]+)\s*/\s*([a-z][\w-]+)(?=[^.;!?]{0,12}\b(?:not sure which|don'?t know which|"
    r"can'?t remember which|one of (?:the|them|those))\b)",
    re.I,
)


def _paired_items(m: re.Match) -> str:
    """ "pregnant: no, breastfeeding: yes" for "pregnant/breastfeeding: no/yes", when there are
    as many values as labels; else the words as they were."""
    labels = [w.strip() for w in m.group(1).split("/")]
    values = [w.strip() for w in m.group(2).split("/")]
    if len(labels) != len(values):
        return m.group(0)
    return ", ".join(f"{label}: {value}" for label, value in zip(labels, values))


# A list headed by a negation: "Things I'm NOT: pregnant, breastfeeding" (its colon does not
# end the negation, as "none of:" in the criteria).
# ... and a list headed "No:" or "Never on:" ("No: pregnancy, breastfeeding, relapses this year",
# "Never on: Tysabri, Lemtrada"): the head denies each item, as said without the colon
_NOT_COLON = re.compile(r"\b(not|no|never(?: on| had| taken| used| tried)?)\s*:\s*", re.I)
# "Never had: optic neuritis, steroids, a DMT": the denial reaches every item of its list.
_DENIED_LIST = re.compile(
    # "Things I'm NOT: progressive, pregnant, on any treatment"
    r"\b(never(?: had| taken| used| tried| been on)?|not had|not|no)\s*:\s*([^.;!?\n]+)",
    re.I,
)
# The short names of a change of course: "RR → SP 2025", "rr -> sp".
_SHORT_COURSES = re.compile(r"\b(RR|SP|PP)\s*(?:→|->|=>|>|to|then)\s*(RR|SP|PP)(?:MS)?\b", re.I)
# A fact's name asked by the writer and answered at once: "Steroids? yes, a few courses, latest
# in August. Relapses? just that one": a label, as with a colon.
_SELF_ASKED = (
    r"(^|[.!\n]\s*)(steroids?|relapses?|edss|age|dmts?|treatments?|meds|diagnosis|diagnosed|"
    r"type|ms type|sex|gender|location{})\?"
)
_ASKED_ONESELF = re.compile(_SELF_ASKED.format("") + r"\s+(?=\w)", re.I)
# Its answer after a joke or an aside ("Pregnant? lol no", "Pregnant? Only with a food baby
# after Christmas 😂 No."): the yes or no that ends a sentence soon after is the answer.
_ANSWERED_LATER = re.compile(
    _SELF_ASKED.format("|pregnant|pregnancy|breastfeeding|nursing")
    + r"\s+((?:[^?\n.!]{1,60}?)[\s,.!]+)(no|nope|nah|yes|yep|yeah)\b\W*?(?:[.!,;]|$)",
    re.I,
)
# What may stand between a denial and its window: "though - not one", ", none at all".
_FILLER_THEN_NONE = re.compile(
    r"^[\s,;:-]*(?:(?:though|tho|however|at all|whatsoever|either)\b[\s,;:-]*)?"
    r"(?:(?:not (?:one|a single one)|none|zero)\b)?",
    re.I,
)


def _window_said_next(rest: str) -> bool:
    """A window said right after a denial, past a filler: "though - not one in 4 years" (not
    the time of another fact later on: "..., my walking got worse over 10 years")."""
    said = _FILLER_THEN_NONE.sub("", rest).lstrip()
    return bool(re.match(r"(?:in|for|over|during|within)\b", said)) and (
        _window_months(said[:40]) is not None
    )


# A time told as a share of the writer's life: "I've had MS for 12 of my 44 years".
_SHARE_OF_MY_YEARS = re.compile(
    r"\b(\d{1,2})\s+(?:years?\s+)?of\s+my\s+(\d{2})\s+(?:years|yrs)\b", re.I
)
# The age at diagnosis, then the age now said short: "Diagnosed at 27, now 41".
_AGE_THEN_NOW = re.compile(
    r"(\bdiagnos\w*\s+(?:at|aged|at age|at the age of)\s+\d{1,2})\s*[,;.-]?\s*(?:and\s+|but\s+)?"
    r"now\s+(\d{2})\b(?![.,]\d|\s*(?:years?|yrs?|months?|weeks?|%|mg|edss))",
    re.I,
)
# A "no" said as an idiom, to a question: "Heaven forbid", "those days are long gone".
_IDIOM_NO = re.compile(
    r"(?:(?<=\?)|^)\s*(?:(?:heaven|god|lord|gods)\s+forbid|(?:those|them)\s+days\s+are\s+"
    r"(?:long\s+)?(?:gone|over|behind me)|long\s+gone)\b(?=\W*(?:[.!,;)]|$))",
    re.I,
)
# The writer asking herself the bot's question: of now ("Am I pregnant now?") or of the past
# ("Have I been pregnant? Yes, twice"; "Was I breastfeeding then?"), and its answer.
_QUESTION_TOPIC = r"(pregnant|breast ?feeding|nursing)"
_ASKED_OF_NOW = re.compile(
    r"(^|[.!?\n]\s*)(?:and\s+|so\s+)?(?:am|are|is)\s+(?:i|she|we)\s+(?:currently\s+|now\s+|still\s+)?"
    + _QUESTION_TOPIC
    + r"(?:\s+(?:now|currently|at the moment|right now|still))?\s*\?",
    re.I,
)
_ASKED_OF_THE_PAST = re.compile(
    r"(^|[.!?\n]\s*)(?:and\s+)?(?:have|had|was|were)\s+(?:i|she)\s+(?:ever\s+)?(?:been\s+)?"
    + _QUESTION_TOPIC
    + r"[^?.!\n]{0,20}\?\s*(?:yes|yep|yeah|no|nope|nah)?[^.!?\n]*[.!]?"
    # ... and the same asked of now, by ellipsis: "Am I now?", "Now?"
    r"(?P<now>\s*(?:and\s+|but\s+)?(?:(?:am|are|is)\s+(?:i|she)\s+)?(?:now|currently)\s*\?)?",
    re.I,
)


def _past_question_blanked(m: re.Match) -> str:
    """A pregnancy asked of the past and answered is no status now: blanked; an "Am I now?"
    after it asks the same of now."""
    return m.group(1) + (f" {m.group(2)}?" if m.group("now") else "")


# A form's label with "=" for its colon: "age=38", "dmt = Ocrevus".
_KEY_EQUALS = re.compile(r"\b([a-z][a-z ]{1,20}?)\s*=\s*(?=\S)", re.I)
# A numbered or lettered list's markers ("1) 38 2) RRMS", "a) 50\nb) female", "1. Age - 63"):
# the items are a list's, the markers no numbers of it.
_LIST_MARKERS = re.compile(
    r"(?:^|(?<=\s))(?:\d{1,2}|[a-h])\)\s+(?=\S)|^\s*\d{1,2}\.\s+(?=[a-z])", re.I | re.M
)
# A form's label with a dash for its colon: "Age - 63", "Where - Cardiff", "EDSS – 6.5".
_LABEL_DASH = re.compile(
    r"^(\W*)(age|sex|gender|type|ms type|edss|treatments?|meds|medications?|dmts?|where|location|"
    r"country|city|diagnosis|diagnosed|dx|relapses?|last relapse|steroids|pregnant|breastfeeding)"
    r"\s+[-\u2013\u2014]\s+(?=\S)",
    re.I | re.M,
)
# Praise in scare quotes is irony ("Tecfidera 'working great' - three relapses this year"): it
# says nothing of how the drug did, so it is dropped.
_SCARE_QUOTED_PRAISE = re.compile(
    r"(?<!\w)['\"\u2018\u201c](?:(?:it'?s|is|was|been)\s+)?(?:working|worked|works|helping|helped|"
    r"doing (?:its|the) job)(?:\s+(?:great|fine|well|wonders|brilliantly|so well))?[!.]*"
    r"['\"\u2019\u201d](?!\w)",
    re.I,
)
_NONE_ON_SINCE = re.compile(
    r"\b(no relapses?)\s+(on\s+[A-Za-z]+)\s+(since\s+(?:(?:19|20)\d\d|[A-Za-z]+ (?:19|20)\d\d))\b",
    re.I,
)
# A time said as other languages do, at the head of its clause ("vor 2 Monaten", "hace 2
# meses"): "before 2 months I had a relapse" is 2 months ago.
_BEFORE_A_TIME = re.compile(
    r"((?:^|[.,;:!?]\s*|\b(?:and|hello|hi)\s+))before\s+"
    r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+"
    r"(days?|weeks?|months?|years?)\b(?!\s+(?:of|the|my|that|from|after|before|ago)\b)",
    re.I,
)
# A label's short value (a number, a sex's letter, a yes or no) and the next label with no stop
# between ("relapses: 0 steroids: never", "Age: 52  Sex: M  Dx: RRMS" once its spaces are
# one): a comma.
_VALUE_THEN_LABEL = re.compile(
    rf"(:\s*(?:\d{{1,3}}(?:[.,]\d)?|[mf]|never|none|nil|no|yes|n/a|-))\s+"
    rf"(?=(?!(?:{_UNIT_WORD})\s*:)[A-Za-z][A-Za-z ]{{1,25}}:)",
    re.I,
)
# A note's fact words, told with no stops between: "0 relapses never steroids", "relapses none
# steroids 2019", "pregnant no breastfeeding no".
_NOTE_LABEL = (
    r"(?:relapses?|attacks?|steroids?|dmts?|meds|treatment|pregnant|breastfeeding|bf|edss|dx)"
)
# A fact told whole ("0 relapses") before a denial of the next ("never steroids"): a comma
# between, so the denial is the next one's.
_TOLD_THEN_DENIED = re.compile(
    rf"\b((?:\d{{1,2}}|no|zero|none)\s+{_NOTE_LABEL})\s+"
    rf"(?=(?:never|no|not)\s+(?:had\s+|any\s+)?{_NOTE_LABEL}\b)",
    re.I,
)
# A label and its bare value before the next label ("relapses none steroids 2019"): a comma
# after the value.
_LABEL_VALUE_LABEL = re.compile(
    rf"(?<![\d.,] )(?<!\bno )\b({_NOTE_LABEL}\s+(?:none|nil|zero|0|yes|no))\s+(?={_NOTE_LABEL}\b)",
    re.I,
)
# A note's first words before its sex and age ("uk f 33"), for telling a country apart.
_LEADING_WORDS = re.compile(r"^\W*([a-z]+(?: [a-z]+)?)\s+(?=(?:[mf]|male|female)\s+\d)", re.I)
_SEX_LABEL = re.compile(r"\b(sex|gender)\s+(?=(?:male|female|man|woman|m|f)\b)", re.I)
# Letters said one by one, as dictation types them: "r r m s", "e d s s", "p. p. m. s.".
_SPELLED_OUT = re.compile(r"\b(?:[a-z]\.?\s+){1,4}[a-z]\b\.?", re.I)
_SPELLED_WORDS = {"rrms", "ppms", "spms", "rms", "edss", "cis", "dmt", "ms", "jcv", "mri"}


def _spelled_word(m: re.Match) -> str:
    """The word a run of single letters spells, when it is one the readers know."""
    word = re.sub(r"[\s.]", "", m.group(0))
    return word if word.lower() in _SPELLED_WORDS else m.group(0)


# A form's label for where the person lives: "Lives: Austria", "Location: Toronto".
_HOME_LABEL = re.compile(
    r"\b(?:lives?|living|location|home|residence|resides|based|country of residence)\s*:\s*",
    re.I,
)
# A form's treatment label with nothing after it: "DMT: none", "Current treatment: nil".
_NONE_NOW_LABEL = re.compile(
    # not "Prior DMT: none", which says nothing of now
    r"(?<!prior )(?<!previous )(?<!past )(?<!other )(?<!earlier )\b(?:current\s+)?"
    r"(?:dmts?|ms (?:meds|treatment)|treatment|meds|medications?|therapy|current|rx|tx)\s*:\s*"
    r"(?:none|nil|nothing|n/?a)\b",
    re.I,
)
# A profile written with slashes, as on forums: "30/F/Chicago", "44/m": the age, the sex, a place.
_SLASH_PROFILE = re.compile(r"\b(\d{1,2})\s*/\s*([MFmf])\b(\s*/\s*)?(?!\s*\d)")
# ... or with the letter first: "f/32", "F32", "m45 here" (not "I'm 45", nor "F2" or "m5.5")
_LETTER_FIRST_PROFILE = re.compile(r"(?<![\w'/])([MFmf])[/-]?(\d{2})\b(?![/:%]|[.,]\d)")
# A checklist's marks: "❌ pregnant" says no, "✅ Kesimpta" says yes. A list may put them
# after each item instead ("pregnant ❌ breastfeeding ❌"): the first mark shows which, one
# that opens a line or follows a comma leads, one after a word trails.
_CROSSES = "\u274c\u2717\u2718\u2716\u274e\U0001f6ab"
_TICKS = "\u2705\u2714\u2611\u2713"
_MARKS = _CROSSES + _TICKS
_CROSS_MARK = re.compile(f"[{_CROSSES}]\ufe0f?\\s*")
_CHECK_MARK = re.compile(f"[{_TICKS}]\ufe0f?\\s*")
_LEADING_MARK = re.compile(f"(?:^|[\\n,;:|(])[^\\S\\n]*[{_MARKS}]")
_TRAILING_CROSS = re.compile(f"[^\\S\\n]*[{_CROSSES}]\ufe0f?")
# "34♀", "58 ♂"; not the sign inside a joined emoji ("🙋‍♂️": a man raising his hand)
_SEX_SIGN = re.compile(
    "(?<![\u200d\U0001f300-\U0001faff])(?<![\U0001f300-\U0001faff] )[\u2640\u2642]"
)  # (the joiner is a space once the text is clean)
_DENIAL_WORD = re.compile(r"\s*\b(?:no|not|never|none|nil|nothing|zero)\b", re.I)
# A keycap digit ("0️⃣") is the digit. The signs of Venus and Mars (♀, ♂) are the sexes.
_KEYCAP = re.compile("(\\d)\ufe0f?\u20e3")


def _trailing_cross(text: str, mark: re.Match) -> str:
    """A cross after its item: a colon when a denial follows ("steroids ✘ never"), nothing more
    when the item denies already ("no DMTs ever ✘"), else ": no"."""
    if _DENIAL_WORD.match(text, mark.end()):
        return ": "
    item = re.split(r"[,;|\n]", text[: mark.start()])[-1]
    return ", " if _DENIAL_WORD.search(item) else ": no, "


# A picture of the fact itself, marked yes or no: "🤰✅ 22wks", "🤱❌" (alone it may be a joke).
_PICTURED_FACT = {"\U0001f930": "pregnant", "\U0001f931": "breastfeeding"}
_PICTURE_MARKED = re.compile(f"([{''.join(_PICTURED_FACT)}])\ufe0f?[^\\S\\n]*([{_MARKS}])\ufe0f?")
_TRAILING_TICK = re.compile(f"[^\\S\\n]*[{_TICKS}]\ufe0f?[^\\S\\n]*(?![,;.(\\n]|$)")


def _checklist_marks(text: str) -> str:
    """A cross mark as "not" before its item, or as ": no," after it; a tick as nothing, or as
    a list's comma after its item ("copaxone ✅ aubagio ❌" is "copaxone, aubagio: no")."""
    first = re.search(f"[{_MARKS}]", text)
    if first is None:
        return text
    text = _PICTURE_MARKED.sub(
        lambda m: f" {'not ' if m.group(2) in _CROSSES else ''}{_PICTURED_FACT[m.group(1)]}. ",
        text,
    )
    if not _LEADING_MARK.search(text[: first.end()]):
        text = _TRAILING_CROSS.sub(lambda m: _trailing_cross(text, m), text)
        text = _TRAILING_TICK.sub(", ", text)
    # "❌ not pregnant", "❌ no relapses": the item denies already, the mark adds no second "not"
    crossed = _CROSS_MARK.sub(lambda m: "" if _DENIAL_WORD.match(text, m.end()) else "not ", text)
    return _CHECK_MARK.sub("", crossed)


# Sounds of dictation and thinking aloud ("in, uh, 2016", "um, Tecfidera", "erm... 4.5"): no
# word, and between a fact and its correction or its time they hide the link.
_DICTATION_SOUND = re.compile(
    r"(?:^|(?<=[\s,.;(]))(?:u+m+|u+h+m*|e+r+m+|h+m+)\b[,.…]*\s*(?=\S)|"
    # not "the ER", "went to the er, got steroids": a filler "er" comes after a pause
    r"(?:^|(?<=[,.;…]\s)|(?<=[,.;…]))e+r+\b[,.…]*\s*(?=\S)|"
    # an aside between commas: "I've had MS since, gosh, 1999", "Diagnosed, what, 2008?"
    r"(?:(?<=,)|(?<=,\s))\s*(?:gosh|golly|jeez|geez|blimey|crikey|what|let me (?:think|see))"
    r"\s*,\s*",
    re.I,
)
# Any other pictograph is a feeling or a picture, no word: "Kesimpta since Jan 🙏 last relapse",
# "Canada 🍁", "Tecfidera 💊 since 2022" (a flag names a country: read apart, flag_country).
_PICTOGRAPH = re.compile("[\u2600-\u27bf\U0001f300-\U0001f5ff\U0001f600-\U0001faff\u200d\ufe0f]+")


# A height or weight: "1.70 m", "170 cm", "62 kg", "140 lbs", "5 ft 6" (a decimal before "m"
# only: "30 m" is an age and a sex).
_BODY_MEASURE = re.compile(
    r"(?<![\w.,])\d+[.,]\d+\s*m\b|(?<![\w.,])\d+(?:[.,]\d+)?\s*(?:cm|kgs?|kilos?|lbs?|pounds|stones?|"
    r"ft|feet|foot)\b(?:\s*\d{1,2}(?:\s*(?:in|inches|\"|'')|\b))?",
    re.I,
)


def as_list_items(text: str) -> str:
    """A message with its pictographs and table bars as the commas they stand for ("31 |
    Brisbane", "🏠 Cape Town"), and a home label as its words ("Location: Köln"): how the
    place reader sees a list."""
    t = _PICTOGRAPH.sub(", ", text)
    t = re.sub(r"\s*\|\s*", ", ", t)
    return _HOME_LABEL.sub("live in ", t)


# A message that is only a thumb up or down (any skin tone, repeated): a yes or a no.
_THUMB_ONLY = re.compile(
    r"\s*([\U0001f44d\U0001f44e])[\U0001f3fb-\U0001f3ff\ufe0f]?(?:\s*\1[\U0001f3fb-\U0001f3ff\ufe0f]?)*[\s!.]*"
)


def thumb_answer(text: str) -> str | None:
    """ "yes" or "no" for a message that is only a thumb up or down, as a tapped button would
    answer; None for any other message."""
    thumb = _THUMB_ONLY.fullmatch(text or "")
    if not thumb:
        return None
    return "yes" if thumb.group(1) == "\U0001f44d" else "no"


# A denial with its one exception: "No relapses in the past two years except one in March",
# "no relapses apart from the one that got me diagnosed": one relapse, told by the exception.
_NONE_BUT_ONE = re.compile(
    r"\b(?:no|zero|0)\s+(?:relapses?|attacks?|flare[- ]?ups?|exacerbations?)"
    r"((?:\s+(?:in|during|over|for)\s+(?:the\s+)?(?:past|last)\s+(?:two|2)\s+(?:years?|yrs?))?)"
    r"(?:\s+(?:at\s+all|whatsoever|really|as\s+such))?"
    r"\s*,?\s*(?:except|apart from|other than|besides|bar|but)\s+(?:for\s+)?(?:the\s+|a\s+)?"
    r"(?:one|1)\b",
    re.I,
)


# A pseudo-relapse (symptoms back with an infection or heat) is no relapse.
_PSEUDO_RELAPSE = re.compile(
    r"\bpseudo[- ]?(?:relapses?|flares?|flare[- ]ups?|exacerbations?|attacks?|ones?)\b|"
    # "September was only a pseudo", "that was Uhthoff's": the same said short or by its name
    r"\bpseudo\b(?!-)|\buhthoff'?s?(?:\s+(?:phenomenon|thing|effect))?(?=\W|$)",
    re.I,
)
# ... and so is a relapse in scare quotes, or one that turned out to be an infection ("had a
# 'relapse' in September that turned out to be a UTI").
_NO_REAL_RELAPSE = re.compile(
    r"['\u2018\"\u201c](?:relapse|flare|attack)['\u2019\"\u201d]|"
    r"\b(?:relapse|flare|attack)(?=(?:\s+[\w'-]+){0,4}\s+(?:that|which)\s+(?:turned out to be|"
    r"was (?:actually|really|just|only))\s+(?:a\s+|an\s+)?(?:uti|infection|pseudo|heat|virus|"
    r"bug|fever)\b)",
    re.I,
)
# A "no" as far as the writer knows, said as the whole answer: "not that I know of".
_NOT_THAT_I_KNOW = re.compile(
    r"^\W*(?:not|none|nothing)\s+(?:that\s+i\s+(?:know|am aware|remember)\s+of|"
    r"as\s+far\s+as\s+i\s+(?:know|remember))\W*$",  # the whole answer, nothing beside it
    re.I,
)
# "Mar" is a month only with its year ("Mar '24", "mar 2025", "Mar this year"): alone it is a
# word in other languages, so the month names leave it out.
_MAR = re.compile(
    r"\bmar\.?(?=\s*['\u2019]\d\d\b|\s+(?:19|20)\d\d\b|\s+(?:this|last|next) year\b)",
    re.I,
)


# One drug traded for another: "swapped the Gilenya for Mayzent", "replaced Copaxone with Aubagio".
_SWAPPED = re.compile(
    r"\b(?:swapped|swapping|swap|traded|replaced|exchanged|switched|changed)\s+"
    r"(?:the\s+|my\s+|her\s+|his\s+)?([\w-]+)\s+(?:for|with)\s+(?:the\s+|my\s+)?([\w-]+)",
    re.I,
)


# A negation typed without its apostrophe, or with a backtick or an accent for one: "didnt",
# "isnt", "havent", "cant", "wont", "didn`t", "doesn´t" (every reader knows "didn't").
_APOSTROPHE_LEFT_OUT = re.compile(
    r"\b(do|does|did|is|was|are|were|have|has|had|could|would|should|need)(?:n[`´]?t)\b"
    r"|\b(ca|wo)(?:n[`´]?t)\b",
    re.I,
)


def _with_apostrophe(m: re.Match) -> str:
    return (m.group(1) or m.group(2)) + "n't"


# A filler between a word that leads to a number and the number: "3 or like 3.5", "is, um, 4".
_FILLER_BEFORE_NUMBER = re.compile(
    r"\b(or|is|was|it'?s|at|about|maybe|around)\s*,?\s+(?:like|um+|uh+|erm?)\s*,?\s+(?=\d)", re.I
)


# A birthday just had, by its number: "Just had my 50th in November!", "celebrated my 40th".
_BIRTHDAY_HAD = re.compile(
    r"\b(?:just\s+)?(?:had|celebrated)\s+my\s+(\d{2})(?:st|nd|rd|th)\b(?:\s+birthday)?", re.I
)


# A steroid taken every day now, for whatever illness: "I take 5mg of prednisolone every
# morning", "I'm on pred 5 mg daily". The steroids' names are the lexicon's.
@functools.lru_cache(maxsize=1)
def _daily_steroid() -> re.Pattern[str]:
    lex = load_lexicon()
    names = {n.lower() for d in lex.members("corticosteroid") for n in lex.drugs[d].spellings}
    names |= {"pred", "steroid", "steroids"}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        r"\b(?:i'?m\s+on|i\s+am\s+on|i\s+take|i'?m\s+taking|i\s+am\s+taking)\s+"
        rf"(?:\d+(?:\.\d+)?\s*mg\s+(?:of\s+)?)?(?:{alternation})\s+(?:\d+(?:\.\d+)?\s*mg\s+)?"
        r"(?:every\s+(?:day|morning|evening|night)|daily|each\s+day|a\s+day|once\s+a\s+day)\b",
        re.I,
    )


# A number the writer says is a guess: "if I had to guess, 6", "at a guess 3.5?", "my best guess
# would be three". It sets nothing (the clinician's or the writer's known number does).
_GUESSED_NUMBER = re.compile(
    r"\b(?:if i (?:had|have) to guess|at a (?:wild |rough )?guess|(?:my|a) (?:best |wild |rough )?"
    r"guess (?:is|was|would be|'d be))\b[\s,:-]*(?:(?:about|around|maybe|probably|like)\s+)?"
    r"(?:an?\s+)?(?:\d+(?:[.,]\d)?|one|two|three|four|five|six|seven|eight|nine|ten)\b\s*\??",
    re.I,
)


# A difference from another value is no value: "2 points higher than at diagnosis", "one more
# relapse this year than in 2023", "half a point lower than last time", "up 1.5 points since
# 2020". Its number goes ("some"); the values it is counted from are read as they are said.
_DIFFERENCE = re.compile(
    r"\b(?:\d+(?:[.,]\d)?|one|two|three|four|half\s+an?|a\s+half|an?)\s+"
    r"(?:(?:full\s+)?(?:points?|steps?|levels?)\s+)?"
    r"(?=(?:higher|lower|more|fewer|less|worse|better|up|down)\b(?:\s+\w+){0,4}?\s+"
    r"(?:than|since|compared|from\s+(?:when|what|at|before|last|my)))",
    re.I,
)
# The time a difference is counted from is no date of the fact: "one more relapse this year than
# in 2023" (after the rewrite above: "some more relapse this year than in 2023").
_DIFFERENCE_BASE = re.compile(
    r"(\bsome\s+(?:points?\s+)?(?:more|fewer|less|higher|lower|worse|better)\b[^.;!?]{0,40}?"
    r"\bthan)\s+(?:in|during|at|on|back\s+in)?\s*(?:[a-z]{3,9}\.?\s+)?(?:19|20)\d\d\b",
    re.I,
)
_DIFFERENCE_BY = re.compile(
    r"\b((?:went|gone|go|goes|come|came|crept|moved|jumped)\s+(?:up|down)|rose|risen|dropped|"
    r"fell|fallen|increased|decreased|worsened|improved|up|down)\s+(?:by\s+)?"
    r"(?:\d+(?:[.,]\d)?|one|two|three|half\s+an?|a\s+half|an?)\s+(?:full\s+)?(?:points?|steps?)\b",
    re.I,
)


# A story the writer says is told newest first ("Going backwards from now: Ocrevus, then
# Tysabri, then Betaferon"): each "then" after it is one more step back, "before that".
_TOLD_BACKWARDS = re.compile(
    r"\b(?:going|working|counting|told|telling\s+it)\s+backwards?\b|\b(?:most\s+recent|latest|"
    r"newest)\s+(?:first|to\s+oldest)\b|\bin\s+reverse(?:\s+(?:order|chronological\s+order))?\b|"
    r"\breverse\s+(?:order|chronological)\b|^\W*backwards\b",
    re.I,
)
_THEN = re.compile(r"(?:\s*,\s*|\s+)(?:and\s+)?then\b(?!\s+(?:again|on)\b)\s*", re.I)


def _backwards_then(text: str) -> str:
    """In a story told newest first, "then" is "before that"."""
    told = _TOLD_BACKWARDS.search(text)
    if told is None:
        return text
    return text[: told.end()] + _THEN.sub(", before that ", text[told.end() :])


# A line broken inside a sentence ("- last relapse was in\n  March, steroids for it"): a line
# ending on a word that needs more, or on a small letter with the next line indented and in small
# letters, goes on the same sentence (not a new list item).
_NOT_AN_ITEM = r"(?![-\u2022*\u00b7\u2013]|\d{1,2}[.)]\s)"
_LINE_GOES_ON = re.compile(
    rf"(?<=[a-z,])[ \t]*\n[ \t]+{_NOT_AN_ITEM}(?=[a-z])|"
    r"\b(?P<word>(?i:in|on|at|was|were|is|the|a|an|and|of|for|to|since|from|my|with|about|"
    rf"around|than|by))[ \t]*\n[ \t]*{_NOT_AN_ITEM}(?=\w)",
)


def joined_lines(text: str) -> str:
    """The message with each line broken inside a sentence joined again ("- last relapse was
    in\n  March, steroids for it" is one list item), before lines are read as items."""
    return _LINE_GOES_ON.sub(lambda m: f"{m.group('word') or ''} ", text)


# Months listed in a bracket after their year: "three in 2025 (Feb, June, Nov)". Each is that
# year's month, not the last such month.
_MONTHS_OF_A_YEAR = re.compile(
    rf"\b((?:19|20)\d\d)\s*\(\s*((?:{_MONTH_WORD})\.?(?:\s*(?:,|and|&|/)?\s*"
    rf"(?:{_MONTH_WORD})\.?)+)\s*\)",
    re.I,
)


def _months_with_their_year(m: re.Match[str]) -> str:
    """ "2025 (Feb, June, Nov)" -> "2025 (Feb 2025, June 2025, Nov 2025)"."""
    year, months = m.group(1), m.group(2)
    named = re.findall(rf"\b(?:{_MONTH_WORD})\b", months, re.I)
    return f"{year} (" + ", ".join(f"{month} {year}" for month in named) + ")"


def say_plainly(text: str) -> str:
    """The words patients use for a fact, as the one word the readers know ("pumping for her"
    -> "breastfeeding"): lexicon/patient_phrases.yml. Case is kept for the other words. A
    checklist's cross mark is "not" ("❌ pregnant"), its tick says nothing more."""
    t = _checklist_marks(_KEYCAP.sub(r"\1", _DICTATION_SOUND.sub("", text)))
    t = _APOSTROPHE_LEFT_OUT.sub(_with_apostrophe, t)  # "didnt", "isnt", "didn`t": "didn't"
    t = _FILLER_BEFORE_NUMBER.sub(r"\1 ", t)  # "EDSS is 3 or like 3.5", "it was, um, 4"
    t = thumb_answer(t) or t
    t = _SEX_SIGN.sub(lambda m: " female " if m.group(0) == "\u2640" else " male ", t)
    t = _SCARE_QUOTED_PRAISE.sub(" ", t)
    t = _PICTOGRAPH.sub(", ", t)
    t = _ABBREVIATION.sub(lambda m: m.group(1).replace(".", ""), t)
    t = _DOTTED_DATE.sub(lambda m: m.group(0).replace(".", "/"), t)
    t = _MAR.sub("March", t)
    t = _PSEUDO_RELAPSE.sub("pseudo-episode", _NO_REAL_RELAPSE.sub("pseudo-episode", t))
    t = _NOT_THAT_I_KNOW.sub("no", t)
    t = _dates_as_months(t)
    t = _GUESSED_NUMBER.sub(" ", t)  # "if I had to guess, 6": a guess sets nothing
    t = _backwards_then(t)  # "going backwards: Ocrevus, then Tysabri": Tysabri before it
    t = _MONTHS_OF_A_YEAR.sub(_months_with_their_year, t)  # "2025 (Feb, June, Nov)"
    t = _DIFFERENCE.sub("some ", t)  # "2 points higher than at diagnosis": no score of 2
    t = _DIFFERENCE_BASE.sub(r"\1 before", t)  # "... than in 2023": no relapse dated 2023
    t = _DIFFERENCE_BY.sub(r"\1 some points", t)  # "up 1.5 points since 2020": nor of 1.5
    t = _BIRTHDAY_HAD.sub(r"just turned \1", t)  # "Just had my 50th in November!"
    t = _daily_steroid().sub("on steroids now", t)  # "I take 5mg of prednisolone every morning"
    t = _YES_NO_CORRECTED.sub(r"\1", t)
    t = _DENIAL_TAKEN_BACK.sub(r"\1, \2", t)
    t = _CORRECTED.sub(_keep_the_correction, t)
    t = _SHORT_COURSES.sub(r"\1MS, switched to \2MS", t)
    t = _ARROW.sub(", switched to ", t)
    t = _YEARS_AND_MONTHS_AGO.sub(_in_months, t)  # "1y 8m ago", "a year and 8 months ago"
    t = _YEARS_LETTER.sub(r"\1 yrs", t)
    t = _BEFORE_A_TIME.sub(r"\1\2 \3 ago", t)  # "before 2 months I had a relapse": 2 months ago
    t = _PAIRED_SLASHES.sub(_paired_items, t)  # "pregnant/breastfeeding: no/yes"
    t = re.sub(r"\b50\s*/\s*50\b(?!\s*/|[.,]\d)", "half and half", t)  # "50/50": a share
    t = _UNSURE_SLASH.sub(r"\1 or \2", t)  # "Ocrevus/Kesimpta - not sure which"
    if len(_SLASH_ITEM.findall(t)) >= 2:
        t = _SLASH_ITEM.sub(", ", t)
    # "age 44 | male | Brazil": a table's cells are list items; a date cell stays with its row
    # ("Methylprednisolone 500mg | 03/05/2024")
    t = re.sub(r"\s*\|(?!\s*\d)\s*", ", ", t)
    t = re.sub(r"\s*\|\s*", " ", t)
    t = _KEY_EQUALS.sub(r"\1: ", t)  # "age=38; sex=m": a form's label, as with a colon
    if len(_LIST_MARKERS.findall(t)) >= 2:
        t = _LIST_MARKERS.sub(
            lambda m: "" if m.start() == 0 or t[m.start() - 1] == "\n" else ", ", t
        )
    t = _LABEL_DASH.sub(r"\1\2: ", t)
    t = _VALUE_THEN_LABEL.sub(r"\1, ", t)  # "relapses: 0 steroids: never"
    t = _LABEL_VALUE_LABEL.sub(r"\1, ", _TOLD_THEN_DENIED.sub(r"\1, ", t))
    t = _LEADING_WORDS.sub(  # "uk f 33 rrms": the country is an item of its own
        lambda m: f"{m.group(1)}, " if load_lexicon().country(fold(m.group(1))) else m.group(0), t
    )
    t = _SHARE_OF_MY_YEARS.sub(r"\1 years (I'm \2)", t)  # "MS for 12 of my 44 years"
    t = _AGE_THEN_NOW.sub(r"\1, I'm \2 now", t)  # "Diagnosed at 27, now 41"
    t = _IDIOM_NO.sub(" no", t)  # "Pregnant? Heaven forbid.", "Breastfeeding? Long gone."
    t = _ASKED_OF_THE_PAST.sub(_past_question_blanked, t)  # "Have I been pregnant? Yes, twice."
    t = _ASKED_OF_NOW.sub(r"\1\2?", t)  # "Am I pregnant now? no" -> "pregnant? no"
    t = _ANSWERED_LATER.sub(r"\1\2: \4. \3", t)  # "Pregnant? lol no." -> "Pregnant: no. lol"
    t = _ASKED_ONESELF.sub(r"\1\2: ", t)  # "Steroids? yes, latest in August"
    t = _SEX_LABEL.sub(r"\1: ", t)  # "age sixty one gender male": the label without its colon
    t = _SPELLED_OUT.sub(_spelled_word, t)  # "r r m s", "e d s s": letters said one by one
    t = _DENIED_LIST.sub(
        lambda m: ", ".join(
            f"{m.group(1)} {item.strip()}" for item in re.split(r",|\band\b", m.group(2))
        ),
        t,
    )
    t = _NOT_COLON.sub(lambda m: m.group(1) + " ", t)
    t = _HOME_LABEL.sub("live in ", t)  # "Lives: Austria", "Location: Toronto"
    t = _NONE_NOW_LABEL.sub("not on any treatment now", t)  # "DMT: none", "Current: nil"
    t = _BODY_MEASURE.sub(" ", t)  # "I'm 1.70 m, 62 kg": no age, no sex letter
    t = _HOURS_AND_MINUTES.sub(" ", t)  # "Sleep 6h 10m": a time of day's length, no man of 10
    t = _BRACKETED_DOUBT.sub(_doubt_said_plainly, t)  # "3.5 (or 4? the letter's smudged)"
    t = _OPTIONS_GIVEN.sub(" ", t)  # "EDSS (0-10)? 4", "relapses (0, 1, 2, 3+): 3+": the form's
    t = _SLASH_PROFILE.sub(lambda m: f"{m.group(1)} {m.group(2)}" + (", " if m.group(3) else ""), t)
    t = _LETTER_FIRST_PROFILE.sub(lambda m: f"{m.group(2)} {m.group(1).lower()}", t)
    for pattern, word in patient_phrases():
        t = pattern.sub(word, t)
    t = _NONE_BUT_ONE.sub(r"1 relapse\1, a relapse", t)  # "no relapses except one in March"
    # "she swapped the Gilenya for Mayzent": the first one left, the second one taken
    t = _SWAPPED.sub(
        lambda m: f"switched from {m.group(1)} to {m.group(2)}"
        if {m.group(1).lower(), m.group(2).lower()} <= _drug_words()
        else m.group(0),
        t,
    )
    # "no relapses on Kesimpta since 2022": the time is of both, the drug and no relapse
    return _NONE_ON_SINCE.sub(r"\1 \3, \2 \3", t)


# Another value offered in brackets, in doubt: "3.5 (or 4? the letter's smudged)", "RRMS (or
# SPMS now? nobody's sure)".
_BRACKETED_DOUBT = re.compile(r"(\S+)\s*\(\s*or\s+([^()?]{1,25}?)\s*\?[^()]*\)", re.I)


def _doubt_said_plainly(m: re.Match) -> str:
    """Two numbers in doubt are a range ("3.5 or 4"); a word in doubt leaves the value said
    first, the doubt is the writer's aside ("RRMS")."""
    first, other = m.group(1), m.group(2).strip()
    if re.fullmatch(r"\d+(?:[.,]\d)?", first) and re.fullmatch(r"\d+(?:[.,]\d)?", other):
        return f"{first} or {other}"
    return first


# A length of time in hours and minutes: "6h 10m", "1 hr 30 min", "7h05m".
_HOURS_AND_MINUTES = re.compile(
    r"\b\d{1,2}\s*(?:h|hrs?|hours?)\s*\d{1,2}\s*(?:m|mins?|minutes?)\b", re.I
)


# The choices or the scale a form prints beside its question ("(0-10)", "(0, 1, 2, 3+)"): no
# answer of the writer's.
_OPTIONS_GIVEN = re.compile(
    r"\(\s*(?:0\s*(?:-|to)\s*10(?:\.0)?|\d{1,2}\+?(?:\s*(?:,|or)\s*\d{1,2}\+?){2,})\s*\)"
)


# A question about what would or could be: its words state no fact of the writer's ("does
# placebo mean I'd be off treatment?", "what if I went onto Ocrevus?"). Not "is 6.5 too
# high?", "EDSS 3?", "Can I join if I'm on Ocrevus?", "anything for primary progressive?".
_WHAT_WOULD_BE = re.compile(
    r"\b(?:would|wouldn'?t|could|might|what if)\b|\b(?:i|you|they|we)'d\b"
    r"|\bmeans? (?:i|i'?d|i'?ll|that|we|you|my)\b"
    # "does breastfeeding matter for trials?": the fact is what is asked about, not said
    r"|\b(?:does|do|will|is|can)\s+(?:\w+\s+){1,3}matter\b",
    re.I,
)


# A question whether something must stop, which takes it as going on now (only breastfeeding: a
# drug named in a question is never taken as a treatment taken).
_STOP_WOULD_END = re.compile(
    r"\b(?:have|need|got)\s+to\s+(?:stop|give up|quit|wean)\s+(?:breast ?feeding|nursing)\b", re.I
)


def without_what_would_be(text: str) -> str:
    """The message without its questions about what would or could be (_WHAT_WOULD_BE), from
    the clause that asks to the question mark: "I'm on Mayzent. Would I be off treatment?" ->
    "I'm on Mayzent."; "I'm on Ocrevus, would I have to stop it?" -> "I'm on Ocrevus,"."""
    out = []
    for sentence in re.split(r"(?<=[.!?\n])", text):
        if sentence.rstrip().endswith("?"):
            clauses = re.split(r"(?<=[,;])|(?=\b(?:and|but|so)\b)|(?<=\s[-–—])(?=\s)", sentence)
            for i, clause in enumerate(clauses):
                if _WHAT_WOULD_BE.search(clause):
                    # "would I have to stop breastfeeding to join?" takes it as so now
                    # (not "... if I had a baby?": a condition, said of a time to come)
                    kept = (
                        " I'm breastfeeding."
                        if _STOP_WOULD_END.search(sentence)
                        and not re.search(r"\b(?:if|when|once|in case)\b", sentence, re.I)
                        else ""
                    )
                    sentence = "".join(clauses[:i]) + (" " if i else "") + kept
                    break
        out.append(sentence)
    return "".join(out)


def says_dont_know(text: str) -> bool:
    """ "I don't know", "no idea", "not sure" (lexicon/control_cues.yml, also with a curly ’)."""
    return says("dont_know", text)


def says_skip(text: str) -> bool:
    """ "skip", "I'd rather not say", "pass" (the same list the NLU guard believes)."""
    return says("skip", text)


def _no_about_another_fact(t: str) -> bool:
    """Whether a leading no belongs to another fact named in its own clause (so it is no
    answer to the question asked): "never had steroids", but not "no, never had steroids"."""
    first = re.split(r"[,.;!?]|\s-\s", t, maxsplit=1)[0]
    if not re.match(r"\s*(no|nope|nah|not|never|none)\b\s+\S", first):
        return False
    return (
        says("dont_know", first)
        or any(p.search(first) for p in FACT_WORDS.values())
        or re.search(r"\bedss\b", first) is not None
    )


# An answer that hedges its yes or no, or takes it back for a maybe: "not exactly", "sort of",
# "no, well, maybe?", "yes... or maybe not".
_HEDGED_ANSWER = re.compile(
    r"\W*(?:not exactly|sort of|kind of|kinda|sorta|ish)\b|"
    r"\W*(?:no|nope|nah|yes|yeah|yep)\b[\W]{0,4}(?:(?:well|actually|or|hmm+|um+|erm|wait)\W+){0,3}"
    r"(?:maybe|possibly|perhaps|not sure|unsure|dunno|might be|could be)\b"
    # (not "no, maybe next year": a no now, a plan later)
    r"(?![\s,]+(?:next|in\s+(?:a|an|the|\d)|one day|someday|some day|later|soon|after|when|"
    r"once|in future|in the future)\b)"
)


def yes_no(text: str, intent: str | None = None) -> bool | None:
    """True for a yes, False for a no, None when the text says neither."""
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    t = fold(text)
    if _no_about_another_fact(t):
        return None  # "never had steroids", "no relapses this year", "no idea what my edss is"
    if _HEDGED_ANSWER.match(t):
        return None  # "no, well, maybe?", "not exactly", "sort of": neither
    if re.search(
        r"^\s*(no|nope|nah|not|never|neither|none)\b|"
        r"\b(i'?m|i am) not\b(?!\s+(on|taking|sure|certain|in)\b)|\bno,? |"
        r"\b(so|then|thus|hence|therefore),? (no|nope|not)\W*$",
        t,
    ):  # "I'm a man, so no"
        return False
    if re.search(
        r"^\s*(yes|yeah|yep|yup|sure|of course|correct|right|i am|i do|ok|okay|indeed|"
        r"absolutely)\b",
        t,
    ):
        return True
    return None


# ---------------------------------------------------------------------------- age

# An age as an item of a list of facts: "52, female, RRMS", "34F", "38 m, usa", "Female, 41",
# "44 y.o. man", "I have 45 years", "maybe 40ish", "just turned 40".
_AGE_ITEM = re.compile(
    r"(?:^[^\w\n]*|[,.;:!?]['\x22\u2019\u201d)]*\s*|(?<!\d)\s[-–—]\s+|\b(?:hi|hello|hey|me)\b[,!]?\s+|"
    r"\b(?:female|male|woman|man|guy|lady)\s*,?\s+)"
    # "40 female Toronto": the sex word vouches for the age before it, whatever follows
    r"(\d{2})(?:\s*(?:female|male|woman|man|guy|lady)\b(?![-\s]*(?:hours?|days?|years?)\b)|"
    r"(?:\s*(?:f|m|female|male|woman|man|guy|lady|ish)\b)?\s*(?=[,.;!)]|$|-\s(?!\s*\d)|"
    r"\b(?:as well|too|also)\b|\b(?:rrms|spms|ppms|cis|rr|sp|pp|rms|"
    r"with|and|from|in|y\.?o|yo|years|yrs)\b(?!\s+(?:ago|into|since|now|later|on)\b)))"
    r"|\bi have (\d{2}) years\b|\b\d{2}-?ish\s*\(\s*(\d{2})\s*\)|\b(\d{2})-?ish\b"
    r"|\bjust turned (\d{2})\b"
    r"|\b(\d{2})\s*(?:y\.?o\.?|yo|y/o)\b"
    # "f 29 rrms", "m 60 sp": a list that opens with the sex letter
    r"|(?:^|[,.;:!?]\s*|\b(?:hi|hello|hey|yo|me)\b[,!]?\s+)[fm]\s*,?\s+(\d{2})\s*"
    r"(?=[,.;!)]|$|\b(?:rrms|spms|ppms|cis|rr|sp|pp|rms|ms|edss)\b)"
    # "female 39 not pregnant": a list that opens with the sex
    rf"|^\W*(?:female|male|woman|man)\s*,?\s+(\d{{2}})\b(?!\s*(?:%|kg|lbs?|cm|mg|[.,]\d|(?:{_UNIT_WORD})\s+ago\b|"
    rf"(?:{_UNIT_WORD})\b(?<!years)(?<!year)))",
    re.I | re.M,
)


# "in 2 yrs", "for 20 years", "over the last 3 years": a length of time, never an age.
_DURATION_BEFORE = re.compile(
    r"\b(in|for|over|within|during|past|last|since|after|than)\s+(the\s+)?((last|past)\s+)?$", re.I
)


def _duration_of_treatment(text: str, item: re.Match) -> bool:
    """ "Copaxone, 20 years": "N years" without "old" right after a treatment is how long it
    was taken."""
    if not re.search(r"\b(years?|yrs?)\b(?!\s*old)", text[item.start() : item.end() + 8]):
        return False
    before = re.split(r"[.;!?]", text[max(0, item.start() - 40) : item.start()])[-1]
    answer = parse_therapies(before, False) if re.search(r"[a-z]{4,}", before) else None
    return isinstance(answer, TherapyAnswer) and bool(answer.taken)


# Others' ages: "2 kids aged 4 & 7", "the boys are 10", "my dog is 12" (not "my son aged 30",
# who may be the patient: as_patient reads that).
_SOMEONE_ELSES_AGE = re.compile(
    r"\b(?:kids|children|sons|daughters|twins|boys|girls|grand\w+|dogs?|cats?|pets?)"
    r"(?:\s+(?:are|is|were|was))?\s+(?:aged\s+|age\s+)?$",
    re.I,
)


def _others_numbers_blanked(text: str) -> str:
    """A number said of someone else ("my cat is 12 lol", "the kids are 4 and 7") is not the
    writer's score or count: blanked before those are read."""
    return re.sub(
        r"(?<![\d.])\d+(?:[.,]\d+)?(?:\s*(?:&|and)\s*\d+)?",
        lambda m: " "
        if _SOMEONE_ELSES_AGE.search(text[max(0, m.start() - 25) : m.start()])
        else m.group(0),
        text,
    )


# A number of another measure of MS, no EDSS: "PDDS 3", "my SDMT was 45", "25-foot walk 8
# seconds", "9-hole peg 22s", "MSFC z-score 0.5".
_OTHER_SCALE_NUMBER = re.compile(
    r"\b(?:pdds|msfc|sdmt|t25fw|t25-?fw|9-?hpt|pasat|msws(?:-12)?|msis(?:-29)?|"
    r"(?:nine|9)[- ]hole peg(?: test)?|(?:timed )?25[- ]f(?:oo|ee)t walk(?: test)?|z[- ]score)"
    r"(?:\s+(?:score|result|test))?(?:\s+(?:is|was|of|at|=|:|-)|\s*[:=-])*\s*\d+(?:[.,]\d+)?",
    re.I,
)
_FUTURE_AGE = re.compile(
    r"\(?\s*\b\d{2}\s+(?:in (?:a|an|\d+|a few|a couple of|few) (?:days?|weeks?|months?)|"
    r"next (?:week|month|year)|soon|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\b"
    r"\s*\)?"
)


# "38 m here", "rrms 40f": an age with the sex's letter; not "walk 50 m" (a distance).
_AGE_SEX_LETTER = re.compile(r"(?<![\d.,/])\b(\d{2})\s?[fm]\b(?!\s*(?:\d|[-/]\s*\d))")
# "walk 50 m", "about 100 m": a distance; not across a sentence's end ("my walking! 58M")
_DISTANCE_BEFORE = re.compile(
    r"\b(walk\w*|metres?|meters?|distance|up to|about|around)(?:(?![.!?\n])\W)+$"
)
# "I'm 45, sorry, 46", "forty two no wait forty three", "44? no 43": the number said last.
_SELF_CORRECTION = re.compile(
    r"\b(\d{2})\b\W{0,3}\s*(?:(?:sorry|no wait|wait|i mean|no|actually|or rather|make that|"
    r"scratch that)\b\W{0,3}\s*){1,3}(?:i'?m\s+|it'?s\s+)?(\d{2})\b(?!\s*(?:in|next|soon)\b)"
    # "sixty-ish. Sixty-one actually": the exact one said after the rough one
    # ("I'm fifty, fifty-one actually": the second one, said with "actually")
    r"|\b(\d{2})(?:-?ish\b\W{0,3}|\W{1,3})\s*(\d{2})\s+(?:actually|to be exact|exactly)\b"
)


def _age_with_sex_letter(t: str) -> float | None:
    for m in _AGE_SEX_LETTER.finditer(t):
        if not _DISTANCE_BEFORE.search(t[max(0, m.start() - 20) : m.start()]):
            return float(m.group(1))
    return None


def _corrected(t: str, found: float) -> float:
    """The age said in place of the one found, when the writer corrects themselves."""
    for m in _SELF_CORRECTION.finditer(t):
        said, meant = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if float(said) == found:
            return float(meant)
    return found


# A birth date in figures: "DOB 14/05/1979", "date of birth: 05-14-1979", "born 04/1990".
_BIRTH_DATE = re.compile(
    r"\b(?:dob|d\.o\.b\.?|date of birth|born(?: on| in)?)\s*:?\s*"
    r"(?:(\d{1,2})[/.-])?(\d{1,2})[/.-]((?:19|20)\d\d)\b"
)


# A child named just before "born": the birth is theirs ("Twins born 2020", "my son was born").
_CHILD_BORN = re.compile(
    r"\b(?:twins?|triplets|bab(?:y|ies)|sons?|daughters?|kids?|child(?:ren)?|grand\w+|youngest|"
    r"oldest|eldest|little ones?|boys?|girls?|wean|bairn)\b[^.;!?]{0,20}$",
    re.I,
)


_ROUNDED = re.compile(
    r"(?:\b(?:about|around|approx\.?|approximately|roughly|circa)\s+|~\s*)"
    # not a span of time ("about twenty years" is how long, "about 45 years old" an age)
    r"(?=\d{2}\b(?!\s*(?:years?|yrs?|months?|weeks?|days?)\b(?!\s*old)))",
    re.I,
)


# A number below ten with a fraction: a dose or a score, never an age.
_SMALL_DECIMAL = re.compile(r"(?<![\d.,])\d[.,]\d+(?![\d.,]*\d)")


def parse_age(text: str, requested: bool, today: dt.date | None = None) -> float | Invalid | None:
    """Age in years from "34", "I'm thirty-four", "34 years old", "born in 1990"."""
    labelled = _MY_LABEL_AGE.search(text)
    if labelled:  # "... my sister, who's 52 ... Me: 57, SPMS": the writer's own, by its label
        return float(labelled.group(1))
    today = today or dt.date.today()
    # "about 45, male", "I'm around 50": a rounded age is the age (not "nearly 50", which is
    # under it, nor "mid-40s", which is no number)
    t = _ROUNDED.sub("", words_to_numbers(text))
    # "0.46, 0.92", "titration 0.23 -> 0.46": a fraction's digits are no age (positions kept)
    if not requested:  # (to the question, "4.2" is a wrong answer, said back kindly)
        t = _SMALL_DECIMAL.sub(lambda m: " " * len(m.group(0)), t)
    born = re.search(
        r"\bborn\b(?: (?:in|on|the|of|[a-z]+|\d{1,2}(?:st|nd|rd|th)?)){0,5} (\d{4})\b", t
    ) or (re.search(r"^\s*(19\d\d|20\d\d)\s*$", t) if requested else None)
    if born and _CHILD_BORN.search(t[max(0, born.start() - 30) : born.start()]):
        born = None  # "Twins born 2020!": a child's birth, not the writer's
    dated = _BIRTH_DATE.search(t)
    if dated and _CHILD_BORN.search(t[max(0, dated.start() - 30) : dated.start()]):
        dated = None
    if dated:  # "DOB 14/05/1979", "born 04/1990": the birthday this year may be still to come
        year = int(dated.group(3))
        if not 1900 <= year <= today.year:
            return Invalid("birth_year", {"year": str(year)})
        a, b = (int(dated.group(1)) if dated.group(1) else None), int(dated.group(2))
        month = b if a is None else (b if a > 12 else a if b > 12 else None)
        day = 1 if a is None else (a if a > 12 else b if b > 12 else None)
        later = month is not None and (month, day or 1) > (today.month, today.day)
        return float(today.year - year - (1 if later else 0))
    if born:
        year = int(born.group(1))
        if not 1900 <= year <= today.year:
            return Invalid("birth_year", {"year": str(year)})
        return float(today.year - year)
    soon = re.search(
        r"\b(?:i'?ll be|i will be|i shall be|i'?m turning|turning|i turn|"
        r"(?:i'?m )?(?:gonna|going to) be)\s+"
        r"(\d{2})\b(?=[^.;]{0,25}\b(?:next|in|on|soon|this|later|tomorrow)\b)"
        rf"|\b(\d{{2}}) come (?:{_MONTH_WORD})\b"  # "fifty two come january"
        # an item that opens on it: "44 next week, SP", "sixty this Christmas"
        r"|(?:^|[.;!?\n]\s*)(\d{2})\s+(?:next|this|on|in)\s+(?:week|month|year|christmas|"
        rf"birthday|(?:{_MONTH_WORD})\w*|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
        t,
        re.I,
    )
    if soon:  # "I'll be 50 next month": 49 today
        return float(int(soon.group(1) or soon.group(2) or soon.group(3)) - 1)
    turned = re.search(  # the writer's own: "I turned 50", or a sentence that opens on it
        r"(?:^|[.;!?,]\s*|\bi\s+)(?:just\s+|recently\s+)?turned\s+(\d{2})\b"
        r"(?!\s*(?:in|back in)\s+(?:19|20)\d\d)",
        t,
        re.I,
    )
    if turned and re.search(
        r"\b(?:year|when|since|after|before|day|month|time)\s+(?:i\s+)?$",
        t[max(0, turned.start() - 12) : turned.start() + (turned.group(0).lower().find("turned"))],
        re.I,
    ):
        turned = None  # "the year I turned 30": a time, not the age now
    patterns = [
        r"\b(?:i'?m|i am|im|age|aged|age is)\s*:?\s*(?:only |just |now )?(-?\d+(?:\.\d+)?)\b"
        r"(?!\s*(?:kg|cm|lbs?|%))",
        # "a lady of 61", "a gentleman of sixty-four years"
        r"\b(?:woman|man|lady|gentleman|gent|guy|girl|person|widow|widower|pensioner|fellow|"
        r"chap)\s+of\s+(\d{2})\b(?!\s*(?:kids|children|grandchildren|grandkids))",
        rf"\b(-?\d+(?:\.\d+)?)[\s-]*(?:{_YEARS}|yo|y/o|y\.o\.)(?:[\s-]*old|\s*of age)?\b",
        # an item that gives it as now: "diagnosed at 19, 31 now"; and "I have 51," as other
        # languages say an age
        r"(?:^|[.;:!?,]\s*)(\d{2})\s+now\b(?=\s*(?:[.;,!?)]|$))",
        r"\bi have (\d{2})\b(?=\s*(?:[.;,!]|$))",
        # "hi, 58 here, PPMS", "F, 34 here": the writer's self-introduction
        r"(?:^|[.;:!?,]\s*|\b(?:hi|hello|hey)\b\W{0,2}\s)(\d{2})\s+here\b(?=\s*(?:[.;,!?-]|$))",
    ]
    found = None
    for m in (m for pattern in patterns for m in re.finditer(pattern, t)):
        if (
            m
            and not re.match(
                r"\s*(years?|yrs?|months?|weeks?|days?)?\s*(ago|since|before|after)\b|\s*(months?|weeks?|days?)\b|"
                r"\s*(years?|yrs?)\s+in\b(?!\s+(?:the\s+)?[a-z]+land\b)",
                t[m.end() : m.end() + 25],
            )
            and not _DURATION_BEFORE.search(t[max(0, m.start() - 25) : m.start()])
            and not _SOMEONE_ELSES_AGE.search(t[max(0, m.start() - 25) : m.start()])
            and not (  # "have a 3 year old.", "my 8-year-old son": a child, not the writer
                re.match(r"-?\d", m.group(0))
                and re.search(r"\b(?:a|an|my|our|his|her|their|the)\s+$", t[: m.start()], re.I)
                and not re.search(r"\b(?:i'?m|i am|im)\s+an?\s+$", t[: m.start()], re.I)
                and re.match(
                    r"\s*(?:$|[.,;!?)]|and\b|(?:sons?|daughters?|kids?|child|boys?|girls?|twins|"
                    r"grand\w+|nephew|niece|dog|cat|baby)\b)",
                    t[m.end() :],
                    re.I,
                )
            )
            and not (  # "Diagnosed RRMS in June 2006 aged 22": the age then, not now
                m.group(0).startswith("age")
                and re.search(
                    r"\b(diagnos\w*|dx)\b[^.;]{0,40}$", t[max(0, m.start() - 45) : m.start()]
                )
            )
        ):
            if (
                re.search(r"year|\byrs?\b", m.group(0))  # "RR / 12 yrs /": how long, no age
                and not re.search(
                    r"old|of age|\bi'?m\b|\bi am\b|\bage", t[max(0, m.start() - 12) : m.end() + 8]
                )
                # "I have 3 children and 40 years": other languages' way of saying an age
                and not (
                    re.search(r"\bi\s+have\s+(?:[^.;,]{0,25}\band\s+)?$", t[: m.start()], re.I)
                    and not re.match(r"\s+(?:of|with|since|in)\b", t[m.end() :], re.I)
                )
                # "I am woman of 52 years": a person of so many years
                and not re.search(
                    r"\b(?:woman|man|lady|guy|girl|boy|male|female|person|patient) of\s*$",
                    t[: m.start()],
                )
            ):
                continue
            if re.match(r"\s*(?:or|/)\s*\d{2}\b(?!\s*(?:kg|cm|lbs?|%|mg))", t[m.end() :]):
                # "I'm 50 or 51": two ages, neither sure
                return Invalid("age_two_numbers") if requested else None
            found = float(m.group(1))
            break
    doubled = re.match(r"\W*(\d{2})\s+\1\b", t) if requested else None
    if found is None and doubled:  # "47 47 sorry phone": typed twice
        found = float(doubled.group(1))
    if found is None:
        item = _AGE_ITEM.search(t)
        alone = (
            re.fullmatch(r"\W*\d{2}\W*", t) is not None
        )  # a bare "34" answers only the age question
        if (
            item
            and not alone
            and not re.search(  # "EDSS 31" (not "my EDSS. 31 RRMS": a sentence ended)
                r"\b(edss|score)[\s:]*$",
                t[max(0, item.start() - 8) : item.start(item.lastindex)],
                re.I,
            )
            and not _duration_of_treatment(t, item)
        ):
            found = float(next(g for g in item.groups() if g))
    if found is None:
        found = _age_with_sex_letter(t)
    if found is None and turned:  # "Turned 50 in May": 50 now (not "turned 40 in 2015")
        found = float(turned.group(1))
    if found is not None:
        found = _corrected(t, found)
    now = _FUTURE_AGE.sub(" ", t)  # "46 (47 in a few weeks)": the age to come is no answer
    if found is None and requested and _mostly_a_number(now):
        numbers = _numbers(now)
        if len(numbers) == 1:
            found = numbers[0]
        elif len(numbers) > 1:
            return Invalid("age_two_numbers")
    if found is None:
        return None
    if not found.is_integer() and found > 3:
        found = float(int(found))
    if found < 0 or found > 120:
        return Invalid(
            "age_out_of_range", {"age": str(int(found)) if found.is_integer() else str(found)}
        )
    if found < 12:
        return Invalid("age_child")
    return found


# ---------------------------------------------------------------------------- sex


# The words a list item says its sex with, also as written by people whose first language is
# Spanish, French, German, Dutch, Scandinavian, Italian or Portuguese ("36 años, hombre").
def _sex_words(sex: str, *roles: str) -> list[str]:
    """The words of lexicon/sex_words.yml that say ``sex`` in these roles, longest first."""
    words = {w for role in roles for w in sex_words()[sex][role]}
    words |= {fold(w) for w in words}  # "männlich" as the folded text has it, "mannlich"
    return sorted(words, key=lambda w: (-len(w), w))


_ITEM_FEMALE = _sex_words("female", "letter", "sex", "person", "other_languages")
_ITEM_MALE = _sex_words("male", "letter", "sex", "person", "other_languages")
_ITEM_SEX = "|".join(sorted(_ITEM_FEMALE + _ITEM_MALE, key=len, reverse=True))
# The words for "years" in an age, in those languages too ("53 år", "41 jaar", "39 ans").
_YEARS = r"(?:years?|yrs?|anos|ans|jahre|anni|ar|jaar|lat)"
_SEX_ITEM = re.compile(
    rf"(?:^[^\w\n]*|[,.;:!?(]\s*|\band\s+)({_ITEM_SEX})\s*(?=[,.;!()]|$|\d|(?:by the way|btw)\b)"
    rf"|\b\d{{2}}\s*(?:y\.?o\.?|yo|y/o|(?:{_YEARS})(?:[- ]old)?|-year-old)?\s*,?\s*"
    rf"({_ITEM_SEX})\b",
    re.I | re.M,
)


# Words a person describes themselves with that say their sex ("a widow", "a grandfather").
_SELF_FEMALE = "|".join(_sex_words("female", "sex", "person", "parent", "partner"))
_SELF_MALE = "|".join(_sex_words("male", "sex", "person", "parent", "partner"))
# A person or a parent by sex, the words a sentence can open on ("Gal here, 30") or say "as a".
_PERSON_OR_PARENT_OF = {
    # (of the partner words, only "widow" and "widower" say who the writer is: "Widower, 69";
    # "Husband, 52" may label the one written for)
    sex: "|".join(
        _sex_words(sex, "sex", "person", "parent")
        + [w for w in _sex_words(sex, "partner") if w.startswith("widow")]
    )
    for sex in ("female", "male")
}
_PERSON_OR_PARENT = "|".join(_PERSON_OR_PARENT_OF.values())
# A parent describing themselves: "mum of two here", "As a dad of three", "Grandad of five, 68";
# not "my mum of 80" (a relative: my, his, her, our, your before it).
_PARENT_OF = re.compile(
    r"(?:^[^\w\n]*|[,.;:!(]\s*|\b(?:as|im|i'?m|i am|am)\s+)(?:an?\s+)?"
    r"(?:(?:proud|busy|single|anxious|worried|tired|exhausted|scared|stressed|frazzled|working|"
    r"new|young|older)\s+)?"
    rf"({_SELF_FEMALE}|{_SELF_MALE})\s+(?:of|to|tae)\s+(?:an?\s+|\d+|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|twins|triplets|little|young|grown)",
    re.M,
)
# A clinic letter pasted about the writer: "Mr Daniel Reyes, DOB 14/05/1979", "Mrs K is a
# 44-year-old lady" (the title of the one the facts are about, not of a doctor).
_TITLE_OF_PATIENT = re.compile(
    r"(?<!dear )\b(mr|mrs|ms|miss)\.?\s+[a-z][\w'-]*\.?(?:\s+[a-z][\w'-]*)?\s*(?:,|is|was|\()"
    r"\s*(?:an?\s+)?"
    r"(?:dob|d\.o\.b|date of birth|born|\d{2}[- ]?(?:year|yr)s?[- ]old|aged|"
    r"(?<=,)\s*\d{2}\b(?![./]\d))"  # "Mrs J. Kowalski, 44. Diagnosis: ..."
)
# The writer's own title: "I am Mrs Adebayo", "myself Mr. Iyer", a sign-off "B. Flanagan (Mrs)";
# not "Dear Mrs Smith" (the reader), and not "Ms" (also the disease).
_OWN_TITLE = re.compile(
    r"\b(?:i am|i'?m|im|myself|my name is|name'?s|this is|i,|on behalf of myself,?)\s+"
    r"(mr|mrs|miss)\b\.?"
    r"|\((mr|mrs|miss)\.?\)\s*$"
    # "Mrs Eileen O'Connor here": a greeting that opens on the writer's own title and name
    r"|(?:^|[.!?\n]\s*)(mr|mrs|miss)\.?\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?\s+here\b"
)
# Pronouns given as such: "he/him", "she/her" (not "they/them", which says no sex).
_PRONOUNS = re.compile(r"\b(she/her|he/him)(?:/\w+)?\b")
# A sentence that opens on who the writer is: "Woman in my late 40s, SPMS", "Naija girl living in
# London", "Trini bloke here"; not "The man from the clinic" (an article or possessive first).
_HEAD_OF_SENTENCE = re.compile(
    r"(?:^|[.!?\n]\s*)(?:(?:hi|hello|hey|hiya|g'?day|greetings|good (?:morning|afternoon|evening))"
    r"[,!]?\s+)?"
    r"(?:(?!(?:the|a|an|this|that|my|your|his|her|our|their|one|another|every|some|any|no)\b)"
    r"[a-z]+\s+)?"
    rf"({_PERSON_OR_PARENT})"
    r"(?:\s+(?:here|in (?:my|his|her) (?:early |mid |late )?\d0'?s|aged|living|from|based)\b"
    r"|,\s*\d{2}\b)",
    re.M,
)
# "as a guy I never get asked", "as a woman with MS": the writer's own sex.
_AS_A = re.compile(rf"\bas an? ({_PERSON_OR_PARENT})\b")
_NATION = r"(?:[a-z]+(?:ish|ian|an|ese|i)\s+)?"  # "I am Polish woman", "I'm an Indian man"
_SELF_DESCRIBED = re.compile(
    r"\b(?:i'?m|i am|im)\b"
    r"(?:(?!\b(?:to|with|for|by|like|than|about|of|my|her|his)\b)[^.;!?]){0,40}?"
    rf"\ba\s+(?:[a-z]+\s+){{0,2}}?({_SELF_FEMALE}|{_SELF_MALE})\b"
    # without the article, as writers of English as a second language say it: "I am unmarried
    # girl", "I'm married man"
    rf"|\b(?:i'?m|i am|im)\s+(?:[a-z]+\s+)?({_SELF_FEMALE}|{_SELF_MALE})\b(?!\s+of\s+(?:my|the))"
)


# The relatives a message may be written for, by the sex the word says (one list: the readers of
# who a message is about all take their words from it).
_RELATIVE_SEX = {sex: sex_words()[sex]["relative"] for sex in ("female", "male")}
_RELATIVE_MALE = "|".join(_RELATIVE_SEX["male"])
_RELATIVE_FEMALE = "|".join(_RELATIVE_SEX["female"])
# Who the person with MS is, when a relative writes: "the patient is my brother", "it's for my mum".
_PATIENT_IS = re.compile(
    r"\b(?:the patient|the person with (?:the )?ms|the one with (?:the )?ms|it'?s|this is|"
    r"writing|asking|typing)\s+(?:is\s+|for\s+)?my\s+"
    rf"({_RELATIVE_MALE}|{_RELATIVE_FEMALE})\b"
)


# A sex denied says nothing of it: "not a man, not a boy - a woman".
_SEX_DENIED = re.compile(
    r"\b(?:not|never)\s+(?:a\s+|an\s+)?(?:"
    + "|".join(_sex_words("female", "sex", "person") + _sex_words("male", "sex", "person"))
    + r")\b"
)


def parse_sex(text: str, requested: bool) -> str | Invalid | None:
    t = _SEX_DENIED.sub(" ", words_to_numbers(fold(text)))
    # asked, the answer said first is the answer, whatever follows ("Female. My husband and
    # both sons are the men of the house", "F - and NEDA since 2023")
    first = (
        re.match(r"\W*(female|male|woman|man|f|m)(?:\s*[.,;!:-]|\s*$)", t) if requested else None
    )
    if (
        first
        and not re.search(  # "Female — sorry, fat thumbs, MALE": taken back
            r"\b(?:sorry|wait|i mean|actually|oops|typo|thumbs|correction|not)\b", t[first.end() :]
        )
    ):
        return "female" if first.group(1) in ("female", "woman", "f") else "male"
    # (not a partner word: "trying for a baby with my wife" says nothing of the writer)
    female = rf"\b({_PERSON_OR_PARENT_OF['female']}|women|feminine|she|her)\b"
    male = rf"\b({_PERSON_OR_PARENT_OF['male']}|men|masculine|he|him)\b"
    # "I'm a woman", "I'm a 48 yr old woman", "I'm 45 and female"
    me = (
        r"\b(?:i'?m|i am|im)\s+(?:a\s+)?"
        r"(?:\d{2}\s*(?:-?\s*(?:years?|yrs?|y\.?o\.?|y/o)\b)?(?:[- ]?old)?"
        r"\s*(?:,|and)?\s*(?:a\s+)?)?"
    )
    strong_female = re.search(me + _NATION + rf"({_SELF_FEMALE})\b", t)
    strong_male = re.search(me + _NATION + rf"({_SELF_MALE})\b", t)
    if strong_female:
        return "female"
    if strong_male:
        return "male"
    described = _SELF_DESCRIBED.search(t) or _PARENT_OF.search(t)  # "a grandfather of five"
    if described:
        said = next(g for g in described.groups() if g)
        return "female" if re.fullmatch(_SELF_FEMALE, said) else "male"
    title = _TITLE_OF_PATIENT.search(t) or _OWN_TITLE.search(t)
    if title:
        return "male" if next(g for g in title.groups() if g) == "mr" else "female"
    pronouns = _PRONOUNS.search(t)
    if pronouns:
        return "female" if pronouns.group(1).startswith("she") else "male"
    head = _HEAD_OF_SENTENCE.search(t) or _AS_A.search(t)
    if head:
        return "female" if re.fullmatch(_SELF_FEMALE, head.group(1)) else "male"
    listed = _SEX_ITEM.search(t)
    if listed and not (
        listed.group(2) in ("m", "f")
        and _DISTANCE_BEFORE.search(t[max(0, listed.start() - 20) : listed.start()])
    ):  # "52, female, RRMS", "34F", "60 year old man with PPMS"; not "walk 50 m"
        word = (listed.group(1) or listed.group(2)).lower()
        return "female" if word in _ITEM_FEMALE else "male"
    if not requested:
        return None
    if re.search(r"\b(non[- ]?binary|prefer not|rather not|other|intersex|trans)\b", t):
        return Invalid("sex_other")
    patient = _PATIENT_IS.search(t)  # "the patient is my brother, I'm his sister"
    if patient:
        return "male" if re.fullmatch(_RELATIVE_MALE, patient.group(1)) else "female"
    if re.search(r"\b(?:my|our)\s+(?:\w+\s+)?(?:" + _RELATIVE_WORDS + r")\b", t):
        # "my wife fills these in, she's the one who told me": the pronouns are the other one's
        t = re.sub(r"\b(?:she|her|he|him)\b(?:'s)?", " ", t)
    if re.fullmatch(r"\W*f\W*", t) or (
        re.search(female, t) and not re.search(male, t.replace("female", ""))
    ):
        return "female"
    if (
        re.fullmatch(r"\W*m\W*", t)
        or re.search(r"^\W*(?:mail|mael)\b", t)
        or re.search(male, t.replace("female", "").replace("woman", ""))
    ):
        return "male"
    return None


# ---------------------------------------------------------------------------- MS type

_SUBTYPE_PHRASES = [
    (
        "PPMS",
        r"\bprogressive (kind |type |one |form )?(from|since) (the )?"
        r"(start|beginning|onset|first day)|"
        r"\bprimary[- ]?progressive|\bppms\b|\bpp[- ]ms\b|\bprogressive[- ]relapsing|\bprms\b|"
        # as written by people whose MS was named in Spanish, Italian, Portuguese, German, French
        r"\bprimaria[- ]progres+iv\w*|\bprim[a]?r[- ]progredient|"
        r"\bprogressive primaire\b|\bprimaire(?:ment)?[- ]progressive\b|"
        r"\b(?:type|form|kind)\s*[:=-]?\s*pp\b|\bpp\s+(?:type|form|kind)\b",  # "type PP"
    ),
    (
        "SPMS",
        r"\bsecondary[- ]?progressive|\bspms\b|\bsp[- ]ms\b|\bsecondary\b|"
        r"\bsecundaria[- ]progres+iv\w*|\bsecondaria[- ]progres+iv\w*|\bsekund[a]?r[- ]progredient|"
        r"\bprogressive secondaire\b|\bsecondaire(?:ment)?[- ]progressive\b|"
        r"\b(?:type|form|kind)\s*[:=-]?\s*sp\b|\bsp\s+(?:type|form|kind)\b",  # "type SP"
    ),
    (
        "RRMS",
        r"\brelaps\w*[- /]+(and[- ])?remit\w*|\bremit\w*[- /]+relaps\w*|\brrms\b|\brr[- ]ms\b|"
        r"\brelapsing\b|\brms\b|"
        r"\bremit\w*[- ]recurrente|\brecurrente[- ]remit\w*|\brecidivante[- ]remit\w*|"
        r"\bremit\w*[- ]recidivante|\bremit\w*[- ]recorrente|\bschubformig\b|"
        r"\b(?:surto|brote)s?[- ]remis\w*|"  # "EM surto-remissão", "brote-remisión"
        r"\b(?:ms|sm|em)\s+remit\w*|"  # "SEP rémittente": MS by its French name, then its course
        r"\b(?:type|form|kind)\s*[:=-]?\s*rr\b|\brr\s+(?:type|form|kind)\b",  # "type RR"
    ),
    (
        "CIS",
        r"\bclinically isolated|\bclinical isolated|\bcis\b|\bfirst (attack|episode|demyelinating)",
    ),
    ("RIS", r"\bradiologically isolated|\bris\b|\bfound on (an )?mri\b"),
]


_RELATIVE_WORDS = "|".join(w for ws in _RELATIVE_SEX.values() for w in ws)
# People other than relatives a message may speak of ("a colleague of mine is on Tecfidera").
_OTHER_PEOPLE = r"friend|partner|cousin|neighbou?r|colleague|co-?worker|classmate|mate"
_KIN_ADJECTIVES = (
    "younger|older|little|big|elder|eldest|youngest|twin|best|late|step|teenage|teen|adult|grown|"
    # "my 18 year old son", "my 16yo daughter"
    r"\d{1,2}[- ]?(?:years?|yrs?)[- ]old|\d{1,2}\s*(?:yo|y/o)"
)


# Words that speak of someone other than the writer: "my sister has MS too, she's 44".
_OTHERS_SPOKEN_OF = re.compile(
    rf"\b(?:my|his|her|our)\s+(?:(?:{_KIN_ADJECTIVES})\s+)?(?:{_RELATIVE_WORDS}|{_OTHER_PEOPLE})"
    r"\b|\b(?:she|he|they)(?:'s|'re|'d|'ll)?\b",
    re.I,
)


def speaks_of_others(text: str) -> bool:
    """Whether ``text`` speaks of another person (a relative, a friend, "she", "he")."""
    return _OTHERS_SPOKEN_OF.search(text) is not None


# Someone else as the one a clause is about ("my sister has RRMS"), not as an object
# ("breastfeeding my son").
_OTHER_PERSON = re.compile(
    # "someone on the forum said ...", "friend from my support group is pregnant"
    r"(?:^|(?<=[.;,!?:]\s)|\b(?:a|one|my|our)\s+)(?:someone|somebody|friend|colleague|"
    r"woman|man|lady|guy)\s+(?:from|on|in|at)\s+(?:my|the|our|a)\s+[\w-]+(?:\s+group)?"
    r"(?=\s+(?:is|has|had|was|said|says|takes|took)\b)|"
    rf"\b(my|his|her|our) (?:(?:{_KIN_ADJECTIVES})\s+)?"
    rf"({_RELATIVE_WORDS}|partner|friend|cousin|neighbou?r)(?:-in-law|s-in-law)?\b"
    r"(?=\s*(?:\(|,|'s\b|is\b|has\b|had\b|"
    r"was\b|takes\b|took\b|also\b|too\b|who\b|got\b|gets\b|lives\b|suffers\b|and\b|"
    r"with\b|does\b|did\b|uses\b|used\b|tried\b|started\b|just\b|was\b|on\b|$|"
    r"\d{2}\b(?!\s*(?:years?|yrs?)\s+ago)))"  # "me 36, my husband 41"
    r"|\b(he|she)(?:'s| is| has| was| takes)\b",
    re.I,
)
# Someone named by first name as the one a clause is about ("Maria is 8 months pregnant,
# Sunita is breastfeeding twins, and me - neither"), unless the name is a word the readers know.
_NAMED_SUBJECT = re.compile(
    # mid-sentence, where a capital is a name's ("..., Sunita is breastfeeding twins"); not a
    # sentence's first word ("Never had", "Baby is 18 months")
    r"(?:(?<=,\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bwhile\s))([A-Z][a-z]{2,12})\s+"
    r"(?:is|was|has|had|takes|took|uses|gets|got)\b"
)
# ... and after a colon, where a sentence may start too, only with a fact of theirs after the
# verb: "comparing notes: Maria is 8 months pregnant", not "Update: Walking is harder".
_NAMED_AFTER_COLON = re.compile(
    r"(?<=:\s)([A-Z][a-z]{2,12})\s+(?:is|was|has|had|takes|took|gets|got)\s+(?:\d+\s+\w+\s+)?"
    r"(?=pregnant|breast|nursing|on\b|taking|diagnosed|relaps)"
)
_NO_FIRST_NAMES = frozenset(
    "she he it this that there here mine ours theirs what which who everything nothing one "
    "monday tuesday wednesday thursday friday saturday sunday edss mri ms rrms spms ppms cis "
    "relapse relapses treatment steroids age sex diagnosis today yesterday life work".split()
) | {m.lower() for m in MONTH_NAMES}


@functools.lru_cache(maxsize=1)
def _drug_words() -> frozenset[str]:
    """Every word of every way the lexicon writes a medicine ("ocrevus", "tecfidera")."""
    lex = load_lexicon()
    return frozenset(
        w
        for d in (*lex.drugs.values(), *lex.other_medicines.values())
        for spelling in d.spellings
        for w in spelling.lower().split()
    )


def _named_people(text: str) -> list[int]:
    """Where a person named by first name opens a clause about them ("..., Sunita is
    breastfeeding twins"), in ``text``."""
    return [
        m.start(1)
        for m in (*_NAMED_SUBJECT.finditer(text), *_NAMED_AFTER_COLON.finditer(text))
        if m.group(1).lower() not in _NO_FIRST_NAMES
        and m.group(1).lower() not in _drug_words()
        and load_lexicon().country(m.group(1)) is None
    ]


def _clauses_naming(text: str, clauses: list[str]) -> list[bool]:
    """For each clause (in order, as split from ``text``), whether a named person opens it."""
    named, out, at = _named_people(text), [], 0
    for c in clauses:
        start = text.find(c, at)
        start = at if start < 0 else start
        out.append(any(start <= n < start + len(c) for n in named))
        at = start + len(c)
    return out


_FIRST_PERSON = re.compile(r"\b(i|i'?m|im|i'?ve|ive|i'?d|i'?ll|me|my own|myself|mine)\b", re.I)
_SUBJECT_I = re.compile(r"\b(i|i'?m|im|i'?ve|ive)\b", re.I)
# A label that says whose facts follow: "Him: PPMS, 58", "Wife: 43"; "Me: RRMS, 53".
# A clinic form's family history ("FHx: mum has SPMS, on Mayzent") is the relatives' too.
_THEIR_LABEL = re.compile(
    rf"\W*(?:him|her|he|she|them|(?:my\s+)?(?:{_RELATIVE_WORDS})|fhx|fh|family\s+(?:history|hx))"
    r"\s*:",
    re.I,
)
# The form's own lines ("Age: 29", "Dx: RRMS"): the profile of the one it is about.
_FORM_LINE = re.compile(r"(?:^|\W)(?:age|sex|gender|dx|diagnosis|dmt|edss)\s*:\s*\w", re.I)
_MY_LABEL = re.compile(r"\W*(?:me|myself|i|mine)\s*:", re.I)
# An age heading the writer's own items after their label: "Me: 57, SPMS", "As for me: 63,".
# The writer's own label before their items: "Me:", "As for me:", "About me:".
_ME_LABEL = r"(?:me|as for me|about me|myself)\s*:"
_MY_LABEL_AGE = re.compile(
    r"(?:^|[.;!?\n]\s*)(?:anyway\W+)?" + _ME_LABEL + r"\s*(\d{2})"
    r"(?:\s*(?:y/?o|yo|yrs?|years?(?: old)?))?\s*(?=[,;.]|$|\s+(?:[mf]|male|female)\b)",
    re.I,
)
_NO_MS = re.compile(
    r"\b(?:no|not|don'?t have|do not have|without)\s+(?:ms|multiple sclerosis)\b", re.I
)
# The writer describing themselves without "I": "45 year old male", "30/F", "27 y/o F".
_SELF_PROFILE = re.compile(
    r"\b\d{1,2}\s*(?:y/?o|yo|-?years?[- ]old|yrs? old)?\s*[,/]?\s*"
    r"(?:male|female|man|woman|guy|girl|lady|bloke|m|f)\b",
    re.I,
)
# The relation a writer can have to the patient: "I'm her son", "I'm his wife".
_WRITER_KIN = rf"{_RELATIVE_WORDS}|partner|fianc[eé]e?|child|kid"
_PROXY = re.compile(
    r"\b(asking|writing|looking|searching|enquiring|inquiring) (for|on behalf of|regarding|about) "
    r"(?:one of )?(her|him|them|my)\b|\bon behalf of\b|"
    r"\basked me to (check|look|ask|write|find|search)\b|"  # "my wife ... asked me to check"
    r"\b(check|look|search)\w* (for|on behalf of) (her|him)\b|"
    r"\b(asking|looking|searching)\b[^.?!]{0,40}\bfor (my|our) \w+|"  # "trials for my brother"
    r"\b(asking|looking|searching)\b[^.?!]{0,40}\bfor (her|him)\b|\bi write for (her|him)\b|"
    r"\bcan (my|our) \w+ (join|take part|participate|apply|enrol\w*|be in)\b|"
    r"\b(i'?m|i am|im) (his|her|their|the) (carer|caregiver|care giver)\b|"
    # "I'm typing for her", "filling this in for him", "I'm her son, handling her paperwork"
    r"\b(typing|filling (?:this |it )?(?:in|out)|doing this|helping) (?:this )?(for|on behalf of) "
    r"(her|him|them|(?:my|our) (?:\w+ )?(?:friend|partner|neighbou?r|colleague|mate))\b|"
    r"\bhelping (my|our) \w+ (?:\([^()]{0,20}\) )?(fill|do|with)\b|"
    # "my partner can't use his hands ... so I'm typing"
    r"\b(?:so|and) (?:i'?m|i am|im) (?:the one )?(?:typing|writing)(?: (?:this|it))?\W*$|"
    r"\b(?:so|and) (?:i'?m|i am|im) (?:the one )?(?:typing|writing)(?: (?:this|it))?(?=[.;!?])|"
    rf"\b(i'?m|i am|im) (his|her|their) ({_WRITER_KIN})\b|"
    r"\bhandling (his|her|their) (paperwork|forms|appointments)\b|"
    # "information about trials for my husband", "the carer for my mother"
    # (not "for my husband's 60th": his birthday, not him)
    rf"\b(for|about) (my|our) (?:(?:{_KIN_ADJECTIVES})\s+)?({_RELATIVE_WORDS})\b(?!'s|s'|\u2019s)|"
    r"\bnot the one with (ms|it|the ms)\b",  # "I'm 38 and pregnant (not the one with MS)"
    re.I,
)
_UNSURE_TYPE = re.compile(
    r"\b(not confirmed|unconfirmed|not sure (if|whether)|might be|maybe|possibly|probably|"
    r"suspected|they think|thinks it'?s|not yet (confirmed|diagnosed))\b",
    re.I,
)
# A course said to be unconfirmed, even as the answer to the question: "probably SPMS now,
# nobody has said so though".
_UNCONFIRMED_TYPE = re.compile(
    r"\b(?:nobody|no one|no doctor|noone) (?:has |have )?(?:actually |officially |ever )?"
    r"(?:said|confirmed|told me|diagnosed)\b|\bnot (?:officially |yet )?(?:confirmed|diagnosed)\b|"
    # "maybe ppms? they're not sure, waiting on a second opinion"
    r"\b(?:they'?re|they are|the doctors? (?:is|are)|neuro(?:logist)? is) not (?:yet )?sure\b|"
    r"\bsecond opinion\b",
    re.I,
)


# A clause about the writer's own MS that names someone else in passing: "My last relapse was
# when my daughter was born", "They diagnosed me the year my daughter got married".
_MY_OWN_FACT = re.compile(
    r"^\W*(?:and |but |so )?my (?:own )?(?:last |first |latest )?(?:ms|diagnosis|relapses?|edss|"
    r"attack|flare)\b|\bdiagnos(?:ed|ing) me\b",
    re.I,
)


# The writer's own treatment set apart from the patient's: "I'm the one on Ocrevus", "I'm the
# one Tecfidera failed" (not "I'm the one with MS", which makes the writer the patient).
_SET_APART = re.compile(
    r"(?:^|(?<=[.;,!?])\s*|\b(?:but|and)\s+)(?:i'?m|i am|im) the one "
    # ("I'm the one with RRMS on Ocrevus": the writer's own MS too)
    r"(?:(?:who(?:'s| is)?|that(?:'s| is)?)\s+)?(?:with\s+(?:\w+\s+){1,3}?)?"
    r"(?:(?:on|taking|using|who takes)\s+(?!ms\b)\w+|"
    r"\w+ (?:failed|didn'?t work|did not work|stopped working))\b[^.;!?]*",
    re.I,
)


def sets_own_facts_apart(text: str) -> bool:
    """Whether a "Me:" label heads the writer's own facts beside someone else's."""
    return any(_MY_LABEL.match(c) for c in re.split(r"(?<=[.;!?\n])\s*|\s+[-–—]\s+", text))


# A clause that tells someone's MS or age: "she's 71 now", "My mum has had MS for 30 years".
_THEIR_FACT = re.compile(
    r"\b(?:ms|rrms|spms|ppms|edss|relaps\w*|progressive|multiple sclerosis)\b|(?<![\d.])\d{1,2}\b"
    r"(?![\d.])",
    re.I,
)


def own_words(text: str, replying: bool = False) -> str:
    """The message without the clauses about someone else, when the writer also speaks of
    themselves ("My sister has RRMS, I was diagnosed with PPMS" -> "I was diagnosed with PPMS").
    A message only about another person (written for them) is kept whole."""
    apart = _SET_APART.sub(" ", text)
    if apart != text and _OTHER_PERSON.search(apart):
        # "he's on nothing, I'm the one on Ocrevus": the writer sets their own drug apart from
        # the patient's; the rest is about the patient
        text = apart
    if (
        _PROXY.search(text)
        or _written_for(text, _relative_named(text), replying)
        or (not _relative_named(text) and _cared_for(text, replying) is not None)
    ):
        # "I'm asking for her", "Wife has MS, she's 39": the patient is the other, but not a
        # third person said of beside them
        return _without_other_kin(text)

    # "A friend (she's 50, SPMS) told me ...": a bracket about someone else is theirs, whole;
    # so is one right after a clause about them ("My husband has MS too (SPMS, EDSS 6), but")
    def bracket(m: re.Match) -> str:
        before = re.split(r"[.;!?,]", text[: m.start()])[-1]
        other = _OTHER_PERSON.search(m.group(0)) or (
            _OTHER_PERSON.search(before) and not _SUBJECT_I.search(before)
        )
        return " " if other else m.group(0)

    text = _THEIRS_IN_BRACKETS.sub(" ", text)  # "Ocrevus (my husband's, not mine)": his drug
    text = re.sub(r"\([^()]*\)", bracket, text)
    # "My girlfriend is pregnant and I have MS": "and I ..." opens the writer's own clause
    clauses = re.split(
        # "... pregnant with our first - I'm the one with MS": a spaced dash ends a clause too
        r"(?<=[.;,!?])\s+|\s+[-–—]\s+|\s+(?=\bbut\b)|"
        r"\s+(?=\b(?:and|while|whereas|so)\s+(?:i|i'?m|im|i'?ve)\b)",
        text,
        flags=re.I,
    )
    theirs = [
        bool(_OTHER_PERSON.search(c) or named)
        and not _SUBJECT_I.search(c)
        and not _MY_OWN_FACT.search(c)
        for c, named in zip(clauses, _clauses_naming(text, clauses))
    ]
    label = label_seen = False  # "Him: PPMS, 58. Me: RRMS, 53": a label heads its sentence
    mine_denied = any(  # the sentence a "Me:" label heads says the writer has no MS
        _MY_LABEL.match(c) and _NO_MS.search(c) for c in re.split(r"(?<=[.;!?])\s+", text)
    )
    for i, c in enumerate(clauses if not mine_denied else ()):  # "Me: 45, no MS. Him: ..."
        if _THEIR_LABEL.match(c):
            label = label_seen = True
        elif _MY_LABEL.match(c):
            label = False
        theirs[i] = theirs[i] or label
        if c.rstrip().endswith((".", "!", "?", ";")):
            label = False
    # "My sister has MS too - she's 44, SPMS, on Mayzent, lives in Hamburg. Me: 39, ...": where
    # a "Me:" label sets the writer's own facts apart, their sentence's bare items are theirs
    my_label = any(_MY_LABEL.match(c) for c in clauses)
    # the writer tells MS facts or an age of their own ("I'm 44, on Kesimpta"): then the facts
    # left after someone else's are theirs too, not the writer's (not "I'm a widower raising my
    # daughter, she's 18 now, diagnosed RRMS at 16": a message about her)
    writer_facts = not _NO_MS.search(text) and any(
        _SUBJECT_I.search(c) and _THEIR_FACT.search(c) and not other
        for c, other in zip(clauses, theirs)
    )
    for i in range(1, len(clauses)):
        # "my aunt has ms too, shes on tisabri": the clause that goes on with she or he is theirs
        if theirs[i - 1] and not clauses[i - 1].rstrip().endswith((".", "!", "?")):
            if re.match(r"\W*(?:she|he|shes|hes|she'?s|he'?s|they|they'?re)\b", clauses[i], re.I):
                theirs[i] = True
            elif my_label and not _FIRST_PERSON.search(clauses[i]):
                theirs[i] = True
            # "she's 71 now, EDSS 7.5 and on nothing": the sentence goes on about them until
            # the writer speaks of themselves or gives their own profile ("..., 45 F here");
            # only after a clause of their MS or age (not "my son was born in May 2024,
            # restarted Ocrevus ...": the writer's own, the "I" left out)
            elif (
                writer_facts
                and _THEIR_FACT.search(clauses[i - 1])
                and not (
                    _FIRST_PERSON.search(clauses[i])
                    or _MY_OWN_FACT.search(clauses[i])
                    or _SELF_PROFILE.search(clauses[i])
                )
            ):
                theirs[i] = True
    mine = [c for c, other in zip(clauses, theirs) if not other]
    if len(mine) < len(clauses) and (
        any(_FIRST_PERSON.search(c) for c in mine)
        or _SELF_PROFILE.search(" ".join(mine))  # "35, male, no treatment": one item a clause
        or (label_seen and _FORM_LINE.search(" ".join(mine)))  # "Age: 29 ... FHx: mum has SPMS"
        # "2016. My husband was diagnosed 2010 but that's him": the bare answer is the writer's
        or (mine and re.fullmatch(r"\W*[\d./-]+\W*", mine[0]) and _NOT_THE_WRITERS.search(text))
    ):
        return " ".join(mine)
    return text


_RELATIVE = re.compile(rf"\b(?:my|our) (?:(?:{_KIN_ADJECTIVES})\s+)?({_RELATIVE_WORDS})\b", re.I)
# A word, then a bracket that gives it to someone else: "Ocrevus (my husband's, not mine)".
_THEIRS_IN_BRACKETS = re.compile(
    rf"[\w-]+\s*\(\s*(?:my|our|his|her)\s+(?:(?:{_KIN_ADJECTIVES})\s+)?"
    rf"(?:{_RELATIVE_WORDS}|{_OTHER_PEOPLE})(?:'s|s')(?=\W)"
    r"(?!\s+(?:\w+\s+)?(?:idea|choice|advice|suggestion|pick|doing))"
    # (not "Ocrevus (my husband's too)": the writer's as well)
    r"(?![^()]*\b(?:too|as well|also|same)\b)[^()]*\)",
    re.I,
)
# In a message written for someone else, the writer's own facts: "I have RRMS myself (I'm on
# Kesimpta) but this is about my sister", "I'm 38 and pregnant (not the one with MS)".
_WRITER_ONLY = re.compile(
    r"\b(myself|my own|not the one with|i also have|me too|i have ms too|i have it too|"
    r"i don'?t have (ms|it))\b|^\W*me\s*:|(?:^|[,:])\s*no ms\s*(?=[,.;]|$)|"
    # "me 40 m", "me: 40": the writer's own age and sex beside the patient's
    r"^\W*me\s+\d{1,3}\s*(?:[mf]|male|female)?\W*$|"
    rf"\b(i'?m|i am|im) (his|her|their|the) ({_WRITER_KIN})\b|\(not me\b",
    re.I,
)


def _greeting_line(before: str) -> bool:
    """Whether ``before`` is only a short first line or sentence ("namaste ji", "Hello from
    Lima."; a line break reaches the readers as a full stop)."""
    return (
        re.fullmatch(r"\W*(?:[^\W\d]+\s+){0,3}[^\W\d]+\s*[.!\n]\s*", before) is not None
        and fold(before).split()[0].strip(",.!") in greeting_openers()
    )


def _relative_named(text: str) -> re.Match | None:
    """The first relative named ("my wife", or "Wife has MS" opening a sentence)."""
    return _RELATIVE.search(text) or _BARE_RELATIVE.search(text)


# A fact said to be the other person's, not the writer's: "My husband was diagnosed 2010 but
# that's him".
_NOT_THE_WRITERS = re.compile(
    r"\bbut that'?s (?:him|her|them|his|hers)\b"
    r"|\b(?:that|those) (?:is|are|was|were) (?:his|hers)\b",
    re.I,
)


# The writer's own MS told in passing: "I have MS too", "I'm 48 and also have MS myself".
_WRITER_ASIDE = re.compile(
    r"\b(?:i|i'?ve|ive)\s+(?:also\s+)?(?:have|got)\s+(?:ms|it)\s+(?:too|myself|as well)\b|"
    r"\balso have (?:ms|it)(?:\s+myself)?\b",
    re.I,
)


# A life event told of a relative: "my daughter was born in 2023", "my son got married".
_LIFE_EVENT_AFTER = re.compile(
    r"\W{0,3}(?:\w+\W{1,3}){0,2}?(?:was|were|got|just got)?\s*(?:born|married|arrived|"
    r"started school|graduated|came along)\b",
    re.I,
)


def _written_for(text: str, relative: re.Match | None, replying: bool = False) -> bool:
    """Whether the message is written for ``relative`` (see _relative_named), not by the patient
    (or by both): asked for them, opening with them and no "I", or giving their MS facts while
    the writer tells none of their own. ``replying``: the message answers a question of the
    screening, so a writer who answers as "I" ("I'm in Ireland but my sister with MS is in
    Canada") is still the patient who has been answering."""
    if relative is None or _NOT_THE_WRITERS.search(text):
        return False
    if _LIFE_EVENT_AFTER.match(text, relative.end()):
        # "before my daughter was born in 2023, RRMS, 36": a life event that dates the
        # writer's own story; the relative is not the patient
        return False
    opens = (
        re.match(
            r"\W*(?:(?:hi|hello|hey|sir|madam|dear \w+|respected \w+|good (?:morning|afternoon|"
            r"evening|day))\W+)*(?:my|our) \w+",
            text,
            re.I,
        )
        # "namaste ji\nmy mother age 62": a greeting line, then the relative
        or _greeting_line(text[: relative.start()])
    )  # "My daughter (24) was just diagnosed"
    if (
        _PROXY.search(text)
        or (opens and not _FIRST_PERSON.search(_RELATIVE.sub(" ", text)))
        # "My son was just diagnosed with RRMS ... I have MS too and take Tecfidera": the
        # message is the son's; the writer's own MS is told as an aside
        or (opens and _RELATIVE_HAS_MS.search(text) and _WRITER_ASIDE.search(text))
        or (
            not _WRITER_HAS_MS.search(text)
            and not (replying and _SUBJECT_I.search(_RELATIVE.sub(" ", text)))
            # "45 year old male, treatment naive. My wife is 43": the writer's own profile first
            and not _SELF_PROFILE.search(text[: relative.start()])
            and (
                _RELATIVE_HAS_MS.search(text)
                or (_RELATIVE_AGED.search(text) and _THIRD_PERSON_MS.search(text))
            )
        )
    ):
        return True
    return False


# Someone the writer looks after who is no relative, and the sex the words say where they
# say one: "my client", "the patient", "a lady I look after", "I also care for a gentleman".
_CARED_FOR_SEX = {sex: "|".join(_sex_words(sex, "person")) for sex in ("female", "male")}
_CARED_NOUN = "|".join(_CARED_FOR_SEX.values()) + "|person"
_CARE_VERB = r"(?:look after|looks after|care for|support|work with|help|nurse|visit)"
_CARED_FOR = re.compile(
    r"(?<!i'm )(?<!i am )(?<!im )\b(?:my|our|the) (?:ms )?(?:patient|client|service user|"
    r"resident|care recipient)\b"
    r"(?:,? (?:(?:who|that) )?(?:i'?m|i am|we'?re) (?:enquiring|inquiring|asking|writing) "
    r"(?:for|about))?"
    # "asking for one of my patients": one of many
    r"|\bone of (?:my|our|the) (?:ms )?(?:patients|clients|service users|residents)\b"
    rf"|\b(?:an?|the|one) (?:(?:older|elderly|young|lovely) )?({_CARED_NOUN}) "
    rf"(?:(?:who|that) )?(?:i|we) (?:also )?{_CARE_VERB}\b"
    rf"|(?<=\bi )(?:also )?{_CARE_VERB} (?:an?|the) (?:(?:older|elderly|young) )?"
    rf"({_CARED_NOUN})\b",
    re.I,
)
_CARED_FOR_CLAUSE = re.compile(rf"(?:{_CARED_FOR.pattern})[^.!?\n]*", re.I)
# No noun at all, but the MS facts are said of "she" or "he" while the writer's own are not
# ("I'm 52 and a man, so bear with me. She's 47, has had relapsing remitting MS since 2013").
_SOMEONE_NAMED = re.compile(
    rf"\b(?:my|our|his|her|the) (?:\w+ )?(?:{_RELATIVE_WORDS}|{_OTHER_PEOPLE}|youngest|eldest|"
    r"oldest|"
    r"kids?|child|children|baby|neuro\w*|doctor|nurse|consultant|gp|specialist)\b",
    re.I,
)
_THIRD_PERSON_PATIENT = re.compile(
    r"\b(she|he)(?:'s| is) (?:only |just |now )?\d{1,2}\b(?!\s*(?:mg|months?|weeks?|days?|%|/))"
    r"|\b(she|he) (?:has|had|'s had|has had|was diagnosed|got|'s got)\b[^.;!?\n]{0,25}\b"
    r"(?:ms|rrms|spms|ppms|relapsing|progressive|multiple sclerosis)\b"
    r"|\b(her|his) (?:ms|edss|last relapse|diagnosis|last score|edss score)\b",
    re.I,
)


def _cared_for(text: str, replying: bool = False) -> tuple[re.Match | None, str | None] | None:
    """Whether the message is written for someone the writer looks after who is no relative:
    the phrase that names them (None for a bare "she" or "he") and their sex where the words
    or the pronouns say it; None when the message is the writer's own."""
    # the writer's words without the clause that speaks of the one they look after
    writers = _CARED_FOR_CLAUSE.sub(" ", _without_writer(text))
    if _WRITER_HAS_MS.search(writers) and not _PROXY.search(text):
        return None  # "I have RRMS and also care for a lady with PPMS": the writer's own
    named = _CARED_FOR.search(text)
    if named is None and (
        # "my youngest, she's 10 now", "my partner ... he's 44"; not "my partner can't use his
        # hands, so I'm typing. he's 41": the writer says they write for them
        (_SOMEONE_NAMED.search(text) and not _PROXY.search(text))
        or not (_THIRD_PERSON_MS.search(text) or (replying and _THIRD_PERSON_PATIENT.search(text)))
    ):
        return None
    noun = named and (named.group(1) or named.group(2) or "").lower()
    sex = next((k for k, ws in _CARED_FOR_SEX.items() if noun and noun in ws.split("|")), None)
    if sex is None:
        she = re.search(r"\b(?:she|her|hers|herself)\b", text, re.I)
        he = re.search(r"\b(?:he|him|his|himself)\b", text, re.I)
        sex = "female" if she and not he else "male" if he and not she else None
    return named, sex


def as_patient(text: str, replying: bool = False) -> tuple[str, str | None]:
    """A message written for someone else, put in the patient's own words, and the patient's sex
    when the relation says it: "I'm writing for my wife. she is 47" -> ("... I am 47", "female");
    "My daughter (24) was just diagnosed ... She's not on anything" -> "I (age 24) ... I'm not on
    anything". A message about the writer (or about both) is returned unchanged, with no sex."""
    relative = _relative_named(text)
    for_them = _written_for(text, relative, replying)
    writer = _WRITER_IS_KIN.search(text)
    if not relative and writer:
        # "she's 33, I'm her husband (38)", "mum is sixty eight, I'm her son": no "my ...", but
        # the writer says whose relative they are; the patient is "her" or "him"
        bare = re.search(rf"^\W*({_RELATIVE_WORDS})\b", text, re.I)
        return _in_patient_words(
            text,
            bare.group(1).lower() if bare else "",
            "female" if writer.group(1).lower() == "her" else "male",
        )
    if not relative and not writer:
        cared = _cared_for(text, replying)
        if cared is not None:  # "My client is 58", "A lady I look after has SPMS, she's 61"
            named, sex = cared
            if named is not None:
                text = text[: named.start()] + "my client" + text[named.end() :]
            text = _without_writer(text)
            t, _ = _in_patient_words(text, "client", sex or "", they=sex is None)
            return t, sex
    if not relative or not for_them:
        return text, None
    text = _without_writer(text)
    relative = _RELATIVE.search(text) or relative
    word = relative.group(1).lower()
    return _in_patient_words(text, word, next(k for k, ws in _RELATIVE_SEX.items() if word in ws))


def _without_other_kin(text: str) -> str:
    """A message written for one relative without the sentences about another one ("for my
    dad, 70, PPMS ... My sister also has MS (RRMS, on Ocrevus) but she's not looking")."""
    patient = _relative_named(text)
    if patient is None:
        return text
    word = patient.group(1).lower()
    kept = []
    for sentence in re.split(r"(?<=[.;!?])\s+", text):
        other = _OTHER_PERSON.search(sentence)
        kin = other and other.group(2) and other.group(2).lower()
        if (
            kin
            and kin != word
            and other.start() < 3 + len(re.match(r"\W*(?:and |also |plus |oh and )?", sentence)[0])
            and not re.search(rf"\b{re.escape(word)}\b", sentence, re.I)
        ):
            continue  # the sentence opens on someone else: their facts, not the patient's
        kept.append(sentence)
    return " ".join(kept) if kept else text


# Someone who is not the writer's clinician: a relative, a friend, a lady from the group.
_LAY_PERSON = (
    rf"\b(?:my|his|her|our|a|the|some)\s+(?:(?:{_KIN_ADJECTIVES})\s+)?(?:[\w-]+\s+)?"
    rf"(?:{_RELATIVE_WORDS}|{_OTHER_PEOPLE}|boss|manager|lady|guy|bloke|woman|man|someone|"
    r"people|group|forum|bot|chatbot|app|system|form)\b"
)
# What such a person reckons of the writer ("My husband is convinced I'm secondary progressive",
# "a lady from my support group reckons my EDSS must be about 6"), to the end of its clause.
_LAY_OPINION = re.compile(
    _LAY_PERSON + r"(?:[^.;,!?\n]{0,40}?)\s(?:reckons?|thinks?|is convinced|are convinced|"
    r"believes?|says?|said|counts?|guesses|swears|insists|keeps saying|is sure|was sure)\b"
    # (not what they told the writer to do: "my husband says I should ask", "mum said to msg")
    r"(?!\s+(?:to\b|(?:i|we|you)\s+(?:should|must|ought|could|need|have to|can|might)\b))"
    r"(?:(?!\s(?:but|though|whereas|while)\s|\s[-\u2013\u2014]+\s)[^.;,!?\n])*",
    re.I,
)
# A word of an MS fact: a course, a score, a relapse, a number.
_MS_FACT_WORD = re.compile(
    r"\b(?:ms|rrms|spms|ppms|cis|progressive|relapsing|remitting|edss|relaps\w*|attacks?|flares?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|pregnan\w*|breast ?feed\w*|nursing)\b|\d",
    re.I,
)
# Someone else's own facts in brackets after them: "My boss (62, also has MS, on Ocrevus)".
_LAY_BRACKET = re.compile(_LAY_PERSON + r"\s*(\([^()]*\))", re.I)


def without_lay_opinions(text: str) -> str:
    """The message without what a relative, friend or group member reckons of the writer, and
    without the bracket of another person's own facts: a lay verdict sets no fact (the
    writer's clinician's word does), in a message written by the patient."""
    if _written_for(text, _relative_named(text)):
        return text
    text = _LAY_BRACKET.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + " ", text)
    # only a verdict on the writer's MS ("My wife says I'm a typical man" is a joke, kept)
    return _LAY_OPINION.sub(lambda m: " " if _MS_FACT_WORD.search(m.group(0)) else m.group(0), text)


def _without_writer(text: str) -> str:
    """A message written for someone else without the sentences, and the clauses the writer
    opens about themselves, that tell the writer's own facts ("my dad (63) has spms, i'm 30
    and just got diagnosed myself"; "I have MS myself (on Copaxone) and I also care for ...")."""
    parts = re.split(
        r"(?<=[.;!?])\s+|\s+(?=\bbut\b)|,\s+(?=(?:i'?m|i am|im|i have|i'?ve|i got|me)\b)|"
        # "I have MS too and take Tecfidera, he's not on anything yet": back to the patient
        r",\s+(?=(?:he|she)(?:'s|\s+is|\s+has|\s+was)\b)|"
        r"\s+(?=\band (?:i|i'?m|im|i also|i'?ve)\b)",
        text,
        flags=re.I,
    )
    if any(_WRITER_ONLY.search(p) for p in parts) and not all(
        _WRITER_ONLY.search(p) for p in parts
    ):
        kept: list[str] = []
        for p in parts:
            if not _WRITER_ONLY.search(p):
                kept.append(p)
            elif kept and not kept[-1].rstrip().endswith((".", ";", "!", "?", ",")):
                kept[-1] = kept[-1].rstrip() + ";"  # "I'm 49 [and I've got lupus myself]."
        return " ".join(kept)
    return text


# A first name after the relative word ("my son Liam is 16"): capitalised, whatever the flags,
# so "my son has 2 relapses" gives no name and no age.
_FIRST_NAME = r"(?-i:[A-Z][a-z]+)"
# The words after an age: "23 years", "62 yrs", "58 y/o", "28 anos".
_AGE_UNIT = r"(?:years?|yrs?|y/?o|yo|anos|años)"
# A relative who opens a sentence without "my": "Wife has MS", "Husband is 47".
_BARE_RELATIVE = re.compile(
    rf"(?:^|[.!?\n]\s*)({_RELATIVE_WORDS})\b(?=\s+(?:has|is|'s|was|got|had)\b)", re.I
)
# A relative the message gives MS facts of: "my daughter ... she have MS", "Wife has MS",
# "my husband has ms (not me lol ...)", "my mum (60) was just diagnosed".
_RELATIVE_HEAD = (
    rf"\b(?:(?:my|our) (?:(?:{_KIN_ADJECTIVES})\s+)?)?({_RELATIVE_WORDS})\b\)?"
    rf"(?:\s+{_FIRST_NAME})?(?:\s*\(\d{{1,2}}\))?,?\s+"
)
_RELATIVE_HAS_MS = re.compile(
    # not "my sister also has MS": the writer has it too
    _RELATIVE_HEAD + r"(?![^.;!?\n]{0,40}\b(?:also|too|as well)\b)"
    r"(?:(?:has|have|had|got|gets|was|is|with)\b[^.;!?\n]{0,25}?\b(?:ms|"
    r"multiple sclerosis|rrms|ppms|spms|relapsing|progressive)\b|(?:was |is |got |just )*"
    r"diagnosed\b|"
    # "my son is 19 and was diagnosed with RRMS in August"
    rf"(?:is |'s )\d{{1,2}}(?:\s*{_AGE_UNIT}(?: old)?)?,?\s+(?:and\s+)?"
    r"(?:was |has been |got |just |recently )+diagnosed\b)",
    re.I,
)
# ... or an age, when the message also tells MS facts in the third person: "my son Liam is 16.
# His first attack was ...", "my daughter 23 years, she have MS".
_RELATIVE_AGED = re.compile(
    _RELATIVE_HEAD + rf"(?:is |age |aged )?\(?\d{{1,2}}\)?(?:\s*{_AGE_UNIT})?(?=[\s,.;)]|$)",
    re.I,
)
_THIRD_PERSON_MS = re.compile(
    r"\b(?:she|he|her|his)\b[^.;!?\n]{0,30}\b(?:diagnos\w*|dx|"
    r"relaps\w*|attacks?|rrms|ppms|spms|relapsing|progressive|edss)\b|"
    # MS itself, but not "he doesn't have MS"
    r"\b(?:she|he|her|his)\b(?:(?!\b(?:not|doesn'?t|don'?t|never|no|isn'?t|hasn'?t)\b)"
    r"[^.;!?\n]){0,30}\b(?:ms|multiple sclerosis)\b",
    re.I,
)
# The writer telling their own MS ("I was diagnosed", "my relapses"): not only a relative's.
_WRITER_HAS_MS = re.compile(
    r"\b(?:i|i'?ve|ive|i'?m|im|me)\b[^.;!?\n]{0,30}\b(?:diagnosed|dx|ms|rrms|ppms|spms|"
    # not "I'm an MS specialist nurse": the writer's work
    r"multiple sclerosis|relaps\w*)\b(?!\s+(?:specialist\s+|clinical\s+)?(?:nurse|doctor|"
    r"neurologist|clinician|physio\w*|therapist|researcher|coordinator|team|clinic|centre|"
    r"center|society|charity|service))|\bmy (?:own )?(?:ms|diagnosis|relapses?|edss|neuro\w*)\b|"
    r"\b(?:mine|my own|same as)\b|"
    # "My husband has RRMS and so do I", "we were both diagnosed in 2017": the writer too
    r"\b(?:so (?:do|have|am) i|me too|i do too|i have (?:it|ms) too|we both have|"
    r"we (?:were|are|got) both diagnosed|we were both dx)\b|"
    # "Anyway! Me: 57, SPMS, diagnosed 2004": the writer's own label heads MS facts
    rf"\b{_ME_LABEL}[^.;!?\n]{{0,40}}\b(?:ms|rrms|ppms|spms|diagnosed|dx|"
    r"edss|relaps\w*|relapsing|progressive)\b",
    re.I,
)


# The writer saying whose relative they are: "I'm her son", "I'm his wife".
_WRITER_IS_KIN = re.compile(
    rf"\b(?:i'?m|i am|im) (her|his) (?:{_WRITER_KIN}|carer|caregiver)\b",
    re.I,
)


def _in_patient_words(text: str, word: str, sex: str, they: bool = False) -> tuple[str, str]:
    """``text`` about the relative called ``word`` ("" when unnamed), put in their own words;
    with ``they``, "they" is the patient too ("for the patient ... They're 39")."""
    # the patient's own pronoun only: "for my dad ... My sister also has MS, she's on Ocrevus"
    own = {"female": "she", "male": "he"}.get(sex, "she|he")
    pronoun = rf"\b(?:{own}|they)" if they else rf"\b(?:{own})"
    if they:
        text = re.sub(r"\bthey(?:'re| are)\b", "she is", text, flags=re.I)
    if word and not re.search(rf"\b(?:my|our) {word}\b", text, re.I):
        # "mum is sixty eight, I'm her son": the relative named first without "my" is "she"
        text = re.sub(
            rf"^(\W*){word}(?= is\b|'s\b)",
            r"\1" + ("she" if sex == "female" else "he"),
            text,
            flags=re.I,
        )
        word = ""
    word = word or "(?!x)x"  # a pattern that matches nothing: no "my ..." to replace
    # The writer's own words are theirs, not the patient's: "Hi I'm 17 and my mom ..."
    text = re.sub(r"\b(?:i'?m|i am|im)\b", "the writer is", text, flags=re.I)
    text = re.sub(r"\b(?:i'?ve|i have)\b", "the writer has", text, flags=re.I)
    # "writing for my mum who is 67": the relative opens a statement of their own
    text = re.sub(
        r"\b(for|about|regarding|of|helping) ((?:my|our) " + word + r")\b",
        r"\1 them. \2",
        text,
        flags=re.I,
    )
    text = re.sub(  # "I'm the carer for my mother who is 71": the mother's facts follow
        r"\b(?:i'?m|i am|im) (?:the |her |his |their )?(?:carer|caregiver|care giver) (?:for|of) ",
        "",
        text,
        flags=re.I,
    )
    # what the writer says of themselves is no fact of the patient's ("I'm the 8 months pregnant
    # one", "I'm 42 and I've got type 2 diabetes")
    text = re.sub(
        r"\bthe writer (?:is|has)\b(?! (?:writing|asking|typing))[^.,;!?\n)]*?(?=\s+but\b|"
        r"[.,;!?\n)]|$)",
        " ",
        text,
        flags=re.I,
    )
    t = re.sub(
        r"\b(?:my|our) " + word + r"\s*[(,]\s*(\d{2})\s*[),]",
        r"I (age \1)",
        text,
        count=1,
        flags=re.I,
    )
    # "my son Liam is 16", "my daughter 23 years", "my mother age 62"
    t = re.sub(
        rf"\b(?:my|our) (?:{word})\b(?:\s+{_FIRST_NAME})?,?\s+(?:is |age |aged )?"
        rf"(\d{{1,2}})(?:\s*{_AGE_UNIT}(?: old)?)?(?=[\s,.;)!]|$)",
        r"I (age \1)",
        t,
        count=1,
        flags=re.I,
    )
    t = re.sub(r"\b(?:my|our) " + word + r"\b(?:,? who)?", "I", t, flags=re.I)
    t = re.sub(r"\bwho(?:'s| is) (?=\d{2}\b)", "aged ", t, flags=re.I)  # "a man ... who's 68"
    t = re.sub(pronoun + r"(?: is|'s|s)\b", "I'm", t, flags=re.I)  # "shes 38": typed without '
    t = re.sub(r"\bI(?: is|'s)\b", "I'm", t)  # "my mother who is 71" -> "I is 71" -> "I'm 71"
    t = re.sub(pronoun + r" (?:isn'?t|is not)\b", "I'm not", t, flags=re.I)
    t = re.sub(pronoun + r" (?:doesn'?t|does not)\b", "I don't", t, flags=re.I)
    t = re.sub(
        pronoun + r" (has|had|was|takes|took|tried|uses|used|got|never|hasn'?t|wasn'?t|"
        r"started|stopped|switched|gets|needs)\b",
        r"I \1",
        t,
        flags=re.I,
    )
    possessive = {"female": "her", "male": "his"}.get(sex, "her|his")
    t = re.sub(
        rf"\b(?:{possessive}) "
        r"(?=(?:ms|edss|age|last|first|neuro\w*|diagnosis|relapse|treatment)\b)",
        "my ",
        t,
        flags=re.I,
    )
    return t, sex


def _type_clauses(text: str) -> tuple[list[str], list[str]]:
    """The message's clauses, and those of them that name an MS type."""
    clauses = re.split(r"(?<=[.;!?])\s+|\s+(?=\bbut\b)|,\s+(?=(?:my|the|his|her|they|it)\b)", text)
    return clauses, [c for c in clauses if any(re.search(p, c) for _, p in _SUBTYPE_PHRASES)]


def _hedged_type(clause: str) -> bool:
    """Whether a hedge in a clause that names an MS type is said of the type: in the type's own
    comma-piece ("probably SPMS now"), or a piece of a hedge alone beside it ("RRMS, I think").
    "woman with PPMS, maybe 5 years since diagnosis": the hedge is the time's."""
    pieces = re.split(r"\s*,\s*", clause)
    for i, piece in enumerate(pieces):
        if not any(re.search(p, piece) for _, p in _SUBTYPE_PHRASES):
            continue
        near = [pieces[j] for j in (i - 1, i + 1) if 0 <= j < len(pieces)]
        if _UNSURE_TYPE.search(piece) or any(
            _UNSURE_TYPE.search(n) and len(n.split()) <= 3 for n in near
        ):
            return True
    return False


def _sure_clauses(text: str) -> str:
    """The clauses that state an MS type, without the hedged ones when a sure one is there:
    "I have RRMS. my neuro thinks it might be turning into SPMS" -> "I have RRMS."."""
    clauses, typed = _type_clauses(text)
    sure = [c for c in typed if not _hedged_type(c)]
    if sure and len(sure) < len(typed):
        return " ".join(c for c in clauses if c in sure or c not in typed)
    return text


_EARLIER_COURSE_BEFORE = re.compile(
    r"\b(ex|formerly|previously|originally|initially|at first|used to be|started (as|with|out)|"
    r"was|were|from)\W{0,3}$"
)
_EARLIER_COURSE_AFTER = re.compile(
    r"^\W{0,3}(before( that)?|previously|originally|at first|earlier)\b"
    # "Primary progressive they said at first"
    r"|^\W{0,3}(?:\w+\s+){1,3}?(?:said|called it|thought|told me)\s+(?:at first|initially|"
    r"originally|first)\b"
)


def _only_in_the_past(text: str, key: str) -> bool:
    """Whether every mention of the course ``key`` is marked as an earlier one."""
    spans = [m.span() for k, p in _SUBTYPE_PHRASES if k == key for m in re.finditer(p, text)]
    return bool(spans) and all(
        (
            _EARLIER_COURSE_BEFORE.search(text[max(0, a - 20) : a])
            or _EARLIER_COURSE_AFTER.search(text[b : b + 40])
        )
        and not re.match(r"\W{0,3}all along\b", text[b:])  # "it was SPMS all along": now too
        for a, b in spans
    )


# A course said to be a former one ("I used to be RRMS", "ex-RRMS"): not the course now.
_FORMER_COURSE_BEFORE = re.compile(
    r"\b(?:ex|formerly|used to be|started (?:as|out(?: as)?))\W{0,3}$"
)


def _only_formerly(text: str, key: str) -> bool:
    """Whether every mention of ``key`` is said to be a former course, with "now" nowhere."""
    spans = [m.span() for k, p in _SUBTYPE_PHRASES if k == key for m in re.finditer(p, text)]
    return (
        bool(spans)
        and not re.search(r"\b(?:now|still|currently|these days|all along)\b", text)
        and all(_FORMER_COURSE_BEFORE.search(text[max(0, a - 20) : a]) for a, _ in spans)
    )


# A course denied right before it ("still not SPMS", "isn't PPMS", "no longer RRMS").
_TYPE_DENIED_BEFORE = re.compile(
    r"\b(?:not|isn'?t|is not|no longer|never|neither|nor|rather than|instead of|"
    # "No diagnosis of PPMS, no SPMS, its RRMS"
    r"no(?:\s+(?:diagnosis|dx|history|signs?|evidence)\s+of)?|"
    # "I don't have PPMS, it's RRMS"
    r"(?:i|he|she|they|you)\s+(?:don'?t|do not|doesn'?t|does not|didn'?t|never)\s+(?:\w+\s+)?"
    r"(?:have|had|got))\s+(?:yet\s+|officially\s+|really\s+|called\s+)?(?:a\s+|an\s+)?$"
)
# A course hedged right before it ("now probably SPMS", "might be turning into SPMS") or right
# after it ("SPMS but not confirmed"), in its own clause.
_TYPE_HEDGE_BEFORE = re.compile(
    r"\b(?:maybe|probably|possibly|perhaps|likely|might|may|could|suspected|suspect|"
    r"they think|thinks?|turning into|moving (?:in)?to|becoming)\b[^.;!?,]{0,25}$"
)
_TYPE_HEDGE_AFTER = re.compile(
    r"^[^.;!?,]{0,35}?\b(?:not (?:yet )?(?:confirmed|official|sure|certain|diagnosed)|unconfirmed|"
    r"suspected|probably|maybe|possibly|i think)\b[^.;!?,]{0,12}"
)


def _clear_types(t: str) -> str:
    """``t`` without the MS courses it denies ("... but still not SPMS"), and without the
    hedged ones when another course is named plainly ("RRMS since 1998, now probably SPMS but
    not confirmed" -> RRMS): their words are blanked, so the other readers see only the sure
    one. A course that is only hedged is left for the hedge rule below (it abstains)."""
    spans = sorted(
        (m.start(), m.end(), key) for key, p in _SUBTYPE_PHRASES for m in re.finditer(p, t)
    )
    denied, hedged, plain = [], [], set()
    for a, b, key in spans:
        denial = _TYPE_DENIED_BEFORE.search(t[max(0, a - 30) : a])
        if denial:
            denied.append((a - len(denial.group(0)), b))
            continue
        before = _TYPE_HEDGE_BEFORE.search(t[max(0, a - 40) : a])
        after = _TYPE_HEDGE_AFTER.match(t[b:])
        if before or after:
            start = a - len(before.group(0)) if before else a
            hedged.append((start, b + (after.end() if after else 0), key))
        else:
            plain.add(key)
    cut = denied + [(a, b) for a, b, key in hedged if plain - {key}]
    chars = list(t)
    for a, b in cut:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


# A change of course, right before the course it changed to ("converted to RRMS", "became
# SPMS", "RRMS -> SPMS", read as ", switched to").
_CHANGED_TO_COURSE = re.compile(
    r"\b(?:convert\w*|conversion|became|become|turned|changed|progressed|transition\w*|"
    r"evolved|switched)\s+(?:(?:over|now|it|me)\s+)?(?:to|into|in)\s+(?:an?\s+|the\s+)?",
    re.I,
)


# A course by its two letters where the words before it say it is one ("changed to SP",
# "diagnosed with RR", "I'm SP", "neither RR nor PP", "'RR'"): read as its name.
_SHORT_TYPE_AFTER_CUE = re.compile(
    r"(\b(?:changed|converted|switched|turned|progressed)\s+(?:it\s+|me\s+|over\s+)?"
    r"(?:to|into)\s+|(?<!if )(?<!whether )\b(?:with|i'?m|i am|been|nor|neither|not|dx'?d?|"
    r"diagnosed)\s+|"
    r"\b(?:be|was|is|now)\s+(?=\W?(?:rr|sp|pp)\W?(?:\s*(?:$|[,.;!?]|now|since|ms)))|['\"]|"
    # "Diagnosed RR in 2006, SP since about 2020": a course by its letters, then since when
    r"(?:(?<=[,.;])\s*|^\s*)(?=(?:rr|sp|pp)\s+since\b))"
    r"(rr|sp|pp)(?=\W|$)(?!\s*ms\b)",
    re.I,
)


# A diagnosis revised by another clinician: "a second opinion said", "the new neurologist put
# me back to", "they now say", "it had been MS all along".
_REVISED_DIAGNOSIS = re.compile(
    r"\bsecond opinion\b|\b(?:new|second|another|different)\s+(?:neuro\w*|consultant|doctor|"
    r"specialist|team|one)\b|\b(?:they|she|he|neuro\w*)\s+now\s+(?:says?|thinks?|calls?)\b|"
    r"\ball along\b|\bre-?diagnosed\b|\brevised\b|\bput me back (?:to|on)\b",
    re.I,
)


# CIS said to have become MS: "CIS in 2017, MS in 2019", "Had CIS ... and it became MS".
_CIS_BECAME_MS = re.compile(
    # (not "CIS, not MS yet", "CIS since january, is not still MS")
    r"\b(?:cis|clinically isolated syndrome)\b"
    r"(?:(?!\b(?:not|no|never|isn'?t|yet|still)\b)[^.;]){0,60}?(?:\b(?:became|become|turned into|"
    r"converted (?:to|into)|progressed to|went on to|then|later|now|said|says|diagnosed|"
    r"confirmed)\b|,)\s*"
    r"(?:(?!(?:not|no|never|yet|still)\b)\w+\s+){0,3}?(?:ms|multiple sclerosis)\b",
    re.I,
)


# An earlier episode given the name CIS: "that was CIS", "they called that CIS".
_EPISODE_CALLED_CIS = re.compile(
    r"\b(?:that|this|the first(?: one| attack| episode)?)\s+(?:was|were|got called|was called)"
    r"\s+(?:just\s+|only\s+|a\s+)*cis\b|\bcalled\s+(?:that|this)\s+(?:a\s+|just\s+)*cis\b"
)


def parse_subtype(text: str, requested: bool) -> str | Invalid | None:
    t = _SHORT_TYPE_AFTER_CUE.sub(r"\1\2ms", fold(own_words(text)))
    t = _sure_clauses(_clear_types(t))
    _, typed = _type_clauses(t)
    # A hedge counts only in a clause that names the type: "rrms since 2015. edss maybe 3" is sure.
    if any(_hedged_type(c) for c in typed) and (not requested or _UNCONFIRMED_TYPE.search(t)):
        return None  # "my neurologist thinks it's RRMS but it's not confirmed yet"
    found = [key for key, pattern in _SUBTYPE_PHRASES if re.search(pattern, t)]
    # A course by its short letters, said alone or as an item of a list: "PP, edss 6.5".
    short = re.search(
        # "RR dx 2018", "PP here"; not the state of "Sao Paulo, SP"
        # "m 60 sp, edss 7", "33 rr, tecfidera": after an age or a sex letter of a short list
        r"(?:^|(?<!paulo)[,.;:]\s*|(?:^|[,.;:!?]\s*|\b(?:hi|hey|yo)\s+)(?:(?:\d{2}|[mf])\s+){1,2})"
        r"(pp|sp|rr)\s*(?=[^\w\s]|$|"
        r"\s+(?:i think|i guess|maybe|probably|here|dx'?d?|diagnosed|ms)\b)",
        t,
    )
    if not found and short:
        found = [{"pp": "PPMS", "sp": "SPMS", "rr": "RRMS"}[short.group(1)]]
    if (
        "SPMS" in found
        and "RRMS" in found
        and (
            re.search(r"\b(now|became|turned|moved|changed)\b", t)
            # "RRMS then SPMS (since 2022)": the story's order
            or re.search(
                r"\b(?:rrms|relapsing[- ]remitting)\b[^.;]{0,40}\bthen\b[^.;]{0,20}"
                r"\b(?:spms|secondary)",
                t,
            )
            # "Diagnosed RR in 2006, SP since about 2020": only SP is said to hold since a time
            or (
                re.search(r"\b(?:spms|secondary[- ]progressive(?: ms)?)\s+since\b", t)
                and not re.search(r"\b(?:rrms|relapsing[- ]remitting(?: ms)?)\s+since\b", t)
            )
        )
    ):
        found.remove("RRMS")  # "it was relapsing-remitting, now secondary progressive"
    if "PPMS" in found and "RRMS" in found and re.search(r"\bprogressive[- ]relapsing\b", t):
        found.remove("RRMS")
    called = len(_EPISODE_CALLED_CIS.findall(t))
    if "CIS" in found and called and len(re.findall(r"\bcis\b|\bisolated syndrome", t)) == called:
        # "my neuro says that was CIS, so the proper one was April 2025", "the first was in
        # 2008 but they called that CIS": an earlier episode's name, not the course now
        found.remove("CIS")
    if (
        "CIS" in found
        and len(found) > 1
        and not re.search(r"\bclinical(?:ly)? isolated|\bcis\b", t)
    ):
        found.remove("CIS")  # "rrms. had steroids for the first attack": the attack, not a type
    if len(found) > 1:  # "converted to RRMS 2021", "RRMS -> SPMS": the course changed to
        changed = {
            key
            for m in _CHANGED_TO_COURSE.finditer(t)
            for key, pattern in _SUBTYPE_PHRASES
            if re.match(pattern, t[m.end() :])
        }
        if len(changed) == 1:
            return changed.pop()
    revised = list(_REVISED_DIAGNOSIS.finditer(t))
    if revised and re.search(
        r"\b(?:says|thinks|believes|insists|still)\b", t[: revised[-1].start()]
    ):
        revised = []  # "my neuro says RRMS, but the second opinion said SPMS": they disagree
    if len(found) > 1 and revised:
        # "told CIS in 2020; a second opinion in 2022 said it had been MS all along,
        # relapsing-remitting": the course named after the revision is the one that stands
        after = [
            key for key, pattern in _SUBTYPE_PHRASES if re.search(pattern, t[revised[-1].end() :])
        ]
        if len(after) == 1 and after[0] in found:
            return after[0]
    if len(found) > 1:  # "spms, ex rrms", "RRMS (was CIS before that)": the earlier course goes
        now = [key for key in found if not _only_in_the_past(t, key)]
        found = now if now else found
    if len(found) == 1 and _only_formerly(t, found[0]):
        return None  # "I used to be RRMS": what it is now is not said
    if found == ["CIS"] and _CIS_BECAME_MS.search(t):
        return None  # "CIS in 2017, MS in 2019", "CIS that became MS": MS, its course unsaid
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        return Invalid("subtype_two_types")
    if requested and re.search(r"\bprogressive\b", t):
        return Invalid("subtype_which_progressive")
    return None


# ---------------------------------------------------------------------------- EDSS

_EDSS_RANGE = re.compile(
    rf"(?:between\s+)?(\d+(?:\.5|\.0)?)\s*(?:or|to|-|and|/|,?\s*(?:or\s+|but\s+)?(?:maybe|possibly|perhaps|"
    r"(?:it\s+)?(?:might|could|may)\s+be)|"
    # "maybe 4, 4.5 on a bad day": the score on bad days is the top of the range
    r",(?=\s*\d+(?:\.5|\.0)?\s+(?:on (?:a |my )?(?:bad|worse|worst) days?|at (?:my )?worst|"
    r"some days|sometimes)\b))\s*"
    rf"(\d+(?:\.5|\.0)?)(?!\s*(?:{_UNIT_WORD}|%))"
)  # "3 or 3.5", "4.5, maybe 5"


# A number the writer only guesses at, and says so: "no clue, 3?", "wild guess, 5?".
_ONLY_A_GUESS = re.compile(
    r"\b(?:no (?:clue|idea)|wild guess|no real idea|dunno|don'?t know|not sure)\b[^.;!]{0,40}?"
    r"\b\d+(?:\.\d)?\s*\?",
    re.I,
)
# A score no neurologist gave: "I'd score myself a 4, but nobody has ever officially done it",
# "never been given an EDSS, but the online calculator puts me at 5.5".
_NOT_GIVEN_SCORE = re.compile(
    r"\b(?:(?:i'?d|i would|i'?ll|i) (?:score|rate|put|give) myself|online calculator|"
    r"(?:an?|the) (?:edss )?calculator|self[- ]?(?:scored?|assess\w*|rated)|"
    # "so probably a 4? I looked it up online": worked out from a chart, not given
    r"looked (?:it )?up|googled|(?:from|on|by) (?:an?|the) (?:edss )?(?:chart|table|website)|"
    # "I'd say a 6 ..., but nobody's ever scored me", "worked out my EDSS from my PDDS"
    r"(?:nobody|no one|no-one)(?:'s| has)? (?:ever )?(?:scored|assessed|rated|examined|measured) "
    r"me(?! (?:in a while|recently|lately|for a while|in ages|since|this year))|"
    r"worked (?:it |my edss )?out|(?:from|using) my (?:pdds|msfc|sdmt|walking test))\b",
    re.I,
)
# Who gave a score, in its clause: the writer ("I'd say I'm a 4", "by my reckoning", "Me: 5"),
# a device or a questionnaire ("the app says 3"), a lay person ("my wife says more like 4"), or
# a clinician ("my neuro put 3.5", "the nurse said 2", "the letter", "EDSS 4 at my review").
_NOT_A_CLINICIANS_SCORE = re.compile(
    r"\b(?:i'?d|i would|i'?ll) (?:say|put|score|rate|give|have said|guess)\b|"
    r"\b(?:put|score|scored|rate|rated|give) myself\b|\bby my (?:own )?reckoning\b|"
    r"\bmy (?:own )?(?:guess|estimate|reckoning|score for myself)\b|\bself[- ]?(?:rated|scored|"
    r"assessed|rating|score)\b|(?:^|[^\w\s])\s*me\s*[:=]|"
    r"\b(?:app|apps|tracker|watch|calculator|questionnaire|quiz|online|website|google)\b|"
    rf"{_LAY_PERSON}",
    re.I,
)
_CLINICIANS_SCORE = re.compile(
    r"\b(?:neuro\w*|consultant|nurse|physio\w*|doctor|dr|specialist|letter|clinic|review|"
    r"appointment|hospital|edss)\b",
    re.I,
)


# A number that may be a score, in a clause ("3.5", "6").
_A_SCORE = re.compile(r"(?<![\d.])\d+(?:\.\d)?\b")


def _clinicians_score_kept(t: str) -> str:
    """``t`` without the clauses that give a score no clinician gave ("I'd say I'm a 4 but my
    neuro put 3.5", "the nurse said 2, the app says 3", "6.5 (self-rated) / 6.0 (neurologist)"),
    when a clinician's score is also said: theirs is the score. Alone, such a score stays for
    the hedges of parse_edss to judge."""
    split = r"(?<=[;!?,/\n])\s*|(?<=\.)(?!\d)\s*|\s+(?=\bbut\b)|\s+[-\u2013\u2014]\s+"
    clauses = re.split(split, t)
    others = [c for c in clauses if _NOT_A_CLINICIANS_SCORE.search(c)]
    clinicians = False  # a clinician's word and a score in the clauses of one sentence
    for sentence in re.split(r"(?<=[;!?/\n])\s*|(?<=\.)(?!\d)\s*", t):
        theirs = [c for c in re.split(split, sentence) if not _NOT_A_CLINICIANS_SCORE.search(c)]
        if any(_CLINICIANS_SCORE.search(c) for c in theirs) and any(
            _A_SCORE.search(c) for c in theirs
        ):
            clinicians = True
    if not others or not clinicians:
        return t
    # (the word "EDSS" of a blanked clause stays: "Scored myself a 6 on an online EDSS
    # calculator, but my neurologist's letter says 5.5" is still about the EDSS)
    return " ".join(
        (" edss " if re.search(r"\bedss\b", c, re.I) else " ") if c in others else c
        for c in clauses
    )


# The score now, among others: "now 4", "the latest is 4.5", "the last one was 2.5", "it went
# up to 5.5" (not "I was 4 last time", a score before).
_NOW_NUMBER = re.compile(
    r"\b(now,? (?:the |my )?(?:neuro\w*|doctor|nurse|consultant|she|he|they) "
    r"(?:has|have|had|put|puts|scored|scores|rated|rates|got) me (?:at|as|on)|"  # "has me at 4.5"
    r"now|currently|today|these days|at the moment|(?:the )?(?:latest|newest|most recent)|"
    r"the last (?:one|it)|(?:went|gone|has gone|is|was|moved|been put|been bumped) (?:up|down) to|"
    r"back(?: (?:up|down))? to|"
    r"rose to|increased to|dropped to|"
    # "EDSS was 3.5, is 4", "it was 3.5 after the relapse and it's 4.5": the score it is
    r"(?<=[\d,] )(?:and |but )?(?:it'?s|it is|is)(?=\s+\d))\b[^\d]{0,12}(\d+(?:\.\d)?)"
)


# Two scores said side by side as the whole answer: "4, 4.5".
_TWO_SCORES = re.compile(r"\W*(\d(?:\.[05])?)\s*,\s*(\d(?:\.[05])?)\W*")
# A score tied to the latest visit: "4.5 at my last visit", "4 at the most recent review".
_AT_THE_LAST_VISIT = re.compile(
    r"(?<![\d.])(\d+(?:\.\d)?)\s+(?:at|from|on|in)\s+(?:my|the)\s+(?:last|latest|most recent|"
    r"recent)\s+(?:neuro\s+)?(?:visit|review|appointment|clinic(?:\s+visit)?|check[- ]?up|"
    r"assessment|exam)\b",
    re.I,
)
# ... or dated by a recent time: "4 at the third last month", "3.5 at my review recently".
_AT_A_RECENT_VISIT = re.compile(
    r"(?<![\d.])(\d+(?:\.\d)?)\s+(?:at|in|from)\s+(?:the|my|a|her|his)\s+[^\d,.;]{0,25}?"
    r"\b(?:last month|last week|this month|this week|recently|a few weeks ago)\b"
)
# A doubt said just before a score ("or was it 4.5 at the last visit"): a range, kept as one.
_SCORE_DOUBTED = re.compile(r"\b(?:or|maybe|might|perhaps|possibly|could)\b[^\d]{0,15}$")


def _said_as_now(visit: re.Pattern[str], t: str) -> str:
    """``t`` with the score that ``visit`` ties to the latest visit said as the score now
    ("now 4"), unless a doubt comes right before it."""
    return visit.sub(
        lambda m: m.group(0) if _SCORE_DOUBTED.search(t[: m.start()]) else f"now {m.group(1)}", t
    )


# A score said as the one before, with a doubt about the one now: not the score now.
_OLD_SCORE = re.compile(
    r"\b(was|used to be|had)\b.*\b((higher|worse|more|lower|better|different|changed) now|"
    r"not sure (what it is )?now|probably (higher|worse|more))\b"
)
_CHANGED_FROM_TO = re.compile(
    r"\b(?:went|gone|go(?:es)?|increased|rose|risen|jumped|climbed|moved|changed|dropped|fell|"
    r"improved|worsened|got worse|up|down)\b[^.;]{0,12}?\bfrom\s+\d+(?:\.\d+)?\s+to\s+"
    r"(\d+(?:\.\d+)?)"
)


# A distance walked: "10 km", "200m", "half a mile", "20 metres", "3 blocks".
_DISTANCE = re.compile(
    r"(?<![\d.])\d+(?:\.\d+)?\s*(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m|yards?|yds|"
    r"feet|ft|steps|blocks)\b",
    re.I,
)


_SCORE_BEFORE = re.compile(
    r"(?:between\s+)?\d+(?:\.\d+)?(?:\s*(?:-|to|or|and)\s*\d+(?:\.\d+)?)?"
    r"\s+(?:on\s+(?:the\s+|my\s+)?|my\s+|an?\s+)?$",
    re.I,
)


_SCORE_WENT_TO = re.compile(
    r"\b(\d{1,2}(?:\.\d)?)\s*(?:(?:->|→|=>|>)\s*(\d{1,2}(?:\.\d)?)\b(?![.,]\d)|"
    # two dated scores, the earlier first: "2.5 (2024) / 3.5 (2026)"
    r"\(\s*(?:19|20)\d\d\s*\)\s*[/,;]?\s*(?:now\s+)?(\d{1,2}(?:\.\d)?)(?=\s*\(\s*(?:19|20)\d\d\s*\)))"
)


# "one" standing for the score, not the number: "never been given one", "I don't have one".
_ONE_AS_A_WORD = re.compile(
    r"\b((?:given|had|got|have|has|done|do|know|taken|get|gave me|heard of|told|said|"
    r"assessed|scored|measured)(?:\s+me)?|"
    r"(?:the|that|this) (?:last|latest|first|next|other|new|old|recent))\s+one\b"
    r"(?!\s*(?:point|\.\d|and a half))",
    re.I,
)


# A score with its date: "EDSS 2.0 in 2019", "4.0 (Oct 2026)", "2022 EDSS 4.5", "Oct 2026 clinic:
# EDSS 6", "2005 dx RRMS (EDSS 1.0)", "7 in September"; at least a month, a year or "now".
_SCORE_DATE = (
    rf"(?:(?P<{{0}}m>{_MONTH_WORD}|mar)\b\.?(?:\s+(?P<{{0}}y>(?:19|20)\d\d))?|"
    r"(?P<{0}Y>(?:19|20)\d\d)|(?P<{0}n>now|currently|these days|at the moment|today))"
)
_EDSS_SCORE = r"(?P<{0}s>10|\d(?:\.[05])?)(?!\.?\d)"
_SCORE_DATED_AFTER = re.compile(
    r"(?<![\d.,/-])"
    + _EDSS_SCORE.format("a")
    + r"\s*(?:\(\s*|in\s+|at\s+|as of\s+|-\s*)?"
    + _SCORE_DATE.format("a")
    + r"\b",
    re.I,
)
_SCORE_DATED_BEFORE = re.compile(
    r"\b"
    + _SCORE_DATE.format("b")
    + r"\b[^.;\d]{0,25}?\bedss\b\W{0,4}(?:(?:of|was|is|at)\s+)?"
    + _EDSS_SCORE.format("b"),
    re.I,
)


# A word that makes the number after it the count of something: "year 2", "dose 3".
_COUNTED_THING = re.compile(
    r"\b(?:years?|yr|doses?|infusions?|courses?|rounds?|cycles?|number|no\.?|relapses?|"
    r"attacks?|injections?|shots?)\s*#?\s*$",
    re.I,
)


def _latest_dated_score(t: str, requested: bool) -> float | None:
    """The score of the latest date when several EDSS scores are each given a date ("EDSS 2.0
    in 2019, 3.5 in 2023, 4.0 in Oct 2026" is 4.0; "2022 EDSS 4.5 ... Oct 2026: EDSS 6" is 6).
    A score dated after it counts only after "EDSS" in its sentence, or as the answer asked."""
    dated: dict[tuple[int, int], set[float]] = {}
    today = dt.date.today()
    for m in _SCORE_DATED_BEFORE.finditer(t):
        # (not "RRMS since 2009, EDSS 3": the year dates the diagnosis, not the score)
        if not m.group("bn") and not re.search(r"\b(?:since|from)\s*$", t[: m.start()], re.I):
            dated.setdefault(_score_when(m, "b", today), set()).add(float(m.group("bs")))
    for m in _SCORE_DATED_AFTER.finditer(t):
        if m.group("an"):
            return None  # a score said "now" is read by parse_edss, with its hedges
        sentence = re.split(r"[;!?\n]|\.(?!\d)", t[: m.start()])[-1]
        if _COUNTED_THING.search(sentence):
            continue  # "finished year 2 in 2024", "infusion 3 in May": a count, not a score
        if requested or re.search(r"\bedss\b", sentence, re.I):
            dated.setdefault(_score_when(m, "a", today), set()).add(float(m.group("as")))
    if len(dated) < 2 or len(dated[max(dated)]) != 1:
        return None
    return next(iter(dated[max(dated)]))


def _score_when(m: re.Match, key: str, today: dt.date) -> tuple[int, int]:
    """(year, month) of a dated score; a bare year is its July, as a bare year is read elsewhere;
    a month alone is the last such month."""
    month = m.group(key + "m")
    number = _MONTHS.get(fold(month), 3) if month else 7  # "mar": March
    year = m.group(key + "y") or m.group(key + "Y")
    if year:
        return int(year), number
    return (today.year if number <= today.month else today.year - 1), number


# A bound is no value: "EDSS never above 3.5", "not over 4", "at least three relapses", "no more
# than two" (a time, a distance or a dose after the number is another thing).
_BOUNDED_NUMBER = re.compile(
    r"\b(?:(?:never|not|no|n'?t)\s+(?:been\s+|gone\s+|got\s+|ever\s+)?(?:above|over|more than|"
    r"higher than|greater than|below|under|less than|lower than|beyond|past)|at least|at most|"
    r"more than|fewer than|less than|upwards of|over|above|under|below)\s+"
    r"(?:an?\s+)?\d+(?:[.,]\d)?\b(?!\s*(?:years?|yrs?|months?|mths?|weeks?|wks?|days?|y/?o|%|mg|kg|"
    r"km|m|miles?|metres?|meters?|yards?|feet|ft|steps)\b)",
    re.I,
)


def parse_edss(text: str, requested: bool) -> float | tuple[float, float] | Invalid | None:
    """EDSS from "3.5", "EDSS four and a half", "around 6", "6.5, I use two crutches"; a range
    ("3 or 3.5", "between 3 and 4") as (low, high); 12, 3.3 and 0.5 are explained."""
    t = _BOUNDED_NUMBER.sub(" ", words_to_numbers(_ONE_AS_A_WORD.sub(r"\1 it", text)))
    t = _others_numbers_blanked(_OTHER_SCALE_NUMBER.sub(" ", t))
    t = _clinicians_score_kept(t)
    if _ONLY_A_GUESS.search(t) or _NOT_GIVEN_SCORE.search(t):
        return None  # "no clue, 3?", "a wild guess would be 5?", "I'd score myself a 3": none
    t = re.sub(r"(?<=\d),(?=[05]\b)", ".", t)  # "EDSS 3,5"
    # the count of walking aids is no score: "200 metres with one stick", "two crutches"
    t = re.sub(
        r"(?<![\d.,])\d+\s+(?:walking\s+)?(?:sticks?|crutch(?:es)?|canes?|walkers?|poles?|aids?)\b",
        " ",
        t,
    )
    two = _TWO_SCORES.fullmatch(t) if requested else None
    if two and 0 < float(two.group(2)) - float(two.group(1)) <= 1:
        return (float(two.group(1)), float(two.group(2)))  # "4, 4.5" to the question: a range
    latest = _latest_dated_score(t, requested)
    if latest is not None:
        return latest
    # "EDSS 4->4.5", "EDSS 2.5 (2024) / 3.5 (2026)": a score that went up, the last one now
    t = _SCORE_WENT_TO.sub(lambda m: m.group(2) or m.group(3), t)
    t = re.sub(r"\b(19|20)\d\d\b", " ", t)  # a year is not a score ("2 in 2020, now 4")
    # "EDSS 4, 4.5 at my last visit": the score of the latest visit is the score now
    # (not "EDSS is 4, or was it 4.5 at the last visit...": a doubt, which the range keeps)
    t = _said_as_now(_AT_THE_LAST_VISIT, t)
    # "4 in 2005, 6 in 2015, and it's 7.5 now": the score now, said before "now"
    # (not "about 4 but might be 4.5 now": a range, which the hedge keeps)
    t = re.sub(
        r"(?<![\d.])(\d+(?:\.\d)?)\s+(now|currently|these days|at the moment)\b",
        lambda m: m.group(0)
        if re.search(
            r"\b(?:maybe|might be|perhaps|possibly|could be|or|and|to)\s*$", t[: m.start()]
        )
        else f"{m.group(2)} {m.group(1)}",
        t,
    )
    # "2.5 at my first assessment in 2019, 3 at the second, 4 at the third last month": the
    # score of the latest visit, dated by a recent time, is the score now
    t = _said_as_now(_AT_A_RECENT_VISIT, t)
    # "EDSS not 3 any more, it's down to 2": a score denied is no score
    t = re.sub(
        r"\b(?:not|no longer|isn'?t|is not)\s+(?:a\s+)?\d+(?:\.\d)?"
        r"(?![\d.]|\s*(?:%|percent|years?|months?))",
        " ",
        t,
    )
    t = re.sub(rf"(?<![\d.])\d+(?:\.\d+)?\s*(?:{_UNIT_WORD})\b", " ", t)  # nor a length of time
    t = _DISTANCE.sub(" ", t)  # nor a distance ("I walked 10 km for charity": no EDSS of 10)
    mention = re.search(r"\b(edss|expanded disability|disability score|disability status)\b", t)
    if mention:
        # in its sentence: not the age of "not sure of my EDSS. 31 RRMS"
        # ("EDSS 3. 3 relapses in total": a full stop after a score ends it too)
        cut = re.match(r"[\s\S]{0,80}(?:(?<=[\d.])[\d.]*)?", t[mention.end() :])  # no cut number
        after = re.split(
            r"(?<![\d.])[.!]\s|(?<=\d)[.!]\s+(?=[A-Za-z]|\d+\s*[A-Za-z])",
            cut.group(0) if cut else "",
        )[0]
        window = after
        later = _NOW_NUMBER.search(after)
        if later and len(_numbers(after)) > 1:  # "EDSS 5 in the spring, it went up to 5.5"
            after = window = later.group(2)
        numbers = _numbers(after) or (
            _numbers(t[max(0, mention.start() - 20) : mention.start()]) if requested else []
        )
        # the score said before the word: "Around 6.5 EDSS", "between 3 and 4 on the EDSS"
        ahead = _SCORE_BEFORE.search(t[max(0, mention.start() - 30) : mention.start()])
        if (
            ahead
            and not _numbers(after[:12])
            and not re.match(r"\W*(?:points?|steps?|assessments?|scores|visits?)\b", after)
        ):
            window, numbers = ahead.group(0), _numbers(ahead.group(0))
    elif requested and (
        _mostly_a_number(t)
        or len(_numbers(t)) == 1
        or re.match(r"\s*\d", t)
        or _NOW_NUMBER.search(t)
        or _EDSS_RANGE.search(t)
    ):
        window = t
        numbers = _numbers(t)
        now = _NOW_NUMBER.search(t)
        if len(numbers) > 1 and now:  # "it was 2 in 2020, now it's 4": the score now
            numbers = [float(now.group(2))]
            window = now.group(2)
    else:
        return None
    if not numbers:
        return None
    if len(numbers) == 1 and not _NOW_NUMBER.search(t) and _OLD_SCORE.search(fold(text)):
        return Invalid("edss_old") if requested else None  # "it was 3 two years ago, higher now"
    changed = _CHANGED_FROM_TO.search(window)
    if changed:  # "my EDSS went up from 3 to 4,5": the score now, not a range
        numbers, window = [float(changed.group(1))], changed.group(1)
    span = _EDSS_RANGE.search(window)
    if (
        span
        and valid_edss(float(span.group(1)))
        and valid_edss(float(span.group(2)))
        and float(span.group(1)) < float(span.group(2)) <= float(span.group(1)) + 1.5
    ):
        return float(span.group(1)), float(span.group(2))  # "i think its 3 or 3.5"
    value = numbers[0]
    if value < 0 or value > 10:
        return Invalid("edss_out_of_range", {"value": f"{value:g}"})
    if not valid_edss(value):
        if value == 0.5:
            return Invalid("edss_half")
        lower, upper = (int(value * 2) / 2), (int(value * 2) + 1) / 2
        return Invalid(
            "edss_not_a_step",
            {"lower": f"{lower:.1f}", "upper": f"{upper:.1f}", "value": f"{value:g}"},
        )
    return value


# ---------------------------------------------------------------------------- therapies


@dataclass
class TherapyAnswer:
    """Therapies named in a message: taken, failed (didn't work), current, and unknown words."""

    taken: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    current: str | None = None
    none: bool = False  # "none", "never had any treatment"
    unknown: list[str] = field(default_factory=list)
    said_nothing_failed: bool = False  # "they all worked", "none failed"
    past: list[str] = field(default_factory=list)  # "switched from Tecfidera": not the current one
    never: bool = False  # "never been on anything": none taken, whatever the question was
    worked: list[str] = field(
        default_factory=list
    )  # "Tecfidera no" (to "which failed?"), "Mavenclad worked well"
    # said in words not to have failed ("it didn't fail", "was working", "never relapsed on it"),
    # not just stopped for a side effect
    said_not_failed: list[str] = field(default_factory=list)
    # "nothing now" inferred from the last drug named having ended, not said in words: it says
    # nothing of a treatment now that the message does not name
    nothing_now_inferred: bool = False
    # with a reason told beside it that is no failure ("Aubagio - hair loss", "stopped JCV+",
    # "switched because I hated the injections"), or a course finished: to "which ones did not
    # work?", not one of them (elsewhere it says nothing: the drug may have failed as well)
    reason_not_failure: list[str] = field(default_factory=list)
    # named only in a question or a guess ("maybe Tecfidera? not sure"): not taken, but then
    # "none of them failed" is not said either
    only_asked: list[str] = field(default_factory=list)
    # said to have ended ("I was on Tysabri until I got pregnant"): to "what are you on now?",
    # not the answer
    ended: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def _drugs_by_skeleton() -> dict[str, tuple[str, str]]:
    """Each drug name of six letters or more by its sound skeleton, where only one drug has it:
    (the name, the drug)."""
    _, _, vocabulary = _drug_matcher()
    found: dict[str, dict[str, str]] = {}
    for name, drug in vocabulary.items():
        if name.islower() and len(name) >= 6:
            key = name[0] + _sound_skeleton(name).replace("ks", "s")
            found.setdefault(key, {})[drug] = name
    return {
        k: next((name, drug) for drug, name in v.items())
        for k, v in found.items()
        if len(v) == 1 and len(k) >= 4
    }


def _heard_as_drug(word: str) -> str | None:
    """A drug written as it sounds ("avonecks"): the same first letter and the same consonants
    ("ks" heard as the "x" of Avonex)."""
    low = word.lower()
    if len(low) < 6 or not low.isalpha():
        return None
    key = low[0] + _sound_skeleton(low).replace("ks", "s")
    found = _drugs_by_skeleton().get(key)
    # four letters of skeleton only for a long word ("neural" is not Neoral), and the letters
    # must be close too ("Ayrshire" sounds like Arzerra, but is spelled far from it)
    if found is None or (len(key) < 5 and len(low) < 7):
        return None
    name, drug = found
    return drug if difflib.SequenceMatcher(None, low, name).ratio() >= 0.65 else None


# Where a writer gives their name: the message's start, or after a greeting ("Hi! Teri here").
_GREETING_BEFORE = re.compile(r"(?:^|[.!?]\s*|\b(?:hi|hello|hey|hiya|morning)\b\W*)\s*$", re.I)


@functools.lru_cache(maxsize=1)
def _drug_matcher():
    spacy = _import_spacy()
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    lex = load_lexicon()
    vocabulary: dict[str, str] = {}
    for drug in lex.drugs.values():
        names = drug.spellings
        matcher.add(drug.name, [nlp.make_doc(n) for n in names])
        for n in names:
            if " " not in n and len(n) >= 5:
                vocabulary[n.lower()] = drug.name
        for n in drug.case_sensitive:
            vocabulary.setdefault(n, drug.name)
    return nlp, matcher, vocabulary


# How a medicine list writes a dose ("0.5 mg", "240mg"), its route ("iv", "sc", "oral") and how
# often ("bd", "weekly"): the one spelling the patterns below are built from.
_DOSE_UNIT = r"(?:mg|mcg|µg|g|iu|ml)"
_DOSE_AMOUNT = r"\d+(?:[.,]\d+)?\s*" + _DOSE_UNIT + r"\b"
_ROUTE = r"iv|sc|im|po|oral(?:ly)?"
_HOW_OFTEN_CODE = r"bid|tid|qd|od|bd|daily|weekly|monthly"
# A dose read as no words of its own.
_DOSE = re.compile(r"\b" + _DOSE_AMOUNT, re.I)
# The words people use for "because" ("bc it failed", "cos of the jabs").
_BECAUSE = r"(?:because|bc|b/c|cause|cos|coz|cuz|due to|owing to|on account of|as a result of)"
# Said after a relapse word: it came while on a drug ("was on", "happened while I was on").
_CAME_ON = (
    # "the relapse I had on FTY", "the one I had while on Aubagio"
    r"(?:was|were|happened|came|occurred|(?:that\s+|which\s+)?i\s+had)\s+"
    r"(?:(?:while|whilst|when)\s+(?:i\s+was\s+)?)?"
    r"(?:still\s+)?on"
)
_RELAPSES_WHILE_ON = re.compile(
    r"[^.;!?\n]{0,60}?(?<!no )(?<!never )(?<!without )\b(?:relapses?|relapsed|attacks?)\b"
    r"[^.;!?\n]{0,40}?\b(?:while|whilst|when) (?:i was |i'?m |she was |he was |still )?on "
    r"(?:it|them)\b|[^.;!?\n]{0,40}?\blet (?:the |my )?relapses through\b|"
    # "..., my last relapse was on it in 2021": a relapse told as coming on it
    r"[^.;!?\n]{0,60}?(?<!no )(?<!never )(?<!without )\b(?:relapses?|attacks?)\s+"
    + _CAME_ON
    + r"\s+(?:it|them)\b",
    re.I,
)
_FAILED_AFTER = re.compile(
    # a clinic note's bracket after the drug and its years: "Tecfidera 2020-2023 (breakthrough -
    # 2 relapses)", "(failure)"; "- ongoing progression despite tx"
    r"^\W{0,3}(?:(?:19|20)\d\d\s*[-–/]\s*(?:(?:19|20)?\d\d)\s*)?\(\s*(?:breakthrough|failed|"
    r"failure|treatment failure)\b|"
    r"^[^.;]{0,40}?\b(?:progress\w*|relaps\w*|activity)\s+despite\s+(?:tx|treatment|it|therapy)\b|"
    # "from 2020 until I relapsed twice", "(relapsed three times in a year)", "- stopped,
    # disease activity on MRI and 2 relapses", "stopped, relapses continued"
    r"^[^.;]{0,40}\buntil (?:i|she|he) (?:relapsed|had (?:a |another |\d+ |two |three )?relapses?)|"
    r"^[^.;]{0,25}?(?<!never )\brelapsed (?:\w+ ){0,2}(?:times?|twice|again)\b|"
    r"^[^.;\n]{0,25}?\b(?:stopped|switched|changed)\b[\s,:-]+[^.;\n]{0,40}?(?<!no )(?<!never )"
    r"\b(?:relaps\w*|disease activity|progress\w*|new lesions|breakthrough)|"
    # not "didn't want it anymore", "didn't like the injections": no failure
    r"^[^.;]{0,30}?\b(?:((?:did ?n[o']?t|didnt|does ?n[o']?t)(?!\s+(?:want|like|mind|suit|agree))|"
    r"wasn'?t|was not|failed)\s*(work\w*|help\w*|effective|do anything|because|due|as|when)?|"
    # "never": only with what it failed to do ("Avonex - never really worked"), not "Tysabri,
    # never anything else", "ocrevus, never steroids"
    r"never\s+(?:really\s+|quite\s+|fully\s+)?(?:work\w*|help\w*|effective|did (?:anything|much|"
    r"a thing)|do anything)|"
    # "stopped" or "quit" alone says nothing of why; "stopped because ..." may (side effects
    # are told apart by _SIDE_EFFECTS)
    r"(?<!nothing )(?<!none )(stopped|quit)\b[^.;]{0,20}?\b(work\w*|help\w*))"
    # why it was stopped, in the same sentence: it did not stop the disease (a reason that says
    # nothing of that, "stopped because his heart rate went too low", is no failure)
    rf"|^[^.;]{{0,80}}?\b(?:{_BECAUSE}|as|so)\b[^.;]{{0,30}}?"
    r"(?<!no )(?<!not )(?<!without )(?<!never )\b(?:relaps\w*|attacks|flare ?ups|"
    r"progress\w*|got worse|getting worse|new lesions|disease activity|active disease|"
    r"breakthrough|not working|wasn'?t working|no difference|no effect)"
    r"|^[^.;]{0,60}?\b(?:no difference|made no difference|did nothing|stopped doing anything|"
    r"no (?:more |further |real |longer any )?benefit|(?:was|it'?s|is) (?:\w+ )?useless|"
    r"(?:\d+|two|three|four|several|multiple|many|a few|loads of|lots of|plenty of|a lot of|"
    r"so many) (?:(?:more|real|proper|actual|definite|confirmed|true|big|major|bad)\s+)?relapses "
    r"(?:on|while on|despite) (?:it|that|them)|"
    r"(?:disease|ms|it) (?:progressed|kept progressing|got worse)|progressed anyway|"
    r"breakthrough disease)\b"
    r"|^[^.;,]{0,15}?(?<!nothing )(?<!none )(?<!never )\b(failed|was useless|no effect|"
    r"stopped working|had relapses|relapsed on it|kept relapsing|relapses kept (coming|happening)|"
    # "I was on Tecfidera but relapses came twice"
    r"(?:but|and) (?:the )?relapses (?:still )?(?:came|continued|happened|kept coming)|"
    r"still relaps\w*|so that was that|gave up on (?:me|him|her)|"
    r"(is ?n'?t|isnt|is not|not|no longer) (work(ed|ing|s)?|"
    r"help(ed|ing|s)?|effective)\b)"
    # "tecfidera - relapsed twice on it", "had 2 relapses on it", "still had 2 relapses"
    # (not "haven't had a relapse on it", "never relapsed on it")
    r"|^[^.;]{0,50}?(?<!n't )(?<!not )(?<!never )\b(?:relapsed|had|have had|got|still had)\s+"
    r"(?:\w+\s+){0,2}?"
    r"(?:relapses?|attacks?|flare ?ups?)?\s*(?:in (?:a|one|the|\d+) (?:years?|months?)\s+)?"
    r"(?:on|while on|whilst on|despite)\s+(?:it|that|them)\b"
    # "Betaferon 2011 to 2015, it not work", "kept getting worse so we stopped it",
    # "tecfidera 2016-2020 (relapses)", "Tecfidera 2013-2016 (échec - relapses)"
    r"|^[^.;]{0,30}?\bit (?:not|no) work\w*"
    r"|^[^.;]{0,40}?\b(?:kept|keep|was) (?:getting worse|progressing|relapsing)\b"
    # "Gilenya 2017-2021 (two relapses and new lesions)", "(new lesions on the MRI after a year)"
    r"|^[^.;()]{0,25}?\(\s*(?:[^\W\d]+\s*[-:=–]\s*|[\d'/\s–-]+[,;:]\s*)?"
    r"(?:(?:\d+|one|two|three|four|five|several|"
    r"multiple|many|a few|more)\s+(?:more\s+|clinical\s+)?)?(?:relaps\w*|progress\w*|"
    r"new (?:\w+\s+)?lesions?|breakthrough|fail\w*)\b[^()]{0,40}\)"
    # "Ocrevus 2019 until 2025 when I progressed on it", "Tecfidera let me relapse three times",
    # "tecfedera gave me 3 relapses in a year", "2013-2016, breakthrough (2 relapses)"
    r"|^[^.;]{0,50}?\b(?:i|she|he|they)\s+(?:progressed|relapsed|got worse)\s+(?:on|while on|"
    r"whilst on|despite)\s+(?:it|that|them)\b"
    r"|^[^.;]{0,40}?\b(?:let|gave)\s+(?:me|him|her|it)\s+(?:\w+\s+){0,2}?relaps\w*"
    r"|^[^.;]{0,30}?(?<!no )(?<!without )\bbreakthrough\b(?!\s+(?:pain|bleeding|seizures?))"
    r"|^[^.;]{0,50}?\bstill had (?:\d+|a|one|two|three|several|more) (?:relapses?|attacks?)\b"
    # "Rebif for eight years from 2000, which never stopped the relapses"
    r"|^[^.;]{0,60}?\b(?:did ?n'?t|didnt|did not|never|could ?n'?t|could not|would ?n'?t)\s+"
    r"(?:stop|halt|slow|prevent|control)(?:ped|ed)?\s+(?:the |my |his |her )?(?:relapses|attacks|"
    r"progression|decline|disease|ms)\b",
    re.I,
)
# The drug before failed, and so did this one: "..., and neither did the methotrexate after it".
_NEITHER_DID = re.compile(r"\b(?:neither|nor) did (?:the\s+|my\s+|her\s+|his\s+)?$", re.I)
_FAILED_BEFORE = re.compile(
    r"\b(failed|failure (on|of|with)|didn'?t respond to|no response to|relapsed on|"
    r"breakthrough on|stopped working:?|"
    # the clinic's words: "breakthrough disease on Tecfidera", "new T2 lesions while on Aubagio"
    r"breakthrough (?:disease|activity|relapses?) (?:on|while on|whilst on|despite)|"
    r"new (?:\w+ )?lesions? (?:\w+ ){0,5}?(?:while|whilst) on|"
    # "before that I had three in one year on Tecfidera"
    r"had (?:\d+|two|three|four|five|several|multiple|many) (?:relapses? )?(?:in (?:a|one|\d+) "
    r"(?:years?|months?) )?(?:on|while on|whilst on)|"
    # a relapse while on it: "Two relapses, both while I was on Aubagio", "5.0 after my last
    # relapse in April (I was still on Gilenya then)"
    r"(?<!no )(?<!never )(?<!without )\b(?:relapse[sd]?|attacks?|flare[- ]?ups?)\b[^.;!?]{0,40}?"
    r"(?:\b(?:while|whilst|when)\s+|\(\s*)(?:i\s+was\s+|i\s+am\s+|i'?m\s+)?(?:still\s+)?on|"
    # "my last relapse was on Tysabri", "both relapses happened while on it"
    r"(?<!no )(?<!never )\b(?:relapses?|attacks?|flare[- ]?ups?)\s+" + _CAME_ON + r"|"
    # its date between: "My last relapse was Jan 2024, on Aubagio"
    r"(?<!no )(?<!never )\b(?:relapses?|attacks?)\s+(?:was|were|happened|came)\s+(?:in\s+)?"
    rf"(?:(?:{_MONTH_WORD})\.?\s+)?(?:19|20)\d\d\s*,\s*(?:while\s+|whilst\s+)?(?:still\s+)?on|"
    # the one set against a denied one: "it wasn't the Tysabri that failed, it was the Tecfidera"
    r"(?:failed|did ?n'?t work|stopped working)\s*[,;-]\s*(?:it was|it'?s|but|it was actually)"
    r"\s+(?:the|my)?)\s*$",
    re.I,
)
# A drug said not to be the one that failed: "it wasn't the Tysabri (that failed)".
_NOT_THIS_ONE_BEFORE = re.compile(
    r"\b(?:was ?n'?t|wasnt|was not|is ?n'?t|isnt|is not|not)\s+(?:the|my)\s+$", re.I
)
_THAT_FAILED_AFTER = re.compile(
    r"^\s+(?:that|which|who)\s+(?:failed|did ?n'?t work|stopped working)\b", re.I
)
_FORM_AFTER = re.compile(
    r"^\W*(?:injections?|infusions?|tablets?|pills?|capsules?|shots?|jabs?|pens?)\b", re.I
)
_SIDE_EFFECTS = re.compile(
    # (not "even though I was JCV negative": a test that gave no reason to stop)
    r"side[- ]effects?|allerg|intoleran|pregnan|infection|liver|pml|"
    # "(infusion reactions)", "an ISR every time", "anaphylaxis"
    r"\breactions?\b|anaphyla\w*|\bisrs?\b|"
    r"jcv(?!\s*(?:neg\w*|-ve\b)|-(?![\w+]))|rash|cost|insurance|"
    r"tired of inject|needle|flush\w*|nausea|stomach|diarrh\w*|headaches?|hair loss|lymph\w*|"
    r"\bgi\b|gut|bowel|tummy|"
    r"white (blood )?cells?|igg|couldn'?t stand|could not stand|hated|injections?|"
    r"heart|jc ?virus|jc index|approval|afford\w*|expensive|costly|can'?t get|cannot get|"
    r"availab\w*|platelet\w*|thyroid|kidney|depress\w*|mood|weight|blood pressure|skin|"
    r"bruis\w*|macular|hair|flu\b|flu[- ]like|"
    # a clinic letter's words for them: "d/c'd for alopecia", "(neutropenia)"
    r"alopecia|neutropeni\w*|leu[ck]openi\w*|bradycard\w*|hepat\w*|transaminase\w*|\blfts?\b|"
    # how it made the writer feel: "feeling like garbage on Tecfidera", "made me feel awful"
    r"feel(?:ing|s)? (?:like )?(?:garbage|rubbish|crap|awful|terrible|horrible|dreadful|ill|sick|"
    r"rough|lousy|poorly|so bad)|made me (?:feel )?(?:sick|ill|awful|miserable)|"
    # a life event: a baby, a move ("came off it to try for a baby", "after moving here")
    r"\bbaby|conceiv\w*|try(?:ing)? for (?:a|another) (?:baby|child|kid)|\bivf\b|"
    r"breast ?feed\w*|moved (?:here|abroad|countr\w*|house)|moving (?:here|abroad|countr\w*|house)|"
    r"relocat\w*|to ha(?:ve|d) (?:my|our|a|the|his|her) (?:son|daughter|child|kid|twins?)\b|"
    # feeling ill on it ("made me sick"), not "sick of relapsing"
    r"\bsick\b(?! of)|\bunwell\b|vomit\w*|"
    r"made (?:me|him|her) (?:so |really |very )?(?:ill|poorly)\b",
    re.I,
)


# A reason denied ("not because of side effects,"): it says nothing, and the words after it say
# why the treatment was stopped.
_DENIED_SIDE_REASON = re.compile(
    rf"\bnot\s+(?:{_BECAUSE}|for)\s+(?:of\s+)?(?:the\s+|any\s+)?(?:{_SIDE_EFFECTS.pattern})"
    r"[^,.;]{0,20}[,;]?\s*",
    re.I,
)


# A failure said, then conceded in the same sentence by the evidence ("I felt it wasn't doing
# anything, though to be fair my MRIs were stable and I hadn't relapsed"): left unjudged.
_FAILURE_CONCEDED = re.compile(
    r"^[^.;!?]*?\b(?:though|although|but|however|then again)\b(?:\s*,?\s*to be (?:fair|honest))?"
    r"(?![^.;!?]*\b(?:worse|new lesions?|progress\w*|active|activity|enhancing)\b)"
    r"[^.;!?]{0,60}?\b(?:(?:mri|mris|scans?|disease|things|it)\s+(?:\w+\s+){0,2}?stable|"
    r"(?:hadn'?t|had not|haven'?t|have not|didn'?t|did not|never)\s+(?:\w+\s+)?relapsed|"
    r"no (?:new )?(?:relapses|activity|lesions))\b",
    re.I,
)
# A failure named by the doctor in so many words: "my neuro called it progression".
_CALLED_FAILURE = re.compile(
    r"^[^.;!?]{0,100}?\b(?:called|calls|labelled|labeled|said|says)\s+(?:it|this|that)\s+"
    r"(?:was\s+|is\s+)?(?:progression|a failure|(?:a )?treatment failure|breakthrough)\b",
    re.I,
)
# A failure of another kind said past a denial, after a contrast: "no relapses on it, but I went
# from walking unaided to a stick and my neuro called it progression" (not relapses: "never
# relapsed on it, but relapsed once I stopped" is no failure of it).
_FAILURE_PAST_THE_DENIAL = re.compile(
    r"^[^.;!?]{0,20}?\b(?:but|however|though|although|yet)\b"
    # (no denial on the way: "but I haven't progressed either")
    r"(?:(?!\b(?:not|never|no|without|haven'?t|hasn'?t|hadn'?t|didn'?t|isn'?t|wasn'?t)\b)"
    r"[^.;!?]){0,100}?\b(?:progress\w*|"
    r"got worse|getting worse|new lesions?|(?:mri|scan)s? (?:got|was|were) worse|"
    r"(?:a |treatment )failure)\b",
    re.I,
)
# A verdict still to come: "if the next MRI shows anything she'll call Kesimpta a failure".
_CALLED_LATER = re.compile(
    r"\b(?:will|'ll|would|going to|might|may|could)\s+(?:\w+\s+)?(?:call|consider|count|label)"
    r"\w*\s*$",
    re.I,
)


# A denial of failure with its exceptions after it: "None of them really failed, except
# Tysabri", "nothing stopped working apart from Copaxone".
_NONE_FAILED_EXCEPT = re.compile(
    r"\b(?:none|nothing|neither)\b(?:\s+of\s+(?:them|those|these|my\s+\w+))?\s+"
    r"(?:(?:has|have|had|really|ever|actually|truly)\s+)*(?:failed|stopped working|"
    r"(?:did|does)\s+not\s+work|didn'?t work)\W+(?:(?:really|i guess|i suppose)\W+)?"
    r"(?:except|apart from|other than|besides|aside from|but)\s+(?:for\s+)?",
    re.I,
)


def _side_effect_told(after: str) -> bool:
    """Whether the words after a drug give a side effect (or another reason that is no failure)
    in their own sentence: "stopped, the flushing was too much". Not a fact denied there with
    "not" or "no" ("didn't work, not pregnant or breastfeeding"), nor one in the next sentence."""
    sentence = re.split(r"[.;!?\n]", _FORM_AFTER.sub("", after))[0][:60]
    return any(
        # ("never pregnant while on it" stays a reason: "never" there is no failure either)
        # "not because of side effects" denies that reason as well
        not re.search(r"\b(?:not|no)\s+(?:\w+\s+){0,2}$", sentence[: m.start()], re.I)
        for m in _SIDE_EFFECTS.finditer(sentence)
    )


def _side_effect_before(before: str) -> bool:
    """Whether a side effect is said right before the drug, in its sentence, as what it did:
    "does feeling like garbage on tecfidera count", "the nausea from Aubagio" (not one denied:
    "no nausea on Aubagio")."""
    sentence = re.split(r"[.;!?\n]", before)[-1]
    said = re.search(
        rf"(?:{_SIDE_EFFECTS.pattern})[^.;!?]{{0,15}}?\b(?:on|from|with|taking|of)\s+"
        r"(?:the\s+|my\s+)?$",
        sentence,
        re.I,
    )
    return bool(said) and not re.search(
        r"\b(?:not|no|never|without)\s+(?:\w+\s+){0,2}$", sentence[: said.start()], re.I
    )


_CURRENT_NEAR = re.compile(
    r"\b(now|currently|at the moment|these days|still|current|presently|right now|"
    r"since \w+ (i'?ve been|i am)|am on|i'?m on|taking|takes?|tomo|toma|using|uses|"
    r"continu(?:e|es|ing)(?: on| with)?)\b",  # a letter's "Plan: continue ocrelizumab"
    re.I,
)


def _current_near(before: str, ended: bool) -> bool:
    """A word of now right before the drug, in its sentence: "currently on Ocrevus"; not one
    denied ("nothing current (rituximab 2019-2024)") nor beside a treatment said to be over."""
    m = _CURRENT_NEAR.search(before)
    return bool(m) and not ended and not _DENIED_NOW.search(before[: m.start()])


# A pasted list's label right before the treatment: "Current medications: Kesimpta 20 mg".
_CURRENT_LABEL = re.compile(
    r"\b(?:current|present|active)\s+(?:medications?|meds|treatments?|therap(?:y|ies)|dmts?|"
    r"drugs?)\s*:\s*$|"
    # a list's status heading its item: "Status: ACTIVE - Zeposia 0.92mg"
    r"\bstatus\s*:?\s*(?:active|current|ongoing)\s*[-–:]?\s*$",
    re.I,
)
_DENIED_NOW = re.compile(r"\b(?:nothing|none|no|not|never)\s+$", re.I)


# Why a switch was made, told after the drug switched to ("switched to Ocrevus in 2022 because I
# kept relapsing on it", "then switched to Mavenclad after two relapses"): said of the one left.
# A label's colon after a switch written as an arrow says it too ("Reason for switch (Tecfidera
# → Ocrevus): lymphs").
_SWITCH_REASON = re.compile(rf"^[^.;!?]{{0,40}}?\b(?:{_BECAUSE}|as|when|after)\b|^\s*\)\s*:", re.I)
_SWITCHED_AFTER_RELAPSES = re.compile(
    r"^[^.;!?]{0,25}?\b(?:after|when) (?:(?:\d+|two|three|four|several|multiple|more|repeated|"
    r"many) (?:\w+ )?relapses|(?:a |another )?(?:new |more )?(?:lesions?|relapse)\b|"
    r"(?:[\w']+ ){0,4}(?:progress\w*|new lesions|breakthrough)|(?:my|the) (?:edss|disability) "
    r"(?:kept|went|got)\b)",
    re.I,
)
# "switched from Avonex to Kesimpta": the one switched to is the one now; so is the next one of
# a story of switches ("switched to Tecfidera in 2017 because ..., then to Ocrevus in 2021").
# Why a switch was made, in brackets after the new drug (and its year): "escalated to Ocrevus
# 2023 (breakthrough)" says the one before failed.
_WHY_IN_BRACKETS = re.compile(
    r"^\W{0,3}(?:(?:19|20)\d\d\s*)?\(\s*(?:breakthrough|failure|relapses?|progression)\b", re.I
)
_SWITCHED_TO = re.compile(
    r"(?:\b(switched|changed|change|moved|swapped|went|escalated|de-?escalated|shifted|shift|"
    r"transferred|converted)\b[^.;!?]{0,30}|"
    r"[,;]\s*(?:and\s+)?then\s+)"
    r"\bto\s+(?:the\s+)?(?:new\s+)?"
    r"(?:(?:tab|tabs|tablets?|inj|injections?|caps?|capsules?|infusions?)\s+(?:of\s+)?)?$|"
    # a switch written as an arrow: "Tecfidera → Ocrevus", "rebif -> tecfidera"
    r"\w\)?\s*(?:→|->|=>|-->)\s*$",
    re.I,
)
_DRUGLIKE = re.compile(r"\b([A-Za-z]{4,}(?:mab|mod|nib|ide|ate|one|ine|era|ra|io|ya|za|vus|pta))\b")


# "not on any treatment now", "nothing now", "currently nothing", "between treatments".
# A reply that opens on "not now": "Not currently. Stopped X", "no, not at the moment".
NOT_NOW_OPENING = r"^\W*(?:no\W+)?not (?:currently|right now|at the moment|now)\b"
_NOTHING_NOW = re.compile(
    NOT_NOW_OPENING + "|"
    r"\b(not (on|taking) any(thing| treatment| medication| dmt)?( now| currently| at the moment)?|"
    r"(?:is|are|ai)n'?t (?:on|taking) any(?:thing| treatment| medication| dmt)?|"  # "she isn't"
    r"(nothing|none)( else)? (now|currently|at the moment|since|so far|yet|rn|atm|right now|"
    r"after(?:wards?| that)?(?=\s*(?:$|[.;!?,)])))|"
    r"(currently|now|at the moment) (on )?(nothing|none)|"
    r"switched to (?:nothing|none)\b|"  # "rebif -> tecfidera -> nil": the chain ends in none
    r"(?:nothing|none) (?:for|to treat) (?:the|my) ms\b|"  # "vitamin D. nothing for the MS"
    r"on nothin(g|')?|(not|no) back on anything|nothing current(ly)?\b|"
    r"no longer (on|taking|using|take|use) any(thing|(?: ms)? (?:treatment|medication|meds|drugs?|"
    r"dmts?))|"
    r"not (on|taking) (it|them|anything) any ?more|no (treatment|meds|medication|dmt)s? "
    r"(now|currently|at the moment|since|yet)|between treatments|no meds currently|"
    r"not on anything( yet)?|"
    r"on no (?:active |current |ms |disease[- ]modifying )?(treatment|therapy|meds|medications?|"
    r"dmts?)|"
    r"off (all )?(meds|medications?|treatments?|dmts?|it|them|everything)"
    r"( now| for now| at the moment)?|"
    r"no (?:more )?(treatments?|therapy|therapies|meds|medications?|medicines?|medicaments?|"
    r"dmts?)\b"
    r"(?! (has |have )?(worked|helped))|"
    r"nothing (for|in) the (last|past)|"
    r"(have ?n'?t|havent|have not|not) (taken|been on|had|used|needed) anything since|"
    # "since then I not take nothing", "I don't take anything now"
    r"since then,? (?:i |he |she )?(?:not |don'?t |do not |never )?(?:take|took|taken|had|used) "
    r"(?:nothing|anything)|since then,? (?:nada|nothing|none|zilch|zip)\b|"
    r"\b(?:i|he|she) (?:not|don'?t|do not|doesn'?t|does not) (?:take|use) (?:nothing|anything)\b|"
    # "Don't take any MS drug, never have"
    r"(?:^|(?<=[.,;!]\s)|\b(?:i|he|she)\s+)(?:don'?t|do not|doesn'?t|does not) (?:take|use|get) "
    r"any (?:ms |dmt |disease[- ]modifying )?(?:drugs?|meds|medications?|medicines?|treatments?|"
    r"dmts?)\b|"
    # "presently I am taking nothing", "and then nothing", "Nothing for it but physio",
    # "has no MS treatment", "Doctor has stopped all medicines"
    r"(taking|on|having|getting|(?:i |now i )?(?:use|take)) nothing|\bthen nothing|"
    r"^\W*nothing for (it|the ms|my ms)|"
    r"\bno (ms |dmt |disease[- ]modifying )(treatments?|therapy|meds|medications?|drugs?)|"
    r"\bnot on (any |an? )?(treatment|medication|meds|dmts?)|"
    # "not on Ocrevus or anything else", "not on Kesimpta nor any other DMT"
    r"\bnot (?:on|taking) [^.;!?]{1,40}\b(?:or|nor) (?:anything|any other)\b|"
    r"stopped all (the )?(medicines?|meds|medications?|treatments?|drugs?)|"
    # "I stopped everything when I got pregnant, and never restarted"
    r"stopped everything|never (re-?started|started again|went back on)( it| them| anything)?|"
    # "Ocrevus but it's on hold until after my surgery", "my Ocrevus is on pause": none now
    r"(?:it'?s|its|it is|is|are|they'?re|been|currently|now|was put|were put) (?:on hold|on pause|"
    r"paused)|paused (?:it|them|my \w+|treatment)|"
    # "on a break from Tysabri till my JCV result comes back"
    r"(?:on|taking|having) a (?:break|pause|holiday) from|treatment (?:break|holiday) from|"
    # "technically Ocrevus but on a break till my op", "Paused Ocrevus ..., haven't restarted"
    r"on a (?:break|pause)(?= (?:till|until|while|for|since|because|as)\b)|"
    r"(?:have ?n'?t|havent|have not|not) (?:re-?started|gone back on)(?: it| them)?(?: yet)?)\b",
    re.I,
)
# "Two relapses last year, none so far this year": a "none" that answers the relapses of its
# own sentence says nothing of the treatment.
_RELAPSE_WORDS = re.compile(r"\b(relaps\w*|attacks?|flare[- ]?ups?|flares?|exacerbations?)\b")


# A time before the treatment told: "before this", "until then", "prior to that".
_BEFORE_THEN = re.compile(
    r"\b(?:before (?:this|that|it|then)|until (?:then|that|this)|prior to (?:this|that|it)|"
    r"previously|earlier)\b[\s,:-]*"
    r"(?:(?:i|he|she|they|we)\s+(?:was|were|had been|'?d been)\s+)?$"  # "before that he was"
)
# Told after a "nothing": the treatment taken up again, or one now ("came off it for the baby,
# back on since March", "then nothing for years, now on Gilenya"): the "nothing" was a gap.
_RESUMED_AFTER = re.compile(
    # not a restart still to come: "restarting in January", "will restart after my op"
    r"\b(?:back on|went back|gone back|restarted|re-started|started again|again since|"
    r"(?:i'?m|i am|im|is|he'?s|she'?s) still on|still (?:on|taking|using|dey)|"
    r"(?:now|currently) (?:(?:i'?m|i am|im|he'?s|she'?s) )?on)\b",
    re.I,
)
_NEGATED_BEFORE = re.compile(r"\b(not|never|no|n'?t)\b\W+(\w+\W+)?$")
# Drugs named together: only "and", "&", "+", "/" or a comma between them.
_JOINED = re.compile(
    r"\s*(?:,\s*(?:and\s+)?(?:then\s+)?|and(?:\s+then)?|then|&|\+|/|-+>|→)\s*", re.I
)
# What a group of drugs shares, said after the last: "both stopped because ...", "all for JCV",
# "for JCV and my heart rate respectively".
_SHARED_AFTER = re.compile(
    r"[^.;!?]{0,40}?\b(?:(?:both|all|each|all three|the two of them|all of them)\b|"
    r"[^.;!?]{0,80}\brespectively\b)",
    re.I,
)


def _names_a_drug(low: str) -> bool:
    """Whether a drug is named in ``low`` (lower case), word for word."""
    vocabulary = _drug_matcher()[2]
    return any(w in vocabulary for w in re.findall(r"[a-z][a-z-]+", low))


def _relapse_told_last(low: str) -> bool:
    """Whether a relapse had (not one denied) is the last thing told in ``low``, after every
    drug named: what a "Nothing since." right after it is about."""
    had = [
        r
        for r in _RELAPSE_WORDS.finditer(low)
        if not re.search(r"\b(?:not|no|never|n't|any more)\s+(?:\w+\s+)?$", low[: r.start()])
    ]
    return bool(had) and not _names_a_drug(low[had[-1].end() :])


def _drug_started_last(before: str) -> bool:
    """Whether the sentence ending ``before`` starts a drug and ends none ("... and went onto
    Ocrevus that autumn."): a "Nothing since." after it is about relapses."""
    told = re.split(r"[.;!?\n]", before.rstrip(" .;!?\n"))[-1]
    return (
        re.search(
            r"\b(?:switched|moved|changed|started|began|went)\s+(?:on|onto|to|over to)?\s*"
            r"[^.;!?]{0,40}$",
            told,
        )
        is not None
        and _names_a_drug(told)
        and not re.search(
            r"\b(?:stopped|quit|came off|ended|finished|discontinued|until|till)\b", told
        )
    )


# Words that close a list of medicines as all there is: "that's it", "nothing else", "just",
# "only", "instead" (not a record's "Current medications:" label alone, which lists what it
# holds: the MS treatment may be given elsewhere).
_ONLY_THESE = re.compile(
    r"\b(?:that'?s it|that is it|that'?s all|nothing else|only|just|instead|no dmts?)\b", re.I
)


def _nothing_now(low: str) -> re.Match | None:
    """_NOTHING_NOW in ``low``, but for a "none"/"nothing" said of relapses."""
    for m in _NOTHING_NOW.finditer(low):
        sentence = re.split(r"[.;!?\n]", low[: m.start()])[-1]
        if _since_a_drug_not_ended(low, m, sentence):
            continue
        bare = re.match(r"(?:since then,? |then )?(nothing|none|nada|zilch|zip)\b", m.group(0))
        if bare and _RELAPSE_WORDS.search(sentence):
            continue  # "Last relapse was in 2022, since then nothing": no relapse since
        if bare and re.match(r"\W*(?:until|till|til|up to|up until)\b", low[m.end() :]):
            # "Then nothing until a small relapse in 2025", "then nothing until Ocrevus last
            # month": a time of nothing that something ended, not nothing now
            continue
        if re.match(r"(?:nothing|none) since\b", m.group(0)) and _RELAPSE_WORDS.search(
            re.split(r"[.!?\n]", low[: m.start()])[-1]
        ):
            continue  # "One of the guys had 3 relapses last year; lucky me, none since 2021"
        if re.match(r"(nothing|none)( else)? since\b", m.group(0)) and re.search(
            r"\b(?:switched|moved|changed|started|began|went)\b[^,;]{0,30},\s*$", sentence
        ):
            continue  # "Switched to Ocrevus in January, none since": no relapse since the switch
        tail = re.match(
            # (a reason after it is no time: "None since, because Ocrevus actually works")
            rf"(.*?)(?:nothing|none)(?: else)? since(?:\W*$|\W+(?:{_BECAUSE}|as|thanks to)\b.*$)",
            low[m.start() :].split(".")[0],
        )
        head = sentence + (tail.group(1) if tail else "")
        if (
            tail
            and re.search(r"\bsince\b[^,;]{0,30},\s*$", head)
            and _names_a_drug(head)
            and not re.search(r"\b(?:stopped|quit|off|ended|came off|finished)\b", head)
        ):
            continue  # "Ocrevus since then, nothing since": a drug taken since, nothing else since
        if (
            tail
            and not _names_a_drug(low[: m.start()])
            and not re.search(_TREATMENT_WORD, head)
            and not re.search(
                r"\b(?:stopped|quit|came off|off|finished|ended|discontinued|did|done|completed)\b",
                head,
            )
        ):
            continue  # "not since the big one in 2021, and none since. RRMS, Kesimpta": no drug
            # told before it, so not one stopped: the relapses are none
        if (
            tail
            and not tail.group(1)
            and not sentence.strip()
            and (_relapse_told_last(low[: m.start()]) or _drug_started_last(low[: m.start()]))
        ):
            # "I had a relapse in April, steroids for that. Nothing since.", "... and went onto
            # Ocrevus that autumn. Nothing since.": no relapse since
            continue
        if _BEFORE_THEN.search(sentence) or re.match(
            r"\s*(?:before|prior to|until) (?:that|this|it|then)\b", low[m.end() :]
        ):
            continue  # "Started Rituximab in January. Before this no treatment": none before it
        if re.match(r"[^.;!?]{0,20}?\bother\b", low[m.start() :]) and _names_a_drug(
            low[: m.start()]
        ):
            continue  # "on tecfidera since then ... not on any other meds": none beside it
        return m
    return None


# "nothing since" with nothing after its "since" ("..., nothing since, touch wood").
_BARE_NOTHING_SINCE = re.compile(r"(?:nothing|none)(?: else)? since$")
_BARE_SINCE_END = re.compile(r"^\s*(?:$|[,.;!?)\n])")
# What ends or closes a drug's time, said between it and a "nothing since".
_DRUG_TIME_CLOSED = re.compile(
    r"\b(?:stopped|stop|quit|off|ended|until|till|til|used to|was on|were on|came off|finished|"
    r"completed|done|did|had|took|tried|discontinued|no longer|paused|break|gap|before|course)\b|"
    r"\b(?:19|20)\d\d\s*(?:-|–|to|and|&|\+)\s*(?:19|20)?\d\d\b|"
    r"\bfrom\s+(?:(?:the\s+)?ages?\s+)?[1-9]\d\s*(?:-|to|until|till)\s*[1-9]\d\b"
)
# ... and what opens it: "since", "started", "switched to", "went onto".
_DRUG_TIME_OPEN = re.compile(
    r"\b(?:since|from|started|starting|began|switched to|went onto|moved to|now on|onto)\b|"
    r"\b(?:now|currently|still)\b"  # "On Briumvi now and nothing since"
)


def _since_a_drug_not_ended(low: str, m: re.Match, sentence: str) -> bool:
    """ "Tysabri since Jan 2022, JCV neg so far, nothing since", "Started Briumvi May 2024.
    Nothing since, touch wood.": a bare "nothing since" after a drug whose time is still open
    says nothing new happened (no relapse), not that no treatment is taken."""
    if not (_BARE_NOTHING_SINCE.search(m.group(0)) and _BARE_SINCE_END.match(low[m.end() :])):
        return False
    told = sentence
    if not told.strip(" ,-"):  # "Nothing since." opening its sentence: the one before it
        told = "".join(re.split(r"[.;!?\n]", low[: m.start()])[-2:-1])
    words = list(re.finditer(r"[a-z][a-z-]+", told))
    drugs = [w for w in words if w.group(0) in _drug_matcher()[2]]
    if not drugs:
        return False
    last = told[max(0, drugs[-1].start() - 12) :]  # the last drug, with what opened its time
    return bool(_DRUG_TIME_OPEN.search(last)) and not _DRUG_TIME_CLOSED.search(last)


# A drug someone else takes, or one only planned: not a treatment the person has taken.
_NOT_TAKEN_BEFORE = re.compile(
    rf"\b(my|his|her|a) ({_RELATIVE_WORDS}|{_OTHER_PEOPLE})\b[^.;,]{{0,25}}$|"
    # "my sister also has MS and she's on Kesimpta", "My dad has RRMS and takes Tecfidera"
    rf"\b(my|his|her) ({_RELATIVE_WORDS}|{_OTHER_PEOPLE})\b[^.;!?\n]{{0,60}}"
    r"\b(?:(?:she|he)(?:'?s| is| was| has been)?\s+(?:on|taking|takes|took|had|uses|gets)|"
    # "my sister has MS too, she's 44 and on Kesimpta"
    r"(?:she|he)(?:'?s| is)\s+[^.;!?\n]{0,20}?\band\s+(?:is\s+|was\s+)?on|"
    r"and (?:takes|took|is on|was on|has been on|gets|uses))\s+(?:the\s+)?$|"
    # "never anything like Ocrevus", "never had Tysabri", "waiting for insurance to approve X"
    r"\b(never|not ever|have ?n'?t ever|have never)\s+(had|taken|took|tried|been on|used|done|did|"
    r"got|been given|started|on)?"
    r"\s*(anything like|any)?\s*$|\bnothing like\s+$|\bwaiting\b[^.;!?]{0,40}$|"
    # "no Tysabri ever", "no prior Ocrevus": denied at the head of its clause (not "no more")
    # ... and a list of denials: "nothing - not Ocrevus, not Kesimpta, not Tysabri"
    r"(?:^|[.;,!?(:-]\s*|\b(?:and|but|so|or)\s+)(?:no|not|neither)\s+"
    r"(?:prior\s+|previous\s+|any\s+)?$|"
    # "I've had neither Tysabri nor Lemtrada" (not "neither Tysabri nor Ocrevus worked")
    r"\b(?:had|taken|tried|used|been on|on|taking)\s+neither\s+$|"
    # "medical aid wouldn't cover Ocrevus", "don't know if I got ofatumumab or teriflunomide"
    r"\b(?:wouldn'?t|would not|didn'?t|did not|won'?t|will not|refused to|declined to|"
    r"doesn'?t|does not|don'?t|do not|can'?t|cannot|won'?t)\s+"
    r"(?:cover|pay for|fund|approve|afford)\s+(?:the\s+)?$|"
    r"\b(?:denied|rejected|refused)\s+(?:me\s+)?(?:for\s+)?$|"
    # a plan or a comparison: "the plan is Ocrevus after the birth", "much cheaper than
    # Ocrevus", "my neuro wants to move me to Ocrevus"
    r"\b(?:the|my|our)\s+plan\s+is\s+(?:to\s+(?:start|go on|switch to|move to|try)\s+)?$|"
    r"\b(?:cheaper|dearer|better|worse|safer|stronger|weaker|easier|harder|more \w+|less \w+)"
    r"\s+than\s+(?:the\s+)?$|"
    r"\bwants?\s+(?:to\s+)?(?:move|switch|change|put|start)\s+(?:me|him|her)\s+(?:on)?(?:to|on)\s+$|"
    # a group's drugs: "half of them are on Ocrevus", "Everyone in my group is on", "Loads of
    # them have had"; not "all of us"
    r"\b(?:half|most|some|all|loads|lots|many|several|everyone|everybody|others|people|the rest)"
    r"(?:\s+of\s+(?:them|the\s+\w+|my\s+\w+))?(?:\s+(?:in|from|at)\s+(?:my|the|our)\s+[\w-]+"
    r"(?:\s+group)?)?\s+(?:is|are|was|were|have|has|had)\s+(?:been\s+)?(?:on|had|taking|tried|"
    r"using)\s+(?:the\s+)?$|"
    # "now they say I'm too old for Ocrevus", "not eligible for Lemtrada": ruled out, not given
    r"\b(?:too\s+(?:old|young|disabled|advanced|far\s+gone|far\s+along|progressed)|"
    r"(?:not|never\s+been|wasn'?t|isn'?t)\s+(?:eligible|suitable|a\s+candidate)|ineligible|"
    r"ruled\s+out)\s+(?:for|from)\s+(?:the\s+)?$|"
    # "on steroids until my first Ocrevus infusion on the 20th": its first dose is still to come
    r"\b(?:now|currently|at the moment|i'?m on|i am on|bridging)\b[^.;!?]{0,60}\b(?:until|till|til)"
    r"\s+(?:my|the|her|his)\s+(?:first|1st)\s+$|"
    r"\b(?:don'?t|do not|didn'?t|did not|never) (?:know|knew|find out|found out) "
    r"(?:if|whether) (?:i|he|she|we) (?:got|was on|had|received|was given)\s+(?:the\s+)?$|"
    r"\b(waiting to start|going to start|(?:meant|due|scheduled) to start|"
    # not "since starting Ocrevus", "after starting X": a start told, in the past
    r"will start|about to start|supposed to start|(?<!since )(?<!after )starting|"
    r"plan(ning)? to (start|take)|"
    # a letter's plan: "Plan: commence ocrelizumab", "DMT: Tecfidera - to switch to Kesimpta"
    r"plan\s*:\s*(?:to\s+)?(?:commence|start|begin|initiate|switch to|change to)|"
    r"(?:to|will|due to|going to|plan to|planned to) (?:commence|initiate)|"
    r"(?:(?:due|about|going|planning|planned|set) |(?<=[-:] ))to (?:switch|change|move) "
    r"(?:over )?to|"
    r"might (start|try)|maybe( (start|try|go on|switch to|move to))?|considering|"
    # "the appointment where they decide whether I start Kesimpta": a choice not made yet
    r"(?:whether|decid\w* (?:if|on)) (?:(?:i|he|she|we) )?(?:should |will |would |can )?"
    r"(?:start|try|go on|switch to|move to|take)|"
    r"offer(?:ed|s|ing)( me)?|"
    # a letter's plan: "Plan: review DMT, consider escalation to ofatumumab"
    r"consider(?:ing)? (?:an? )?(?:escalation|escalating|switch(?:ing)?|change|changing|"
    r"moving|move)(?: (?:over|up))? to|"
    # (present forms too, as second-language writers use them: "they propose me Mayzent",
    # "they're discussing Kesimpta")
    r"(?:suggest|recommend|discuss|mention)(?:ed|s|ing)?|propos(?:ed|es|e|ing)(?: me)?|"
    r"talked about|"
    r"(?<!i'm )(?<!im )(?<!i am )talking(?: about)?|"  # "they're talking ocrevus" (not a typo)
    r"(said|say|saying) no to|\bno to|refused|declined|turned down|rejected|(?:do|did)n'?t want|"
    r"(?:switching|moving|changing) (?:over )?to|"
    r"wants? me (to (start|try|take|think about|consider|go onto|go on|switch to|move to|"
    r"change to)|on)|"
    r"(?:wants?|wanted|going|planning|plans?) to (?:start|put|switch|move) (?:me|him|her) "
    r"on(?:to)?|"
    r"wanted me (to (start|try|take|go on) |to )?on|wanted me to (start|try|take)|"
    # "the neurologist wanted Ocrevus", "neuro wants to start ocrevus in jan": a wish, not a dose
    r"(?:wants?|wanted|would like)(?: (?:me|him|her))?(?: to (?:start|try|give|use|put)"
    r"(?: (?:me|him|her))?)?(?: on)?|"
    r"(keeps? |kept |been )?push(ing|ed|es)?( me (on|towards?|to try))?|"
    r"(i'?ll|i will|i'?m going to|i am going to|gonna) (go|switch|move|be going|be moving)"
    r"( over)? (on|onto|to)|"
    r"thinking (about|of)( starting| trying)?|"
    # "the neuro wants a washout before Kesimpta": the next one, not started yet
    r"wash-?out (?:period )?before(?: (?:starting|switching to|going on))?)"
    r"\s*$",
    re.I,
)
# Said after the drug: the person turned it down or has not decided ("they offered Ocrevus and
# I'm still deciding", "wanted me on Mavenclad but I turned it down").
_REFUSED_AFTER = re.compile(
    # "Kesimpta (suggested) but not started yet", "Ocrevus was offered"
    r"^\W{0,3}(?:[^\W\d]+\s+)?(?:\(\s*)?(?:was |were )?"
    r"(?:suggested|offered|recommended|proposed)\b|"
    r"^[^.;!?]{0,40}\b(?:and|but|so)\s+(?:i\s+|i'?ve\s+|i have\s+|i'?m\s+|i am\s+|"
    # "but the health plan refused it", "but my insurance declined"
    r"(?:the|my|our|his|her)\s+(?:[\w-]+\s+){0,2}?(?=refused|declined|rejected|denied|said no))?"
    r"(?:keep\s+)?(?:turned (?:it|them|that|him|her) down|said no|say(?:ing)? no|refused|declined|"
    r"rejected|denied|(?:didn'?t|didnt|did not) want (?:it|them|that)\b"
    r"(?! (?:any ?more|any longer|again|back)\b)(?! \w+ (?:any ?more|any longer|again)\b)|"
    r"(?:still )?deciding|(?:am |'m )?not keen|haven'?t decided|have not decided|not sure yet)\b",
    re.I,
)
# Said after the drug, of it alone: "natalizumab was what the doctor first suggested but we
# never started".
_NEVER_STARTED_AFTER = re.compile(
    # a list's answer after the drug: "aubagio: no", "Tysabri - never" (a cross mark reads so)
    # (not "Copaxone ✘ (relapses) → Tysabri": stopped, for its reason; nor "Tecfidera - no wait")
    r"^\s*[:(-]\s*(?:no|never|nope|not taken)\b"
    r"(?!\s+(?:relapses?|problems?|issues?|side|again|more|since|ever again))"
    # what it failed to do: "Avonex - never really worked", "Rebif - no good", "- no effect"
    r"(?!\s+(?:really\s+|quite\s+|fully\s+)?(?:work\w*|help\w*|effective|did|do|made|stopped|"
    r"controlled|slowed|good|use|effect|difference|benefit)\b)"
    r"(?![;,]?\s*[(→>]|[,;]?\s*(?:wait|sorry|actually|i mean|hang on|scratch|stopped|ended|quit|"
    r"came off|switched|finished|discontinued|paused)\b)|"
    r"^\W{0,3}(?:was|is) what (?:the |my )?(?:doctor|doc|neuro\w*|consultant)\s+(?:first\s+)?"
    r"(?:suggested|offered|recommended|wanted)|"
    # "... but we never started", "tried ocre but insurance denied it so never started"; not
    # "had Tysabri, and I never started anything else"
    r"^[^.;!?,]{0,50}?\b(?:so|and|but)\s+(?:(?:we|i|he|she)\s+)?never\s+(?:started|took|began|"
    r"went on|got)\b(?!\s+(?:any|anything|another|other|else)\b)|"
    # "Everyone in my group is on Ocrevus or Kesimpta but I've never had either"
    r"^[^.;!?]{0,40}?\b(?:but|and)\s+(?:i'?ve\s+|i have\s+|i\s+)?never\s+(?:had|taken|took|tried|"
    r"been on|used)\s+(?:either|both|any of (?:them|those)|them|those)\b|"
    # "Loads of them have had Lemtrada and swear by it - never had it myself"
    r"^[^.;!?]{0,50}?[,;:-]\s*(?:but\s+)?(?:i'?ve\s+|i have\s+|i\s+)?never\s+"
    r"(?:had|taken|took|tried|been on|used)\s+(?:it|them|that one)\s+(?:myself|me)\b|"
    # "Ocrevus was not reimbursed for me", "neuro said ocrevus wouldnt help much"
    # a list's answer: "Tysabri - yes, 2015 to 2020. Lemtrada - no, never."
    r"^\s*[-:–]\s*(?:no\W+)?never\s*(?:[.;!?\n]|$)|"
    r"^\W{0,3}(?:was|is|were|got)\s+(?:not|n'?t|never)\s+(?:reimbursed|covered|approved|funded|"
    r"available|an option)\b|"
    r"^\s+(?:wouldn'?t|wouldnt|would not|won'?t|will not|might not|may not|isn'?t going to|"
    r"wasn'?t going to)\s+(?:help|work|do (?:much|anything))\b|"
    # a blinded study's drug: "evobrutinib in a trial - or placebo, it's blinded"
    r"^[^.;!?]{0,30}?\bor (?:a |the )?(?:placebo|dummy|sugar pill)\b|"
    r"^[^.;!?]{0,50}?\b(?:it'?s|it is|study is|trial is|was|is)\s+(?:double[- ])?blind(?:ed)?\b",
    re.I,
)
# Said after the drug: a start still to come ("Ocrevus was meant to start in November but got
# pushed to January").
_PLANNED_AFTER = re.compile(
    r"^\W{0,3}(?:was|is|were|are)\s+(?:meant|supposed|due|planned|scheduled|going)\s+to\s+"
    r"(?:start|begin)\b",
    re.I,
)
# Said after the drug: someone else's ("Kesimpta is my wife's", "the Tysabri was my mum's").
_SOMEONE_ELSES_AFTER = re.compile(
    # ... or in brackets after it: "Ocrevus (my husband's, not mine)"
    rf"^\W{{0,3}}(?:(?:is|was|'s|that'?s|are|were)\s+|(?<=\()|(?<=\(\s))(?:my|our|his|her)\s+"
    rf"(?:(?:{_KIN_ADJECTIVES})\s+)?"
    rf"(?:{_RELATIVE_WORDS}|{_OTHER_PEOPLE})(?:'s|s')(?!\s+(?:\w+\s+)?(?:idea|choice|advice))",
    re.I,
)
# Between two drugs of one list ("offered Ocrevus or Kesimpta"): what is said of the first is
# said of the second.
_LIST_JOINER = re.compile(r"\s*(?:,|/|\bor\b|\band\b|\bnor\b)?\s*(?:or|and)?\s*(?:the\s+)?")


# A question states no fact ("Is Ocrevus the only option for PPMS?"), unless the writer says
# in it that they take the drug ("Can I join if I'm on Ocrevus?").
_OWN_USE = re.compile(
    r"\b(i'?m|i am|im|i was|i'?ve been|i have been|i take|i'?m taking|i had|i use|i'?ve had)\b"
    r"[^.?!]{0,20}$",
    re.I,
)


_ON_IT_NEXT = re.compile(
    r"\s*(?:(?:yes|yeah|well|so|because|cos|as)\W+)?(?:i'?m|im|i am|i'?ve been|ive been|"
    # said now: an end said after "it" ("I was on it till 2019") is not read back to the drug
    r"i have been|been|currently|i take|i use|i'?m taking|i am taking)\s+"
    r"(?:(?:on|taking|using)\s+)?(?:it|them)\b(?![^.;!?\n]{0,30}\b(?:until|till|til|stopped)\b)",
    re.I,
)


def _asked_about(text: str, start: int) -> bool:
    """Whether the sentence holding ``start`` is a question that doesn't say the writer takes it."""
    begin = max([0] + [m.end() for m in re.finditer(r"[.!?\n]", text[:start])])
    end = re.search(r"[.!?\n]|$", text[start:])
    sentence_end = start + end.start()
    is_question = text[sentence_end : sentence_end + 1] == "?"
    # "do any trials take people on Ocrevus? I've been on it since 2020": the next sentence says
    # the writer takes the drug asked about
    own_next = _ON_IT_NEXT.match(text, sentence_end + 1)
    # "Ocrevus, is that a problem?": the drug said, then a question about it
    tagged = re.match(
        r"[^?]{0,40}?[,;:\u2013\u2014-]\s*(?:is|does|would|will|could|can|do|did|should)\s+"
        r"(?:that|this|it)\b",
        text[start:sentence_end],
        re.I,
    )
    return is_question and not _OWN_USE.search(text[begin:start]) and not own_next and not tagged


# "Not on Kesimpta nor Ocrevus", "not on Ocrevus or anything else": denied at the head of its
# clause, so never said to be taken; not "not on Tecfidera any more", which was taken.
_NOT_ON_BEFORE = re.compile(
    r"(?:^|[.;,!?(:-]\s*|\b(?:and|but|so|or)\s+)(?:i'?m\s+|i am\s+)?not\s+(?:on|taking)\s+"
    r"(?:the\s+)?$",
    re.I,
)
_NO_LONGER_AFTER = re.compile(
    r"^[^.;!?,]{0,25}?\b(?:any ?more|any longer|now|these days|at the moment|currently|"
    r"right now|for now|since|until|till|because|cos|bc|due)\b",
    re.I,
)
# "neither Tysabri nor Gilenya worked": the denial is of what the drugs did, not of taking them
_DENIED_EFFECT_AFTER = re.compile(
    r"^[^.;!?]{0,40}?\b(?:worked|helped|did (?:anything|much|a thing)|stopped)\b", re.I
)


# A time still to come in a drug's own clause ("a place in the ocrelizumab program next year",
# "Kesimpta from January"): a start planned, unless the clause also says it is taken or ending.
_MONTH_ALTERNATION = "|".join(m.lower() for m in MONTH_NAMES)
_TO_COME = re.compile(
    rf"\bnext (?:week|month|year|spring|summer|autumn|fall|winter|{_MONTH_ALTERNATION})\b",
    re.I,
)
# A start tied to a time still to come: "Ocrevus once I wean", "when I stop feeding".
_STARTS_LATER_AFTER = re.compile(
    r"\s+(?:once|when)\s+i\s+(?:wean|stop (?:breast ?)?feeding|give birth|deliver|have the baby)\b",
    re.I,
)
_TAKEN_OR_ENDING = re.compile(
    r"\b(?:since|for \d|been|i'?m on|im on|i am on|currently|still|now|stop\w*|off|coming off|"
    r"finish\w*|until|till|last|started|took|had|was on|infusion|dose|restart\w*|back on|"
    r"resum\w*|again)\b",
    re.I,
)


def _to_come(text: str, mention: tuple[int, int, str]) -> bool:
    """Whether the clause of a drug's mention dates it in time still to come, and says nothing
    of it being taken or ending."""
    start = max(text.rfind(c, 0, mention[0]) for c in ".;!?,\n") + 1
    ends = [i for i in (text.find(c, mention[1]) for c in ".;!?,\n") if i >= 0]
    clause = text[start : min(ends) if ends else len(text)]
    near = clause[max(0, mention[0] - start - 15) : mention[1] - start + 25]  # its own time
    later = _TO_COME.search(near) is not None or (
        _STARTS_LATER_AFTER.match(text, mention[1]) is not None
        and not re.search(r"\b(?:re)?start\w*|back on|went on|was on|took", clause, re.I)
    )
    return later and not _TAKEN_OR_ENDING.search(clause)


# "I have not had Tysabri", "Neither of us has ever had Tysabri": never taken ...
_HAVE_NOT_HAD_BEFORE = re.compile(
    r"(?:\b(?:have|has|had)\s*(?:n'?t|not)|\b(?:neither|none|no one|nobody) of us (?:has|have))\s+"
    r"(?:ever\s+)?(?:had|taken|tried|been on|used|received|started)\s+(?:any\s+)?$",
    re.I,
)
# ... but not "I haven't had Tysabri since 2019" or "... for two years": it was taken before.
_FOR_A_TIME_AFTER = re.compile(
    r"^[^.;!?]{0,30}?\b(?:since|for|in (?:the )?(?:last|past)|any ?more|again|lately|recently|"
    r"this year|yet)\b",
    re.I,
)


def _not_taken(text: str, mention: tuple[int, int, str]) -> bool:
    """A drug someone else takes, one only planned, suggested or turned down, denied at the
    head of its clause, or one asked about."""
    before = text[max(0, mention[0] - 40) : mention[0]]
    after = text[mention[1] :]
    if begun_after(text, mention[1]):
        return False  # "I was supposed to start Ocrevus but - no, I mean, I did start"
    own = re.search(r"\bmy\s+$", before, re.I)  # "my husband drives me to my Tysabri infusions"
    if _DENIED_EFFECT_AFTER.match(after) and re.search(r"\b(?:neither|not)\s+$", before, re.I):
        return False
    return (
        (not own and _NOT_TAKEN_BEFORE.search(before) is not None)
        or (_NOT_ON_BEFORE.search(before) is not None and not _NO_LONGER_AFTER.match(after))
        or (_HAVE_NOT_HAD_BEFORE.search(before) is not None and not _FOR_A_TIME_AFTER.match(after))
        or _REFUSED_AFTER.match(text[mention[1] :]) is not None
        or _PLANNED_AFTER.match(text[mention[1] :]) is not None
        or _NEVER_STARTED_AFTER.match(text[mention[1] :]) is not None
        or _SOMEONE_ELSES_AFTER.match(text[mention[1] :]) is not None
        or _asked_about(text, mention[0])
        or _to_come(text, mention)
        or only_planned(text, mention[0], mention[1])
    )


def _next_other(mentions: list[tuple[int, int, str]], i: int) -> int | None:
    """Where the next drug other than the ``i``th mention's is named, if one is."""
    return next((s for s, _, n in mentions[i + 1 :] if n != mentions[i][2]), None)


def _not_taken_all(text: str, mentions: list[tuple[int, int, str]]) -> list[bool]:
    """_not_taken of each mention, carried along a list ("offered Ocrevus or Kesimpta", "never
    been on Ocrevus or Tysabri") both ways: what is said of one drug of the list is said of
    all of it."""
    flags = [
        _not_taken(text, m) or line_status(text, m[1], _next_other(mentions, i)) == "not_taken"
        for i, m in enumerate(mentions)
    ]  # "Vumerity 231mg - STATUS: PENDING (insurance)": a record's word for never started
    joined = [
        i > 0 and _LIST_JOINER.fullmatch(text[mentions[i - 1][1] : mentions[i][0]]) is not None
        for i in range(len(mentions))
    ]
    for i in range(1, len(mentions)):  # forwards: "offered X or Y"
        if joined[i] and flags[i - 1]:
            flags[i] = True
        elif (  # its other name in brackets: "We will start ofatumumab (Kesimpta)"
            flags[i - 1]
            and mentions[i][2] == mentions[i - 1][2]
            and re.fullmatch(r"\s*\(\s*", text[mentions[i - 1][1] : mentions[i][0]])
        ):
            flags[i] = True
    for i in range(len(mentions) - 1, 0, -1):  # backwards: "X or Y, which I turned down"
        if joined[i] and flags[i] and _REFUSED_AFTER.match(text[mentions[i][1] :]):
            flags[i - 1] = True
    return flags


# A word in a drug's own clause saying it is not the one taken now: taken before, to come,
# wished for, someone else's, or asked about ("had Tysabri", "starting Ocrevus", "mum's Avonex").
_NOT_NOW_CLAUSE = re.compile(
    r"\b(?:had|took|tried|used|was|were|did|received|got|given|prescribed|offered|stopp\w*|"
    r"quit|off|start\w*|begin\w*|want\w*|supposed|plan\w*|will|going to|gonna|consider\w*|"
    r"think\w*|suggest\w*|recommend\w*|hop\w*|wait\w*|before|until|till|if|whether|about|"
    rf"{_RELATIVE_WORDS}|friend|partner|not|never|no longer)\b|n'?t\b|'s\b",
    re.I,
)
# "now" in the languages the bot detects ("jetzt Kesimpta", "agora Mavenclad")
_NOW_ABROAD = r"jetzt|ahora|agora|adesso|maintenant"
_THEN_BEFORE = re.compile(
    r"\b(?:then|and now|now|after that|afterwards|followed by|"
    # "then back to Tecfidera", "then back on Copaxone": the last step, a drug taken again
    r"(?:then|and|now)\s+(?:went\s+|switched\s+|going\s+)?back\s+(?:to|on(?:to)?)|"
    # the same in the writer's language: "dann Gilenya, jetzt Kesimpta", "depois Gilenya"
    rf"dann|depois|luego|despu[eé]s|puis|poi|{_NOW_ABROAD})\W*$",
    re.I,
)


# The reason for a step of a treatment story, said after it in its own sentence.
_REASON_FOR_STEP = re.compile(r"\b(?:because|cos|coz|cuz|bc|due to|as)\b[^.;!?]*$", re.I)


def _story_steps(text: str, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The mentions that are steps of a treatment story: without a drug named again, at the
    end, in the reason for the step before it ("... then back to Tecfidera because the Aubagio
    made my hair fall out", "2023 Ocrevus because Tecfidera wasn't controlling it")."""
    while len(mentions) > 1 and mentions[-1][2] in {n for _, _, n in mentions[:-1]}:
        if not _REASON_FOR_STEP.search(text[mentions[-2][1] : mentions[-1][0]]):
            break
        mentions = mentions[:-1]
    return mentions


def _last_of_the_story(
    text: str,
    mentions: list[tuple[int, int, str]],
    answer: TherapyAnswer,
    ended: list[str],
    requested: bool,
) -> str | None:
    """The treatment taken now when no word says so: the one a story of treatments ends on
    ("Rebif, then Gilenya till 2019, then Ocrevus"), or, unasked, the one drug of a short
    profile ("59 M SPMS EDSS 6 Siponimod"). None when its own clause says it was before, is
    to come, ended, failed, is someone else's or is asked about. A drug named again in the
    reason for the last step is no step of its own ("then back to Tecfidera because the Aubagio
    made my hair fall out", "2023 Ocrevus because Tecfidera wasn't controlling it")."""
    mentions = _story_steps(text, mentions)
    start, end, name = mentions[-1]
    if name in answer.past or name in answer.failed or name in ended:
        return None
    before = re.split(r"[.;,!?:()\n]", text[:start])[-1]
    opening = len(re.split(r"[.;!?\n]", text[:start])[-1])  # "I was on Avonex, then Copaxone":
    first = min(s for s, _, _ in mentions if s >= start - opening)  # the verb before the first
    sentence_after = re.split(r"[.;!\n]", text[end:])[0]
    if (
        _NOT_NOW_CLAUSE.search(before)
        or _NOT_NOW_CLAUSE.search(text[start - opening : first])
        or "?" in sentence_after
        or _ENDED_AFTER.match(text[end:])
        or re.match(
            r"[^.;!?]{0,40}\b(?:until|till|used to|before|switch\w*|chang\w*)\b", text[end:], re.I
        )
    ):
        return None
    names = {n for _, _, n in mentions}
    if len(names) > 1 and _THEN_BEFORE.search(before):
        return name  # the last of a sequence
    if not requested and len(names) == 1 and len(before.split()) <= 6:
        return name  # "rrms 2021, 28, zeposia. edss 1"
    return None


# A treatment still to come: "starting Ocrevus in January", "supposed to start ocrevus in jan",
# "the neuro wants me on Kesimpta asap".
_START_VERB = (
    r"(?:(?<!since )(?<!after )starting|will start|going to start|about to start|due to start|"
    r"supposed to start)"
)
_LATER = (
    r"(?:next (?:week|month|year)|soon|in (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)"
)
_STARTS_BEFORE = re.compile(
    rf"\b(?:{_START_VERB}|gonna start|"
    r"meant to start|plan(?:ned|ning)? to start|start(?:s)? on|to begin|"
    r"wants? me (?:to start|on)|putting me on|will be (?:starting|on))\s+(?:on\s+)?$",
    re.I,
)
_LATER_AFTER = re.compile(
    rf"^\W{{0,3}}(?:{_LATER}|asap|in \d+ (?:days?|weeks?|months?))\b",
    re.I,
)
_TREATMENT_TO_COME = re.compile(
    rf"\b{_START_VERB}\s+"
    r"(?:(?:a|my|the|on)\s+)?(?:treatment|a dmt|dmts?|meds|medication|therapy)\s+"
    rf"{_LATER}",
    re.I,
)


def _starts_later(text: str, mention: tuple[int, int, str]) -> bool:
    """Whether the treatment named at ``mention`` is only one to start later."""
    if begun_after(text, mention[1]):
        return False
    before = text[max(0, mention[0] - 40) : mention[0]]
    return bool(_STARTS_BEFORE.search(before)) or bool(
        re.search(r"\bstart\w*\b[^.;,]{0,12}$", before, re.I)
        and _LATER_AFTER.match(text[mention[1] :])
    )


# The writer unsure which of two drugs it was: "can't remember if it was Betaseron or Avonex",
# "not sure whether it's Gilenya or Mayzent I'm on".
_UNSURE_WHICH = re.compile(
    r"\b(?:not sure|unsure|can'?t remember|cannot remember|don'?t remember|do not remember|"
    r"can'?t recall|don'?t know|not certain|forget|forgot|which one|whichever)\b",
    re.I,
)


def _one_of_two(
    t: str, mentions: list[tuple[int, int, str]], answer: TherapyAnswer
) -> list[tuple[int, int, str]]:
    """Two drugs joined by "or" in a sentence that says the writer is unsure which: one
    interferon beta when both are, none at all otherwise (each kept as only asked)."""
    interferons = set(load_lexicon().members("interferon"))
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(mentions):
        if i + 1 < len(mentions) and mentions[i][2] != mentions[i + 1][2]:
            (s1, e1, a), (s2, e2, b) = mentions[i], mentions[i + 1]
            head = max([0] + [m.end() for m in re.finditer(r"[.!?\n]", t[:s1])])
            tail = re.search(r"[.!?\n]|$", t[e2:])
            if re.fullmatch(
                r"\s*[,/]?\s*or\s+(?:was it\s+|maybe\s+)?(?:the\s+)?", t[e1:s2], re.I
            ) and (_UNSURE_WHICH.search(t[head : e2 + tail.start()])):
                if a in interferons and b in interferons:
                    out.append((s1, e2, "interferon beta"))
                else:
                    answer.only_asked += [a, b]
                i += 2
                continue
        out.append(mentions[i])
        i += 1
    return out


def parse_therapies(text: str, requested: bool) -> TherapyAnswer | Invalid | None:
    """Therapies in "Tecfidera then Ocrevus, Tecfidera didn't work", "tecfidra", "none"."""
    nlp, matcher, vocabulary = _drug_matcher()
    t = clean(text)
    answer = TherapyAnswer()
    doc = nlp(t)
    spans = sorted(
        {(s, e, nlp.vocab.strings[m]) for m, s, e in matcher(doc)}, key=lambda x: (x[0], -x[1])
    )
    chosen: list[tuple[int, int, str]] = []
    for s, e, name in spans:
        if chosen and s < chosen[-1][1]:
            continue
        chosen.append((s, e, name))
    mentions = [(doc[s:e].start_char, doc[s:e].end_char, name) for s, e, name in chosen]
    covered = {i for s, e, _ in mentions for i in range(s, e)}
    # Case-sensitive abbreviations and near-misses ("tecfidra", "Ocrevis").
    for m in re.finditer(r"\b[\w-]{2,}\b", t):
        if m.start() in covered:
            continue
        word = m.group(0)
        name = vocabulary.get(word) if word.isupper() else None
        if name and len(word) == 2 and re.search(r"\b[A-Z][a-z]+,?\s$", t[: m.start()]):
            name = None  # "Atlanta GA": a state after its town, not glatiramer acetate
        if (
            name is None
            and len(word) >= 5
            # (not "anti-CD20" as "anti-cd52": a code's figures are never misspelled)
            and not any(c.isdigit() for c in word)
            and word.lower() not in _COMMON_WORDS
            and fold(word) not in other_vocabulary()
        ):  # an MS type or a sex word is never a drug
            close = difflib.get_close_matches(
                word.lower(),
                [v for v in vocabulary if v.islower()],
                n=1,
                # 0.8 for 7 letters or more ("tecfidra"); a 6-letter word two letters off a
                # brand is as often an English word ("normal" is not Neoral)
                cutoff=0.8 if len(word) >= 7 else 0.85,
            )
            name = vocabulary[close[0]] if close else _heard_as_drug(word)
        if name:
            mentions.append((m.start(), m.end(), name))
    mentions.extend(_split_names(t, mentions, vocabulary))
    mentions.sort()
    # "Hi! Teri here", "my name is Kes": the writer's own name, not the drug it spells
    mentions = [
        (s, e, n)
        for s, e, n in mentions
        if not (
            t[s : s + 1].isupper()
            and (
                (_GREETING_BEFORE.search(t[:s]) and re.match(r"\s+here\b", t[e:], re.I))
                or re.search(r"\b(?:my name is|my name's|call me)\s+$", t[:s], re.I)
            )
        )
    ]
    low = fold(t)
    # Steroids for a relapse are not an MS treatment taken: their own question reads them.
    steroids = set(load_lexicon().members("corticosteroid"))
    named_steroid = any(name in steroids for _, _, name in mentions)
    mentions = [m for m in mentions if m[2] not in steroids]
    named = len(mentions)
    mentions = _one_of_two(t, mentions, answer)
    if named and not mentions:
        return None  # "not sure whether it's Gilenya or Mayzent I'm on": neither is known
    if not mentions and named_steroid:
        if _NEVER_TREATED.search(low) or _nothing_now(low):
            answer.none = bool(_NEVER_TREATED.search(low))
            answer.current = NO_THERAPY
            return answer
        return None
    if not mentions:
        answer.never = _NEVER_TREATED.search(low) is not None
        if answer.never or (requested and (_BARE_NO.search(low) or _nothing_now(low))):
            answer.none = True
            answer.current = NO_THERAPY
            return answer
        if (
            _nothing_now(low)
            or _TREATMENT_TO_COME.search(low)
            # "not anymore" to the question: treated once, nothing now
            or (requested and re.match(r"\W*(?:not any ?more|no longer)\W*$", low))
        ):
            # "no meds currently", "starting treatment next month": nothing now, earlier ones
            # unknown
            answer.current = NO_THERAPY
            return answer
        if _other_medicine_named(t) and _ONLY_THESE.search(low):
            # "my MS meds are modafinil and Ampyra, nothing else", "Sativex. that's it":
            # symptom medicines alone, so no MS treatment now
            answer.current = NO_THERAPY
            return answer
        if requested:
            other = _other_medicine_named(t)
            if other:  # "fampridine": a medicine we know, but not a treatment of MS itself
                return Invalid("treatment_not_ms", {"name": other})
            unknown = [
                w
                for w in _DRUGLIKE.findall(t)
                if w.lower() not in _COMMON_WORDS and fold(w) not in other_vocabulary()
            ]
            if unknown:
                return Invalid("treatment_unknown", {"name": unknown[0]})
        return None
    not_taken = _not_taken_all(t, mentions)
    if all(not_taken) and all(_starts_later(t, m) for m in mentions):
        # "starting Ocrevus in January", "neuro wants me on Kesimpta asap": only a treatment
        # to come, so none now (the earlier ones are not said, unless "not on anything yet",
        # or "none yet" to the question, or "Nothing taken so far")
        answer.never = answer.none = bool(
            _NEVER_TREATED.search(low)
            or _NOTHING_YET.search(low)
            or (requested and re.match(r"\W*(?:none|nothing)\s+(?:yet|so far)\b", low))
        )
        answer.current = NO_THERAPY
        return answer
    answer.only_asked = [m[2] for m, no in zip(mentions, not_taken) if no and _asked_about(t, m[0])]
    mentions = [m for m, no in zip(mentions, not_taken) if not no]
    # "interferon (Rebif)", "interferon Rebif": one drug, named twice; the exact name is kept
    mentions = [
        m
        for i, m in enumerate(mentions)
        if not (
            i + 1 < len(mentions)
            and re.fullmatch(r"[\s(\-:,]*", t[m[1] : mentions[i + 1][0]])
            and mentions[i + 1][2] != m[2]
            and mentions[i + 1][2].startswith(m[2])
        )
    ]
    if not mentions:  # "My friend takes Kesimpta but I haven't started anything"
        answer.none = bool(
            _NEVER_TREATED.search(low)
            or (requested and (_BARE_NO.search(low) or _nothing_now(low)))
        )
        if answer.none or _nothing_now(low):
            answer.current = NO_THERAPY
            return answer
        return None
    weak_current: str | None = None
    ended: list[str] = []
    courses_over: list[str] = []  # "Lemtrada in 2019 and 2020": not now, nothing else said
    told_earlier: list[str] = []  # "Ocrevus ... Before that Rebif 2014-2020": not the latest
    for i, (start, end, name) in enumerate(mentions):
        if name not in answer.taken:
            answer.taken.append(name)
        ended_so_far = len(ended)
        next_start = mentions[i + 1][0] if i + 1 < len(mentions) else len(t)
        after = t[end:next_start]
        before = t[max(0, start - 30) : start]
        # "Copaxone and Rebif, both stopped because of the injections": drugs named together
        # share what is said after the last of them
        group_end = i
        while group_end + 1 < len(mentions) and _JOINED.fullmatch(
            t[mentions[group_end][1] : mentions[group_end + 1][0]]
        ):
            group_end += 1
        if group_end > i:
            last_after = mentions[group_end + 1][0] if group_end + 1 < len(mentions) else len(t)
            shared = t[mentions[group_end][1] : last_after]
            if _SHARED_AFTER.match(shared):
                after = shared
        last_part = _LAST_PART_DONE.match(after)
        courses = load_lexicon().members("immune_reconstitution")
        if last_part and name not in courses:
            # "moved to Mavenclad in 2021 after 2 relapses on Gilenya, finished year 2 in 2022":
            # only a course has a last year; it is the one named before, not Gilenya's
            course = next((m[2] for m in reversed(mentions[:i]) if m[2] in courses), None)
            if course is not None:
                ended.append(course)
                answer.reason_not_failure.append(course)
                if answer.current == course:
                    answer.current = None
                after = after[last_part.end() :]
        reasons = _DENIED_SIDE_REASON.sub(" ", after)  # "not because of side effects, it ..."
        # "Gilenya 0.5 mg until it stopped working": a dose's decimal point ends no sentence
        reasons = _DOSE.sub(" ", reasons)
        failed_here = (
            (
                # "Rebif) injections 2019-2022 but I had 3 relapses on it": the drug's form is no
                # side effect
                (_FAILED_AFTER.search(reasons) and not _side_effect_told(reasons))
                # relapses on it fail it, whatever else it did ("took my hair AND let the relapses
                # through - two in 2021 while I was on it")
                or _RELAPSES_WHILE_ON.match(reasons)
                # "I was on Gilenya when I relapsed in 2023", "I'd been on it when I relapsed"
                or (_WAS_ON_BEFORE.search(before[-25:]) and _WHEN_RELAPSED_AFTER.match(after))
                or _FAILED_BEFORE.search(before)
                or _IT_FAILED.search(after)
                or _SAID_STOPPED_WORKING.search(after)
                # said right after the drug, whatever side effect follows: "Rebif stopped working
                # AND made me feel awful" (one reason of two a failure: a failure)
                or (_FAILED_RIGHT_AFTER.match(after) and not _REPORTED_BEFORE.search(before))
                or _CALLED_FAILURE.match(after)
            )
            and not _CALLED_LATER.search(before)
        )
        if failed_here and _FAILURE_CONCEDED.match(after):
            failed_here = False
        if i and mentions[i - 1][2] in answer.failed and _NEITHER_DID.search(before):
            failed_here = True  # "Copaxone did nothing for me, and neither did the methotrexate"
        switched_from = mentions[i - 1][2] if i and _SWITCHED_TO.search(before) else None
        if switched_from and (
            (
                failed_here
                and (
                    _SWITCH_REASON.match(after)
                    # not "vumerity (still GI hell) -> aubagio (relapse 2021)": the one left
                    # had its own reason, so the bracket is this one's story
                    or (
                        _WHY_IN_BRACKETS.match(after)
                        and switched_from not in answer.reason_not_failure
                        and switched_from not in answer.worked
                    )
                )
            )
            or _SWITCHED_AFTER_RELAPSES.match(after)
        ):
            # "switched to Ocrevus because I kept relapsing on it": why the earlier one was left
            if switched_from not in answer.failed:
                answer.failed.append(switched_from)
        elif failed_here:
            if name not in answer.failed:
                answer.failed.append(name)
        stopped_for = re.search(
            r"\b(because|due to|cause|cos|coz|bc|for|of|from|gave me|made me|made my)\b",
            after[:40],
            re.I,
        )
        reason = re.split(r"[.;!?\n]", after[:60])[0]  # the reason is said in its own sentence
        if name not in answer.failed and stopped_for and _SIDE_EFFECTS.search(reason):
            answer.worked.append(name)  # "stopped it because of the flushing": not a failure
        # ("feeling like garbage on tecfidera": the side effect said right before it, too)
        other_reason = not failed_here and (_side_effect_told(after) or _side_effect_before(before))
        course_done = _course_done(name, before, after)
        if other_reason or _done_after(after) or course_done:
            answer.reason_not_failure.append(name)  # "Aubagio - hair loss", "Mavenclad done"
        if switched_from and other_reason and _SWITCH_REASON.match(after):
            # "switched to Tecfidera in 2017 because I hated the injections": why Copaxone ended
            answer.reason_not_failure.append(switched_from)
        denial = _FAILURE_DENIED.search(after)
        if denial and _FAILURE_PAST_THE_DENIAL.match(after[denial.end() :]):
            denial = None  # "no relapses on it, but ... my neuro called it progression"
        if (
            denial
            or _FAILURE_DENIED_BEFORE.search(before[-25:])
            or (_NOT_THIS_ONE_BEFORE.search(before[-25:]) and _THAT_FAILED_AFTER.match(after))
        ):
            # "had to stop because of PML, not because it failed", "it's not like X didn't work";
            # after a switch the denied failure is the one left ("Switched from Copaxone to
            # Kesimpta - not because it stopped working")
            denied_ones = {name, switched_from} if switched_from else {name}
            answer.failed = [d for d in answer.failed if d not in denied_ones]
            answer.worked.extend(sorted(denied_ones))
            answer.said_not_failed.extend(sorted(denied_ones))
        # its own words after it, without the stop of the drug named next ("..., and before
        # that I stopped Rebif")
        own_after = _own_line(_NEXT_ONES_END.sub(" ", after))
        status = line_status(t, end, _next_other(mentions, i))
        if status == "current":
            answer.current = name  # a record's "ACTIVE": taken now, whatever else its line says
        elif status in ("ended", "paused"):
            ended.append(name)  # "DISCONTINUED 2023-01-30", "ON HOLD": taken, not now
        elif _STOPPING_SOON_BEFORE.search(before[-40:]) and _SOON_AFTER.match(after):
            answer.current = name  # "taking me off Gilenya next month": on it until then
        elif name in load_lexicon().members("immune_reconstitution") and _LAST_PART_TO_COME.match(
            after
        ):
            answer.current = name  # "Mavenclad year 1 done in April, year 2 due next April"
        elif _done_after(after) or course_done:
            ended.append(name)  # "now Mavenclad done in 2022-2023": a finished course
        elif _TIME_REFERENCE_BEFORE.search(before[-20:]):
            pass  # "Before Mayzent I was on Rebif (ended 2022)": Rebif ended, not Mayzent
        elif re.search(rf"\b(?:{_CONDITION}|should)\b[^.;!?\n]{{0,30}}$", before, re.I):
            pass  # "Considering Glatopa if Extavia gets discontinued": a condition, no end
        elif _ENDED_BEFORE.search(before[-40:]) or _ENDED_AFTER.search(
            _SOMETHING_ELSE_ENDED.sub(" ", own_after)
        ):
            ended.append(name)
        # Said over in this mention: an earlier mention's end ("Copaxone till 2016 ... went back
        # on Copaxone after ... on Glatopa now") was that course's, not this one's.
        over_here = name in ended[ended_so_far:]
        # "I was on Kesimpta": said in the past, with no word that it goes on
        was_on = _WAS_ON_BEFORE.search(before[-25:]) and not _GOES_ON_AFTER.match(after)
        if answer.current == name:
            pass
        elif _OWN_NOW_BEFORE.search(before[-30:]) and not _ENDED_AFTER.search(own_after):
            answer.current = name  # "... not once I take Plegridy": the writer's own words, now
        elif (
            _BACK_ON_BEFORE.search(before[-30:])
            and not _ENDED_AFTER.search(own_after)
            and not _SPAN_CLOSED_AFTER.match(after)
        ):
            answer.current = name  # "Back on Tysabri since July": taken again, now
        elif (
            _PAST_BEFORE.search(before[-25:])
            or was_on
            or _EARLIER_BEFORE.search(before[-30:])
            or _AFTER_ONE_BEFORE.search(before[-40:])
            or re.match(r"\s+(?:first|at first|initially|originally)\b", after)
        ):  # "had Copaxone first": the earlier one
            answer.past.append(name)  # "switched from Tecfidera", "before that Aubagio"
            if not (_PAST_BEFORE.search(before[-25:]) or was_on) or _EARLIER_SAID_BEFORE.search(
                before
            ):
                # named after the one it came before ("..., and before that I stopped Rebif")
                told_earlier.append(name)
        elif _NOT_NOW_BEFORE.search(before[-25:]):
            pass  # "I'm not taking Tysabri any more", "haven't taken Tecfidera since 2020"
        elif _done_after(after) or course_done:
            pass  # "now" dates the finished course (ended above), it is not taken now
        elif _course_over(name, after):
            courses_over.append(name)  # over, though what is taken now is not said
        elif (
            _current_near(re.split(r"[.;!?]", before[-20:])[-1], over_here)
            or (_CURRENT_LABEL.search(before) and not over_here)
            or _SWITCHED_TO.search(before)
            or (_CURRENT_AFTER.match(after) and not over_here)  # not "..., now it is stopped"
            or _OPEN_RANGE_BEFORE.search(before)
        ):
            answer.current = name
        elif (
            (
                _ON_BEFORE.search(before[-30:])
                or _SINCE_AFTER.match(_DOSE_AFTER.sub("", after))
                # "Kesimpta pen monthly (20mg) since Jan 2024": how it is given, then since
                or _SINCE_AFTER.match(_HOW_GIVEN_LEAD.sub("", after))
            )
            and not over_here  # "Meds: Betaseron 2006-2014, ...": the list's first, over
            and not _ENDED.search(
                _SOMETHING_ELSE_ENDED.sub(
                    # "..., previously I was taking Avonex": the next one's past, not this one's
                    " ",
                    _first_clause(after),
                )
            )
            and not (i + 1 < len(mentions) and _NEXT_ONE.search(after))
            # "Kesimpta since March 2024. My last relapse was Jan 2024, on Aubagio": the drug a
            # past relapse came on is no later one than the one already said to be taken
            and not (
                weak_current
                and failed_here
                and re.search(r"\b(?:relapse|attack|flare)", before[-40:], re.I)
            )
        ):
            weak_current = name  # "RRMS, on Copaxone": on it now, unless another one came after it
        if (
            _NOT_FAILED_AFTER.match(after)
            or _NOT_FAILED_BEFORE.search(before[-12:])
            or _HOLDING_BEFORE.search(before)
            or (_worked(after) and not re.search(r"\b(only|just)\s+$", before))
            or _ONLY_ONE_WORKED.match(after)
        ):  # "only Tysabri worked" says others failed
            answer.worked.append(name)  # "Tecfidera no", "Mavenclad worked well"
            answer.said_not_failed.append(name)
    if answer.current is None and weak_current not in answer.past:
        answer.current = weak_current
    if answer.current is None:
        answer.current = _last_of_the_story(t, mentions, answer, ended + courses_over, requested)
    if answer.current is None and all(n in answer.past or n in ended for _, _, n in mentions):
        if _nothing_now(low):  # "no longer on anything, used to be on Copaxone"
            answer.current = NO_THERAPY
    latest = [
        name
        for _, _, name in _story_steps(t, mentions)
        if (name not in answer.past or name in ended) and name not in told_earlier
    ]
    if answer.current is None and latest and latest[-1] in ended:
        last_end = max(end for _, end, name in mentions if name == latest[-1])
        taken_up_again = any(
            re.match(r"\s*(?:it|them|am|that)\b", t[m.end() :], re.I)
            and not _NEGATED_BEFORE.search(t[last_end : m.start()].lower())
            for m in _RESUMED_AFTER.finditer(t, last_end)
        )  # "... I stop. I restarted it in 2024, still using it now"
        answer.current = latest[-1] if taken_up_again else NO_THERAPY
        answer.nothing_now_inferred = not taken_up_again
        # "Tysabri, then Ocrevus, which I stopped in 2024": nothing now
    answer.unknown = [
        w
        for w in _unnamed_list_items(t, mentions)
        if not _other_word(fold(w)) and resolve_place(w, strict=True) is None
    ]  # "30/F/Chicago, on Ocrevus": a town is no unknown treatment
    held = {
        name
        for _, end, name in mentions
        if re.match(r"[^.;,]{0,40}\b(?:has held|has kept|is keeping|keeps) me\b", t[end:], re.I)
    }
    for together in _ALL_FAILED.finditer(t):
        # "Rebif and Betaferon, both stopped working", "Rebif, Copaxone and Tecfidera all failed,
        # that's why I'm on Tysabri": the treatments named before it in the same sentence.
        sentence_start = max([0] + [m.end() for m in re.finditer(r"[.;!?]", t[: together.start()])])
        named = {name for s, _, name in mentions if sentence_start <= s < together.end()}
        # "... all switched because of relapses except tysabri which was jcv": not that one
        sentence_end = re.search(r"[.;!?]|$", t[together.end() :]).start() + together.end()
        excepted = re.search(r"\b(?:except|apart from|but not|other than)\b", t[together.end() :])
        spared = (
            {
                name
                for s, _, name in mentions
                if together.end() + excepted.start() <= s < sentence_end
            }
            if excepted and together.end() + excepted.start() < sentence_end
            else set()
        )
        if re.search(r"\b(?:stopped|switched|changed|came off)\b", together.group(0), re.I):
            spared.add(answer.current)  # "all switched because of relapses": not the one now
        named -= spared
        if not named and together.group(0).lower().endswith("them"):
            continue  # "... I kept relapsing on them until Ocrevus": whose "them", unsaid here
        answer.failed = [
            d
            for d in (
                [d for d in answer.taken if d in named or d in answer.failed]
                if named
                else list(answer.taken)
            )
            if d not in held and (d not in spared or d in answer.failed)
        ]  # "All of them failed. Ocrelizumab is the only thing that has held me stable"
    for excepted in _NONE_FAILED_EXCEPT.finditer(t):
        # "None of them really failed, except Tysabri": the ones excepted did
        clause_end = excepted.end() + re.search(r"[.;!?\n]|$", t[excepted.end() :]).start()
        for s_, _, name in mentions:
            if excepted.end() <= s_ < min(clause_end, excepted.end() + 40) and name not in (
                answer.failed
            ):
                answer.failed.append(name)
    if len(set(answer.taken)) == 1 and not answer.failed:
        # "Lemtrada in 2017. It worked for 5 years, but the neuro says it stopped working": the
        # one treatment taken is the "it" of a sentence of its own
        said = _ONLY_ONE_FAILED.search(low)
        if (
            said
            and not _HEDGED_FAILURE.search(_sentence_before(low, said.start()))
            # "stopped cos of jcv, wasn't cos it didn't work": the reason denied
            and not _FAILURE_DENIED_BEFORE.search(low[: said.start()][-25:])
        ):
            answer.failed = list(answer.taken[:1])
    answer.worked = [d for d in answer.worked if d not in answer.failed]
    if (
        re.search(
            r"\b(all|both|they|it) (worked|work|were fine|was fine)"
            rf"(?![^.;!?]*\b(?:{_CONTRAST})\b)|"
            r"\b(?:none|neither) (of them )?(failed|stopped working)|"
            r"\bnothing (?:else )?(?:has |ever )?(?:failed|stopped working)\b|"
            r"\bno,? (they|it) (worked|helped)|"
            r"\b(worked|works|working|helped|helps) "
            r"(well|fine|great|for me|so far)\b|\b(is|was|has been|have been) (fine|great|good)\b",
            low,
        )
        and not answer.failed
        and not _NOTHING_WORKED.search(low)  # "nothing worked for me except Lemtrada"
        and (
            len(answer.taken) == 1
            or re.search(
                r"\b(all|both|they)\b[^.;!?]{0,25}\b(work\w*|fine|good|great|help\w*)\b"
                r"|\b(?:none|neither) (of them )?(failed|stopped)"
                r"|\bnothing (?:else )?(?:has |ever )?(?:failed|stopped)"
                # "not a single relapse on any of them"
                r"|\b(?:no|not (?:a )?single|not one|zero)\s+relapses?\s+(?:on|while on|during)\s+"
                r"(?:any of |either of |all of )?(?:them|those|these|either)\b",
                low,
            )
        )  # "Tysabri ... it was working fine" says nothing of Betaferon and Gilenya
    ):
        answer.said_nothing_failed = True
    # "for my daughter none, she's only ever been on Kesimpta": the answer after who it is for
    opening = _FOR_THEM_OPENING.sub("", low, count=1)
    if not answer.failed and re.search(
        r"^\W*(?:not that i know(?: of)?|i don'?t think so|i wouldn'?t say so|none of them|not yet|"
        r"neither(?=\s*(?:[-,.;:!]|$|of them (?!worked|helped)|one|did|failed|really))|"
        r"(?:no|nah|naw),? none|nope|no,? they (?:all )?(?:worked|were fine))\b",
        opening,
    ):
        answer.said_nothing_failed = True  # "not that I know of. I've had Copaxone and now Zeposia"
    if (
        not answer.failed
        and re.search(r"^\W*(no|nope|not really|none)\b", opening)
        and re.search(
            r"\b(because|due to|for|side effects?|wanted|pregnan\w*|moved|insurance|cost|"
            r"finished|completed|planned|done)\b",
            low,
        )
    ):  # "none, Mavenclad course finished in 2024, it was planned": a course that ended
        answer.said_nothing_failed = (
            True  # "no, I stopped Gilenya because I wanted to get pregnant"
        )
    nothing = _nothing_now(low)
    started_after = nothing and re.search(
        r"\bsince (?:i |he |she )?(?:started|starting|going on|began|switching to|got back on|"
        r"went back on|restarted|re-started)\b",
        low[nothing.start() :],
    )  # "none since I started Tysabri": the relapses are none, the treatment is now
    # "Tysabri since 2020. Before that Aubagio but I came off it": "it" is the earlier one
    earlier = [name for s, _, name in mentions if s < nothing.start()] if nothing else []
    off_it = nothing is not None and re.match(r"off (it|them)\b", nothing.group(0)) is not None
    taken_now = answer.current not in (None, NO_THERAPY)
    off_an_earlier_one = off_it and bool(earlier) and earlier[-1] in answer.past and taken_now
    # "then nothing for years, now on Gilenya", "came off it for the pregnancy, back on it":
    # the "nothing" was a gap, and "it" the drug named before it
    gap = (
        nothing is not None
        and (taken_now or (off_it and bool(earlier)))
        and any(
            not _NEGATED_BEFORE.search(low[: m.start()])  # "not going back on it"
            for m in _RESUMED_AFTER.finditer(low, nothing.end())
        )
    )
    if gap and not taken_now:
        answer.current = earlier[-1]
    # "a treatment holiday from Tysabri and restarted": the drug of the break, taken again
    paused = nothing is not None and re.search(r"(?:break|pause|holiday) from$", nothing.group(0))
    resumed = paused and any(
        not _NEGATED_BEFORE.search(low[: m.start()])
        for m in _RESUMED_AFTER.finditer(low, nothing.end())
    )
    after_it = [name for s, _, name in mentions if s >= nothing.end()] if resumed else []
    if after_it:
        answer.current = after_it[0]
        gap = True
    # "... then another in July 2025, nothing since. On Kesimpta now.": the one said now after it
    # "then nothing, now Mayzent since February": or the one said after it with "now" before it
    said_now_after = (
        nothing is not None
        and any(
            s > nothing.end()
            and name == answer.current
            and (
                _NOW_AFTER.match(t[e:])
                or _NOW_BEFORE.search(t[:s])
                or _SINCE_AFTER.match(t[e:])
                # "then nothing, ... Ocrevus (10/2019 - )": its dates say it goes on
                or (_DATED_AFTER.match(t[e:]) and _CURRENT_AFTER.match(t[e:]))
            )
            for s, e, name in mentions
        )
    )
    # "then nothing till Ocrevus from 2022 to now", "Kesimpta from Nov 2024": the drug taken now,
    # told after a "nothing" said of another time, makes the "nothing" a gap
    told_after = (
        nothing is not None
        and taken_now
        and not _NOW_IN_NOTHING.search(nothing.group(0))
        and _GAP_NOTHING.search(low, max(0, nothing.start() - 6), nothing.end() + 20) is not None
        and any(s >= nothing.end() and name == answer.current for s, _, name in mentions)
    )
    # "I came off it because of the PML risk. Then Gilenya from 2012...": the story goes on past
    # the drug "it" was, so its end says nothing of now
    story_goes_on = (
        off_it
        and bool(earlier)
        and any(
            s >= nothing.end()
            and n not in answer.past
            and not _TOLD_EARLIER_AFTER.match(t[e:])  # "Tecfidera was before that"
            for s, e, n in mentions
        )
        # (not "... Then Mavenclad, years 1 and 2 in 2021 and 2022. Nothing since.")
        and _NOTHING_NOW.search(low, max(e for _, e, _ in mentions)) is None
    )
    if (
        nothing
        and not started_after
        and not off_an_earlier_one
        and not story_goes_on
        and not gap
        and not said_now_after
        and not told_after
    ):
        answer.current = NO_THERAPY  # "stopped Tecfidera in 2023, nothing now"
    answer.ended = list(dict.fromkeys(ended))
    # "Avonex, Copaxone, then Gilenya - the first two failed, the third was side effects"
    placed = [(at, n) for at, _, n in mentions]
    by_place, other_reason = ordinal_verdicts(t, placed)
    now_by_place, over_by_place = ordinal_states(t, placed)
    if len(now_by_place) == 1:  # "Ocrevus and Mavenclad. ..., the first I'm on now"
        answer.current = now_by_place[0]
    answer.ended += [d for d in over_by_place if d not in answer.ended and d != answer.current]
    if by_place or other_reason:
        answer.failed = [d for d in answer.failed if d not in other_reason]
        answer.failed += [d for d in by_place if d not in answer.failed]
        answer.reason_not_failure += [d for d in other_reason if d not in by_place]
    # "Interferon beta-1a 2009-2014 ... (on the interferon)": the general name, when a drug it
    # names more closely was taken, is that drug again
    closer = {d for d in answer.taken if any(o != d and o.startswith(d) for o in answer.taken)}
    if answer.current in closer:
        named = [o for o in answer.taken if o != answer.current and o.startswith(answer.current)]
        answer.current = named[0] if len(named) == 1 else answer.current
    if answer.current not in closer:
        answer.taken = [d for d in answer.taken if d not in closer]
        answer.failed = [d for d in answer.failed if d not in closer]
    return answer


# A drug told, after it, as the earlier one: "Tecfidera was before that", "Copaxone first".
_TOLD_EARLIER_AFTER = re.compile(
    r"\W{0,3}(?:was\s+|came\s+)?(?:before (?:that|it|this|then)|earlier|first|previously|"
    r"prior to (?:that|it|this))\b",
    re.I,
)
# A "nothing" said of now: "nothing now", "currently nothing", "on nothing atm".
_NOW_IN_NOTHING = re.compile(
    r"\b(?:now|currently|at the moment|these days|rn|atm|right now|presently|at present)\b"
)
# A "nothing" said of a time between treatments: "then nothing", "nothing for a few months",
# "nothing till Ocrevus", "on nothing at the time".
_GAP_NOTHING = re.compile(
    r"\bthen\s+(?:nothing|none)\b|\b(?:nothing|none)\s+(?:for|till|until|til|in between|"
    r"at the time|at first|then)\b|\bon nothing\s+(?:at the time|at first|then|for)\b"
)
_DATED_AFTER = re.compile(r"\W{0,3}(?:again\W{1,3})?(?:(?:0?[1-9]|1[0-2])/)?(?:19|20)\d\d\b", re.I)
_NOW_AFTER = re.compile(r"^\W{0,3}(?:now|currently|at the moment|these days|rn|atm)\b", re.I)
_NOW_BEFORE = re.compile(rf"\b(?:now|currently|{_NOW_ABROAD})\W{{0,3}}(?:on\W{{1,3}})?$", re.I)


# "no treatment yet", "never had any DMT", "haven't started anything", "just the steroids when I
# relapse": said of MS treatment, so it counts even when no treatment question was asked.
_TREATMENT_WORD = (
    r"(?:ms |dmt |disease[- ]modifying )?(?:treatments?|medications?|meds|dmts?|drugs?|"
    r"therap(?:y|ies)|medicines?)"
)
_NEVER_TREATED = re.compile(
    # "never take any medicine for MS": the verb as some writers of English leave it
    r"\b(?:never (?:had|took|taken|take|tried|been on|started|used|use|on|received|been given|"
    r"been offered)|"
    r"have ?n'?t (?:had|taken|been on|started|tried|used)|"
    r"not (?:started|begun|had|tried)|"
    # a letter: "She has not previously received disease-modifying therapy"
    r"(?:has|have|had) not (?:previously |ever |yet )?(?:received|had|been given|been on)|"
    r"not previously (?:received|had|been given|been on|treated with))\s+"
    r"(?:anything\b|any\b(?=\s*(?:$|[,.;!?]|yet\b|so far\b))|"
    # "never been on a DMT", "havent tried any of the drugs"
    r"(?:any of the|any|an?|the) " + _TREATMENT_WORD + r"\b|" + _TREATMENT_WORD + r"\b)|"
    r"\b(?:no|not on|not taking)\s+(?:any(?:thing)?|any "
    + _TREATMENT_WORD
    + "|"
    + _TREATMENT_WORD
    # "no DMTs at all, ever"
    + r")[,\s]+(?:at all\W*\s*)?(?:(?:started|begun|prescribed)\s+)?"
    r"(?:yet|ever|never|so far|offered|given)\b|"  # "No DMTs, never."
    # "No other treatment yet" (after steroids), "Never any treatment, nessuna terapia"
    r"\bno other " + _TREATMENT_WORD + r"\s+(?:(?:started|begun|prescribed)\s+)?(?:yet|so far)\b|"
    r"\bnever (?:ever )?any " + _TREATMENT_WORD + r"\b|"
    # "no to all the DMT questions, never taken one": one of the treatments just named
    r"\b" + _TREATMENT_WORD + r"\b[^.;!?]{0,40}\bnever (?:had|taken|tried|been on|used|took) "
    r"(?:a single )?one\b|"
    # "PPMS, 60, female. No DMTs.": a sentence of its own says none ever
    r"(?:^|[.!?;\n]\s*)no (?:ms |disease[- ]modifying )?(?:dmts?|treatments?|therap(?:y|ies))"
    r"\s*(?:[.!?;\n]|$)|"
    r"\bnothing (?:prescribed|started) (?:yet|so far)\b|"
    # "not yet on any medicine", "not yet started anything"
    r"\bnot yet (?:on|taking|started|begun|had) any(?:thing\b|\s+" + _TREATMENT_WORD + r"\b)|"
    r"\b(?:never been treated|never treated|untreated|treatment[- ]naive)\b|"
    # "on nothing yet", "not on any DMT, never have been", "not on anything ... never was"
    r"\bon nothing\s+(?:yet|so far)\b|"
    r"\bnot (?:on|taking) any\w*\b[^.;!?]{0,30}\bnever (?:have been|has been|was|were)\b|"
    r"\b(?:only|just) (?:the |some )?(?:iv )?"
    r"(?:steroids?|prednis\w*|solu-?medrol|vitamin d|physio\w*)\b",
    re.I,
)
# "Nothing taken so far", "nothing tried yet": none ever, beside a treatment to come.
_NOTHING_YET = re.compile(r"\bnothing (?:taken|tried|had|used) (?:yet|so far)\b")
# Who an answer is for, said before it: "for my daughter none", "as for him, no".
_FOR_THEM_OPENING = re.compile(
    # (as_patient says "for my daughter none" as "for them. I none")
    r"^\W*(?:for|as for|about)\s+(?:(?:my|our|his|her|their)\s+\w+|him|her|them)\s*[,:.-]?\s*"
    r"(?:i\s+(?=(?:none|no|nothing|nope)\b))?",
    re.I,
)
_BARE_NO = re.compile(
    r"^\s*(none|no|nothing|never|nope|nah|not yet|not really|nil|zilch|nada)\b", re.I
)
_IT_FAILED = re.compile(
    r"^[^.;]{0,80}?\b(it|that|this one)\s+(does ?n[o']?t|doesnt|did ?n[o']?t|didnt|is ?n'?t|isnt|"
    r"was ?n'?t|wasnt)\s+(?:really\s+|actually\s+|even\s+|properly\s+)?(work\w*|help\w*)",
    re.I,
)
# The verdict at the end of a drug's own story, however long, before the next drug or sentence:
# "Mavenclad - finished both years in 2023, then relapsed twice, and my neuro says it's stopped
# working".
# Someone's words, not the writer's: "whoever wrote that Tecfidera failed got it wrong".
_REPORTED_BEFORE = re.compile(
    r"\b(?:wrote|written|said|says|say|thinks?|claims?|claimed|reported|put|put down)\s+"
    r"(?:that\s+)?$",
    re.I,
)
_FAILED_RIGHT_AFTER = re.compile(
    r"^\W{0,3}(?:has\s+|had\s+|just\s+|eventually\s+|soon\s+)?(?:stopped working|quit working|"
    r"didn'?t work|did not work|failed(?!\s*\?)|wasn'?t working|was not working)\b"
    r"(?!\s+(?:out|to)\b)"
    r"(?![^.;]{0,30}\b(?:got it wrong|is wrong|was wrong|(?:isn'?t|not) true)\b)",
    re.I,
)
_SAID_STOPPED_WORKING = re.compile(
    r"^[^.;!?]{0,200}?\b(?:it|that|this one)(?:'s|s| has| had)?\s+"
    r"(?:stopped|quit|ceased) working\b",
    re.I,
)
# A drug the writer was on, in the past tense ("I was on Kesimpta", "I'd been on Rebif"), and
# words after it that say it goes on ("I was on Ocrevus since 2019 and still am").
_WAS_ON_BEFORE = re.compile(
    r"\b(?:i|we|she|he)\s+(?:was|were|had been|'d been|d been)\s+(?:on|taking|using)\s+"
    r"(?:the\s+|my\s+|her\s+|his\s+)?$",
    re.I,
)
_WHEN_RELAPSED_AFTER = re.compile(
    r"^[^.;!?\n]{0,25}?\b(?:when|while|as)\s+(?:i|she|he)\s+(?:relapsed|had\s+(?:a|my|the|"
    r"another|that)\s+(?:\w+\s+)?relapse)\b",
    re.I,
)
_GOES_ON_AFTER = re.compile(
    r"^[^.;!?\n]{0,50}\b(?:still|now|since|currently|ongoing|to date|at the moment|so far|"
    r"and am|and i'?m|for the (?:last|past))\b",
    re.I,
)
_PAST_BEFORE = re.compile(
    r"\b(switched|changed|moved|came|went|off|stopped|quit)\s+(from|off)?\s*$|"
    r"\bused to (?:be (?:on|taking|using)|take|get|use|have)\s+(?:the\s+|my\s+)?$",  # ended
    re.I,
)
# "not because", "wasn't cos", "it isn't due to": a reason denied
_NOT_BECAUSE = rf"(?:not|(?:was|is)n'?t|(?:was|is) not)\s+{_BECAUSE}"
_FAILURE_DENIED_BEFORE = re.compile(
    rf"\b(not like|not that|wasn'?t that|was not that|it'?s not as if|{_NOT_BECAUSE}|"
    r"(would ?n'?t|wouldnt|would not) (say|call)( that)?)\s+$",
    re.I,
)
_FAILURE_DENIED = re.compile(
    rf"^[^.;]{{0,80}}?\b({_NOT_BECAUSE} (it|of it|the drug)?\s*(failed|stopped working|"
    r"did ?n[o']?t work|was ?n[o']?t working)|"
    r"(it )?(did ?n[o']?t|didnt|never|has ?n'?t|hasnt|has not|have ?n'?t|havent|have not) "
    r"(really )?(fail(ed)?|stop(ped)? working)|"
    r"not (a|due to)( treatment)? failure|"
    # a failure the writer won't say: "I wouldn't say it failed", "I can't call it a failure"
    r"(?:would ?n'?t|would not|can'?t|cannot|not) (?:say|call|saying|calling)(?: that)? (?:it|that|"
    r"this one)?\s*(?:failed|(?:was )?a failure|stopped working)|"
    # "neuro said one relapse isnt enough to call it a failure"
    r"(is ?n'?t|isnt|is not|not) enough to (call|count)( it| that)?( as)? (a )?fail\w*|"
    r"not (count|counted|counting) as (a )?fail\w*|"
    # "... was later called a pseudo, so that one's fine": the drug said fine, by "that one"
    r"(?:so\s+)?(?:that|this)\s+one(?:'s|\s+is|\s+was)\s+(?:fine|ok|okay|not a failure)\b|"
    # "nobody called it a failure", "no one said it failed"
    r"(?:nobody|no one|no-one|none of (?:them|the doctors))\s+(?:ever\s+)?(?:called|calls|"
    r"considered|said|says|thought)\s+(?:it|that|this)?\s*(?:was\s+|had\s+)?(?:a\s+)?fail\w*|"
    # "(it was working tho)", "never relapsed on it": said to have worked, with no "but" after
    r"(?:(?:it|which|that) (?:was|is|had been|has been)|it'?s) (?:still |actually |really )?"
    r"(?:working|doing (?:its|the) job)(?! until| till| but| then)|"
    r"never (?:had a |had any )?relapsed? (?:on|while on) it|"
    # "(no relapses on it)", "it did its job", "not due to relapse"
    r"(?:no|zero|never had any|without any) relapses? (?:on|while on) it|"
    r"(?:it|which|that) (?:did|does) (?:its|the) job|"
    r"not (?:due to|because of|for) (?:a |any |the )?"
    r"(?:relaps\w*|attacks?|lack of (?:effect|efficacy))|"
    # a reason that was the only one: "stopped only because I planned pregnancy", "stopped
    # only to join the trial", "which I discontinued to enter the trial"
    r"(?:only|just|purely|solely) (?:because|to|for|due to|as)\b"
    r"(?![^.;]{0,40}\b(?:relaps|fail|work|progress|lesion|activity|attack))|"
    r"(?:discontinued|stopped|came off|quit|paused|left)\s+(?:it\s+)?(?:only\s+|just\s+)?"
    r"(?:to|so (?:that )?i could|in order to) (?:join|enter|take part|participate|be in)\b)"
    # the next sentence about it, before another drug is named: "... so I've been on nothing
    # since. Doctor says it was working fine."
    r"|^[^;]{0,120}?[.!]\s+(?:(?:my |the )?(?:doctor|doc|neuro\w*|consultant|nurse)\s+"
    r"(?:says?|said|thinks?|thought)\s+)?(?:it|that) (?:was|had been) (?:still |actually |really )?"
    r"(?:working|doing (?:its|the) job)(?! until| till| but| then)",
    re.I,
)
# A history's last line, its range left open before the drug: "2021- Ocrevus", "2019-:
# Ocrevus", "Sept 2022 - Mayzent" (not "2018-2021 Tecfidera", a range with its end).
_OPEN_RANGE_BEFORE = re.compile(
    r"(?:^|[,;/\n.]\s*|\band\s+)(?:(?:0?[1-9]|1[0-2])/|[a-z]{3,9}\.?\s+)?(?:19|20)\d\d\s*[-–]\s*:?\s*$",
    re.I,
)
_CURRENT_AFTER = re.compile(
    # not "was on Tysabri but not now": the "now" it denies
    r"^[^.;,]{0,12}\b(?<!not )(?<!but not )(now|currently|at the moment|still)\b|"
    # "Mayzent, which I still take", "Ocrevus, that I'm still on"
    r"^\W{0,3}(?:which|that)\s+(?:i'?m|i am|i|she'?s|he'?s|she|he)\s+(?:is\s+)?"
    r"(?:still|now|currently)\b|"
    r"^\W{0,3}\(\s*(?:current|ongoing|present|taking)\s*\)|"  # "ocrevus (current)"
    # "Mayzent, since my neuro moved me off Gilenya in 2023": the one moved to, told first
    r"^\W{0,3}since\s+(?:[\w']+\s+){0,3}(?:moved|switched|took|changed|swapped|taken|got)\s+"
    r"(?:me\s+)?(?:off|from)\b|"
    # "Ocrevus 2021-present", "Mayzent 2022 onwards", "(2023 - to date)"
    r"^\W{0,3}(?:again\W{1,3})?(?:since\s+|from\s+)?(?:(?:0?[1-9]|1[0-2])/)?(?:19|20)\d\d\s*"
    r"(?:(?:-|–|to|until|till)\s*(?:present|now|today|date|current|ongoing)|onwards?|on)\b|"
    # "Kesimpta 2020-": a range left open ("Tysabri again (2018- )": taken again since)
    r"^\W{0,3}(?:again\W{1,3})?(?:(?:0?[1-9]|1[0-2])/|[a-z]{3,9}\.?\s+)?(?:19|20)\d\d\s*[-–]"
    r"(?=\s*(?:$|[,.;)\n/]))|"
    # "had my Ocrevus infusion this arvo": the treatment given lately is the one now
    r"^\s*(?:infusion|injection|shot|dose|jab)\s+(?:this (?:morning|afternoon|arvo|week|month)|"
    r"today|yesterday|last (?:week|month)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday))\b|"
    # "infusions every 4 weeks", "4 ocrevus infusions so far", "and still am", "Been on it 6 years"
    r"^\s*(?:pens?|infusions?|injections?|drips?|shots?|jabs?|tablets?|pills?)?\s*"
    r"(?:every (?:\d+|two|three|four|six|other) |so far\b|to date\b)|"
    r"^[^.;!?]{0,50}\band still (?:am|do|is|on it|taking it)\b|"
    # a medicine list's line: "OCREVUS 300MG VIAL - Start date: 02/11/2021 - Status: Active"
    r"^[^\n]{0,80}?\bstatus:?\s*(?:active|current|ongoing|taking)\b|"
    # a medicine list's line: a dose with how often it is taken ("Mayzent 2mg daily",
    # "Kesimpta 20 mg SC monthly"); "Status: discontinued" after it is read as ended first
    r"^\s*" + _DOSE_AMOUNT + r"[^.;,\n]{0,20}?\b"
    r"(?:daily|once a day|twice a day|"
    r"twice daily|a day|per day|weekly|a week|monthly|a month|every \w+ (?:days|weeks|months))\b|"
    r"^[^.;!?]{0,60}[.;!?]\s*(?:i'?ve\s+|i have\s+)?been on (?:it|them)\b"
    r"(?!\s+(?:before|until|till))|"
    r"^[^.;!?]{0,60}\b(?:i'?m|i am|im) still (?:on|taking) (?:it|them)\b|"
    r"^[^.;,]{0,40}\b(?:has held|has kept|is keeping|keeps) me (?:stable|well|relapse[- ]free)|"
    r"^\s*(is working|works|is (fine|great|good)|has been (working|fine|great|good)|"
    r"is going (well|fine))\b|"
    # "Kesimpta (so far so good, touch wood)": how it goes so far, so it goes on
    r"^\W{0,3}so far so good\b",
    re.I,
)
# How a drug in a medication list is given, said right after its name ("Ocrevus 600 mg IV q6mo
# (started March 2022)"): no fact of its own, so what follows is read as said of the drug.
_DOSE_AFTER = re.compile(
    r"^(?:\s*(?:\d+(?:\.\d+)?\s*" + _DOSE_UNIT + rf"\b|{_ROUTE}|"
    rf"q\d+\s*(?:mo|months?|m|w|wks?|weeks?|d|h)\b|{_HOW_OFTEN_CODE}|"
    r"every \d+ (?:months|weeks|days))\b[,.]?)+(?=\s*\()",
    re.I,
)


def _first_clause(after: str) -> str:
    """The sentence after a drug that may say it ended; after a start said with "since", only
    up to a dash ("since Jan 2024 - pen #36 was last week": the "was" is the pen's)."""
    first = re.split(r"[.;!?]", _EARLIER_BEFORE.sub("", _own_line(after)))[0]
    if _SINCE_AFTER.match(_HOW_GIVEN_LEAD.sub("", after)):
        first = re.split(r"\s[-\u2013\u2014]+\s", first)[0]
    return first


# How a drug is given, said right after it: "pen monthly (20mg)", "600mg IV every 6 months".
_HOW_GIVEN_LEAD = re.compile(
    r"^(?:\s*\(?\s*(?:" + _DOSE_AMOUNT + rf"|(?:{_ROUTE}|{_HOW_OFTEN_CODE})\b|"
    r"(?:pens?|infusions?|injections?|tablets?|pills?|capsules?|jabs?)\b|"
    r"(?:every|once a|twice a)\s+\w+(?:\s+(?:days|weeks|months))?\b)\s*\)?[,.]?)+",
    re.I,
)
_SINCE_AFTER = re.compile(
    r"^\s*(?:pens?|infusions?|injections?|drips?|tablets?|pills?)?\s*(since\s*(?=[.;,!?]|$)|"
    r"since (?:dx|diagnosis|i was diagnosed|being diagnosed)|"
    # ("since 03/2021": a month and year in figures)
    r"since (then|\d{4}|\d{1,2}[/.-](?:\d{1,2}[/.-])?(?:19|20)?\d\d\b|last \w+|\w+ \d{4}|"
    r"\w+ '\d\d|early|late|january|february|march|april|may|"
    r"june|july|august|september|october|november|december)|"
    # "from 2022", "from Nov 2024", "from mid-2023": a start and no end
    r"from (?:[a-z]{3,9}\.?\s+|mid-?\s*|early\s+|late\s+)?\d{4}(?!\s*(?:-|to|until|till))|"
    # "(started March 2022)", "(since 2021)": a start and no end
    r"\(\s*(?:started|since|began)\s+(?:in\s+)?(?:\w+\s+|\d{1,2}[/.-])?\d{4}(?=\s*\)))\b",
    re.I,
)
_ENDED = re.compile(
    r"\b(stopped|quit|off|until|till|ended|used to|no longer|not any ?more|anymore|discontinued|"
    r"was|were)\b",
    re.I,
)
# A treatment said to have ended: "Ocrevus, which I stopped in 2024", "gilenya 2012-2020",
# "it is discontinued", "Was on Ocrevus, not anymore"; the last one named ending says nothing now.
_ENDED_AFTER = re.compile(
    # "Avonex 30mcg weekly 2008-2013": how it was given may come before its years
    rf"^(?:\s*(?:{_DOSE_AMOUNT}|{_ROUTE}|{_HOW_OFTEN_CODE}|twice (?:a day|daily)|"
    r"once a (?:day|week|month)|a day|a week|a month|every \w+ (?:days|weeks|months))\b[,.]?)*"
    r"\W{0,3}(?:\(?\s*(?:19|20)\d\d\s*(?:-|to|until|till|/)\s*(?:19|20)\d\d\b)|"
    # "Copaxone from 47 to 52", "(age 30-35)": a span of the writer's ages, closed
    r"^\W{0,3}(?:from\s+|between\s+)?(?:(?:the\s+)?ages?\s+)?[1-9]\d\s*(?:-|to|until|till|and)\s*"
    r"[1-9]\d\b(?!\s*(?:mg|mcg|years?|months?|weeks?|days?|times?|%))|"
    r"^[^.;!?]{0,60}\b(?:stopped|discontinued|came off|quit|no longer|not any ?more|anymore|"
    r"ended|finished)\b(?!\s+(?:working|helping|doing|being))|"
    # "was on Tysabri but not now", "Tecfidera, not currently"
    r"^\W{0,3}(?:but\s+)?not\s+(?:now|currently|at the moment|these days)\b|"
    # "I was on Tysabri until I got pregnant", "Gilenya until 2019", "until last year"
    r"^\W{0,3}(?:from\s+(?:[a-z]+\s+)?(?:19|20)\d\d\s+)?(?:until|till|til|up until)\s+"
    r"(?:(?:(?:early|late|mid|the end of)\s+)?"
    # ("until 10 days ago", "until this past June", "till recently")
    r"(?:19|20)\d\d\b|last\b|this past\b|recently\b|(?:[\w-]+\s+){1,2}ago\b|"
    r"(?:i|we|she|he)\s+(?:got|was|were|became|had|went|fell|moved|"
    r"switched|started)\b|"
    # "until the infusion reactions got too much", "till my liver results went up"
    r"(?:the|my|those|these|his|her)\s+(?:[\w-]+\s+){0,3}?(?:got|became|came|kicked in|went|"
    r"were|was|made|forced|happened|hit|showed)\b)|"
    # "Tysabri stop in 2023": the verb as writers of English as a second language leave it
    r"^\W{0,3}(?:i\s+)?stop\s+(?:it\s+)?(?:in\s+)?(?:19|20)\d\d\b|"
    # a medicine list's line: "... - End date: 01/20/2021 - Status: discontinued"
    r"^[^\n]{0,80}?\b(?:end(?:ed)?\s+date:?\s*\d|"
    # (not a status heading the next item: "Zeposia / Status: DISCONTINUED - Gilenya")
    r"status:?\s*(?:discontinued|stopped|inactive|completed|expired|ended)(?![\s\-–:]*$))|"
    # "zeposia's paused for my knee surgery", "Ocrevus is on hold": not taken now
    r"^(?:'s|s|\s+is|\s+was|\s+has been|\s+got|\s+are)?[\s,;:-]+"
    r"(?:paused|on hold|on pause|suspended)\b|"
    # a list's status later on its line: "Gilenya 0.5mg capsules - ON HOLD (paused by ...)",
    # "Tysabri - the app has it 'on hold'"
    r"^(?:\d\.\d|[^.;!?\n]){0,40}?[\s,;:'\"(-](?:on hold|on pause)\b",
    re.I,
)
# A new line opened by a label ("Discontinued: Tysabri (2013-2020)", "Past meds:") heads what
# follows it: its "discontinued" is not said of the treatment on the line before.
_LABELLED_LINE = re.compile(r"\n\s*[A-Za-z][\w /'()-]{0,30}:")


def _own_line(after: str) -> str:
    """The words after a treatment up to the next labelled line of a pasted list, without a
    condition ("Considering Glatopa if Extavia gets discontinued": no end of Extavia)."""
    return _IF_CLAUSE.sub(" ", _LABELLED_LINE.split(after, maxsplit=1)[0])


# A clause of condition: what it says has not happened.
_CONDITION = r"(?:if|in case|unless)"
_IF_CLAUSE = re.compile(rf"\b{_CONDITION}\b[^.;!?\n]*", re.I)


# The end of something else that dates the treatment: "On Kesimpta since the trial ended",
# "Tysabri again after my pregnancy finished"; the treatment itself did not end.
_SOMETHING_ELSE_ENDED = re.compile(
    r"\b(?:since|after|once|when|as soon as)\s+(?:the|my|our|his|her|that)\s+"
    r"(?!(?:drug|meds?|medication|medicine|treatment|therapy|infusions?|injections?|tablets?|"
    r"pills?|course)\b)[\w-]+(?:\s+[\w-]+)?\s+(?:ended|finished|stopped|was over|closed)\b",
    re.I,
)
# A stop said right before the next drug is that drug's: "On Ocrevus since 2019 and it's been
# fine, and before that I stopped Rebif" (not "Tysabri stopped, Rebif ...", where a comma or a
# dash closes the stop's own drug).
_NEXT_ONES_END = re.compile(
    r"\b(?:stopped|quit|came off|discontinued|finished)\s+(?:taking\s+)?"
    r"(?:my\s+|the\s+|her\s+|his\s+)?$",
    re.I,
)
_ENDED_BEFORE = re.compile(
    r"\b(?:stopped|quit|came off|off|discontinued|no longer on|finished|paused|pausing|"
    # "holding off on restarting Tysabri for now"
    r"holding off(?:\s+on)?(?:\s+(?:re-?)?start(?:ing)?)?|on hold|"
    # "I haven't had Tysabri since 2019" (_not_taken reads "I haven't had Tysabri" alone)
    r"(?:have|has)\s*(?:n'?t|not)\s+(?:had|taken|been on|used))"
    r"\s*(?:[-:,]\s*)?(?:taking\s+)?(?:my\s+|the\s+|her\s+|his\s+)?$",
    re.I,
)
# A treatment named as the one before another ("Tysabri since 2020. Before that Aubagio"):
# not the one now, nor the last one.
# Words that tell a drug as earlier than the one before it: "before that", "previously".
_EARLIER_WORDS = r"before (?:that|this|it|then)|prior to (?:that|this|it)|previously|earlier"
_EARLIER_SAID_BEFORE = re.compile(rf"\b(?:{_EARLIER_WORDS})\b[^.;!?]{{0,25}}$", re.I)
# A drug the one named before came after: "my 1st infusion of Ocrevus ... after 2 years on
# Aubagio", "third time lucky - Kesimpta, after Avonex and then Gilenya both did nothing".
_AFTER_ONE_BEFORE = re.compile(
    r"(?:[,(\u2013\u2014-]\s*|\b(?:just|right|soon|shortly|straight)\s+|[\w)]\s+)after\s+"
    r"(?:(?:\d+|a|an|a few|several|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:years?|yrs?|months?|mths?)\s+(?:on|of)\s+)?"
    r"(?:(?:[\w-]+\s+){1,2}?(?:and|or|,)\s+(?:then\s+)?)?$",
    re.I,
)
_EARLIER_BEFORE = re.compile(
    rf"\b(?:{_EARLIER_WORDS}|"
    r"before(?=\s*:)|(?<=\()before(?=\)))\b[\s,:)-]*"
    # "before that 5 years on Copaxone": how long, then the drug
    r"(?:(?:for\s+)?(?:\d+|a|an|a few|several|one|two|three|four|five|six)\s+"
    r"(?:years?|yrs?|months?|mths?|weeks?)\s+(?:of\s+)?)?"
    # "previously I was taking Avonex", "before that she was using Copaxone"
    r"(?:(?:i|he|she) (?:was|had been) (?:on|taking|using|getting)\s+|"
    r"(?:i )?(?:had|took|tried|used)\s+|(?:it )?was\s+|on\s+)?$",
    re.I,
)
# A course said to be over right after the drug: "Mavenclad done in 2022-2023", "(course
# completed 2023)"; not a dose just given ("Ocrevus done yesterday", "done 40 infusions").
_DONE_AFTER = re.compile(
    # "Mavenclad, did year 2 in March": its second and last year's course taken
    # ("I finish second year in 2024", as a second-language writer says it)
    r"^\W{0,3}(?:(?:i|she|he|they)\s+)?(?:did|had|took|finish(?:ed)?|completed?)\s+(?:the\s+|her\s+|"
    r"his\s+|my\s+)?(?:(?:year|course|round)\s+(?:2|two)|(?:second|2nd|last|final)\s+(?:year|course|"
    r"round))\b(?!\s+(?:next|in\s+(?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december)\s+(?:next|20\d\d)))|"
    # its years may come first: "Mavenclad 2023 and 2024, done now"
    # ... and its rounds: "Lemtrada x2 (2017, 2018) - course complete"
    r"^\W{0,3}(?:x\s?\d\s*)?"
    r"(?:\W{0,3}(?:in\s+)?(?:19|20)\d\d(?:\s*(?:and|&|,|/|-)\s*(?:19|20)?\d\d)?\W{0,5})?"
    r"(?:course\s+|tablets\s+|treatment\s+|"
    # "Mavenclad (both years done)", "year 1 and 2 completed", "all courses finished"
    r"(?:both\s+|all\s+|the\s+)?(?:years?|courses?|rounds?|cycles?)\s+(?:(?:\d|one|two)\s+"
    r"(?:and|&)\s+(?:\d|two)\s+)?|"
    # "Mavenclad year 2 course completed 2025" (not "year 1 done": mid-course)
    r"(?:year|round|cycle|course)\s+(?:[2-9]|two)\s+(?:course\s+|tablets\s+)?)?"
    r"(?:was\s+|is\s+|were\s+|are\s+)?(?:all\s+)?"
    r"(?:done|completed|complete|finished)\b"
    # not "completed 2 courses", "finished my infusion"; a date after it is when ("05/2025")
    r"(?!\s+(?:\d{1,3}(?![/.]\d)|two|three|four|five|six|seven|eight|nine|ten|my|the|a|an|yesterday|"
    r"today|tonight|this|last|on|at|every|recently|just)\b)",
    re.I,
)
# A course of an immune reconstitution drug told by its rounds' years, all of them past:
# "Lemtrada two rounds, 2017 and 2018", "Mavenclad (2022/2023)". Given a year apart, it is over;
# "2025 and now", "since 2023" or a year still to come are not.
_COURSE_YEARS_AFTER = re.compile(
    r"^\W{0,3}(?:(?:\d|one|two|three|both)\s+(?:rounds?|courses?|cycles?|years?)\W{0,3})?"
    r"(?:in\s+)?((?:19|20)\d\d)\s*(?:and|&|,|/|-)\s*((?:19|20)?\d\d)\b"
    r"(?!\s*(?:-|to|till|until)?\s*(?:now|present|today|ongoing|still))",
    re.I,
)


def _done_after(after: str) -> bool:
    """_DONE_AFTER at the start of ``after``, unless the year its clause names is still to come
    ("I finish the second year in 2027")."""
    m = _DONE_AFTER.match(after)
    if m is None:
        return False
    clause = re.split(r"[.;!?,]", after[m.end() :])[0]
    return not any(int(y) > dt.date.today().year for y in re.findall(r"\b(?:19|20)\d\d\b", clause))


# The last part of a course said done, around the drug: "I finished year 2 of Mavenclad",
# "Mavenclad: the year 2 tablets were in May, so that course is done", "Mavenclad 10 mg - Jahr
# 2 abgeschlossen (completed)". Only the last year or round, or the course itself: "year 1
# done" is mid-course.
_LAST_PART = (
    r"(?:(?:year|jahr|round|course|cycle)\s*(?:2|two)\b|(?:second|2nd|last|final|both)\s+"
    r"(?:years?|courses?|rounds?|cycles?)\b)"
)
# The course's last part still to come: "year 2 due next April", "second round booked".
_LAST_PART_TO_COME = re.compile(
    r"^[^.;!?\n]{0,40}?\b" + _LAST_PART + r"\s+(?:is\s+|'s\s+)?(?:still\s+)?(?:due|next|to come|"
    r"coming|starts|begins|booked|scheduled|planned)\b",
    re.I,
)
# The last part of a course said done right after a drug: ", finished year 2 in 2022".
_LAST_PART_DONE = re.compile(
    r"^\W{0,3}(?:and\s+|then\s+)?(?:i\s+)?(?:finished|completed|did|done)\s+(?:the\s+|my\s+)?"
    + _LAST_PART,
    re.I,
)
_COURSE_DONE_BEFORE = re.compile(
    r"\b(?:finished|completed|done|did|had|took)\s+(?:the\s+|my\s+|her\s+|his\s+)?"
    + _LAST_PART
    + r"(?:\s+(?:tablets\s+|course\s+)?of)?\s*$",
    re.I,
)
_COURSE_DONE_AFTER = re.compile(
    r"^(?:\d\.\d|[^.;!?\n]){0,50}?(?:" + _LAST_PART + r"|\b(?:that|the|my|this|her|his)\s+"
    r"course\b)(?:\d\.\d|[^.;!?\n]){0,20}?\b(?:is\s+|was\s+|'s\s+|are\s+|were\s+)?"
    r"(?:done|finished|completed?|over|abgeschlossen)\b",
    re.I,
)


def _course_done(name: str, before: str, after: str) -> bool:
    """Whether the words around ``name``, an immune reconstitution drug, say its course is done."""
    if name not in load_lexicon().members("immune_reconstitution"):
        return False
    return bool(_COURSE_DONE_BEFORE.search(before) or _COURSE_DONE_AFTER.match(after))


def _course_over(name: str, after: str) -> bool:
    """Whether ``after`` dates a finished course of ``name``, an immune reconstitution drug:
    not taken now, though the treatment now is not said by it."""
    m = _COURSE_YEARS_AFTER.match(after)
    if m is None or name not in load_lexicon().members("immune_reconstitution"):
        return False
    last = m.group(2) if len(m.group(2)) == 4 else m.group(1)[:2] + m.group(2)
    return int(m.group(1)) < int(last) < dt.date.today().year


# A treatment named only to date another ("Before Mayzent I was on Rebif", "since Ocrevus"):
# what follows is about the other one.
_TIME_REFERENCE_BEFORE = re.compile(
    r"(?:^|[.;!?(]\s*|\b(?:and|but|so)\s+)(?:before|after|prior to|since)\s+(?:starting\s+)?$",
    re.I,
)
# A stop still to come ("is taking me off Gilenya next month"): the drug is taken now.
_STOPPING_SOON_BEFORE = re.compile(
    r"\b(?:taking (?:me|him|her) off|(?:going to|gonna|will|about to) (?:stop|come off|quit)|"
    r"coming off|stopping)\s+(?:my\s+|the\s+)?$",
    re.I,
)
_SOON_AFTER = re.compile(
    r"^[^.;!?]{0,20}\b(?:next (?:week|month|year|spring|summer|autumn|fall|winter)|soon|"
    r"later this (?:year|month)|in (?:the )?(?:spring|summer|autumn|fall|winter|new year)|"
    r"in (?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)|in (?:a|\d+|a few|two|three|a couple of) (?:days?|weeks?|months?))\b",
    re.I,
)
# "took me off Tysabri ... Back on Tysabri since July": taken again, and now unless a span
# closes it ("Back on Copaxone mid 2018 until it stopped working")
_BACK_ON_BEFORE = re.compile(
    r"(?:^|[.;!?,]\s*|\b(?:i'?m|im|i am|now|and|but|so)\s+|\b(?:went|gone|got|been)\s+)"
    r"back\s+on(?:to)?\s+$",
    re.I,
)
_SPAN_CLOSED_AFTER = re.compile(r"[^.;!?]{0,30}?\b(?:until|till|til|up to|to \d|-\s*\d)", re.I)
# Said right before the drug, in the present: "I take", "I'm on", "she receives", "stay on",
# "since going on", "they put me on", "even on".
_OWN_NOW_BEFORE = re.compile(
    r"\b(?:i|he|she)\s+(?:take|takes|get|gets|use|uses|receive|receives)\s+(?:the\s+)?$|"
    r"\b(?:i'?m|im|i am|she'?s|shes|he'?s|hes|she is|he is)\s+(?:currently\s+|now\s+|still\s+)?"
    r"(?:on|taking|using)\s+$|"
    # "I'm happy on Aubagio", "she's stable on Ocrevus"
    r"\b(?:i'?m|im|i am|she'?s|shes|he'?s|hes|she is|he is)\s+(?:very\s+|really\s+|quite\s+)?"
    r"(?:happy|stable|fine|good|settled|content|doing (?:well|fine|ok|okay|great))\s+on\s+$|"
    r"\b(?:stay|staying|remain)\s+on\s+$|"
    r"\bsince\s+(?:going on|starting|i started|switching to)\s+$|"
    r"\b(?:put|started|switched|moved|changed)\s+(?:me|him|her)\s+(?:on|onto|to)\s+$|"
    r"\b(?:even|still)\s+on\s+$|"
    # "Restarted Tysabri in March", "went back on Gilenya"
    r"\b(?:re-?started|resumed|went back on|started again on|(?:i'?m|am|now) back on)\s+"
    r"(?:the\s+|my\s+)?$",
    re.I,
)
_NOT_NOW_BEFORE = re.compile(
    r"\b(not|n'?t|isnt|wasnt|havent|never|no longer|stopped|quit)\b[^.;,]{0,14}$", re.I
)
_ON_BEFORE = re.compile(
    r"(?:^|[,.;:!?(]\s*|\b(?:and|but|so)\s+)on\s+$|"
    r"\b(?:rrms|spms|ppms|ms|cis|remitting|progressive)\s+on\s+$|"  # "32m rrms on ocrevus"
    r"\b(?:years?|yrs?|months?)\s+on\s+$|"  # "NEDA for 4 years on Ocrevus"
    r"\b(?:switch|change|move|swap|go|went)(?:e?d)?\s+(?:over\s+)?(?:to|onto)\s+$|"
    # "started Zeposia in June", "been on Tecfidera 4 yrs", "I get Ocrevus every 6 months",
    # "He is on injection natalizumab": taken now, unless another came after or it ended
    r"\b(?:started|began|starting)(?:\s+on)?\s+$|(?<!had )\bbeen\s+on\s+$|"
    r"\b(?:i|he|she|we)\s+(?:get|gets|receive|receives|take|takes)\s+(?:the\s+)?$|"
    r"\b(?:is|am|are|i'?m|im)\s+on\s+(?:(?:injections?|inj|tablets?|tabs?|the)\s+)?$|"
    # "DMT: Ocrevus", not "Prev DMT: Aubagio" (a label of past ones)
    r"(?<!prev )(?<!prev\. )(?<!previous )(?<!prior )(?<!past )(?<!old )(?<!former )(?<!earlier )"
    r"\b(?:treatment|dmt|therapy|meds?|medication)\s*:\s*$",
    re.I,
)
_NEXT_ONE = re.compile(r"\b(then|after that|afterwards|later|switched|changed|moved|went)\b", re.I)
_NOT_FAILED_AFTER = re.compile(
    r"^\W{0,3}(no|nope|not( really)?)\s*(?=[,.;!?)\-–]|$|\band\b|\bbut\b)", re.I
)
_NOT_FAILED_BEFORE = re.compile(r"\bnot\s+(the\s+)?$", re.I)
# Said before the drug: it holds the disease ("MRI stable on Kesimpta", "NEDA on Ocrevus",
# "no relapses since starting Tysabri").
_HOLDING_BEFORE = re.compile(
    r"\b(?:(?:mri|scans?|disease|everything|things|ms|it'?s|i'?m|been)\s+(?:has been\s+|is\s+|"
    r"was\s+|been\s+)?stable|neda(?:[- ]?3)?|no (?:new )?(?:relapses|activity|lesions))\s+"
    r"(?:ever\s+)?(?:since\s+(?:starting\s+)?|on\s+(?:the\s+)?)$",
    re.I,
)
# A failure said of "it" when one treatment is named: "it stopped working", "it didn't help".
_ONLY_ONE_FAILED = re.compile(
    # (not the "that" of a clause about a thing named after it: "the only thing that didn't
    # work was the IV steroids")
    r"\b(?:it|(?<!thing )(?<!one )(?<!drug )(?<!meds )(?<!med )(?<!treatment )that|the drug|"
    r"the treatment)\s+(?:has\s+|had\s+|just\s+)?(?:stopped working|"
    r"stopped helping|failed|(?:didn'?t|did not|doesn'?t|does not|wasn'?t|was not|isn'?t|is not)"
    r"\s+(?:work|help|working|helping)\b)",
    re.I,
)
# Words before it, in its sentence, that make the failure a worry, a question or a denial.
_HEDGED_FAILURE = re.compile(
    r"\b(?:if|whether|worried|worry|afraid|scared|in case|unless|not sure|don'?t think|"
    rf"do not think|never|not that|no sign|doesn'?t mean|when|not\s+(?:{_BECAUSE}|as if)|"
    # a failure the writer won't say: "I wouldn't say it failed"
    r"(?:would ?n'?t|would not|can'?t|cannot|not)\s+(?:say|call)(?:ing)?)\b",
    re.I,
)


def _sentence_before(text: str, at: int) -> str:
    """The words of ``text`` from the start of the sentence holding ``at`` up to it."""
    return re.split(r"[.;!?]", text[:at])[-1]


# "nothing worked (for me) except ...", "none of them helped": a failure said of the list, which
# names no one drug; never read as "none failed".
_NOTHING_WORKED = re.compile(
    r"\b(?:nothing|none of them|none of those|neither)\s+(?:has |have |ever |really )*"
    r"(?:worked|helped|did anything|made a difference)\b",
    re.I,
)

# A contrast that says a treatment's good spell ended: "worked at first, but ...", "until".
_CONTRAST = r"but|until|till|however|though|at first|initially|for a while"
# Said of the treatment itself, right after its name: "Mavenclad worked well",
# "kesimpta is working fine".
_WORKED_AFTER = re.compile(
    # ... "been on Kesimpta since, and it's fine"
    r"^\W{0,3}(?:\(\w+\)\s*)?(?:since(?:\s+(?:then|(?:19|20)\d\d))?\s*,?\s*and\s+)?"
    r"(?:(?:after that|afterwards|after it|next)\s*,?\s+)?"  # "Tysabri after that was great"
    r"(?:it'?s\s+|it\s+|which\s+|that\s+)?"
    r"(?:has\s+|have\s+|had\s+|really\s+|always\s+|actually\s+)?"
    r"(?:also\s+|still\s+)?"
    r"(worked|works|is working|was working|been working|helped|helps|is fine|was fine|"
    r"did work|did help|does work|does help|"  # also a double negative said plainly
    r"is great|was great|is good|was good|been (fine|great|good|brilliant)|"
    r"(?:is |was |has been |been )?(?:also |still )?"
    r"(?:holding up|holding|doing (?:its|the|it'?s) job|fine|brilliant|great)|"
    r"(?:is |it'?s |been )?going (?:well|fine|great|ok|okay|good|strong)|"
    r"(?:and |with )?no (?:problems|issues|complaints|relapses on it)|so far so good)\b",
    re.I,
)


# "Ocrevus is the only one that's ever worked for me": it worked (and the others did not).
_ONLY_ONE_WORKED = re.compile(
    r"^\W{0,3}(?:is|was|'s|has been)\s+(?:the\s+)?only\s+(?:one|thing|drug|treatment|dmt)\s+"
    r"(?:that\s*(?:'s|has|is)?\s*|which\s+(?:has\s+)?|to\s+have\s+)?(?:ever\s+|really\s+|actually\s+)*"
    r"(?:worked|helped|work|works|done anything)\b",
    re.I,
)


def _worked(after: str) -> bool:
    """ "Mavenclad worked well", "kesimpta is working fine", not "isn't working" /
    "stopped working"."""
    m = _WORKED_AFTER.match(after)
    # any contrast after it ("worked ok but then I had relapses") leaves the question open
    return (
        bool(m)
        # (a denial: "isn't", "wasnt"; not the "nt" that ends "brilliant")
        and not re.search(
            r"n't\b|\b(?:is|was|has|have|had|did|does|do|wo|ca)nt\b|\bnot\b|\bno longer\b|"
            r"\bstopped\b|\bnever\b",
            m.group(0),
            re.I,
        )
        and not re.search(
            rf"\b({_CONTRAST}|then|"
            r"relaps\w*|fail\w*|"
            r"stopped|anymore|any more|no longer|n'?t|not)\b",
            re.split(r"[.;!?]", after[m.end() :])[0],  # a contrast in the same sentence
            re.I,
        )
    )


_ALL_FAILED = re.compile(
    r"\b(both|all( of them| three| two| four)?|they all|each( of them)?)\b"
    r"(?:(?!\b(?:none|neither|never|nothing|not|no)\b)[^.;]){0,60}?\b(stopped working|"
    r"didn'?t work|did not work|failed|didn'?t help|did not help|stopped helping|let me down|"
    # "Rebif and Copaxone, both stopped because of relapses", "all switched due to relapses"
    r"(?:stopped|switched|changed|came off)\s+(?:because of|due to|for|after)\s+"
    r"(?:(?:new|more|the|my|ongoing)\s+)?(?:relapses?|attacks?|new lesions?|lesions|progression))|"
    # "I kept having relapses on both", "relapsed on all of them", "Rebif and Copaxone, kept
    # relapsing on them"
    r"\b(?:relaps\w*|attacks?|flare ?ups?) (?:on|while on|despite) (both|all|each|them)\b|"
    # "neither Tysabri nor Gilenya worked"
    r"\bneither\b[^.;]{1,40}?\bnor\b[^.;]{1,40}?\b(?:worked|helped|did (?:anything|much))\b",
    re.I,
)


_LIST_SEPARATOR = re.compile(r"[,;/+&]|\b(?:and|then|or|also|plus|after that)\b", re.I)
_FILLER_WORDS = {
    # a correction's or a pause's words between the items ("2017, no wait, 2016, Ocrevus")
    "wait",
    "sorry",
    "actually",
    "oops",
    "gosh",
    "i",
    "i'm",
    "im",
    "i've",
    "ive",
    "took",
    "take",
    "tried",
    "had",
    "have",
    "was",
    "were",
    "been",
    "on",
    "the",
    "a",
    "an",
    "some",
    "later",
    "now",
    "first",
    "before",
    "it",
    "my",
    "me",
    "of",
    "yes",
    "yeah",
    "yep",
    "no",
    "nope",
    "nah",
    # a self-introduction's words: "hi, 58 here, PPMS", "hello, F 34 here"
    "here",
    "hi",
    "hello",
    "hey",
}


@functools.lru_cache(maxsize=1)
def _other_word(word: str) -> bool:
    """Whether ``word`` is a word of the other vocabularies, or a misspelling of a long one
    ("femail", "breastfeading"): never said back as an unknown treatment."""
    if word in other_vocabulary():
        return True
    return len(word) >= 5 and bool(
        difflib.get_close_matches(word, _long_other_words(), n=1, cutoff=0.8)
    )


@functools.lru_cache(maxsize=1)
def _long_other_words() -> list[str]:
    """The words of five letters or more of the other vocabularies, once."""
    return [v for v in other_vocabulary() if len(v) >= 5]


def other_vocabulary() -> frozenset[str]:
    """Words of the other vocabularies (MS types, countries, sex, scores): never a drug name.
    Derived from the lexicon, so "RRMS", "female" or "Netherlands" are not said back as
    unknown treatments."""
    lex = load_lexicon()
    words: set[str] = {
        *_ITEM_FEMALE,  # the sex words of a list item ("f", "woman", "hombre")
        *_ITEM_MALE,
        "women",
        "men",
        "edss",
        "ms",
        "mri",
        "pregnant",
        "breastfeeding",
        "usa",
        "uk",
    }
    for sub in list(lex.subtypes.values()) + list(lex.groups.values()):
        for name in (*sub.names, *sub.case_sensitive):
            words.add(fold(name))
            words.update(fold(name).split())
    for key, country in lex.countries.items():
        for name in (key, *country.aliases):
            words.add(fold(name))
    for medicine in lex.other_medicines.values():  # "fampridine": known, just not MS treatment
        for name in medicine.spellings:
            words.add(fold(name))
    return frozenset(words)


def _split_names(
    text: str, mentions: list[tuple[int, int, str]], vocabulary: dict[str, str]
) -> list[tuple[int, int, str]]:
    """Drug names autocorrect cut in two ("ocre us", "tysa bri", "kes impta", "tec fidera"): two
    words next to each other that make one name, or nearly, and are no name on their own."""
    taken = {i for s, e, _ in mentions for i in range(s, e)}
    names = [v for v in vocabulary if v.islower() and len(v) >= 6]
    found: list[tuple[int, int, str]] = []
    words = list(re.finditer(r"[A-Za-z]+", text))
    for a, b in zip(words, words[1:]):
        if (
            a.start() in taken
            or b.start() in taken
            or text[a.end() : b.start()] != " "
            or len(a.group(0)) < 3
            or a.group(0).lower() in _COMMON_WORDS
            or (found and a.start() < found[-1][1])
        ):
            continue
        joined = (a.group(0) + b.group(0)).lower()
        if len(joined) < 6 or fold(joined) in other_vocabulary():
            continue
        close = (
            [joined]
            if joined in vocabulary
            else difflib.get_close_matches(joined, names, n=1, cutoff=0.85)
        )
        if close:
            found.append((a.start(), b.end(), vocabulary[close[0]]))
    return found


@functools.lru_cache(maxsize=1)
def _other_medicine_pattern() -> re.Pattern[str]:
    """Every name of drugs.yml other_medicines, longest first, as one pattern (built once)."""
    lex = load_lexicon()
    names = sorted(
        {n for m in lex.other_medicines.values() for n in m.spellings},
        key=len,
        reverse=True,
    )
    return re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b", re.I)


def _other_medicine_named(text: str) -> str | None:
    """The first medicine of drugs.yml other_medicines named in ``text`` ("Fampridine"), as
    written, or None."""
    found = _other_medicine_pattern().search(text)
    return found.group(0) if found else None


def _unnamed_list_items(text: str, mentions: list[tuple[int, int, str]]) -> list[str]:
    """Items of a list of treatments that name none we know ("Zorblax" in "Zorblax and Tecfidera").

    Only an item of one word that is not an everyday one counts, so "it didn't work" or
    "stopped because of flushing" are never taken for a drug name."""
    unknown: list[str] = []
    start = 0
    for piece in [*_LIST_SEPARATOR.finditer(text), None]:
        end = piece.start() if piece else len(text)
        item, item_start = text[start:end], start
        start = piece.end() if piece else end
        if any(s < item_start + len(item) and e > item_start for s, e, _ in mentions):
            continue
        words = [w for w in re.findall(r"[A-Za-z][\w'-]+", item) if w.lower() not in _FILLER_WORDS]
        if (
            len(words) == 1
            and len(words[0]) >= 4
            and words[0].lower() not in _COMMON_WORDS
            and not _NOT_A_NAME.search(words[0])
        ):
            unknown.append(words[0])
    return unknown[:2]


_NOT_A_NAME = re.compile(
    r"^(?:did|does|was|is|are|work|help|stop|fail|relaps|year|month|week|day|"
    r"time|while|since|ago|good|fine|well|none|never|nothing|both|all|each)"
    # a person, not a drug: "my wife, she's 61, SPMS, on Mayzent"
    rf"|^(?:(?:she|he|they|we|i|you)(?:'s|'re|'m|'ve|s)?|{_RELATIVE_WORDS}|client|patient)$",
    re.I,
)

_COMMON_WORDS = {
    "tablets",
    "injection",
    "injections",
    "infusion",
    "infusions",
    "before",
    "because",
    "started",
    "stopped",
    "worked",
    "working",
    "currently",
    "nothing",
    "anything",
    "something",
    "relapse",
    "relapses",
    "doctor",
    "neurologist",
    "months",
    "weeks",
    "years",
    "didn't",
    "doesn't",
    "another",
    "treatment",
    "treatments",
    "medication",
    "medicine",
    "medicines",
    "therapy",
    "therapies",
    "taking",
    "through",
    "changed",
    "switched",
    "hospital",
    "effects",
    "effect",
    "people",
    "should",
    "would",
    "could",
    "please",
    "thanks",
    "thank",
    "hello",
    "sclerosis",
    "multiple",
    "remitting",
    "relapsing",
    "progressive",
    "secondary",
    "primary",
    "pregnant",
    "breastfeeding",
    "walking",
    "health",
    "another",
    "better",
    "worse",
    "really",
    "pretty",
    "little",
    "minutes",
    "second",
    "first",
    "though",
    "after",
}


# ---------------------------------------------------------------------------- pregnancy

# Doubt said before a fact, in its sentence: "not sure (if) I'm (not) pregnant", "no idea".
_DOUBT_BEFORE = re.compile(
    r"\b(?:not (?:sure|certain)|unsure|(?:don'?t|do not|dont) know (?:if|whether)|"
    r"no idea (?:if|whether)?)\b",
    re.I,
)
# A hedge right before the fact, in its own clause: "maybe pregnant", "not breastfeeding, might
# be pregnant" (the "not" of the clause before does not reach past the hedge).
_PREGNANCY_HEDGE = r"(?:maybe|perhaps|probably|might be|may be|possibly|could be)"
_HEDGE_RIGHT_BEFORE = re.compile(rf"\b{_PREGNANCY_HEDGE}\s+(?:\w+\s+)?$", re.I)
# Breastfeeding said to be over: "I stopped breastfeeding at 6 months", "weaned him in June".
# Also told the other way round ("pumping stopped 2 months ago") or ended by a time ("I was
# breastfeeding until March").
_STOPPED_NURSING = re.compile(
    r"\b(?:stopped|quit|finished|gave up|ended|done with|done|no longer)\s+"
    r"(?:breast ?feeding|nursing|pumping)\b|\bweaned\b|"
    r"\b(?:breast ?feeding|nursing|pumping)\s+(?:stopped|ended|finished|is over|was over)\b|"
    r"\b(?:was|were|had been)\s+(?:breast ?feeding|nursing|pumping)\s+(?:until|till|til|up to)\b",
    re.I,
)
_PAST_PREGNANCY = re.compile(
    r"\b(was|were|got|fell|became|had been) (?:(?:about |around |only |just )?\d+ "
    r"(?:weeks?|months?) )?(pregnant|breast ?feeding|nursing)\b|"
    r"\b(pregnant|breast ?fed|breastfeeding) (in|last|during) |"
    # "(was on Tysabri) before the pregnancy", "through my pregnancy", "pregnant with my youngest"
    r"\b(before|during|after|through|thru|since|in) (the |my |her )?pregnan\w*|\bthe pregnancy\b|"
    r"\bpregnant with (my|our|her) (youngest|oldest|eldest|first|second|third|son|daughter)\b|"
    + _STOPPED_NURSING.pattern,
    re.I,
)  # not "pregnant with my first" said of now: "I'm pregnant with my first"
# A baby already born: not pregnant now ("I gave birth 5 weeks ago", "just had my baby").
_POSTPARTUM = re.compile(
    r"\b(gave birth|had (my|the|a|our|ma) (baby|son|daughter|wean|bairn)|just had a baby|"
    r"baby (was|is) born|(she|he) was born|post[- ]?partum|delivered (my|the|a|our) |"
    r"(baby|son|daughter|little one) (is|was|turned) \d+ (weeks?|months?|years?)\b)",
    re.I,
)


# Her own pregnancy or birth told as past or as a reason: "came off it for my pregnancy", "when I
# was pregnant", "I gave birth in May", "delivered my second baby"; not "my wife's pregnancy",
# "we had a baby" or "never pregnant".
_OWN_PREGNANCY = re.compile(
    r"\bmy (?:first |second |third |last |recent |latest |\d(?:st|nd|rd|th) )?pregnanc"
    r"|(?<!never )(?<!not )\bi (?:was|got|became|fell|have been|had been) (?:\w+ )?pregnant"
    r"|\bi (?:gave birth|delivered|had a c-?section)\b|\bdelivered my\b|\bi breast ?fed\b"
    r"|\bi (?:was|have been|had been) (?:breast ?feeding|nursing|pumping)\b"
    r"|\bi (?:stopped|quit|finished|gave up) (?:breast ?feeding|nursing)\b"
    # ... or said with no subject, as the writer opens a sentence: "Gave birth to my son in
    # June", "Finished breastfeeding my youngest in the spring", "3 months postpartum"
    r"|(?:^|[.!?;,]\s*)(?:just\s+)?(?:gave birth|"
    r"(?:finished|stopped|quit) (?:breast ?feeding|nursing)|"
    r"\d+\s+(?:weeks?|months?)\s+post-?partum)\b"
    r"|\b(?:i'?m|i am|im)\s+(?:\d+\s+\w+\s+)?post-?partum\b"
    # her own body: menopause, a hysterectomy, a miscarriage ("Menopause hit at 51", "I'm 56
    # and post-menopausal", "had a hysterectomy years ago", "Had a miscarriage in August")
    r"|\b(?:i'?m|i am|im)\s+(?:\d+\s+and\s+)?(?:post-?|peri-?)?menopausal\b"
    r"|(?:^|[.!?;,]\s*)(?:(?:i\s+)?(?:had|have had|went through)\s+)?(?:an?\s+|my\s+)?"
    r"(?:hysterectomy|miscarriage|menopause)\b(?!\s+(?:is|was|are)\s+(?:my|her|his))",
    re.I,
)


def carried_a_pregnancy(text: str) -> bool:
    """Whether the writer tells of her own pregnancy or birth (so she is a woman), whatever its
    time; a denial ("never pregnant") says nothing of sex."""
    return _OWN_PREGNANCY.search(text) is not None


# A pregnancy named as a time: "during pregnancy", "after my pregnancy", "since the pregnancy".
_DURING_A_PREGNANCY = re.compile(
    r"\b(?:during|throughout|after|before|since|through|for|because of|due to|"
    # "nothing while pregnant and breastfeeding", "when I was pregnant": a time, not now
    r"while(?: i was)?|when i was)\s+"
    r"(?:(?:pregnan\w*|breast ?feeding|nursing)\s+(?:and|or|/)\s+)?"
    r"(?:my |her |the |each |a |both )?$",
    re.I,
)


# A word that takes back what was said before it.
_CORRECTION_CUE = re.compile(
    r"\b(?:sorry|autocorrect\w*|i meant|i mean|typo|correction|scratch that|wait|oops|actually)\b",
    re.I,
)


def _pregnancy_by_scope(text: str) -> dict[str, Any] | None:
    """Pregnancy and breastfeeding read with the cues around them (trials_db.criteria.scope).

    "Not pregnant or breastfeeding" negates both; "I was pregnant in 2019, not now" is a past
    pregnancy; "planning a pregnancy" is no status. None when no cue is involved (the plain
    readers below decide).
    """
    from .criteria.scope import Cue, read  # spaCy is loaded only when a message talks of it

    reading = read(text)
    pairs = [
        (m, c)
        for m, c in zip(reading.mentions, reading.cues)
        if m.label in ("PREGNANCY", "BREASTFEEDING")
    ]
    if not pairs or not any(c for _, c in pairs) and not _PAST_PREGNANCY.search(text):
        return None
    result: dict[str, Any] = {}
    said_at: dict[str, int] = {}  # where each plain yes or no was said
    then_only: set[str] = set()  # denied of a time past only: no status now

    def said(key: str, value: bool, start: int) -> None:
        # a plain yes or no said again after a correction corrects the first ("Pregnant: yes.
        # Sorry!! autocorrect changed my 'no'. NOT pregnant."); not "... exclusively
        # breastfeeding ... once im done nursing"
        if (
            key not in result
            or (
                result[key] is not None
                and (
                    _CORRECTION_CUE.search(text[said_at[key] : start])
                    # "not breastfeeding back then, but i am breastfeeding now": the state now
                    or (
                        value
                        and _BUT_NOW_BETWEEN.search(text[said_at[key] : start])
                        and _NOW_WORD.search(text[start : start + 30])
                    )
                )
            )
        ):
            result[key], said_at[key] = value, start

    for mention, cues in pairs:
        key = "pregnant" if mention.label == "PREGNANCY" else "breastfeeding"
        kinds = {c.cue for c in cues}
        past = _PAST_PREGNANCY.search(text[max(0, mention.start - 12) : mention.end + 12])
        if _DURING_A_PREGNANCY.search(text[: mention.start]):
            continue  # "no relapses during pregnancy": a time, not a status now, either way
        sentence = re.split(r"[.;!?\n]", text[: mention.start])[-1]
        if _DOUBT_BEFORE.search(sentence) or _HEDGE_RIGHT_BEFORE.search(sentence):
            result.setdefault(key, None)  # "I'm not sure I'm not pregnant": neither yes nor no
            continue
        if _LABEL_AFTER.match(text, mention.end):
            continue  # "Pregnancy status: not pregnant": a label, whose value says yes or no
        if _WISH_BEFORE.search(sentence) or _NO_STATUS_AFTER.match(text, mention.end):
            continue  # "I want to get pregnant next year", "Pregnancy plans: ...": no status now
        if Cue.NEGATED in kinds and (
            _CONTRAST_AFTER_COMMA.match(_own_clause(text, mention.start, mention.end))
            or _BUT_NOW_AFTER.match(text, mention.end)
        ):
            # a clause after the denial says yes: "Not pregnant, breastfeeding my 5 month old
            # though", "I wasn't pregnant then, but I am now"
            kinds = kinds - {Cue.NEGATED}
        if Cue.NEGATED in kinds and _PAST_DENIAL.search(sentence):
            then_only.add(key)  # "wasnt pregnant or breastfeeding when i had my last relapse"
            continue
        stopped = key == "breastfeeding" and _STOPPED_NURSING.search(
            text[max(0, mention.start - 16) : mention.end + 12]
        )
        if (
            Cue.NEGATED in kinds
            or stopped
            or (past and re.search(r"\bnot (now|any ?more)|\bno longer\b", text, re.I))
        ):
            said(key, False, mention.start)
        elif kinds or past:
            if Cue.UNCERTAIN in kinds and not past:
                result.setdefault(key, None)  # "I think I might be pregnant": not known
            continue  # planning, a past pregnancy, someone else's: not a status now
        else:
            said(key, True, mention.start)
    for key in then_only:
        result.setdefault(key, None)  # neither yes nor no now, whatever a plain reader says
    return result or None


# A form's label, its value after it: "Pregnancy status: not pregnant", "Breastfeeding:".
_LABEL_AFTER = re.compile(r"\s*(?:status\s*)?[:=]", re.I)
# A clause that stands against the one before it by a "though" of its own, with no denial
# before its fact: "..., breastfeeding my 5 month old though".
_CONTRAST_AFTER_COMMA = re.compile(
    r"^(?![^|]*\b(?:not|no|never|nor|neither)\b[^|]*\|)[^|]*\|[^|]*\b(?:though|tho|however)\b", re.I
)


# A denial said in the past tense: "wasn't pregnant when ...", "I was not breastfeeding then".
_PAST_DENIAL = re.compile(r"\b(?:was|were)(?:n'?t|\s+not|\s+never)\s+(?:\w+\s+){0,2}$", re.I)
# A "but" then the writer now, between a denial and the fact said again: "..., but i am".
_BUT_NOW_BETWEEN = re.compile(
    r"\bbut\s+(?:now\s+)?(?:i\s*'?m|i am|im|she\s*'?s|she is)\s+(?:\w+\s+)?$", re.I
)
_NOW_WORD = re.compile(r"^\W*\w*\W*(?:now|currently|at the moment|these days|again)\b", re.I)
# A denial of a time past, then the state now: "..., but I am now", "but now I am".
_BUT_NOW_AFTER = re.compile(
    r"[^.;!?]{0,25}?\bbut\s+(?:(?:i\s*'?m|i am|im|she\s*'?s|she is)\s+(?:now|again)\b|now\s+"
    r"(?:i\s*'?m|i am|im|she\s*'?s|she is)\b)",
    re.I,
)


def _own_clause(text: str, start: int, end: int) -> str:
    """The comma clause around text[start:end], as "before|after" (the fact's place marked),
    when a comma opens it; "" otherwise."""
    head = text[:start]
    comma = max(head.rfind(","), head.rfind(" - "))
    if comma < 0 or re.search(r"[.;!?\n]", head[comma:]):
        return ""
    tail = re.split(r"[.;!?,\n]", text[end:])[0]
    return f"{head[comma + 1 :]}|{tail}"


_LEADING_NO = re.compile(r"^\W*(no|nope|nah|not at all)\b", re.I)
# The word after the fact that makes it a topic, not a status: "Pregnancy plans: after the
# trial", "pregnancy wishes", "breastfeeding questions".
_NO_STATUS_AFTER = re.compile(
    r"\s*(?:plans?|planning|wish(?:es)?|hopes?|tests?|scares?|history|losses|loss|goals?)\b",
    re.I,
)
# A wish or plan right before the fact: "I want to get pregnant", "hoping to be pregnant".
_WISH_BEFORE = re.compile(
    r"\b(?:want\w*|wish\w*|trying|planning|plans?|hoping|hope|would like|'d like)\s+"
    r"(?:to\s+)?(?:(?:get|become|be|fall)\s+)?$",
    re.I,
)
_TRYING = re.compile(
    r"\b(trying|planning|plan|hoping|want\w*|wish\w*)\s+"
    r"(for a baby|to (get|become|be) pregnant|to conceive|"
    r"(for |a )?(pregnancy|baby))\b",
    re.I,
)


# A pregnancy or breastfeeding said of someone else, to the end of its clause.
_THEIR_PREGNANCY = re.compile(
    r"(?:" + _LAY_PERSON + r")(?:'s|\s+is|\s+was|\s+are|\s+were|\s+has been|"
    r"\s+got|\s+just got|\s+(?:just\s+)?found out she(?:'s| is| was))\s+(?:\w+\s+){0,2}?"
    r"(?:pregnan\w*|breast ?feed\w*|nursing|expecting)\b[^.;,!?\n]*",
    re.I,
)


def parse_pregnancy(
    text: str, intent: str | None = None, asked: str | None = "pregnant"
) -> dict[str, Any] | Invalid | None:
    """{'pregnant': bool, 'breastfeeding': bool}: see :func:`_pregnancy`; a baby already born
    ("I gave birth 5 weeks ago", "just had my baby") also says not pregnant now."""
    # "my sister is pregnant", "she's breastfeeding": another person's, no fact of the writer's
    text = _THEIR_PREGNANCY.sub(lambda m: " " * len(m.group(0)), text)
    t = fold(text)
    if asked == "breastfeeding":
        found = _breastfeeding_answer(text, t, intent)
    else:
        found = _pregnancy(text, intent, asked)
    # ("had my daughter in 2022 ... I'm 8 weeks pregnant!": pregnant again now)
    if _POSTPARTUM.search(t) and not re.search(
        r"\b(?:i'?m|i am|am)\s+(?:(?!not\b|no\b)\w+\s+){0,3}pregnant\b", t
    ):
        return {**(found if isinstance(found, dict) else {}), "pregnant": False}
    return found


# Answers that say "not breastfeeding" to that question without the word: "n/a", "stopped in
# October", "formula fed", "weaned him in the summer".
_NOT_FEEDING = re.compile(
    r"^\W*(n/?a|not applicable)\b|\b(stopped|finished|weaned|formula)\b", re.I
)


# Breastfeeding in part: "combi feeding", "mixed feeding", "breast and bottle", "breast in the
# mornings, formula the rest", "pumping", "expressed milk".
_SOME_FEEDING = re.compile(
    r"\b(?:combi|combination|mixed|part|partial)[- ]?(?:feed\w*|breast\w*)|"
    r"\bbreast(?:milk| milk)?\s*(?:and|&|\+|/|plus)\s*(?:bottle|formula)\b|"
    r"\bbreast(?:feed\w*)? (?:in|at|for|during) (?:the )?(?:morning|night|evening|day|bed)\w*|"
    r"\b(?:pumping|expressing|expressed (?:breast )?milk)\b|"
    # "mostly formula now, but I still do one feed at night": a feed still given
    r"\bstill\s+(?:do|doing|give|giving|have|having)\s+(?:one|a|the|two|\d|a couple of)\s+"
    r"(?:(?:night|evening|morning|bedtime|last)\s+)?feeds?\b|"
    r"\b(?:one|a|the)\s+(?:night|evening|morning|bedtime)\s+feed\b|\bfeeds?\s+at\s+night\b",
    re.I,
)
# The feeding said to be over ("stopped pumping", "weaned", "finished breastfeeding").
_ENDED_FEEDING = re.compile(r"\b(?:stopped|finished|weaned|no longer|not any ?more|quit)\b", re.I)


def _breastfeeding_answer(text: str, t: str, intent: str | None) -> dict[str, Any] | Invalid | None:
    """The answer to "Are you breastfeeding?" alone: a yes or no is about breastfeeding only;
    pregnancy is read only where the words name it ("no, but I'm 10 weeks pregnant again")."""
    said = _pregnancy(text, None, None) or {}
    said = said if isinstance(said, dict) else {}
    if "breastfeeding" in said:
        return said
    answer = yes_no(text, intent)
    if answer is None and _SOME_FEEDING.search(t) and not _ENDED_FEEDING.search(t):
        answer = True  # "combi feeding - breast in the mornings, formula the rest": still some
    if answer is None and _NOT_FEEDING.search(t):
        answer = False
    if answer is None:
        return said or None
    return {**said, "breastfeeding": answer}


# The form's question said back before the answer ("Pregnant or breastfeeding? No."), with no
# word of the writer's in it, and a label left empty ("Breastfeeding:"): they state nothing.
_ECHOED_QUESTION = re.compile(
    r"(?:^|(?<=[.!?]\s))(?![^.!?]*\b(?:i|i'?m|im|i'?ve|my|me|we|she|he)\b)[^.!?]*"
    r"\b(?:pregnan\w*|breast ?feed\w*|nursing|lactating)\b[^.!?]*\?",
    re.I,
)
# The form's question alone said back at the start: "breastfeeding?", "Pregnant or nursing?".
_QUESTION_SAID_BACK = re.compile(
    r"\W*(?:are you\s+)?(?:currently\s+)?(?:pregnan\w*|breast ?feed\w*|nursing|lactating)"
    r"(?:\s*(?:or|and|/|&)\s*(?:pregnan\w*|breast ?feed\w*|nursing|lactating))?\s*\?",
    re.I,
)
# What after the question said back makes it plainly a no: "at 58?", "at my age?", "my youngest
# is 19, so what do you think?".
_RHETORICAL_NO = re.compile(
    r"\W*(?:at (?:my age|[5-9]\d)|(?:[^.?!]*,\s*)?so what do you think|are you (?:kidding|joking)"
    r"(?: me)?|you'?re (?:kidding|joking)(?: me)?)\W*$",
    re.I,
)
_EMPTY_LABEL = re.compile(
    r"\b(?:currently\s+)?(?:pregnant|pregnancy|breast ?feeding|nursing)\s*:\s*(?=[.;]|$)", re.I
)
_ONLY_NO = re.compile(r"\W*(?:no|nope|nah|neither|no to both|not at all)\W*$", re.I)


# Answers given by the order of the question's two parts: "no to the first, yes to the second".
_BY_ORDER = re.compile(
    r"\b(?P<a>yes|no)\s+(?:to|for)\s+the\s+(?:first|former)\b[^.!?]{0,30}?"
    r"\b(?P<b>yes|no)\s+(?:to|for)\s+the\s+(?:second|latter|other)\b",
    re.I,
)


def _answers_by_order(text: str) -> dict[str, bool] | None:
    """Both answers, when the message says the question back (pregnancy and breastfeeding, in
    some order) and answers its parts by their order."""
    echo = _ECHOED_QUESTION.search(text)
    said = _BY_ORDER.search(text[echo.end() :]) if echo else None
    if not said:
        return None
    where = {
        key: m.start()
        for key, word in (("pregnant", r"pregnan"), ("breastfeeding", r"breast|nursing|lactat"))
        for m in [re.search(word, echo.group(0), re.I)]
        if m
    }
    if len(where) != 2:
        return None
    first, second = sorted(where, key=where.get)
    return {first: said.group("a").lower() == "yes", second: said.group("b").lower() == "yes"}


def _without_echoed_question(text: str) -> tuple[str, bool]:
    """The message without its empty labels, and whether it is a bare "no" to a question said
    back that named both pregnancy and breastfeeding (then both are no)."""
    rest = _EMPTY_LABEL.sub(" ", text)
    echo = _ECHOED_QUESTION.search(rest)
    both = echo is not None and bool(
        re.search(r"pregnan", echo.group(0), re.I)
        and re.search(r"breast|nursing|lactating", echo.group(0), re.I)
        and _ONLY_NO.match(rest[: echo.start()] + rest[echo.end() :])
    )
    return rest, both


# (not "no longer breastfeeding": the state it ends is named, the plain readers take it)
_ENDED_ANSWER = re.compile(
    r"\W*(?:no\W+)?(?:not any ?more|no longer|not now)\b"
    r"(?!\W*(?:breast|nursing|pregnan|feeding|lactat|expecting))",
    re.I,
)


def _pregnancy(
    text: str, intent: str | None = None, asked: str | None = "pregnant"
) -> dict[str, Any] | Invalid | None:
    """{'pregnant': bool, 'breastfeeding': bool} from "no", "yes, 12 weeks", "breastfeeding".

    ``asked``: the question this answers ("pregnant" or "breastfeeding"), or None when the message
    only mentions it: then a "no" elsewhere in it ("no, I stopped Gilenya because I wanted to get
    pregnant") is no answer, and a leading "no" answers the question asked when the message states
    only the other fact ("no, stopped breastfeeding in the summer")."""
    text, both = _without_echoed_question(text)
    if both:
        return {"pregnant": False, "breastfeeding": False}
    by_order = _answers_by_order(text)
    if by_order:
        return by_order
    echo = _QUESTION_SAID_BACK.match(text)
    if (
        echo
        and not re.match(
            r"\W*(?:yes|yeah|yep|yup|no|nope|nah|y|n|not|both|neither|either)\b",
            text[echo.end() :],
            re.I,
        )
        and not re.search(r"\b(?:not|no|never)\b", echo.group(0), re.I)  # "not pregnant?"
    ):
        # "breastfeeding? my youngest is 19": the question said back is no "yes"; its answer,
        # if any, is in the words after it
        if _RHETORICAL_NO.match(text[echo.end() :]):  # "pregnant? at 58?": plainly not
            return {
                key: False
                for key, word in (("pregnant", "pregnan"), ("breastfeeding", "breast|nursing"))
                if re.search(word, echo.group(0), re.I)
            }
        text = text[: echo.start()] + text[echo.end() :]
    t = fold(text)
    if asked and _HEDGED_ANSWER.match(t):
        return None  # "no, well, maybe? I'm a week late", "not exactly, we're doing IVF"
    ended = _ENDED_ANSWER.match(text) if asked in ("pregnant", "breastfeeding") else None
    if ended:
        # "Not any more - I lost it at 8 weeks": the state asked of is over; what follows is
        # its story ("8 weeks"), not a "yes", though it may tell the other ("pumping tho")
        rest = _pregnancy(text[ended.end() :], None, None)
        return {**(rest if isinstance(rest, dict) else {}), asked: False}
    result: dict[str, Any] = {}
    scoped = _pregnancy_by_scope(text)
    trying = (
        asked
        and _TRYING.search(t)
        and not re.search(
            r"\b(i'?m|i am|already|yes)\b[^.;]{0,10}\bpregnant\b|"
            r"^\W*(yes|yeah|yep|yup)\b|\bexpecting\b|\bweeks?\b|\bdue\b",
            t,
        )
    )
    unsure = {k for k, v in (scoped or {}).items() if v is None}
    scoped = {k: v for k, v in (scoped or {}).items() if v is not None}
    if unsure and not scoped and not trying:
        return None  # a hedged pregnancy is left to the question (or the study team)
    if scoped:
        if asked and asked not in scoped and _LEADING_NO.search(t):
            scoped[asked] = False
        if trying and "pregnant" not in scoped:
            scoped["pregnant"] = False
        return scoped
    if trying:
        return {"pregnant": False}  # "we're trying for a baby": not pregnant now
    if not asked:
        pass
    elif (
        re.search(
            r"\b(neither|none of (those|them|these)|no to both|"
            r"not pregnant (or|and|nor) (breast|nursing)|"
            r"not (breast ?feeding|nursing) (or|and|nor) (pregnant)|nope|no)\b",
            t,
        )
        and not re.search(
            r"\b(but|although|though|tho)\b.*\b(breast|nursing|pregnan)|"
            r"\b(breast ?feeding|nursing|pregnant)\b[^.;]{0,30}\b(though|tho|however)\b|"
            # "nope, 7 weeks postpartum, breastfeeding" to "are you pregnant?": the other state,
            # said after the "no" with no denial of its own (not "no - I'm the one who's pregnant,
            # my husband has MS": the state asked, someone else's)
            r"^\W*(?:no|nope|nah)\b(?:(?!\b(?:not|no|nor|neither|never)\b|n't)[^.;])*"
            + (
                r"\b(?:breast ?feeding|nursing|lactating)\b|"
                if asked == "pregnant"
                else r"\b(?:pregnant|expecting)\b|"
            )
            # "no. I'm still breastfeeding my son": the writer's own clause says which
            + r"\b(i'?m|i am|im)\s+(?:still\s+|currently\s+|also\s+|now\s+)?(\d+ \w+ )?"
            r"(pregnant|breast ?feeding|nursing|expecting)\b",
            t,
        )
    ):  # "no, I'm pregnant": the writer's own clause says which
        if re.search(r"^\s*(no|nope|neither|none|not)\b|\bneither\b|no to both", t):
            return {"pregnant": False, "breastfeeding": False}
    pregnant_yes = re.search(
        r"\b(i'?m|i am|am|yes,? i'?m)?\s*pregnant\b|\b\d+ weeks? (pregnant|along)\b|\bexpecting\b",
        t,
    ) or (
        # "yes, due 15/04/2027", "due in March": a due date is a pregnancy now
        re.search(
            r"\b\d+ weeks?\b(?! ago)|\byes,? \d+|\bdue (?:date |in |on |is )?(?:\d|[a-z]{3})", t
        )
        if asked == "pregnant" and not re.search(r"\bnot me\b|\bmy \w+ is\b", t)
        else None
    )  # not "not me, my wife is! due in March"
    pregnant_no = re.search(r"\bnot pregnant\b|\bno,? (i'?m )?not pregnant|\bnot expecting\b", t)
    bf_yes = re.search(r"\b(breast ?feeding|breastfeed|nursing|lactating)\b", t)
    bf_no = re.search(
        r"\bnot (breast ?feeding|nursing|lactating)|\bno (breast ?feeding|nursing)\b", t
    )
    # "nothing while pregnant and breastfeeding": a time then, neither a status now
    if (
        pregnant_yes
        and not re.match(r"\s*(?:yes,? )?(?:i'?m|i am|am)\b", pregnant_yes.group(0))  # now
        and _DURING_A_PREGNANCY.search(t[: pregnant_yes.start()].rstrip() + " ")
    ):
        pregnant_yes = None
    if bf_yes and _DURING_A_PREGNANCY.search(t[: bf_yes.start()]):
        bf_yes = None
    if (
        bf_yes
        and re.search(r"\b(?:was|were|had been|used to be)\s+(?:\w+\s+)?$", t[: bf_yes.start()])
        and not re.search(r"\b(?:still|now|currently|at the moment|these days)\b", t)
    ):
        bf_yes = None  # "I was breastfeeding my son last year": then, not now
    if pregnant_no:
        result["pregnant"] = False
    elif (
        pregnant_yes
        # "stopped Aubagio when I got pregnant with my youngest": an event then, not a status now
        and not (
            _PAST_PREGNANCY.search(t[max(0, pregnant_yes.start() - 15) : pregnant_yes.end() + 25])
            and not re.search(r"\b(i'?m|i am|am|currently|now)\s+(\d+ weeks? )?pregnant\b", t)
        )
        and not re.search(
            r"\b(trying|plan|want|hope)\w* to (get|become) pregnant|\bbreast|"
            r"\b(to|so i could|so i can|in order to) (get|become|try to get) pregnant",
            t[: pregnant_yes.end()],
        )
        and not re.search(  # "maybe pregnant, not sure": not known, asked again or checked
            rf"\b({_PREGNANCY_HEDGE}|not sure (if|whether)|unsure if)\b"
            r"[^.;]{0,20}\bpregnant\b|\bpregnant\W{0,3}\s*(not sure|maybe|i think|unsure)\b",
            t,
        )
    ):
        result["pregnant"] = True
    if bf_no or _STOPPED_NURSING.search(t):
        result["breastfeeding"] = False
    elif bf_yes:
        result["breastfeeding"] = True
    if (
        asked
        and re.search(r"^\W*(yes\W*|yeah\W*)?both\b[^.;]{0,20}$", t)
        and not re.search(r"\bno\b|\bnot\b", t)
    ):
        return {"pregnant": True, "breastfeeding": True}
    if (
        asked in ("pregnant", "breastfeeding")
        and asked not in result
        and True in result.values()
        and re.match(r"\W*(?:no|nope|nah)\b(?!\s+(?:idea|clue|way)\b)", t)
    ):  # "no, though I am still breastfeeding my youngest" to "are you pregnant?": not pregnant
        result[asked] = False
    if result:
        if (
            result.get("breastfeeding") is not None
            and "pregnant" not in result
            and re.search(r"\bonly\b|\bjust\b", t)
        ):
            result["pregnant"] = False
        return result
    answer = yes_no(text, intent) if asked else None
    if answer is False:
        return {"pregnant": False, "breastfeeding": False}
    if answer is True:
        return Invalid("pregnancy_which")
    return None


# ---------------------------------------------------------------------------- time spans

_SPAN = re.compile(rf"(\d+(?:\.\d+)?)\s*({_UNIT_WORD})\b")  # units: TIME_UNITS
# A span counted from another time, not from now: "3 years later", "two years after that".
# Any other event a span is counted from: "after my 30th birthday", "before the wedding".
_FROM_AN_EVENT = re.compile(
    r"\s*(?:after|before)\s+(?!now\b|today\b|present\b|ago\b)[a-z0-9]", re.I
)
_RELATIVE_TO_ANOTHER = re.compile(
    r"\s*(?:later|afterwards|after (?:that|this|it|then|diagnosis|my diagnosis|being diagnosed)|"
    r"before (?:that|this|it|then|diagnosis|my diagnosis|being diagnosed)|earlier|"
    # "2 months after delivery", "a year after I started Ocrevus": counted from another event
    r"(?:after|before|into) (?:the |my |her |our )?(?:delivery|birth|baby|pregnancy|c-?section|"
    r"starting|stopping|switching|i (?:started|stopped|switched|gave birth|had (?:my|the|a|our)))"
    r")\b",
    re.I,
)
# How a window of time opens: "in the last", "over the past", "for", "the past" (no "in").
_WINDOW_HEAD = (
    r"(?:(?:in|over|within|during|for)\s+(?:the\s+)?|\bthe\s+(?=(?:last|past|previous)\s))"
    r"(?:(?:last|past|previous)\s+)?"
)
# "in the last two years", "in 2 yrs", "over the past year": a window of time, not a time ago.
_WINDOW = re.compile(
    rf"\b{_WINDOW_HEAD}"
    r"(?:(?:about|around|over|nearly|almost|more than|like)\s+)?(?:(\d+(?:\.\d+)?)\s*)?"
    rf"({_UNIT_WORD})\b(?!\s+(?:ago|back|before))",
    re.I,
)


def _window_months(text: str) -> float | None:
    """The length of a window of time in months ("in the last 2 years" -> 24), or None."""
    m = _WINDOW.search(words_to_numbers(text))
    if not m or (
        m.group(0).split()[0] == "for"
        and not re.search(r"\b(last|past)\b", m.group(0))
        and not m.group(1)
    ):
        return None
    unit = m.group(2).lower().rstrip("s")
    return float(m.group(1) or 1) * _MONTHS_IN.get(unit, 12.0)


_WHEN_WORD = r"(?:in|since|last|early|late|mid|end of|beginning of|start of|around|about)"
_YEAR_SAID = r"(19[5-9]\d|20\d\d|'\d\d|this year|last year)"  # "'18": 2018
_MONTH_NAMED = re.compile(
    r"(?:\b(19[5-9]\d|20\d\d)\s+(?=(?:" + _MONTH_WORD + r")\b))?"  # "2023 December"
    rf"\b(?:(end of|beginning of|start of|early|late|mid)[- ]?)?((?:{_MONTH_WORD})\b)\.?"
    rf"(?:\s+(?:of\s+)?{_YEAR_SAID})?|\b(christmas|easter|halloween|thanksgiving|spring|"
    r"summer|autumn|fall|winter)\b"
    rf"(?:\s+(?:of\s+)?(19[5-9]\d|20\d\d|'?\d\d\b|this year|last year))?"  # "summer 99"
)
# Feasts and seasons, as the day they stand for (Easter moves: mid-April).
_DAY_OF = {
    "christmas": (12, 25),
    "easter": (4, 10),
    "halloween": (10, 31),
    "thanksgiving": (11, 25),
    "spring": (4, 15),
    "summer": (7, 15),
    "autumn": (10, 15),
    "fall": (10, 15),
    "winter": (1, 15),
}
_PART_OF_MONTH = {"end of": 28, "late": 25, "beginning of": 3, "start of": 3, "early": 5, "mid": 15}
# A month in figures: "07/2025", "03/2019" (not the end of a full date "14/05/1979").
_MONTH_IN_FIGURES = re.compile(r"(?<![\d/])\b(0?[1-9]|1[0-2])/((?:19|20)\d\d)\b")


# "two summers ago", "a winter ago", "3 christmases ago".
_SEASONS_AGO = re.compile(
    r"\b(a|one|\d)\s+(spring|summer|autumn|fall|winter|christmas|easter)(?:e?s)?\s+ago\b", re.I
)


# "the year before last", said where a year could be: the calendar year two back.
_YEAR_BEFORE_LAST = r"(?:the\s+)?year\s+before\s+last"


def _year_number(said: str, today: dt.date) -> str:
    """A year said as digits, or as "the year before last", in digits."""
    return said if said[0].isdigit() else str(today.year - 2)


def _month_said(text: str, today: dt.date) -> float | None:
    """Months ago of a month named, the latest one before today unless a year is said: "in june"
    (mid-June), "end of july", "april this year", "march 2025", "christmas last year". "May" and
    "March" count only after a time word ("in may") or before a year: they are also verbs."""
    seasons_ago = _SEASONS_AGO.search(words_to_numbers(text))
    if seasons_ago:  # "two summers ago": the summer before last
        n = 1 if seasons_ago.group(1) in ("a", "one") else int(seasons_ago.group(1))
        month, day = _DAY_OF[seasons_ago.group(2).lower()]
        year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
        try:
            return _months_back_to(dt.date(year - (n - 1), month, day), today)
        except ValueError:
            return None
    figures = _MONTH_IN_FIGURES.search(text)
    found = [(figures.start(), "figures", figures)] if figures else []
    found += [(m.start(), "named", m) for m in _MONTH_NAMED.finditer(text)]
    for _, kind, m in sorted(found, key=lambda f: f[0]):
        if kind == "figures":
            month, day, year_said = int(m.group(1)), 15, m.group(2)
        elif m.group(5):  # christmas, easter, a season
            (month, day), year_said = _DAY_OF[m.group(5)], m.group(6)
            before = text[max(0, m.start() - 14) : m.start()]
            # "2024, in the summer": the year said right before the season is its year
            year_before = re.search(
                rf"\b(19[5-9]\d|20\d\d|{_YEAR_BEFORE_LAST})\s*,?\s*in\s+the\s+$",
                text[max(0, m.start() - 30) : m.start()],
                re.I,
            )
            if not year_said and year_before:
                year_said = _year_number(year_before.group(1), today)
            if m.group(5) in ("fall", "spring") and not (
                year_said or re.search(rf"\b(?:{_WHEN_WORD}|the|this|that)\s+$", before)
            ):  # "a fall", "spring" as a verb
                continue
        else:
            part, name, year_said = m.group(2), m.group(3), m.group(4) or m.group(1)
            month, day = _MONTHS[name], _PART_OF_MONTH.get(part or "", 15)
            ambiguous = name in ("may", "march")
            before = text[max(0, m.start() - 14) : m.start()]
            alone = not text[: m.start()].strip(" ,.-") and re.match(r"\W*$", text[m.end() :])
            labelled = (
                re.search(  # "last relapse May.", "relapse was March": the fact's date
                    r"\b(?:relapse|attack|flare|steroids|diagnosed|dx)(?:\s+(?:was|were))?\s*[:-]?\s+$",
                    before,
                )
                and re.match(r"\s*(?:[.,;!?)]|$)", text[m.end() :])
            )
            if ambiguous and not (
                part or year_said or alone or labelled or re.search(rf"\b{_WHEN_WORD}\s+$", before)
            ):  # "may" as an answer on its own is the month; "May I ask" is not
                continue
        if year_said and (year_said[0] == "'" or len(year_said) == 2):
            short = int(year_said.lstrip("'"))
            year = 2000 + short if 2000 + short <= today.year else 1900 + short
        elif year_said and year_said[0].isdigit():
            year = int(year_said)
        elif year_said == "last year":
            year = today.year - 1
        elif year_said == "this year":
            year = today.year
        else:
            year = today.year if (month, day) <= (today.month, today.day) else today.year - 1
            if re.match(r"\s+before last\b", text[m.end() :]):  # "the christmas before last"
                year -= 1
        try:
            when = dt.date(year, month, day)
        except ValueError:
            continue
        if when > today:
            return None
        return _months_back_to(when, today)
    return None


def _months_back_to(when: dt.date, today: dt.date) -> float:
    """Months from ``when`` to ``today``, to the half month."""
    return round((today - when).days / 30.44 * 2) / 2


# Two times offered as either one: "March or April 2025", "spring or summer 2024", "late 2025
# or early 2026", "2019 or 2020".
_A_TIME = (
    rf"(?:{_MONTH_ALTERNATION}|spring|summer|autumn|fall|winter|(?:19|20)\d\d|"
    r"(?:late|early|mid)[- ](?:19|20)\d\d)"
)
_HALF_OF = re.compile(
    r"\b(?:first|second|1st|2nd|latter|last|other)\s+half\s+of\s+(?:the\s+)?(?:(?:last|this|that)\s+)?"
    r"(?:year|(?:19|20)\d\d)\b",
    re.I,
)
_EITHER_TIME = re.compile(rf"\b{_A_TIME}(?:\s+(?:19|20)\d\d)?\s+or\s+{_A_TIME}\b", re.I)


def months_ago(text: str, today: dt.date | None = None, windows: bool = True) -> float | None:
    """How many months ago: "3 months ago", "last month", "two weeks ago", "in 2023", "last year".
    ``windows=False`` skips windows ("no relapses in the last 2 years" is not "2 years ago").
    With windows, a time said beside a window dates it ("4 times in the last 2 years, the last
    course was in October" is October); a window alone stays one ("none in the last 2 years")."""
    today = today or dt.date.today()
    t = words_to_numbers(text)
    # "the year before last": the calendar year two back, said as its number
    t = re.sub(rf"\b{_YEAR_BEFORE_LAST}\b", str(today.year - 2), t, flags=re.I)
    if _EITHER_TIME.search(t) or _HALF_OF.search(t):
        # "maybe March or April 2025", "2019 or 2020": either, so not known; "the first half
        # of last year": six months, no one month
        return None
    dated = _months_in(_WINDOW.sub(" ", t), today)
    return _months_in(t, today) if dated is None and windows else dated


def _relative_span(t: str) -> str | None:
    """The words of a span counted from another time ("3 years later"), if ``t`` has one."""
    for m in _SPAN.finditer(t):
        if _RELATIVE_TO_ANOTHER.match(t, m.end()):
            return m.group(0)
    return None


# A treatment's length, no time ago: "IVMP x 3 days", "a 5-day course of steroids".
_TREATMENT_LENGTH = re.compile(
    rf"\bx\s*\d+\s*(?:{_UNIT_WORD}|d|doses?|infusions?)\b|"
    r"\b\d+[- ]days?\s+(?:course|of (?:iv|oral|steroids?|ivmp|pred\w*|solu\w*|methyl\w*))\b",
    re.I,
)


def _months_in(t: str, today: dt.date) -> float | None:
    """:func:`months_ago` of a text already put in numbers (words_to_numbers)."""
    # both treatment lengths: "IVMP x 3 days", "in hospital 3 days" (the second is defined below)
    t = _COURSE_LENGTH.sub(" ", _TREATMENT_LENGTH.sub(" ", t))
    m = _SPAN.search(t)
    while m and (_RELATIVE_TO_ANOTHER.match(t, m.end()) or _FROM_AN_EVENT.match(t, m.end())):
        if not _RELATIVE_TO_ANOTHER.match(t, m.end()):
            # "2 weeks after my 30th birthday", "a month before the wedding": counted from an
            # event the message does not date, so no time ago
            t = t[: m.start()] + " " * (m.end() - m.start()) + t[m.end() :]
            m = _SPAN.search(t)
            continue
        # "diagnosed 2010, last relapse 3 years later", "two years after that": counted from
        # a year said before it, or not at all (never as "3 years ago"; other times still count)
        year = re.findall(r"\b(19[5-9]\d|20\d\d)\b", t[: m.start()])
        if not year:
            t = t[: m.start()] + " " * (m.end() - m.start()) + t[m.end() :]
            m = _SPAN.search(t)
            continue
        unit = m.group(2).rstrip("s")
        later = not re.match(r"\s*(?:before|earlier|prior)", t[m.end() :])
        base = (today.year - int(year[-1])) * 12 + today.month - 7  # mid-year if no month
        value = base - (1 if later else -1) * float(m.group(1)) * _MONTHS_IN[unit]
        return round(value, 2) if value >= 0 else None
    if m:
        unit = m.group(2).rstrip("s")
        return round(float(m.group(1)) * _MONTHS_IN[unit], 2)
    if re.search(
        r"\b(this|last|past) (week|few days)\b|"
        r"\b(yesterday|today|recently)\b|"
        r"\b(last|on|this past) (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
        t,
    ) or (
        # "diagnosed in 2018, currently on Ocrevus": "currently" is the treatment's, the year
        # is the date
        re.search(r"\b(right now|at the moment|currently)\b", t)
        and not re.search(r"\b(19[5-9]\d|20\d\d)\b", t)
    ):
        return 0.25
    if re.search(r"\b(?:the )?month before last\b|\blast to last month\b", t):
        # "the month before last", "last to last month" (as said in India): its middle
        y, m = divmod(today.year * 12 + today.month - 3, 12)
        return _months_back_to(dt.date(y, m + 1, 15), today)
    if re.search(r"\blast month\b|\ba month ago\b", t):
        return 1.0
    named = _month_said(t, today)  # "in june", "end of july", "christmas last year"
    if named is not None:
        return named
    if re.search(r"\bhalf a year\b", t):  # before "a year ago", which it holds
        return 6.0
    if re.search(r"\blast year\b|\ba year ago\b", t):
        return 12.0
    year = re.search(r"\b(19[5-9]\d|20\d\d)\b", t)
    if year:
        y = int(year.group(1))
        if y > today.year:
            return None
        months = (today.year - y) * 12 + max(today.month - 6, 0)  # mid-year if no month is given
        return float(max(months, 0))
    return None


_TIME_AGO = re.compile(
    rf"\b(?:(?:a|an|(?:\d+(?:\.\d+)?\s*(?:or|to|-)\s*)?\d+(?:\.\d+)?)\s*({_UNIT_WORD})\s+(?:ago|back)|last\s+(week|month|year)|"
    r"(?:in\s+)?(?:19[5-9]\d|20\d\d))\b"
)
_HEDGE = re.compile(
    r"\b(about|around|roughly|approx\w*|maybe|probably|perhaps|like|i think|i guess|i believe|"
    r"think|"
    r"it was|was|it'?s|its|only|just|almost|nearly|over|under|more than|less than|ish|or so|lol|"
    r"um+|er+|hmm+|ok|okay|so|well|oh|sorry)\b"
)


def time_ago_only(text: str, today: dt.date | None = None) -> tuple[float, str] | None:
    """A message that is a time ago and nothing else ("2 monts ago", "about 6 wks ago", "last
    month", "in 2019"): how many months ago and the unit it was said in ("week", "month",
    "year"...); None for anything else. It names no fact: which question it answers is for the
    conversation to say (trials_db/facts.py)."""
    t = words_to_numbers(clean(text))
    m = _TIME_AGO.search(t)
    if not m or re.search(r"[^\W_]", _HEDGE.sub(" ", t[: m.start()] + " " + t[m.end() :])):
        return None
    months = months_ago(m.group(0), today)
    if months is None:
        return None
    return months, time_unit(m.group(1) or m.group(2) or "year") or "year"


# Each time phrase belongs to the fact next to it: "diagnosed in 2012, last relapse 6 months ago".
# "Relapsing(-remitting)" names the MS type, not a relapse; "RRMS since 2019", "had MS for 20
# years", "8 years in" date the diagnosis.
FACT_WORDS = {
    "diagnosis": re.compile(
        r"\b(diagnos\w*|dx'?d?)\b|"
        r"\b(?:had|have|living with|got)\s+(?:ms|it|rrms|spms|ppms|cis)\b"
        r"(?=\s+(?:for|since|from|about|around|almost|nearly|over)\b)|"
        # not "secondary progressive since 2021": that dates the change, not the diagnosis
        r"\b(?:ms|sm|em|rrms|ppms|cis|remitt\w*|(?<!secondary )(?<!secondary-)progressive|"
        r"sclerosis|recurrente|remitente)"
        r"(?:\s+before that)?\s+(?:since|from)\s+"  # "rrms before that from 2001"
        r"(?:about\s+|around\s+|approximately\s+|roughly\s+|circa\s+)?"  # "since about 2013"
        rf"(?:\d{{4}}(?:ish)?|last|early|late|{_MONTH_WORD})\b|"
        # a list item: "rrms 2021,", "RRMS 3 years"
        r"\b(?:ms|rrms|ppms|cis|relapsing[- ]remitting|primary[- ]progressive)\s+"
        r"(?:\d{4}|\d+(?:\.\d+)?\s+(?:years?|yrs?))(?=\s*(?:$|[,.;]))|"
        # "ms for 12 yrs", "MS relapsing-remitting 20 years", "remitente recurrente since 5 years"
        r"\b(?:ms|rrms|ppms|cis)\s+for\s+(?:the\s+(?:last|past)\s+)?\S+\s+(?:years?|yrs?|months?)\b|"
        r"\b(?:ms|sm|em|rrms|ppms|spms|cis|remitt\w*|progressive|recurrente)\b[^.;,]{0,30}?"
        r"\b(?:for|since)\s+(?:about\s+|around\s+|almost\s+|nearly\s+|over\s+)?\d+\s+"
        r"(?:years?|yrs?)\b(?!\s+(?:old|ago))|"
        r"\b(?:ms|sm|em)\s+(?:\([^()]{0,40}\)\s+)?(?:[a-z]+[- ][a-z]+\s+)?\d+\s+(?:years?|yrs?)\b"
        r"(?!\s+(?:old|ago))|"
        r"\b(?:years?|yrs?)\s+in\b(?=\s*(?:$|[,.;!?]|but\b|and\b|now\b|with\b))|"
        r"\b(?:years?|yrs?)\s+into\b",  # "12 years into this mess"
        re.I,
    ),
    "relapse": re.compile(
        r"\b((?<!remitting[- ])relaps"
        r"(?!ing[- /]+(?:and[- ])?remit|ing[- ](?:ms|multiple|form|course))\w*|"
        r"attacks?|flare\w*|exacerbations?|"
        # the word in the writer's own language, as people who learnt English keep it
        # (not its course's name: "EM surto-remissão", "brote-remisión")
        r"(?:schub|sch[uü]be|brotes?|pouss[eé]es?|ricadut[ae]|surtos?)(?![- ]?r[eé]?mi))\b",
        re.I,
    ),
    "steroids": re.compile(
        r"\b(steroid\w*|steriod\w*|sterioid\w*|prednis\w*|pred|solu[- ]?medrol|methylpred\w*|ivmp|"
        r"cortisone|corticoid\w*|cortico\w*|[ck]ortison)\b",
        re.I,
    ),
    "treatment": re.compile(
        r"\b(treatments?|meds|medications?|dmts?|drugs?|therap(y|ies))\b", re.I
    ),
}
# Not the stop of "2.5", the comma of "2,5" nor the "and" of "a year and a half".
_CLAUSE = re.compile(
    r"(?<!\d)\.|\.(?!\d)|[;!?()]|,(?!\d)|\s[-/]\s|\band\b(?!\s+an?\s+half)|"
    r"\b(?:but|while|whereas)\b",
    re.I,
)


# Dictated messages have no stops: "I'm sixty I have PPMS since twenty fifteen I live in Ohio".
# A new statement starts where the writer starts speaking of themselves again, unless a word
# ties it to the one before ("the last was when I was pregnant", "steroids for my last relapse").
_NEW_STATEMENT = re.compile(
    r"\s+(?=(?:i'?m|im|i am|i have|i'?ve|ive|i was|i had|i take|i live|i got|i use|i get)\b|"
    r"my\s+(?:edss|name|ms|last|neuro\w*|diagnosis|e d s s)\b)|"
    # ... or a new fact, said with its own head word: "... since december 2024 one relapse this
    # year in may had steroids for it in may too" (not "never | had steroids")
    r"(?<!\bnever)(?<!\bnot)(?<!\bno)(?<!n't)\s+(?=(?:\d+|one|two|three|four|five)\s+"
    r"(?:relapses?|attacks?|flares?)\b|"
    r"(?:had|got|last)\s+(?:iv\s+|oral\s+)?(?:steroids?|relapses?|attacks?|flares?|"
    r"solu\w*|pred\w*)\b)",
    re.I,
)
_TIES = re.compile(
    r"\b(?:when|that|because|since|after|before|for|with|and|or|but|so|until|till|than|if|as|"
    r"where|while|which|who|think|guess|believe|know|say|said|of|in|on|at|to|from|about)\W*$",
    re.I,
)


def _statements(clause: str) -> list[str]:
    parts, start = [], 0
    for m in _NEW_STATEMENT.finditer(clause):
        if (
            m.start() > start
            and not (
                _TIES.search(clause[start : m.start()])
                # "Since 2016 I have the diagnosis ...": a time said first opens the statement
                # ("in feb this year i had my last relapse", "the 3rd of feb I had a relapse")
                or re.fullmatch(
                    r"\W*(?:(?:since|in|from|back in|around|about|last|this|early|late|mid|on)\s+|"
                    r"the\s+\d{1,2}(?:st|nd|rd|th)\s+of\s+)[\w' ]{1,20}?"
                    r"(?:\s+(?:i|we)\s*(?:had|got|'?ve had|have had)(?:\s+(?:my|a|an|the))?)?\s*",
                    clause[start : m.start()],
                    re.I,
                )
                or re.fullmatch(
                    r"\W*[\w ]{1,25}:\s*", clause[start : m.start()]
                )  # "Relapses: I had"
                # "2 months ago I had a relapse": a time said first, "ago" style
                or re.fullmatch(
                    r"\W*(?:about |around |roughly |maybe )?(?:\d+(?:\.\d+)?|a|an)\s+"
                    r"(?:days?|weeks?|months?|years?)\s+ago\s*",
                    clause[start : m.start()],
                    re.I,
                )
            )
        ):
            parts.append(clause[start : m.start()])
            start = m.end()
    return parts + [clause[start:]]


def _clauses(text: str) -> list[str]:
    return [s for c in _CLAUSE.split(text) if c and c.strip() for s in _statements(c) if s.strip()]


_GOES_ON = re.compile(
    r"\s*(?:and\s+)?(?:the\s+)?(?:last|latest|most recent|newest)\s+"
    r"(?:one|1|course|dose|round|time|infusion|pulse|lot)\b"
    # "had 3 relapses in the last 2 years, most recent two months ago"
    r"|\s*(?:and\s+)?(?:the\s+)?(?:latest|most recent)\s+(?=\d|an? |in |on |was |this |last )",
    re.I,
)


# A word or two in brackets glosses the word before it ("Last Schub (relapse) was in 2022"):
# no clause of its own.
_GLOSS = re.compile(r"\s*\(([^\W\d_]+(?:[ -][^\W\d_]+)?)\)", re.I)
# A clause that is only a time goes on with the one before ("since Covid started, spring 2020").
_BARE_TIME = re.compile(
    r"\s*(?:in |around |about |back in |probably |maybe |i think )?"
    r"(?:(?:early|late|mid|the) )?(?:(?:spring|summer|autumn|fall|winter|christmas|easter|"
    r"halloween|"
    rf"{_MONTH_WORD})\s*)?(?:of )?(?:'\d\d|\d{{4}})\s*"
    r"|\s*(?:in |around |about |probably )?(?:0?[1-9]|1[0-2])/(?:19|20)\d\d\s*"  # "..., 05/2026"
    # "1 relapse in past 24 months, roughly 8 wks ago"
    r"|\s*(?:roughly |about |around |maybe |approx\w* |probably )?(?:\d+(?:\.\d+)?|a|an) "
    r"(?:days?|weeks?|months?|years?) ago\s*",
    re.I,
)
# A clause that speaks of the one just counted: "..., about 4 months since the last one".
# A few words between a fact and what goes on about it, with no number and no time of their own.
_ASIDE = re.compile(
    r"\s*(?:yes|yeah|yep|a few|several|some|many|a couple|courses?|times|of them|"
    r"iv|oral|high dose|\s)*\s*",
    re.I,
)
_THE_LAST_ONE = re.compile(r"\b(?:the|my) (?:last|latest|most recent) (?:one|1)\b", re.I)


# An age is never the time of a relapse, a diagnosis or steroids ("my brother aged 31 yrs is
# having RRMS diagnosed in Nov 2024"): taken out of the words about them.
_AGE_PHRASE = re.compile(
    r"\baged?\s+\d{1,2}\s*(?:years?|yrs?|y/?o)\b(?:\s+old)?|\b\d{1,2}\s*(?:years?|yrs?)\s+old\b"
    r"|\b\d{1,2}\s*y/?o\b",
    re.I,
)
# A year in two figures after an apostrophe: "RRMS since '09", "back in '94".
# "since '18", "Mar '24" (the space before it taken too: "Mar 2024", not "Mar  2024")
_SHORT_YEAR = re.compile(r"(?:(?<=\w)\s+|(?<![\w'])\s*)[\u2019']\s?(\d{2})\b(?!\s*(?:s\b|%))")


def _full_year(two: str) -> str:
    """ "09" -> "2009", "94" -> "1994": the century that puts the year in the past."""
    year = 2000 + int(two)
    return str(year if year <= dt.date.today().year else year - 100)


def about(text: str, fact: str, requested: bool) -> str | None:
    """The words of ``text`` that speak of ``fact``: its own clause when it is named, else (when
    it was asked) the message without the clauses that name another fact. Numbers are put in
    figures first: the "and" of "two thousand and twelve" joins no clauses."""
    text = _AGE_PHRASE.sub(" ", _GLOSS.sub(r" \1", words_to_numbers(text)))
    text = _SHORT_YEAR.sub(lambda m: " " + _full_year(m.group(1)), text)
    own: list[str] = []
    previous = None
    for clause in _clauses(text):
        # "..., the last course was in October": a clause that goes on about the fact before it
        goes_on = (
            own
            and own[-1] is previous
            and (
                _GOES_ON.match(clause)
                or _BARE_TIME.fullmatch(clause)
                or _THE_LAST_ONE.search(clause)
            )
        )
        if FACT_WORDS[fact].search(clause) or goes_on:
            own.append(clause)
        elif own and own[-1] is previous and _ASIDE.fullmatch(clause):
            own.append(clause)  # "Steroids: yes, a few courses, latest in August": an aside
        previous = clause
    if own:
        return " ".join(own)
    if not requested:
        return None
    others = [p for k, p in FACT_WORDS.items() if k != fact] + [_OTHER_EVENT]
    rest = [c for c in _clauses(text) if not any(p.search(c) for p in others)]
    return " ".join(rest)


# Events a patient dates that are no profile fact: "the MRI in June was clean", "clinic 10/2026".
_OTHER_EVENT = re.compile(
    r"\b(?:mri|scans?|infusions?|appointments?|check[- ]?ups?|clinic|letter|blood ?tests?|"
    r"bloods|blood ?work|lumbar puncture)\b",
    re.I,
)


# No relapse for a time, then the last one told: "no relapses for 18 months now, last one was
# a bad one" (the time since it); not "NEDA for 4 years now" alone, only a lower bound.
_FREE_FOR_NOW = re.compile(
    r"\b(?:no (?:relapses?|attacks?|flare ?ups?)|relapse[- ]free)\s+(?:for\s+)?"
    r"(?:the (?:last|past) )?(\d+(?:\.\d+)?)\s+(months?|years?)\s*(?:now\b)?,?\s*(?:the |my )?"
    r"last (?:one|1|relapse|attack)\b"
)
# (not "never stopped the relapses", "never worked": said of a drug)
# not "never more than one relapse a year": a bound, no denial
_NOT_OF_RELAPSES = (
    r"(?!\s+(?:stopped|halted|prevented|controlled|slowed|worked|helped|did|more than|over|above|"
    r"fewer than|less than)\b)"
)
_NO_RELAPSE = re.compile(
    r"\b(never"
    + _NOT_OF_RELAPSES
    + r"|no relapses?( ever)?|without (a|any) (relapses?|attacks?|flare\w*)|"
    # not "None of my relapses were on a DMT": of relapses there were
    r"haven'?t had (a|any)|havent had (a|any)|not had (a|any)|none(?! of (?:my|the|them|those)\b)|"
    r"(do ?n'?t|dont|do not|never) (get|have|had|got)( any)? (relapses?|attacks?|flare\w*)|"
    r"relapse[- ]free|no (more )?(attacks?|flare\w*))\b",
    re.I,
)
# A relapse denied for all time: "no relapse ever", "never had a relapse", "never relapsed".
_NEVER_A_RELAPSE = re.compile(
    r"\b(?:no (?:relapses?|attacks?) (?:at all )?ever|"
    r"never (?:had |got |ever had )?(?:a |an |any )?(?:relapses?|attacks?)|never relapsed)\b",
    re.I,
)
# Another relapse told beside one: "one in march and another in sept", "the second in May".
_ANOTHER_RELAPSE = re.compile(
    r"\b(another|second|the other|one more|again)\b|"
    r"\b(?:1|one) (?:in|this|last|on)\b.*\b(?:1|one) (?:in|this|last|on)\b",
    re.I,
)
# A time a "no relapses" is said of: "since ...", "during my pregnancy", "after that".
_SINCE_OR_DURING = re.compile(
    r"(?:\s+(?:relapses?|attacks?|flare\w*|at all|whatsoever|so far))*\s*,?\s*"
    # ... or a treatment's time: "no relapses on either", "none whilst on it"
    r"(?:since|during|after|while|whilst|throughout|from|on|under)\b",
    re.I,
)
_NO_RELAPSE_SAID = re.compile(
    r"\b(never" + _NOT_OF_RELAPSES + r"|"
    r"(do ?n'?t|dont|do not|never) (get|have|had|got)( any)? (relapses?|attacks?|flare\w*)|"
    r"no relapses? ever)\b",
    re.I,
)


# "this year", "so far", "since", "anymore", "on Kesimpta": only part of the time, so
# "no relapses" is not "never".
_PART_OF_TIME_PATTERN = (
    r"\b(since|so far|any ?more|no longer|lately|recently|(this|past|last) (year|month|few|couple)|"
    r"on (it|them|this|that|[a-z]+(mab|mod|ya|vus|pta|ri|era|io|one|ide|ate|ine|ia)|"
    r"(?:the )?(?:{drug}))|"
    r"while on|since (starting|switching|being on)|"
    # "relapse-free the whole time" (of a drug's years): that time, not all time
    r"(the|that) (whole|entire) (time|period|while)|all that time|the whole way through|"
    r"(in|for) (ages|years|a (long )?while|a long time|donkey'?s years)|"  # long ago, not never
    # "over a year now without a relapse": a time, not all time
    r"(over|more than|almost|nearly|about|around) (a|one|two|three|\d+) (years?|months?)|"
    r"(a|one|two|three|\d+) (years?|months?) now)\b"
)


@functools.lru_cache(maxsize=1)
def _part_of_time() -> re.Pattern[str]:
    """_PART_OF_TIME_PATTERN with every drug name of the lexicon ("none on kes so far")."""
    lex = load_lexicon()
    names = {n.lower() for d in lex.drugs.values() for n in (*d.spellings, *d.case_sensitive)}
    drug = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(_PART_OF_TIME_PATTERN.replace("{drug}", drug), re.I)


# Relapses told as why a treatment's span of years ended: "Rebif 2011-2016 (relapses)".
# A span of years: "2011-2016", "2019 to now".
_YEAR_SPAN = r"\b(?:19|20)\d\d\s*(?:-|–|to)\s*(?:(?:19|20)?\d\d|present|now)"
_WHY_A_COURSE_ENDED = re.compile(
    # "2018-2021 Tecfidera (relapses)": the drug may be named between
    _YEAR_SPAN + r"(?::?\s+[a-z][\w-]*){0,2}\W{0,3}"
    r"(?:(?:because of|due to|bc|cos|for)\s+)?(?:relapses|relapsing|attacks)\b"
    r"(?!\s+(?:in|on|since)\b)"
)


def _rest_of_sentence(text: str, said: str) -> str:
    """What follows the first ``said`` in its sentence ("no relapses| while on Tysabri"): the
    words a clause split may have cut from it."""
    at = text.find(said)
    if at < 0:
        return ""
    return re.split(r"[.;!?\n]", text[at + len(said) :])[0]


_TIME_DENIED = re.compile(
    r"\bnot\s+(?:in\s+|during\s+)?(?:(?:this|last|the last|the past)\s+"
    r"(?:year|month|week|spring|summer|autumn|fall|winter)|(?:19|20)\d\d)\b(?=\s*(?:[,;.!-]|$))",
    re.I,
)

# A relapse denied in a year or a month: "I haven't had a relapse in 2026, but ...", "no
# relapses in March": that time is when none happened, not the last relapse's date.
_RELAPSE_TIME_DENIED = re.compile(
    r"\b(?:no|not|never|haven'?t had|havent had|have not had|hasn'?t had|didn'?t have|"
    r"did not have|not had)\s+(?:a\s+|any\s+)?(?:relapses?|attacks?|flare[- ]?ups?|flares?)\s+"
    rf"(?:in|during)\s+(?:(?:19|20)\d\d|(?:{_MONTH_WORD})(?:\s+(?:19|20)\d\d)?)\b"
    r"(?=\s*(?:[,;.!-]|$|but\b|and\b|though\b))",
    re.I,
)


# A count of relapses over a time that starts at a date: "12 relapses since 2008", "3 attacks
# from 2019 on". The date starts the count; it is not when the last one was.
_COUNT_SINCE = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|multiple|"
    r"a few|lots of|loads of)\s+(?:relapses|attacks|flares|flare ?ups|exacerbations)\s+"
    r"(?:since|from)\s+(?:(?:my\s+)?(?:diagnosis|dx)\s+(?:in\s+)?)?(?:19|20)\d\d\b",
    re.I,
)


# The relapse the writer calls the last one, its date right after: "last real one was May 2023",
# "the last one in September", "most recent relapse: 03/2025".
LAST_ONE_SAID = re.compile(
    r"\b(?:the\s+|my\s+)?(?:(?:real|proper|actual|true|confirmed)\s+)?(?:last|latest|most\s+recent)\s+"
    r"(?:real\s+|proper\s+|actual\s+|true\s+|confirmed\s+)?"
    r"(?:one|relapse|attack|flare|flare[- ]up|exacerbation|schub)\s*(?:was\s+|:\s*|-\s*)?"
    r"(?:in|on|at|around|back in|about)?\s*(?=[a-z0-9])",
    re.I,
)


# A month or a feast, precise enough to date the one called the last (a season is not).
_DAY_NAMED = re.compile(rf"\b(?:{_MONTH_WORD}|christmas|easter|halloween|thanksgiving)\b", re.I)


def _one_is_a_relapse(before: str) -> bool:
    """Whether the "one" of "the last one" stands for a relapse: the last thing counted in the
    words ``before`` it is relapses, not infusions, courses or scans."""
    nouns = re.findall(
        r"\b(pseudo-episodes?|relaps\w*|attacks?|flares?|flare-ups?|exacerbations?|schub\w*|"
        r"infusions?|doses?|"
        r"injections?|courses?|rounds?|cycles?|scans?|mris?|appointments?|visits?|kids?|babies|"
        r"children|pregnanc\w*)\b",
        before,
        re.I,
    )
    # "... a pseudo-relapse. The last real one was June 2025": the real one against the pseudo
    return bool(nouns) and (
        FACT_WORDS["relapse"].search(nouns[-1]) is not None
        or nouns[-1].lower().startswith("pseudo")
    )


# The clause of an episode said to be no relapse (say_plainly's "pseudo-episode").
_PSEUDO_CLAUSE = re.compile(r"[^.;,!?\n()]*\bpseudo-episodes?\b[^.;,!?\n()]*", re.I)
# A clause, then "but that was (a) pseudo-episode": the episode of the clause before it.
_PSEUDO_BEFORE_THAT = re.compile(
    r"([^.;!?\n]*?)(,\s*(?:but\s+|and\s+)?(?:that|it|which|this)(?:\s+one)?\s+(?:was|is|turned "
    r"out to be)\s+(?:just\s+|only\s+|actually\s+|really\s+)?(?:an?\s+)?pseudo-episodes?\b)",
    re.I,
)
_TIME_WORD = re.compile(
    rf"\b(?:{_MONTH_ALTERNATION}|[a-z]{{3}}\.?(?=\s+\d)|\d+(?:[/.-]\d+)*|last|this|ago|"
    r"week|weeks|month|months|year|years|yesterday|today|spring|summer|autumn|fall|winter)\b",
    re.I,
)


def _without_times(m: re.Match) -> str:
    """A clause with its times blanked (positions kept): what it tells is dated by none."""
    return _TIME_WORD.sub(lambda w: " " * len(w.group(0)), m.group(0))


def _pseudo_times_blanked(text: str) -> str:
    """``text`` with the times of episodes said to be no relapse blanked (positions kept): "the
    thing in October was a pseudo-relapse", and the clause before "but that was Uhthoff's"
    ("one flare in the July heatwave, but that was ...")."""
    text = _PSEUDO_BEFORE_THAT.sub(
        lambda m: _TIME_WORD.sub(lambda w: " " * len(w.group(0)), m.group(1)) + m.group(2), text
    )
    return _PSEUDO_CLAUSE.sub(_without_times, text)


def parse_months_since_relapse(
    text: str, requested: bool, asked_count: bool = False
) -> float | Invalid | None:
    """Months since the last relapse. ``asked_count``: the question was how many relapses, so a
    time phrase is the last relapse's but a bare "none" is a count, not "never"."""
    if re.search(r"\bfirst (relapse|attack|symptoms?)\b", text, re.I) and not re.search(
        r"\b(last|latest|recent)\b", text, re.I
    ):
        return None  # "first relapse was 2003" is not the last one
    # "not this year, not last year - the last one was March 2024": a time denied is no time
    text = _RELAPSE_TIME_DENIED.sub(" ", _TIME_DENIED.sub(" ", text))
    text = _COUNT_SINCE.sub(lambda m: " " * len(m.group(0)), text)
    text = _pseudo_times_blanked(text)
    scoped = about(text, "relapse", requested or asked_count)
    if scoped is None:
        return None
    whole, text = text, scoped
    t = fold(text)
    if not (requested or asked_count) and not FACT_WORDS["relapse"].search(t):
        return None
    if _WHY_A_COURSE_ENDED.search(t):
        return None  # "interferon 2011-2016 (relapses)": the years are the treatment's
    free_for = _FREE_FOR_NOW.search(words_to_numbers(fold(whole)))
    if free_for:  # "no relapses for 18 months now, last one was ...": the last one was then
        return float(free_for.group(1)) * _MONTHS_IN[free_for.group(2).rstrip("s")]
    for last_said in LAST_ONE_SAID.finditer(whole):
        # "Had one in October but it was a pseudo-relapse. Last real one was May 2023", "relapses
        # in 2024 and twice this year, the last one in September": the one called the last (its
        # own clause; not "Before that the last one was 2019")
        if re.search(
            r"\b(?:before|prior to|until) (?:that|then|this|it)\b[^.;]{0,10}$",
            whole[: last_said.start()],
            re.I,
        ):
            continue
        clause = re.split(r"[.;!?,]", whole[last_said.end() :])[0]
        if (
            re.match(r"\W*(?:none|no|not|never|nothing)\b", clause, re.I)
            or not (re.search(r"\d", clause) or _DAY_NAMED.search(clause))
            or (re.search(r"\blast year\b", clause, re.I) and not _DAY_NAMED.search(clause))
        ):
            break  # "none since I started Tysabri", "sometime last winter", "late last year":
            # no date of it, or too coarse; read below
        if re.search(r"\bone\b", last_said.group(0), re.I) and not _one_is_a_relapse(
            whole[: last_said.start()]
        ):
            continue  # "7 infusions so far, last one in September": not a relapse
        dated = months_ago(clause, windows=False)
        if dated is not None and 0 <= dated <= 600:
            return dated
    value = months_ago(text, windows=False)
    relative = _relative_span(words_to_numbers(text))
    if value is None and relative is not None:
        # "Diagnosed 2006, last relapse 3 years later": the year it counts from is in the
        # clause before; read the whole message up to the end of that span's own words
        numbered = words_to_numbers(whole)
        said = re.search(re.escape(relative) + _RELATIVE_TO_ANOTHER.pattern, numbered, re.I)
        value = _months_in(numbered[: said.end()], dt.date.today()) if said else None
    if value is not None:
        # The last relapse is the latest of several told: of the dates listed after the plural
        # ("Relapses in 1/2025 and 4/2026"), and of each piece beside another one ("had one in
        # march and another in sept").
        plural = re.search(r"\b(?:relapses|attacks|flares|flare-ups)\b", t)
        listed = [
            part
            for part in (re.split(r"\band\b|[,;&]|\s{2,}", text) if plural else [])
            if _is_bare_date(part)
        ]
        said = re.search(r"\b(?:relapses|attacks|flares|flare-ups)\b", whole, re.I)
        if plural and said:
            # "Had 2 relapses since I started it - Feb 2025 and August this year": the dates
            # listed in the rest of its sentence, which the clause read above may have cut
            rest = re.split(r"[.;!?\n]", whole[said.end() :])[0]
            listed += [
                part
                for part in re.split(r"\band\b|[,;&]|\s[-\u2013\u2014]\s|\s{2,}", rest)
                if _is_bare_date(part)
            ]
        if _ANOTHER_RELAPSE.search(t):
            listed += re.split(r"\band\b|[,;.]|\bthen\b|\s{2,}", text)
        each = [months_ago(part, windows=False) for part in listed]
        value = min([m for m in each if m is not None] + [value])
    if (
        asked_count
        and not FACT_WORDS["relapse"].search(t)
        and not re.search(
            r"\bago\b|\blast\b|\b(19|20)\d\d\b|\b(right )?now\b|^\W*never\W*$|"
            r"\bnever had (one|any)\b",
            t,
        )
    ):
        return (
            None  # to "how many relapses?", only a dated relapse or an explicit "never" says when
        )
    negated = (_NO_RELAPSE_SAID if asked_count else _NO_RELAPSE).search(t)
    denied = negated or _NO_RELAPSE.search(t)  # "haven't had any since ..." answers how many
    if (
        denied
        and (
            _SINCE_OR_DURING.match(t, denied.end())
            # the clause split may have cut "while pregnant" from "no relapses"
            or _SINCE_OR_DURING.match(_rest_of_sentence(fold(whole), denied.group(0)))
        )
        and not (asked_count and re.search(r"\d", t[: denied.start()]))  # "1 in 2022, none since"
    ):
        # "no relapses since starting it in 2022", "no relapses during pregnancy", "no attack
        # after that": none in that time, which dates no relapse and is no "never"
        return None
    if negated and value is not None and _window_months(t[negated.start() :]) is not None:
        # "on Copaxone since 2005 without any relapse in the last ten years": the date is the
        # treatment's; the relapse is only known to be longer ago than the window
        return None
    total = _NEVER_A_RELAPSE.search(t)
    if (
        total
        and value is not None
        and months_ago(text[total.start() :], windows=False) is None
        and not _part_of_time().search(t[total.start() :])
    ):
        # "stopped it last march no relapse ever" (dictated, no stops): the date is the other
        # fact's, before the denial; a relapse denied for all time is never
        return NEVER
    if negated and value is None:
        if (
            _window_months(t) is not None
            or _part_of_time().search(t)
            or _part_of_time().match(_rest_of_sentence(fold(whole), negated.group(0)).lstrip(" ,-"))
            # "No relapses though - not one in 4 years": the window said again, after a dash
            or _window_said_next(_rest_of_sentence(fold(whole), negated.group(0)))
        ):
            # "no relapses in 2 yrs", "none this year", "none on Kesimpta so far": not never,
            # not dated
            return None
        return NEVER
    if value is None:
        if requested and re.search(r"\b(long time|ages|years)\b", t):
            return Invalid("relapse_how_long_ago")
        return None
    if (
        re.search(r"\blast year\b", words_to_numbers(t))
        and not _SPAN.search(words_to_numbers(t))
        and not _MONTH_NAMED.search(t)  # "Christmas last year", "june last year": dated
    ):
        # "last year" is anything from 1 to 23 months: too coarse for the 12-month limit of many
        # studies
        return Invalid("relapse_last_year")
    if value > 600:
        return Invalid("relapse_too_long_ago")
    return value


_AGE_AT_DIAGNOSIS = re.compile(
    r"\b(?:diagnos\w*|dx'?d?)\s+(?:at|at age|aged|at the age of|when i was|when i was aged|"
    r"when i turned|the (?:year|month|week) i turned|just after i turned)\s+"
    r"(\d{1,2})\b|"
    # "have had MS since I was 30", "got it at 19"
    r"\b(?:had|have|got|with)\s+(?:ms|it|rrms|spms|ppms|cis|relapsing[- ]remitting(?: ms)?)\s+"
    r"(?:since i was|since age|since the age of|at|at age|when i was)\s+(\d{1,2})\b",
    re.I,
)
_AGE_AT_ANSWER = re.compile(
    r"^\W*(?:at|at age|aged|at the age of|when i was|when i was aged)\s+(\d{1,2})\b", re.I
)


# Two years given for one event: "2013 or 2014", "around 2010 maybe 2011", "2008/2009".
_TWO_YEARS_SAID = re.compile(
    # ("2010? 2011?": each year asked, none said)
    r"\b(?:19|20)\d\d\s*(?:,?\s*or|/|,? ?maybe|or maybe|-ish or|\?+,?)\s*(?:19|20)?\d\d\b"
)


# The date right after the diagnosis word: "dx 2016", "diagnosed in March 2019" (month names
# from _MONTHS).
_DIAGNOSED_IN = re.compile(
    r"\b(?:dx'?d?|diagnos\w*)\b"
    # "diagnosed with relapsing remitting in 2018": the course's long name is no other fact
    r"(?:\s+with\s+(?:the\s+)?(?:relapsing[- ]remitting|secondary[- ]progressive|"
    r"primary[- ]progressive|progressive[- ]relapsing)(?:\s+(?:ms|multiple sclerosis|type|kind))?)?"
    r"[^.;,!?\d\n]{0,25}?\b((?:(?:"
    + "|".join(sorted(_MONTHS, key=len, reverse=True))
    + r")\.?\s+)?(?:19|20)\d\d)\b(?!\s*(?:-|–|to|or)\s*\d)",
    re.I,
)


# A year in brackets right after the MS course, alone or after its name: the year it was found.
_TYPE_AND_YEAR = re.compile(
    # (not SPMS's year, which dates the change of course)
    r"\b(?:ms|rrms|ppms|cis|multiple sclerosis)\s*\(\s*(?:(?:relapsing|remitting|primary|"
    r"progressive|[- ]|\s)+,\s*)?((?:19|20)\d\d)\s*\)",
    re.I,
)


# The diagnosis as a point to count from, with no date of its own: "since diagnosis", "after my
# dx" (not "since my diagnosis in 2014").
_SINCE_DIAGNOSIS = re.compile(
    r"\b(?:since)\s+(?:my\s+|the\s+|his\s+|her\s+)?(?:diagnosis|dx)\b"
    r"(?!\s*(?:in|of|on|:|-|,)?\s*\(?\s*(?:(?:[a-z]+\s+)?(?:19|20)\d\d|\d))",
    re.I,
)


# The writer's yearly day of their diagnosis: "the 5th anniversary of my diagnosis was in
# October", "my 10th MS-versary was in the summer"; the rest of its clause says when it fell.
_DIAGNOSIS_ANNIVERSARY = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)\s+(?:anniversary\s+of\s+(?:my\s+)?(?:ms\s+)?(?:diagnosis|dx)|"
    r"(?:ms|dx|diagnosis)[- ]?anniversary|(?:ms|dx|diagnosis)?-?versary|diagnosiversary)\b"
    r"([^.;!?\n]*)"
)


def parse_years_since_diagnosis(
    text: str, requested: bool, age: float | None = None
) -> float | Invalid | None:
    at = _AGE_AT_DIAGNOSIS.search(words_to_numbers(text)) or (
        _AGE_AT_ANSWER.search(words_to_numbers(text)) if requested else None
    )
    when = at and int(at.group(1) or at.group(2))
    if when and age is not None and 0 < when <= age:  # "diagnosed at 30, now I'm 45"
        return float(age - when)
    folded = fold(text)
    anniversary = _DIAGNOSIS_ANNIVERSARY.search(words_to_numbers(folded))
    if anniversary:
        # "The 5th anniversary of my diagnosis was in October", "my 10th MS-versary was in the
        # summer": N years before the day it fell on (not the day itself)
        since = months_ago(anniversary.group(2) or "")
        years = int(anniversary.group(1))
        return round(years + since / 12, 2) if since is not None else float(years)
    if not requested and any(
        re.search(
            r"\b(?:dx|diagnos\w*)\b\W*(?:in\W*)?$", folded[max(0, y.start() - 20) : y.start()]
        )
        for y in _TWO_YEARS_SAID.finditer(folded)
    ):
        return None  # "dx 2017, or 2016? honestly not sure": the clause cut would keep one
    # "3 attacks since diagnosis, last one in February 2023": the diagnosis as a time to count
    # from, undated there, says nothing of when it was
    text = _SINCE_DIAGNOSIS.sub(
        lambda m: m.group(0)
        if re.search(r"\d\s*(?:years?|yrs?|months?)\s*$", text[: m.start()], re.I)
        else " " * len(m.group(0)),  # not "5 years since diagnosis"
        text,
    )
    scoped = about(text, "diagnosis", requested)
    if scoped is None:
        # "I have PPMS (2020)", "MS (relapsing remitting, 2017)"
        typed = _TYPE_AND_YEAR.search(text)
        months = months_ago(f"in {typed.group(1)}") if typed else None
        return round(months / 12, 2) if months is not None else None
    text = scoped
    t = fold(text)
    if not requested and _TWO_YEARS_SAID.search(t):
        return None  # "diagnosed 2013 or 2014, the letters don't agree": asked later
    dated = _DIAGNOSED_IN.search(text)
    # "dx 2016 rrms tx tysabri 4 yrs", "Relapse free since 2018, RRMS dx 2012": the year right
    # after the diagnosis word is its date, whatever other time the clause holds
    numbered = words_to_numbers(t)
    # "a man of 40 years with MS since 10 years": the span "since" opens is the time with MS;
    # the other number of years is no date
    since_span = re.search(
        r"\bsince (?:about |around |almost |nearly |over )?\d+ years?\b", numbered
    )
    if since_span and _names_a_drug(numbered[max(0, since_span.start() - 30) : since_span.start()]):
        return None  # "I am on Copaxone since two years": the drug's time, not the diagnosis
    months = (months_ago(dated.group(1)) if dated else None) or (
        None if since_span else months_ago(text)
    )
    if months is None:
        since = (
            re.search(  # "for 12 years"; "since 5 years" as many who learnt English say it
                r"\b(?:for|since) (?:about |around |almost |nearly |over )?(\d+(?:\.\d+)?) "
                r"(years?|months?)\b(?! (?:old|ago))",
                numbered,
            )
            or re.search(
                r"\b(?:ms|sm|em)\s+(?:\([^()]{0,40}\)\s+)?(?:[a-z]+[- ][a-z]+\s+)?(\d+)\s+"
                r"(years?)\b(?! (?:old|ago))",
                numbered,
            )
        )
        if since:
            months = float(since.group(1)) * (12 if since.group(2).startswith("year") else 1)
    if months is None:
        return None
    years = round(months / 12, 2)
    if years > 80 or (age is not None and years > age):
        return Invalid("diagnosis_before_birth")
    return years


def parse_count(text: str) -> int | Invalid | None:
    t = words_to_numbers(text)
    if re.search(r"\b(none|no relapses?|zero|never)\b", t):
        return 0
    numbers = _numbers(t)
    if not numbers:
        return None
    n = numbers[0]
    if n < 0 or n > 50 or not float(n).is_integer():
        return Invalid("count_whole_number")
    return int(n)


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
# (not "2 relapses in the 2 years before I started": two years before something else)
_TWO_YEARS = (
    _WINDOW_HEAD + r"(?:2\s*(?:years?|yrs?)|24\s*months?)\b"
    r"(?!\s+(?:before|after|prior to|preceding|following|leading up to)\b)"
)


# One relapse of a told story: the relapse word or a word standing for it ("one", "another",
# "a leg one", "the second"), in a piece of the message that also dates it.
_STORY_PIECE = re.compile(r"[;.!?\n]|,|\bthen\b|\band\b(?!\s+an?\s+half)|\s-\s|:", re.I)
_STANDS_FOR_A_RELAPSE = re.compile(
    r"^\W*(?:(?:and|then|but|also|plus|with)\s+)*(?:(?:a|an|the|my)\s+)?"
    r"(?:[a-z]+\s+){0,2}?(?:one|1|another|second|2nd|third|3rd|#\d+|[1-5](?=\s+(?:in|times)\b))\b"
    r"(?!\s+(?:of|child|kid|son|daughter|eye|leg|arm|side|year|month|time)s?\b)",
    re.I,
)
# What else a date in a relapse story may be of: "an MRI in 2025-01", "diagnosed 2019".
_ANOTHER_EVENT = re.compile(
    r"\b(?:mri|scans?|born|birth|moved?|started|starting|switched|wedding|married|appointment|"
    r"appt|visit|diagnos\w*|dx|steroids?|infusions?|pregnan\w*|baby|surgery|operation)\b",
    re.I,
)
# A list of relapses opens: "my relapses:", "Relapse history -", "attacks:".
_STORY_HEAD = re.compile(
    r"(?:relapses|attacks|flare[- ]?ups|exacerbations)\s*(?::|\s-\s)|"
    r"(?:relapse|attack)s?\s+history\s*(?::|\s-\s)?",
    re.I,
)
# A piece of a story that is only a month ("February", "and again in October").
_BARE_MONTH = re.compile(
    rf"\W*(?:(?:and|then)\s+)?(?:again\s+)?(?:in\s+)?(?:(?:early|late|mid)\s+)?"
    # "August this year", "in March last year": the month of a year said by its place
    rf"(?:{_MONTH_WORD})(?:\s+(?:this|last)\s+year)?\W*",
    re.I,
)
# A date alone, as listed after a count: "(07/2025", "02/2026)", "March 2024".
_BARE_DATE = re.compile(
    rf"\W*(?:(?:0?[1-9]|1[0-2])/(?:19|20)?\d\d|(?:(?:{_MONTH_WORD})\s+)?(?:19|20)\d\d)\W*",
    re.I,
)


def _is_bare_date(part: str) -> bool:
    """Whether a piece of a list is only a date or a month ("Feb 2025", "August this year")."""
    return bool(_BARE_DATE.fullmatch(part) or _BARE_MONTH.fullmatch(part))


# A piece whose date is not one relapse's: a span of years ("Copaxone 2007-2013 (relapsed
# three times)"), or a count over a window ("Two relapses in the preceding 24 months").
_NO_STORY_DATE = re.compile(
    _YEAR_SPAN + r"\b|\b\d+\s+(?:\w+\s+)?(?:relapses|attacks)\b(?!\s+in\s+(?:19|20)\d\d)",
    re.I,
)
_STORY_DENIAL = re.compile(
    r"^\W*(?:(?:and|then|but)\s+)?(?:no|none|nothing|never|without)\b|"
    r"\b(?:no|never|without)\s+(?:more\s+|other\s+|further\s+)?(?:relapse|attack|flare)",
    re.I,
)
_TIMES_AT_ONCE = re.compile(
    r"\b(\d) times\b|(?:^\W*|\b(?:had|have|with)\s+)(\d)\s+(?:relapses?\s+|attacks?\s+)?in\b",
    re.I,
)


# Signs that a story tells every relapse: ordinals, or a close ("that's it", "none since").
_WHOLE_STORY = re.compile(
    r"\b(?:first|second|2nd|third|3rd)\b|\bthat'?s (?:it|all)\b|\bthats (?:it|all)\b|"
    r"\b(?:nothing|none|no (?:more|other|others|further)(?: relapses| attacks)?)\s+since\b",
    re.I,
)


def tells_every_relapse(text: str) -> bool:
    """Whether a relapse story says it is whole: a list's head, ordinals, or a close."""
    first = FACT_WORDS["relapse"].search(text)
    return bool((first and _STORY_HEAD.match(text, first.start())) or _WHOLE_STORY.search(text))


# A year, then its season after a comma: "2024, in the summer", "the year before last, in the
# spring".
_SEASON_AFTER_ITS_YEAR = re.compile(
    rf"\b(19[5-9]\d|20\d\d|{_YEAR_BEFORE_LAST})\s*,?\s+in\s+the\s+"
    r"(spring|summer|autumn|fall|winter)\b",
    re.I,
)


def dated_relapses(text: str, asked: bool = False, today: dt.date | None = None) -> list[float]:
    """The months since each relapse of a story told with dates ("relapse in January 2026,
    another in June 2026"), read from the relapse word on; after a list's head ("my relapses:",
    "Relapse history -") or in answer to a relapse question (``asked``), every dated piece is
    one. One value per relapse, in the order told; [] when fewer than two are dated, which
    tells no story."""
    text = _TIME_DENIED.sub(" ", text)  # "not last year": no time of a relapse
    text = _pseudo_times_blanked(text)  # no relapse, so no date of one
    # "2024, in the summer", "the year before last, in the summer": one date, not two pieces
    text = _SEASON_AFTER_ITS_YEAR.sub(
        lambda m: f"in the {m.group(2)} of {_year_number(m.group(1), today or dt.date.today())}",
        text,
    )
    # "I haven't had a relapse in 2026, but ...": the denial stays a piece, with no date
    text = _RELAPSE_TIME_DENIED.sub(" no relapse ", text)
    # "then nothing till two in autumn 2025": what came after the quiet time is told
    text = re.sub(r"\b(?:nothing|none|no more)\s+(?:till|until|til)\b", " ", text, flags=re.I)
    today = today or dt.date.today()
    t = re.sub(r"\btwice\b", "2 times", re.sub(r"\bonce\b", "1 times", words_to_numbers(text)))
    first = FACT_WORDS["relapse"].search(t)
    if first is None and not asked:
        return []
    start = (
        0
        if first is None
        else max([0] + [m.end() for m in _STORY_PIECE.finditer(t[: first.start()])])
    )
    head = asked or (first is not None and _STORY_HEAD.match(t, first.start()))
    found: list[float] = []
    # the year just said, how many of its relapses are not dated yet, and the value they have
    year, unnamed, year_only = None, 0, 0.0
    pending = 0  # dates still to come of relapses counted before them
    for piece in _STORY_PIECE.split(t[start:]):
        said = re.search(r"\b(?:19|20)\d\d\b", piece)
        relapse = (
            FACT_WORDS["relapse"].search(piece)
            or _STANDS_FOR_A_RELAPSE.match(piece)
            or (head and not _ANOTHER_EVENT.search(piece))
        )
        bare_month = _BARE_MONTH.fullmatch(piece)
        if pending and _BARE_DATE.fullmatch(piece):
            relapse, pending = True, pending - 1  # "relapsed 2 times (07/2025, 02/2026)"
        if (
            not (relapse or bare_month)
            or _STORY_DENIAL.search(piece)
            or _NO_STORY_DATE.search(piece)
        ):
            continue
        if (
            not said
            and (bare_month or relapse)
            and year
            and _MONTH_NAMED.search(piece)
            # not "one more this june": a month dated by its own words
            and not re.search(r"\b(?:this|last|next)\s+(?:" + _MONTH_WORD + r")\b", piece, re.I)
        ):
            # "two in 2025: February and again in October": the months of that year
            piece = f"{piece} {year}"
            if unnamed:  # one of the year's relapses, now dated: not counted twice
                found.remove(year_only)
                unnamed -= 1
        elif not relapse:
            continue
        when = months_ago(piece, today, windows=False)
        if when is None:
            continue
        times = _TIMES_AT_ONCE.search(piece)
        n = int(times.group(1) or times.group(2)) if times else 1
        if times and n > 1 and _BARE_DATE.match(piece, times.end()):
            n, pending = 1, n - 1  # the first of the dates told after the count
        if said or (times and n > 1):
            # "relapsed 2 times (07/2025, 02/2026)": the dates that follow are those relapses
            unnamed, year_only = (
                n
                if said is None or not (_MONTH_NAMED.search(piece) or re.search(r"\d/", piece))
                else 0,
                when,
            )
            year = said.group(0) if said else year
        found += [when] * n
    return found if len(found) >= 2 else []


# Words that close a story as the whole of it: "and that's been it", "that's all", "none since".
_ALL_TOLD = (
    r"\b(?:that'?s|thats) (?:been )?(?:it|all)\b|\b(?:none|nothing|no more|not one) since\b|"
    r"\bthe only one\b|\bonly (?:the )?(?:one|1)\b"
)


# A count for one period of the two years: "two this year", "last year none", "one the year
# before that", "2025 two", "none in the last 12 months" (words already figures).
_PERIOD = (
    r"(?P<p>this year|so far this year|last year|the year before(?: that| last)?|"
    r"(?:in )?the (?:last|past) (?:12 months|year)|(?:19|20)\d\d)"
)
_PERIOD_COUNT = r"(?P<n>\d+|none|no|zero|nil|nothing)(?:\s+(?:times?|relapses?|attacks?))?"
_COUNT_THEN_PERIOD = re.compile(
    r"(?<![\d.])" + _PERIOD_COUNT + r"\s+(?:relapses?\s+)?(?:in\s+)?" + _PERIOD + r"\b", re.I
)
_PERIOD_THEN_COUNT = re.compile(
    r"\b" + _PERIOD + r"\s*[:,-]?\s*(?:i had\s+|had\s+)?" + _PERIOD_COUNT + r"\b(?!\s*[./]\d)",
    re.I,
)


def _count_by_period(t: str, year: int) -> int | None:
    """Relapses in the two years, from a count for each of its two halves ("2 times this year,
    last year none" is 2; "none in the last 12 months; 1 the year before that" is 1); None
    unless both halves are told, each once."""
    counts: dict[str, int] = {}
    used: list[tuple[int, int]] = []  # a period or count read once ("2 this year, none ...")
    for pattern in (_COUNT_THEN_PERIOD, _PERIOD_THEN_COUNT):
        for m in pattern.finditer(t):
            spans = [m.span("p"), m.span("n")]
            if any(a < d and c < b for a, b in spans for c, d in used):
                continue
            used.extend(spans)
            half = _half_of(m.group("p").lower(), year)
            if half is None:
                continue
            n = m.group("n").lower()
            count = int(n) if n.isdigit() else 0
            if counts.get(half, count) != count:
                return None  # two counts for one half: not read here
            counts[half] = count
    return sum(counts.values()) if len(counts) == 2 else None


def _half_of(period: str, year: int) -> str | None:
    """Which half of the two years a period names: "now" (this year, the last 12 months),
    "before" (last year, the year before that), or None."""
    if (
        period in ("this year", "so far this year", str(year))
        or "last 12" in period
        or "past 12" in period
        or (period.endswith(("last year", "past year")) and "the" in period)
    ):
        return "now"
    if period in ("last year", str(year - 1)) or period.startswith("the year before"):
        return "before"
    return None


# "three episodes, but one was a UTI pseudo-relapse": some of the ones counted were no relapse.
_SOME_WERE_PSEUDO = re.compile(
    r"\b(?:but|and|though|although)\s+(\d+)\s+(?:of (?:them|those|these)\s+)?(?:was|were)\s+"
    r"(?:(?:just|only|actually|really|later called)\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"pseudo-episodes?\b",
    re.I,
)


def parse_relapse_count(
    text: str, requested: bool, today: dt.date | None = None
) -> int | Invalid | None:
    """:func:`_relapse_count`, less the ones the message says were pseudo-relapses ("three
    episodes, but one was a UTI pseudo-relapse": 2)."""
    count = _relapse_count(text, requested, today)
    fewer = _SOME_WERE_PSEUDO.search(words_to_numbers(fold(text)))
    if fewer and isinstance(count, int) and not isinstance(count, bool) and count > 0:
        return max(count - int(fewer.group(1)), 0)
    return count


def _relapse_count(
    text: str, requested: bool, today: dt.date | None = None
) -> int | Invalid | None:
    """Relapses in the past two years. Volunteered only with its window ("two relapses in the last
    two years", "my 3rd in 2 years", "no relapses in 2 yrs", "I don't get relapses"); asked, also
    "twice", "one in 2025 and one this spring" (2), "the last one a year ago, none before that" (1);
    a hedge between two counts ("3 or 4") is asked again."""
    t = _BOUNDED_NUMBER.sub(" ", words_to_numbers(fold(text)))
    t = re.sub(
        r"\bonce\b", "1 time", re.sub(r"\btwice\b", "2 times", re.sub(r"\bthrice\b", "3 times", t))
    )
    t = re.sub(
        r"\b(\d+)(?:st|nd|rd|th)\b|\b(" + "|".join(_ORDINALS) + r")\b",
        lambda m: f"#{m.group(1) or _ORDINALS[m.group(2)]}",
        t,
    )
    by_period = _count_by_period(t, (today or dt.date.today()).year)
    if by_period is not None:
        return by_period
    relapse = r"(?:relapses?|attacks?|flare[- ]?ups?|exacerbations?)"
    listed = re.search(rf"\b(\d+)\s+{relapse}\s+{_TWO_YEARS}", t)
    if listed:
        return int(listed.group(1))  # "two relapses in the last two years"
    # asked: "0 in the last 24 months, 2 in the 24 before that": the count with the window's words
    bare = re.match(rf"\W*(\d+)\s+{_TWO_YEARS}", t) if requested else None
    if bare:
        return int(bare.group(1))
    # "12 relapses since 2008 but only 1 in the last 2 yrs": the relapse word said once before
    elided = re.search(rf"\b(?:only|just)\s+(\d+)\s+{_TWO_YEARS}", t)
    if elided and re.search(relapse, re.split(r"[.;!?]", t[: elided.start()])[-1]):
        return int(elided.group(1))
    label = re.search(
        # "relapses in last 2 yrs: 0", "Relapses (last 2 years): 1"
        rf"\b{relapse}\s*\(?\s*(?:{_TWO_YEARS}|(?:last|past)\s+(?:2\s*(?:years?|yrs?)|24\s*months?)"
        rf"\b)\s*\)?\s*[:=-]\s*(\d+|none|nil|no)\b(?!\s*(?:{_UNIT_WORD}|[./]\d))"
        # ... or the window after the count: "relapses: 0 in 2 years", "attacks - 1 in the
        # past 2 yrs"
        rf"|\b{relapse}\s*[:=-]\s*(\d+|none|nil|no|zero)\s+{_TWO_YEARS}",
        t,
    )
    if label:
        said = label.group(1) or label.group(2)
        return int(said) if said.isdigit() else 0
    # a note's bare zero, with no time of its own: "0 relapses", "relapses 0", "relapses: zero"
    zero = re.search(
        rf"(?:^|(?<=[\s,;:/(]))(?:0|zero)\s+{relapse}"
        rf"|(?<!\d )\b{relapse}\s*[:=-]?\s*(?:0|zero)(?![\d/]|[.,]\d)",
        t,
    )
    if zero and not re.match(
        r"\s*(?:since|in|over|during|for|this|last|past|before|after|until|on|while|w/)\b",
        t[zero.end() :],
    ):
        return 0
    nth = re.search(rf"#(\d+)\s+(?:{relapse}\s+)?{_TWO_YEARS}", t)
    if nth:
        return int(nth.group(1))  # "my 3rd in 2 years"
    if (
        (
            _NO_RELAPSE_SAID.search(t)
            if requested
            else any(  # the "never" of the relapse clause, not "never needed them, my relapses.."
                _NO_RELAPSE_SAID.search(c) and re.search(relapse, c) for c in _clauses(t)
            )
        )
        and not re.search(r"\bago\b|\b(19|20)\d\d\b", t)
        and not _part_of_time().search(t)
        # not "none this year, but two last year": the "but" gives a count of its own
        and not re.search(
            r"\b(?:but|though|although|except)\b[^.;]{0,20}?\b\d+\b(?!\s*(?:/|\.\d))", t
        )
    ):
        return 0  # "I don't get relapses", "never had a relapse"
    any_window = (
        _WINDOW_HEAD + r"(?:(?:about|around|over|nearly|almost|more than|like)\s+|>\s*)?"
        r"\d+(?:\.\d+)?\s*(?:years?|yrs?|months?)\b"
    )  # any window: "no relapses for 3 years" covers the past two
    negated = re.search(
        rf"(\b(?:no|zero|not any|none|without(?: any)?)|(?:\bnot|n'?t|\bnever)\s+"
        rf"(?:(?:had|been)\s+(?:a single|a|any|one|1)?|a single))\s+"
        rf"(?:{relapse}\s+|(?<=a single )(?:1|one)\s+)?"
        rf"(?:{any_window}|since\b.*)"
        rf"|\b(?:relapse|attack|flare)[- ]free\s+(?:{any_window}|since\b.*)",
        t,
    )
    if negated:
        window = (
            _window_months(negated.group(0))
            or months_ago(negated.group(0)[negated.group(0).find("since") :], today)
            if "since" in negated.group(0)
            else _window_months(negated.group(0))
        )
        if window is not None and window >= 24:
            return 0  # "no relapses in 2 yrs", "no relapses since my diagnosis in 2016"
    on_it = re.search(rf"\bno {relapse} (?:on it|on them|since (?:starting|i started|going on))", t)
    held = (
        on_it
        and re.search(  # "on Tysabri for 3 yrs, no relapses on it"
            r"\b(?:for|going on|goin on|been on \w+(?: for)?)\s+(?:about |over |nearly )?(\d+)\s*"
            r"(?:years?|yrs?)\b",
            re.split(r"[.;!?]", t[: on_it.start()])[-1] + t[on_it.start() :].split(".")[0],
        )
    )
    if held and int(held.group(1)) >= 2:
        return 0
    if (
        _NO_RELAPSE.search(t)
        and re.search(r"\b(in|for) (ages|years|a long time|donkey'?s years)\b", t)
        and not re.search(r"\bbefore (that|it|then)\b|\bago\b", t)
    ):
        return 0  # "haven't had a relapse in ages"
    if not requested:
        return None
    if _ONLY_A_GUESS.search(t) or re.fullmatch(
        r"\W*(?:dunno|don'?t know|no idea|no clue|not sure)\W+(?:maybe|perhaps|possibly|about|"
        r"around)?\s*\d+\W*",
        t,
    ):
        return None  # "dunno maybe 4": a guess, no count to take
    if re.fullmatch(
        r"\W*(?:no|nope|nah|not any|no,? none)\W*(?:(?:lol|haha|thankfully|luckily|thank god)\W*)?",
        t,
    ):
        return 0  # "nope lol" to "how many relapses in the last 2 years?": none
    if re.fullmatch(
        r"\W*(?:none|zero|nada|nil|0)(?:\W+(?:none|zero|nada|nil|0|not a single (?:one|1)|"
        r"not (?:a|1|one)|at all))*\W*",
        t,
    ):
        return 0  # "none, zero, nada, not a single one"
    total = re.search(
        r"\b(?:so|that'?s|thats|makes|in total|total)\s+(\d{1,2})\b"
        r"(?!\s*(?:years?|yrs?|months?|weeks?|days?))\W*$",
        t,
    )
    if total:
        return int(total.group(1))  # "August 2026, April 2026 and January 2025 - so three"
    item = r"\s+(?:in|this|last|during|at|around|back|earlier|later|a few)\b"
    if re.fullmatch(
        r"\W*(about|around|maybe|probably)?\s*\d+\s*(or|to|-)\s*\d+\W*", t
    ) or re.search(
        r"\b\d{1,2}\s*(?:or|to|-)\s*\d{1,2}\b(?![.,]\d|/)"
        r"(?!\s*(?:years?|yrs?|months?|weeks?|days?|%|mg|ago))"
        rf"(?!{item})",  # "two - one in February and one in October": the count, then each
        t,
    ):  # "3 or 4", "lost count tbh, 4 or 5?", "2 or 3 maybe, I'm not sure"
        return Invalid("relapse_count_range")
    items = re.findall(r"(?:^|\band\b|,|-|:|\bhad\b)\s*(\d+)" + item, t)
    said = re.match(r"\W*(?:yes\W+)?(\d{1,2})\s*[-:–]", t)
    said = said if said and len(items) >= 2 and int(said.group(1)) == len(items) else None
    if said:
        # "yes, two - one in January and one in the summer of 2025": the count, then each;
        # the items are read below, for one may be older than two years ("two: one this
        # year in April, one in April 2024" is 1 in two years)
        t = t[said.end() :]
    if len(items) == 1:
        # "one in November 2024 and that's been it": one relapse, dated before the two years
        years = _SHORT_YEAR.sub(lambda m: " " + _full_year(m.group(1)), t)
        ago = months_ago(years, today, windows=False)
        named = _MONTH_NAMED.search(years) or _MONTH_IN_FIGURES.search(years)
        if ago is not None and ago > 24 and named:  # (a bare year keeps the count given)
            return 0 if re.search(_ALL_TOLD, t) else None
    if len(items) >= 2:  # "one in 2025 and one this spring"
        # each item's own time: "one in Mar '24 and one in Feb this year" is 1 in two years
        years = _SHORT_YEAR.sub(lambda m: " " + _full_year(m.group(1)), t)
        parts = re.split(r"\band\b|,|;", re.sub(r"\s+", " ", years))
        dated = [(p, months_ago(p, today, windows=False)) for p in parts if re.search(r"\d", p)]
        if any(m is not None and m > 24 for _, m in dated):
            if any(
                m is not None
                and 24 < m <= 30
                and not _MONTH_NAMED.search(p)
                and not _MONTH_IN_FIGURES.search(p)
                for p, m in dated
            ):
                return None  # a bare year that may fall either side of two years
            return (
                sum(int(n) for n, (_, m) in zip(items, dated) if m is None or m <= 24)
                if len(dated) == len(items)
                else None
            )
        return int(said.group(1)) if said else sum(int(n) for n in items)
    before = re.search(r"\b(none|no\w*|nothing)\b[^.;]{0,12}\bbefore (that|it|then)\b", t)
    last = months_ago(t, today, windows=False)
    if before and last is not None and last <= 24:
        return 1  # "my last one was a year ago, none before that"
    if (
        last is not None
        and last > 30
        and re.match(r"\W*(?:no|nope|nah|none|zero|not)\b", t)
        and not re.search(r"\bsince\b", t)
    ):
        # "nope, last one 2022": a no, and the last relapse before the two years (a bare year
        # may be its December, hence 30 months); "1 in 2023" keeps the count the person gave
        return 0
    if re.search(r"(?:\bnot|n'?t|\bnever)\b[^.;,\d]{0,15}\b(?:a single |even )?1\b", t):
        return None  # "haven't had one in 6 months": none lately, the two years not told
    dates = [m.group(0) for m in _MONTH_IN_FIGURES.finditer(t)]
    if dates and re.fullmatch(rf"(?:\W|\band\b|{_MONTH_IN_FIGURES.pattern})*", t):
        # "11/2024 and 06/2026": one relapse a date, counted when inside the two years
        ago = [months_ago(d, today) for d in dates]
        return sum(1 for months in ago if months is not None and months <= 24)
    contrast = re.match(
        r"\W*(?:none|no|zero|0|not (?:a single )?(?:one|1))\b[^.;]{0,25}?\bbut\s+(\d{1,2})\b"
        r"(?!\s*(?:/|\.\d|years?|yrs?|months?))\s*(?:relapses?\s*)?(last year|this year)?\W*$",
        t,
    )
    if contrast:
        return int(contrast.group(1))  # "none this year, but two last year": both in two years
    # the 2 of "2 months ago" is no count, nor the 11 of "11/2024", nor the "one" of "the last
    # one was march" (a date, not how many)
    t = re.sub(
        r"\b(?:the\s+|my\s+)?(?:last|latest|most recent|previous|first)\s+(?:one|1)\b", " ", t
    )
    return parse_count(_SPAN.sub(" ", _MONTH_IN_FIGURES.sub(" ", t)))


_COURSE_LENGTH = re.compile(
    # ... and "x3 days" ("IV methylpred x3 days")
    r"(?:\b(?:for\s+)?(?:a\s+)?|\bx\s*)\d+(?:\.\d+)?[\s-]*days?\b(?!\s+(?:ago|back|before))"
    r"|\bfor (?:a|one|1) week\b(?!\s+ago)",
    re.I,
)


# Another fact's answer after its label: "relapses: 0 in 2 years", "EDSS - 3".
_OTHER_LABELLED = re.compile(
    r"\b(?:relapses?|attacks?|flares?|edss|age|dx|diagnos\w*|type)\s*[:=]\s*[^,;/.]*", re.I
)


# Words that keep a denial to one episode: "that time", "for the second one", "this one".
_ONE_EPISODE = re.compile(
    r"\b(?:that|this|the (?:other|second|last|latest|first|most recent))\s+(?:time|one|relapse|"
    r"flare|attack)\b"
)


# A denial of steroids with an exception after it: "no steroids for me except a week of oral
# pred in January", "Never, apart from the 3-day IV course when I was diagnosed in October
# 2022" (a bare "never" answers the question asked). The exception is a course: no "never".
_EXCEPTION_WORDS = r"(?:except|excepting|apart from|other than|aside from|besides|but for|save for)"
_STEROIDS_EXCEPTED = re.compile(
    r"(?:\b(?:never|no|not|none)\b[^.;,]{0,25}(?:" + FACT_WORDS["steroids"].pattern + r")"
    r"|^(?P<bare>\W*(?:never|no|nope|none)\b))"
    r"[^.;]{0,40}?\b" + _EXCEPTION_WORDS + r"\b(?P<rest>[^.;]*)",
    re.I,
)


# A steroid course still to come, to its clause's end: "booked in for IV steroids on Monday".
_STEROIDS_TO_COME = re.compile(
    r"\b(?:booked(?:\s+in)?\s+for|scheduled\s+for|due\s+(?:to\s+(?:have|get|start)|for)|"
    r"(?:going|about)\s+to\s+(?:have|get|start)|will\s+(?:have|get|start))\s+"
    r"(?:my\s+|some\s+|the\s+|a\s+(?:course\s+of\s+)?)?(?:iv\s+|oral\s+|high[- ]dose\s+)?"
    r"(?:steroids?|methylpred\w*|prednis\w*|solu-?medrol|ivmp)\b[^.;,!?\n]*",
    re.I,
)


# The opening of a closed span of time, up to its end: "from September to", "between 2019 and".
_SPAN_MONTH = rf"(?:{_MONTH_WORD}|mar)\b\.?(?:\s+(?:19|20)\d\d)?"  # the months' one list
_SPAN_OPENING = re.compile(
    rf"\b(?:from|between)\s+(?:(?:early|mid|late|the end of)[-\s]+)?(?:{_SPAN_MONTH}|(?:19|20)\d\d)"
    r"\s*(?:to|until|till|through|into|and|-)\s+(?=(?:the end of\s+|early\s+|mid[-\s]+|late\s+)?"
    rf"(?:{_SPAN_MONTH}|(?:19|20)\d\d)\b)",
    re.I,
)


def parse_months_since_steroids(
    text: str, requested: bool, relapse_months: float | None = None
) -> float | None:
    """Months since steroids: "steroids 3 months ago", "on steroids right now" (0), "had IV steroids
    for it" (the relapse's time), "never had steroids"."""
    # "I'm booked in for IV steroids on Monday, but before that ...": a course to come dates
    # nothing (positions kept)
    text = _STEROIDS_TO_COME.sub(lambda m: " " * len(m.group(0)), text)
    # "an oral taper from September to the end of October", "pulses from 2019 to 2021": the
    # last dose is the end of the span (positions kept)
    text = _SPAN_OPENING.sub(lambda m: " " * len(m.group(0)), text)
    t = fold(text)
    if not requested and not FACT_WORDS["steroids"].search(t):
        return None
    # "a 5 day pred course", "3 days iv steroids", "for a week": how long, not how long ago
    words = _COURSE_LENGTH.sub(" ", about(text, "steroids", requested) or "")
    if requested and not re.search(r"\d|ago|last|since|now|current|recent|never", words, re.I):
        # "solu medrol 3 days, finished last friday"; not another fact's labelled answer
        # ("relapses: 0 in 2 years")
        words = _COURSE_LENGTH.sub(" ", _OTHER_LABELLED.sub(" ", text))
    w = fold(words)
    excepted_course = _STEROIDS_EXCEPTED.search(t)
    if excepted_course and (requested or not excepted_course.group("bare")):
        return months_ago(_COURSE_LENGTH.sub(" ", excepted_course.group("rest")))
    steroid = FACT_WORDS["steroids"].pattern  # the one list of steroid words ("oral pred")
    dated = re.search(r"\d|ago|last|since|now|current|recent", w)
    if (
        (
            requested
            and re.match(
                # "no", "nah never", "never did", "no, never had any"
                r"\W*(?:(?:no|nope|nah|never)\b\W*){1,3}(?:(?:i\s+)?(?:had|needed|got|taken|took|"
                r"used|did|have)\b\s*(?:any|them|it|those|steroids?)?)?\W*(?:[,.;!]|$)",
                t,
            )
            and not re.search(r"\b(but|except|apart from|other than|only|once|until|till)\b", t)
        )
        or (
            requested
            # "never - I've refused them every time, the last relapse was in August"
            and re.match(
                r"\W*(?:no|nope|nah|never)\b\W+(?:i'?ve\s+|i\s+|i have\s+)?(?:always\s+)?"
                r"(?:refused|declined|turned (?:them|it|those) down|said no)\b",
                t,
            )
        )
    ):
        return NEVER  # "never taken them, i said no when they offered in 2022"
    # The "never" must be about steroids: "never had steroids", "no steroids ever", or a bare "no"
    # to the question; not "no relapses, had steroids once" nor "not sure when I had steroids".
    # "a pseudo-relapse with a UTI, no steroids. Real last relapse ..., treated with
    # solumedrol": a course said elsewhere in the message, so no "never"
    affirmed = any(
        re.search(
            r"\b(?:treated with|given|gave me|had|got|received|took|taken|course of)\s+"
            r"(?:\w+\s+){0,2}$",
            w[max(0, m.start() - 30) : m.start()],
        )
        and not re.search(
            r"\b(?:never|no|none|not|without|didn'?t|n't)\b[^.;,]{0,20}$", w[: m.start()]
        )
        for m in re.finditer(steroid, w)
    )
    # "Easter 2025 ..., 5 days IV methylpred. ... a pseudo-relapse, no steroids": a course told
    # in another sentence, so the denial is that episode's, no "never"
    course_told = any(
        re.search(
            r"\b(?:\d+|three|five|seven|ten)\s*(?:days?|d)\b|\biv\b|\boral\b|\bcourse\b|"
            r"\bpulse\b|\bx\s*\d",
            part,
        )
        and not re.search(r"\b(?:never|no|none|not|without|didn'?t|n'?t|refused|declined)\b", part)
        for part in re.split(r"[.;!?\n]", t)
        if re.search(steroid, part)
    )
    # "never had IV steroids - only oral prednisolone once, in January": an exception that
    # names a course of its own
    # ("... only an oral course for that second attack": the course word names it too, and the
    # exception may be past a comma, so the whole message is read)
    excepted = re.search(
        r"\b(?:never|no|not)\b[^.;]{0,30}"
        + steroid
        + r"[^.;]{0,40}\b(?:only|except|apart from|other than|but|just)\b[^.;]{0,30}(?:"
        + steroid
        + r"|\b(?:course|pulse|taper|round|tablets|pills|oral|iv|infusions?)\b)",
        t,
    )
    if (
        not dated
        and not affirmed
        and not course_told
        and not excepted
        # "no steroids this year", "none in the last 6 months", "no steroids in ages": none
        # lately, which is no "never"
        and _window_months(w) is None
        and not _part_of_time().search(w)
        # "no relapses since 2020, no steroids either": the same time as the denial before it
        and not (re.search(r"\beither\b", w) and _part_of_time().search(fold(text)))
        and not re.search(r"\bfor (?:a|an|one|a few|a couple of|\d+) (?:years?|months?)\b", w)
        # "another flare in July, no steroids that time": one episode's, not never
        and not (_ONE_EPISODE.search(w) and not re.search(r"\b(?:not ever|never)\b", w))
        and (
            (
                re.search(
                    r"\b(never|no|none|not ever|have ?n'?t ever|havent ever)\b[^.;,]{0,20}"
                    + steroid,
                    w,
                )
                # "Cortisone I never had", "steroids - never"
                or re.search(
                    steroid + r"\w*\W{0,3}\s*(i\s+)?(never|not ever)\b(\s+(had|taken|got))?\W*$", w
                )
            )
            and not re.search(r"\bfor (it|that|this|them|the)\b", w)
            or requested
            and re.match(  # "never needed them, my relapses were always mild"
                r"\W*(no|nope|never|none|not really|no never)"
                r"(\s+(had|needed|got|taken|used|had to have)\s+(any|them|it|one|those))?"
                r"\W*([,.;!]|$)",
                t,
            )
        )
    ):
        return NEVER
    denied = re.search(
        r"\b(did ?n'?t|didnt|did not|not|no|never|without|refused|declined)\b[^.;,]{0,25}"
        r"\b(steroid\w*|prednis\w*|solu-?medrol|methylpred\w*)",
        words,
        re.I,
    )
    if denied:
        since = re.match(r"\w*\s+since\s+((?:19|20)\d\d)\b", words[denied.end() :], re.I)
        # "not had steroids since 2021": the last course was then; else no time of steroids
        return months_ago(f"in {since.group(1)}") if since else None
    if (
        FACT_WORDS["steroids"].search(words)
        and re.search(r"\b(right now|currently|at the moment|these days|now)\b", words)
        and re.search(r"\b(on|taking|having|getting)\b", words)
        # (not "oral pred in January, and I'm not on any now")
        and not re.search(
            r"(?:\bnot|n'?t|\bno longer|\bnever)\s+(?:\w+\s+)?(?:on|taking|having|getting)\b", words
        )
    ):
        return 0.0  # "I'm on steroids right now"
    if re.search(r"ago|last|since|\b(19|20)\d\d\b", words, re.I) or (
        _MONTH_NAMED.search(fold(words)) or _MONTH_IN_FIGURES.search(words)
    ):  # "had steroids in march"
        named = months_ago(words)
        if named is not None:
            return named
    if (
        relapse_months is not None
        and not isinstance(relapse_months, Invalid)
        and re.search(
            r"\bfor (it|that|this|them|the (relapse|attack|flare\w*))\b|\b(too|as well|also)\b|"
            # "had iv steroids then", "at the time", "both times", "with a 5 day pred course"
            r"\b(then|at the time|both times|each time|every time|that time|same time)\b|"
            r"\bwith (it|a|an)\b|\+\s*(?:iv |oral |high[- ]dose )?(?:steroid|pred|solu)|"
            r"\btreated with\b|\btx\b|^\W*treatment\b|\bsame (?:day|week|month)\b|"
            # "I had a relapse and they gave me cortisone for 5 days"
            r"^\W*(?:and\s+)?(?:they|the (?:doctors?|neuro\w*|hospital))\s+(?:gave|put)\s+me\b|"
            # "con corticoides", "mit Kortison": "with" in the writer's language
            r"\b(?:con|mit|com|avec)\s+(?:\w+\s+)?(?:cortic|[ck]ortison|steroid)|"
            r"\bfor (the|my|that) (first |last )?(relapse|attack|flare\w*|episode)\b|^\s*with\b",
            words,
            re.I,
        )
    ):
        return relapse_months  # "three months ago, had IV steroids for it"
    return months_ago(words) if requested else None


# Where someone lives beats where they come from: "from brazil but living in lisbon".
_HOME = ("live in", "living in", "based in", "now in", "reside in", "residing in", "moved to")
_ORIGIN = ("from", "born in", "originally from", "grew up in", "raised in")
# Said of where someone left: never where they live ("in Brisbane since we emigrated from
# Scotland"), even with no "live" word beside the home.
_LEFT = ("emigrated from", "moved from", "moved here from", "came over from")
_PLACE_WORDS = re.compile(
    rf"\b({'|'.join(_HOME)}|{'|'.join(_LEFT)}|{'|'.join(_ORIGIN)}|in|near)\s+(?:the\s+)?"
    r"([a-z][a-z .'()-]{1,40})"
)


def _country_after_place_word(t: str) -> str | None:
    """The country named after "in", "from", "living in"...: the home over the origin. "" when
    the only one named is where someone comes from while they say they live elsewhere."""
    lex = load_lexicon()
    found: list[tuple[int, str]] = []
    for m in _PLACE_WORDS.finditer(t):
        words = re.split(r"[,.;!?]| and | but ", m.group(2))[0].split()
        spans = [(i, j) for j in range(len(words), 0, -1) for i in range(j)]
        for i, j in sorted(spans, key=lambda ij: (ij[0], ij[0] - ij[1])):  # "the midwest usa"
            name = lex.country(" ".join(words[i:j]))
            if name:
                word = m.group(1)
                if word in _LEFT:
                    found.append((3, ""))  # decided: not that country, and no guess
                    break
                found.append((0 if word in _HOME else 2 if word in _ORIGIN else 1, name))
                break
    if not found:
        return None
    rank, name = min(found)
    if rank == 2 and re.search(rf"\b(?:{'|'.join(_HOME)}|reside)\b", t):
        return ""  # "born in poland, living in london": not where they live; decided, no guess
    if rank == 2 and any(
        lex.country(item.strip()) not in (None, name) for item in re.split(r"[,;.!?]|\s-\s", t)
    ):
        return None  # "Canada - Halifax, Nova Scotia. Originally from Ireland": the other one
    return name


# Words before a country in a short item that make it no home: "not uk", "ex usa".
_NOT_A_TOWN = re.compile(r"\b(?:not|no|ex|never|near|flying|trip|visit\w*|to|than)\b")


def _country_said(text: str) -> str | None:
    """A country said as a place: "in the UK", "from Ireland", "I'm in Australia", or a list item
    of its own ("Female, 41, Netherlands.", "38 m, usa, rrms", "USA, Ohio")."""
    lex = load_lexicon()
    t = fold(clean(text))
    named = _country_after_place_word(t)
    if named is not None:
        return named or None
    items = [item.split() for item in re.split(r"[,;!?()]|\.(?!\w)|\s-\s", t)]
    for words in items:
        name = lex.country(" ".join(words))
        if name:
            return name
    for words in items:  # "jo'burg south africa": a short item that ends on its country
        for n in (1, 2, 3):
            if (
                n < len(words) <= 3
                and not _NOT_A_TOWN.search(" ".join(words[:-n]))
                and region_country(" ".join(words)) is None  # "new south wales"
            ):
                name = lex.country(" ".join(words[-n:]))
                if name:
                    return name
    return _telegraph_country(items) or country_after_town(text)  # "pune india"


# A word of a note-style profile: a number ("38", "2015", "20wks"), or a word that heads or
# follows one ("dx", "edss", "relapses", "no", "never", "now").
_TELEGRAPH_WORD = re.compile(
    r"^(?:\d+(?:[.,]\d+)?[a-z]{0,4}|dx|edss|relapses?|steroids?|no|none|never|yes|now|since|"
    r"pregnant|not|dmt|on)$"
)


def _telegraph_country(items: list[list[str]]) -> str | None:
    """A country inside a note-style profile with no commas, after one of its other facts and
    before another or the item's end: "woman 50 rrms spain dx 2010", "ocrevus australia 0
    relapses" ("uk f 33" at a note's head is say_plainly's). The fact before is a number, a
    sex or MS-type word or a drug, so "trip to spain", "spain was lovely" and "usa Ocrevus"
    (Spanish "uses") name no home."""
    lex = load_lexicon()
    vocabulary = other_vocabulary() | _drug_words()
    for words in items:
        if len(words) <= 3:
            continue
        for i in range(1, len(words)):
            for n in (2, 1):
                name = lex.country(" ".join(words[i : i + n]))
                if not name or i + n > len(words) or words[i] == "us":
                    continue  # (not "us", the pronoun in lower case)
                sides = [words[i - 1]]
                sides += [words[i + n]] if i + n < len(words) else []
                if (
                    all(_TELEGRAPH_WORD.match(w) or w in vocabulary for w in sides)
                    and any(re.match(r"\d", w) or w in vocabulary for w in sides)
                    and not _NOT_A_TOWN.fullmatch(words[i - 1])
                ):
                    return name
    return None


# A place someone goes to, or where something else happens, is not where they live: "flying to
# Spain next week", "my last trial site was in Boston", "HSCT in Mexico next year"; not "any
# trial in India?", which asks for trials near home.
_NOT_HOME = re.compile(
    r"\b(?:fly(?:ing)?|flew|going|heading|travel\w*|trip|holidays?|vacation|visit\w*|moving|"
    r"relocating)\s+(?:back\s+)?to\s+[^.;,!?\n]{0,40}|"
    # a move still to come, said in the present: "we move to Spain in March"
    r"\b(?:we|i)\s+(?:move|relocate|emigrate)\s+(?:back\s+)?to\s+[^.;,!?\n]{0,40}|"
    # a stay told as time spent: "spent last winter in Thailand for work"
    r"\bspen[dt]\w*\s+[^.;,!?\n]{0,30}?\bin\s+[^.;,!?\n]{0,40}|"
    r"\b(?:trial|study)(?:\s+site)?\s+(?:was|is|were)\s+in\s+[^.;,!?\n]{0,30}|"
    r"\b(?:hsct|stem cell \w+|transplant|surgery)\s+(?:abroad\s+)?in\s+[^.;,!?\n]{0,30}|"
    # "Do I have to live in the US?": a rule asked about, not where they live
    r"\b(?:have|need|got)\s+to\s+(?:live|be|reside|be based|stay)\s+in\s+[^.;,!?\n]{0,30}|"
    # "not in the US - I'm in Auckland": a country denied
    r"\bnot\s+(?:living\s+|based\s+)?(?:in|from)\s+(?:the\s+)?[^.;,!?\n-]{0,25}|"
    # a home that was ("used to live in Germany", "Was in Canada, am in the US now"), a place of
    # work ("Works in Copenhagen") and a stay to come ("I'll be in Spain over Christmas")
    r"\b(?:used to (?:live|be|work)|lived|was|were)\s+(?:(?:living|based)\s+)?in\s+"
    r"[^.;,!?\n]{0,30}|"
    r"\b(?:works?|working|worked|commut\w*)\s+(?:\w+\s+)?(?:in|to|across)\s+[^.;,!?\n]{0,30}|"
    r"\b(?:i'?ll|we'?ll|i will|we will|will)\s+be\s+in\s+[^.;,!?\n]{0,30}",
    re.I,
)


# A time word after the country of an answer: "UK for now", "Spain at the moment".
_FOR_NOW = re.compile(r"\s+(?:for now|at the moment|currently|atm|still|for the time being)\s*$")


def read_country(text: str, requested: bool) -> str | None:
    """The country when it was asked, or said as a place (see _country_said) or with "live"
    words; a place only travelled to is left out."""
    text = _NOT_HOME.sub(" ", text)
    now = NOW_HOME.search(text)
    if now and now.start() > 0:  # "Texas, then Germany for 3 years, now we're in Ohio"
        after = text[now.start() :]
        # the gazetteer only when no country is named after "now"
        said = (
            _country_said(after)
            or parse_country(after)
            or (home_place_said(after) or {}).get("country")
        )
        if said:
            return said
    if requested:
        # "Ireland. do you have sites there or only in the UK?": the answer comes first
        first = load_lexicon().country(
            _FOR_NOW.sub("", fold(clean(re.split(r"[.,;!?\n]|\s-\s", text.strip())[0])))
        )  # "UK for now - we move to Spain in March": where they live until then
        return first or parse_country(text) or _country_said(text)
    said = _country_said(text)
    if said:
        return said
    if re.search(r"\b(live|living|from|based|country)\b", text, re.I):
        return parse_country(text)
    return None


def parse_country(text: str) -> str | None:
    lex = load_lexicon()
    t = fold(clean(text))
    direct = lex.country(t)
    if direct:
        return direct
    named = _country_after_place_word(t)
    if named is not None:
        return named or None
    # not the "wales" of "new south wales" nor the "mexico" of "new mexico": a region's name
    # is read whole, before the countries inside it
    regions = [r for r in [*lex.regions, *us_state_names()] if r in t]
    for region in sorted(regions, key=len, reverse=True):
        t = re.sub(rf"\b{re.escape(region)}\b", " ", t) if " " in region else t
    # the first named, whole ("Canada - Halifax. Originally from Ireland though": Canada)
    said = [
        (m.start(), -len(alias), name)
        for alias, name in lex._country_index.items()
        if len(alias) > 3
        for m in re.finditer(rf"\b{re.escape(alias)}\b", t)
        # not one denied: "not the US, not the UK - Australia"
        if not re.search(r"\b(?:not|no|ex|never)\s+(?:the\s+)?$", t[: m.start()])
    ]
    return min(said)[2] if said else None
