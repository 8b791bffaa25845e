"""MS course: which of RRMS, SPMS, PPMS, CIS and RIS a criterion asks for or rules out."""

from __future__ import annotations

import pytest

from tests.criteria.reading import abstains, facts, xfail
from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import FALSE, REVIEW, TRUE
from trials_db.eligibility import EXCLUSION as EXC, GENERAL as GEN, INCLUSION as INC
from trials_db.profile import Profile

# NCT00030966
PROGRESSIVE = "Primary progressive, secondary progressive, or progressive relapsing MS."
ANY_MS = "subtype requires yes=RRMS,SPMS,PPMS maybe=CIS"
MCDONALD = "Confirmed clinical diagnosis of MS by McDonald criteria"  # NCT01399957


def subtype_facts(text: str, kind: str) -> list[str]:
    return [f for f in facts(text, kind) if f.startswith("subtype ")]


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        (
            "Relapsing remitting multiple sclerosis (RRMS)",
            INC,
            ["subtype requires yes=RRMS"],
        ),  # NCT00490906
        (
            "Diagnosis of chronic, advanced, progressive multiple sclerosis (MS)",
            INC,
            ["subtype requires yes=SPMS,PPMS"],
        ),  # NCT00004816
        # NCT00223457: active SPMS counts as a relapsing form, so only sometimes.
        (
            "Diagnosis of relapsing form of multiple sclerosis",
            INC,
            ["subtype requires yes=RRMS,CIS maybe=SPMS"],
        ),
        # NCT01684761: the RRMS inside the definition is not a second course.
        (
            "SPMS defined as relapsing-remitting disease with recent progression in MS-related "
            "neurological deficits",
            INC,
            ["subtype requires yes=SPMS"],
        ),
        (
            "Patients with relapsing remitting multiple sclerosis (RRMS), secondary progressive "
            "multiple sclerosis (SPMS) or primary progressive multiple sclerosis (PPMS) fulfilling "
            "the McDonald criteria",
            INC,
            ["subtype requires yes=RRMS,SPMS,PPMS"],
        ),  # NCT02143167
        (
            "Diagnosis of MS, including Clinically Isolated Syndrome",
            INC,
            ["subtype requires yes=RRMS,SPMS,PPMS,CIS"],
        ),  # NCT03926637
        # NCT05204459: every course, so no restriction.
        ("Diagnosis of MS, CIS,or RIS based on the 2017 revised McDonald criteria.", INC, []),
        (
            "Disease relapsing-remitting or relapsing-progressive (i.e., secondary- progressive)",
            INC,
            ["subtype requires yes=RRMS,SPMS"],
        ),  # NCT00004744
        # NCT02792218: the list after the colon says which relapsing forms: no CIS.
        (
            "Relapsing MS: relapsing-remitting MS (RRMS) or secondary progressive MS (SPMS)",
            INC,
            ["subtype requires yes=RRMS,SPMS"],
        ),
        # The disease itself as a criterion, however its diagnosis is qualified: having MS.
        ("multiple sclerosis", INC, [ANY_MS]),  # NCT03863379
        ("Clinically definite MS.", INC, [ANY_MS]),  # NCT03109288
        (
            "Clinically or laboratory-supported definite multiple sclerosis",
            GEN,
            [ANY_MS],
        ),  # NCT00004744
        ("Diagnosed as having Multiple Sclerosis", INC, [ANY_MS]),  # NCT03927092
        (
            "Multiple sclerosis as diagnosed by the revised 2010 McDonald criteria",
            INC,
            [ANY_MS],
        ),  # NCT02294058
        (
            "Patients of both genders with Multiple Sclerosis (McDonald criteria 2010)",
            INC,
            [ANY_MS],
        ),  # NCT02727907
        (
            "Multiple sclerosis, as defined by the 2017 Revised McDonald Criteria",
            INC,
            [ANY_MS],
        ),  # NCT02784210
        ("multiple sclerosis", GEN, [ANY_MS]),  # built: a list with no headings is inclusion
        (
            "Multiple sclerosis relapse in the last 30 days",
            INC,
            [],
        ),  # built: a relapse, not the disease
        ("Multiple sclerosis", EXC, []),  # built: excluding the disease itself is left alone
        (PROGRESSIVE, EXC, ["subtype excludes yes=SPMS,PPMS"]),
        (
            "Diagnosed with primary progressive MS",
            EXC,
            ["subtype excludes yes=PPMS"],
        ),  # NCT01684761
        (
            "Patients with progressive forms of MS at start of therapy are not eligible",
            EXC,
            ["subtype excludes yes=SPMS,PPMS"],
        ),  # NCT03193866
        (
            "Primary or secondary progression of Multiple Sclerosis",
            EXC,
            ["subtype excludes yes=SPMS,PPMS"],
        ),  # NCT02727907
        xfail(
            "No chronically progressive demyelinating disease",
            INC,  # NCT00004645
            ["subtype excludes yes=SPMS,PPMS"],
            reason="'chronically progressive demyelinating disease' is not read as progressive MS",
        ),
        # Not a rule on the patient's course.
        ("Concomitant treatment with other drugs for treating RRMS", EXC, []),  # NCT05304520
        (
            "Diagnosed with CNS inflammation disorders other than MS, such as: NMOSD "
            "(Neuromyelitis Optica Spectrum Disorder) or MOGAD (Myelin Oligodendrocyte "
            "Glycoprotein Antibody-associated Disease)",
            EXC,
            [],
        ),  # NCT06832293
        # NCT04832269: the MS is the mother's.
        (
            "Non-exposed group (n=40): Children and adolescents of mothers suffering from MS "
            "without MP therapy during pregnancy (aged 8 to 18 years) matched for age, gender and "
            "social background",
            INC,
            [],
        ),
        (
            "No history of clinically isolated syndrome or MS Pairing criteria :",
            INC,
            [],
        ),  # NCT04873492 (healthy controls)
        ("Relapses during a previous pregnancy", EXC, []),  # built
        # NCT05304520: a rule for RRMS participants already on natalizumab, not a need to have RRMS.
        (
            "In RRMS participants who are already on natalizumab therapy, continued treatment must "
            "be indicated based on current SmPC",
            INC,
            [],
        ),
        # The disease named in general, then the one course it means (built)
        ("Diagnosis of MS with a relapsing-remitting course", INC, ["subtype requires yes=RRMS"]),
        (
            "Diagnosis of multiple sclerosis, relapsing-remitting type",
            INC,
            ["subtype requires yes=RRMS"],
        ),
        ("Diagnosis of MS or CIS", INC, ["subtype requires yes=RRMS,SPMS,PPMS,CIS"]),
        # A change of course: the course now counts, the one before does not (built)
        ("Patients with RRMS who have converted to SPMS", INC, ["subtype requires yes=SPMS"]),
        (
            "Conversion from RRMS to SPMS within the last 2 years",
            INC,
            ["subtype requires yes=SPMS"],
        ),
        (
            "Patients with MS who have transitioned to a secondary progressive course",
            INC,
            ["subtype requires yes=SPMS"],
        ),
    ],
)
def test_subtype_facts(text: str, kind: str, expected: list[str]) -> None:
    assert subtype_facts(text, kind) == expected


