"""Disease duration (trials_db/criteria/duration.py): time since diagnosis or first symptoms."""

from __future__ import annotations

import pytest

from tests.criteria.reading import facts, known_gap
from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import FALSE, REVIEW, TRUE
from trials_db.eligibility import EXCLUSION, INCLUSION
from trials_db.profile import Profile

INC, E = INCLUSION, EXCLUSION
MORE_THAN_10 = "Disease duration of more than 10 years in patients with an EDSS score of 2 or less"
EVOLUTION = (
    "Diagnosed with MS according to McDonald criteria with an evolution time of more than "
    "two years"
)  # NCT05895734
SINCE = (
    "Definite MS diagnosis according to the 2017 McDonald criteria since at least one " "month."
)  # NCT05912595
STABLE = (
    "Subjects with Multiple Sclerosis must be clinically stable in the investigator's "
    "opinion, with no exacerbation (relapse) of MS for at least 3 months prior to "
    "Screening."
)  # NCT02660138


def durations(text: str, kind: str) -> list[str]:
    return [f for f in facts(text, kind) if f.startswith("diseaseduration ")]


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        (EVOLUTION, INC, ["diseaseduration requires min=2 min_inclusive=False"]),
        # NCT06355804
        (
            "self-reported diagnosis of MS by a neurologist within the past 2 years",
            INC,
            ["diseaseduration requires max=2"],
        ),
        # NCT05532943
        (
            "MS diagnosis established between 2 to 15 years and EDSS score between 2.0 to 6.5 "
            "before enrollment",
            INC,
            ["diseaseduration requires min=2 max=15"],
        ),
        (MORE_THAN_10, E, ["diseaseduration excludes min=10 min_inclusive=False"]),  # NCT02792218
        (
            "Time since diagnosis of at least 12 months",
            INC,
            ["diseaseduration requires min=1"],
        ),  # built
        ("Disease duration of 5 years or less", INC, ["diseaseduration requires max=5"]),  # built
        (
            "Disease duration of more than 10 years",
            E,  # built
            ["diseaseduration excludes min=10 min_inclusive=False"],
        ),
        # Durations of something else than the disease: the attack, the pain, a treatment course.
        ("Symptom duration maximum 4 weeks", INC, []),  # NCT00261326
        (
            "Central neuropathic pain, due to multiple sclerosis, of at least three months "
            "duration, for which a nociceptive, peripheral neuropathic or psychogenic cause "
            "appeared unlikely and was expected to remain stable for the duration of the study.",
            INC,
            [],
        ),  # NCT01604265
        (
            "May be treatment naive, or had suboptimal response to no more than one DMT after an "
            "adequate course of treatment (defined as treatment duration of 6+ months).",
            INC,
            [],
        ),  # NCT04458688
        (
            "Duration of multiple sclerosis greater than six months.",
            INC,  # NCT01604265
            ["diseaseduration requires min=0.5 min_inclusive=False"],
        ),
        pytest.param(
            "Must have a diagnosis of primary-progressive, secondary-progressive, "
            "progressive-remitting, or relapsing-remitting multiple sclerosis (MS) per "
            "revised McDonald Committee criteria ([Polman et al, 2011]) as defined by Lublin "
            "and Reingold [Lublin and Reingold 1996] of at least 3 months duration.",
            INC,
            ["diseaseduration requires min=0.25"],  # NCT01480076
            marks=known_gap("'of at least 3 months duration' after the MS course is not read"),
        ),
        pytest.param(
            "With 1 or more MS diagnosis for 12 months prior to the index date [inclusive].",
            INC,
            [],  # NCT06459232
            marks=known_gap(
                "a claims look-back (an MS diagnosis code in the 12 months before the "
                "index date) is read as duration >= 1 year"
            ),
        ),
        (STABLE, INC, []),
        (
            "Disease duration of no more than 15 years",
            INC,
            ["diseaseduration requires max=15"],
        ),  # built
        (
            "Disease duration shorter than 10 years",
            INC,  # built
            ["diseaseduration requires max=10 max_inclusive=False"],
        ),
        (  # built: a condition for another EDSS bound is no requirement of its own
            "EDSS ≥ 2.0 (or ≥ 3.0 for patients with disease duration > 10 years)",
            INC,
            [],
        ),
        (  # built: "for 2 years" is the relapse's window, not the diagnosis's
            "Have a diagnosis of SPMS and have had no relapse for 2 years",
            INC,
            [],
        ),
        (
            "diagnosed with RRMS for more than 6 months",
            INC,  # built
            ["diseaseduration requires min=0.5 min_inclusive=False"],
        ),
    ],
)
def test_reads_the_disease_duration(text, kind, expected):
    assert durations(text, kind) == expected


