"""Numbers, comparisons and time spans as trials write them ("≤ 5.5", "\\< 7", "three months")."""

from __future__ import annotations

import re

from ..text import cardinals, time_units

WORD_NUMBERS = cardinals()  # the one table: trials_db/lexicon/numbers.yml
_WORD_NUMBER = re.compile(r"\b(" + "|".join(WORD_NUMBERS) + r")\b", re.IGNORECASE)
_COMPOUND_NUMBER = re.compile(
    r"\b("
    + "|".join(w for w, n in WORD_NUMBERS.items() if n >= 20)
    + r")[\s-]("
    + "|".join(w for w, n in WORD_NUMBERS.items() if 1 <= n <= 9)
    + r")\b",
    re.IGNORECASE,
)
NUM = r"(\d+(?:\.\d+)?)"

# Months in one unit. A month is taken as 30 days; "4 weeks" is a little under a month.
UNIT_MONTHS = {unit: months for unit, (months, _) in time_units().items()}
_SHORT_UNITS = {short: unit for unit, (_, forms) in time_units().items() for short in forms}
UNIT = r"(days?|weeks?|months?|years?|yrs?)"
# "6 mo", "8 wks", "3 mths": the lexicon's short forms, written out ("yr" has its own rule).
_SHORT_UNIT_AFTER_NUMBER = re.compile(
    r"(?<=\d) ?("
    + "|".join(sorted((f for f in _SHORT_UNITS if f != "yr"), key=len, reverse=True))
    + r")s?\b(?![/.]\w)",
    re.I,
)


_WRAPPED_LINE = re.compile(r"(?<=\S)[ \t]*\n[ \t]*(?![\s\-•*·]|\d{1,2}[.)]\s|[a-z][.)]\s)")


# A word hyphenated at a line end ("relapsing-remit-\nting", "cladri-\nbine"): its halves are
# one word again, unless the first half is a whole word of a compound ("relapsing-\nremitting",
# "breast-\nfeeding", "anti-\nCD20"), told by its ending or as a common first half.
_HYPHEN_AT_LINE_END = re.compile(r"\b([A-Za-z]+)-[ \t]*\n[ \t]*(?=[a-z])")
_WHOLE_FIRST_HALF = re.compile(
    r"(?:ing|ed|al|ive|ic|ent|ant|ary|ous|ful|less|ment|tion|ity|er|or|ness|ly)$|"
    r"^(?:anti|non|self|well|high|low|long|short|double|single|open|follow|placebo|treatment|"
    r"disease|breast|child|age|sex|dose|drug|time|first|second|third|all|half|full)$",
    re.I,
)


def _rejoin(m: re.Match[str]) -> str:
    half = m.group(1)
    return f"{half}-" if _WHOLE_FIRST_HALF.search(half) else half


_SIGNS = str.maketrans({"≧": "≥", "⩾": "≥", "≦": "≤", "⩽": "≤"})
# Comparisons as protocols translated into English write them, longest first.
_TRANSLATED_COMPARISONS = (
    ("(?:superior|higher) or equal to", "≥"),
    ("(?:inferior|lower) or equal to", "≤"),
    ("not superior to", "≤"),
    ("not inferior to", "≥"),
    ("superior to", ">"),
    ("inferior to", "<"),
)


# Set notation for a bound: "Age ∈ [18, 65]", "EDSS ∈ ]6.5; 9.5]", "age ∉ [18; 60]", "aged
# [18, 56)". A square bracket turned outwards or a round one leaves its end out. A bracket with
# no sign or field word before it ("[1, 2]") is no interval.
_INTERVAL = re.compile(
    r"(?:(∈|∉|\bnot in\b|\bin\b|[:=])|(?<=\bage)|(?<=\bedss)|(?<=\baged))\s*([\[\](])\s*"
    r"(\d+(?:\.\d+)?)\s*[,;]\s*(\d+(?:\.\d+)?|\+?\s*∞|\+?\s*inf)\s*([\[\])])",
    re.I,
)
# Logic signs written out: "sex = F ∧ ¬pregnant", "MS type ≠ PPMS", "X ∨ Y".
_LOGIC_SIGNS = (("∧", " and "), ("∨", " or "), ("¬", "not "), ("≠", " other than "))


