"""Pregnancy, breastfeeding and contraception (trials_db/criteria/pregnancy.py)."""

from __future__ import annotations

import pytest

from tests.criteria.reading import facts, known_gap
from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import FALSE, REVIEW, TRUE
from trials_db.eligibility import EXCLUSION, INCLUSION
from trials_db.profile import Profile

INC, E = INCLUSION, EXCLUSION
PREG, NURSING, CONTRA = "pregnant excludes", "breastfeeding excludes", "contraception requires"
WOMAN = dict(sex="female", pregnant=False, breastfeeding=False)
INTENTION = "Pregnancy or intention of becoming pregnant"  # NCT03919058


def reproductive(text: str, kind: str) -> list[str]:
    topics = ("pregnant", "breastfeeding", "contraception")
    return sorted(f for f in facts(text, kind) if f.split(" ")[0] in topics)


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        # NCT00004744, NCT00004816, NCT00001669: general lists (no headings), read as inclusions.
        ("No pregnant or nursing women", INC, [PREG, NURSING]),
        ("Other: Not pregnant or lactating", INC, [PREG, NURSING]),
        (
            "Male patients should also receive adequate counseling and exercise adequate "
            "contraception.",
            INC,
            [CONTRA],
        ),
        ("No first or second degree relatives with breast cancer.", INC, []),
        ("Nursing", E, [NURSING]),  # NCT00261326
        (
            "Pregnant or postpartum individuals within one year of delivery",
            E,
            [PREG],
        ),  # NCT06832293
        ("Willing to use birth control if able to conceive a child", INC, [CONTRA]),  # NCT02784210
        ("Women able to have children must use contraception", INC, [CONTRA]),  # built
        # Not using contraception is what excludes: contraception is required.
        ("Fertile women who do not use contraception", E, [CONTRA]),  # NCT00261326
        (
            "Pregnant or lactating female patients and women of childbearing potential not using "
            "effective contraception.",
            E,
            [PREG, NURSING, CONTRA],
        ),  # NCT05423769
        # NCT06832293: a permission, not a requirement.
        (
            "May be using hormonal contraceptive methods (e.g., oral contraceptives or hormonal "
            "IUDs)",
            INC,
            [],
        ),
        # Planning a pregnancy is not a status: only a current pregnancy is read.
        (
            "Female subjects who are currently pregnant or who are considering becoming pregnant "
            "while participating in the study.",
            E,
            [PREG],
        ),  # NCT01480076
        (
            "Female subjects who were pregnant, lactating or planning pregnancy during the course "
            "of the study.",
            E,
            [PREG, NURSING],
        ),  # NCT01604265
        ("Women who contemplate pregnancy in the duration of the study", E, []),  # NCT00261326
        ("Planning a pregnancy", E, []),  # built
        ("Maternal abuse of noxious agents during pregnancy", E, []),  # NCT04832269: the mother's
        (
            "Female subjects of childbearing potential must practice effective contraception "
            "during the study and be willing and able to continue contraception for 30 days "
            "after their last dose of study treatment.",
            INC,
            [CONTRA],
        ),
        pytest.param(
            "If a female patient, not of child bearing potential (surgically sterilized or "
            "post-menopausal) or if of child bearing potential, documented to be nonpregnant "
            "by urine pregnancy test and not lactating with adequate contraception and "
            "counseling.",
            INC,
            [PREG, NURSING, CONTRA],  # NCT00001669
            marks=known_gap("'nonpregnant by urine pregnancy test' is not read as not pregnant"),
        ),
        ("Positive pregnancy test.", E, [PREG]),  # NCT03109288: a test result states the status
        ("Positive serum or urine pregnancy test at screening", E, [PREG]),  # built
        ("Negative serum pregnancy test at screening", INC, [PREG]),  # built
        ("Pregnancy test not done", E, []),  # built: no result, nothing about the status
        # built: "must not be ..." is a plain negation at the fact, read as the opposite
        ("Females must not be pregnant or lactating", INC, [PREG, NURSING]),
        ("Subjects must not be currently breastfeeding", INC, [NURSING]),
        # built: a time ("in the last year") the fact cannot hold keeps it unread
        ("Must not have been pregnant in the last year", INC, []),
        # built (second probe set): "planning" is about the pregnancy, not the next item, which
        # has a negation of its own; without a new item the plan keeps its scope
        ("Not pregnant, not planning pregnancy and not lactating", INC, [PREG, NURSING]),
        ("Planning to not breastfeed", INC, []),
    ],
)
def test_reads_the_reproductive_facts(text, kind, expected):
    assert reproductive(text, kind) == sorted(expected)


