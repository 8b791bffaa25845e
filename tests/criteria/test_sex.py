"""Sex: whether a criterion lets only women or only men join."""

from __future__ import annotations

import pytest

from tests.criteria.reading import facts
from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import FALSE, TRUE
from trials_db.eligibility import EXCLUSION as EXC, INCLUSION as INC
from trials_db.profile import Profile

# NCT06832293
UTERUS = "Male or intersex individuals, given the inclusion criteria of requiring a uterus"

# A sex word that is the subject of a sentence about pregnancy or contraception restricts no one.
FERTILITY = [
    (
        "Female subjects of childbearing potential must practice effective contraception during "
        "the study and be willing and able to continue contraception for 30 days after their last "
        "dose of study treatment.",
        INC,
    ),  # NCT01480076
    (
        "Female subjects who are currently pregnant or who are considering becoming pregnant while "
        "participating in the study.",
        EXC,
    ),  # NCT01480076
    ("Pregnant or nursing women.", EXC),  # NCT01156311
    ("Fertile women who do not use contraception", EXC),  # NCT00261326
    (
        "Male patients should also receive adequate counseling and exercise adequate "
        "contraception.",
        INC,
    ),  # NCT00001669
    (
        "All male patients and female patients with child-bearing potential (between puberty and 2 "
        "years after menopause) should use appropriate contraception method(s) for at least 4 "
        "weeks after UMSC01 treatment",
        INC,
    ),  # NCT05532943
    ("Female study participants who are pregnant", EXC),  # NCT03961204
]


def sex_facts(text: str, kind: str) -> list[str]:
    return [f for f in facts(text, kind) if f.startswith("sex ")]


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        ("Female", INC, ["sex requires allowed=female"]),  # NCT02096133
        (
            "Female participants diagnosed with MS based on the 2024 McDonald Diagnostic criteria "
            "(biologically sex-based, any gender as long as not on hormonal gender-enhancing "
            "therapy)",
            INC,
            ["sex requires allowed=female"],
        ),  # NCT06832293
        (UTERUS, EXC, ["sex excludes allowed=male"]),
        ("Women only", INC, ["sex requires allowed=female"]),  # built
        # built (second probe set): the same words for either sex
        ("Male patients only", INC, ["sex requires allowed=male"]),
        ("Male patients with PPMS aged 18-65", INC, ["sex requires allowed=male"]),
        ("Male or female patients with RRMS", INC, []),
        ("Males", EXC, ["sex excludes allowed=male"]),  # built
        ("Female, age > 18", INC, ["sex requires allowed=female"]),  # NCT00490906
        ("Man between 18 and 55 years", INC, ["sex requires allowed=male"]),  # NCT03910738
        ("Women aged 18 to 45", INC, ["sex requires allowed=female"]),  # built
        ("Women", EXC, ["sex excludes allowed=female"]),  # built
        ("Women who are pregnant", EXC, []),  # built: the pregnancy rule reads it
        (
            "Men with a partner who plans a pregnancy",
            INC,
            [],
        ),  # built: fertility, not a restriction
        # Both sexes named: no restriction.
        ("Male or female aged 18 to 55 years.", INC, []),  # NCT00001781
        ("Men and women between 18 and 59 years old", INC, []),  # NCT00261326
        (
            "Patients of both genders with Multiple Sclerosis (McDonald criteria 2010)",
            INC,
            [],
        ),  # NCT02727907
        # NCT04832269: "gender" is what controls are matched on, not a restriction.
        (
            "Non-exposed group (n=40): Children and adolescents of mothers suffering from MS "
            "without MP therapy during pregnancy (aged 8 to 18 years) matched for age, gender and "
            "social background",
            INC,
            [],
        ),
        *[(text, kind, []) for text, kind in FERTILITY],
    ],
)
def test_sex_facts(text: str, kind: str, expected: list[str]) -> None:
    assert sex_facts(text, kind) == expected


@pytest.mark.parametrize(
    "text, kind, sex, verdict",
    [
        ("Female", INC, "male", FALSE),  # NCT02096133
        ("Female", INC, "female", TRUE),
        (UTERUS, EXC, "male", TRUE),
        (UTERUS, EXC, "female", FALSE),
        ("Man between 18 and 55 years", INC, "female", FALSE),  # NCT03910738
        ("Man between 18 and 55 years", INC, "male", TRUE),
    ],
)
def test_sex_verdicts(text: str, kind: str, sex: str, verdict: int) -> None:
    assert parse_criterion(text, kind).evaluate(Profile(sex=sex, age=30)) == verdict


@pytest.mark.parametrize("text, kind", [FERTILITY[0], FERTILITY[2], FERTILITY[4]])
@pytest.mark.parametrize("sex", ["female", "male"])
def test_a_fertility_rule_fails_no_one_for_their_sex(text: str, kind: str, sex: str) -> None:
    person = Profile(sex=sex, pregnant=False, breastfeeding=False)
    assert parse_criterion(text, kind).evaluate(person) != (FALSE if kind == INC else TRUE)


def test_males_listed_as_an_exclusion_still_exclude_men():
    # the clause rule above leaves this alone
    assert facts("Males", "exclusion") == ["sex excludes allowed=male"]
    assert facts("Male patients", "exclusion") == ["sex excludes allowed=male"]


def test_both_sexes_named_restrict_no_one_in_either_section():
    # an exclusion "Males or females younger than 18 ..." had read "men are excluded"
    for kind in ("inclusion", "exclusion"):
        got = facts("Males or females younger than 18 or older than 50", kind)
        assert not any(f.startswith("sex") for f in got), (kind, got)
    assert "sex requires allowed=female" in facts("Women only, aged 20 to 45, premenopausal")


