"""Key-value cells, study descriptions and requirements under the wrong heading
(trials_db/criteria/parser.py): lines whose form, not their words, says what they bar.

Built after the probe sets' dev parts (probes45, probes46): read word by word, "Prior DMT: none"
required a DMT, "Relapses in the last 24 months: 0" under Exclusion barred a relapse, "The
study will compare ocrelizumab with placebo in people with PPMS" under Exclusion barred PPMS.
"""

from __future__ import annotations

import pytest

from trials_db.criteria.parser import parse_criterion
from trials_db.criteria.predicates import Review
from trials_db.eligibility import EXCLUSION, INCLUSION
from trials_db.matching.evaluate import MET, NOT_MET, status_of
from trials_db.profile import Profile


def status(text: str, kind: str, **profile) -> str:
    return status_of(kind, parse_criterion(text, kind).evaluate(Profile(**profile)))


def test_a_cell_whose_value_is_none_denies_its_label():
    cells = "Age: 18–55 | EDSS: 0–5.5 | Prior DMT: none"
    naive = {"age": 36, "edss": 2.5, "prior_therapies": [], "current_therapy": "none"}
    assert status(cells, INCLUSION, **naive) == MET
    treated = {**naive, "prior_therapies": ["ocrelizumab"], "current_therapy": "ocrelizumab"}
    assert status(cells, INCLUSION, **treated) == NOT_MET
    assert status(cells, INCLUSION, **{**naive, "age": 60}) == NOT_MET


def test_a_zero_or_a_no_turns_the_cell_over_under_either_heading():
    # under Exclusion, "Relapses ...: 0" bars those with none
    text = "Relapses in the last 24 months: 0"
    assert status(text, EXCLUSION, relapses_past_2_years=1, months_since_last_relapse=12) == MET
    assert status(text, EXCLUSION, relapses_past_2_years=0, months_since_last_relapse=30) == (
        NOT_MET
    )
    text = "Pregnant/lactating: No | Contraception (WOCBP): required"
    assert status(text, INCLUSION, pregnant=False, breastfeeding=False) != NOT_MET
    assert status(text, INCLUSION, pregnant=False, breastfeeding=True) == NOT_MET


def test_a_header_row_is_no_rule():
    assert isinstance(parse_criterion("Criterion | Threshold", EXCLUSION), Review)


@pytest.mark.parametrize(
    "text, months",
    [
        ("Systemic corticosteroids within 4/52 of Day 1", 8),  # UK shorthand: 4 weeks
        ("Course of IV methylprednisolone within a fortnight of screening", 7),
    ],
)
def test_clinical_shorthand_for_a_window(text, months):
    assert status(text, EXCLUSION, months_since_steroids=months) != NOT_MET
    assert status(text, EXCLUSION, months_since_steroids=0.2) == NOT_MET


@pytest.mark.parametrize(
    "text, profile",
    [
        (
            "The study will compare ocrelizumab with placebo in people with PPMS",
            {"ms_subtype": "PPMS"},
        ),
        (
            "The sponsor is a pharmaceutical company that markets fingolimod and siponimod",
            {"prior_therapies": ["fingolimod"], "current_therapy": "fingolimod"},
        ),
        (
            "Ocrelizumab is approved for relapsing and primary progressive MS",
            {"prior_therapies": ["ocrelizumab"], "current_therapy": "ocrelizumab"},
        ),
    ],
)
def test_a_line_about_the_study_bars_no_one(text, profile):
    assert status(text, EXCLUSION, **profile) != NOT_MET


def test_a_requirement_under_the_exclusion_heading_is_read_as_one():
    text = (
        "The study will enrol only participants who have never been treated with an "
        "anti-CD20 therapy"
    )
    assert status(text, EXCLUSION, prior_therapies=[], current_therapy="none") != NOT_MET
    assert status(text, EXCLUSION, prior_therapies=["ocrelizumab"]) == NOT_MET
    text = "Participants must be aged 18 to 55"
    assert status(text, EXCLUSION, age=40) != NOT_MET
    assert status(text, EXCLUSION, age=60) == NOT_MET
    # a bar said with "must" stays a bar
    assert status("Patients who must take steroids daily", EXCLUSION, age=40) != NOT_MET


def test_neither_nor_under_exclusion_bars_only_both_together():
    text = "Patients who are neither treatment-naive nor currently on interferon beta"
    assert status(text, EXCLUSION, prior_therapies=[], current_therapy="none") != NOT_MET


def test_a_footnote_mark_and_a_bracketed_exception():
    text = "RMS* (*CIS is not included)"
    assert status(text, INCLUSION, ms_subtype="RRMS") == MET
    assert status(text, INCLUSION, ms_subtype="CIS") == NOT_MET


def test_a_label_denied_for_a_time_goes_to_the_team():
    """ "Current DMT: none for at least 3 months" required a DMT now (probes51): a false "doesn't
    fit" for everyone off treatment. "Biologic therapy: No prior X" keeps its reading."""
    from tests.criteria.reading import abstains, facts

    assert abstains("Current DMT: none for at least 3 months before baseline")
    assert facts("Current DMT: none for at least 3 months before baseline") == []
    assert facts("Biologic therapy: No prior natalizumab") == ["therapy excludes drugs=natalizumab"]