@pytest.mark.parametrize(
    "text, kind, profile, verdict",
    [
        (
            EVOLUTION,
            INC,
            dict(years_since_diagnosis=2, ms_subtype="RRMS"),
            FALSE,
        ),  # "more than two"
        (SINCE, INC, dict(years_since_diagnosis=0.5, ms_subtype="RRMS"), TRUE),
        (SINCE, INC, dict(years_since_diagnosis=0.02, ms_subtype="RRMS"), FALSE),
        ("Disease duration of 5 years or less", INC, dict(years_since_diagnosis=5), TRUE),  # built
        (
            "Disease duration of more than 10 years",
            E,
            dict(years_since_diagnosis=10),
            FALSE,
        ),  # built
        (
            "Disease duration of more than 10 years",
            E,
            dict(years_since_diagnosis=11),
            TRUE,
        ),  # built
        # built: onset comes before diagnosis, so only an old diagnosis settles it.
        ("Onset of symptoms within the last 10 years", INC, dict(years_since_diagnosis=12), FALSE),
        ("Onset of symptoms within the last 10 years", INC, dict(years_since_diagnosis=3), REVIEW),
        # NCT02792218: only both together exclude.
        (MORE_THAN_10, E, dict(years_since_diagnosis=15, edss=1.5), TRUE),
        pytest.param(
            MORE_THAN_10,
            E,
            dict(years_since_diagnosis=15, edss=4.0),
            FALSE,
            marks=known_gap(
                "the two conditions are joined as 'or': a long duration alone " "excludes"
            ),
        ),
        # NCT00004814 (general list): the disease began at least a year ago. Onset comes before
        # the diagnosis: a diagnosis 5 years ago settles it, one 6 months ago leaves it to review.
        (
            "Onset of first relapse at least 1 year prior to randomization",
            INC,
            dict(years_since_diagnosis=5, months_since_last_relapse=20),
            TRUE,
        ),
        (
            "Onset of first relapse at\nleast 1 year prior to randomization",
            INC,
            dict(years_since_diagnosis=0.5, months_since_last_relapse=6),
            REVIEW,
        ),
        ("Onset of symptoms more than 10 years ago", E, dict(years_since_diagnosis=12), TRUE),
        ("Onset of symptoms more than 10 years ago", E, dict(years_since_diagnosis=3), REVIEW),
        # built: the common shapes of a time since diagnosis
        ("Disease duration of 2 to 15 years", INC, dict(years_since_diagnosis=16), FALSE),
        ("Disease duration of 2 to 15 years", INC, dict(years_since_diagnosis=5), TRUE),
        ("Diagnosed less than 5 years ago", INC, dict(years_since_diagnosis=6), FALSE),
        ("Less than 3 years since diagnosis", INC, dict(years_since_diagnosis=2), TRUE),
        (
            "Diagnosis of MS at least 1 year prior to screening",
            INC,
            dict(years_since_diagnosis=0.5, ms_subtype="RRMS"),
            FALSE,
        ),
        # built: a time since the first symptoms; a diagnosis 1 year ago may follow symptoms
        # 3 years ago, so it is no "doesn't fit"
        (
            "Disease duration of more than 2 years since first symptoms",
            INC,
            dict(years_since_diagnosis=1),
            REVIEW,
        ),
        (
            "Disease duration of more than 2 years since first symptoms",
            INC,
            dict(years_since_diagnosis=3),
            TRUE,
        ),
    ],
)
def test_verdict_for_a_patient(text, kind, profile, verdict):
    assert parse_criterion(text, kind).evaluate(Profile(**profile)) == verdict


@pytest.mark.parametrize(
    "text, kind, profile",
    [
        (
            "Not diagnosed with MS within the past 6 months",
            INC,  # built
            dict(years_since_diagnosis=3),
        ),
        (STABLE, INC, dict(years_since_diagnosis=0.2, months_since_last_relapse=6)),
    ],
)
def test_a_negated_duration_never_fails_a_patient_who_fits(text, kind, profile):
    failed = FALSE if kind == INCLUSION else TRUE
    assert parse_criterion(text, kind).evaluate(Profile(**profile)) != failed


