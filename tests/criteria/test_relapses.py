"""Relapses in a time window (trials_db/criteria/relapses.py): how many, how recent."""

from __future__ import annotations

import math

import pytest

from tests.criteria.reading import abstains, facts, reviews
from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import FALSE, REVIEW, TRUE
from trials_db.eligibility import EXCLUSION, INCLUSION
from trials_db.profile import Profile

INC, E = INCLUSION, EXCLUSION
NEVER = math.inf
NO_RECENT = "No relapse in the 30 days before screening"  # built: "No ..." listed as an exclusion
REMISSION = "At start of study > 6 weeks in clinical remission of disease"  # NCT02096133
TWO_WAYS = (
    "Two or more documented clinical relapses of MS in the preceding 24 months OR one "
    "documented clinical relapse of MS in the preceding 12 months prior to screening"
)
NOT_HAD = "Have not had a definite relapse for at least 6 weeks"  # NCT04694534


def relapses(text: str, kind: str) -> list[str]:
    return [f for f in facts(text, kind) if f.startswith("relapses ")]


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        # NCT00001781 and NCT00004814 are general lists (no headings): read as inclusions.
        (
            "No evidence of relapse for at least 30 days prior to entry.",
            INC,
            ["relapses excludes months=1"],
        ),
        (
            "One or more relapses in the 2 years preceding randomization.",
            INC,
            ["relapses requires months=24"],
        ),
        (
            "At least 2 documented relapses within 2 years prior to entry",
            INC,
            ["relapses requires count=2 months=24"],
        ),
        ("Onset of first relapse at least 1 year prior to randomization", INC, []),  # disease onset
        # the same line as CT.gov's XML download wraps it (NCT00004814): one line, same reading
        ("Onset of first relapse at\nleast 1 year prior to randomization", INC, []),
        # NCT00030966
        (
            "Have experienced at least one relapse (while on Avonex) within the 12 months prior to "
            "randomization.",
            INC,
            ["relapses requires months=12"],
        ),
        (
            "MS relapse has occurred within 50 days of randomization",
            E,
            ["relapses excludes months=1.6667"],
        ),
        (
            "Exacerbation of MS within 30 days prior to screenin visit",
            E,  # NCT00260741
            ["relapses excludes months=1"],
        ),
        (
            "MS relapse or change in disease modifying treatment (DMT) within 60 days",
            E,  # NCT02143167
            ["relapses excludes months=2"],
        ),
        (
            "Being free of relapses in the last three months.",
            INC,  # NCT05912595
            ["relapses excludes months=3"],
        ),
        ("relapse-free for the past 30 days", INC, ["relapses excludes months=1"]),  # NCT06355804
        (
            "No relapses in the year prior to inclusion",
            INC,  # NCT03910738
            ["relapses excludes months=12"],
        ),
        (
            "Clinically or radiologically confirmed MS relapses within 3 months prior to "
            "enrollment",
            E,
            ["relapses excludes months=3"],
        ),  # NCT07086950
        (
            "Having suffered an exacerbation or hospitalization in the last three months before "
            "starting the assessment protocol, or during the therapeutic intervention process.",
            E,
            ["relapses excludes months=3"],
        ),  # NCT05895734
        (NO_RECENT, E, ["relapses excludes months=1"]),  # a recent relapse excludes
        # Relapses named, but no relapse window asked for.
        (
            "Diagnosed with any disease sub-type of multiple sclerosis, with relapses/remission "
            "not expected to influence neuropathic pain.",
            INC,
            [],
        ),  # NCT01604265
        (
            "Treatment with high-dose dexamethasone for MS exacerbation during study.",
            E,
            [],
        ),  # NCT02096133
        (  # built: "the past year" is this relapse's window, not the next one's 2 years
            "At least 1 documented relapse within the past year or 2 relapses in the past 2 years",
            INC,
            ["relapses requires months=12", "relapses requires count=2 months=24"],
        ),
    ],
)
def test_reads_the_relapse_window(text, kind, expected):
    assert relapses(text, kind) == expected


