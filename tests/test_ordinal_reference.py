"""Drugs told of by their place in the list (trials_db.ordinal_reference). Built after fresh60:
"Avonex, Copaxone, then Gilenya - the first two failed, the third was side effects" failed
only Gilenya."""

from __future__ import annotations

from trials_db.facts import read_facts
from trials_db.ordinal_reference import verdicts


def facts(text: str, asked: str | None = None) -> dict:
    return read_facts(text, "inform", asked, {})


def test_places_pick_the_drugs_in_the_order_named():
    named = ["interferon beta-1a", "glatiramer acetate", "fingolimod"]
    said = "the first two failed (relapses), the third was side effects"
    assert verdicts(said, [(-1, d) for d in named]) == (named[:2], [named[2]])
    assert verdicts("the latter didn't work", [(-1, d) for d in named[:2]]) == ([named[1]], [])


def test_a_place_counts_among_the_drugs_named_before_it():
    said = "Copaxone, then Tecfidera. The latter stopped working, so Ocrevus since 2022."
    named = [(0, "glatiramer acetate"), (16, "dimethyl fumarate"), (55, "ocrelizumab")]
    assert verdicts(said, named) == (["dimethyl fumarate"], [])
    got = facts(
        "Copaxone, then Tecfidera. The former I gave up because of the needles; the latter "
        "stopped working after two relapses in 2021, so I've been on Ocrevus since 2022."
    )
    assert got["failed_therapies"] == ["dimethyl fumarate"]
    assert got["current_therapy"] == "ocrelizumab"


def test_a_place_beyond_the_list_points_at_nothing():
    assert verdicts("the third failed", [(-1, "fingolimod"), (-1, "ozanimod")]) == ([], [])
    assert verdicts("the first relapse was in 2019", [(-1, "fingolimod")]) == ([], [])


def test_the_verdicts_reach_the_failed_treatments():
    got = facts(
        "Avonex, Copaxone, then Gilenya - the first two failed (relapses), the third was side "
        "effects. Kesimpta since 2022."
    )
    assert got["failed_therapies"] == ["interferon beta-1a", "glatiramer acetate"]
    assert got["current_therapy"] == "ofatumumab"


def test_a_place_word_after_a_story_counts_the_drugs_before_it():
    got = facts("Betaferon and Aubagio. The former was fine, the latter stopped working.")
    assert got["failed_therapies"] == ["teriflunomide"]


def test_a_place_word_says_which_one_is_taken_now():
    got = facts("Tysabri and Lemtrada. The second one I finished in 2019, the first I'm on now")
    assert got["current_therapy"] == "natalizumab"
