"""Turn a criterion's words into a predicate tree (see predicates.py), once, at import.

Rules, not guesses: a fact is read only where the wording is clear (EntityRuler mentions
plus number patterns next to them). Whatever else the criterion says becomes a ``Review``
leaf, so the study team checks it and nothing is silently dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..eligibility import EXCLUSION, INCLUSION
from ..lexicon import load as load_lexicon
from . import quantities as q
from .nlp import Mention
from .scope import Cue, Reading, adjacent_negation, read, reason
from .predicates import (
    Age,
    All,
    Any_,
    Breastfeeding,
    Contraception,
    DiseaseDuration,
    Edss,
    Leaf,
    Node,
    Not,
    Pregnant,
    Relapses,
    Review,
    Sex,
    Subtype,
    Therapy,
    TherapyFailure,
)

PARSER_VERSION = 2  # 2: the scope layer (scope.py) and the abstain rule
ALL_SUBTYPES = {"RRMS", "SPMS", "PPMS", "CIS", "RIS"}

# Topics of what only the study team can check, found in what the parser did not read.
REVIEW_TOPICS: list[tuple[str, re.Pattern[str]]] = [
    (topic, re.compile(pattern, re.IGNORECASE))
    for topic, pattern in [
        ("consent", r"\b(consent|willing|agree|able to (understand|comply|complete|provide|give)|comply)"),
        ("mri", r"\b(mri|magnetic resonance|gadolinium|lesions?|t2|t1)\b"),
        ("labs", r"\b(laborator\w*|uln|upper limit of normal|blood|creatinine|h(a)?emoglobin|e?gfr|alt|ast|hba1c|platelet|lymphocyte|aptt|pt|liver|renal|hepatic|kidney|serolog\w*|antibod\w*|vitamin|calcium|test result)\b"),
        ("other_conditions", r"\b(disease|disorder|infection|cancer|malignan\w*|tumou?r|diabetes|cardiac|heart|seizures?|epilep\w*|depressi\w*|psychiatr\w*|psychosis|hiv|hepatitis|neuropath\w*|allerg\w*|hypersensitiv\w*|comorbid\w*|illness|condition|syndrome|impairment|dementia|stroke|angina|arrhythmi\w*|pressure|abuse|alcohol|suicid\w*|nmosd|neuromyelitis|mogad?)\b"),
        ("investigator", r"\b(investigator|opinion|judg\w*|physician|clinician|not suitable|unsuitable|discretion)\b"),
        ("other_studies", r"\b(investigational|clinical (trials?|stud(y|ies))|other (trials?|stud(y|ies)|research)|participat\w*|enrolled|protocol|registry|index date|claims?)\b"),
        ("practical", r"\b(internet|computer|smartphone|device|app|travel|english|german|language|speak|read|insurance|education|school|transport|centre|center|site|email|e-mail|phone)\b"),
        ("tests", r"\b(score|scale|test|walk\w*|ambulat\w*|questionnaire|t25fw|9hpt|pasat|sdmt|mmse|assessment|vision|visual|acuity|cognitiv\w*|strength|spasticity|motricity|evaluation)\b"),
        ("treatment_change", r"\b(change|changes|stable|initiat\w*|start\w*|switch\w*|dose|prescri\w*|label|smpc|indication|contraindicat\w*|summary of product|washout|medication|medicines?|drugs?|treatment|therapy|vaccin\w*|steroid)\b"),
        ("reproductive", r"\b(menstrua\w*|menopaus\w*|premenopausal|hysterectomy|child-?bearing|postpartum|menarche|uterus|fertil\w*)\b"),
        ("diagnosis", r"\b(diagnos\w*|mcdonald|criteria)\b"),
        ("age_group", r"\b(pediatric|paediatric|children|adolescents?|adults?|minors?)\b"),
    ]
]
REVIEW_TOPIC_WORDS = {
    "consent": "your agreement to the study's consent and procedures",
    "mri": "MRI scans",
    "labs": "blood tests or other lab results",
    "other_conditions": "your other health conditions",
    "investigator": "the study doctor's judgement",
    "other_studies": "your part in other studies",
    "practical": "practical arrangements (travel, language, devices)",
    "tests": "test results or assessments",
    "treatment_change": "details of your treatment",
    "reproductive": "questions about pregnancy, periods or fertility",
    "diagnosis": "the details of your diagnosis",
    "age_group": "the age group of the study",
    "alternative": "which of the study's groups or options fits you",
    "uncertain_reading": "a point whose wording is not clear enough for me to decide",
    "scope": "whether this applies to you (it covers only part of the study)",
    "duration": "how long you took the treatment",
    "activity": "recent signs of MS activity",
    "other": "other points in the study's criteria",
}


_NOTE = re.compile(r"(NOTE:\s*)?Other (protocol[- ]defined\s+)?(inclusion|exclusion|inclusion/exclusion|inclusion and exclusion)\s+criteria\s+(may\s+)?apply(\s+as per protocol)?\.?", re.I)


@dataclass
class _Reader:
    """One criterion being read: its normalised text, mentions, and what has been used."""

    text: str
    kind: str
    norm: str = ""
    found: list[Mention] = field(default_factory=list)
    used: list[tuple[int, int]] = field(default_factory=list)
    leaves: list[Node] = field(default_factory=list)
    reviews: list[str] = field(default_factory=list)
    reading: Reading = field(default_factory=lambda: Reading([], []))

    def __post_init__(self) -> None:
        # "NOTE: Other protocol-defined criteria may apply" is not part of this criterion.
        self.norm = _NOTE.sub(lambda m: " " * len(m.group(0)), q.normalise(self.text))
        self.reading = read(self.norm)
        self.found = self.reading.mentions

    def cues_of(self, mention: Mention) -> list:
        """The cues (scope.Modifier) whose scope covers ``mention``."""
        for m, cues in zip(self.reading.mentions, self.reading.cues):
            if m == mention:
                return cues
        return []

    def take(self, start: int, end: int) -> None:
        self.used.append((start, end))

    def of(self, *labels: str) -> list[Mention]:
        return [m for m in self.found if m.label in labels]

    def sentence_around(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence (or semicolon clause) holding ``pos``."""
        start = max((m.end() for m in re.finditer(r"[.;]\s+(?=[A-Z(])|;\s*", self.norm[:pos])), default=0)
        m = re.search(r"\.\s+(?=[A-Z])|;|\.$", self.norm[pos:])
        return start, pos + m.start() if m else len(self.norm)

    def residual(self) -> str:
        """The text with every read span blanked out (whole words, so no fragments remain)."""
        chars = list(self.norm)
        for start, end in self.used:
            start, end = max(start, 0), min(end, len(chars))
            while start > 0 and chars[start - 1].isalnum() and start < len(chars) and chars[start].isalnum():
                start -= 1
            while 0 < end < len(chars) and chars[end].isalnum() and chars[end - 1].isalnum():
                end += 1
            for i in range(start, end):
                chars[i] = " "
        return "".join(chars)


