"""Conditions and what would follow from them state no fact (trials_db/conditionals.py)."""

from __future__ import annotations

import pytest

from trials_db.conditionals import without_conditions
from trials_db.facts import read_facts


def facts(text: str, asked: str | None = None) -> dict:
    return read_facts(text, "inform", asked, {})


@pytest.mark.parametrize(
    "text, gone, kept",
    [
        # the condition and what would follow it go; the rest of the sentence stays
        ("If I got pregnant I'd stop Tecfidera. I'm 33.", "pregnant", "I'm 33."),
        ("If I got pregnant I'd stop Tecfidera. I'm 33.", "stop", "on Tecfidera"),  # taken now
        ("if they'd listened it would have been 2012, but officially it was 2016", "2012", "2016"),
        (
            "Tecfidera, unless the MRI shows lesions - then they'd switch me to Ocrevus",
            "Ocrevus",
            "Tecfidera",
        ),
        (
            "just Copaxone - I'd have tried Tysabri if I hadn't been JCV positive",
            "Tysabri",
            "Copaxone",
        ),
    ],
)
def test_a_condition_and_what_would_follow_are_left_out(text, gone, kept):
    out = without_conditions(text)
    assert gone not in out and kept in out


@pytest.mark.parametrize(
    "text",
    [
        "If it helps, I'm 45.",
        "Not sure if it was 2019 or 2020.",
        "If I remember rightly my last relapse was in 2014.",
        "I'll be 40 next month and I'd love to join before then if age matters!",
        "and I'll be 34 on the 20th if you need my age too",
        "Aubagio worked wonders, if by wonders you mean two relapses in 2025.",
        "Can I join if I'm on Ocrevus? 44, F, RRMS.",  # a question's condition of the present
    ],
)
def test_a_hedge_a_whether_or_a_present_condition_is_kept(text):
    assert without_conditions(text) == text


def test_what_a_counterfactual_takes_as_given_is_kept():
    out = without_conditions(
        "If I hadn't had to stop Tysabri because of the JCV, I'd still be on it."
    )
    assert "had to stop Tysabri because of the JCV" in out and "still be on it" not in out


def test_read_from_a_message():
    # fresh53 (the last session's end set): "she'd take me off Aubagio" is no end of it
    got = facts(
        "Were I to have another relapse, my neurologist says she'd take me off Aubagio. As "
        "things stand I'm 46, RRMS since 2010. Aubagio since early 2024."
    )
    assert got["current_therapy"] == "teriflunomide" and got["age"] == 46
    # a drug that would be switched to was never taken; the one now stays current
    got = facts(
        "Tecfidera, unless the January MRI shows new lesions - then they'd switch me to " "Ocrevus",
        "current_therapy",
    )
    assert got["current_therapy"] == "dimethyl fumarate"
    assert got["prior_therapies"] == ["dimethyl fumarate"]
    # what would have to be stopped is taken now
    got = facts("If I got pregnant I'd have to stop Gilenya, so we're waiting. 30, RRMS.")
    assert got["current_therapy"] == "fingolimod" and "pregnant" not in got
