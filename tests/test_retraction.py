"""An earlier answer the writer takes back (trials_db.retraction). Built after fresh60: "I told
you no relapses, but I forgot one in March" stored "never had a relapse"."""

from __future__ import annotations

from trials_db.facts import read_facts
from trials_db.retraction import without_retracted


def facts(text: str, asked: str | None = None) -> dict:
    return read_facts(text, "inform", asked, {})


def test_the_answer_taken_back_is_no_fact():
    got = facts("I told you no relapses, but I forgot one in March. Still on Aubagio.")
    assert got.get("months_since_last_relapse") != "never"
    assert facts("I said I was 45 but I'm 46")["age"] == 46


def test_a_report_without_a_but_is_kept():
    assert without_retracted("I told you I'm 45.") == "I told you I'm 45."
    assert facts("As I said, I'm 45 and on Ocrevus")["age"] == 45
