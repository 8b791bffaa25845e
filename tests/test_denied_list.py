"""Things denied together with one time after the last (trials_db.denied_list): the time is
said of each. Built after fresh60: "No relapses, steroids or new lesions since 2022" stored
"never had a relapse"."""

from __future__ import annotations

from trials_db.denied_list import with_time_spread
from trials_db.facts import read_facts


def facts(text: str, asked: str | None = None) -> dict:
    return read_facts(text, "inform", asked, {})


def test_the_time_is_said_of_each_item():
    assert with_time_spread("No relapses, steroids or new lesions since 2022, touch wood.") == (
        "No relapses since 2022, no steroids since 2022, no new lesions since 2022, touch wood."
    )
    said = with_time_spread("no relapses, no MRI changes, no steroids, nada, since I started it")
    assert said.startswith("no relapses since I started it, no MRI changes since I started it")


def test_a_relapse_denied_since_a_date_is_no_never():
    got = facts("44F, RRMS. No relapses, steroids or new lesions since 2022. On Kesimpta.")
    assert got.get("months_since_last_relapse") != "never"
    assert got["relapses_past_2_years"] == 0


def test_lists_without_a_shared_time_are_left_as_they_are():
    for text in ("no relapse and no steroids, on Ocrevus since 2020", "No relapses since 2020"):
        assert with_time_spread(text) == text
