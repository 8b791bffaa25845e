"""Dates written in figures are read to their month ("14/10/2025" is October 2025, not the
middle of 2025), day first unless the numbers or the writer say otherwise."""

from __future__ import annotations

import pytest

from trials_db.facts import message_facts
from trials_db.patient_text import say_plainly


@pytest.mark.parametrize(
    "text, said",
    [
        ("last relapse 14/10/2025", "last relapse October 2025"),  # the day cannot be a month
        ("last relapse 05/09/2025", "last relapse September 2025"),  # day first
        ("relapse 03/14/2019", "relapse March 2019"),  # the second cannot be a month
        ("Dx 03/12/2019 (US dates)", "Dx March 2019 (US dates)"),  # the writer says so
        ("Solumedrol 5 days, 14-10-2025", "Solumedrol 5 days, October 2025"),
        ("last relapse 2025-11", "last relapse November 2025"),  # an ISO month
        ("Zeposia since 2022-01-10", "Zeposia since January 2022"),
        ("last flare 03/26", "last flare March 2026"),  # month and two-digit year
    ],
)
def test_a_date_in_figures_is_said_as_its_month(text, said):
    assert say_plainly(text) == said


@pytest.mark.parametrize(
    "text",
    [
        "Avonex 2010-2015",  # years, not a date
        "Avonex 2010-12",  # may be 2010 to 2012
        "born 14/05/1979",  # parse_age needs the day of a birth date
        "pain 10/10",  # no time word before it
        "6/12 ago",
        "32/13/2020",  # no such date
    ],
)
def test_what_is_not_a_date_in_figures_stays_as_written(text):
    assert say_plainly(text) == text


def test_the_month_of_a_dated_relapse_is_its_month_not_mid_year():
    day_first = message_facts("last relapse 14/10/2025", "inform", None, {})
    mid_year = message_facts("last relapse in 2025", "inform", None, {})
    october = message_facts("last relapse in October 2025", "inform", None, {})
    assert day_first["months_since_last_relapse"] == october["months_since_last_relapse"]
    assert day_first["months_since_last_relapse"] < mid_year["months_since_last_relapse"]


def test_a_birth_date_still_gives_the_age():
    assert message_facts("born 14/05/1979", "inform", None, {})["age"] >= 47
