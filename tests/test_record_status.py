"""A copied medication record's status words (trials_db.record_status): ACTIVE is taken now,
DISCONTINUED and ON HOLD are taken and not now, PENDING and ORDERED were never started; prose's
"active" or "current" is no status. Built record lines in the shape of portal exports."""

from __future__ import annotations

import pytest

from trials_db.facts import read_facts
from trials_db.record_status import line_status


def facts(text: str, asked: str | None = None) -> dict:
    return read_facts(text, "inform", asked, {})


@pytest.mark.parametrize(
    "line, status",
    [
        ("Zeposia 0.92 mg daily - ACTIVE - since 2022-01", "current"),
        ("Tecfidera 240mg BID - STATUS: DISCONTINUED 2026-08-15", "ended"),
        ("Tecfidera 240mg - status: stopped", "ended"),  # after "status", any case
        ("Tysabri 300MG IV Q4W ..... ON HOLD since 2026-10-01", "paused"),
        ("Ocrevus 600MG IV ..... PENDING PRIOR AUTHORIZATION", "not_taken"),
        ("Briumvi ORDERED, 1st infusion scheduled 2027-01-12", "not_taken"),
        ("Tysabri for HIGHLY ACTIVE disease", None),  # a word about the disease
        ("Ocrevus since 2021, my MS is still active", None),  # prose, not a record's word
        ("Kesimpta monthly", None),
    ],
)
def test_the_status_on_the_drugs_own_line(line, status):
    name_end = line.index(" ")
    assert line_status(line, name_end) == status


def test_a_status_belongs_to_its_own_drug_and_line():
    text = "Copaxone 2014-2017 - STOPPED\nOcrevus 600mg - ACTIVE"
    assert line_status(text, len("Copaxone")) == "ended"
    # up to the next drug named: "Ocrevus - ACTIVE" is not Copaxone's word
    assert line_status("Copaxone, Ocrevus - ACTIVE", len("Copaxone"), until=10) is None


def test_a_record_sets_the_treatment_now_and_the_ones_never_started():
    got = facts(
        "Medications:\nofatumumab (KESIMPTA) 20 mg pen - monthly - ACTIVE - start 2023-02-14\n"
        "dimethyl fumarate (TECFIDERA) 240 mg - BID - DISCONTINUED 2023-01-30"
    )
    assert got["current_therapy"] == "ofatumumab"  # the last one named is stopped, not "none"
    assert sorted(got["prior_therapies"]) == ["dimethyl fumarate", "ofatumumab"]
    got = facts("Aubagio 14mg - STATUS: DISCONTINUED 2026-05-01\nMayzent 2mg - STATUS: PENDING")
    assert got["prior_therapies"] == ["teriflunomide"] and got["current_therapy"] == "none"
    got = facts("DMT: none yet (Kesimpta ORDERED, first pen due 2027-01-10)")
    assert "ofatumumab" not in got.get("prior_therapies", [])
