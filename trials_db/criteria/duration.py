"""Disease duration: time since diagnosis, or since the first symptoms."""

from __future__ import annotations

import re

from . import quantities as q
from .predicates import All, Any_, DiseaseDuration, Review
from .reader import Reader


_DURATION_WORDS = (
    r"\b(?:evolution time|disease duration|duration of (?:the )?(?:disease|ms|multiple sclerosis"
    r"|illness)|time since (?:ms |the )?diagnosis)(?:\s*:)?"  # a form's label: "Disease duration:"
)
_COMPARISON = (
    r"(not less than|no less than|at least|more than|greater than|longer than|over|>|≥|a minimum of"
    r"|less than|shorter than"
    r"|<|≤|up to|under|no more than|not more than|at most|not exceeding|not to exceed|"
    r"no longer than|not longer than)"
)


# "an acute relapse with onset within the past 14 days", "onset of the current attack": the
# onset of one attack, not of the disease, so no disease duration is read from it.
_ATTACK = r"(?:relapses?|attacks?|exacerbations?|flares?|episodes?)"
# ("an acute relapse, with onset of symptoms no more than 14 days before")
_ATTACK_BEFORE = re.compile(r"\b" + _ATTACK + r"\b(?:[^.;,]{0,20}|,\s*with\s+)$", re.I)
_ATTACK_AFTER = re.compile(
    r"\s+of\s+(?:the\s+|a\s+|an\s+|this\s+|that\s+|their\s+)?(?:current\s+|acute\s+|qualifying\s+"
    r"|most\s+recent\s+|last\s+|index\s+)*" + _ATTACK + r"\b",
    re.I,
)


def _an_attack_s_onset(t: str, m: re.Match) -> bool:
    """The match's "onset" is of a relapse or attack named next to it, not of the disease."""
    if not m.group(0).lower().startswith("onset"):
        return False
    return bool(_ATTACK_BEFORE.search(t[: m.start()]) or _ATTACK_AFTER.match(t, m.start() + 5))


# A bound on the time since onset: "at least 1 year", "no more than 10 years" (not the "more
# than" inside "no more than").
_ONSET_BOUND = (
    r"(?<!no )(?<!not )(at least|more than|over|≥|>|a minimum of|no more than|not more than|"
    r"less than|under|at most|up to|≤|<)\s*" + q.NUM + r"\s*" + q.UNIT
)
# What each comparison word bounds, for every duration rule: a most (inclusive, or strictly
# below) or else a least (inclusive for these).
_BELOW = ("less than", "<", "under", "shorter than")
_MOST = _BELOW + (
    "≤",
    "up to",
    "no more than",
    "not more than",
    "at most",
    "not exceeding",
    "not to exceed",
    "no longer than",
    "not longer than",
)
_AT_LEAST = ("at least", "≥", "a minimum of", "not less than", "no less than")

# "2 to 15 years", "1 and 10 years": a range of times (min, max, unit)
_RANGE = q.NUM + r"\s*(?:-|to|and)\s*" + q.NUM + r"\s*" + q.UNIT
_FROM_ONSET = re.compile(
    r"[^.;]{0,30}?\b(?:since|from|after)\s+(?:the\s+)?(?:first|initial|onset of)?\s*(?:ms\s+)?"
    r"(?:symptoms?|onset|clinical)\b\w*",
    re.I,
)


# A most said right after a least: "Disease duration ≥ 1 year and ≤ 20 years".
_SECOND_BOUND = re.compile(
    r"\s*(?:and|but|,)\s*" + _COMPARISON + r"\s*" + q.NUM + r"\s*" + q.UNIT, re.I
)


# A bound said after the time it bounds: "MS for 10 years or less", "... 2 years or longer".
_BOUND_AFTER = re.compile(
    r"\s*(?:(?P<most>or (?:less|fewer|shorter|under)|and (?:under|less)|at (?:the )?most|"
    r"maximum|max\.?)|or (?:more|longer|greater|over)|and (?:over|more)|at (?:the )?least|minimum"
    r"|min\.?)\b",
    re.I,
)


# A compared time ("at least 6 months") and what it is before ("prior to screening", "ago").
_BOUND = _COMPARISON + r"\s*" + q.NUM + r"\s*" + q.UNIT
_BEFORE_NOW = r"\s*(?:prior to|before|ago|earlier)\b"