@pytest.mark.parametrize(
    "text, kind, profile, verdict",
    [
        ("No pregnant or nursing women", INC, WOMAN, TRUE),  # NCT00004744
        ("No pregnant or nursing women", INC, dict(WOMAN, pregnant=True), FALSE),
        ("No pregnant or nursing women", INC, dict(sex="male"), TRUE),
        (
            "Other: Not pregnant or lactating",
            INC,
            dict(WOMAN, breastfeeding=True),
            FALSE,
        ),  # NCT00004816
        (INTENTION, E, dict(WOMAN, pregnant=True), TRUE),
        # NCT07086950: only a high-risk pregnancy excludes; whether it is one is the team's call.
        (
            "High-risk pregnancy as evaluated by the appointed gynecologist.",
            E,
            dict(WOMAN, pregnant=True),
            REVIEW,
        ),
        # built: "Not ..." listed as an exclusion, and a doubt: left to the study team either way.
        ("Not pregnant", E, WOMAN, REVIEW),
        ("Not pregnant", E, dict(WOMAN, pregnant=True), REVIEW),
        ("Suspected pregnancy", E, WOMAN, REVIEW),
    ],
)
def test_verdict_for_a_patient(text, kind, profile, verdict):
    assert parse_criterion(text, kind).evaluate(Profile(**profile)) == verdict


@pytest.mark.parametrize(
    "text, kind, profile",
    [
        (INTENTION, E, WOMAN),  # she may be planning one: not a status
        # NCT05204459: pregnancy excludes from the MRI part only.
        (
            "Patients will be excluded from the MRI portions of the study if they are pregnant, "
            "but their demographic, clinical information,and disability measures may still be "
            "captured under the study.",
            E,
            dict(WOMAN, pregnant=True),
        ),
    ],
)
def test_an_unclear_sentence_never_takes_out_a_patient_who_fits(text, kind, profile):
    failed = FALSE if kind == INCLUSION else TRUE
    assert parse_criterion(text, kind).evaluate(Profile(**profile)) != failed


def test_a_denial_over_an_and_or_list_covers_each_fact():
    """ "Not pregnant and/or lactating" as "Not pregnant or lactating" (robustness benchmark)."""
    assert facts("Not pregnant and/or lactating", INCLUSION) == [
        "pregnant excludes",
        "breastfeeding excludes",
    ]


def test_a_state_of_pregnancy_is_the_status():
    # built after the fourth probe set; "prevention of pregnancy" stays no status
    assert facts("State of pregnancy or of breast-feeding", "exclusion") == [
        "pregnant excludes",
        "breastfeeding excludes",
    ]
    assert facts("Prevention of pregnancy", "exclusion") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # built after the fifth probe set: the mothers named by their own status are the women
        # the criterion is about, not another person
        ("Breast-feeding mothers", ["breastfeeding excludes"]),
        ("Nursing mothers", ["breastfeeding excludes"]),
        (
            "Breast-feeding mothers or women with a positive pregnancy test",
            ["pregnant excludes", "breastfeeding excludes"],
        ),
    ],
)
def test_nursing_mothers_are_the_patients(text, expected):
    assert facts(text, "exclusion") == expected


def test_a_patients_mother_is_still_someone_else():
    assert not [
        f for f in facts("Children whose mothers were pregnant during treatment") if "pregnant" in f
    ]


def test_a_pregnancy_test_named_by_its_hormone():
    assert facts("Positive serum β-hCG at screening", "exclusion") == ["pregnant excludes"]
    assert facts("Negative urine beta-hCG within 7 days of Day 1") == ["pregnant excludes"]