# ---------------------------------------------------------------------------- age and sex

_AGE_RANGE = [
    r"\b(?:age[sd]?|aged)\b(?:\s+eligible for study)?\s*:?\s*(?:is\s+)?(?:between\s+|from\s+)?(\d{1,3})\s*(?:years?\s*)?(?:-|to|and)\s*(\d{1,3})\b",
    r"\bbetween the ages of (\d{1,3}) and (\d{1,3})\b",
    r"\b(?:between\s+)?(\d{1,3})\s*(?:years?\s*)?(?:-|to|and)\s*(\d{1,3})\s*years?\s*(?:old|of age)\b",
]
_AGE_MIN = [
    (r"\b(?:age[sd]?|aged)\s*(?:of\s+)?(≥|>|at least|over|above|older than)\s*(\d{1,3})\b", None),
    (r"\b(\d{1,3})\s*(?:years?)?\s*(?:of age\s*)?(?:or|and)\s*(?:older|over|above)\b(?!\s*\d)", "≥"),
    (r"\b(?:aged?)\s+(\d{1,3})\s*\+", "≥"),
    (r"\b(?:adults?|men and women|males and females|male and female subjects)\b[\s,(]*(≥|>|at least|over|above|aged)?\s*(\d{1,3})\s*\+?\s*(?:years|yrs)", None),
    (r"\bat least (\d{1,3}) years (?:of age|old)\b", "≥"),
    (r"\b(?:over|above|older than)\s*(\d{1,3})\s*years?\b", ">"),
]
_AGE_MAX = [
    (r"\b(?:under|below|younger than)\s*(\d{1,3})\s*years?(?:\s*(?:of age|old))?", "<"),
    (r"\bless than\s*(\d{1,3})\s*years?\s*(?:of age|old)", "<"),
    (r"\b(?:age[sd]?|aged)\s*(≤|<|up to)\s*(\d{1,3})\b", None),
]


_CONDITIONAL_AGE = re.compile(r"\b(?:for|if|when|whose|in case of)\s+(?:an?\s+|the\s+|their\s+)?$", re.I)
# A sex word that opens a sentence about fertility is its subject, not a restriction: "Female
# subjects of childbearing potential must use contraception", "males unable to meet the above".
_SEX_AS_SUBJECT = re.compile(r"child[- ]?bearing|potential|fertil|contracepti|birth control|pregnan|"
                             r"menopaus|steril|vasectom|partner|unable to meet|the above", re.I)


def _ages(r: _Reader) -> None:
    seen: set[tuple] = set()

    def add(lo, hi, lo_incl, hi_incl, m: re.Match) -> None:
        if any(s <= m.start() < e for s, e in r.used):
            return
        if _CONDITIONAL_AGE.search(r.norm[max(0, m.start() - 20) : m.start()]):
            r.reviews.append("other")  # "(for an age less than 50)": a condition of another test
            r.take(m.start(), m.end())
            return
        for v in (lo, hi):
            if v is not None and not 0 <= v <= 120:
                return
        key = (lo, hi, lo_incl, hi_incl)
        if key in seen:
            return
        seen.add(key)
        r.leaves.append(Age(min=lo, max=hi, min_inclusive=lo_incl, max_inclusive=hi_incl, source=m.group(0)))
        r.take(m.start(), m.end())

    for pattern in _AGE_RANGE:
        for m in re.finditer(pattern, r.norm, re.I):
            lo, hi = float(m.group(1)), float(m.group(2))
            if lo < hi:
                add(lo, hi, True, True, m)
    for pattern, sign in _AGE_MIN:
        for m in re.finditer(pattern, r.norm, re.I):
            op = sign or (m.group(1) or "≥")
            value = float(m.group(m.lastindex))
            add(value, None, op.lower() in ("≥", "at least", "aged"), True, m)
    for pattern, sign in _AGE_MAX:
        for m in re.finditer(pattern, r.norm, re.I):
            op = sign or m.group(1)
            add(None, float(m.group(m.lastindex)), True, op in ("≤", "up to"), m)


def _sex(r: _Reader) -> None:
    t = r.norm.strip().lower().rstrip(".")
    if _SEX_AS_SUBJECT.search(t):
        return  # the pregnancy and contraception rules read the rest
    if r.kind == INCLUSION:
        m = re.match(r"^(female (?:participants|patients|subjects)|females?|women)(?:\s+only)?\b", t)
        if m and (m.end() == len(t) or m.group(1).startswith("female ")):
            r.leaves.append(Sex(allowed=["female"], source=r.norm[: m.end()]))
            r.take(0, m.end())
        m = re.match(r"^(males?|men)(?:\s+only)?$", t)
        if m:
            r.leaves.append(Sex(allowed=["male"], source=r.norm))
            r.take(0, len(t))
        m = re.match(r"^(males? and females?|men and women|male or female|both sexes|males and females)\.?$", t)
        if m:
            r.take(0, len(t))  # no restriction: nothing left to check
    elif r.kind == EXCLUSION:
        m = re.match(r"^(males?|men)(?: or intersex)?\b", t)
        if m and not re.match(r"^(males? and females?|men and women)", t):
            r.leaves.append(Sex(allowed=["male"], source=r.norm[: m.end()]))
            r.take(0, len(r.norm))  # the rest says why ("... requiring a uterus")


# ---------------------------------------------------------------------------- MS course

_DIAGNOSIS_BEFORE = re.compile(r"(diagnos\w*|definite|confirmed|documented|established|(patients|participants|subjects|adults|people|those) with)\s*(of\s+|with\s+)?(a\s+|the\s+)?(clinically\s+)?(definite\s+)?$", re.I)
_MCDONALD_AFTER = re.compile(r"^\s*(\(ms\)\s*)?(diagnosis\s*)?(as\s+)?(defined\s+)?(according to|by|based on|as defined by|per|fulfilling|as per)\b[^.;]{0,30}mcdonald", re.I)
_ALL_FORMS = re.compile(r"\(all forms\)|all (ms )?types|any (type|form) of (ms|multiple sclerosis)", re.I)


