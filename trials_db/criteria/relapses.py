"""Relapses in a window: "≥1 relapse in the last 12 months", "relapse-free for 30 days"."""

from __future__ import annotations

import re

from ..eligibility import EXCLUSION, INCLUSION
from . import quantities as q
from .nlp import Mention
from .predicates import Not, Relapses
from .reader import Reader
from .scope import Cue, adjacent_negation
from .therapies import _FAILURE as FAILURE_WORDS


_WINDOW = (
    r"(?:within|in|during|over|for(?:\s+(?:at least|a minimum of|more than|over|≥))?)\s+"
    r"(?:the\s+)?(?:last|past|previous|preceding|prior)?\s*" + q.NUM + r"\s*" + q.UNIT
)
_ONE_UNIT = (
    r"(?:within|in|during|over)\s+the\s+(?:last|past|previous|preceding|prior)?\s*()(year|month)\b"
)
_BEFORE_EVENT = q.NUM + r"\s*" + q.UNIT + r"\s*(?:prior to|before)\b"


_AT_MOST = (
    "<",
    "≤",
    "less than",
    "fewer than",
    "up to",
    "at most",
    "no more than",
    "not more than",
    "maximum of",
)


# A most said after the relapse word: "Relapses: no more than 2 in the past year".
_CAP_AFTER = re.compile(
    r"(?:" + "|".join(re.escape(w) for w in _AT_MOST) + r")\s*\d+(?:\.\d+)?"
    # (a count, not a time: "a relapse-free period of less than 6 months")
    r"(?!\.?\d|\s*(?:days?|weeks?|months?|years?|yrs?|mo)\b)|\bor\s+(?:fewer|less)\b",
    re.I,
)


# "a relapse-free period of less than 6 months": a relapse within those 6 months.
_SHORT_FREE = re.compile(
    r"\s*(?:(?:period|interval|time|duration)\s+)?(?:of\s+)?"
    r"(?:(?:less|shorter|fewer)\s+than\b|under\b|<)",
    re.I,
)
# Two counts right before the relapse word ("zero or one relapse" is "0 or 1" once number words
# are digits, q.normalise): a range of counts, which the team reads.
_TWO_COUNTS = re.compile(
    r"\b(?:\d+\s*(?:or|to|-)|between\s+\d+\s+and)\s*\d+\s+(?!or\b)(?:[a-z]+\s+){0,2}$", re.I
)  # ... and "between 1 and 4 relapses"


