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


@pytest.mark.parametrize(
    "text, drug",
    [
        # a wish or what would have been states no treatment taken (built after fresh61)
        ("I wish I could try Ocrevus, but I'm on Aubagio", "ocrelizumab"),
        ("I would have started Zeposia in May, but then I got pregnant", "ozanimod"),
        ("had I known about Kesimpta I'd have asked for it. On Copaxone since 2015", "ofatumumab"),
        ("Suppose I switched to Mayzent, would that change anything?", "siponimod"),
        (
            "my neuro says one more relapse and she'll move me to Tysabri. On Tecfidera.",
            "natalizumab",
        ),
    ],
)
def test_a_wish_or_what_would_have_been_names_no_treatment(text, drug):
    assert drug not in (facts(text).get("prior_therapies") or [])


def test_a_would_have_hedge_keeps_its_number():
    assert facts("I'd have said 3.5", "edss")["edss"] == 3.5


def test_what_would_never_have_been_was():
    """ "Had I known about the PML risk I'd never have gone on Tysabri" says Tysabri was taken."""
    got = facts("Had I known the risks I'd never have gone on Tysabri. Gilenya since 2019.")
    assert got["prior_therapies"] == ["natalizumab", "fingolimod"]
    got = facts("If I'd known, I'd never have started Copaxone. Now on Kesimpta.")
    assert "glatiramer acetate" in got["prior_therapies"]