@pytest.mark.parametrize(
    "text, kind, profile, verdict",
    [
        (
            "No relapses 28 days before randomisation",
            INC,  # NCT02727907
            dict(months_since_last_relapse=0.5),
            FALSE,
        ),
        (
            "No relapses 28 days before randomisation",
            INC,
            dict(months_since_last_relapse=NEVER),
            TRUE,
        ),
        (NOT_HAD, INC, dict(months_since_last_relapse=12), TRUE),
        (NOT_HAD, INC, dict(months_since_last_relapse=1), FALSE),
        (REMISSION, INC, dict(months_since_last_relapse=1), FALSE),
        (REMISSION, INC, dict(months_since_last_relapse=3), TRUE),
        (
            "Experiencing new neurological symptoms, with onset in previous 2 weeks, attributable "
            "to MS relapse",
            E,
            dict(months_since_last_relapse=0.25),
            TRUE,
        ),  # NCT02784210
        (NO_RECENT, E, dict(months_since_last_relapse=0.5), TRUE),
        (NO_RECENT, E, dict(months_since_last_relapse=6), FALSE),
        # NCT02200718: two alternatives ("OR"), either suffices.
        (TWO_WAYS, INC, dict(months_since_last_relapse=18, relapses_past_2_years=2), TRUE),
        (TWO_WAYS, INC, dict(months_since_last_relapse=18, relapses_past_2_years=1), FALSE),
        # NCT02792218: an MRI scan is a third way in, so having no relapse cannot fail it.
        (
            "At least 1 relapse during the previous 1 year or 2 relapses during the previous 2 "
            "years or a positive gadolinium-enhancing MRI scan in previous year",
            INC,
            dict(months_since_last_relapse=30, relapses_past_2_years=0),
            REVIEW,
        ),
    ],
)
def test_verdict_for_a_patient(text, kind, profile, verdict):
    assert parse_criterion(text, kind).evaluate(Profile(**profile)) == verdict


# Built: how many relapses. "More than 3" is 4 or more; a most ("fewer than 3") is the denial of
# one more than it allows ("not 3 or more"), never read as "at least 3".
@pytest.mark.parametrize(
    "text, kind, relapses_in_window, verdict",
    [
        ("More than 3 relapses in the last 2 years", E, 3, FALSE),
        ("More than 3 relapses in the last 2 years", E, 4, TRUE),
        ("More than 1 relapse in the past 2 years", INC, 1, FALSE),
        ("More than 1 relapse in the past 2 years", INC, 2, TRUE),
        ("Fewer than 3 relapses in the last 2 years", INC, 1, TRUE),
        ("Fewer than 3 relapses in the last 2 years", INC, 3, FALSE),
        ("2 or fewer relapses in the last 2 years", INC, 2, TRUE),
        ("2 or fewer relapses in the last 2 years", INC, 3, FALSE),
    ],
)
def test_how_many_relapses(text, kind, relapses_in_window, verdict):
    person = Profile(months_since_last_relapse=2, relapses_past_2_years=relapses_in_window)
    assert parse_criterion(text, kind).evaluate(person) == verdict


@pytest.mark.parametrize(
    "text, kind, profile",
    [
        (
            "Possible relapse within the last 30 days",
            E,
            dict(months_since_last_relapse=NEVER),
        ),  # built
        (
            "Relapse-free in the 3 months before screening is not required",
            INC,  # built
            dict(months_since_last_relapse=1),
        ),
    ],
)
def test_a_doubtful_or_negated_sentence_is_abstained_on(text, kind, profile):
    failed = FALSE if kind == INCLUSION else TRUE
    assert parse_criterion(text, kind).evaluate(Profile(**profile)) != failed
    assert relapses(text, kind) == [] and abstains(text, kind)


def test_a_relapse_named_as_what_a_drug_was_given_for_is_no_relapse_fact():
    # built after the criteria probes: only the steroid course excludes, not any recent relapse
    text = "Treatment with methylprednisolone for a relapse within the 60 days before baseline"
    assert [f for f in facts(text, EXCLUSION) if f.startswith("relapses")] == []
    assert facts(text, EXCLUSION) == ["therapy excludes drugs=methylprednisolone within_months=2"]


# Built after the second probe set: a most is the denial of one more ("no more than 1 relapse
# in the past year" is "not 2 or more in it"); before, the team read each one.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("No more than 1 relapse in the past year", ["relapses excludes count=2 months=12"]),
        ("Fewer than 3 relapses in the last 2 years", ["relapses excludes count=3 months=24"]),
        ("2 or fewer relapses in the previous 12 months", ["relapses excludes count=3 months=12"]),
    ],
)
def test_a_most_of_relapses_is_the_denial_of_one_more(text, expected):
    assert [f for f in facts(text, INCLUSION) if f.startswith("relapses")] == expected