def _subtypes(r: _Reader) -> None:
    lex = load_lexicon()
    yes: set[str] = set()
    maybe: set[str] = set()
    sources: list[str] = []
    definition_zones = [(m.end(), m.end() + 120) for m in re.finditer(r"\bdefined as\b|\bi\.e\.", r.norm, re.I)]
    for m in r.of("SUBTYPE", "SUBTYPE_GROUP"):
        if any(s <= m.start < e for s, e in definition_zones):
            continue
        before = r.norm[max(0, m.start - 40) : m.start]
        after = r.norm[m.end : m.end + 80]
        if re.search(r"other than\s*$|non-\s*$|\b(for|treating|treatment of|indicated for|approved for|following the|after the|from|to)\s+$", before, re.I):
            continue
        if re.search(r"\b(no|not|without|never)\s+(history of\s+)?(\w+\s+){0,1}$", before, re.I):
            r.reviews.append("diagnosis")
            r.take(m.start, m.end)
            continue
        if m.label == "SUBTYPE_GROUP" and m.key == "ms":
            diagnostic = _DIAGNOSIS_BEFORE.search(before) or _MCDONALD_AFTER.match(after)
            if not diagnostic or (r.kind != INCLUSION and not re.search(r"diagnos\w*\s+(of\s+)?$", before, re.I)):
                continue
            if re.match(r"^\s*(relapses?|treatment|therapy|medication|drugs?|care|center|centre|patients?\s+who)", after, re.I):
                continue
        if m.label == "SUBTYPE":
            found_yes, found_maybe = {m.key}, set()
        else:
            group = lex.groups[m.key]
            found_yes, found_maybe = set(group.yes), set(group.maybe)
        window = r.norm[max(0, m.start - 30) : m.end + 40].lower()
        if "SPMS" in found_yes and re.search(r"without (disease )?activity|non-active|not active|inactive", window):
            found_yes.discard("SPMS")
            found_maybe.add("SPMS")
        yes |= found_yes
        maybe |= found_maybe
        sources.append(m.text)
        r.take(m.start, m.end)
        if r.kind == INCLUSION and re.search(r"(highly active|inflammatory (disease )?activity|\bactive\b)", r.norm[max(0, m.start - 30) : m.end + 40], re.I):
            r.reviews.append("activity")
    if yes or maybe:
        for m in re.finditer(r"\bdefined as\b[^.;]*", r.norm, re.I):
            r.take(m.start(), m.end())  # "SPMS defined as ...": explains the course it names
    if _ALL_FORMS.search(r.norm):
        return
    maybe -= yes
    if not yes and not maybe:
        return
    if yes | maybe >= ALL_SUBTYPES and not maybe - yes:
        return  # every course: no restriction
    order = ["RRMS", "SPMS", "PPMS", "CIS", "RIS"]
    r.leaves.append(Subtype(yes=[s for s in order if s in yes], maybe=[s for s in order if s in maybe],
                            source=", ".join(sources)))


# ---------------------------------------------------------------------------- EDSS

_EDSS_FILLER = re.compile(
    r"^(?:\s|\(edss\)|\(edss\s*\d?\)|\[\w+\]|\(appendix \w+\)|score|scale|status|rating|total|of|is|at|was|"
    r"must be|should be|baseline|screening|:|,|\(|\)|points?)+", re.I)
_EDSS_NOT_A_BOUND = re.compile(r"^[\s)]*(increase|change|progression|worsening|deterioration|improvement|step|functional|pyramidal|sub-?score|system)", re.I)


def _edss(r: _Reader) -> None:
    progression = re.search(r"edss (increase|change|progression|worsening)", r.norm, re.I)
    for m in r.of("EDSS"):
        if any(s <= m.start < e for s, e in r.used):
            continue  # "(EDSS)" right after "Expanded Disability Status Scale" was read with it
        after = r.norm[m.end : m.end + 90]
        before = r.norm[max(0, m.start - 40) : m.start]
        if re.search(r"(section of the|functional)\W*$", before, re.I) or re.match(r"[\s)]*(functional|pyramidal|sub-?score|system)", after, re.I):
            r.reviews.append("tests")
            continue
        if _EDSS_NOT_A_BOUND.match(after):
            r.reviews.append("activity")  # "EDSS increase ≥1.0": disease activity, not a bound
            r.take(m.start, m.end + 20)
            continue
        if progression and re.search(r"baseline\s*$", before, re.I):
            r.take(m.start, m.end + 12)
            continue
        filler = _EDSS_FILLER.match(after)
        window = after[filler.end():] if filler else after
        window = re.sub(r"^([<>≤≥])\s*score\s*(of\s*)?", r"\1 ", window, flags=re.I)
        bound = q.bounds_in(window)
        if bound is None:
            continue
        lo, hi, lo_incl, hi_incl = bound
        if any(v is not None and not (0 <= v <= 10) for v in (lo, hi)):
            continue
        consumed = (filler.end() if filler else 0) + len(window) - len(window.lstrip())
        match_len = _bound_length(window.lstrip())
        r.leaves.append(Edss(min=lo, max=hi, min_inclusive=lo_incl, max_inclusive=hi_incl,
                             source=r.norm[m.start : m.end + consumed + match_len].strip()))
        r.take(m.start, m.end + consumed + match_len)


def _bound_length(window: str) -> int:
    m = re.match(r"(?:between|from)?\s*[\d.]+\s*(?:-|to|and)\s*[\d.]+(?:[\s,;(]*inclusive(?:ly)?)?|[^\d]{0,25}?[\d.]+(?:\s*(?:points?\s*)?(?:or|and)\s*\w+)?", window, re.I)
    return m.end() if m else 0


# ---------------------------------------------------------------------------- disease duration