_SIGNED_WINDOW = re.compile(
    r"\(\s*(?:≤|<)\s*(\d+(?:\.\d+)?)\s*(days?|weeks?|months?|years?)\s*\)", re.I
)
_SIGNED_COUNT = re.compile(
    r"\b(?:(?:the\s+)?number\s+of\s+)?(relapses?|exacerbations?|attacks?)\b"
    r"((?:(?!\b(?:or|and|but)\b)[^.;:,≥≤<>=]){0,50}?)\s*(≥|>|≤|<|=)\s*(\d+)\b"
    r"(?!\s*(?:days?|weeks?|months?|years?)\b|\.\d)",
    re.I,
)
_COUNT_WORDS = {"≥": "at least", ">": "more than", "≤": "at most", "<": "fewer than"}


def _count_in_words(m: re.Match[str]) -> str:
    """ "Relapses ≥ 1" -> "at least 1 relapses"; "= 0" -> "no"; "= 2" is left as written."""
    noun, middle, sign, number = m.groups()
    if sign == "=":
        return f"no {noun}{middle}" if number == "0" else m.group(0)
    return f"{_COUNT_WORDS[sign]} {number} {noun}{middle}"


def _interval(m: re.Match[str]) -> str:
    """ "∈ [18, 65]" -> "18 to 65"; "∈ [18, 56)" -> "≥ 18 and < 56"; "∉ [18; 60]" -> "< 18 or
    > 60"; "[18, ∞)" -> "≥ 18"."""
    sign, left, low, high, right = m.groups()
    low_in, high_in = left == "[", right == "]"
    open_top = not high[0].isdigit()
    if (sign or "").lower() in ("∉", "not in"):
        below = f"{'<' if low_in else '≤'} {low}"
        return " " + (below if open_top else f"{below} or {'>' if high_in else '≥'} {high}")
    if low_in and high_in and not open_top:
        return f" {low} to {high}"  # "Disease duration ∈ [2, 10] years": 2 to 10 years
    above = f"{'≥' if low_in else '>'} {low}"
    return " " + (above if open_top else f"{above} and {'≤' if high_in else '<'} {high}")