def test_female_patients_listed_as_an_exclusion():
    tree = parse_criterion("Female patients", EXC)
    assert tree.evaluate(Profile(sex="female")) == TRUE
    assert tree.evaluate(Profile(sex="male")) == FALSE


def test_a_sex_word_with_a_menopause_qualifier_heading_an_age_restricts():
    # built after probes12: the qualifier no longer hides the sex (the age rule reads the rest)
    assert sex_facts("Post-menopausal women aged 45–70 years", INC) == [
        "sex requires allowed=female"
    ]
    assert sex_facts("Females, 18–45 years", INC) == ["sex requires allowed=female"]
    # a fertility sentence with an age in it is still no restriction
    assert (
        sex_facts("Women of childbearing potential, 18 to 45 years, must use contraception", INC)
        == []
    )


def test_men_and_some_women_listed_as_an_exclusion_exclude_every_man():
    got = facts("Men, and women who are pregnant or nursing", EXC)
    assert "sex excludes allowed=male" in got
    assert "pregnant excludes" in got
    # not "Males or females who ...": both sexes, each only in part
    assert sex_facts("Males or females who are unable to use contraception", EXC) == []


@pytest.mark.parametrize(
    "text",
    [
        "Women, aged 18 to 45, must use highly effective contraception",
        "Female, age 18-45, of childbearing potential with a negative pregnancy test",
        "Women, 18-45 years, of childbearing potential must use contraception",
    ],
)
def test_a_sex_heading_a_fertility_rule_with_an_age_takes_men_too(text):
    # the rule is for the women; a man is not turned away by it
    assert sex_facts(text, INC) == []


def test_a_bare_range_of_years_after_the_sex_of_a_fertility_rule_is_theirs_only():
    text = "Women, 18-45 years, of childbearing potential must use contraception"
    assert not [f for f in facts(text, INC) if f.startswith("age")]


@pytest.mark.parametrize(
    "text",
    [
        # built after probes16: no one is told what to do; the criterion takes women only
        "Women aged 18-45 years who are pregnant in the first trimester",
        "Women between 18 and 45 years of age, inclusive, planning to conceive within 2 years",
        "Female, 18–50 years old (inclusive), with relapsing MS, using contraception if of "
        "childbearing potential",
    ],
)
def test_a_sex_heading_a_criterion_about_its_own_pregnancy_takes_that_sex_only(text):
    assert sex_facts(text, INC) == ["sex requires allowed=female"]


def test_criteria_for_each_sex_are_two_ways_in():
    from trials_db.criteria.parser import soften_alternatives

    texts = ["Females aged 18-45 who are not pregnant", "Males aged 18-60"]
    trees = soften_alternatives([(INC, t, parse_criterion(t, INC)) for t in texts])
    man = Profile(sex="male", age=30)
    assert trees[0].evaluate(man) != FALSE  # the women's criterion does not turn him away
    assert trees[1].evaluate(man) == TRUE
    alone = soften_alternatives([(INC, texts[0], parse_criterion(texts[0], INC))])
    assert alone[0].evaluate(man) == FALSE


def test_a_forms_sex_field_restricts_the_sex():
    # built after probes22: "Sex: Female" had gone to the team
    tree = parse_criterion("Sex: Female Age: 18 to 45 years", INC)
    assert tree.evaluate(Profile(sex="female", age=30)) == TRUE
    assert tree.evaluate(Profile(sex="male", age=30)) == FALSE
    assert (
        parse_criterion("Age: 18-55 | Sex: female only", INC).evaluate(Profile(sex="male", age=30))
        == FALSE
    )
    assert parse_criterion("Gender: male or female", INC).evaluate(Profile(sex="male")) != FALSE


def test_the_sex_named_with_its_word():
    # built after probes23: "Female sex" listed as an exclusion was left unread
    assert facts("Female sex", "exclusion") == facts("Female", "exclusion")
    assert facts("Female gender") == facts("Female patients")


def test_a_rule_for_the_men_takes_the_women_too():
    # probes35: "Male participants must use condoms" had made the study men only
    tree = parse_criterion("Male participants must use condoms during the study", INC)
    assert tree.evaluate(Profile(sex="female")) != FALSE


@pytest.mark.parametrize(
    "text, allowed",
    [
        # built after probes54: the sex word's people said not to be taken
        ("Female participants are not eligible; men aged 40 to 65 years with PPMS", "male"),
        ("Women may not enrol", "male"),
        ("Male patients cannot participate", "female"),
    ],
)
def test_a_sex_said_not_to_be_eligible_takes_the_other(text, allowed):
    assert facts(text, INC)[0] == f"sex requires allowed={allowed}"


def test_people_named_by_their_sex_and_the_registry_field():
    """Built after probes54: "Participants who are female" as an exclusion takes men;
    "Sexes Eligible for Study: Male" is the registry's field; "and all male participants"
    listed as an exclusion takes women."""
    assert facts("Participants who are female", EXC) == ["sex excludes allowed=female"]
    assert facts("Participants who are male", INC) == ["sex requires allowed=male"]
    assert facts("Sexes Eligible for Study: Male", INC) == ["sex requires allowed=male"]
    both = facts(
        "Female participants with a positive pregnancy test, and all male participants", EXC
    )
    assert "sex excludes allowed=male" in both