def test_a_decimal_before_the_relapse_is_no_count():
    # built after the third probe set: the 5 of "6.5" was read as "5 relapses"
    text = "SPMS with EDSS of 3.0-6.5 but no relapse in the 24 months before screening"
    assert [f for f in facts(text, INCLUSION) if f.startswith("relapses")] == [
        "relapses excludes months=24"
    ]


# Built after the fourth probe set: a count of none is a denial, two counts are a range (both
# bounds, in an inclusion), a time on a drug is no relapse window, and a definition asks nothing.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Zero relapses in the previous 24 months", ["relapses excludes months=24"]),
        ("0 relapses in the past 12 months", ["relapses excludes months=12"]),
        ("zero or one relapse in the past year", ["relapses excludes count=2 months=12"]),
        (
            "1 to 2 relapses in the last 2 years",
            ["relapses requires months=24", "relapses excludes count=3 months=24"],
        ),
        (
            "Breakthrough relapse while on dimethyl fumarate for at least 6 months",
            [],
        ),
        (
            "At least one relapse in the 12 months before screening, a relapse being new "
            "symptoms lasting 24 hours",
            ["relapses requires months=12"],
        ),
        # a shared window stays shared
        (
            "MS relapse or steroid treatment in the last 4 weeks",
            ["relapses requires months=0.9231"],
        ),
    ],
)
def test_counts_of_none_ranges_of_counts_and_times_on_a_drug(text, expected):
    assert [f for f in facts(text, INCLUSION) if f.startswith("relapses")] == expected


def test_two_counts_in_an_exclusion_are_left_to_the_team():
    assert "activity" in reviews("zero or one relapse in the past year", EXCLUSION)


def test_an_elliptical_second_count_is_another_way_in():
    # "≥1 relapse in the prior year or ≥2 in the prior 2 years" had been read as one relapse in
    # two years (the second window), too lenient
    text = "≥1 relapse in the prior year or ≥2 in the prior 2 years"
    assert facts(text) == ["relapses requires months=12", "relapses requires count=2 months=24"]
    tree = parse_criterion(text, "inclusion")
    assert tree.evaluate(Profile(months_since_last_relapse=18, relapses_past_2_years=1)) == FALSE
    assert tree.evaluate(Profile(months_since_last_relapse=18, relapses_past_2_years=2)) == TRUE
    assert tree.evaluate(Profile(months_since_last_relapse=6, relapses_past_2_years=1)) == TRUE


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        # a denial denied: "relapse-free" is itself a "no"; "not" before it says a relapse
        ("Patients who have not been relapse-free for at least 6 months", "exclusion", "excludes"),
        ("Not relapse-free in the last 12 months", INCLUSION, "requires"),
        ("Relapse-free for at least 6 months before screening", INCLUSION, "excludes"),
        # a relapse-free period shorter than the window: a relapse within it
        ("Relapse-free period of less than 6 months before randomization", "exclusion", "excludes"),
        # "w/o" is "without"
        ("SPMS w/o relapses in the past 2 yrs", INCLUSION, "excludes"),
    ],
)
def test_a_denied_relapse_free_and_a_short_relapse_free_period(text, kind, expected):
    found = [f for f in facts(text, kind) if f.startswith("relapses")]
    assert len(found) == 1 and found[0].startswith(f"relapses {expected}"), found


def test_a_list_of_counts_in_windows_is_each_a_way_in():
    tree = parse_criterion(
        "Minimum of 1 relapse in the previous year, 2 in the previous 2 years, or 3 in the "
        "previous 3 years",
        INCLUSION,
    )
    # two in the last 2 years, none in the last year: in by the second way
    assert tree.evaluate(Profile(relapses_past_2_years=2, months_since_last_relapse=14)) != FALSE


def test_a_range_of_counts_takes_the_counts_inside_it():
    text = "Between 1 and 4 relapses in the 2 years preceding screening"
    tree = parse_criterion(text, INCLUSION)
    assert tree.evaluate(Profile(relapses_past_2_years=1, months_since_last_relapse=5)) != FALSE
    assert tree.evaluate(Profile(relapses_past_2_years=5, months_since_last_relapse=2)) == FALSE