@pytest.mark.parametrize(
    "text, kind, subtype, verdict",
    [
        ("Relapsing remitting multiple sclerosis (RRMS)", INC, "SPMS", FALSE),  # NCT00490906
        (PROGRESSIVE, EXC, "RRMS", FALSE),
        (PROGRESSIVE, EXC, "PPMS", TRUE),
        (MCDONALD, INC, "PPMS", TRUE),
        (MCDONALD, INC, "RIS", FALSE),  # a radiologically isolated syndrome is not MS
        ("Patients with RRMS who have converted to SPMS", INC, "SPMS", TRUE),  # built
        ("Patients with RRMS who have converted to SPMS", INC, "RRMS", FALSE),
    ],
)
def test_subtype_verdicts(text: str, kind: str, subtype: str, verdict: int) -> None:
    assert parse_criterion(text, kind).evaluate(Profile(ms_subtype=subtype)) == verdict


# Negation, doubt, "other than", a possibility: an RRMS patient is never ruled out by a guess.
# abstained None: reading the fact right ("excludes PPMS") or leaving it to the team both do.
@pytest.mark.parametrize(
    "text, kind, abstained",
    [
        ("Uncertain or unconfirmed diagnosis of MS", EXC, True),  # built
        ("Non relapsing MS", EXC, True),  # built
        ("Patients who may develop secondary progressive MS during the study", EXC, True),  # built
        ("Not a diagnosis of primary progressive MS", INC, None),  # built
        ("Any form of MS other than RRMS", EXC, None),  # built
    ],
)
def test_a_cue_never_rules_out_an_rrms_patient(
    text: str, kind: str, abstained: bool | None
) -> None:
    if abstained is not None:
        assert abstains(text, kind) is abstained
    verdict = parse_criterion(text, kind).evaluate(Profile(ms_subtype="RRMS"))
    assert verdict != (FALSE if kind == INC else TRUE)