def read(r: Reader) -> None:
    t = r.norm
    patterns = [
        (
            r"\bdiagnos\w*\s+(?:was\s+)?(?:established|made)?\s*(?:between|from)\s+" + _RANGE,
            "range",
        ),
        (
            # the time is the diagnosis's own, not another fact's told between them ("a
            # diagnosis of SPMS and no relapse for 2 years")
            r"\bdiagnos\w*(?:(?!\b(?:relaps\w*|attacks?|exacerbations?|treat\w*|therap\w*|"
            r"steroids?|no|not|without|free)\b)[^.;]){0,40}?\bfor\s+"
            # "a diagnosis of MS for no more than 10 years": a most as well as a least
            r"(at least|more than|over|>|≥|a minimum of|no more than|not more than|at most|"
            r"less than|up to|under)?\s*" + q.NUM + r"\s*" + q.UNIT,
            "min",
        ),
        (  # "MS for at least 2 years", "MS for less than 10 years"; not "treated for MS for"
            r"(?<!for )\b(?:ms|multiple sclerosis)\s+for\s+"
            + _COMPARISON
            + r"?\s*"
            + q.NUM
            + r"\s*"
            + q.UNIT,
            "cmp",
        ),
        (
            _DURATION_WORDS
            # "disease duration from onset of symptoms of less than 15 years"
            + r"(?P<onset>\s+(?:from|since)\s+(?:the\s+)?(?:onset|first)(?:\s+of)?"
            r"(?:\s+(?:first|ms))?(?:\s+symptoms?)?|"
            # "Disease duration (time from first symptoms [per patient report]) of <= 15 years"
            r"\s*\(\s*(?:time\s+)?(?:from|since)\s+(?:the\s+)?(?:onset|first)[^()]{0,60}\))?"
            # "Duration of disease since diagnosis not exceeding 20 years"
            + r"(?:\s+since\s+(?:the\s+)?diagnosis)?"
            + r"\s+(?:of\s+)?"
            + _COMPARISON
            + r"\s*"
            + q.NUM
            + r"\s*"
            + q.UNIT,
            "cmp",
        ),
        (
            _DURATION_WORDS
            + r"\s+(?:of\s+)?"
            + q.NUM
            + r"\s*"
            + q.UNIT
            + r"\s+or (less|fewer|shorter|more|longer|greater)\b",
            "or",
        ),
        (  # "Time since first MS symptom of ≥ 1 year but < 15 years": counted from onset
            r"\btime (?:since|from) (?P<onset>(?:the\s+)?"
            r"(?:(?:first|initial)\s+(?:ms\s+|clinical\s+)?(?:symptoms?|event|attack|relapse|episode)|(?:ms\s+|disease\s+|symptom\s+)?onset))"
            r"\s+(?:of\s+)?" + _COMPARISON + r"\s*" + q.NUM + r"\s*" + q.UNIT,
            "cmp",
        ),
        (  # "MS of at least 2 years' duration", "RRMS of not less than one year's duration"; not
            # the time of what MS caused ("pain, due to multiple sclerosis, of at least 3 months
            # duration")
            r"(?<!due to )(?<!caused by )(?<!secondary to )(?<!related to )(?<!attributed to )"
            r"\b(?:ms|multiple sclerosis|rrms|spms|ppms|disease|type)\b[^.;]{0,40}?\bof\s+"
            + _COMPARISON
            + r"\s*"
            + q.NUM
            + r"\s*"
            + q.UNIT
            + r"(?:'s?|s')?\s+(?:disease\s+)?duration\b",
            "cmp",
        ),
        (
            r"\bdiagnos\w*[^.;]{0,50}?\bwithin the (?:past|last|previous) "
            + q.NUM
            + r"\s*"
            + q.UNIT,
            "max",
        ),
        (  # "Diagnosis made within 12 months of screening": counted back from the study's time
            r"\bdiagnos\w*[^.;]{0,50}?\bwithin\s+"
            + q.NUM
            + r"\s*"
            + q.UNIT
            + r"\s+(?:of|before|prior to)\s+(?:the\s+)?"
            r"(?:screening|baseline|randomi[sz]ation|enrol\w*|study entry|day 1|consent)\b",
            "max",
        ),
        (r"\bdiagnos\w*[^.;]{0,60}?\bsince at least " + q.NUM + r"\s*" + q.UNIT, "min"),
        (  # "disease duration of 2 to 15 years", "disease duration between 1 and 10 years"
            _DURATION_WORDS + r"\s+(?:of\s+)?(?:between|from)?\s*" + _RANGE,
            "range",
        ),
        (  # "Diagnosis of MS at least 6 months and no more than 5 years before screening"
            r"\bdiagnos\w*[^.;]{0,40}?(?:\b|(?<=\s)(?=[<>≤≥]))"
            + _BOUND
            + r"\s+(?:and|but)\s+"
            + _BOUND
            + _BEFORE_NOW,
            "two",
        ),
        (  # "Diagnosis of MS at least 1 year prior to screening", "diagnosed less than 5 years ago"
            r"\bdiagnos\w*[^.;]{0,40}?(?:\b|(?<=\s)(?=[<>≤≥]))" + _BOUND + _BEFORE_NOW,
            "cmp",
        ),
        (  # "less than 3 years since diagnosis"
            _COMPARISON
            + r"\s*"
            + q.NUM
            + r"\s*"
            + q.UNIT
            + r"\s+(?:since|from|after)\s+(?:the\s+|their\s+|ms\s+)?(?:first\s+)?diagnos\w*",
            "cmp",
        ),
        # after the longer forms above, which read the same words whole
        (  # "Diagnosis of RRMS for 1 to 10 years": a range of the diagnosis's own time
            r"\bdiagnos\w*(?:(?!\b(?:relaps\w*|attacks?|exacerbations?|treat\w*|therap\w*|"
            r"steroids?|no|not|without|free)\b)[^.;]){0,40}?\bfor\s+(?:between\s+)?" + _RANGE,
            "range",
        ),
        (  # "an MS diagnosis of at least 10 years"
            r"\bdiagnos\w*\s+of\s+"
            + _COMPARISON
            + r"\s*"
            + q.NUM
            + r"\s*"
            + q.UNIT
            + r"(?!\s*(?:ago|prior|before|earlier|old|of age))",
            "cmp",
        ),
    ]
    read_here: list[tuple[int, int]] = []
    for pattern, how in patterns:
        for m in re.finditer(pattern, t, re.I):
            if any(s < m.end() and m.start() < e for s, e in read_here):
                continue  # its words were read by an earlier pattern: one fact, read once
            read_here.append(m.span())
            if re.match(
                r"\s*(prior to|before) (the )?(initiation|start|starting)", t[m.end() :], re.I
            ):
                r.reviews.append("diagnosis")
                r.take(m.start(), m.end())
                continue
            if how == "or":  # "disease duration of 5 years or less"
                value = q.to_months(m.group(1), m.group(2)) / 12
                leaf = (
                    DiseaseDuration(max=value, source=m.group(0))
                    if m.group(3).lower() in ("less", "fewer", "shorter")
                    else DiseaseDuration(min=value, source=m.group(0))
                )
                r.leaves.append(leaf)
                r.take(m.start(), m.end())
                continue
            unit = m.group(m.lastindex)
            if how == "two":
                bounds = [
                    (m.group(i).lower(), q.to_months(m.group(i + 1), m.group(i + 2)) / 12)
                    for i in (m.lastindex - 5, m.lastindex - 2)
                ]
                most = [(op, v) for op, v in bounds if op in _MOST]
                least = [(op, v) for op, v in bounds if op not in _MOST]
                if len(most) != 1 or len(least) != 1 or least[0][1] >= most[0][1]:
                    continue  # not one least and one most: the next patterns read it
                leaf = DiseaseDuration(
                    min=least[0][1],
                    min_inclusive=least[0][0] in _AT_LEAST,
                    max=most[0][1],
                    max_inclusive=most[0][0] not in _BELOW,
                    source=m.group(0),
                )
                r.leaves.append(leaf)
                r.take(m.start(), m.end())
                continue
            if how == "range":
                lo, hi = q.to_months(m.group(1), unit) / 12, q.to_months(m.group(2), unit) / 12
                leaf = DiseaseDuration(min=lo, max=hi, source=m.group(0))
            elif how == "max":
                leaf = DiseaseDuration(max=q.to_months(m.group(1), unit) / 12, source=m.group(0))
            else:
                # the comparison is the group before the number's (after an "onset" group)
                op = (
                    (m.group(m.lastindex - 2) or "at least").lower()
                    if m.lastindex >= 3
                    else "at least"
                )
                value = q.to_months(m.group(m.lastindex - 1), unit) / 12
                said_after = (
                    _BOUND_AFTER.match(t, m.end())
                    if m.lastindex < 3 or not (m.group(m.lastindex - 2))
                    else None
                )
                if said_after:  # "MS for 10 years or less": the bound is said after the time
                    op = "at most" if said_after.group("most") else "at least"
                    r.take(said_after.start(), said_after.end())
                if op in _MOST:
                    leaf = DiseaseDuration(
                        max=value, max_inclusive=op not in _BELOW, source=m.group(0)
                    )
                else:
                    leaf = DiseaseDuration(
                        min=value, min_inclusive=op in _AT_LEAST, source=m.group(0)
                    )
            second = _SECOND_BOUND.match(t, m.end()) if how == "cmp" and leaf.max is None else None
            if second and second.group(1).lower() in _MOST:  # "≥ 1 year and ≤ 20 years"
                value = q.to_months(second.group(2), second.group(3)) / 12
                leaf = DiseaseDuration(
                    min=leaf.min,
                    min_inclusive=leaf.min_inclusive,
                    max=value,
                    max_inclusive=second.group(1).lower() not in _BELOW,
                    source=m.group(0) + second.group(0),
                )
                r.take(second.start(), second.end())
            from_onset = _FROM_ONSET.match(t, m.end()) or (
                m if "onset" in m.re.groupindex and m.group("onset") else None
            )
            if from_onset:
                # "since first symptoms": onset comes before the diagnosis the profile knows, so
                # a least time is met when the diagnosis is that old, a most is never certain.
                leaf = (
                    Any_([leaf, Review(topic="diagnosis")])
                    if leaf.min is not None and leaf.max is None
                    else All([leaf, Review(topic="diagnosis")])
                )
                r.take(m.end(), from_onset.end())
            r.leaves.append(leaf)
            r.take(m.start(), m.end())

    # Time since the first symptoms: the profile knows the diagnosis, which comes after onset.
    # A limit can then fail only when it fails for the diagnosis too; otherwise the team checks.
    onset = (
        re.search(
            r"\b(?:onset|first symptoms?|symptom onset|first clinical (?:symptoms?|event))\b"
            r"[^.;]{0,30}?"
            r"\bwithin the (?:past|last|previous) " + q.NUM + r"\s*" + q.UNIT,
            t,
            re.I,
        )
        or re.search(  # "Within 10 years of the first MS symptom"
            r"\bwithin\s+" + q.NUM + r"\s*" + q.UNIT + r"\s+(?:of|from|since)\s+(?:the\s+)?"
            r"(?:(?:first|initial)\s+(?:ms\s+|clinical\s+)?(?:symptoms?|event)|(?:ms\s+|symptom\s+)?onset)\b",
            t,
            re.I,
        )
    )
    # "Onset of first relapse at least 1 year prior to randomization": a minimum since onset is
    # met when the diagnosis is that old (it comes after onset); otherwise the team checks.
    # "Onset ... no more than 10 years prior": a most fails when the diagnosis is older, as
    # onset is older still; otherwise the team checks. Both bounds may be said ("more than 2
    # years and less than 15 years prior").
    since = re.search(
        r"\b(?:onset|first symptoms?|symptom onset|first clinical (?:symptoms?|event)|"
        r"first (?:relapse|attack|episode))\b(?P<span>[^.;]{0,30}?"
        r"\b" + _ONSET_BOUND + r"(?:\s+(?:and|but)\s+" + _ONSET_BOUND + r")?)"
        r"\s*(?:prior|before|ago|earlier)\b",
        t,
        re.I,
    )
    if since and _an_attack_s_onset(t, since):
        since = None
    if onset and _an_attack_s_onset(t, onset):
        onset = None
    if since and not any(s <= since.start() < e for s, e in r.used):
        for bound in re.finditer(_ONSET_BOUND, since.group("span"), re.I):
            op = bound.group(1).lower()
            years = q.to_months(bound.group(2), bound.group(3)) / 12
            if op in _MOST:
                leaf = DiseaseDuration(
                    max=years, max_inclusive=op not in _BELOW, source=since.group(0)
                )
                r.leaves.append(All([leaf, Review(topic="diagnosis")]))
            else:
                leaf = DiseaseDuration(
                    min=years, min_inclusive=op in _AT_LEAST, source=since.group(0)
                )
                r.leaves.append(Any_([leaf, Review(topic="diagnosis")]))
        r.take(since.start(), since.end())
    if onset and not any(s <= onset.start() < e for s, e in r.used):
        years = q.to_months(onset.group(1), onset.group(2)) / 12
        r.leaves.append(
            All([DiseaseDuration(max=years, source=onset.group(0)), Review(topic="diagnosis")])
        )
        r.take(onset.start(), onset.end())