def normalise(text: str) -> str:
    """Plain comparison signs and digits: "\\<=" -> "≤", "three" -> "3", "within1" -> "within 1"."""
    t = text.replace("\\", "")
    for sign, said in _LOGIC_SIGNS:
        t = t.replace(sign, said)
    t = _INTERVAL.sub(_interval, t)
    t = re.sub(r"<\s*=|=\s*<", "≤", t)
    t = re.sub(r">\s*=|=\s*>", "≥", t)
    t = t.replace("–", "-").replace("—", "-").replace("\u00a0", " ")
    t = re.sub(r"(?<=\d)\s*\u2212\s*(?=\d)", "-", t)  # "EDSS 0−5.5": a minus sign as a dash
    t = t.translate(_SIGNS)  # "≧ 3.0", "⩽ 4.0": the signs the readers know
    for said, sign in _TRANSLATED_COMPARISONS:  # "not superior to 5 years", before a number
        t = re.sub(rf"\b{said}(?=\s*\d)", sign, t, flags=re.I)
    # A footnote mark is no part of a word or number: "50 years of age¹", "diagnosis†"; not
    # the power of a unit ("10⁹/L").
    t = re.sub(r"(?<=[A-Za-z)])[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[†‡]", "", t)
    t = re.sub(r"(?<=\d) ?y\b(?![/.]\w)", " years", t)  # "≥ 18 y and < 65 y"
    t = re.sub(r"(?<=\d) ?(?:y/o|y\.o\.?|yo)(?![\w/])", " years old", t, flags=re.I)  # "18-60 y/o"
    t = re.sub(r"(?<=\d) ?yrs?\b", " years", t, flags=re.I)  # "18 to 60 yrs"
    t = re.sub(r"(?<=\d) ?d\b(?![/.'\u2019]\w)", " days", t)  # "≤30 d before randomization"
    t = re.sub(r"(?<=\d)\s*&\s*(?=[≤≥<>]?\s*\d)", " and ", t)  # "≥18 & ≤45 yrs"
    t = re.sub(r"\bw/o\b", "without", t, flags=re.I)  # "SPMS w/o relapses"
    t = re.sub(r"\bw/in\b", "within", t, flags=re.I)  # "DMF w/in 3 mo"
    # UK clinical shorthand: "4/52" four weeks, "6/12" six months, "5/7" five days (not a date,
    # a fraction of a number, nor a score "2/10")
    t = re.sub(
        r"(?<![\d/.])(\d{1,2})\s*/\s*(7|52|12)(?![\d/.])",
        lambda m: f"{m.group(1)} " + {"7": "days", "52": "weeks", "12": "months"}[m.group(2)],
        t,
    )
    t = re.sub(r"\b(?:a|one) fortnight\b|\bfortnight\b", "2 weeks", t, flags=re.I)
    # "strictly less than 56": the bound word alone says it ("strictly between" is left as is)
    t = re.sub(
        r"\bstrictly\s+(?=(?:less|greater|more|fewer|below|above|under|over|lower|higher|"
        r"younger|older)\b)",
        "",
        t,
        flags=re.I,
    )
    # "18 and up", "18 years and upwards": at least 18; "56 years or greater": an age's bound
    t = re.sub(
        r"(?<=\d)(\s+years?)?\s+(and|or)\s+up(?:wards)?\b(?!\s+(?:to|until)\b)",
        r"\1 \2 over",
        t,
        flags=re.I,
    )
    t = re.sub(
        r"(?<=\d)(\s+years?(?:\s+of\s+age)?)\s+or\s+greater\b", r"\1 or older", t, flags=re.I
    )
    # "relapsing or progressive MS": each course word has the disease ("relapsing MS or
    # progressive MS"), not the last one alone
    t = re.sub(
        r"\b(relapsing|progressive)(\s*(?:,|or|and|and/or|/)\s*)(relapsing|progressive)"
        r"(\s+(?:forms?\s+of\s+)?(?:ms|multiple sclerosis))\b",
        r"\1\4\2\3\4",
        t,
        flags=re.I,
    )
    # "from Day -60 to Day -1 inclusive": the 60 days before the first dose (Day 1)
    t = re.sub(
        r"\b(?:from|between)\s+Day\s*[-\u2212]\s*(\d+)\s*(?:to|through|until|and|-)\s*"
        r"Day\s*(?:[-\u2212]\s*1|1|0)\b(?:,?\s*inclusive)?",
        r"within \1 days",
        t,
        flags=re.I,
    )
    # "over the last 24-month period", "the preceding 2-year window": 24 months, 2 years
    t = re.sub(
        r"(?<=\d)-(day|week|month|year)s?\s+(?:period|window|interval|time ?frame)\b",
        r" \1s",
        t,
        flags=re.I,
    )
    # "during the 12 calendar months preceding screening": 12 months
    t = re.sub(r"(?<=\d)\s+calendar\s+(?=(?:days?|weeks?|months?|years?)\b)", " ", t, flags=re.I)
    # "in the last half a year", "a year and a half": in months, as every window rule reads them
    t = re.sub(r"\bhalf an? year\b", "6 months", t, flags=re.I)
    t = re.sub(r"\b(?:a|one) year and a half\b", "18 months", t, flags=re.I)
    # "less than a decade", "two decades": in years
    t = re.sub(r"\b(?:a|one) decade\b", "10 years", t, flags=re.I)
    t = re.sub(r"\btwo decades\b", "20 years", t, flags=re.I)
    # "in the past month": one month, with the number every window rule reads
    t = re.sub(
        r"(?<=\bthe )((?:last|past|previous|preceding|prior) )(?=(?:year|month|week)\b)",
        r"\g<1>1 ",
        t,
        flags=re.I,
    )
    # "within the month prior to entry": one month too (not "in the month of diagnosis")
    t = re.sub(
        r"\b((?:within|in|during) the )(?=(?:year|month|week)\s+(?:prior|before|preceding)\b)",
        r"\g<1>1 ",
        t,
        flags=re.I,
    )
    # a footnote mark after a word or a stop ("within 4 wks.¹", "EDSS†"); not a power ("10⁹/L")
    t = re.sub(r"(?<=[A-Za-z.)\]])[¹²³⁴⁵⁶⁷⁸⁹⁰†‡§]+", "", t)
    t = _SHORT_UNIT_AFTER_NUMBER.sub(lambda m: " " + _SHORT_UNITS[m.group(1).lower()] + "s", t)
    # a window in brackets after a sign: "(≤ 12 months)", "(< 30 days)" is "within 12 months"
    t = _SIGNED_WINDOW.sub(r"within \1 \2", t)
    # a count of relapses by a sign: "Relapses ≥ 1", "Number of relapses in the past 24 months
    # ≤ 1", "Relapses = 0 in the 24 months": the count words every relapse rule reads
    t = _SIGNED_COUNT.sub(_count_in_words, t)
    # A line wrapped by CT.gov's XML download ("at\nleast 1 year", "Disability Status\nScale")
    # is one line; a blank line or a new list item keeps its break.
    t = _HYPHEN_AT_LINE_END.sub(_rejoin, t)
    t = _WRAPPED_LINE.sub(" ", t)
    # Spacing carries no meaning: "Not  pregnant" is "Not pregnant" (rules match one space).
    t = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", t)
    # "sixty-five", "fifty five": one number, not "60-5" (a range) or "50 5"
    t = _COMPOUND_NUMBER.sub(
        lambda m: str(WORD_NUMBERS[m.group(1).lower()] + WORD_NUMBERS[m.group(2).lower()]), t
    )
    t = _WORD_NUMBER.sub(lambda m: str(WORD_NUMBERS[m.group(1).lower()]), t)
    t = re.sub(r"\b(\d+) point (\d)\b", r"\1.\2", t, flags=re.I)  # "six point five" -> 6.5
    # A bound said with a denial is the plain bound, so no cue reader takes its "no" for a
    # denial of the fact: "no fewer than 14 days since", "not exceeding 5.5", "not below 2.0"
    t = re.sub(r"\b(?:no|not)\s+(?:less|fewer)\s+than\b(?=\s*\d)", "at least", t, flags=re.I)
    t = re.sub(r"\bnot\s+below\b(?=\s*\d)", "at least", t, flags=re.I)
    t = re.sub(
        r"\b(?:not\s+exceeding|(?:no|not)\s+(?:greater|higher)\s+than|not\s+above)\b(?=\s*\d)",
        "at most",
        t,
        flags=re.I,
    )
    # A denial head said another way is the one the readers know: "free from relapses",
    # "devoid of any DMT" -> "free of ..."
    t = re.sub(r"\b(?:free\s+from|devoid\s+of|clear\s+of)\b", "free of", t, flags=re.I)
    # A time before an event bounded by "later"/"earlier" is the plain bound: "last dose not
    # later than 8 weeks before Day 1" is at least 8 weeks before; "not earlier than 12 months
    # before" is at most 12 months before
    for said, plain in (("later", "at least"), ("earlier", "at most")):
        t = re.sub(
            rf"\b(?:no|not)\s+{said}\s+than(?=\s*\d+(?:\.\d+)?\s*[a-z]+\s+(?:before|prior)\b)",
            plain,
            t,
            flags=re.I,
        )
    # "two and a half years", "2 years and a half": one number of its unit, as windows read it
    t = re.sub(r"\b(\d+) and a half\b", r"\1.5", t, flags=re.I)
    t = re.sub(r"\b(\d+)\s+(years?|months?|weeks?|days?) and a half\b", r"\1.5 \2", t, flags=re.I)
    t = re.sub(r"\b(\d+(?:\.\d+)?)\s*\(\s*\1\s*\)", r"\1", t)  # "eighteen (18)" -> 18, once
    # "within1" -> "within 1"; a short code keeps its digits in any case ("cd20", "il6").
    t = re.sub(r"\b([A-Za-z][a-z]{2,})(?=\d)", r"\1 ", t)
    t = re.sub(
        r"(?<=[a-z]{3})- (?=[a-z]{3})", "-", t
    )  # a word cut at a line end: "secondary- progressive"
    t = re.sub(r"(?<=\d),(?=[05]\b)", ".", t)
    # A range's upper bound with its own sign ("Age 18-≤60 years"): the range as written.
    t = re.sub(r"(?<=\d)\s*-\s*≤\s*(?=\d)", "-", t)
    # A bound's inclusion said after it: "from 2.0 (inclusive) to 7.0 (exclusive)".
    t = re.sub(r"(?<=\d)\s*\((?:inclusive|incl\.?|included)\)", "", t, flags=re.I)
    t = re.sub(
        r"\b(to|and)\s+(\d+(?:\.\d+)?)\s*\((?:exclusive|excl\.?|excluded)\)",
        r"\1 less than \2",
        t,
        flags=re.I,
    )
    t = re.sub(
        r"\b(more|greater|less|higher|lower|older|younger|fewer) then\b", r"\1 than", t, flags=re.I
    )  # a common typo  # decimal comma of a score: "0-5,5" -> "0-5.5"
    return t


