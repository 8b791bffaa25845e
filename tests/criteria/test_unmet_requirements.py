"""A bar on not meeting a stated requirement, and a heading on its own line inside one
criterion (trials_db/criteria/parser.py). Built after the probe sets' dev parts (probes47,
probes48): "Patients who do not meet inclusion criterion 5 (age 18 to 55 years)" under
Exclusion barred everyone aged 18 to 55; a "Exclusion Criteria:" line glued under an inclusion
item made its relapse window a requirement.
"""

from __future__ import annotations

from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import Review
from trials_db.eligibility import EXCLUSION, INCLUSION
from trials_db.matching.evaluate import MET, NOT_MET, NEEDS_REVIEW, status_of
from trials_db.profile import Profile


def status(text: str, kind: str, **profile) -> str:
    return status_of(kind, parse_criterion(text, kind).evaluate(Profile(**profile)))


def test_not_meeting_a_stated_requirement_bars_only_those_outside_it():
    text = "Patients who do not meet inclusion criterion 3 (age 18 to 60 years)"
    assert status(text, EXCLUSION, age=40) != NOT_MET  # inside the bounds: never barred
    assert status(text, EXCLUSION, age=64) == NOT_MET
    text = "Failure to fulfil the EDSS requirement (EDSS 1.0-6.0)"
    assert status(text, EXCLUSION, edss=3.0) != NOT_MET
    assert status(text, EXCLUSION, edss=7.0) == NOT_MET


def test_an_unmet_requirement_the_line_does_not_state_is_left_to_the_team():
    tree = parse_criterion("Subjects not meeting the 2017 McDonald criteria", EXCLUSION)
    assert isinstance(tree, Review) and tree.source.startswith("Subjects not meeting")
    # under Inclusion the words keep their usual reading
    assert status("Does not meet criteria for NMOSD", INCLUSION, age=40) == NEEDS_REVIEW


def test_a_heading_on_its_own_line_turns_what_follows():
    text = (
        "RRMS with a relapse in the last 12 months\nExclusion Criteria:\n- Relapse within 30 days"
    )
    recent = {"ms_subtype": "RRMS", "months_since_last_relapse": 0.5, "relapses_past_2_years": 1}
    assert status(text, INCLUSION, **{**recent, "months_since_last_relapse": 6}) == MET
    assert status(text, INCLUSION, **recent) == NOT_MET


def test_a_requirement_stated_in_its_own_sentence_under_exclusion():
    """Built after probes56: "A diagnosis of MS must have been established at least 1 year
    before screening; a shorter disease duration renders the patient ineligible", listed as an
    exclusion, barred everyone diagnosed a year ago or more. Each sentence is read on its own,
    the one that states a requirement as one."""
    text = (
        "A diagnosis of MS must have been established at least 1 year before screening; a "
        "shorter disease duration renders the patient ineligible"
    )
    assert status(text, EXCLUSION, years_since_diagnosis=2.0, ms_subtype="RRMS") != NOT_MET
    assert status(text, EXCLUSION, years_since_diagnosis=0.5, ms_subtype="RRMS") == NOT_MET
    # a fact as the subject of "must" is a requirement too
    assert status("The EDSS score must be 5.5 or less", EXCLUSION, edss=4.0) != NOT_MET
    assert status("The EDSS score must be 5.5 or less", EXCLUSION, edss=6.5) == NOT_MET
    # not a relative clause's "must", nor a "must not"
    assert status("Patients who must take steroids every month", EXCLUSION, age=40) != NOT_MET