def test_a_relapse_on_treatment_defines_the_failure():
    text = "Must have failed at least one prior DMT (relapse while on treatment for ≥ 6 months)"
    assert not [f for f in facts(text, INCLUSION) if f.startswith("relapses")]
    # with its own window it is also a relapse asked for
    dated = (
        "Inadequate response to at least one DMT, with at least one relapse while on treatment in "
        "the past year"
    )
    assert "relapses requires months=12" in facts(dated, INCLUSION)


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        # built after probes12: the time since the last relapse, compared
        ("Time since last relapse ≥ 6 months", INCLUSION, ["relapses excludes months=6"]),
        ("Time since last relapse < 12 months", INCLUSION, ["relapses requires months=12"]),
        (
            "Last relapse at least 6 months before screening",
            INCLUSION,
            ["relapses excludes months=6"],
        ),
        # as an exclusion: a relapse long ago excludes, so one in the window is required
        (
            "Participants whose last relapse occurred more than 12 months ago",
            EXCLUSION,
            ["relapses requires months=12"],
        ),
    ],
)
def test_the_time_since_the_last_relapse(text, kind, expected):
    assert facts(text, kind) == expected


def test_half_a_year_is_six_months():
    assert facts("At least one relapse in the last half a year", INCLUSION) == [
        "relapses requires months=6"
    ]


def test_a_definition_in_brackets_is_read_around():
    tree = parse_criterion(
        "Relapse (defined as new or worsening neurological symptoms lasting > 24 hours in the "
        "absence of fever) within 30 days before randomization",
        EXCLUSION,
    )
    assert tree.evaluate(Profile(months_since_last_relapse=0.5)) == TRUE
    assert tree.evaluate(Profile(months_since_last_relapse=6)) == FALSE


def test_relapse_counts_after_at_least_one_of_the_following_are_options():
    # built after probes16's one false not_met: both had been required
    tree = parse_criterion(
        "At least one of the following relapse criteria: 1. ≥ 1 relapse in the 12 months before "
        "screening; 2. ≥ 2 relapses in the 24 months before screening",
        INC,
    )
    assert tree.evaluate(Profile(months_since_last_relapse=6, relapses_past_2_years=1)) != FALSE
    assert tree.evaluate(Profile(months_since_last_relapse=18, relapses_past_2_years=2)) != FALSE
    assert tree.evaluate(Profile(months_since_last_relapse=30, relapses_past_2_years=0)) == FALSE


def test_counts_after_the_relapse_word_as_a_label_are_each_a_rule():
    text = "Relapses: ≥ 2 in the last 24 months and ≥ 1 in the last 12 months"
    assert facts(text) == [
        "relapses requires count=2 months=24",
        "relapses requires months=12",
    ]


def test_a_definition_in_brackets_may_hold_another_bracket():
    # built: the "24 hours" and the fever belong to the definition of a relapse
    text = (
        "At least one documented relapse (defined as new or worsening neurological symptoms "
        "lasting ≥ 24 hours (in the absence of fever or infection)) in the past 12 months"
    )
    tree = parse_criterion(text, "inclusion")
    assert tree.to_json()["type"] == "relapses" and tree.to_json()["months"] == 12.0


def test_a_definition_after_the_relapse_is_no_demand():
    # built after probes22: a relapse's definition in square brackets, or in a sentence of its
    # own, had been read as a second rule and its "or" as alternatives
    tree = parse_criterion(
        "Fewer than 1 protocol-defined relapse [objective worsening of ≥ 1 point in one FS or "
        "≥ 0.5 EDSS point] in the past year",
        EXCLUSION,
    )
    assert tree.evaluate(Profile(months_since_last_relapse=6)) == FALSE
    assert tree.evaluate(Profile(months_since_last_relapse=30)) == TRUE
    tree = parse_criterion(
        "Stable disease, i.e. no relapse in the 6 months before screening. Relapse: appearance "
        "of a new symptom or worsening of an old one lasting at least 24 hours.",
        INC,
    )
    assert tree.evaluate(Profile(months_since_last_relapse=18)) != FALSE  # "stable": the team
    assert tree.evaluate(Profile(months_since_last_relapse=2)) == FALSE
    # a count after the label is no definition
    assert facts("Relapses: ≥1 in the last 12 months") == ["relapses requires months=12"]