# Built after the second probe set: "No <course>" as the whole of an inclusion excludes that
# course; under an exclusion heading, and "No MS" (a control group's rule), the team reads it.
@pytest.mark.parametrize(
    "text, kind, course, verdict",
    [
        ("No progressive form of MS", INC, "SPMS", FALSE),
        ("No progressive form of MS", INC, "RRMS", TRUE),
        ("No primary progressive MS", INC, "PPMS", FALSE),
        ("No primary progressive MS", INC, "SPMS", TRUE),
        ("No PPMS", EXC, "RRMS", REVIEW),
        ("No MS", INC, "RRMS", REVIEW),
    ],
)
def test_no_course_as_a_whole_inclusion(text, kind, course, verdict):
    assert parse_criterion(text, kind).evaluate(Profile(ms_subtype=course)) == verdict


@pytest.mark.parametrize(
    "text, excluded",
    [
        # built after the fifth probe set: any course but the ones after the exception
        ("MS of any type, except primary progressive", "PPMS"),
        ("Any form of MS other than primary progressive MS", "PPMS"),
        ("any type of MS except secondary progressive or primary progressive MS", "SPMS,PPMS"),
    ],
)
def test_any_course_except_some(text, excluded):
    assert facts(text, INC) == [
        "subtype requires yes=RRMS,SPMS,PPMS maybe=CIS",
        f"subtype excludes yes={excluded}",
    ]
    tree = parse_criterion(text, INC)
    assert tree.evaluate(Profile(ms_subtype="RRMS")) == TRUE
    assert tree.evaluate(Profile(ms_subtype="PPMS")) == FALSE


def test_the_disease_of_any_course_is_the_diagnosis():
    assert facts("Clinically definite MS of any course", INC) == [
        "subtype requires yes=RRMS,SPMS,PPMS maybe=CIS"
    ]


def test_the_words_after_the_exception_are_still_read_or_left_to_the_team():
    # "..., except PPMS, with EDSS 0-6": the EDSS limit is never silently dropped
    text = "Clinically definite MS of any type, except PPMS, with EDSS 0-6"
    assert any(f.startswith("edss") for f in facts(text, INC)) or abstains(text, INC)
    assert parse_criterion(text, INC).evaluate(Profile(ms_subtype="RRMS", edss=8.0)) != TRUE


def test_a_course_excepted_from_the_one_named_before_it():
    # "Relapsing forms of MS, excluding CIS" had abstained; "MS other than PPMS" had let PPMS in
    assert facts("Relapsing forms of MS, excluding clinically isolated syndrome") == [
        "subtype excludes yes=CIS",
        "subtype requires yes=RRMS maybe=SPMS",
    ]
    tree = parse_criterion("Diagnosis of MS other than PPMS", "inclusion")
    assert tree.evaluate(Profile(ms_subtype="PPMS")) == FALSE
    assert tree.evaluate(Profile(ms_subtype="RRMS")) == TRUE
    assert "subtype excludes yes=CIS,RIS" in facts("Any MS subtype excluding RIS and CIS")


