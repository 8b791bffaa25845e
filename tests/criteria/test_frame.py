"""MS named as the frame of an exclusion (trials_db/criteria/frame.py).

Built after the criteria probes' dev part: read as "MS excludes" or "RRMS excludes", these
would turn away every patient of an MS study, or every RRMS patient without the other fact.
"""

from __future__ import annotations

from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import Review
from trials_db.eligibility import EXCLUSION
from trials_db.matching.evaluate import NOT_MET, status_of
from trials_db.profile import Profile


def status(text: str, **profile) -> str:
    return status_of(EXCLUSION, parse_criterion(text, EXCLUSION).evaluate(Profile(**profile)))


def test_a_recent_diagnosis_excludes_by_its_date_not_by_the_disease():
    text = "Diagnosis of MS made less than 6 months before screening"
    assert status(text, ms_subtype="RRMS", years_since_diagnosis=5) != NOT_MET
    assert status(text, ms_subtype="RRMS", years_since_diagnosis=0.2) == NOT_MET


def test_a_course_named_as_the_group_excludes_only_with_the_other_fact():
    text = "Onset of a relapse in the 30 days before screening, in patients with RRMS"
    assert status(text, ms_subtype="RRMS", months_since_last_relapse=8) != NOT_MET
    assert status(text, ms_subtype="SPMS", months_since_last_relapse=0.5) != NOT_MET
    assert status(text, ms_subtype="RRMS", months_since_last_relapse=0.5) == NOT_MET


def test_ms_alone_or_a_course_alone_is_still_an_exclusion():
    # a study of people with CIS or RIS excludes those who already have MS
    assert status("Fulfils the diagnosis of MS", ms_subtype="RRMS") == NOT_MET
    assert status("Primary progressive MS", ms_subtype="PPMS") == NOT_MET
    assert status("Primary progressive MS", ms_subtype="RRMS") != NOT_MET


def test_a_diagnosis_in_doubt_is_left_to_the_team():
    tree = parse_criterion(
        "Neuromyelitis optica, MOG antibody disease, or any case in which the diagnosis of MS "
        "is in doubt",
        EXCLUSION,
    )
    assert all(isinstance(leaf, Review) for leaf, _ in tree.leaves())