def _duration(r: _Reader) -> None:
    t = r.norm
    patterns = [
        (r"\bdiagnos\w*\s+(?:was\s+)?(?:established|made)?\s*(?:between|from)\s+" + q.NUM + r"\s*(?:-|to|and)\s*" + q.NUM + r"\s*" + q.UNIT, "range"),
        (r"\bdiagnos\w*[^.;]{0,40}?\bfor\s+(at least|more than|over|>|≥|a minimum of)?\s*" + q.NUM + r"\s*" + q.UNIT, "min"),
        (r"\b(?:ms|multiple sclerosis)\s+for\s+(at least|more than|over|>|≥)?\s*" + q.NUM + r"\s*" + q.UNIT, "min"),
        (r"\b(?:evolution time|disease duration|duration of (?:disease|ms|illness)|time since (?:ms |the )?diagnosis)\s+(?:of\s+)?(at least|more than|over|>|≥|less than|<|≤|up to|under)\s*" + q.NUM + r"\s*" + q.UNIT, "cmp"),
        (r"\b(?:evolution time|disease duration|duration of (?:disease|ms|illness)|time since (?:ms |the )?diagnosis)\s+(?:of\s+)?" + q.NUM + r"\s*" + q.UNIT + r"\s+or (less|fewer|shorter|more|longer|greater)\b", "or"),
        (r"\bdiagnos\w*[^.;]{0,50}?\bwithin the (?:past|last|previous) " + q.NUM + r"\s*" + q.UNIT, "max"),
        (r"\bdiagnos\w*[^.;]{0,60}?\bsince at least " + q.NUM + r"\s*" + q.UNIT, "min"),
    ]
    for pattern, how in patterns:
        for m in re.finditer(pattern, t, re.I):
            if re.match(r"\s*(prior to|before) (the )?(initiation|start|starting)", t[m.end():], re.I):
                r.reviews.append("diagnosis")
                r.take(m.start(), m.end())
                continue
            if how == "or":  # "disease duration of 5 years or less"
                value = q.to_months(m.group(1), m.group(2)) / 12
                leaf = DiseaseDuration(max=value, source=m.group(0)) if m.group(3).lower() in ("less", "fewer", "shorter") \
                    else DiseaseDuration(min=value, source=m.group(0))
                r.leaves.append(leaf)
                r.take(m.start(), m.end())
                continue
            unit = m.group(m.lastindex)
            if how == "range":
                lo, hi = q.to_months(m.group(1), unit) / 12, q.to_months(m.group(2), unit) / 12
                leaf = DiseaseDuration(min=lo, max=hi, source=m.group(0))
            elif how == "max":
                leaf = DiseaseDuration(max=q.to_months(m.group(1), unit) / 12, source=m.group(0))
            else:
                op = (m.group(1) or "at least").lower() if m.lastindex >= 3 else "at least"
                value = q.to_months(m.group(m.lastindex - 1), unit) / 12
                if op in ("less than", "<", "under"):
                    leaf = DiseaseDuration(max=value, max_inclusive=False, source=m.group(0))
                elif op in ("≤", "up to"):
                    leaf = DiseaseDuration(max=value, source=m.group(0))
                else:
                    leaf = DiseaseDuration(min=value, min_inclusive=op in ("at least", "≥", "a minimum of"),
                                           source=m.group(0))
            r.leaves.append(leaf)
            r.take(m.start(), m.end())


    # Time since the first symptoms: the profile knows the diagnosis, which comes after onset.
    # A limit can then fail only when it fails for the diagnosis too; otherwise the team checks.
    onset = re.search(r"\b(?:onset|first symptoms?|symptom onset|first clinical (?:symptoms?|event))\b[^.;]{0,30}?"
                      r"\bwithin the (?:past|last|previous) " + q.NUM + r"\s*" + q.UNIT, t, re.I)
    if onset and not any(s <= onset.start() < e for s, e in r.used):
        years = q.to_months(onset.group(1), onset.group(2)) / 12
        r.leaves.append(All([DiseaseDuration(max=years, source=onset.group(0)), Review(topic="diagnosis")]))
        r.take(onset.start(), onset.end())


# ---------------------------------------------------------------------------- relapses

_WINDOW = (r"(?:within|in|during|over|for)\s+(?:the\s+)?(?:last|past|previous|preceding|prior)?\s*"
           + q.NUM + r"\s*" + q.UNIT)
_BEFORE_EVENT = q.NUM + r"\s*" + q.UNIT + r"\s*(?:prior to|before)\b"


def _relapses(r: _Reader) -> None:
    for m in r.of("RELAPSE"):
        s_start, s_end = r.sentence_around(m.start)
        before = r.norm[s_start : m.start]
        if re.match(r"\s*(therapy|treatment)", r.norm[m.end :], re.I):
            continue  # "relapse therapy" is a treatment, not an event
        remission = "remission" in m.text.lower()
        if re.search(r"(independent of|not explained by|unrelated to|regardless of)\s+(\w+\s+){0,2}$", before, re.I):
            continue
        if re.match(r"\s*(are|is)?\s*defined\b", r.norm[m.end :], re.I):
            continue  # "Relapses are defined as ..." explains a word, it asks nothing
        # The time window: after the mention in its sentence, else just before it.
        base, window = m.start, re.search(_WINDOW, r.norm[m.start : min(s_end, m.start + 110)], re.I) \
            or re.search(_BEFORE_EVENT, r.norm[m.start : min(s_end, m.start + 110)], re.I)
        if window is None:
            base = max(s_start, m.start - 60)
            pattern = q.NUM + r"\s*" + q.UNIT + r"\s+in\s+$" if remission else _WINDOW
            window = re.search(pattern, r.norm[base : m.start], re.I)
        if window is None:
            continue
        months = q.to_months(window.group(1), window.group(2))
        if months <= 0:
            continue
        # How many: "≥2 relapses", "two or more documented relapses", "at least one relapse".
        count = 1
        cm = re.search(r"(≥|at least|>)?\s*(\d+)\s*(?:or more\s+)?(?:[a-z]+\s+){0,3}$", before, re.I)
        if cm and not remission:
            n = int(cm.group(2))
            count = n + 1 if cm.group(1) == ">" else n
        negated = remission or bool(
            re.search(r"relapse[- ]free", m.text, re.I)
            or re.search(r"\b(free of|no)\s+(?:[a-z]+\s+){0,2}$", before, re.I))
        leaf = Relapses(count=max(count, 1), months=months,
                        source=r.norm[min(m.start, base + window.start()) : max(m.end, base + window.end())])
        r.leaves.append(Not(leaf) if negated else leaf)
        r.take(m.start, m.end)
        r.take(base + window.start(), base + window.end())


