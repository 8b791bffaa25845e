"""Pregnancy, breastfeeding and contraception, read with the scope layer's cues."""

from __future__ import annotations

import re

from ..eligibility import EXCLUSION
from .nlp import Mention
from .predicates import All, Breastfeeding, Contraception, Not, Pregnant, Review
from .reader import UNLESS, Reader
from .scope import Cue, adjacent_negation


# The result of a pregnancy test states the status: "positive serum or urine pregnancy test".
_TEST_RESULT = re.compile(
    r"\b(positive|negative)\s+((serum|urine|blood|beta-?hcg|β-?hcg|or|and|/)\s*)*$", re.I
)
# The same result told by the hormone the test measures: "positive serum β-hCG".
_HCG_RESULT = re.compile(
    r"\b(positive|negative)\s+(?:(?:serum|urine|blood|quantitative|qualitative)\s+)*"
    r"(?:β|beta|b)?[- ]?hcg\b",
    re.I,
)
# ... or said after it, as a form's field: "Pregnancy test: positive".
_RESULT_AFTER = re.compile(r"\s*test\s*[:=]\s*(positive|negative)\b", re.I)
# An exception that names contraception: "..., unless using a highly effective method of".
_UNLESS = re.compile(rf"\b{UNLESS}\b[^.;]{{0,60}}$", re.I)
_PREG_NOT_STATUS = re.compile(
    # not "state of pregnancy": a status
    r"(during|(?<!state )(?<!condition )of|prevent|avoid|become|becoming|intention|planning|plan|"
    # a reason or a time before or after, no status: "DMF was interrupted for pregnancy"
    r"(?<!pregnant )(?<!eligible )(?<!not )(?<!negative )(?<!positive )(?<!tested )for|"
    r"because of|due to|owing to|after|following|"
    r"since|prior to|throughout|"
    r"weeks of|test)\s+(\w+\s+)?$",
    re.I,
)


def _spent_plans(text: str, m: Mention, cues: list, pregnancies) -> list:
    """The plans ("planning", "intending") over ``m`` that took their object before it, ending a
    list item ("planning a pregnancy, or breastfeeding"): they say nothing of ``m``."""
    return [
        c
        for c in cues
        if c.cue is Cue.HYPOTHETICAL
        and any(
            c.end <= p.start < m.start
            and re.fullmatch(r"\s*,\s*(?:or|and|and/or)?\s*", text[p.end : m.start])
            for p in pregnancies
        )
    ]


def _family(r: Reader) -> tuple[Mention, ...]:
    """Pregnancy and breastfeeding mentions: one negation can cover a list of them."""
    return tuple(r.of("PREGNANCY", "BREASTFEEDING"))


def read(r: Reader) -> None:
    text = r.norm
    said = r.of("CONTRACEPTION")
    for m in said:
        r.take(m.start, m.end)
    cues = [
        c for m in said for c in r.cues_of(m) if c.cue is not Cue.HISTORICAL
    ]  # "after the last dose"
    if any(c.cue is not Cue.NEGATED for c in cues):
        r.reviews.append("reproductive")  # "may be using hormonal contraceptives": a permission
    elif cues:  # "not using", "unwilling to use", "inability to comply with contraception"
        r.leaves.append(
            Not(Contraception(source=said[0].text))
            if r.kind == EXCLUSION
            else Contraception(source=said[0].text)
        )
    elif said and _UNLESS.search(text[: said[0].start]) and r.kind == EXCLUSION:
        # "Women of childbearing potential, unless using effective contraception": the exception
        # is what the study asks for, in either section.
        r.leaves.append(Not(Contraception(source=said[0].text)))
    elif said:
        r.leaves.append(Contraception(source=said[0].text))
    for m in r.of("PREGNANCY"):
        before = text[max(0, m.start - 30) : m.start]
        after = text[m.end : m.end + 15]
        cues = r.cues_of(m)
        if any(c.cue is not Cue.NEGATED for c in cues):
            r.reviews.append(
                "reproductive"
            )  # planning, a past pregnancy, the mother's: not a status
            r.take(m.start, m.end)
            continue
        result = _TEST_RESULT.search(before) if re.match(r"\s*test", after, re.I) else None
        labelled = _RESULT_AFTER.match(after)
        if result is None and labelled and not cues:  # "Pregnancy test: positive"
            leaf = Pregnant(source=text[m.start : m.end + labelled.end()])
            r.leaves.append(leaf if labelled.group(1).lower() == "positive" else Not(leaf))
            r.take(m.start, m.end + labelled.end())
            continue
        if result and not cues and r.kind == EXCLUSION and result.group(1).lower() == "negative":
            # "Required ... and therefore exclusionary if absent: ... a negative pregnancy test":
            # a result that lets people in, listed as a bar, is a condition, not a status
            r.reviews.append("reproductive")
            r.take(m.start, m.end)
            continue
        if result and not cues:  # "Positive pregnancy test": pregnant; "a negative ...": not
            leaf = Pregnant(source=text[max(0, m.start - 30) + result.start() : m.end])
            if not any(
                isinstance(x, Pregnant) or isinstance(getattr(x, "item", None), Pregnant)
                for x in r.leaves
            ):
                r.leaves.append(leaf if result.group(1).lower() == "positive" else Not(leaf))
            r.take(
                max(0, m.start - 30) + result.start(), m.end + len(after) - len(after.lstrip()) + 4
            )
            continue
        if _PREG_NOT_STATUS.search(before) or re.match(r"\s*test", after, re.I):
            if re.search(r"intention|planning|plan|become|becoming", before, re.I):
                r.reviews.append("reproductive")
            r.take(m.start, m.end)
            continue
        if cues and adjacent_negation(
            text, m, cues, _family(r)
        ):  # "not pregnant", "no pregnant or nursing women"
            if (
                r.kind == EXCLUSION
            ):  # "those who are not pregnant but ...": a condition, not a status
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
    hcg = _HCG_RESULT.search(text)
    if hcg and not r.of("PREGNANCY") and not r.reading.cues_over(hcg.start(), hcg.end()):
        # "Positive serum β-hCG at screening": the test's result is the status, its name alone
        leaf = Pregnant(source=hcg.group(0))
        r.leaves.append(leaf if hcg.group(1).lower() == "positive" else Not(leaf))
        r.take(hcg.start(), hcg.end())
    for m in r.of("BREASTFEEDING"):
        cues = r.cues_of(m)
        spent = _spent_plans(text, m, cues, r.of("PREGNANCY"))
        if (
            spent
        ):  # "pregnant, planning a pregnancy, or breastfeeding": the plan was the pregnancy's
            r.read_cues.update(c.start for c in spent)
            cues = [c for c in cues if c not in spent]
        if any(c.cue is not Cue.NEGATED for c in cues):
            r.reviews.append("reproductive")
        elif cues and adjacent_negation(text, m, cues, _family(r)):  # "not pregnant or lactating"
            if r.kind == EXCLUSION:
                r.reviews.append("reproductive")
            elif not any(
                isinstance(x, Not) and isinstance(x.item, Breastfeeding) for x in r.leaves
            ):
                r.leaves.append(Not(Breastfeeding(source=m.text)))
        elif not any(isinstance(x, Breastfeeding) for x in r.leaves):
            r.leaves.append(Breastfeeding(source=m.text))
        r.take(m.start, m.end)