_COUNT_IN_WINDOW = (
    r"(?P<rel>≥|at least|a minimum of|>|more than)?\s*(?P<count>\d+)\s+"
    r"(?:or more\s+)?(?:(?:clinical|documented)\s+)?"
    r"(?:within|in|during|over)\s+(?:the\s+)?(?:last|past|previous|preceding|prior)?\s*"
    r"(?P<n2>\d+(?:\.\d+)?)?\s*(?P<unit>days?|weeks?|months?|years?|yrs?)\b"
)
# "..., 2 in the previous 2 years, or 3 in the previous 3 years": each item its own way in
_ELLIPTICAL_OR = re.compile(r"\s*(?:,\s*(?:or\s+)?|or\s+)" + _COUNT_IN_WINDOW, re.I)
# The relapse word as a label, its counts after it: "Relapses: ≥ 2 in the last 24 months and
# ≥ 1 in the last 12 months" (each count a rule of its own).
_LABELLED_COUNT = re.compile(r"\s*:\s*" + _COUNT_IN_WINDOW, re.I)
_AND_COUNT = re.compile(r"\s*,?\s*and\s+" + _COUNT_IN_WINDOW, re.I)
# "..., and none in the last 30 days": the window after a count that must hold no relapse
_AND_NONE = re.compile(
    r"\s*,?\s*(?:and|but)\s+(?:none|no relapses?|not any)\s+(?:in|within|during|over)\s+"
    r"(?:the\s+)?(?:last|past|previous|preceding|prior)?\s*" + q.NUM + r"\s*" + q.UNIT,
    re.I,
)
# "..., of which no more than 1 occurred in the last 6 months": a cap inside the count before
_OF_WHICH_CAP = re.compile(
    r"\s*,?\s*(?:of which|of these|of them)\s+(?:no more than|not more than|at most|up to|≤)\s*"
    r"(?P<most>\d+)\s+(?:of (?:them|these|those)\s+)?(?:(?:has|have|had|must have)\s+)?"
    r"(?:occurred\s+)?"
    r"(?:within|in|during|over)\s+(?:the\s+)?(?:last|past|previous|preceding|prior)?\s*"
    + q.NUM
    + r"\s*"
    + q.UNIT,
    re.I,
)
# "..., of which at least 1 occurred in the last 12 months": a count inside the one before
_OF_WHICH = re.compile(
    r"(?:\s+(?:before|prior to)\s+(?:the\s+)?(?:screening|baseline|randomi[sz]ation|enrol\w*|"
    r"inclusion|study entry|day 1))?\s*,?\s*(?:of which|of these|of them|with)\s+"
    + _COUNT_IN_WINDOW.replace(
        r"(?:or more\s+)?",
        r"(?:or more\s+)?(?:of (?:them|these|those)\s+)?"
        r"(?:(?:must\s+have\s+|having\s+)?occurred\s+)?",
    ),
    re.I,
)
# "..., at least one of which occurred in the last 12 months": the same, the count said first
_COUNT_OF_WHICH = re.compile(
    r"\s*,?\s*"
    + _COUNT_IN_WINDOW.replace(
        r"(?:or more\s+)?",
        r"of\s+(?:which|them|these|those)\s+(?:(?:must\s+have\s+|having\s+|has\s+|have\s+)?"
        r"occurred\s+|(?:was|were|must\s+be)\s+)?",
    ),
    re.I,
)


# A count in brackets after the relapse word: "relapses (3 or more)", "(≥ 2)", "(at least two)".
_BRACKETED_COUNT = re.compile(
    r"\s*\(\s*(?:≥|at least|a minimum of|minimum of|(?P<more>>|more than))?\s*(?P<n>\d+)"
    r"\s*(?:or more)?\s*\)",
    re.I,
)
# A quantity word that is no number: "several", "multiple", "repeated", "frequent" relapses.
_SOME_NUMBER = re.compile(
    r"\b(?:several|multiple(?!\s+sclerosis)|repeated|frequent|recurrent|numerous|many|a few|"
    r"some)\s+"
    r"(?:[a-z-]+\s+){0,2}$",
    re.I,
)


def _count_and_months(item: re.Match) -> tuple[int, float]:
    """The count and the window, in months, of one _COUNT_IN_WINDOW match ("≥ 2 in the last 24
    months"; "more than 1" is 2)."""
    count = int(item.group("count")) + (item.group("rel") in (">", "more than"))
    return count, q.to_months(item.group("n2") or 1, item.group("unit"))


def _counts_after_label(r: Reader, m: Mention) -> bool:
    """Read "Relapses: ≥ 2 in the last 24 months and ≥ 1 in the last 12 months"; False when
    the relapse word is no such label."""
    label = _LABELLED_COUNT.match(r.norm, m.end)
    if label is None or r.cues_of(m):
        return False
    item: re.Match | None = label
    while item is not None:
        count, months = _count_and_months(item)
        if count < 1 or months <= 0:
            r.reviews.append("activity")
        else:
            source = re.sub(r"^[\s:,]*(?:and\s+)?", "", item.group(0)).strip()
            r.leaves.append(Relapses(count=count, months=months, source=source))
        r.take(item.start(), item.end())
        item = _AND_COUNT.match(r.norm, item.end())
    r.take(m.start, m.end)
    return True