# ---------------------------------------------------------------------------- therapies

_REVIEW_FRAMES = re.compile(
    r"\b(allerg\w*|hypersensitiv\w*|intoleran\w*|contraindicat\w*|label|smpc|spc|summary of product|"
    r"indication|eligible for|positive for|antibod\w* (to|against)|anti-\w+ antibod\w*|claims?|index|initiat\w*|starting|started|start|first dose|"
    r"decision to|during (the )?study|during pregnancy|cohort|program|switched|either no|"
    r"change|changes|stable|dose of|preclude\w*|prenatal|perinatal|maternal|mothers?|long-term|"
    r"at the time of|time of|placebo|randomi[sz]ed in|accessing|access|additional|indicated|"
    r"lower than|shorter than|exposure lower|for less than|for fewer than)\b", re.I)
_FAILURE = re.compile(r"\b(treatment failure|failure|failed|fail|suboptimal response|inadequate response|"
                      r"lack of (efficacy|response)|breakthrough|did not respond|non-?respon\w*)\b", re.I)
_CURRENT = re.compile(r"\b(currently|taking|receiving|being treated|prescribed|ongoing|already on|"
                      r"concomitant|concurrent|on treatment with|on therapy with|on)\b[^.;]{0,100}$", re.I)
_EVER = re.compile(r"\b(prior|previous(ly)?|history of|ever|treated with|treatment with|exposure|exposed|"
                   r"received|use of|used|with)\b", re.I)
_NAIVE = re.compile(r"treatment[- ]na[iï]ve|drug[- ]na[iï]ve|na[iï]ve|\bno prior\b|\bnever (been )?treated\b", re.I)
_THERAPY_DURATION = re.compile(r"\bfor (?:at least|more than|a minimum of|≥|over|>)?\s*(?:the\s+)?\d+(?:\.\d+)?\s*(?:months?|years?|weeks?)"
                               r"(?: or more)?|\bcontinuously\b|\bnot longer than\b", re.I)


def _drug_sets(r: _Reader, ms: list[Mention]) -> tuple[list[str], list[str]]:
    """Drugs (expanded from classes) and the classes named; "except X" removes X.

    A class followed by its own list ("immunomodulatory drugs (Avonex, Copaxone, or Rebif)",
    "therapy as Interferon-β, ... or Natalizumab") means just those drugs; a list given as
    examples ("e.g.", "such as", "including") keeps the whole class.
    """
    lex = load_lexicon()
    drugs: list[str] = []
    classes: list[str] = []
    excluded: set[str] = set()
    for i, m in enumerate(ms):
        before = r.norm[max(0, m.start - 25) : m.start]
        if m.label == "DRUG":
            names = [m.key]
        else:
            after = r.norm[m.end : m.end + 20]
            listed = any(x.label == "DRUG" for x in ms[i + 1 :])
            if listed and re.match(r"\s*(\(|as\b|:)", after, re.I) and not re.match(
                    r"\s*\(?\s*(e\.?\s?g\.?|such as|including|like|i\.e\.)", after, re.I):
                continue
            names = list(lex.members(m.key))
        if re.search(r"\b(except|other than|excluding|apart from)\s+(\w+\s+){0,2}$", before, re.I):
            excluded.update(names)
            continue
        if m.label == "DRUG_CLASS":
            classes.append(m.key)
        drugs.extend(n for n in names if n not in drugs)
    drugs = [d for d in drugs if d not in excluded]
    classes = [c for c in dict.fromkeys(classes) if not set(lex.members(c)) & excluded]
    return drugs, classes


def _therapies(r: _Reader) -> None:
    ms = [m for m in r.of("DRUG", "DRUG_CLASS")
          if not re.search(r"\banti-\s*$", r.norm[max(0, m.start - 6) : m.start], re.I)]
    text = r.norm
    if not ms:
        untreated = re.search(r"\bon no (ms )?treatment|\bnot on any (ms )?treatment|\buntreated (ms|patients)", text, re.I)
        if untreated:
            dmt = list(load_lexicon().members("dmt"))
            r.leaves.append(Not(Therapy(drugs=dmt, classes=["dmt"], current=True, source=untreated.group(0))))
            r.take(untreated.start(), untreated.end())
            return
        naive = _NAIVE.search(text)
        if naive and re.search(r"treatment|therapy|drug|dmt", naive.group(0) + text[naive.end() : naive.end() + 20], re.I):
            dmt = list(load_lexicon().members("dmt"))
            r.leaves.append(Not(Therapy(drugs=dmt, classes=["dmt"], source=naive.group(0))))
            r.take(naive.start(), naive.end())
        return
    for m in ms:
        r.take(m.start, m.end)
    starting = re.search(r"\binitiat\w*|\bstart(s|ed|ing)?\b|\bswitch\w*", text, re.I)
    either = re.search(r"\beither\b.*\bor\b", text, re.I) and not _FAILURE.search(text)
    if (starting or either) and not (_NAIVE.search(text) and _FAILURE.search(text)):
        r.reviews.append("treatment_change")
        return
    # "receiving fingolimod, according to the drug's SmPC": how it is given, not whether.
    framed = re.sub(r"\b(?:according to|as per|in line with|in accordance with)\b[^.;]*", " ", text, flags=re.I)
    if re.search(r"\bother than (ms|multiple sclerosis)\b", text, re.I) or (
            _REVIEW_FRAMES.search(framed) and not _FAILURE.search(text) and not _NAIVE.search(text)):
        r.reviews.append("treatment_change")  # allergy, label, starting or changing a drug...
        return
    drugs, classes = _drug_sets(r, ms)
    if not drugs:
        return
    source = text[ms[0].start : ms[-1].end]
    if set(drugs) <= set(load_lexicon().members("corticosteroid")):
        # How steroids were given, and a sentence allowing low-dose or topical use, are read.
        for m in re.finditer(r"\b(high[- ]dose|low[- ]dose|oral|intravenous|iv|topical|a course of|course of|"
                             r"systemic|total daily dose)\b|\bthe use of [^.]*\bwill not\b[^.]*\.?", text, re.I):
            r.take(m.start(), m.end())

    def note_duration() -> None:
        for d in _THERAPY_DURATION.finditer(text):
            r.take(d.start(), d.end())
            r.reviews.append("duration")

    if re.search(r"\bon no\b", text, re.I):  # "On no treatment for MS"
        r.leaves.append(Not(Therapy(drugs=drugs, classes=classes, current=True, source=source)))
        r.take(*re.search(r"\bon no\b", text, re.I).span())
        return
    if _NAIVE.search(text) and _FAILURE.search(text):
        # "either treatment-naive or ... a suboptimal response to IFN or GA": two ways in.
        dmt = list(load_lexicon().members("dmt"))
        r.leaves.append(Any_([Not(Therapy(drugs=dmt, classes=["dmt"], source=_NAIVE.search(text).group(0))),
                              TherapyFailure(drugs=drugs, classes=classes, source=source)]))
        r.reviews.append("treatment_change")
        return
    if _NAIVE.search(text):
        r.leaves.append(Not(Therapy(drugs=drugs, classes=classes, source=source)))
        for m in _NAIVE.finditer(text):
            r.take(m.start(), m.end())
        return
    if _FAILURE.search(text):
        cm = re.search(r"at least (\d+) of", text, re.I)
        r.leaves.append(TherapyFailure(drugs=drugs, classes=classes,
                                       count=int(cm.group(1)) if cm else 1, source=source))
        for m in _FAILURE.finditer(text):
            r.take(m.start(), m.end())
        note_duration()
        return
    window = re.search(r"(?:within|in|during|over)\s+(?:the\s+)?(?:last|past|previous|preceding|prior)?\s*"
                       + q.NUM + r"\s*" + q.UNIT, text, re.I) or \
        re.search(r"[<≤]?\s*" + q.NUM + r"\s*" + q.UNIT + r"\s*(?:prior to|before|of)\b", text, re.I)
    if window is not None:
        leaf = Therapy(drugs=drugs, classes=classes,
                       within_months=q.to_months(window.group(1), window.group(2)), source=source)
        r.leaves.append(Not(leaf) if re.match(r"\s*(no|not|without|free of)\b", text, re.I) else leaf)
        r.take(window.start(), window.end())
        note_duration()
        return
    current = _CURRENT.search(text[: ms[0].start]) or re.search(r"\bcurrently\b", text, re.I)
    if current and not re.search(r"\b(previously or currently|prior|previous|ever)\b", text, re.I):
        r.leaves.append(Therapy(drugs=drugs, classes=classes, current=True, source=source))
        r.take(current.start(), current.end())
        note_duration()
        return
    if _EVER.search(text[max(0, ms[0].start - 40) : ms[0].start]) or r.kind == EXCLUSION:
        leaf: Node = Therapy(drugs=drugs, classes=classes, source=source)
        r.leaves.append(Not(leaf) if re.match(r"\s*(no|not|without|free of)\b", text, re.I) else leaf)
        for m in _EVER.finditer(text):
            r.take(m.start(), m.end())
        note_duration()
        return
    r.reviews.append("treatment_change")


