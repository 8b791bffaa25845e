"""A drug only planned, approved, booked, funded or floated is never a treatment taken
(trials_db.planned_treatment); said with a start, it was taken. Built sentences."""

from __future__ import annotations

import re

import pytest

from trials_db.facts import message_facts, read_facts
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


@pytest.mark.parametrize(
    "text, drug",
    [
        # built after fresh67 (access and waiting lists): approved, listed, applied for, held up
        (
            "Got approved for Kesimpta last month but the first pen isn't till the new year",
            "Kesimpta",
        ),
        ("nothing yet - I'm on the list for Ocrevus, should be early next year", "Ocrevus"),
        ("My neuro has applied for Mavenclad because of new lesions", "Mavenclad"),
        ("and the Mayzent is still waiting on prior auth", "Mayzent"),
        ("Kesimpta has been 'pending prior authorization' for the third week now", "Kesimpta"),
        (
            "Tysabri stopped in September and Ocrevus doesn't start until the washout's done",
            "Ocrevus",
        ),
        ("the NHS criteria want two in a year for Tysabri so I don't qualify yet", "Tysabri"),
        ("between drugs while the insurance sorts out Zeposia", "Zeposia"),
        ("no. the Mavenclad's been approved but they want a negative pregnancy test", "Mavenclad"),
        # built after fresh68: turned down
        ("I decided against the ones my neuro offered (Kesimpta and Ocrevus)", "Kesimpta"),
    ],
)
def test_access_asked_for_or_granted_is_not_a_start(text, drug):
    at = text.index(drug)
    assert only_planned(text, at, at + len(drug))


@pytest.mark.parametrize(
    "text, drug",
    [
        ("I'm on Ocrevus since 2021", "Ocrevus"),
        ("approved for Tysabri in 2019 and I've had 60 infusions since", "Tysabri"),
    ],
)
def test_a_drug_begun_is_not_planned(text, drug):
    at = text.index(drug)
    assert not only_planned(text, at, at + len(drug))


def test_a_plan_taken_back_in_the_same_sentence_is_a_start():
    """Built after fresh68 (fillers and false starts): "I was supposed to start Ocrevus but -
    no, I mean, I did start" was begun after all."""
    text = "so like, I was supposed to start Ocrevus but - no, I mean, I did start, in October"
    at = text.index("Ocrevus")
    assert not only_planned(text, at, at + 7)
    text = "I was supposed to start Ocrevus in January"
    assert message_facts(text, "inform", "current_therapy", {}).get("current_therapy") == "none"


@pytest.mark.parametrize(
    "text, drug, planned",
    [
        # built after fresh72: access asked for, refused or held up, and trials not got into
        ("Finally got approval from the funding panel for Tysabri last week", "Tysabri", True),
        ("she's putting in the funding form for Ocrevus", "Ocrevus", True),
        ("the HSE won't reimburse Ocrevus for me yet", "Ocrevus", True),
        ("the relapse finally got the insurance to approve Briumvi", "Briumvi", True),
        ("the Kesimpta prescription is 'in progress'", "Kesimpta", True),
        ("Briumvi (starting in January)", "Briumvi", True),
        ("they turned me away from the Ocrevus trial", "Ocrevus", True),
        ("Got screen-failed for a Kesimpta study in September", "Kesimpta", True),
        ("I was meant to go on Ocrevus but the waiting list was too long", "Ocrevus", True),
        ("notes say 'plan: consider Mavenclad', which never happened", "Mavenclad", True),
        # taken: an approval with a start, a payer that pays
        ("Kesimpta since the appeal came through in March", "Kesimpta", False),
        ("the NHS has picked up Ocrevus from the second dose on", "Ocrevus", False),
    ],
)
def test_access_not_yet_granted_is_only_planned(text, drug, planned):
    start = text.index(drug)
    assert only_planned(text, start, start + len(drug)) is planned


def test_a_first_dose_booked_is_no_treatment_taken():
    got = facts(
        "Approved for Tysabri! First infusion is booked for the 6th of January. Nothing now."
    )
    assert "natalizumab" not in (got.get("prior_therapies") or [])
    assert got.get("current_therapy") == "none"
