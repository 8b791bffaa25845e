"""Age limits: "aged 18 to 55", "18 years or older", "under 65 years".

An age that conditions another test ("for an age less than 50") is not a limit on who may join.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import quantities as q
from .predicates import Age
from ..eligibility import EXCLUSION
from .reader import Reader
from .sex import about_fertility


# "Patients older than 65": people compared with a bare number are compared by age.
_PEOPLE = (
    r"\b(?:patients?|subjects?|participants?|persons?|people|individuals?|women|men|adults|"
    # "Minors (under 18)", "Children under 12"
    r"minors|children)\s*\(?\s*(?:who are\s+|aged?\s+|must be\s+|should be\s+|are\s+)?"
)
_NOT_A_UNIT = r"(?!\s*(?:\.\d|%|points?|mg|kg|months?|weeks?|days?|times?|relapses?|lesions?))"
# The second bound of an age pair: "(over 18) and under 65 years", "(older than 18) but younger
# than 60"
_UNDER_WORDS = r"(?:and|but)\s+(?:under|below|younger than)\s*"
_THEN_UNDER = _UNDER_WORDS + r"(\d{1,3})\b" + _NOT_A_UNIT
_THEN_UNDER_SAID = _UNDER_WORDS + r"\d{1,3}\b" + _NOT_A_UNIT  # the same, capturing nothing
_AGE_RANGE = [
    (
        r"\b(?:age[sd]?|aged)\b(?:\s+eligible for study|\s+at (?:the )?(?:time of )?(?:screening|"
        r"baseline|enrol\w*|consent|inclusion|randomi[sz]ation)(?: visit)?)?\s*:?\s*(?:is\s+)?"
        r"(?:between\s+|from\s+)?(\d{1,3})\s*(?:years?\s*)?(?:-|to|and|through|thru)\s*(\d{1,3})\b"
    ),
    r"\bbetween the ages of (\d{1,3}) and (\d{1,3})\b",
    # "at least 18 but not older than 55 years", "aged 18 and not older than 55"
    (
        r"\b(?:at least|aged|≥)\s*(\d{1,3})\s*(?:years?\s*(?:old|of age)?\s*)?,?\s*(?:but|and)\s*"
        r"(?:not|no)\s+older than\s*(\d{1,3})\b"
    ),
    (
        r"\b(?:between\s+)?(\d{1,3})\s*(?:years?\s*)?(?:-|to|and|through|thru)\s*(\d{1,3})\s*"
        r"years?\s*(?:old|of age)\b"
    ),
]
_AGE_MIN = [
    (r"\b(?:age[sd]?|aged)\s*(?:of\s+)?(≥|>|at least|over|above|older than)\s*(\d{1,3})\b", None),
    (
        r"(?<![\d.,])\b(\d{1,3})\s*(?:years?)?\s*(?:of age\s*|old\s*)?(?:or|and)\s*"
        r"(?:older|over|above)\b(?!\s*(?:\d|than))",
        "≥",
    ),
    # "18 or more years old", "18 years of age or more": "more" is an age only beside "old"
    # or "of age" ("2 years or more" is as often a duration).
    (r"\b(\d{1,3})\s*(?:or more|or above|\+)\s*years?\s*(?:old|of age)\b", "≥"),
    (r"\b(\d{1,3})\s*years?\s*(?:old|of age)\s*or\s*more\b", "≥"),
    (r"\b(?:aged?)\s+(\d{1,3})\s*\+", "≥"),
    (
        r"\b(?:adults?|men and women|males and females|male and female subjects)\b"
        r"[\s,(]*(≥|>|at least|over|above|aged)?\s*(\d{1,3})\s*\+?\s*(?:years|yrs)",
        None,
    ),
    (r"\bat least (\d{1,3}) years (?:of age|old)\b", "≥"),
    (r"(≥|>)\s*(\d{1,3})\s*(?:years?|yrs?)\s*(?:old|of age)\b", None),
    (r"\b(?:over|above|older than)\s*(\d{1,3})\s*years?\b", ">"),
    (_PEOPLE + r"(?P<cmp>older than|over|above)\s*(\d{1,3})\b" + _NOT_A_UNIT, ">"),
    # "Over 18 and under 65 years": the years said once, after the second bound
    (r"\b(?:over|above|older than)\s*(\d{1,3})\s*(?=" + _THEN_UNDER_SAID + ")", ">"),
    # "Over the age of 21", "above age 18"
    (r"\b(?:over|above|older than)\s+(?:the\s+)?age\s+(?:of\s+)?(\d{1,3})\b" + _NOT_A_UNIT, ">"),
]
_AGE_MAX = [
    (
        r"\b(\d{1,3})\s*(?:years?\s*(?:old|of age)\s*or\s*(?:younger|less|under|below)"
        r"|(?:years?\s*)?(?:of age\s*)?or\s*younger)\b(?!\s*(?:\d|than))",
        "≤",
    ),
    (r"\b(?:under|below|younger than)\s*(\d{1,3})\s*years?(?:\s*(?:of age|old))?", "<"),
    (r"\b(?:not|no) older than\s*(\d{1,3})\b(?!\s*(?:months?|weeks?|days?))", "≤"),
    # a criterion that opens with the bound: "Under 65 at the time of consent"
    (
        r"^\s*(?:under|younger than|below)\s*(\d{1,3})\b(?![.,]\d)"
        r"(?!\s*(?:%|points?|mg|kg|ml|months?|weeks?|days?|hours?|relapses?|lesions?|cells?|/|"
        r"years?(?!\s*(?:of age|old))))",
        "<",
    ),
    (r"\bless than\s*(\d{1,3})\s*years?\s*(?:of age|old)", "<"),
    # "Adults up to and including 65 years of age"
    (r"\bup to (?:and including\s+)?(\d{1,3})\s*years?\s*(?:of age|old)\b", "≤"),
    (r"\b(?:age[sd]?|aged)\s*(≤|<|up to)\s*(\d{1,3})\b", None),
    (_PEOPLE + r"(?P<cmp>younger than|under|below)\s*(\d{1,3})\b" + _NOT_A_UNIT, "<"),
    # "Under the age of 65", "below age 70"
    (r"\b(?:under|below|younger than)\s+(?:the\s+)?age\s+(?:of\s+)?(\d{1,3})\b" + _NOT_A_UNIT, "<"),
    (r"\b(?:younger than|under|below)\s*(\d{1,3})\s*(?=or\s+(?:older than|over|above)\s*\d)", "<"),
    # "Older than 18 years and younger than 60", with the years said once or not at all
    (r"\b(?:over|above|older than)\s*\d{1,3}\s*(?:years?\s*)?" + _THEN_UNDER, "<"),
]


_AT_ONSET = re.compile(
    r"\bage (?:at|of) (?:the )?(?:ms |disease |symptom |first symptoms? )?(?:onset|diagnosis)\b"
    r"|\bage at (?:the )?first (?:clinical )?(?:symptoms?|event|episode|attack|relapse)\b"
    r"|\b(?:onset|diagnos\w*)[^.;]{0,15}\b(?:before|after|under|over|above|below|older than|"
    r"younger than) (?:the )?age\b"
    r"|\b(?:onset|diagnos\w*)[^.;]{0,40}\bat (?:the )?age\b",  # "diagnosed ..., at age 18"
    re.I,
)
# ... or said after the bound: "older than 50 at the onset of progressive symptoms", "under 16
# years old when MS symptoms began", "younger than 40 when diagnosed".
_AT_ONSET_AFTER = re.compile(
    r"\s*(?:years?\s*)?(?:old\s*|of age\s*)?(?:at (?:the )?(?:time of )?(?:the )?"
    r"(?:ms |disease |symptom |first |clinical |progressive |initial )*"
    r"(?:onset|diagnosis|symptoms?|event|presentation)\b|"
    r"when (?:(?:their|the|ms|first|initial)\s+)*(?:symptoms?|disease|ms|multiple sclerosis)"
    r"\s+(?:began|started|first\s+\w+|appeared|was diagnosed)|"
    r"when (?:they were |first |initially )?diagnosed)",
    re.I,
)
_CONDITIONAL_AGE = re.compile(
    r"\b(?:for|if|when|whose|in case of)\s+(?:an?\s+|the\s+|their\s+)?(?:age[sd]?\s+(?:of\s+)?)?$",
    re.I,
)
# The people a criterion takes, one word each (fixed widths, for look-behinds).
_PEOPLE_WORDS = (
    "patients patient pts subjects subject participants participant adults adult females "
    "female males male women woman men man"
).split()
# After the word "age": filler, then one or two bounds ("greater than 18 and less than 70",
# "between ≥ 18 and ≤ 65", "range of 18 to 46"), read with the shared comparison words.
_AGE_ANCHOR = re.compile(
    r"\b(?:age[sd]?|aged)\b\s*(?:range|limits?|eligible for study)?\s*"
    r"(?:of|:|is|must be|should be|at|the|he|,|between(?=\s*[≥>]|\s*(?:greater|more|older))|\s)*"
    # ... or the people themselves, then a signed bound in years: "Female pts ≥18 & ≤45 yrs",
    # "Male or female patients ≥ 18 years"
    r"|(?:"
    + "|".join(f"(?<=\\b{w})" for w in _PEOPLE_WORDS)
    + r")\s+(?=[≥≤<>]\s*\d{1,3}\s*(?:and\s*[≤<]\s*\d{1,3}\s*)?years\b"
    r"(?!\s*(?:since|after|from|of|ago)\b))",
    re.I,
)
# "between 18 and 55 years" (or "from 18 to 55 years") with no word "age": an age unless the
# sentence is about a duration.
_YEARS_RANGE = re.compile(
    r"\b(?:between|from)\s+(\d{1,3})\s*(?:-|and|to)\s*(\d{1,3})\s*years\b"
    r"(?!\s*(?:since|after|from|before|prior|ago|of (?!age)))",
    re.I,
)
# ... and "18-45 years" as the whole criterion, or right after the sex it takes ("Females,
# 18-45 years"): nothing else it could be.
_BARE_YEARS_RANGE = re.compile(
    # "Male or female, 18 to 65 years, with ...", "Men or women, 18-55 years"
    r"^(?:(?:(?:post|pre|peri)[- ]?menopausal\s+)?(?:(?:fe)?males?|wom[ae]n|m[ae]n)"
    r"(?:\s*(?:or|and|/)\s*(?:(?:fe)?males?|wom[ae]n|m[ae]n))?\s*,\s*)?"
    r"(\d{1,3})\s*(?:-|to)\s*(\d{1,3})\s*years\b(?:\s*(?:old|of age))?"
    r"(?:\s*\((?:both\s+)?inclusive\))?"  # "18-50 years (inclusive)"
    r"(?=\s*(?:[,.;]|$))",
    re.I,
)
# The people a criterion takes, then a bare range of numbers: "Adults 18 to 60", "Women 18-45".
_PEOPLE_RANGE = re.compile(
    r"^\W*(?:\d+[.)]\s*)?(?:(?:post|pre|peri)[- ]?menopausal\s+)?(?:adults?|patients?|subjects?|"
    r"participants?|(?:fe)?males?|wom[ae]n|m[ae]n)\s+(\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\b"
    r"(?!\s*(?:[.,]\d|%|months?|weeks?|days?|mg|kg|points?|relapses?|lesions?))",
    re.I,
)
_DURATION_WORDS = re.compile(r"diagnos|onset|duration|disease|symptom|treat|therap|since", re.I)
_DURATION_AFTER = re.compile(
    r"\s*(?:years?\s*)?(?:since|from|after|of)\s+(?:the\s+|their\s+|first\s+)?"
    r"(?:diagnos|onset|symptom|disease|ms\b|multiple sclerosis|treatment|therapy)",
    re.I,
)
# Words that make a bound an age whatever precedes it: "aged", "18 years old", "older than".
_AGE_WORDS = re.compile(r"\bage|\bold\b|\bolder\b|\byounger\b|\badults?\b", re.I)


# An age said in months, weeks or days right after its number ("less than 24 months").
_SMALL_UNIT = re.compile(
    r"\s*(months?|weeks?|days?)\b(?!\s+(?:ago|since|after|before|prior))", re.I
)


def _is_a_duration(r: Reader, m) -> bool:
    """A bound in years with no age word, after words of a duration in its sentence ("time
    since diagnosis under 1 year or over 20 years"): a time span, not the person's age."""
    if _AGE_WORDS.search(m.group(0)):
        return False
    start, _ = r.sentence_around(m.start())
    # before it ("disease duration of over 20 years") or right after ("under 5 years since
    # diagnosis", "over 10 years from onset")
    return bool(_DURATION_WORDS.search(r.norm[start : m.start()])) or bool(
        _DURATION_AFTER.match(r.norm, m.end())
    )


def read(r: Reader) -> None:
    seen: set[tuple] = set()

    def add(lo, hi, lo_incl, hi_incl, m: re.Match) -> None:
        if any(s <= m.start() < e for s, e in r.used):
            return
        now = re.search(r"\b(?:current|present)\s+$", r.norm[max(0, m.start() - 10) : m.start()])
        if not now and (
            _AT_ONSET.search(r.norm[max(0, m.start() - 60) : m.end()])
            or _AT_ONSET_AFTER.match(r.norm, m.end())
        ):  # not "onset at age 40 or older, current age up to 70": that one is now
            r.reviews.append("diagnosis")  # "age at onset of 18 or older": not the age now
            r.take(m.start(), m.end())
            return
        if _CONDITIONAL_AGE.search(r.norm[max(0, m.start() - 20) : m.start()]):
            r.reviews.append("other")  # "(for an age less than 50)": a condition of another test
            r.take(m.start(), m.end())
            return
        small = _SMALL_UNIT.match(r.norm, m.end())
        if small:  # "Children aged less than 24 months": months are a twelfth of a year
            if not small.group(1).lower().startswith("month"):
                r.reviews.append("other")  # weeks or days of age: the team reads them
                r.take(m.start(), small.end())
                return
            lo, hi = (None if v is None else v / 12 for v in (lo, hi))
        for v in (lo, hi):
            if v is not None and not 0 <= v <= 120:
                return
        if _is_a_duration(r, m):
            return  # "Disease duration of over 20 years": the duration rule's, not an age
        key = (lo, hi, lo_incl, hi_incl)
        if key in seen:
            return
        seen.add(key)
        r.leaves.append(
            Age(min=lo, max=hi, min_inclusive=lo_incl, max_inclusive=hi_incl, source=m.group(0))
        )
        r.take(m.start(), m.end())

    for pattern in _AGE_RANGE:
        for m in re.finditer(pattern, r.norm, re.I):
            lo, hi = float(m.group(1)), float(m.group(2))
            if lo < hi:
                add(lo, hi, True, True, m)
    for m in _AGE_TO_UNDER.finditer(r.norm):
        lo, hi = (float(g) for g in m.groups() if g is not None)
        if lo < hi:
            add(lo, hi, True, False, m)
    for m in _SIGNED_RANGE.finditer(r.norm):  # "(≥ 10 and < 18 years of age)"
        lo, hi = float(m.group(2)), float(m.group(4))
        if lo < hi:
            add(lo, hi, m.group(1) == "≥", m.group(3) == "≤", m)
    for m in _SANDWICH.finditer(r.norm):  # "18 years ≤ age ≤ 50 years"
        lo, hi = float(m.group(1)), float(m.group(4))
        if lo < hi:
            add(lo, hi, m.group(2) == "≤", m.group(3) == "≤", m)
    for m in _PEOPLE_RANGE.finditer(r.norm):  # "Adults 18 to 60": from the number on (the
        # people word may be the sex rule's: "Women 18-45 who are pregnant")
        lo, hi = float(m.group(1)), float(m.group(2))
        if lo < hi:
            add(lo, hi, True, True, _Span(r.norm, m.start(1), m.end()))
    for pattern, sign in _AGE_MIN:
        for m in re.finditer(pattern, r.norm, re.I):
            op = sign or (m.group(1) or "≥")
            value = float(m.group(m.lastindex))
            at = _from_comparison(r.norm, m)
            add(*_joined(r.norm, at, value, None, op.lower() in ("≥", "at least", "aged"), True))
            _or_other_side(r.norm, at, add, lower=True)
    for pattern, sign in _AGE_MAX:
        for m in re.finditer(pattern, r.norm, re.I):
            op = sign or m.group(1)
            at = _from_comparison(r.norm, m)
            add(*_joined(r.norm, at, None, float(m.group(m.lastindex)), True, op in ("≤", "up to")))
            _or_other_side(r.norm, at, add, lower=False)
    if any(isinstance(x, Age) for x in r.leaves):
        if r.kind != EXCLUSION:
            _adults(r, add)
        return
    for anchor in _AGE_ANCHOR.finditer(r.norm):
        bound = _two_bounds(r.norm, anchor.end())
        if bound:
            lo, hi, lo_incl, hi_incl, end = bound
            add(lo, hi, lo_incl, hi_incl, _Span(r.norm, anchor.start(), end))
            if (lo is None) != (hi is None):  # "Age less than 18 or greater than 65"
                _or_other_side(
                    r.norm, _Span(r.norm, anchor.start(), end), add, lower=lo is not None
                )
    for m in _YEARS_RANGE.finditer(r.norm):
        if float(m.group(1)) < float(m.group(2)):
            add(float(m.group(1)), float(m.group(2)), True, True, m)
    for m in _BARE_YEARS_RANGE.finditer(r.norm):  # the sex word before it is the sex rule's
        if m.start(1) > 0 and about_fertility(r.norm):
            continue  # "Women, 18-45 years, of childbearing potential must ...": theirs only
        if float(m.group(1)) < float(m.group(2)):
            add(
                float(m.group(1)), float(m.group(2)), True, True, _Span(r.norm, m.start(1), m.end())
            )
    if r.kind == EXCLUSION:
        return
    _adults(r, add)


def _adults(r: Reader, add: Callable[..., None]) -> None:
    """An inclusion that takes adults: 18 or older, the age of majority in trials ("Adult
    patients with SPMS"), also the floor of a range said only by its top ("Adults up to 60")."""
    adult = _ADULT_PATIENTS.match(r.norm)
    ages = [x for x in r.leaves if isinstance(x, Age)]
    if adult and len(ages) == 1 and ages[0].min is None and ages[0].max is not None:
        ages[0].min, ages[0].min_inclusive = 18.0, True
        r.take(adult.start(), adult.end())
    elif adult and not ages:
        add(18.0, None, True, True, adult)


# An inclusion that opens with the people it takes, as adults ("Adult patients with ...",
# "Adults with a diagnosis of ..."); not "young adults" nor "adult-onset".
_ADULT_PATIENTS = re.compile(
    r"\s*(?:\d+[.)]\s*)?(?:male or female\s+|men and women\s+)?adults?\b(?![- ]onset)"
    r"(?=\s*(?:$|[,(:]|patients?\b|participants?\b|subjects?\b|men\b|women\b|males?\b|"
    r"females?\b|persons?\b|people\b|individuals?\b|with\b|who\b|aged?\b|over\b|up to\b|"
    r"under\b|below\b|younger\b|maximum\b|no older\b|not older\b))",
    re.I,
)


# When an age is counted: "at consent", "at the time of signing informed consent", "at
# screening", "at randomization".
_TIME_POINT = (
    r"at (?:the )?(?:time of )?(?:(?:signing|signature) (?:of )?)?(?:the )?(?:informed )?"
    r"(?:consent(?: form)?|screening|baseline|randomi[sz]ation|enrol\w*|inclusion|day 1)"
    r"(?: visit)?"
)
# "aged 10 to less than 18 years": a range whose upper end is not included.
# Two signed bounds, then the age's own words: "≥ 18 and ≤ 65 years of age", "> 10 to < 18
# years old".
_SIGNED_RANGE = re.compile(
    r"([≥>])\s*(\d{1,3})\s*(?:years?\s*)?(?:and|to|-|,)\s*([≤<])\s*(\d{1,3})\s*"
    rf"years?\s*(?:old|of age|{_TIME_POINT})\b",
    re.I,
)
# The age between its two bounds: "18 years ≤ age ≤ 50 years", "12 < age < 18".
_SANDWICH = re.compile(
    r"(?<![\d.])(\d{1,3})\s*(?:years?\s*)?([≤<])\s*(?:the\s+)?age\s*([≤<])\s*(\d{1,3})\b"
    r"(?:\s*years?(?:\s*old)?)?",
    re.I,
)
_AGE_TO_UNDER = re.compile(
    # "Age at screening between 10 and < 18 years"
    r"\b(?:age[sd]?|aged)\s*(?:at (?:the )?(?:time of )?(?:screening|baseline|enrol\w*|consent|"
    r"inclusion|randomi[sz]ation)(?: visit)?\s*)?(?:from\s+|between\s+)?(\d{1,3})\s*"
    r"(?:years?\s*)?(?:-|to|and)\s*"
    r"(?:less than|under|below|<)\s*(\d{1,3})\b"
    # "at least 18 but less than 66 years old": the lower bound before the upper one
    r"|\b(?:at least|≥)\s*(\d{1,3})\s*(?:years?\s*(?:old|of age)?\s*)?,?\s*(?:but|and)\s*"
    r"(?:less than|under|younger than|<)\s*(\d{1,3})\s*years?\s*(?:old|of age)?",
    re.I,
)
# What joins a second bound to the first: "≥ 18 and ≤ 65", "18 or older and younger than 65",
# "≥ 18 years at consent and ≤ 60 years at randomization".
_JOIN = re.compile(
    rf"\s*(?:years?\s*(?:old|of age)?\s*)?(?:{_TIME_POINT}\s*)?(?:and|but|to|,)\s*"
    r"(?:(?:must be|is|are|be)\s+)?",
    re.I,
)


def _joined(text: str, m: re.Match, lo, hi, lo_incl: bool, hi_incl: bool) -> tuple:
    """A one-sided age bound, with the other side when "and ..." gives it right after."""
    joined = _JOIN.match(text, m.end())
    second = q.bounds_in(text[joined.end() : joined.end() + 40]) if joined else None
    both = q.other_side((lo, hi, lo_incl, hi_incl), second)
    if both is None or both[0] >= both[1]:
        return lo, hi, lo_incl, hi_incl, m
    end = joined.end() + _bound_end(text[joined.end() :])
    return (*both, _Span(text, m.start(), end))


_OR_JOIN = re.compile(r"\s*(?:years?\s*(?:old|of age)?\s*)?,?\s*or\s*", re.I)


def _or_other_side(text: str, m: re.Match, add, lower: bool) -> None:
    """ "Age < 18 or > 65 years": the other side, after "or", is a limit of its own."""
    joined = _OR_JOIN.match(text, m.end())
    second = q.bounds_in(text[joined.end() : joined.end() + 40]) if joined else None
    if second is None or (second[0] is None) != lower or (second[1] is None) == lower:
        return  # only the other side alone: a max after a min, a min after a max
    end = joined.end() + _bound_end(text[joined.end() :])
    add(*second, _Span(text, joined.end(), end))


def _from_comparison(text: str, m: re.Match):
    """The bound from its comparison word on, when the pattern names one ("cmp"): the people
    word before it may be the sex rule's ("Postmenopausal women over 50")."""
    return _Span(text, m.start("cmp"), m.end()) if "cmp" in m.re.groupindex else m


class _Span:
    """A match-like span (start, end, group(0)) for bounds read piece by piece."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self._text[self._start : self._end]


def _two_bounds(text: str, pos: int) -> tuple[float | None, float | None, bool, bool, int] | None:
    """One bound or range at ``pos``, and a second one joined by "and" / "but" / ","."""
    first = q.bounds_in(text[pos : pos + 40])
    if first is None:
        return None
    lo, hi, lo_incl, hi_incl = first
    end = pos + _bound_end(text[pos:])
    if (lo is None) != (hi is None):
        joined = re.match(r"\s*(?:years?\s*(?:old|of age)?\s*)?(?:and|but|,)\s*", text[end:], re.I)
        if joined:
            second = q.bounds_in(text[end + joined.end() : end + joined.end() + 40])
            both = q.other_side((lo, hi, lo_incl, hi_incl), second)
            if both is not None:
                lo, hi, lo_incl, hi_incl = both
                end = end + joined.end() + _bound_end(text[end + joined.end() :])
    if lo is not None and hi is not None and lo >= hi:
        return None
    return lo, hi, lo_incl, hi_incl, end


def _bound_end(window: str) -> int:
    """Where the first number of ``window`` (and a range's second) ends."""
    m = re.match(
        r"\D{0,30}?\d+(?:\.\d+)?(?:\s*(?:-|to|and)\s*\d+(?:\.\d+)?(?=\s*(?:years|yrs|,|$|\)|;|\.|inclusive)))?",
        window,
        re.I,
    )
    return m.end() if m else 0