# The time since the last relapse, compared: "Time since last relapse ≥ 6 months", "whose last
# relapse occurred more than 12 months ago". At least that long is none in that window; less
# than that long is one in it.
_LAST_BEFORE = re.compile(
    r"(?:\btime\s+since\s+(?:the\s+)?|\b)(?:last|most recent|latest)\s+(?:clinical\s+)?$", re.I
)
_SINCE_LAST = re.compile(
    r"\S*\s*(?:(?:must\s+have\s+)?occurred|must\s+be|was|is|of|:|onset)?\s*"
    r"(?P<cmp>≥|>|at least|more than|over|a minimum of|<|≤|less than|within|no more than|"
    r"at most|up to|fewer than)\s*" + q.NUM + r"\s*" + q.UNIT + r"\b"
    r"(?:\s*(?:ago|before|prior to|earlier))?(?!\s*(?:after|from|since))",
    re.I,
)


# The same said with the time first: "At least 6 months since the most recent relapse", "A
# minimum of 6 months must have elapsed since the onset of the most recent relapse".
_TIME_SINCE_LAST = re.compile(
    r"(?P<cmp>≥|>|at least|more than|over|a minimum of|<|≤|less than|no more than|at most|"
    r"up to|fewer than)\s*" + q.NUM + r"\s*" + q.UNIT + r"\s+(?:(?:must|should|will)\s+have\s+|"
    r"has\s+|have\s+)?(?:elapsed\s+|passed\s+|gone by\s+)?since\s+(?:the\s+)?(?:onset\s+of\s+"
    r"(?:the\s+|their\s+|his\s+or\s+her\s+)?)?(?:last|most recent|latest|previous)\s+"
    r"(?:clinical\s+)?$",
    re.I,
)


def _since_last(r: Reader, m) -> bool:
    """Reads "time since last relapse ≥ 6 months" (or "at least 6 months since the most recent
    relapse") at ``m``; whether it did."""
    s_start, _ = r.sentence_around(m.start)
    if r.cues_of(m):
        return False
    lead = _LAST_BEFORE.search(r.norm[s_start : m.start])
    found = _SINCE_LAST.match(r.norm, m.end) if lead is not None else None
    if found is not None:
        start, end, said = s_start + lead.start(), found.end(), m.start
    else:
        found = _TIME_SINCE_LAST.search(r.norm[s_start : m.start])
        if found is None:
            return False
        start, end = s_start + found.start(), m.end
        said = start
    months = q.to_months(found.group(2), found.group(3))
    if months <= 0:
        return False
    leaf = Relapses(count=1, months=months, source=r.norm[said:end].strip())
    long_ago = found.group("cmp").lower() in (
        "≥",
        ">",
        "at least",
        "more than",
        "over",
        "a minimum of",
    )
    r.leaves.append(Not(leaf) if long_ago else leaf)
    r.take(start, end)
    return True