# ---------------------------------------------------------------------------- pregnancy

_PREG_NOT_STATUS = re.compile(r"(during|of|prevent|avoid|become|becoming|intention|planning|plan|weeks of|test)\s+(\w+\s+)?$", re.I)


def _family(r: _Reader) -> tuple[Mention, ...]:
    """Pregnancy and breastfeeding mentions: one negation can cover a list of them."""
    return tuple(r.of("PREGNANCY", "BREASTFEEDING"))


def _pregnancy(r: _Reader) -> None:
    text = r.norm
    for m in r.of("CONTRACEPTION"):
        if not any(isinstance(x, Contraception) for x in r.leaves):
            r.leaves.append(Contraception(source=m.text))
        r.take(m.start, m.end)
    for m in r.of("PREGNANCY"):
        before = text[max(0, m.start - 30) : m.start]
        after = text[m.end : m.end + 15]
        cues = r.cues_of(m)
        if any(c.cue is not Cue.NEGATED for c in cues):
            r.reviews.append("reproductive")  # planning, a past pregnancy, the mother's: not a status
            r.take(m.start, m.end)
            continue
        if _PREG_NOT_STATUS.search(before) or re.match(r"\s*test", after, re.I):
            if re.search(r"intention|planning|plan|become|becoming", before, re.I):
                r.reviews.append("reproductive")
            r.take(m.start, m.end)
            continue
        if cues and adjacent_negation(text, m, cues, _family(r)):  # "not pregnant", "no pregnant or nursing women"
            if r.kind == EXCLUSION:  # "those who are not pregnant but ...": a condition, not a status
                r.reviews.append("reproductive")
            elif not any(isinstance(x, Not) and isinstance(x.item, Pregnant) for x in r.leaves):
                r.leaves.append(Not(Pregnant(source=m.text)))
            r.take(m.start, m.end)
            continue
        if re.search(r"high-?\s*risk\s*$", before, re.I):
            r.leaves.append(All([Pregnant(source=m.text), Review(topic="reproductive")]))
        elif not any(isinstance(x, Pregnant) for x in r.leaves):
            r.leaves.append(Pregnant(source=m.text))
        r.take(m.start, m.end)
    for m in r.of("BREASTFEEDING"):
        cues = r.cues_of(m)
        if any(c.cue is not Cue.NEGATED for c in cues):
            r.reviews.append("reproductive")
        elif cues and adjacent_negation(text, m, cues, _family(r)):  # "not pregnant or lactating"
            if r.kind == EXCLUSION:
                r.reviews.append("reproductive")
            elif not any(isinstance(x, Not) and isinstance(x.item, Breastfeeding) for x in r.leaves):
                r.leaves.append(Not(Breastfeeding(source=m.text)))
        elif not any(isinstance(x, Breastfeeding) for x in r.leaves):
            r.leaves.append(Breastfeeding(source=m.text))
        r.take(m.start, m.end)


# ---------------------------------------------------------------------------- assembly

