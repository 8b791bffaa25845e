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
    assert verdicts(said, named) == (named[:2], [named[2]])
    assert verdicts("the latter didn't work", named[:2]) == ([named[1]], [])


def test_a_place_beyond_the_list_points_at_nothing():
    assert verdicts("the third failed", ["fingolimod", "ozanimod"]) == ([], [])
    assert verdicts("the first relapse was in 2019", ["fingolimod"]) == ([], [])


def test_the_verdicts_reach_the_failed_treatments():
    got = facts(
        "Avonex, Copaxone, then Gilenya - the first two failed (relapses), the third was side "
        "effects. Kesimpta since 2022."
    )
    assert got["failed_therapies"] == ["interferon beta-1a", "glatiramer acetate"]
    assert got["current_therapy"] == "ofatumumab"