def read(r: Reader) -> None:
    for m in r.of("RELAPSE"):
        s_start, s_end = r.sentence_around(m.start)
        before = r.norm[s_start : m.start]
        if _since_last(r, m):
            continue
        if re.match(r"\s*(therapy|treatment)", r.norm[m.end :], re.I):
            continue  # "relapse therapy" is a treatment, not an event
        if re.search(r"\bpseudo[\s-]*$", before, re.I):
            continue  # "Pseudo-relapse (worsening with fever)": no relapse (the team reads it)
        on_treatment = re.match(
            r"\s*(?:while|whilst|when)?\s*(?:on|despite|during|under)\s+(?:(?:a|the|their|that|"
            r"this|prior|current|an?\s+approved)\s+)?(?:treatment|therapy|dmts?|it|them)\b",
            r.norm[m.end :],
            re.I,
        )
        if on_treatment and not re.match(
            r"[^.;()]{0,20}?\b(?:in|within|during|over)\s+(?:the\s+)?(?:past|last|previous|prior|"
            r"preceding)\b",
            r.norm[m.end + on_treatment.end() :],
            re.I,
        ):  # not "... with at least one relapse while on treatment in the past year": dated
            # "failed a DMT (relapse while on treatment for ≥ 6 months)": the failure's meaning,
            # read by the failure rule; alone, activity on treatment the team reads
            if not FAILURE_WORDS.search(r.norm):
                r.reviews.append("activity")
            r.take(m.start, m.end)
            continue
        remission = "remission" in m.text.lower()
        if re.search(
            r"(independent of|not explained by|unrelated to|regardless of)\s+(\w+\s+){0,2}$",
            before,
            re.I,
        ):
            continue
        if r.kind == EXCLUSION and re.search(
            r"\w[^.;]*?,?\s+in the absence of\s+(\w+\s+){0,2}$",
            before,
            re.I,
        ):
            # "Disability worsening in the prior year, in the absence of relapses": a bar on the
            # worsening, which the relapses only qualify; no bar on having none of them
            r.reviews.append("activity")
            r.take(m.start, m.end)
            continue
        if re.match(r"\s*(?:(are|is)?\s*defined|being|means?)\b", r.norm[m.end :], re.I):
            continue  # "Relapses are defined as ...", "a relapse being ...": explains a word
        if _counts_after_label(r, m):
            continue
        treated_for = re.search(
            r"\bfor\s+(?:an?\s+|the\s+|their\s+|(?:an?\s+)?ms\s+|(?:an?\s+)?acute\s+)*$",
            before,
            re.I,
        )
        if treated_for and any(
            d.end <= m.start and m.start - d.end <= 40 for d in r.of("DRUG", "DRUG_CLASS")
        ):
            continue  # "methylprednisolone for a relapse within 60 days": why it was given
        # The time window: after the mention in its sentence, else just before it.
        after = r.norm[m.start : min(s_end, m.start + 110)]
        base, window = (
            m.start,
            re.search(_WINDOW, after, re.I) or re.search(_BEFORE_EVENT, after, re.I),
        )
        one = re.search(_ONE_UNIT, after, re.I)  # "in the year prior to inclusion": one year
        if one is not None and (window is None or one.start() < window.start()):
            window = one  # "relapse within the past year or 2 relapses in the past 2 years"
        if (
            window is not None
            and not remission
            and not re.match(r"\S*[- ]free\b", m.text + r.norm[m.end :], re.I)  # "relapse-free"
            and not r.cues_of(m)  # "free of relapses and of steroids for 30 days": shared
            and window.group(0).lower().startswith("for")
            and any(m.end <= d.start < base + window.start() for d in r.of("DRUG", "DRUG_CLASS"))
        ):
            window = None  # "relapse while on X for at least 6 months": how long on the drug
        if window is None:
            base = max(s_start, m.start - 60)
            pattern = q.NUM + r"\s*" + q.UNIT + r"\s+in\s+$" if remission else _WINDOW
            window = re.search(pattern, r.norm[base : m.start], re.I)
            if window is not None and any(
                a < base + window.end() and base + window.start() < b for a, b in r.used
            ):  # "Relapse-free for 12 months, with at least one relapse ever": not its window
                window = None
        if window is None:
            continue
        lead = r.norm[max(0, base + window.start() - 25) : base + window.start()]
        if (
            not remission
            and re.search(r"(at least|more than|over|≥|>|a minimum of)\s*$", lead, re.I)
            and not re.search(r"\bfor\s+(at least|more than|over|≥|>|a minimum of)\s*$", lead, re.I)
        ):
            continue  # "at least 1 year prior to randomization": a time since, not a window
        months = q.to_months(window.group(1) or 1, window.group(2))
        if months <= 0:
            continue
        two = _TWO_COUNTS.search(before)
        if two:
            # "Between 1 and 3 relapses in the 2 years before screening" as an inclusion: at
            # least the first and no more than the second; else ("zero or one relapse" beside a
            # cue, a range that bars) the team reads it
            lo, hi = (int(x) for x in re.findall(r"\d+", two.group(0))[:2])
            if r.kind == INCLUSION and lo < hi and not r.cues_of(m):
                source = r.norm[s_start + two.start() : base + window.end()]
                if lo > 0:
                    r.leaves.append(Relapses(count=lo, months=months, source=source))
                r.leaves.append(Not(Relapses(count=hi + 1, months=months, source=source)))
                r.take(s_start + two.start(), m.end)
                r.take(base + window.start(), base + window.end())
                continue
            r.reviews.append("activity")  # "zero or one relapse", "1 to 2 relapses": a range
            r.take(m.start, m.end)
            continue
        # How many: "≥2 relapses", "two or more documented relapses", "at least one relapse".
        count = 1
        cm = re.search(
            r"(≥|at least|a minimum of|minimum of|>|more than|greater than|over|"
            r"<|≤|less than|fewer than|up to|at most|no more than|not more than|maximum of)?"
            # not the 5 of "EDSS of 3.0-6.5 but no relapse": a whole number, no "but" between
            r"\s*(?<![\d.,])(\d+)\s*(?:or (more|fewer|less|under|below)\s+)?"
            # ("fewer than 1 protocol-defined relapse": a word may be joined by a hyphen)
            r"(?:(?!(?:but|and|or|with|no|not|without)\b)[a-z]+(?:-[a-z]+)?\s+){0,3}$",
            before,
            re.I,
        )
        if cm and not remission:
            n = int(cm.group(2))
            word = (cm.group(1) or "").lower()
            # "1 or fewer relapses", "One relapse or fewer in the previous 2 years"
            fewer_after = re.match(
                r"\s*or\s+(?:fewer|less|under|below)\b", r.norm[m.end :], re.I
            )  # ("one relapse or under": at most one)
            fewer = (cm.group(3) or "").lower() in ("fewer", "less", "under", "below") or bool(
                fewer_after
            )
            if fewer_after:
                r.take(m.end, m.end + fewer_after.end())
            if word in _AT_MOST or fewer:
                # "no more than 1 relapse in the past year": not 2 or more in it; "fewer than
                # 3": not 3 or more ("2 or fewer" is at most 2)
                below = word in ("<", "less than", "fewer than")
                most = n - 1 if below else n
                count_at = s_start + cm.start()
                others = [c for c in r.cues_of(m) if not count_at <= c.start < m.start]
                if most < 0 or others:  # not the "no" of "no more than" itself
                    r.reviews.append("activity")  # a cue beside a most: the team reads it
                    r.take(count_at, m.end)
                    continue
                leaf = Relapses(
                    count=most + 1,
                    months=months,
                    source=r.norm[count_at : max(m.end, base + window.end())],
                )
                r.leaves.append(Not(leaf))
                r.take(count_at, m.end)
                r.take(base + window.start(), base + window.end())
                continue
            count = n + 1 if word in (">", "more than", "greater than", "over") else n
        own = re.split(
            r"[,;(]|\b(?:and|or(?!\s+(?:fewer|less)\b)|but|with|edss|age|score)\b",
            r.norm[m.end : s_end],
            1,
            re.I,
        )[0]
        if not cm and not remission and _CAP_AFTER.search(own):
            # "Relapses in the past year: no more than 2": a most said after the relapse word,
            # which no count before it gives; never "at least one" (the team reads it)
            r.reviews.append("activity")
            r.take(m.start, m.end)
            continue
        bracket = _BRACKETED_COUNT.match(r.norm, m.end) if not cm else None
        if bracket and not remission:
            # "Several relapses (3 or more) in the past 12 months": the count the brackets give
            count = int(bracket.group("n")) + (bracket.group("more") is not None)
            some = _SOME_NUMBER.search(before)
            r.take(s_start + some.start() if some else m.end, bracket.end())
        elif not cm and r.kind == EXCLUSION and _SOME_NUMBER.search(before):
            # "Multiple relapses in the past year" as a bar: how many is not said, and one
            # relapse would bar too many; the team reads it
            r.reviews.append("activity")
            r.take(m.start, m.end)
            continue
        cues = r.cues_of(m)
        said_free = bool(re.search(r"relapse[- ]free", m.text, re.I))
        short = _SHORT_FREE.match(r.norm, m.end)
        # "not been relapse-free for 6 months", "a relapse-free period of less than 6 months": a
        # relapse in the window, the denial denied
        free = said_free and not (r.denial_denied(m.start) or short)
        if short and not free:
            r.take(m.end, short.end())
        negated = (
            remission
            or (bool(cm) and count == 0)  # "0 relapses", "Zero relapses in the past year"
            or free
            or (
                not said_free
                and bool(cues)
                and all(c.cue is Cue.NEGATED for c in cues)
                and adjacent_negation(r.norm, m, cues)
            )
        )
        leaf = Relapses(
            count=max(count, 1),
            months=months,
            source=r.norm[min(m.start, base + window.start()) : max(m.end, base + window.end())],
        )
        r.leaves.append(Not(leaf) if negated else leaf)
        r.take(m.start, m.end)
        r.take(base + window.start(), base + window.end())
        if negated or base + window.start() < m.start:
            continue
        # "≥ 1 relapse in the 12 months, and ≥ 2 in the 24 months", "2 or more relapses in 2
        # years, of which at least 1 in the last 12 months": each count is required too
        also = (
            _AND_COUNT.match(r.norm, base + window.end(), s_end)
            or _OF_WHICH.match(r.norm, base + window.end(), s_end)
            or _COUNT_OF_WHICH.match(r.norm, base + window.end(), s_end)
        )
        at_end = base + window.end()
        while also is not None:
            count2, months2 = _count_and_months(also)
            if months2 > 0 and count2 > 0:
                r.leaves.append(
                    Relapses(count=count2, months=months2, source=also.group(0).strip(" ,"))
                )
            r.take(also.start(), also.end())
            at_end = also.end()
            also = _AND_COUNT.match(r.norm, also.end(), s_end)
        # A most in a shorter window, its relapse word left out: "..., of which no more than
        # one occurred in the 6 months before screening" (not two or more in it), "..., and
        # none in the last 30 days" (not one)
        for tail in (_OF_WHICH_CAP, _AND_NONE) if r.kind == INCLUSION else ():
            said = tail.match(r.norm, at_end, s_end)
            if said is None:
                continue
            n, unit = said.groups()[-2:]
            months2 = q.to_months(n or 1, unit)
            if 0 < months2 < months:
                most = int(said.group("most")) if "most" in tail.groupindex else 0
                r.leaves.append(
                    Not(Relapses(count=most + 1, months=months2, source=said.group(0).strip(" ,")))
                )
                r.take(said.start(), said.end())
        # "≥1 relapse in the prior year or ≥2 in the prior 2 years": the second count, its
        # relapse word left out, is another way in (parser.py makes them alternatives)
        at = base + window.end()
        other = _ELLIPTICAL_OR.match(r.norm[at:s_end])
        while other and re.search(r"\bor\b", r.norm[at:s_end], re.I):
            months2 = q.to_months(other.group("n2") or 1, other.group("unit"))
            count2 = int(other.group("count"))
            if other.group("rel") and other.group("rel").lower() in (">", "more than"):
                count2 += 1
            if months2 > 0 and count2 > 0:
                r.leaves.append(
                    Relapses(count=count2, months=months2, source=other.group(0).strip())
                )
                r.take(at, at + other.end())
            at += other.end()
            other = _ELLIPTICAL_OR.match(r.norm[at:s_end])