@pytest.mark.parametrize(
    "text", ["Any MS subtype other than RRMS", "Any form of MS other than relapsing-remitting"]
)
def test_any_other_course_as_an_exclusion_requires_the_course_named(text):
    # the contrast is read, not left to the team: RRMS is kept, every other course is barred,
    # and CIS (no MS course) is the team's to judge
    tree = parse_criterion(text, "exclusion")
    assert tree.evaluate(Profile(ms_subtype="RRMS")) == FALSE
    assert tree.evaluate(Profile(ms_subtype="SPMS")) == TRUE
    assert tree.evaluate(Profile(ms_subtype="CIS")) == REVIEW


def test_an_active_course_defined_goes_with_its_definition():
    # built after probes24: "Active SPMS, defined as a relapse in 24 months" listed as an
    # exclusion had excluded every SPMS and every relapse, each alone
    tree = parse_criterion(
        "Active SPMS, defined as a relapse in the 24 months before screening", EXC
    )
    assert tree.evaluate(Profile(ms_subtype="RRMS", months_since_last_relapse=3)) == FALSE
    assert tree.evaluate(Profile(ms_subtype="SPMS", months_since_last_relapse=60)) == FALSE


def test_a_bracket_between_the_disease_and_any_type_except():
    # built after probes23: "(McDonald 2010)" had hidden "of any type except"
    tree = parse_criterion(
        "Diagnosis of MS (McDonald 2010) of any type except primary progressive", INC
    )
    assert tree.evaluate(Profile(ms_subtype="PPMS")) == FALSE
    assert tree.evaluate(Profile(ms_subtype="RRMS")) == TRUE


def test_the_activity_letter_before_a_course():
    # built after probes23: "aSPMS" (active SPMS) was not read as a course at all
    assert (
        parse_criterion("Pts w/ RMS (RRMS/aSPMS)", INC).evaluate(Profile(ms_subtype="SPMS"))
        != FALSE
    )
    assert parse_criterion("nrSPMS", INC).evaluate(Profile(ms_subtype="RRMS")) == FALSE


def test_relapsing_ms_written_with_a_small_r():
    # built after probes28: "rMS" (a sponsor's spelling of relapsing MS) was not read, so a
    # list of what it includes ("including CIS and active SPMS") turned away RRMS
    tree = parse_criterion("rMS, including CIS and active SPMS, as defined by Lublin 2014", INC)
    assert tree.evaluate(Profile(ms_subtype="RRMS")) != FALSE
    assert parse_criterion("Diagnosis of rMS", INC).evaluate(Profile(ms_subtype="PPMS")) == FALSE


@pytest.mark.parametrize(
    "text",
    [  # probes31 (dev): a course the exclusion lets in had been barred with the rest
        "Relapsing-remitting MS (patients with active SPMS are eligible)",
        "Relapsing-remitting MS; patients with SPMS are eligible",
        "RRMS (SPMS allowed)",
    ],
)
def test_a_course_an_exclusion_lets_in_is_not_barred(text):
    tree = parse_criterion(text, EXC)
    assert tree.evaluate(Profile(ms_subtype="SPMS")) != TRUE
    assert tree.evaluate(Profile(ms_subtype="RRMS")) == TRUE
    # "not allowed" lets no one in
    assert (
        parse_criterion("PPMS (SPMS is not allowed)", EXC).evaluate(Profile(ms_subtype="SPMS"))
        == TRUE
    )


# Built after the thirty-fifth and thirty-sixth probe sets.
@pytest.mark.parametrize(
    "text, kind, course, verdict",
    [
        ("Not diagnosed with primary progressive MS", INC, "PPMS", FALSE),
        ("Not diagnosed with primary progressive MS", INC, "RRMS", TRUE),
        ("Must not have PPMS", INC, "SPMS", TRUE),
        ("Not diagnosed with primary progressive MS", EXC, "RRMS", REVIEW),
        # every course, and CIS too: none is ruled out
        ("Multiple sclerosis of any disease course, including CIS", INC, "RRMS", TRUE),
        ("Multiple sclerosis of any disease course, including CIS", INC, "CIS", TRUE),
        # a first event may be called relapsing MS today: the team's, never a "doesn't fit"
        (
            "First clinical demyelinating event within the 180 days before randomisation",
            INC,
            "RRMS",
            REVIEW,
        ),
        (
            "First clinical demyelinating event within the 180 days before randomisation",
            INC,
            "PPMS",
            FALSE,
        ),
    ],
)
def test_a_course_denied_by_a_verb_or_added_to_all(text, kind, course, verdict):
    assert parse_criterion(text, kind).evaluate(Profile(ms_subtype=course)) == verdict


