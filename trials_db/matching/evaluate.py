"""Match one profile against trials: a verdict and a plain-language reason per criterion.

Criterion status: ``met``, ``not_met``, ``unknown`` (the profile lacks the fact) or
``needs_review`` (no fact we ask can settle it). Trial verdict: ``eligible`` (nothing failed,
nothing unknown), ``possibly_eligible`` (nothing failed, something unknown), ``not_eligible``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..criteria.parser import (
    PARSER_VERSION,
    parse_criterion,
    soften_alternatives,
    structured_criteria,
)
from ..criteria.review_topics import REVIEW_TOPIC_WORDS
from ..criteria.predicates import (
    FALSE,
    REVIEW,
    TRUE,
    UNKNOWN,
    Age,
    Contraception,
    Leaf,
    Node,
    Review,
    Subtype,
    Therapy,
    from_json,
)
from ..eligibility import EXCLUSION
from ..lexicon import great_circle_km
from ..lexicon import load as load_lexicon
from ..models import Trial
from ..profile import Profile
from ..readability import gloss_sentences


class Status(str, Enum):
    """What one criterion says for one person; the value is the stable name used in JSON."""

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    NEEDS_REVIEW = "needs_review"

    def __str__(self) -> str:
        return self.value


class Verdict(str, Enum):
    """What a whole study says for one person."""

    ELIGIBLE = "eligible"
    POSSIBLY_ELIGIBLE = "possibly_eligible"
    NOT_ELIGIBLE = "not_eligible"

    def __str__(self) -> str:
        return self.value


MET, NOT_MET, UNKNOWN_STATUS, NEEDS_REVIEW = (
    Status.MET,
    Status.NOT_MET,
    Status.UNKNOWN,
    Status.NEEDS_REVIEW,
)
ELIGIBLE, POSSIBLY_ELIGIBLE, NOT_ELIGIBLE = (
    Verdict.ELIGIBLE,
    Verdict.POSSIBLY_ELIGIBLE,
    Verdict.NOT_ELIGIBLE,
)
OPEN_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION")
_VERDICT_RANK = {ELIGIBLE: 0, POSSIBLY_ELIGIBLE: 1, NOT_ELIGIBLE: 2}


@dataclass
class RuleCriterion:
    kind: str  # inclusion, exclusion, general, age, sex
    position: int
    text: str
    tree: Node


@dataclass(frozen=True)
class SitePoint:
    """One site of a study: where, its own recruitment status, and coordinates when known
    (from the record's geoPoint, else the offline gazetteer at import; None if not placed)."""

    facility: str | None
    city: str | None
    state: str | None
    country: str | None
    status: str | None
    lat: float | None
    lon: float | None

    def is_open(self, trial_status: str | None) -> bool:
        """Open to recruitment; a site without its own status follows the study's."""
        return (self.status or trial_status) in OPEN_STATUSES


@dataclass
class TrialRules:
    """What matching needs of a trial, held in memory (parsed trees, not text)."""

    nct_id: str
    title: str
    overall_status: str | None
    criteria: list[RuleCriterion]
    has_criteria: bool
    locations: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    sites: list[SitePoint] = field(default_factory=list)

    @classmethod
    def from_trial(cls, trial: Trial) -> "TrialRules":
        rows = [
            (c.kind, c.text, c.parsed if c.parser_version == PARSER_VERSION else None)
            for c in trial.criteria
        ]
        if any(parsed is None for _, _, parsed in rows):
            trees = parse_trial(trial)
        else:
            trees = [from_json(parsed) for _, _, parsed in rows]
        criteria = [
            RuleCriterion(c.kind, c.position, c.text, tree)
            for c, tree in zip(trial.criteria, trees)
        ]
        for n, (kind, text, tree) in enumerate(
            structured_criteria(
                trial.min_age_years,
                trial.max_age_years,
                trial.min_age_text,
                trial.max_age_text,
                trial.sex,
            ),
            1,
        ):
            criteria.insert(n - 1, RuleCriterion(kind, 0, text, tree))
        locations = []
        for s in trial.sites:
            place = ", ".join(p for p in (s.city, s.country) if p)
            if place and place not in locations:
                locations.append(place)
        countries = list(dict.fromkeys(s.country for s in trial.sites if s.country))
        sites = [
            SitePoint(s.facility, s.city, s.state, s.country, s.status, s.latitude, s.longitude)
            for s in trial.sites
        ]
        return cls(
            trial.nct_id,
            trial.display_title,
            trial.overall_status,
            criteria,
            trial.has_criteria,
            locations,
            countries,
            sites,
        )


def nearest_open_site(
    rules: TrialRules, home: tuple[float, float]
) -> tuple[SitePoint, float] | None:
    """The placed site open to recruitment nearest to ``home``, with its distance in km."""
    best: tuple[SitePoint, float] | None = None
    for site in rules.sites:
        if site.lat is None or site.lon is None or not site.is_open(rules.overall_status):
            continue
        km = great_circle_km(home, (site.lat, site.lon))
        if best is None or km < best[1]:
            best = (site, km)
    return best


def parse_trial(trial: Trial) -> list[Node]:
    """Parse every criterion of a trial, then apply the trial-level reading (options, groups)."""
    texts = with_list_head_windows([(c.kind, c.text) for c in trial.criteria])
    parsed = [
        (c.kind, c.text, parse_criterion(text, c.kind)) for c, text in zip(trial.criteria, texts)
    ]
    return soften_alternatives(parsed)


# "Any of the following within 4 weeks before baseline:" gives its window to each item below.
_HEAD_WINDOW = re.compile(
    r"\b(?:(?:within|in|during)\s+(?:the\s+)?(?:last|past|previous|preceding)?\s*)?"
    r"\d+(?:\.\d+)?\s*(?:days?|weeks?|months?|years?)\b"
    r"(?:\s+(?:before|prior to|of|preceding)\s+[\w\s()-]{0,40}?)?(?=\s*:\s*$)",
    re.I,
)
_HAS_WINDOW = re.compile(r"\d+(?:\.\d+)?\s*(?:days?|weeks?|months?|years?)\b", re.I)


def with_list_head_windows(criteria: list[tuple[str, str]]) -> list[str]:
    """Each criterion's text, with the time window of the list head it stands under added."""
    out: list[str] = []
    window: dict[str, str | None] = {}
    for kind, text in criteria:
        stripped = text.strip()
        head = _HEAD_WINDOW.search(stripped) if stripped.endswith(":") else None
        if stripped.endswith(":"):
            window[kind] = head.group(0).strip() if head else None
            out.append(text)
            continue
        inherited = window.get(kind)
        out.append(f"{text} {inherited}" if inherited and not _HAS_WINDOW.search(text) else text)
    return out


def attach_parsed(trial: Trial) -> None:
    """Store the parsed trees on the trial's criteria rows (done once, at import)."""
    for criterion, tree in zip(trial.criteria, parse_trial(trial)):
        criterion.parsed = tree.to_json()
        criterion.parser_version = PARSER_VERSION


@dataclass
class CriterionResult:
    kind: str
    text: str
    status: str
    explanation: str
    fields: list[str] = field(default_factory=list)  # facts that would settle an unknown
    # What the study team checks, as data (review topics, "contraception", "subtype_maybe",
    # "age_limit"): nothing downstream reads the English explanation back.
    topics: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "text": self.text,
            "status": self.status,
            "explanation": self.explanation,
        }


