"""A criterion that binds no one or only some people (trials_db/criteria/limited_rule.py): struck
out by an amendment, or limited by a label to a cohort, site, country or earlier protocol
version. Built after probes49's dev part: "Prior anti-CD20 therapy [criterion deleted in
Amendment 2]" barred everyone on ocrelizumab; "At US sites: EDSS above 6.5" barred everyone
with a high score wherever they live."""

from __future__ import annotations

import pytest

from trials_db.criteria.limited_rule import deleted, for_everyone, scope_label
from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import FALSE, TRUE, Review
from trials_db.eligibility import EXCLUSION, INCLUSION
from trials_db.matching.evaluate import NEEDS_REVIEW, NOT_MET, status_of
from trials_db.profile import Profile


def status(text: str, kind: str, **profile) -> str:
    return status_of(kind, parse_criterion(text, kind).evaluate(Profile(**profile)))


@pytest.mark.parametrize(
    "text",
    [
        "Prior anti-CD20 therapy [criterion deleted in Amendment 2]",
        "Deleted per Amendment 3: EDSS above 6.0",
        "EDSS above 6.0 (removed in protocol amendment 1)",
        "7. Criterion deleted",
        "Prior natalizumab (no longer applies)",
    ],
)
def test_a_deleted_criterion_bars_no_one(text):
    assert deleted(text)
    tree = parse_criterion(text, EXCLUSION)
    assert isinstance(tree, Review)
    assert status(text, EXCLUSION, age=40, edss=7.0, prior_therapies=["ocrelizumab"]) != NOT_MET


@pytest.mark.parametrize(
    "text",
    [
        "Cohort B only: prior natalizumab",
        "At US sites: EDSS above 6.5",
        "Germany only: age over 55",
        "Part 2: prior ocrelizumab",
        "Participants enrolled under the original protocol (before Amendment 1) only: EDSS above 5",
        "In the MRI sub-study: relapse within 3 months",
    ],
)
def test_a_rule_for_some_cohort_or_place_is_left_to_the_team(text):
    assert scope_label(text) is not None
    profile = dict(age=60, edss=7.0, prior_therapies=["natalizumab", "ocrelizumab"])
    assert status(text, EXCLUSION, **profile) == NEEDS_REVIEW
    assert status(text, INCLUSION, **profile) == NEEDS_REVIEW


def test_a_label_for_everyone_keeps_the_rule():
    text = "For all participants, regardless of cohort or country: prior treatment with alemtuzumab"
    assert for_everyone(scope_label(text).group(0))
    assert status(text, EXCLUSION, age=40, prior_therapies=["alemtuzumab"]) == NOT_MET
    assert status(text, EXCLUSION, age=40, prior_therapies=[]) != NOT_MET


@pytest.mark.parametrize(
    "text",
    ["Prior natalizumab", "EDSS above 6.5", "Women who are pregnant or breastfeeding"],
)
def test_plain_rules_have_no_label(text):
    assert scope_label(text) is None and not deleted(text)
    assert not isinstance(parse_criterion(text, EXCLUSION), Review)


def test_each_cohort_of_a_line_is_read_on_its_own():
    """Built after probes60 (lines for two cohorts): a person fits when one cohort's rule holds
    ("... EDSS 3.0-6.0; Cohort 2: ... EDSS 6.5" lets in an EDSS of 6.5), and fails only when
    none does."""
    text = "Cohort 1: SPMS, aged 18-60, EDSS 3.0-6.0; Cohort 2: SPMS, aged 18-60, EDSS 6.5"
    tree = parse_criterion(text, "inclusion")
    assert tree.evaluate(Profile(age=40, ms_subtype="SPMS", edss=4.0)) == TRUE
    assert tree.evaluate(Profile(age=40, ms_subtype="SPMS", edss=6.5)) != FALSE
    # (cohort 2's bare "EDSS 6.5" is left to the team, so 7.5 is checked, not ruled out)
    assert tree.evaluate(Profile(age=40, ms_subtype="SPMS", edss=7.5)) != TRUE
    assert tree.evaluate(Profile(age=70, ms_subtype="SPMS", edss=4.0)) == FALSE