@pytest.mark.parametrize(
    "text, expected",
    [
        # built after the fourth probe set: a comparison as a translated protocol writes it,
        # and one fact read once although two patterns find it
        (
            "Disease duration not superior to 5 years from the diagnosis",
            ["diseaseduration requires max=5"],
        ),
        ("Disease duration ≤ 10 yrs from diagnosis†", ["diseaseduration requires max=10"]),
        (
            "Disease duration not more than 5 years from the diagnosis",
            ["diseaseduration requires max=5"],
        ),
    ],
)
def test_translated_comparisons_and_one_reading_per_fact(text, expected):
    assert facts(text, "inclusion") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # built after the fourth probe set: the diagnosis's own time, as a range or a least
        (
            "Diagnosis of RRMS for 1 to 10 years, aged 18 to 50",
            "diseaseduration requires min=1 max=10",
        ),
        (
            "Age 55 years and older, with an MS diagnosis of at least 10 years",
            "diseaseduration requires min=10",
        ),
    ],
)
def test_the_time_of_the_diagnosis_as_a_range_or_a_least(text, expected):
    assert expected in facts(text, "inclusion")
    assert "diagnosis of at least 10 years ago" not in text  # the ago form is a time since


@pytest.mark.parametrize(
    "text, expected",
    [
        # built after the fifth probe set, from the third's dev part
        (
            "Age 18 to 55 years with a diagnosis of MS for no more than 10 years",
            "diseaseduration requires max=10",
        ),
        (
            "disease duration from onset of symptoms of less than 15 years",
            "diseaseduration requires max=15 max_inclusive=False",
        ),
    ],
)
def test_a_most_time_with_ms_said_after_for_or_from_onset(text, expected):
    assert expected in facts(text, "inclusion")


def test_a_most_time_since_onset_fails_only_when_the_diagnosis_is_older():
    tree = parse_criterion(
        "disease duration from onset of symptoms of less than 15 years", "inclusion"
    )
    assert tree.evaluate(Profile(years_since_diagnosis=20)) == FALSE
    assert tree.evaluate(Profile(years_since_diagnosis=10)) != FALSE  # onset may be older


def test_a_most_since_onset_is_no_least():
    # "no more than" holds a "more than": read as a most, which fails only when the diagnosis
    # alone is older (onset comes first); otherwise the team checks
    tree = parse_criterion(
        "Onset of first MS symptoms no more than 10 years prior to screening", INC
    )
    assert tree.evaluate(Profile(years_since_diagnosis=12)) == FALSE
    assert tree.evaluate(Profile(years_since_diagnosis=5)) == REVIEW
    both = parse_criterion(
        "Symptom onset more than 2 years and less than 15 years prior to consent", INC
    )
    assert both.evaluate(Profile(years_since_diagnosis=20)) == FALSE
    assert both.evaluate(Profile(years_since_diagnosis=5)) != FALSE


def test_a_duration_since_diagnosis_not_exceeding():
    assert durations(
        "Duration of disease since diagnosis not exceeding 20 years at baseline", INC
    ) == ["diseaseduration requires max=20"]


def test_a_least_then_a_most():
    assert durations("Disease duration ≥ 1 year and ≤ 20 years", INCLUSION) == [
        "diseaseduration requires min=1 max=20"
    ]
    tree = parse_criterion("Disease duration of at least 1 year and less than 20 years", INCLUSION)
    assert tree.evaluate(Profile(years_since_diagnosis=25)) == FALSE
    assert tree.evaluate(Profile(years_since_diagnosis=20)) == FALSE
    assert tree.evaluate(Profile(years_since_diagnosis=10)) == TRUE


@pytest.mark.parametrize(
    "text, expected",
    [  # built: the time since the first symptom, and "of N years' duration"
        (
            "Time since first MS symptom of ≥ 1 year but < 15 years",
            ["diseaseduration requires min=1 max=15 max_inclusive=False"],
        ),
        ("MS of at least 2 years' duration", ["diseaseduration requires min=2"]),
        ("RRMS of not less than one year's duration", ["diseaseduration requires min=1"]),
        # NCT01604265: the pain's duration, not the disease's
        (
            "Central neuropathic pain, due to multiple sclerosis, of at least three months "
            "duration",
            [],
        ),
    ],
)
def test_durations_since_the_first_symptom_and_of_n_years(text, expected):
    assert durations(text, INCLUSION) == expected


