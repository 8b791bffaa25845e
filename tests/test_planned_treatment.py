"""A drug only planned, approved, booked, funded or floated is never a treatment taken
(trials_db.planned_treatment); said with a start, it was taken. Built sentences."""

from __future__ import annotations

import re

import pytest

from trials_db.facts import read_facts
from trials_db.planned_treatment import only_planned


def facts(text: str, asked: str | None = None) -> dict:
    return read_facts(text, "inform", asked, {})


@pytest.mark.parametrize(
    "text, drug, planned",
    [
        ("my first DMT (Tysabri) is booked for February", "Tysabri", True),
        ("Kesimpta got approved last week", "Kesimpta", True),
        ("the insurer still hasn't approved Ocrevus", "Ocrevus", True),
        ("no DMT ever (Ocrevus didn't get funded)", "Ocrevus", True),
        ("my neuro floated Lemtrada at the last visit", "Lemtrada", True),
        ("she wants me on Kesimpta", "Kesimpta", True),
        ("on the waiting list for Ocrevus", "Ocrevus", True),
        ("Ocrevus was approved in 2019 and I've been on it since", "Ocrevus", False),
        ("Tysabri, approved in 2020, 70 infusions so far", "Tysabri", False),
        ("I mentioned Tecfidera to the nurse", "Tecfidera", False),  # the writer's own word
    ],
)
def test_a_drug_only_planned(text, drug, planned):
    start = text.index(drug)
    assert only_planned(text, start, start + len(drug)) is planned


def test_a_planned_drug_is_no_treatment_taken():
    got = facts("RRMS, 30. No DMT yet, Kesimpta is booked for January.")
    assert got["prior_therapies"] == [] and got["current_therapy"] == "none"
    got = facts("Insurance hasn't approved Ocrevus yet, so nothing since I stopped Aubagio.")
    assert got["prior_therapies"] == ["teriflunomide"]
    got = facts("The neuro floated Tysabri, but I've only been on Copaxone.")
    assert got["prior_therapies"] == ["glatiramer acetate"]


@pytest.mark.parametrize(
    "text",
    [
        # a first dose still to come (built after fresh61)
        "Off Gilenya since last month; my first Kesimpta injection is on the 20th",
        "The plan is to start Ocrevus after the scan",
    ],
)
def test_a_first_dose_to_come_or_a_plan_is_no_treatment_taken(text):
    got = facts(text, "current_therapy")
    assert got.get("current_therapy") not in ("ofatumumab", "ocrelizumab")
    assert not {"ofatumumab", "ocrelizumab"} & set(got.get("prior_therapies") or [])


@pytest.mark.parametrize(
    "text, planned",
    [
        # built after fresh63: a doctor's proposal, or "but I haven't started yet"
        ("neuro says ocrevus but i havent started yet, appt in january", True),
        ("My neurologist suggested Kesimpta.", True),
        ("my neuro says Ocrevus is the best option for me", True),
        ("my neuro says Ocrevus is fine for me", False),
        # a verdict or a use said of it: taken
        ("My neuro says Ocrevus is working well for me", False),
        ("(neuro says copaxone wasn't cutting it)", False),
        ("the neuro said Copaxone 'didn't fail, we stopped it for your heart'", False),
    ],
)
def test_a_proposal_or_a_start_still_to_come_is_only_planned(text, planned):
    drug = re.search(r"ocrevus|kesimpta|copaxone", text, re.I)
    assert only_planned(text, drug.start(), drug.end()) is planned


def test_a_first_dose_to_come_later_in_the_sentence():
    """Built after fresh53: "I'm 'on' Ocrevus alright - in the sense that my first infusion is
    in January" names a plan; a first dose that was is no plan."""
    text = "oh I'm 'on' Ocrevus alright - in the sense that my first infusion is in January."
    assert only_planned(text, text.index("Ocrevus"), text.index("Ocrevus") + 7)
    text = "Kesimpta since May, my first dose was in May"
    assert not only_planned(text, 0, 8)
