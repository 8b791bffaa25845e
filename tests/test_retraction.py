"""An earlier answer the writer takes back (trials_db.retraction). Built after fresh60: "I told
you no relapses, but I forgot one in March" stored "never had a relapse"."""

from __future__ import annotations

from trials_db.facts import read_facts
from trials_db.patient_text import says_dont_know
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


def test_the_count_after_it_keeps_the_old_answers_noun():
    """Seen over REST, asked the age: "I told you no relapses, but I forgot one in March" read
    nothing and "forgot" as "I don't know", so the age was left out."""
    got = facts("I told you no relapses, but I forgot one in March", asked="age")
    assert got == {"months_since_last_relapse": got["months_since_last_relapse"]}
    assert isinstance(got["months_since_last_relapse"], float)
    assert not says_dont_know("I told you no relapses, but I forgot one in March")
    assert says_dont_know("I forgot") and says_dont_know("sorry, I forgot the date")
