"""Questions about the results: which studies are for an MS course, which have a site in a
country, which don't fit and why. Answers come from the same match, never from new rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..criteria.nlp import pipeline
from ..lexicon import load as load_lexicon
from ..profile import Profile
from .evaluate import NOT_ELIGIBLE, NOT_MET, TrialResult, TrialRules, evaluate_trial


@dataclass(frozen=True)
class ResultsQuestion:
    """What a question about the results asks for: MS courses and/or a country."""

    courses: tuple[str, ...] = ()  # RRMS, SPMS, PPMS, CIS, RIS
    course_words: str | None = None  # as the person said it ("progressive MS")
    country: str | None = None  # CT.gov spelling

    @property
    def empty(self) -> bool:
        return not self.courses and not self.country


def read_question(text: str, country: str | None = None) -> ResultsQuestion:
    """The MS courses a question names ("progressive MS" = SPMS and PPMS) and its country."""
    lex = load_lexicon()
    courses: list[str] = []
    words: list[str] = []
    for ent in pipeline()(text).ents:
        if ent.label_ == "SUBTYPE":
            courses.append(ent.ent_id_)
        elif ent.label_ == "SUBTYPE_GROUP" and ent.ent_id_ != "ms":
            group = lex.groups[ent.ent_id_]
            courses += list(group.yes)
        else:
            continue
        words.append(ent.text)
    return ResultsQuestion(tuple(dict.fromkeys(courses)), " and ".join(words) or None, country)


def open_to_course(rules: TrialRules, courses: tuple[str, ...]) -> bool:
    """Whether someone with one of ``courses`` is not ruled out by the study's MS-course rules
    (every other fact left unknown, so only the course can fail it)."""
    return any(
        evaluate_trial(rules, Profile(ms_subtype=c)).verdict != NOT_ELIGIBLE for c in courses
    )


def has_site_in(rules: TrialRules, country: str) -> bool:
    return country.lower() in {c.lower() for c in rules.countries}


def answer(
    question: ResultsQuestion, results: list[TrialResult], rules: dict[str, TrialRules]
) -> list[TrialResult]:
    """The person's results (in their order) that match every part of the question."""
    out = []
    for result in results:
        r = rules.get(result.nct_id)
        if r is None:
            continue
        if question.courses and not open_to_course(r, question.courses):
            continue
        if question.country and not has_site_in(r, question.country):
            continue
        out.append(result)
    return out


def not_fitting(results: list[TrialResult]) -> list[tuple[TrialResult, str]]:
    """Studies that don't fit, each with the first reason (the explanation of a failed
    criterion)."""
    out = []
    for result in results:
        if result.verdict == NOT_ELIGIBLE:
            reason = next(c.explanation for c in result.criteria if c.status == NOT_MET)
            out.append((result, reason))
    return out


def sites_far_apart(
    results: list[TrialResult], rules: dict[str, TrialRules], km: float = 100.0
) -> bool:
    """Whether the studies that may still fit have open, placed sites more than ``km`` apart:
    only then does asking where the person lives change what they see."""
    from ..lexicon import great_circle_km

    points = []
    for result in results:
        r = rules.get(result.nct_id)
        if r is None or result.verdict == NOT_ELIGIBLE:
            continue
        points += [
            (s.lat, s.lon)
            for s in r.sites
            if s.lat is not None and s.lon is not None and s.is_open(r.overall_status)
        ]
    return any(great_circle_km(a, b) > km for i, a in enumerate(points) for b in points[i + 1 :])