def test_a_count_inside_a_count_is_required_too():
    # built after probes24: the second count had been dropped, and "2 or more" made them
    # alternatives
    assert relapses(
        "Two or more clinical relapses in the 2 years before screening, of which at least one "
        "occurred in the last 12 months",
        INC,
    ) == ["relapses requires count=2 months=24", "relapses requires months=12"]
    tree = parse_criterion(
        "At least 1 relapse in the 12 months, and at least 2 in the 24 months, before screening",
        INC,
    )
    assert tree.evaluate(Profile(months_since_last_relapse=6, relapses_past_2_years=1)) == FALSE
    assert tree.evaluate(Profile(months_since_last_relapse=6, relapses_past_2_years=2)) == TRUE


def test_a_window_read_once_is_not_lent_to_another_relapse():
    # built after probes24: "with at least one relapse ever" had borrowed "12 months"
    tree = parse_criterion(
        "Relapse-free for the previous 12 months, with at least one relapse ever recorded", INC
    )
    assert tree.evaluate(Profile(months_since_last_relapse=30, relapses_past_2_years=0)) != FALSE
    assert tree.evaluate(Profile(months_since_last_relapse=3, relapses_past_2_years=1)) == FALSE


def test_or_fewer_after_the_relapse_word_is_a_most():
    # built after probes23: "One relapse or fewer" listed as an exclusion excluded everyone
    # with a relapse
    tree = parse_criterion("One relapse or fewer in the previous 2 years", E)
    # what the text says holds of the person (so they are excluded) only with at most one
    assert tree.evaluate(Profile(months_since_last_relapse=12, relapses_past_2_years=2)) == FALSE
    assert tree.evaluate(Profile(months_since_last_relapse=12, relapses_past_2_years=1)) == TRUE


def test_one_of_them_inside_a_count_is_no_alternative():
    # built after probes23: "with at least one of them in the last 12 months"
    assert relapses(
        "Two or more relapses in the last 2 years, with at least one of them in the last 12 "
        "months",
        INC,
    ) == ["relapses requires count=2 months=24", "relapses requires months=12"]
    tree = parse_criterion(
        "Two or more relapses in the last 2 years, with at least one of them in the last 12 "
        "months",
        INC,
    )
    assert tree.evaluate(Profile(months_since_last_relapse=18, relapses_past_2_years=2)) == FALSE


@pytest.mark.parametrize(
    "text",
    [  # built after probes26: the inner count said before "of which"
        "Two or more clinical relapses in the last 2 years, at least one of which occurred in the "
        "last 12 months",
        "At least 2 relapses in the past 24 months, one of which within the past 12 months",
    ],
)
def test_a_count_said_before_of_which_is_required_too(text):
    assert relapses(text, INC) == [
        "relapses requires count=2 months=24",
        "relapses requires months=12",
    ]
    tree = parse_criterion(text, INC)
    # two relapses, the last 18 months ago: the inner count fails, so both are needed
    assert tree.evaluate(Profile(months_since_last_relapse=18, relapses_past_2_years=2)) == FALSE
    assert tree.evaluate(Profile(months_since_last_relapse=3, relapses_past_2_years=2)) == TRUE


def test_one_of_the_following_is_still_a_choice():
    tree = parse_criterion(
        "At least one of the following: 1 relapse in the last year or 2 relapses in the last 2 "
        "years",
        INC,
    )
    assert tree.evaluate(Profile(months_since_last_relapse=18, relapses_past_2_years=2)) != FALSE


def test_a_range_of_counts_in_an_inclusion_is_both_bounds():
    # "Between 1 and 3": at least one, and not four or more, in the window
    assert facts("Between one and three relapses in the 2 years before screening") == [
        "relapses requires months=24",
        "relapses excludes count=4 months=24",
    ]
    assert facts("0 or 1 relapse in the last year") == ["relapses excludes count=2 months=12"]
    # as an exclusion, a range bars only when both hold: the team reads it
    assert "activity" in reviews("1 to 3 relapses in the past 2 years", EXCLUSION)


def test_a_count_in_brackets_after_the_relapses_is_read():
    # probes49's dev part: "Several relapses (three or more)" barred anyone with one relapse
    text = "Several relapses (three or more) in the past twelve months"
    assert facts(text, E) == ["relapses excludes count=3 months=12"]
    assert facts("Relapses (≥2) in the last 12 months", E) == [
        "relapses excludes count=2 months=12"
    ]