def test_a_plan_that_took_its_object_says_nothing_of_the_next_item():
    text = "For women only: pregnant, planning a pregnancy, or breastfeeding"
    assert parse_criterion(text, EXCLUSION).evaluate(Profile(breastfeeding=True)) == TRUE
    # without the comma the plan may reach on: the team reads it
    assert (
        parse_criterion("Women planning a pregnancy or breastfeeding", EXCLUSION).evaluate(
            Profile(breastfeeding=True)
        )
        != TRUE
    )


@pytest.mark.parametrize(
    "text",
    [
        "Positive pregnancy test; lactation; or unwillingness to use birth control",
        # NCT00534261, exclusion 9
        "For female subjects, unless postmenopausal or surgically sterile, unwillingness to "
        "practice effective contraception",
    ],
)
def test_unwillingness_to_use_contraception_never_bars_those_who_use_it(text):
    # it had been read as "contraception" under the exclusion heading: using it excluded
    assert "contraception excludes" not in facts(text, EXCLUSION)
    assert "contraception requires" in facts(text, EXCLUSION)


def test_a_pregnancy_tests_result_as_a_field():
    tree = parse_criterion("Pregnancy test: positive | Lactation: yes", EXCLUSION)
    assert tree.evaluate(Profile(pregnant=True, breastfeeding=False)) == TRUE
    assert tree.evaluate(Profile(pregnant=False, breastfeeding=False)) == FALSE


@pytest.mark.parametrize(
    "text",
    [  # built after probes26: the exception is what the study asks for
        "Women of childbearing potential, unless using a highly effective method of contraception",
        "Female participants able to become pregnant, unless they use reliable contraception",
        "Female participants able to become pregnant, except if they use reliable contraception",
    ],
)
def test_an_exception_for_contraception_never_excludes_those_who_use_it(text):
    # read as asked for, or left to the team ("if" may make it a condition): never the opposite
    assert "contraception excludes" not in facts(text, E)
    if "unless using" in text:
        assert "contraception requires" in facts(text, E)


@pytest.mark.parametrize(
    "text",
    [  # built after probes28: "birth control" had been taken for a control group (another
        # person), and "not" reached only five words: both read the use as what excludes
        "Women of childbearing potential not using a highly effective method of birth control",
        "Women of childbearing potential not using a highly effective method of contraception",
    ],
)
def test_not_using_contraception_as_an_exclusion_asks_for_it(text):
    assert "contraception excludes" not in facts(text, E)
    assert "contraception requires" in facts(text, E)


@pytest.mark.parametrize(
    "text",
    [
        # a pregnancy as a reason or a time is no status (built after probes52, where it
        # required being pregnant: a false "doesn't fit" for everyone else)
        "Treatment with Tecfidera was paused for pregnancy and later restarted",
        "Interferon stopped because of pregnancy, restarted after delivery",
    ],
)
def test_a_pregnancy_as_a_reason_is_no_status(text):
    assert not any(f.startswith("pregnant") for f in facts(text))


def test_gravid_is_pregnant_and_gravis_is_not():
    """Built after probes60 (spelling variants and synonyms)."""
    assert facts("Gravid or lactating women", E) == [
        "pregnant excludes",
        "breastfeeding excludes",
    ]
    assert facts("Myasthenia gravis", E) == []


def test_a_negative_test_listed_under_exclusion_is_left_to_the_team():
    # built after probes61: "Required for eligibility, and therefore exclusionary if absent: ...
    # a negative pregnancy test" had barred everyone who is not pregnant
    text = (
        "Required for eligibility, and therefore exclusionary if absent: a negative pregnancy "
        "test. Exclusionary if present: breastfeeding."
    )
    tree = parse_criterion(text, EXCLUSION)
    assert tree.evaluate(Profile(sex="female", pregnant=False, breastfeeding=False)) != TRUE
    assert tree.evaluate(Profile(sex="female", pregnant=False, breastfeeding=True)) == TRUE
    # a positive one is still a bar
    assert (
        parse_criterion("Positive pregnancy test", EXCLUSION).evaluate(
            Profile(sex="female", pregnant=True)
        )
        == TRUE
    )
