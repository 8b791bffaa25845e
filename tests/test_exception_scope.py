"""A denial with an exception states the exception (trials_db/exception_scope.py). Built
after fresh61: "Other than my Tysabri infusions I'm not on anything" stored no treatment now,
and "not really, apart from the odd night feed" stored not breastfeeding."""

from __future__ import annotations

import pytest

from trials_db.exception_scope import excepted_denial, with_exceptions
from trials_db.facts import message_facts


def facts(text: str, asked: str | None = None) -> dict:
    return message_facts(text, "inform", asked, {}, places=False)


@pytest.mark.parametrize(
    "text, drug",
    [
        ("I'm not on anything except Gilenya. 51, SPMS.", "fingolimod"),
        ("Apart from Mavenclad I don't take anything for my MS", "cladribine"),
        ("Besides my Copaxone shots, I am not on any medication", "glatiramer acetate"),
    ],
)
def test_nothing_taken_but_the_exception_is_the_exception_taken(text, drug):
    assert facts(text)["current_therapy"] == drug


def test_an_answer_denied_with_an_exception_names_the_exception():
    assert facts("none, except Rebif", "failed_therapies")["failed_therapies"] == [
        "interferon beta-1a"
    ]
    assert (
        facts("zero apart from the one last month", "relapses_past_2_years")[
            "relapses_past_2_years"
        ]
        == 1
    )


@pytest.mark.parametrize(
    "text, asked",
    [
        ("no, apart from the evening feed", "breastfeeding"),
        ("not really, except one feed when he wakes at night", "breastfeeding"),
    ],
)
def test_a_yes_or_no_denied_with_an_exception_is_no_plain_no(text, asked):
    assert asked not in facts(text, asked)


def test_what_points_back_is_no_exception():
    assert not excepted_denial("Not pregnant, apart from that all fine", "pregnant")
    assert not excepted_denial("no to all of the above except the last one", "pregnant")
    assert with_exceptions("no relapses, other than that I'm fine", "failed_therapies") == (
        "no relapses, other than that I'm fine"
    )
    assert facts("no, apart from that I'm well", "pregnant")["pregnant"] is False


def test_an_exception_that_is_no_ms_treatment_leaves_the_denial():
    assert facts("nothing except vitamin D", "prior_therapies")["prior_therapies"] == []
    assert facts("I'm not on anything except steroids when I relapse")["current_therapy"] == "none"
    zero = facts("zero, apart from a pseudo-relapse in May", "relapses_past_2_years")
    assert zero["relapses_past_2_years"] == 0


def test_a_restriction_after_a_denial_excepts_a_yes_or_no():
    """Built after fresh64: "not really, just the odd night feed now" is no plain "no"."""
    assert excepted_denial("not really, just the odd night feed now", "breastfeeding")
    assert "breastfeeding" not in facts("not really, just the odd night feed now", "breastfeeding")
    assert facts("no, only my sister is", "breastfeeding")["breastfeeding"] is False