@pytest.mark.parametrize(
    "text",
    ["Multiple relapses within the past year", "Frequent relapses in the last 2 years"],
)
def test_a_bar_on_relapses_of_no_stated_number_is_left_to_the_team(text):
    tree = parse_criterion(text, E)
    one = Profile(relapses_past_2_years=1, months_since_last_relapse=3)
    assert tree.evaluate(one) != FALSE  # one relapse is no "multiple": never barred on it
    assert reviews(text, E)
    # ... while "multiple sclerosis" is no number of relapses
    assert facts("Onset of multiple sclerosis exacerbation within 60 days", E) == [
        "relapses excludes months=2"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a most said after the relapse word is never "at least one" (built after probes51)
        "Relapses in the past year: no more than 2",
        "Relapses: fewer than 3 in the past 2 years",
        "Number of relapses in the last 24 months: at most 1",
        "Relapses in the 12 months before screening: 2 or fewer",
    ],
)
def test_a_cap_after_the_relapse_word_requires_no_relapse(text):
    assert not any(f.startswith("relapses requires") for f in facts(text, INC))
    assert reviews(text, INC)


def test_a_pseudo_relapse_is_no_relapse_and_a_period_is_its_months():
    assert relapses("Pseudo-relapse with fever in the 30 days before screening", E) == []
    assert relapses("At least one relapse over the last 24-month period", INC) == [
        "relapses requires months=24"
    ]


def test_a_count_then_none_in_a_shorter_window():
    """Built after probes54: "..., and none in the last 30 days" is a window free of relapses;
    "no fewer than four" is at least four."""
    assert facts(
        "At least one relapse during the last 12 months, and none during the last 30 days "
        "before screening"
    ) == ["relapses requires months=12", "relapses excludes months=1"]
    assert facts("No fewer than four relapses in the 24 months before screening", EXCLUSION) == [
        "relapses excludes count=4 months=24"
    ]


def test_a_cap_inside_the_count_before():
    """Built after probes54: "of which no more than one in the 6 months" caps the short window."""
    assert facts(
        "At least two relapses in the prior 24 months, of which no more than one occurred in the "
        "6 months before screening"
    ) == ["relapses requires count=2 months=24", "relapses excludes count=2 months=6"]


def test_a_count_or_under_is_at_most_the_count():
    """Built after probes58: "One relapse or under in the 24 months" (an exclusion) bars one
    or fewer, so two relapses in that time are let in (the exclusion does not hold)."""
    tree = parse_criterion("One relapse or under in the 24 months before screening", EXCLUSION)
    assert tree.evaluate(Profile(relapses_past_2_years=2, months_since_last_relapse=12)) == FALSE
    assert tree.evaluate(Profile(relapses_past_2_years=1, months_since_last_relapse=12)) == TRUE


def test_a_time_said_first_since_the_last_relapse():
    """Built after probes57: "At least 6 months since the most recent relapse", "A minimum of 6
    months must have elapsed since the onset of the most recent relapse": none in that time."""
    for text in (
        "At least 6 months since the most recent relapse",
        "A minimum of 6 months must have elapsed since the onset of the most recent relapse",
    ):
        assert facts(text) == ["relapses excludes months=6"], text
    assert facts("Less than 30 days since the last relapse", EXCLUSION) == [
        "relapses excludes months=1"
    ]


def test_a_form_question_is_read_by_the_answer_that_lets_a_person_in():
    """Built after probes60 (checkbox and question forms): "answer must be NO to enrol" makes
    the question's "yes" a bar, whatever the heading; with no such words it is read as said."""
    form = (
        "Has the patient had an MS relapse within 30 days before Day 1? ☐ Yes ☐ No "
        "(answer must be NO to enrol)"
    )
    assert facts(form, INCLUSION) == ["relapses excludes months=1"]
    assert facts(
        "Is the participant aged 18-55? Yes / No (must be YES to be eligible)", INCLUSION
    ) == ["age requires min=18 max=55"]


@pytest.mark.parametrize(
    "signed, plain, kind",
    [
        # built after probes62: a count of relapses written with a sign
        (
            "Relapses ≥ 2 in the last 24 months",
            "At least 2 relapses in the last 24 months",
            INCLUSION,
        ),
        (
            "Number of relapses in the past 24 months ≤ 1",
            "At most 1 relapse in the past 24 months",
            EXCLUSION,
        ),
        ("Relapses >= 1 (<= 12 mo)", "At least 1 relapse within 12 months", INCLUSION),
    ],
)
def test_a_count_written_with_a_sign_reads_as_the_words(signed, plain, kind):
    assert facts(signed, kind) == facts(plain, kind) != []