def unit_months(unit: str) -> float:
    unit = unit.lower().rstrip("s")
    return UNIT_MONTHS[_SHORT_UNITS.get(unit, unit)]


def to_months(value: str | float, unit: str) -> float:
    return round(float(value) * unit_months(unit), 4)


# Comparison words -> (bound, inclusive): bound "min" or "max".
LOWER_INCL = (
    r"(?:≥|(?:greater|more|older) than or equal to|equal to or (?:greater|more|older) than"
    r"|at least|minimum(?: of)?|no less than|not less than|a minimum of"
    r"|(?:no|not) (?:lower than|below|under|younger than))"
)
LOWER_EXCL = r"(?:>|greater than|more than|above|higher than|older than|over)"
UPPER_INCL = (
    r"(?:≤|(?:less|younger|lower) than or equal to|equal to or (?:less|lower|younger) than"
    r"|at most|maximum(?: of)?|no greater than|not greater than|no more than|not more than"
    r"|(?:no|not) (?:higher than|above|over|older than|exceeding)|not to exceed|does not exceed"
    r"|up to(?: and including)?|max\.?)"
)
UPPER_EXCL = r"(?:<|less than|below|lower than|younger than|under|fewer than)"

# "2.0 to 6.5", "between 3 and 6.5", "from 0 to 6.5", "3-6.5", "0 - 5.0"
RANGE = re.compile(
    r"(?:between\s+|from\s+)?" + NUM + r"\s*(?:-|(?:up\s+)?to|and|through|thru)\s*" + NUM,
    re.IGNORECASE,
)


