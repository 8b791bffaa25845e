"""Coordinator counts: per study, saved volunteers who look likely / might fit, and the criteria
that rule most of them out; numbers only."""

from __future__ import annotations

from trials_db.alerts.coordinators import format_counts, study_counts
from trials_db.alerts.service import subscribe
from trials_db.matching import MatchIndex, load_rules
from trials_db.profile import Profile

VOLUNTEERS = [
    {"age": 35, "sex": "female", "ms_subtype": "RRMS", "edss": 3.0},
    {"age": 50, "sex": "male", "ms_subtype": "PPMS", "edss": 5.0},
    {"age": 40, "sex": "female", "ms_subtype": "SPMS", "edss": 6.0},
    {"age": 62, "sex": "female", "ms_subtype": "SPMS", "edss": 7.5},
    {"age": 28, "sex": "male", "ms_subtype": "RRMS", "edss": 1.5, "prior_therapies": []},
]


def test_counts_agree_with_the_matcher_and_name_no_one(make_store):
    sessions = make_store()
    with sessions() as s, s.begin():
        for i, profile in enumerate(VOLUNTEERS):
            subscribe(s, profile, "telegram", f"coord-{i}")
    with sessions() as s:
        rules = load_rules(s)
        counts = study_counts(s, rules)
    index = MatchIndex(rules)
    expected: dict[str, dict[str, int]] = {}
    for profile in VOLUNTEERS:
        for nct, verdict in index.verdicts(Profile.from_dict(profile)).items():
            expected.setdefault(nct, {"eligible": 0, "possibly_eligible": 0, "not_eligible": 0})
            expected[nct][str(verdict)] += 1
    assert {c.nct_id for c in counts} == set(expected)
    for c in counts:
        e = expected[c.nct_id]
        assert (c.likely, c.might_fit, c.ruled_out) == (
            e["eligible"],
            e["possibly_eligible"],
            e["not_eligible"],
        )
        assert c.volunteers == len(VOLUNTEERS)
        assert [r["count"] for r in c.top_reasons] == sorted(
            (r["count"] for r in c.top_reasons), reverse=True
        )
        assert all(0 < r["count"] <= c.ruled_out for r in c.top_reasons)
        assert set(c.to_dict()) == {
            "nct_id",
            "title",
            "overall_status",
            "volunteers",
            "likely",
            "might_fit",
            "ruled_out",
            "top_reasons",
        }
    assert any(c.top_reasons for c in counts)
    text = format_counts(counts)
    assert "coord-" not in text and "ruled out by" in text


def test_one_study_and_no_volunteers(make_store):
    sessions = make_store()
    with sessions() as s:
        [c] = study_counts(s, nct_ids=["nct05532943"])
    assert (c.nct_id, c.volunteers, c.likely, c.might_fit, c.ruled_out) == (
        "NCT05532943",
        0,
        0,
        0,
        0,
    )
