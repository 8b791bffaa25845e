"""Words that name who a condition is about, not who may join (issue 10, kind 5)."""

from __future__ import annotations

import pytest

from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import FALSE, TRUE
from trials_db.eligibility import EXCLUSION, INCLUSION
from trials_db.profile import Profile


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "Female subjects of childbearing potential must practice effective contraception",
            INCLUSION,
        ),
        ("Women able to have children must use contraception", INCLUSION),
        ("Males unable to meet the above, and all female patients", EXCLUSION),
    ],
)
def test_a_sex_word_as_the_subject_of_a_fertility_rule_takes_no_one_out(text, kind):
    tree = parse_criterion(text, kind)
    failed = FALSE if kind == INCLUSION else TRUE
    assert tree.evaluate(Profile(sex="male")) != failed
    assert tree.evaluate(Profile(sex="female")) != failed


@pytest.mark.parametrize(
    "text, kind, sex, result",
    [
        ("Females only", INCLUSION, "male", FALSE),
        ("Females only", INCLUSION, "female", TRUE),
        ("Men", EXCLUSION, "male", TRUE),
        ("Men", EXCLUSION, "female", FALSE),
    ],
)
def test_a_real_sex_restriction_still_reads(text, kind, sex, result):
    assert parse_criterion(text, kind).evaluate(Profile(sex=sex)) == result


def test_an_age_that_conditions_another_test_is_not_an_age_limit():
    text = (
        "PSA > 2.5 ng/ml (for an age less than 50 years) "
        "or > 3.5 (for an age between 50 and 70 years)"
    )
    tree = parse_criterion(text, EXCLUSION)
    for age in (30, 60, 80):
        assert tree.evaluate(Profile(age=age)) != TRUE


def test_a_decimal_comma_in_a_score():
    tree = parse_criterion("Expanded Disability Status Scale score 0-5,5", INCLUSION)
    assert tree.evaluate(Profile(edss=5.5)) == TRUE and tree.evaluate(Profile(edss=6.0)) == FALSE


# Issue 10, kind 4: durations.
@pytest.mark.parametrize(
    "text, years, result",
    [
        ("time since diagnosis of at least 12 months", 2, TRUE),
        ("time since diagnosis of at least 12 months", 0.5, FALSE),
        ("disease duration of 5 years or less", 4, TRUE),
        ("disease duration of 5 years or less", 7, FALSE),
    ],
)
def test_disease_durations_read_as_durations(text, years, result):
    assert parse_criterion(text, INCLUSION).evaluate(Profile(years_since_diagnosis=years)) == result


def test_onset_within_a_window_fails_only_when_the_diagnosis_is_older():
    tree = parse_criterion("onset of symptoms within the last 10 years", INCLUSION)
    assert tree.evaluate(Profile(years_since_diagnosis=12)) == FALSE  # onset is older still
    assert tree.evaluate(Profile(years_since_diagnosis=3)) != TRUE  # onset may be older: checked


# Issue 10, kind 6: the shipped NCT06949956 writes "4. Patients who are receiving fingolimod ...".
def test_receiving_a_drug_according_to_its_label_is_still_a_requirement():
    text = (
        "Patients who are receiving fingolimod, according to the drug's "
        "Summary of product Characteristics (SmPC)."
    )
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(prior_therapies=[], current_therapy="none")) == FALSE
    assert (
        tree.evaluate(Profile(prior_therapies=["fingolimod"], current_therapy="fingolimod"))
        != FALSE
    )


# Issue 10, kind 3: a list head whose window applies to each item.
def test_a_list_head_gives_its_window_to_each_item():
    from trials_db.matching.evaluate import with_list_head_windows

    texts = with_list_head_windows(
        [
            (EXCLUSION, "Any of the following within 4 weeks before baseline:"),
            (EXCLUSION, "a relapse"),
            (EXCLUSION, "steroid treatment"),
            (EXCLUSION, "natalizumab within 6 months"),
            (INCLUSION, "Age 18-55"),
        ]
    )
    assert texts[1:] == [
        "a relapse within 4 weeks before baseline",
        "steroid treatment within 4 weeks before baseline",
        "natalizumab within 6 months",
        "Age 18-55",
    ]
    relapse = parse_criterion(texts[1], EXCLUSION)
    assert relapse.evaluate(Profile(months_since_last_relapse=0.5)) == TRUE
    assert relapse.evaluate(Profile(months_since_last_relapse=12)) == FALSE
