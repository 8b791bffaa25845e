"""A criterion about someone other than the patient (a caregiver, a study partner, a legal
representative, a parent or guardian) says nothing of the patient's profile."""

from __future__ import annotations

import pytest

from tests.criteria.reading import facts, reviews
from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import FALSE, REVIEW, TRUE
from trials_db.eligibility import EXCLUSION, INCLUSION
from trials_db.profile import Profile


@pytest.mark.parametrize(
    "text, kind",
    [
        # built after probes11: read as the patient's, each would turn patients away
        ("Caregivers who themselves have a diagnosis of multiple sclerosis", EXCLUSION),
        ("Legally authorised representative aged 18 years or over able to give consent", INCLUSION),
        ("Study partner must be at least 21 years old", INCLUSION),
    ],
)
def test_a_criterion_about_another_person_is_left_to_the_team(text, kind):
    assert facts(text, kind) == []
    assert parse_criterion(text, kind).evaluate(Profile(age=16, ms_subtype="RRMS")) == REVIEW


def test_the_numbers_of_a_clause_about_another_person_are_not_the_patients():
    text = "Patients aged 40 to 70 years, EDSS 6.0 to 7.5, with a caregiver who is at least 21"
    assert "age requires min=40 max=70" in facts(text, INCLUSION)
    assert not [f for f in facts(text, INCLUSION) if "min=21" in f]
    assert "other" in reviews(text, INCLUSION)


def test_a_consent_rule_for_some_ages_stays_with_the_team():
    # "participants aged 18-20 must have a parent co-sign": no age limit on the study
    text = "Where required by local regulations, participants aged 18-20 must have a parent co-sign"
    assert facts(text, INCLUSION) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        # built after probes62: healthy controls' rules, read as the patient's, bar patients
        ("Healthy controls who are pregnant or have ever received interferon beta", EXCLUSION),
        ("Control participants with a first-degree relative with MS", EXCLUSION),
        ("Healthy volunteer arm: current smoking, or age over 50 years", EXCLUSION),
        ("Healthy volunteers must be aged 18 to 40 years", INCLUSION),
    ],
)
def test_a_rule_for_healthy_controls_is_not_the_patients(text, kind):
    assert facts(text, kind) == []
    assert parse_criterion(text, kind).evaluate(Profile(age=55, edss=6.0)) == REVIEW


def test_the_patients_part_of_a_line_with_a_controls_part_is_read():
    text = "Controls: EDSS > 0 or any neurological symptom; Patients: EDSS > 6.5 at screening"
    tree = parse_criterion(text, EXCLUSION)
    assert tree.evaluate(Profile(edss=6.0)) == FALSE  # the controls' "EDSS > 0" bars no patient
    assert tree.evaluate(Profile(edss=7.0)) == TRUE
    # a part after the controls' label stays theirs until a new label
    assert facts("Pregnancy; for controls: any neurological disease; EDSS > 0", EXCLUSION) == [
        "pregnant excludes"
    ]


def test_another_person_named_in_a_bracket_covers_only_the_bracket():
    # built after probes62: "(at least one affected first-degree relative)" had made the age
    # beside it someone else's, so the line was left to the team
    text = (
        "Patients with familial MS (at least one affected first-degree relative), "
        "aged 18 to 65 years"
    )
    assert "age requires min=18 max=65" in facts(text, INCLUSION)
    # a bracket that is itself about the other person keeps their facts theirs
    assert not [
        f for f in facts("Women whose mother (aged 40 or over) has MS", INCLUSION) if "age" in f
    ]