_BOILERPLATE = re.compile(
    r"\b(patients?|participants?|subjects?|individuals?|persons?|people|who|with|without|have|has|had|having|"
    r"are|is|was|were|be|been|being|the|a|an|of|or|and|to|in|on|for|by|at|as|from|any|all|must|should|"
    r"will|may|can|diagnos\w*|established|documented|confirmed|clinical(ly)?|definite|"
    r"multiple|sclerosis|ms|according|criteria|revised|mcdonald'?s?|\d{4}|et|al|years?|old|age[sd]?|"
    r"prior|before|enrol\w*|enrollment|randomi[sz]ation|screening|baseline|study|entry|visit|day|"
    r"months?|weeks?|days?|last|past|previous|preceding|within|during|over|currently|current|"
    r"treatment|therapy|treated|use|used|taking|receiving|history|previously|those|that|this|these|"
    r"not|no|only|male|female|males|females|men|women|either|both|than|more|less|least|score|"
    r"between|inclusive(ly)?|point|points|such|e\.?g\.?|including|like|etc|other|form|forms|course|"
    r"type|types|disease|documented|diagnosis|infusion|consent|informed|time|date|if|which|there|their|"
    r"his|her|defined|define|modified|experienced|experience|occurred|occur|while|recent|recently|"
    r"numbers?|per|based|updated|fulfilling|fulfil\w*|onset|candidate|adults?|systemic|counter|"
    r"prescription|already|ongoing|immunomodulatory|injections?|thompson|polman|ms-related|"
    r"sign|signed|approved|written|exclude|excluded|free|start|woman|appendix|self-reported|self|reported|"
    r"neurologist|physician-confirmed|neurologist-confirmed|received|receive)\b",
    re.IGNORECASE,
)


def _review_topics(residual: str) -> list[str]:
    topics = [topic for topic, pattern in REVIEW_TOPICS if pattern.search(residual)]
    return topics


def leftover_words(residual: str) -> list[str]:
    """Words the parser did not read, beyond glue words, codes and punctuation."""
    rest = re.sub(r"\b\w*\d\w*\b", " ", residual)  # codes such as UMSC01, T2, 9HPT
    rest = _BOILERPLATE.sub(" ", rest)
    rest = re.sub(r"[^A-Za-z]+", " ", rest)
    return [w for w in rest.split() if len(w) > 2]


def parse_criterion(text: str, kind: str) -> Node:
    """The predicate tree of one criterion. Always returns a tree: ``Review`` if nothing is read.

    The field rules read the criterion; then every fact whose mention lies in the scope of a
    cue its rule did not interpret is abstained on (``Review``, with the reason), and a
    negated fact listed as an exclusion is read by one explicit rule (:func:`_double_negation`).
    """
    r = _Reader(text, kind)
    tree = _read_fields(r, text, kind)
    tree = _abstain(tree, r)
    if kind == EXCLUSION and _LEADING_NEGATION.match(r.norm):
        tree = _double_negation(tree, r)
    return tree


# Which mentions a leaf was read from, and which cues each kind of leaf interprets itself.
_LEAF_LABELS: dict[type, tuple[str, ...]] = {
    Subtype: ("SUBTYPE", "SUBTYPE_GROUP"), Edss: ("EDSS",), Relapses: ("RELAPSE",),
    Therapy: ("DRUG", "DRUG_CLASS", "NAIVE"), TherapyFailure: ("DRUG", "DRUG_CLASS"),
    Pregnant: ("PREGNANCY",), Breastfeeding: ("BREASTFEEDING",),
}
_INTERPRETED: dict[type, set[Cue]] = {
    TherapyFailure: {Cue.NEGATED},  # "has not responded to", "failed": the failure rule reads them
    Therapy: {Cue.HISTORICAL},  # "prior", "previous treatment": the therapy rule reads them
}
# A fact right after "no", or before "-free", is plainly denied: read as the opposite fact.
_FLIPPABLE = (Relapses, Pregnant, Breastfeeding)
_LEADING_NEGATION = re.compile(r"\s*(?:no|not|without|absence of|free of|never|none)\b", re.I)


def _leaf_mentions(leaf: Leaf, r: _Reader) -> list[tuple[Mention, list]]:
    labels = _LEAF_LABELS.get(type(leaf), ())
    source = getattr(leaf, "source", "") or ""
    pos = r.norm.find(source) if source else -1
    start, end = (pos, pos + len(source)) if pos >= 0 else (0, len(r.norm))
    return r.reading.cues_between(labels, start, end)


def _uses(leaf: Leaf, mention: Mention) -> bool:
    """Whether ``leaf`` was read from ``mention`` (a drug or MS course it names)."""
    if isinstance(leaf, (Therapy, TherapyFailure)):
        if mention.label == "DRUG":
            return mention.key in leaf.drugs
        if mention.label == "DRUG_CLASS":
            return mention.key in leaf.classes or bool(set(load_lexicon().members(mention.key)) & set(leaf.drugs))
    if isinstance(leaf, Subtype) and mention.label == "SUBTYPE":
        return mention.key in leaf.yes or mention.key in leaf.maybe
    return True


def _abstain(node: Node, r: _Reader, negated: bool = False) -> Node:
    """The tree with every leaf covered by a cue its rule did not interpret made a Review."""
    if isinstance(node, (All, Any_)):
        return type(node)([_abstain(item, r, negated) for item in node.items])
    if isinstance(node, Not):
        inner = _abstain(node.item, r, not negated)
        return inner if isinstance(inner, Review) else Not(inner)
    if not isinstance(node, Leaf) or type(node) not in _LEAF_LABELS:
        return node
    for mention, cues in _leaf_mentions(node, r):
        if not _uses(node, mention):
            continue  # the rule left this mention out ("other than natalizumab"): cue read
        for cue in cues:
            if cue.cue in _INTERPRETED.get(type(node), set()):
                continue
            if cue.cue is Cue.NEGATED and negated:
                continue  # the rule read the negation: the tree says "not ..."
            if cue.cue is Cue.NEGATED and isinstance(node, _FLIPPABLE) and adjacent_negation(r.norm, mention, cues) \
                    and all(c.cue is Cue.NEGATED for c in cues):
                return Not(node)
            return Review(topic="uncertain_reading", source=reason(mention, cue)[:200])
    return node


def _double_negation(node: Node, r: _Reader) -> Node:
    """An exclusion that starts with "No ..." ("No relapse in the 30 days before screening").

    Read literally it would exclude people who did NOT have the fact; it is written to mean
    that a recent relapse, steroid course or treatment excludes. That reading is certain only
    for such a recent event (a fact with a time window): those become the fact itself. Any
    other "No ..." exclusion is left to the study team, never read the opposite way.
    """
    if isinstance(node, (All, Any_)):
        return type(node)([_double_negation(item, r) for item in node.items])
    if isinstance(node, Not) and isinstance(node.item, Leaf):
        leaf = node.item
        recent = isinstance(leaf, Relapses) or (isinstance(leaf, Therapy) and leaf.within_months)
        if recent:
            return leaf
        return Review(topic="uncertain_reading",
                      source=f'"{r.norm.strip()[:60]}" is listed as an exclusion but says "no"')
    return node


