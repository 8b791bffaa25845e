"""Two denials in one clause (trials_db.double_denial): the clause is left unread, never read
as its opposite; a denial said by litotes is read plainly. Built sentences in the shapes of
the double-negative messages of the fresh sets."""

from __future__ import annotations

import pytest

from trials_db.double_denial import without_double_denials
from trials_db.facts import read_facts


def facts(text: str, asked: str | None = None) -> dict:
    return read_facts(text, "inform", asked, {})


@pytest.mark.parametrize(
    "text, kept",
    [
        ("I'm not NOT pregnant, I'm just not sure yet", " , I'm just not sure yet"),
        ("not none, not many - just a couple", " , not many - just a couple"),
        ("it's not unlike SPMS, the neuro said", " , the neuro said"),
        ("I'm on Ocrevus, not that I'm not grateful", "I'm on Ocrevus, "),
        ("not pregnant, not breastfeeding", "not pregnant, not breastfeeding"),  # one each
    ],
)
def test_the_clause_of_two_denials_is_cut_out(text, kept):
    assert without_double_denials(text) == kept


@pytest.mark.parametrize(
    "text, asked, slot",
    [
        ("I'm not NOT pregnant, honestly no idea yet", None, "pregnant"),
        ("well I'm not saying I'm not... test is on Monday", "pregnant", "pregnant"),
        ("it's not like I've never relapsed", None, "months_since_last_relapse"),
        ("not none, not loads either", "relapses_past_2_years", "relapses_past_2_years"),
        ("it's not unlike PPMS but nobody has said so", "ms_subtype", "ms_subtype"),
    ],
)
def test_a_double_denial_sets_nothing(text, asked, slot):
    assert slot not in facts(text, asked)


def test_the_rest_of_the_message_is_still_read():
    got = facts("it's not like I've had none... three, I think", "relapses_past_2_years")
    assert got["relapses_past_2_years"] == 3
    got = facts("I'm not not on something - it's Tysabri, since 2020", "current_therapy")
    assert got["current_therapy"] == "natalizumab"
    # "can't say I've had one since 2020" is "I haven't had one since 2020"
    got = facts("can't say I've had a relapse since 2020", "relapses_past_2_years")
    assert got["relapses_past_2_years"] == 0
    got = facts("no, not not - I mean yes, still feeding him at night", "breastfeeding")
    assert got["breastfeeding"] is True