@dataclass
class TrialResult:
    nct_id: str
    title: str
    overall_status: str | None
    verdict: str
    criteria: list[CriterionResult]
    locations: list[str] = field(default_factory=list)
    distance_km: float | None = None
    # With the person's home known: the nearest open placed site (facility, city, state,
    # country, status, distance_km), or None when no open site could be placed.
    nearest_site: dict | None = None

    def count(self, status: str) -> int:
        return sum(1 for c in self.criteria if c.status == status)

    def to_dict(self, with_criteria: bool = True) -> dict:
        data = {
            "nct_id": self.nct_id,
            "verdict": self.verdict,
            "title": self.title,
            "overall_status": self.overall_status,
            "location": "; ".join(self.locations[:3]) or None,
        }
        if with_criteria:
            data["criteria"] = [c.to_dict() for c in self.criteria]
        return data


def status_of(kind: str, truth: int) -> str:
    if truth == REVIEW:
        return NEEDS_REVIEW
    if truth == UNKNOWN:
        return UNKNOWN_STATUS
    holds = truth == TRUE
    if kind == EXCLUSION:
        return NOT_MET if holds else MET
    return MET if holds else NOT_MET


# ---------------------------------------------------------------------------- explanations


def _sentence(leaf: Leaf, for_people: bool, tail: str | None) -> str:
    """The rule, then what we know, as two short sentences (plain language: grade 8 or lower,
    tests/test_readability.py); medical words in the trial's wording get a plain gloss."""
    lead = "This study is for people" if for_people else "This study does not take people"
    condition = leaf.condition()
    text = " ".join([f"{lead} {condition}.", *gloss_sentences(condition)])
    return text + (f" {tail[0].upper()}{tail[1:]}." if tail else "")