def _read_fields(r: "_Reader", text: str, kind: str) -> Node:
    if re.search(r"excluded from the [\w\s-]{0,40}portions?", r.norm, re.I):
        return Review(topic="scope", source=text[:200])
    _sex(r)
    _ages(r)
    _subtypes(r)
    _edss(r)
    _duration(r)
    _relapses(r)
    _therapies(r)
    _pregnancy(r)

    residual = r.residual()
    reviews = list(dict.fromkeys(r.reviews))
    leftover = leftover_words(residual)
    if leftover and not any(isinstance(x, Contraception) for x in r.leaves):
        for topic in _review_topics(" ".join(leftover)) or ["other"]:
            if topic not in reviews:
                reviews.append(topic)
    if any(isinstance(x, TherapyFailure) for x in r.leaves):
        # "(either ≥1 relapse, a new lesion or EDSS deterioration)" defines failure: already read.
        reviews = [t for t in reviews if t not in ("activity", "mri", "tests")]
    if not r.leaves:
        topics = _review_topics(r.norm) or reviews or ["other"]
        return Review(topic=topics[0], source=text[:200])

    leaves: list[Node] = list(r.leaves)
    # Inclusion: several activity requirements ("≥1 relapse in 12 months, ≥2 in 24 months or a
    # new MRI lesion") are alternatives, not all required.
    relapse_reqs = [x for x in leaves if isinstance(x, Relapses)]
    activity = [t for t in ("mri", "activity") if t in reviews]
    if kind != EXCLUSION and (len(relapse_reqs) > 1 or (relapse_reqs and activity)) \
            and re.search(r"\bor\b", r.norm, re.I):
        group: list[Node] = list(relapse_reqs)
        for topic in activity:
            group.append(Review(topic=topic))
            reviews.remove(topic)
        leaves = [x for x in leaves if not isinstance(x, Relapses)] + [Any_(group)]
    review_leaves: list[Node] = [Review(topic=t) for t in reviews]
    items = leaves + review_leaves
    if len(items) == 1:
        return items[0]
    # "X and unwilling to stop it": only both together exclude.
    conjunctive = re.search(r"\band (unwilling|not willing|unable)\b", r.norm, re.I)
    return Any_(items) if kind == EXCLUSION and not conjunctive else All(items)


def structured_criteria(min_age: float | None, max_age: float | None, min_text: str | None,
                        max_text: str | None, sex: str | None) -> list[tuple[str, str, Node]]:
    """Criteria from the record's structured fields: (kind, text, tree) for age and sex."""
    out: list[tuple[str, str, Node]] = []
    if min_age is not None or max_age is not None:
        words = " to ".join(t for t in (min_text, max_text) if t) if min_text and max_text else \
            (f"{min_text} and older" if min_text else f"up to {max_text}")
        out.append(("age", f"Age: {words} (from the study's record)",
                    Age(min=min_age, max=max_age, source=words)))
    if sex in ("FEMALE", "MALE"):
        out.append(("sex", f"Sex: {sex.lower()} only (from the study's record)",
                    Sex(allowed=[sex.lower()], source=sex)))
    return out


def soften_alternatives(criteria: list[tuple[str, str, Node]]) -> list[Node]:
    """Trial-level reading: criteria that are options of one another cannot fail on their own.

    - after a lead-in such as "any one of the following:" or "are either", the items that
      follow are options;
    - after a lead-in that limits scope ("... will apply to MRI assessments only:"), the
      items that follow apply only to part of the study;
    - two inclusion criteria that cannot both hold (different MS courses; treatment-naive
      versus previously treated) are two groups of the study.
    Each such criterion T becomes Any(T, Review) (or a plain Review for scope limits), so it
    is met or checked by the team, never failed.
    """
    trees = [tree for _, _, tree in criteria]
    mode: dict[str, str | None] = {}
    for i, (kind, text, tree) in enumerate(criteria):
        state = mode.get(kind)
        if state == "options":
            trees[i] = Any_([tree, Review(topic="alternative")])
        elif state == "scope":
            trees[i] = Review(topic="scope", source=text[:200])
        stripped = text.strip().lower()
        if re.search(r"(any one of|one of the following|any of the following|are either|either)\W*$", stripped) or \
                (stripped.endswith(":") and re.search(r"\b(one of|either|any of)\b", stripped)):
            mode[kind] = "options"
        elif stripped.endswith(":") and re.search(r"\b(only|portion|apply to|applies to)\b", stripped):
            mode[kind] = "scope"

    def top_leaves(node: Node) -> list[tuple[Leaf, bool]]:
        if isinstance(node, All):
            return [pair for item in node.items if not isinstance(item, Any_) for pair in top_leaves(item)]
        if isinstance(node, Not) and isinstance(node.item, Leaf):
            return [(node.item, False)]
        if isinstance(node, Leaf):
            return [(node, True)]
        return []

    inclusion = [i for i, (kind, _, _) in enumerate(criteria) if kind == INCLUSION]
    subtype_sets = {i: set(leaf.yes) for i in inclusion for leaf, pol in top_leaves(trees[i])
                    if isinstance(leaf, Subtype) and pol and not isinstance(trees[i], Any_)}
    naive = {i for i in inclusion for leaf, pol in top_leaves(trees[i])
             if isinstance(leaf, Therapy) and not pol and "dmt" in leaf.classes}
    treated = {i for i in inclusion for leaf, pol in top_leaves(trees[i])
               if isinstance(leaf, Therapy) and pol and not leaf.current and "dmt" in leaf.classes}
    groups: set[int] = set()
    ids = sorted(subtype_sets)
    for a_i, a in enumerate(ids):
        for b in ids[a_i + 1 :]:
            if not subtype_sets[a] & subtype_sets[b]:
                groups |= {a, b}
    previously = {i for i in inclusion if i not in naive and re.search(
        r"\b(treated previously|previously treated|prior (treatment|dmt)|previous (disease|dmt|treatment)|switch\w*)",
        criteria[i][1], re.I)}
    if naive and (treated or previously):
        groups |= naive | treated | previously
    for i in groups:
        trees[i] = Any_([trees[i], Review(topic="alternative")])
    return trees