def test_the_age_at_diagnosis_bars_no_diagnosis():
    # probes35: "made at the age of 50" had barred everyone with MS
    tree = parse_criterion("Diagnosis of MS made at the age of 50 or later", EXC)
    assert tree.evaluate(Profile(ms_subtype="RRMS")) == REVIEW


@pytest.mark.parametrize(
    "text",
    [
        # probes44 (start set): the relapse binds only the SPMS branch
        "Diagnosis of RRMS; or of SPMS with a relapse in the previous 2 years; or of CIS",
        "relapsing-remitting MS, or secondary progressive MS with a relapse in the past 2 years",
    ],
)
def test_a_condition_said_of_the_last_course_binds_only_it(text):
    tree = parse_criterion(text, INC)
    # an RRMS patient without a relapse fits (it had read as a need for all); SPMS is checked
    assert tree.evaluate(Profile(ms_subtype="RRMS", months_since_last_relapse=60)) == TRUE
    assert tree.evaluate(Profile(ms_subtype="SPMS", months_since_last_relapse=60)) == REVIEW
    assert tree.evaluate(Profile(ms_subtype="PPMS")) == FALSE


def test_one_bound_said_after_the_courses_binds_them_all():
    assert facts("RRMS or SPMS with an EDSS of 3.0 to 6.0", INC) == [
        "subtype requires yes=RRMS,SPMS",
        "edss requires min=3 max=6",
    ]


def test_course_words_joined_before_the_disease_each_take_it():
    """Built after probes58: "Active relapsing or progressive MS" lets in relapsing MS as well
    as progressive MS; read as progressive MS alone it told a person with RRMS "no"."""
    profile = Profile(age=40, ms_subtype="RRMS")
    for text in ("Relapsing or progressive MS", "Active relapsing or progressive MS"):
        assert parse_criterion(text, INC).evaluate(profile) != FALSE, text
    got = facts("Relapsing and progressive forms of MS")
    assert len(got) == 1 and "RRMS" in got[0] and "PPMS" in got[0]


def test_older_course_names_and_drug_codes():
    """Built after probes57: "secondary chronic progressive" is SPMS, "primary chronic
    progressive" PPMS; "copolymer-1" is glatiramer acetate and "Campath-1H" alemtuzumab."""
    assert facts("Secondary chronic progressive MS") == ["subtype requires yes=SPMS"]
    assert facts("Patients with primary chronic progressive disease", EXC) == [
        "subtype excludes yes=PPMS"
    ]
    assert facts("Prior treatment with Campath-1H at any time", EXC) == [
        "therapy excludes drugs=alemtuzumab"
    ]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Relapsing-remitting patients who have entered the secondary progressive phase", EXC),
        (
            "Patients initially diagnosed with RRMS whose disease is now secondary progressive",
            INC,
        ),
    ],
)
def test_the_course_changed_to_is_the_course_now(text, kind):
    """Built after probes60 (MS type with timing and transition): the course a person had before
    the change ("entered", "is now") is history; only the course now is read, so a person with
    RRMS is neither barred by the exclusion nor let in by the inclusion as RRMS."""
    assert subtype_facts(text, kind) == [
        f"subtype {'excludes' if kind == EXC else 'requires'} yes=SPMS"
    ]
    verdict = parse_criterion(text, kind).evaluate(Profile(ms_subtype="RRMS"))
    # (under the exclusion TRUE would bar the person: RRMS is never barred by it)
    assert verdict == FALSE if kind == INC else verdict != TRUE


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        ("Relapse-onset MS of any current course", EXC, ["subtype excludes yes=RRMS,SPMS"]),
        (
            "Progressive-onset MS (progressive from the first symptoms)",
            EXC,
            ["subtype excludes yes=PPMS"],
        ),
    ],
)
def test_the_course_at_onset(text, kind, expected):
    """Built after probes60: relapse-onset MS is RRMS or SPMS; progressive-onset is PPMS."""
    assert subtype_facts(text, kind) == expected
