"""Words that name who a condition is about, not who may join (issue 10, kind 5)."""
from __future__ import annotations

import pytest

from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import FALSE, TRUE
from trials_db.eligibility import EXCLUSION, INCLUSION
from trials_db.profile import Profile


@pytest.mark.parametrize("text, kind", [
    ("Female subjects of childbearing potential must practice effective contraception", INCLUSION),
    ("Women able to have children must use contraception", INCLUSION),
    ("Males unable to meet the above, and all female patients", EXCLUSION),
])
def test_a_sex_word_as_the_subject_of_a_fertility_rule_takes_no_one_out(text, kind):
    tree = parse_criterion(text, kind)
    failed = FALSE if kind == INCLUSION else TRUE
    assert tree.evaluate(Profile(sex="male")) != failed
    assert tree.evaluate(Profile(sex="female")) != failed


@pytest.mark.parametrize("text, kind, sex, result", [
    ("Females only", INCLUSION, "male", FALSE), ("Females only", INCLUSION, "female", TRUE),
    ("Men", EXCLUSION, "male", TRUE), ("Men", EXCLUSION, "female", FALSE),
])
def test_a_real_sex_restriction_still_reads(text, kind, sex, result):
    assert parse_criterion(text, kind).evaluate(Profile(sex=sex)) == result


def test_an_age_that_conditions_another_test_is_not_an_age_limit():
    text = "PSA > 2.5 ng/ml (for an age less than 50 years) or > 3.5 (for an age between 50 and 70 years)"
    tree = parse_criterion(text, EXCLUSION)
    for age in (30, 60, 80):
        assert tree.evaluate(Profile(age=age)) != TRUE


def test_a_decimal_comma_in_a_score():
    tree = parse_criterion("Expanded Disability Status Scale score 0-5,5", INCLUSION)
    assert tree.evaluate(Profile(edss=5.5)) == TRUE and tree.evaluate(Profile(edss=6.0)) == FALSE
