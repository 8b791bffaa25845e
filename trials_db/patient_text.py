"""Read what patients type into profile facts: "I'm thirty-four", "EDSS four and a half",
"Tecfidera then Ocrevus, Tecfidera didn't work", "yes, 12 weeks", "born in 1990".

Plain Python over the lexicon and a spaCy PhraseMatcher (blank pipeline): no Rasa import, so
the bot's actions, the CLI and the tests share it. Every reader returns a value, ``None``
(nothing about this fact in the text) or an :class:`Invalid` with a kind reason to show.
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from .criteria.nlp import _import_spacy
from .lexicon import fold, load as load_lexicon
from .profile import NEVER, NO_THERAPY, valid_edss

MAX_TEXT = 2000  # longer messages are read only this far


@dataclass(frozen=True)
class Invalid:
    """An answer we understood but cannot use; ``reason`` is a kind sentence for the patient."""

    reason: str


DONT_KNOW = "dont_know"
SKIP = "skip"

_NUMBER_WORDS = {
    "zero": 0, "none": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "couple": 2, "few": 3, "several": 3,
}
_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def clean(text: str | None) -> str:
    """Plain, bounded text: control characters and markup tags out, whitespace collapsed."""
    if not text:
        return ""
    text = re.sub(r"<[^<>]{0,200}>", " ", text[:MAX_TEXT])
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", " ", text)
    text = re.sub(r"[\ud800-\udfff]", "\ufffd", text)  # lone surrogates (valid JSON) crash spaCy
    return re.sub(r"\s+", " ", text).strip()


def words_to_numbers(text: str) -> str:
    """"thirty-four" -> "34", "four and a half" -> "4.5", "six point five" -> "6.5"."""
    t = fold(text)
    t = re.sub(r"\b(\d+)\s+and\s+(a\s+)?half\b", lambda m: f"{int(m.group(1))}.5", t)
    tens = "|".join(_TENS)
    units = "|".join(_UNITS[1:10])
    t = re.sub(rf"\b({tens})[\s-]+({units})\b",
               lambda m: str(_NUMBER_WORDS[m.group(1)] + _NUMBER_WORDS[m.group(2)]), t)
    t = re.sub(rf"\b({'|'.join(_UNITS + _TENS)})\b", lambda m: str(_NUMBER_WORDS[m.group(1)]), t)
    t = re.sub(r"\b(\d+)\s+and\s+(a\s+)?half\b", lambda m: f"{int(m.group(1))}.5", t)
    t = re.sub(r"\b(\d+)\s+(?:point|dot|comma)\s+(\d)\b", r"\1.\2", t)
    t = re.sub(r"\b(\d+),(\d)\b", r"\1.\2", t)  # "3,5" as many Europeans write it
    return t


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"(?<![\d.])-?\d+(?:\.\d+)?(?![\d.])", text)]


_FILLER = re.compile(r"\b(i'?m|i am|im|it'?s|it is|is|my|about|around|roughly|approximately|maybe|probably|"
                     r"i think|think|say|just|age|aged|edss|score|years?|yrs?|old|y/?o|of|a|the|now|currently|"
                     r"ok|okay|yes|so|well|um+|er+|hmm+)\b", re.I)


def _mostly_a_number(text: str) -> bool:
    """A bare answer like "34", "about 6", "I'm 34": not a number buried in other words or code."""
    rest = re.sub(r"-?\d+(?:\.\d+)?", " ", text)
    rest = _FILLER.sub(" ", rest)
    return len(re.findall(r"[^\W\d_]+|[<>(){}=;/\\]", rest)) == 0


def says_dont_know(text: str) -> bool:
    t = fold(text)
    return bool(re.search(r"\b(i )?(do ?n[o']?t|dont|don t|not) (really )?(know|remember|sure)|\bno idea\b|"
                          r"\bnot sure\b|\bunsure\b|\bforgot\b|\bno clue\b|\bidk\b|\bdunno\b", t))


def says_skip(text: str) -> bool:
    return bool(re.search(r"\b(skip|pass|rather not|prefer not|next question|move on)\b", fold(text)))


def yes_no(text: str, intent: str | None = None) -> bool | None:
    """True for a yes, False for a no, None when the text says neither."""
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    t = fold(text)
    if re.search(r"^\s*(no|nope|nah|not|never|neither|none)\b|\b(i'?m|i am) not\b|\bno,? ", t):
        return False
    if re.search(r"^\s*(yes|yeah|yep|yup|sure|of course|correct|right|i am|i do|ok|okay|indeed|absolutely)\b", t):
        return True
    return None


# ---------------------------------------------------------------------------- age

# An age as an item of a list of facts: "52, female, RRMS", "34F", "38 m, usa", "Female, 41",
# "44 y.o. man", "I have 45 years", "maybe 40ish", "just turned 40".
_AGE_ITEM = re.compile(
    r"(?:^|[,.;:!]\s*|\b(?:hi|hello|hey|me)\b[,!]?\s+|\b(?:female|male|woman|man|guy|lady)\s*,?\s+)"
    r"(\d{2})(?:\s*(?:f|m|female|male|woman|man|guy|lady|ish)\b)?\s*(?=[,.;!)]|$|\b(?:rrms|spms|ppms|cis|"
    r"with|and|from|in|y\.?o|yo|years|yrs)\b)"
    r"|\bi have (\d{2}) years\b|\b(\d{2})ish\b|\bjust turned (\d{2})\b|\b(\d{2})\s*(?:y\.?o\.?|yo|y/o)\b", re.I)


def parse_age(text: str, requested: bool, today: dt.date | None = None) -> float | Invalid | None:
    """Age in years from "34", "I'm thirty-four", "34 years old", "born in 1990"."""
    today = today or dt.date.today()
    t = words_to_numbers(text)
    born = re.search(r"\bborn (?:in |on )?(?:[a-z]+ )?(?:\d{1,2}(?:st|nd|rd|th)? )?(?:of )?(\d{4})\b", t) or \
        (re.search(r"^\s*(19\d\d|20\d\d)\s*$", t) if requested else None)
    if born:
        year = int(born.group(1))
        if not 1900 <= year <= today.year:
            return Invalid(f"{year} doesn't look like a year of birth. Could you tell me your age in years?")
        return float(today.year - year)
    patterns = [r"\b(?:i'?m|i am|im|age|aged|age is)\s*:?\s*(-?\d+(?:\.\d+)?)\b(?!\s*(?:kg|cm|lbs?|%))",
                r"\b(-?\d+(?:\.\d+)?)\s*(?:years?|yrs?|yo|y/o|y\.o\.)(?:\s*old|\s*of age)?\b"]
    found = None
    for pattern in patterns:
        m = re.search(pattern, t)
        if m and not re.match(r"\s*(years?|yrs?|months?|weeks?|days?)?\s*(ago|since|before|after)\b|\s*(months?|weeks?|days?)\b", t[m.end(): m.end() + 25]):
            if "year" in m.group(0) and not re.search(r"old|of age|\bi'?m\b|\bi am\b|\bage", t[max(0, m.start() - 12): m.end() + 8]):
                continue
            found = float(m.group(1))
            break
    if found is None:
        item = _AGE_ITEM.search(t)
        alone = re.fullmatch(r"\W*\d{2}\W*", t) is not None  # a bare "34" answers only the age question
        if item and not alone and not re.search(r"\b(edss|score)\s*$", t[max(0, item.start() - 8): item.start()], re.I):
            found = float(next(g for g in item.groups() if g))
    if found is None and requested and _mostly_a_number(t):
        numbers = _numbers(t)
        if len(numbers) == 1:
            found = numbers[0]
        elif len(numbers) > 1:
            return Invalid("I saw more than one number there. How old are you, in years?")
    if found is None:
        return None
    if not found.is_integer() and found > 3:
        found = float(int(found))
    if found < 0 or found > 120:
        return Invalid(f"{int(found) if found.is_integer() else found} can't be an age I can use. "
                       "Could you tell me your age in years, for example 42?")
    if found < 12:
        return Invalid("This service is for adults and teenagers living with MS. If you are helping a "
                       "child, the study teams are the best people to ask. How old is the person with MS?")
    return found


# ---------------------------------------------------------------------------- sex

_SEX_ITEM = re.compile(
    r"(?:^|[,.;:!]\s*)(female|male|woman|man|guy|lady)\s*(?=[,.;!]|$|\d)"
    r"|\b\d{2}\s*(?:y\.?o\.?|yo|y/o|years? old|year-old|-year-old)?\s*(f|m|female|male|woman|man|guy|lady)\b", re.I)


def parse_sex(text: str, requested: bool) -> str | Invalid | None:
    t = fold(text)
    female = r"\b(female|woman|women|girl|lady|feminine|mother|mum|mom|she|her)\b"
    male = r"\b(male|man|men|guy|boy|gentleman|masculine|father|dad|he|him)\b"
    strong_female = re.search(r"\b(i'?m|i am|im)\s+(a\s+)?(female|woman|girl|lady)\b", t)
    strong_male = re.search(r"\b(i'?m|i am|im)\s+(a\s+)?(male|man|guy|boy)\b", t)
    if strong_female:
        return "female"
    if strong_male:
        return "male"
    listed = _SEX_ITEM.search(t)
    if listed:  # "52, female, RRMS", "34F", "60 year old man with PPMS"
        word = (listed.group(1) or listed.group(2)).lower()
        return "female" if word in ("f", "female", "woman", "lady") else "male"
    if not requested:
        return None
    if re.search(r"\b(non[- ]?binary|prefer not|rather not|other|intersex|trans)\b", t):
        return Invalid("That's completely fine. Some studies only include women or only men because of "
                       "how they are run; the study team can talk this through with you.")
    if re.fullmatch(r"\s*f\s*", t) or (re.search(female, t) and not re.search(male, t.replace("female", ""))):
        return "female"
    if re.fullmatch(r"\s*m\s*", t) or re.search(male, t.replace("female", "").replace("woman", "")):
        return "male"
    return None


# ---------------------------------------------------------------------------- MS type

_SUBTYPE_PHRASES = [
    ("PPMS", r"\bprogressive (kind |type |one |form )?(from|since) (the )?(start|beginning|onset|first day)|"
             r"\bprimary[- ]?progressive|\bppms\b|\bpp[- ]ms\b|\bprogressive relapsing|\bprms\b"),
    ("SPMS", r"\bsecondary[- ]?progressive|\bspms\b|\bsp[- ]ms\b|\bsecondary\b"),
    ("RRMS", r"\brelaps\w*[- /]+(and[- ])?remit\w*|\bremit\w*[- /]+relaps\w*|\brrms\b|\brr[- ]ms\b|\brelapsing\b|\brms\b"),
    ("CIS", r"\bclinically isolated|\bclinical isolated|\bcis\b|\bfirst (attack|episode|demyelinating)"),
    ("RIS", r"\bradiologically isolated|\bris\b|\bfound on (an )?mri\b"),
]


_OTHER_PERSON = re.compile(r"\b(my|his|her|our) (sister|brother|mum|mom|mother|dad|father|husband|wife|partner|"
                           r"friend|daughter|son|aunt|uncle|cousin|neighbou?r)\b|\b(he|she) (is|has|was|takes)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(i|i'?m|im|me|my own|myself)\b", re.I)
_SUBJECT_I = re.compile(r"\b(i|i'?m|im|i'?ve|ive)\b", re.I)
_PROXY = re.compile(r"\b(asking|writing|looking|searching) (for|on behalf of) (her|him|them|my)\b|\bon behalf of\b",
                    re.I)
_UNSURE_TYPE = re.compile(r"\b(not confirmed|unconfirmed|not sure (if|whether)|might be|maybe|possibly|suspected|"
                          r"they think|thinks it'?s|not yet (confirmed|diagnosed))\b", re.I)


def own_words(text: str) -> str:
    """The message without the clauses about someone else, when the writer also speaks of
    themselves ("My sister has RRMS, I was diagnosed with PPMS" -> "I was diagnosed with PPMS").
    A message only about another person (written for them) is kept whole."""
    if _PROXY.search(text):
        return text  # "I'm asking for her": the other person is the patient
    clauses = re.split(r"(?<=[.;,!?])\s+|\s+(?=\bbut\b)", text)
    mine = [c for c in clauses if not _OTHER_PERSON.search(c) or _SUBJECT_I.search(c)]
    if len(mine) < len(clauses) and any(_FIRST_PERSON.search(c) for c in mine):
        return " ".join(mine)
    return text


def parse_subtype(text: str, requested: bool) -> str | Invalid | None:
    t = fold(own_words(text))
    if _UNSURE_TYPE.search(t) and not requested:
        return None  # "my neurologist thinks it's RRMS but it's not confirmed yet"
    found = [key for key, pattern in _SUBTYPE_PHRASES if re.search(pattern, t)]
    if "SPMS" in found and "RRMS" in found and re.search(r"\b(now|became|turned|moved|changed)\b", t):
        found.remove("RRMS")  # "it was relapsing-remitting, now secondary progressive"
    if "PPMS" in found and "RRMS" in found and "progressive relapsing" in t:
        found.remove("RRMS")
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        return Invalid("I caught more than one type there. Which type of MS do you have now?")
    if requested and re.search(r"\bprogressive\b", t):
        return Invalid("Is it primary progressive (progressive from the start) or secondary progressive "
                       "(it began with relapses and now slowly worsens)?")
    return None


# ---------------------------------------------------------------------------- EDSS

_EDSS_RANGE = re.compile(r"(?:between\s+)?(\d+(?:\.5|\.0)?)\s*(?:or|to|-|and|/)\s*(\d+(?:\.5|\.0)?)(?!\s*(?:years?|months?|weeks?|%))")


def parse_edss(text: str, requested: bool) -> float | tuple[float, float] | Invalid | None:
    """EDSS from "3.5", "EDSS four and a half", "around 6", "6.5, I use two crutches"; a range
    ("3 or 3.5", "between 3 and 4") as (low, high); 12, 3.3 and 0.5 are explained."""
    t = words_to_numbers(text)
    t = re.sub(r"(?<=\d),(?=[05]\b)", ".", t)  # "EDSS 3,5"
    t = re.sub(r"\b(19|20)\d\d\b", " ", t)  # a year is not a score ("2 in 2020, now 4")
    mention = re.search(r"\b(edss|expanded disability|disability score|disability status)\b", t)
    if mention:
        after = t[mention.end(): mention.end() + 40]
        window = after
        numbers = _numbers(after) or (_numbers(t[max(0, mention.start() - 20): mention.start()]) if requested else [])
    elif requested and (_mostly_a_number(t) or len(_numbers(t)) == 1 or re.match(r"\s*\d", t)):
        window = t
        numbers = _numbers(t)
        now = re.search(r"\b(now|currently|today)\b[^\d]{0,12}(\d+(?:\.\d)?)", t)
        if len(numbers) > 1 and now:
            numbers = [float(now.group(2))]
    else:
        return None
    if not numbers:
        return None
    span = _EDSS_RANGE.search(window)
    if span and valid_edss(float(span.group(1))) and valid_edss(float(span.group(2))) \
            and float(span.group(1)) < float(span.group(2)) <= float(span.group(1)) + 1.5:
        return float(span.group(1)), float(span.group(2))  # "i think its 3 or 3.5"
    value = numbers[0]
    if value < 0 or value > 10:
        return Invalid(f"The EDSS scale goes from 0 to 10, so {value:g} can't be an EDSS score. "
                       "What number did your neurologist give you?")
    if not valid_edss(value):
        if value == 0.5:
            return Invalid("EDSS goes 0, then 1.0, 1.5, 2.0 and so on: 0.5 isn't on the scale. "
                           "Was it 0 or 1.0?")
        lower, upper = (int(value * 2) / 2), (int(value * 2) + 1) / 2
        return Invalid(f"EDSS scores go in half steps (like {lower:.1f} or {upper:.1f}), so {value:g} "
                       "isn't one of them. Which was it?")
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


@functools.lru_cache(maxsize=1)
def _drug_matcher():
    spacy = _import_spacy()
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    lex = load_lexicon()
    vocabulary: dict[str, str] = {}
    for drug in lex.drugs.values():
        names = (drug.name, *drug.brands, *drug.names, *drug.misspellings)
        matcher.add(drug.name, [nlp.make_doc(n) for n in names])
        for n in names:
            if " " not in n and len(n) >= 5:
                vocabulary[n.lower()] = drug.name
        for n in drug.case_sensitive:
            vocabulary.setdefault(n, drug.name)
    return nlp, matcher, vocabulary


_FAILED_AFTER = re.compile(
    r"^[^.;]{0,30}?\b(did ?n[o']?t|didnt|does ?n[o']?t|wasn'?t|was not|stopped|quit|failed|never)\s*"
    r"(work\w*|help\w*|effective|do anything|because|due|as|when)?|^[^.;,]{0,15}?\b(failed|was useless|no effect|"
    r"stopped working|had relapses|relapsed on it|kept relapsing)", re.I)
_FAILED_BEFORE = re.compile(r"\b(failed|failure (on|of|with)|didn'?t respond to|no response to|relapsed on|"
                            r"breakthrough on|stopped working:?)\s*$", re.I)
_SIDE_EFFECTS = re.compile(r"side[- ]effects?|allerg|intoleran|pregnan|infection|liver|pml|jcv|rash|cost|insurance|"
                           r"tired of inject|needle", re.I)
_CURRENT_NEAR = re.compile(r"\b(now|currently|at the moment|these days|still|current|presently|right now|"
                           r"since \w+ (i'?ve been|i am)|am on|i'?m on|taking)\b", re.I)
_DRUGLIKE = re.compile(r"\b([A-Za-z]{4,}(?:mab|mod|nib|ide|ate|one|ine|era|ra|io|ya|za|vus|pta))\b")


# "not on any treatment now", "nothing now", "currently nothing", "between treatments".
_NOTHING_NOW = re.compile(
    r"\b(not (on|taking) any(thing| treatment| medication| dmt)?( now| currently| at the moment)?|"
    r"(nothing|none) (now|currently|at the moment|since)|(currently|now|at the moment) (on )?(nothing|none)|"
    r"on nothing|not (on|taking) (it|them|anything) any ?more|no (treatment|meds|medication|dmt)s? "
    r"(now|currently|at the moment|since|yet)|between treatments|no meds currently|not on anything( yet)?)\b", re.I)
# A drug someone else takes, or one only planned: not a treatment the person has taken.
_NOT_TAKEN_BEFORE = re.compile(r"\b(my|his|her) (friend|husband|wife|partner|mum|mom|mother|dad|father|sister|"
                               r"brother|daughter|son|neighbou?r)\b[^.;,]{0,25}$|\b(waiting to start|going to start|"
                               r"will start|about to start|supposed to start|starting|plan(ning)? to (start|take)|"
                               r"might (start|try)|considering|offered)\s*$", re.I)


def _not_taken(text: str, mention: tuple[int, int, str]) -> bool:
    return _NOT_TAKEN_BEFORE.search(text[max(0, mention[0] - 40): mention[0]]) is not None


def parse_therapies(text: str, requested: bool) -> TherapyAnswer | Invalid | None:
    """Therapies in "Tecfidera then Ocrevus, Tecfidera didn't work", "tecfidra", "none"."""
    nlp, matcher, vocabulary = _drug_matcher()
    t = clean(text)
    answer = TherapyAnswer()
    doc = nlp(t)
    spans = sorted({(s, e, nlp.vocab.strings[m]) for m, s, e in matcher(doc)}, key=lambda x: (x[0], -x[1]))
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
        if name is None and len(word) >= 6 and word.lower() not in _COMMON_WORDS:
            close = difflib.get_close_matches(word.lower(), [v for v in vocabulary if v.islower()], n=1, cutoff=0.8)
            name = vocabulary[close[0]] if close else None
        if name:
            mentions.append((m.start(), m.end(), name))
    mentions.sort()
    low = fold(t)
    if not mentions:
        if re.search(r"^\s*(none|no|nothing|never|nope|not yet|no treatment|no medication)\b|"
                     r"\b(never (had|took|taken|been on|been treated)|no (ms )?(treatment|medication|dmt|drugs?)|"
                     r"not (on|taking) any|haven'?t (had|taken|been on) any|untreated)\b", low):
            answer.none = True
            answer.current = NO_THERAPY
            return answer
        if requested:
            unknown = [w for w in _DRUGLIKE.findall(t) if w.lower() not in _COMMON_WORDS]
            if unknown:
                return Invalid(f"I don't know {unknown[0]!r} as an MS treatment. Could you check the "
                               "spelling, or tell me the brand name (for example Tecfidera or Ocrevus)?")
        return None
    mentions = [m for m in mentions if not _not_taken(t, m)]
    if not mentions:
        answer.none = bool(_NOTHING_NOW.search(low) or re.search(r"\bhaven'?t (started|had|taken) anything\b", low))
        if answer.none:
            answer.current = NO_THERAPY
            return answer
        return None
    for i, (start, end, name) in enumerate(mentions):
        if name not in answer.taken:
            answer.taken.append(name)
        next_start = mentions[i + 1][0] if i + 1 < len(mentions) else len(t)
        after = t[end:next_start]
        before = t[max(0, start - 30):start]
        if (_FAILED_AFTER.search(after) and not _SIDE_EFFECTS.search(after[:60])) or _FAILED_BEFORE.search(before):
            if name not in answer.failed:
                answer.failed.append(name)
        if _CURRENT_NEAR.search(before[-20:]) or re.match(r"^[^.;,]{0,12}\b(now|currently|at the moment|still)\b", after):
            answer.current = name
    answer.unknown = [w for w in _unnamed_list_items(t, mentions) if fold(w) not in _other_vocabulary()]
    if re.search(r"\b(both|all( of them| three| two)?|they all|each( of them)?)\b[^.;]{0,20}\b(stopped working|"
                 r"didn'?t work|did not work|failed|didn'?t help|did not help|stopped helping)", low):
        answer.failed = list(answer.taken)  # "Rebif and Betaferon, both stopped working"
    if re.search(r"\b(all|both|they|it) (worked|work|were fine|was fine)|\bnone (of them )?(failed|stopped working)|"
                 r"\bnothing failed\b|\bno,? (they|it) (worked|helped)|\b(worked|works|working|helped|helps) "
                 r"(well|fine|great|for me|so far)\b|\b(is|was|has been|have been) (fine|great|good)\b", low) \
            and not answer.failed:
        answer.said_nothing_failed = True
    if not answer.failed and re.search(r"^\W*(no|nope|not really|none)\b", low) and \
            re.search(r"\b(because|due to|for|side effects?|wanted|pregnan\w*|moved|insurance|cost)\b", low):
        answer.said_nothing_failed = True  # "no, I stopped Gilenya because I wanted to get pregnant"
    if _NOTHING_NOW.search(low):
        answer.current = NO_THERAPY  # "stopped Tecfidera in 2023, nothing now"
    return answer


_LIST_SEPARATOR = re.compile(r"[,;/+&]|\b(?:and|then|or|also|plus|after that)\b", re.I)
_FILLER_WORDS = {
    "i", "i'm", "im", "i've", "ive", "took", "take", "tried", "had", "have", "was", "were", "been",
    "on", "the", "a", "an", "some", "later", "now", "first", "before", "it", "my", "me", "of",
}


@functools.lru_cache(maxsize=1)
def _other_vocabulary() -> frozenset[str]:
    """Words of the other vocabularies (MS types, countries, sex, scores): never a drug name.
    Derived from the lexicon, so "RRMS", "female" or "Netherlands" are not said back as
    unknown treatments."""
    lex = load_lexicon()
    words: set[str] = {"female", "male", "woman", "man", "women", "men", "f", "m", "edss", "ms", "mri",
                       "pregnant", "breastfeeding", "usa", "uk"}
    for sub in list(lex.subtypes.values()) + list(lex.groups.values()):
        for name in (*sub.names, *sub.case_sensitive):
            words.add(fold(name))
            words.update(fold(name).split())
    for key, country in lex.countries.items():
        for name in (key, *country.aliases):
            words.add(fold(name))
    return frozenset(words)


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
        if (len(words) == 1 and len(words[0]) >= 4 and words[0].lower() not in _COMMON_WORDS
                and not _NOT_A_NAME.search(words[0])):
            unknown.append(words[0])
    return unknown[:2]


_NOT_A_NAME = re.compile(r"^(?:did|does|was|is|are|work|help|stop|fail|relaps|year|month|week|day|"
                         r"time|while|since|ago|good|fine|well|none|never|nothing|both|all|each)", re.I)

_COMMON_WORDS = {
    "tablets", "injection", "injections", "infusion", "infusions", "before", "because", "started",
    "stopped", "worked", "working", "currently", "nothing", "anything", "something", "relapse",
    "relapses", "doctor", "neurologist", "months", "weeks", "years", "didn't", "doesn't", "another",
    "treatment", "treatments", "medication", "medicine", "medicines", "therapy", "therapies", "taking",
    "through", "changed", "switched", "hospital", "effects", "effect", "people", "should", "would",
    "could", "please", "thanks", "thank", "hello", "sclerosis", "multiple", "remitting", "relapsing",
    "progressive", "secondary", "primary", "pregnant", "breastfeeding", "walking", "health", "another",
    "better", "worse", "really", "pretty", "little", "minutes", "second", "first", "though", "after",
}


# ---------------------------------------------------------------------------- pregnancy

_PAST_PREGNANCY = re.compile(r"\b(was|were|got|had been) (pregnant|breast ?feeding|nursing)\b|"
                             r"\b(pregnant|breast ?fed|breastfeeding) (in|last|during|with my) ", re.I)


def _pregnancy_by_scope(text: str) -> dict[str, Any] | None:
    """Pregnancy and breastfeeding read with the cues around them (trials_db.criteria.scope).

    "Not pregnant or breastfeeding" negates both; "I was pregnant in 2019, not now" is a past
    pregnancy; "planning a pregnancy" is no status. None when no cue is involved (the plain
    readers below decide).
    """
    from .criteria.scope import Cue, read  # spaCy is loaded only when a message talks of it

    reading = read(text)
    pairs = [(m, c) for m, c in zip(reading.mentions, reading.cues) if m.label in ("PREGNANCY", "BREASTFEEDING")]
    if not pairs or not any(c for _, c in pairs) and not _PAST_PREGNANCY.search(text):
        return None
    result: dict[str, Any] = {}
    for mention, cues in pairs:
        key = "pregnant" if mention.label == "PREGNANCY" else "breastfeeding"
        kinds = {c.cue for c in cues}
        past = _PAST_PREGNANCY.search(text[max(0, mention.start - 12): mention.end + 12])
        if Cue.NEGATED in kinds or (past and re.search(r"\bnot (now|any ?more)|\bno longer\b", text, re.I)):
            result.setdefault(key, False)
        elif kinds or past:
            continue  # planning, a past pregnancy, someone else's: not a status now
        else:
            result.setdefault(key, True)
    return result or None


def parse_pregnancy(text: str, intent: str | None = None) -> dict[str, Any] | Invalid | None:
    """{'pregnant': bool, 'breastfeeding': bool} from "no", "yes, 12 weeks", "breastfeeding"."""
    t = fold(text)
    result: dict[str, Any] = {}
    scoped = _pregnancy_by_scope(text)
    if scoped:
        return scoped
    if re.search(r"\b(neither|none of (those|them|these)|no to both|not pregnant (or|and|nor) (breast|nursing)|"
                 r"not (breast ?feeding|nursing) (or|and|nor) (pregnant)|nope|no)\b", t) and \
            not re.search(r"\b(but|although|though)\b.*\b(breast|nursing|pregnan)", t):
        if re.search(r"^\s*(no|nope|neither|none|not)\b|\bneither\b|no to both", t):
            return {"pregnant": False, "breastfeeding": False}
    pregnant_yes = re.search(r"\b(i'?m|i am|am|yes,? i'?m)?\s*pregnant\b|\b\d+ weeks?( pregnant| along)?\b|\bexpecting\b|\byes,? \d+", t)
    pregnant_no = re.search(r"\bnot pregnant\b|\bno,? (i'?m )?not pregnant|\bnot expecting\b", t)
    bf_yes = re.search(r"\b(breast ?feeding|breastfeed|nursing|lactating)\b", t)
    bf_no = re.search(r"\bnot (breast ?feeding|nursing|lactating)|\bno (breast ?feeding|nursing)\b", t)
    if pregnant_no:
        result["pregnant"] = False
    elif pregnant_yes and not re.search(r"\b(trying|plan|want|hope)\w* to (get|become) pregnant|\bbreast", t[:max(0, (pregnant_yes.start()))]):
        result["pregnant"] = True
    if bf_no:
        result["breastfeeding"] = False
    elif bf_yes:
        result["breastfeeding"] = True
    if re.search(r"\bboth\b", t) and not re.search(r"\bno\b|\bnot\b", t):
        return {"pregnant": True, "breastfeeding": True}
    if result:
        if result.get("breastfeeding") is not None and "pregnant" not in result and re.search(r"\bonly\b|\bjust\b", t):
            result["pregnant"] = False
        return result
    answer = yes_no(text, intent)
    if answer is False:
        return {"pregnant": False, "breastfeeding": False}
    if answer is True:
        return Invalid("Thank you for telling me. Is that pregnancy, breastfeeding, or both?")
    return None


# ---------------------------------------------------------------------------- time spans

_SPAN = re.compile(r"(\d+(?:\.\d+)?)\s*(days?|weeks?|wks?|months?|mths?|mos?|years?|yrs?)\b")
_MONTHS_IN = {"day": 1 / 30, "week": 12 / 52, "wk": 12 / 52, "month": 1.0, "mth": 1.0, "mo": 1.0,
              "year": 12.0, "yr": 12.0}


def months_ago(text: str, today: dt.date | None = None) -> float | None:
    """How many months ago: "3 months ago", "last month", "two weeks ago", "in 2023", "last year"."""
    today = today or dt.date.today()
    t = words_to_numbers(text)
    m = _SPAN.search(t)
    if m:
        unit = m.group(2).rstrip("s")
        return round(float(m.group(1)) * _MONTHS_IN[unit], 2)
    if re.search(r"\b(this|last|past) (week|few days)\b|\b(yesterday|today|recently|right now|at the moment|currently)\b", t):
        return 0.25
    if re.search(r"\blast month\b|\ba month ago\b", t):
        return 1.0
    if re.search(r"\blast year\b|\ba year ago\b", t):
        return 12.0
    if re.search(r"\bhalf a year\b", t):
        return 6.0
    year = re.search(r"\b(19[5-9]\d|20\d\d)\b", t)
    if year:
        y = int(year.group(1))
        if y > today.year:
            return None
        months = (today.year - y) * 12 + max(today.month - 6, 0)  # mid-year if no month is given
        return float(max(months, 0))
    return None


# Each time phrase belongs to the fact next to it: "diagnosed in 2012, last relapse 6 months ago".
FACT_WORDS = {
    "diagnosis": re.compile(r"\b(diagnos\w*|dx'?d?)\b", re.I),
    "relapse": re.compile(r"\b(relaps\w*|attacks?|flare\w*|exacerbations?)\b", re.I),
    "steroids": re.compile(r"\b(steroid\w*|steriod\w*|prednis\w*|solu-?medrol|methylpred\w*)\b", re.I),
    "treatment": re.compile(r"\b(treatments?|meds|medications?|dmts?|drugs?|therap(y|ies))\b", re.I),
}
_CLAUSE = re.compile(r"[.;,!?()]|\s-\s|\b(?:and|but|while|whereas)\b", re.I)


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c and c.strip()]


def about(text: str, fact: str, requested: bool) -> str | None:
    """The words of ``text`` that speak of ``fact``: its own clause when it is named, else (when
    it was asked) the message without the clauses that name another fact."""
    own = [c for c in _clauses(text) if FACT_WORDS[fact].search(c)]
    if own:
        return " ".join(own)
    if not requested:
        return None
    others = [p for k, p in FACT_WORDS.items() if k != fact]
    rest = [c for c in _clauses(text) if not any(p.search(c) for p in others)]
    return " ".join(rest)


def parse_months_since_relapse(text: str, requested: bool) -> float | Invalid | None:
    if re.search(r"\bfirst (relapse|attack|symptoms?)\b", text, re.I) and not re.search(r"\b(last|latest|recent)\b", text, re.I):
        return None  # "first relapse was 2003" is not the last one
    scoped = about(text, "relapse", requested)
    if scoped is None:
        return None
    text = scoped
    t = fold(text)
    if not requested and not re.search(r"\b(relaps\w*|attack|flare|exacerbation)", t):
        return None
    if re.search(r"\b(never|no relapses?( ever)?|haven'?t had (a|any)|not had (a|any)|none)\b", t) and \
            not _SPAN.search(words_to_numbers(t)):
        return NEVER
    value = months_ago(text)
    if value is None:
        if requested and re.search(r"\b(long time|ages|years)\b", t):
            return Invalid("Roughly how long ago was it: within the last year, one to two years ago, "
                           "or longer than that?")
        return None
    if value > 600:
        return Invalid("That seems a very long time ago. Roughly how many months or years ago was your last relapse?")
    return value


def parse_years_since_diagnosis(text: str, requested: bool, age: float | None = None) -> float | Invalid | None:
    scoped = about(text, "diagnosis", requested)
    if scoped is None:
        return None
    text = scoped
    t = fold(text)
    months = months_ago(text)
    if months is None:
        since = re.search(r"\bfor (\d+(?:\.\d+)?) (years?|months?)\b", words_to_numbers(t))
        if since:
            months = float(since.group(1)) * (12 if since.group(2).startswith("year") else 1)
    if months is None:
        return None
    years = round(months / 12, 2)
    if years > 80 or (age is not None and years > age):
        return Invalid("That would be longer than you've been alive. Roughly how many years ago were you diagnosed?")
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
        return Invalid("Could you tell me how many, as a whole number (for example 0, 1 or 2)?")
    return int(n)


def parse_country(text: str) -> str | None:
    lex = load_lexicon()
    t = fold(clean(text))
    direct = lex.country(t)
    if direct:
        return direct
    for m in re.finditer(r"\b(?:in|from|live in|living in|based in|near)\s+(?:the\s+)?([a-z][a-z .'()-]{1,40})", t):
        candidate = re.split(r"[,.;!?]| and | but ", m.group(1))[0].strip()
        for n in range(len(candidate.split()), 0, -1):
            name = lex.country(" ".join(candidate.split()[:n]))
            if name:
                return name
    for alias, name in sorted(lex._country_index.items(), key=lambda kv: -len(kv[0])):
        if len(alias) > 3 and re.search(rf"\b{re.escape(alias)}\b", t):
            return name
    return None