def _review_sentence(leaves: list[Leaf], profile: Profile) -> str:
    parts: list[str] = []
    for leaf in leaves:
        if isinstance(leaf, Contraception):
            parts.append(
                "The study asks people who could have a baby to use birth control while they "
                "take part. The study team will talk this through with you."
            )
        elif isinstance(leaf, Subtype) and profile.ms_subtype in leaf.maybe:
            label = load_lexicon().subtype_label(profile.ms_subtype)
            parts.append(
                f"This study takes {label} only in some cases, for example when it is "
                "still active. The study team will check if yours fits."
            )
        elif isinstance(leaf, Age):
            parts.append(
                "Your age is right at the study's age limit. The study team will check it."
            )
        elif isinstance(leaf, Therapy) and leaf.other_only:
            parts.append(f"The study team will check {REVIEW_TOPIC_WORDS['other_medicines']}.")
        elif isinstance(leaf, Review):
            words = REVIEW_TOPIC_WORDS.get(leaf.topic, "this")
            parts.append(
                f"The study team will check {words}."
                if leaf.topic != "other"
                else "The study team will check this with you."
            )

    return " ".join(list(dict.fromkeys(parts))[:2])


def review_topics_of(tree: Node, profile: Profile) -> list[str]:
    """What the study team must check in a criterion whose answer is "review", as topic keys."""
    topics: list[str] = []
    for leaf, _ in tree.leaves():
        if leaf.evaluate(profile) != REVIEW:
            continue
        if isinstance(leaf, Review):
            topic = leaf.topic
        elif isinstance(leaf, Contraception):
            topic = "contraception"
        elif isinstance(leaf, Subtype):
            topic = "subtype_maybe"
        elif isinstance(leaf, Age):
            topic = "age_limit"
        elif isinstance(leaf, Therapy):
            topic = "other_medicines"
        else:
            topic = "other"
        if topic not in topics:
            topics.append(topic)
    return topics


def explain(kind: str, tree: Node, status: str, profile: Profile) -> tuple[str, list[str]]:
    """One or two short sentences for the patient, and the fields that would settle an unknown."""
    exclusion = kind == EXCLUSION
    evaluated = [(leaf, polarity, leaf.evaluate(profile)) for leaf, polarity in tree.leaves()]
    if status == NEEDS_REVIEW:
        passing = [
            _sentence(lf, p != exclusion, lf.fact(profile))
            for lf, p, v in evaluated
            if v in (TRUE, FALSE)
            and (v == TRUE) == (p != exclusion)
            and lf.fact(profile)
            and not any(type(r) is type(lf) and w == REVIEW for r, _, w in evaluated)
        ]
        review = (
            _review_sentence([lf for lf, _, v in evaluated if v == REVIEW], profile)
            or "The study team will check this with you."
        )
        return " ".join(passing[:1] + [review]), []
    if status == UNKNOWN_STATUS:
        unknown = [(lf, p) for lf, p, v in evaluated if v == UNKNOWN]
        sentences = [
            _sentence(lf, p != exclusion, lf.fact(profile) or lf.missing()) for lf, p in unknown[:2]
        ]
        fields = sorted({f for lf, _ in unknown for f in lf.fields()})
        return " ".join(sentences) or "I need a little more information for this one.", fields
    wanted_true = status == MET
    chosen = [
        (lf, p)
        for lf, p, v in evaluated
        if v in (TRUE, FALSE) and ((v == TRUE) == (p != exclusion)) == wanted_true
    ]
    sentences = [_sentence(lf, p != exclusion, lf.fact(profile)) for lf, p in chosen[:2]]
    return " ".join(sentences) or (
        "This one fits." if wanted_true else "This one does not fit."
    ), []