@pytest.mark.parametrize(
    "text, expected",
    [  # built: two bounds of the time since diagnosis, and onset told in brackets
        (
            "Diagnosis of MS at least 6 months and no more than 5 years before the screening visit",
            ["diseaseduration requires min=0.5 max=5"],
        ),
        (
            "Disease duration (time from first symptoms [per patient report]) of ≤ 15 years",
            ["diseaseduration requires max=15"],
        ),
    ],
)
def test_two_bounds_before_screening_and_onset_in_brackets(text, expected):
    assert durations(text, INCLUSION) == expected


@pytest.mark.parametrize(
    "text, kind, fits, fails",
    [  # built after probes21: a sign after "diagnosis"
        ("Disease duration: ≤ 15 years", INCLUSION, 10, 20),  # a form's label
        ("Disease duration: 15 years or less", INCLUSION, 10, 20),
        ("MS diagnosis > 15 years ago", EXCLUSION, 10, 20),
        ("EDSS > 6.0 or age > 60 or MS diagnosis > 15 years ago", EXCLUSION, 10, 20),
    ],
)
def test_durations_as_fields_and_signs(text, kind, fits, fails):
    tree = parse_criterion(text, kind)
    bad, good = (TRUE, FALSE) if kind == EXCLUSION else (FALSE, TRUE)
    assert tree.evaluate(Profile(years_since_diagnosis=fits, age=40, edss=3)) == good
    assert tree.evaluate(Profile(years_since_diagnosis=fails, age=40, edss=3)) == bad


@pytest.mark.parametrize(
    "text",
    [  # built after probes26: the onset of one attack, not of the disease
        "Currently experiencing an acute relapse with onset within the past 14 days",
        "Onset of the current relapse within the past 30 days",
        "An exacerbation with onset within the last 10 days before screening",
    ],
)
def test_an_attacks_onset_is_no_disease_duration(text):
    assert not [f for f in facts(text, INCLUSION) if f.startswith("diseaseduration")]
    # someone with MS for 10 years and a relapse last week is not told it doesn't fit
    tree = parse_criterion(text, INCLUSION)
    profile = Profile(years_since_diagnosis=10, months_since_last_relapse=0.2, age=40)
    assert tree.evaluate(profile) != FALSE


def test_symptom_onset_is_still_the_disease_s():
    assert facts("Symptom onset within the past 10 years", INCLUSION) == [
        "diseaseduration requires max=10"
    ]


@pytest.mark.parametrize(
    "text, short, long",
    [  # probes31 (dev): durations said as "MS for", "a decade", "within N of screening"
        ("MS for less than 10 years", 9, 11),
        ("MS for less than a decade", 9, 11),
        ("Diagnosis made within 12 months of screening", 0.5, 2),
    ],
)
def test_a_most_time_with_ms(text, short, long):
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(years_since_diagnosis=short)) == TRUE
    assert tree.evaluate(Profile(years_since_diagnosis=long)) == FALSE


def test_within_years_of_the_first_symptom_and_treated_for_ms():
    tree = parse_criterion("Within 10 years of the first MS symptom", INCLUSION)
    assert tree.evaluate(Profile(years_since_diagnosis=12)) == FALSE  # onset is older still
    assert tree.evaluate(Profile(years_since_diagnosis=5)) == REVIEW  # onset is not known
    # how long MS was treated is no disease duration
    tree = parse_criterion("Treated for MS for less than 1 year", EXCLUSION)
    assert tree.evaluate(Profile(years_since_diagnosis=0.5)) == REVIEW


def test_the_onset_of_a_relapse_after_a_comma_is_no_disease_duration():
    # probes34 (start set): a disease duration of at most 14 days had been read, which fails
    # everyone with MS for longer
    text = (
        "Currently experiencing an acute relapse, with onset of symptoms no more than 14 days "
        "before randomisation"
    )
    assert not [f for f in durations(text, INCLUSION)]


@pytest.mark.parametrize(
    "text, expected",
    [  # probes41 (dev): the bound said after the time had been read as a least
        ("Have you had MS for 10 years or less?", ["diseaseduration requires max=10"]),
        ("MS for 5 years or less", ["diseaseduration requires max=5"]),
        ("MS for 2 years or longer", ["diseaseduration requires min=2"]),
        ("MS for 10 years", ["diseaseduration requires min=10"]),
    ],
)
def test_a_bound_said_after_the_time(text, expected):
    assert facts(text, INCLUSION) == expected