Bound = tuple[float | None, float | None, bool, bool]  # (min, max, min_inclusive, max_inclusive)


def other_side(bound: Bound, second: Bound | None) -> Bound | None:
    """A one-sided ``bound`` with the side it lacks taken from ``second`` ("≥ 18 and ≤ 65",
    "EDSS ≥ 2 and EDSS ≤ 5.5"); None when ``second`` does not give that side. The caller checks
    that the two sides agree (min below max)."""
    lo, hi, lo_incl, hi_incl = bound
    if second is None or (lo is None) == (hi is None) or (second[0] is None) == (lo is None):
        return None
    return (
        (second[0], hi, second[2], hi_incl) if lo is None else (lo, second[1], lo_incl, second[3])
    )


def bounds_in(window: str) -> tuple[float | None, float | None, bool, bool] | None:
    """Read one numeric bound or range at the start of ``window`` (after filler words).

    Returns (min, max, min_inclusive, max_inclusive) or None when nothing clear is there.
    """
    w = window.strip()
    m = re.match(
        r"(?:between|from)?\s*"
        + NUM
        + r"\s*(?:-|(?:up\s+)?to|and|through|thru)\s*"
        + r"(?P<below>(?:less than|<|below|under)\s*)?"  # "2.0 to less than 7.0"
        + NUM
        + r"(?P<rest>.*)",
        w,
        re.I | re.S,
    )
    if m and (w.lower().startswith(("between", "from")) or re.match(r"\s*\d", w)):
        lo, hi = float(m.group(1)), float(m.group(3))
        if lo <= hi:
            exclusive = re.match(r"[\s,;(]*(?:exclusive|non-inclusive)", m.group("rest"), re.I)
            return lo, hi, not exclusive, not (exclusive or m.group("below"))
    patterns = (
        (LOWER_INCL + r"\s*" + NUM, "min", True),
        (LOWER_EXCL + r"\s*" + NUM, "min", False),
        (UPPER_INCL + r"\s*" + NUM, "max", True),
        (UPPER_EXCL + r"\s*" + NUM, "max", False),
        (NUM + r"\s*(?:points?\s*)?(?:or|and)\s*(?:less|lower|below|under|fewer)", "max", True),
        (NUM + r"\s*(?:points?\s*)?(?:or|and)\s*(?:more|higher|above|greater|over)", "min", True),
    )
    for pattern, bound, inclusive in patterns:
        m = re.match(pattern, w, re.I)
        if m:
            value = float(m.group(1))
            return (
                (value, None, inclusive, True) if bound == "min" else (None, value, True, inclusive)
            )
    return None