# ---------------------------------------------------------------------------- matching


def evaluate_trial(rules: TrialRules, profile: Profile) -> TrialResult:
    results = []
    for c in rules.criteria:
        status = status_of(c.kind, c.tree.evaluate(profile))
        explanation, fields = explain(c.kind, c.tree, status, profile)
        if profile.therapy_names:  # "interferon beta-1a (Rebif)" for someone who said Rebif
            explanation = load_lexicon().in_their_names(explanation, profile.therapy_names)
        topics = review_topics_of(c.tree, profile) if status == NEEDS_REVIEW else []
        results.append(CriterionResult(c.kind, c.text, status, explanation, fields, topics))
    statuses = {r.status for r in results}
    verdict = (
        NOT_ELIGIBLE
        if NOT_MET in statuses
        else POSSIBLY_ELIGIBLE
        if UNKNOWN_STATUS in statuses
        else ELIGIBLE
    )
    distance, nearest = None, None
    if profile.home is not None:
        found = nearest_open_site(rules, profile.home)
        if found is not None:
            site, distance = found
            nearest = {
                "facility": site.facility,
                "city": site.city,
                "state": site.state,
                "country": site.country,
                "status": site.status or rules.overall_status,
                "distance_km": round(distance, 1),
            }
    elif profile.country:
        lex = load_lexicon()
        distances = [
            d
            for d in (lex.distance_km(profile.country, c) for c in rules.countries)
            if d is not None
        ]
        distance = min(distances) if distances else None
    return TrialResult(
        rules.nct_id,
        rules.title,
        rules.overall_status,
        verdict,
        results,
        rules.locations,
        distance,
        nearest,
    )


def openness(status: str | None) -> int:
    """0 recruiting (or about to), 1 by invitation only (most people cannot just join), 2 closed."""
    if status in OPEN_STATUSES:
        return 1 if status == "ENROLLING_BY_INVITATION" else 0
    return 2


def rank_key(result: TrialResult) -> tuple:
    """Eligible first, then fewest unknowns, open to anyone before by invitation before
    closed, then nearest."""
    return (
        _VERDICT_RANK[result.verdict],
        result.count(UNKNOWN_STATUS),
        openness(result.overall_status),
        result.distance_km if result.distance_km is not None else math.inf,
        result.nct_id,
    )


def match_profile(
    rules: Iterable[TrialRules],
    profile: Profile,
    statuses: Sequence[str] | None = None,
    limit: int | None = None,
) -> list[TrialResult]:
    """Every trial with published criteria, evaluated and ranked (never one without criteria)."""
    wanted = {s.upper() for s in statuses or ()}
    results = [
        evaluate_trial(r, profile)
        for r in rules
        if r.has_criteria and (not wanted or (r.overall_status or "") in wanted)
    ]
    results.sort(key=rank_key)
    return results[:limit] if limit is not None else results


def load_rules(
    session: Session, statuses: Sequence[str] | None = None, with_criteria: bool = True
) -> list[TrialRules]:
    """Load trials (with criteria by default) into memory for matching."""
    stmt = select(Trial).options(selectinload(Trial.criteria), selectinload(Trial.sites))
    if with_criteria:
        stmt = stmt.where(Trial.eligibility_text.is_not(None))
    if statuses:
        stmt = stmt.where(Trial.overall_status.in_([s.upper() for s in statuses]))
    return [TrialRules.from_trial(t) for t in session.scalars(stmt.order_by(Trial.nct_id))]


def verdict_counts(results: Iterable[TrialResult]) -> dict[str, int]:
    counts = {ELIGIBLE: 0, POSSIBLY_ELIGIBLE: 0, NOT_ELIGIBLE: 0}
    for r in results:
        counts[r.verdict] += 1
    return counts
