"""The text boundary (trials_db/text.py) and the one table of number words and time units
(trials_db/lexicon/numbers.yml) that every reader takes its words from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot.actions.screening import said_whole
from bot.nlu.text_boundary import plain
from trials_db.facts import message_facts
from trials_db.quoted_reply import QUOTED_TEXT
from trials_db import patient_text
from trials_db.criteria import quantities
from trials_db.lexicon import says
from trials_db.text import MAX_TEXT, cardinals, normalise, patient_quantities, time_units

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "typed, plain_text",
    [
        ("<script>alert(1)</script>", ""),
        ("<style>p{color:red}</style>I'm 34", "I'm 34"),
        ("<b>I'm 34</b>", "I'm 34"),
        ("I don\u2019t know", "I don't know"),
        ("EDSS \uff13\uff0e\uff15", "EDSS 3.5"),  # full-width digits from a phone keyboard
        ("RRMS \u2013 since 2012", "RRMS - since 2012"),
        ("a\u200bb\u00a0c\x00d", "a b c d"),
        ("a\udfffb", "a\ufffdb"),
        ("  lots \n\t of   space ", "lots. of space"),
        # a chat message's lines are its sentences; a line ending in a stop or comma keeps it
        ("rrms 29 f\non aubagio\n", "rrms 29 f. on aubagio"),
        ("Rebif,\nCopaxone", "Rebif, Copaxone"),
        ("hi.\n\nI'm 40", "hi. I'm 40"),
        ("Café, señora, Müller", "Café, señora, Müller"),  # accents kept: readers fold them
        ("", ""),
        (None, ""),
    ],
)
def test_normalise_makes_typed_text_plain(typed, plain_text):
    assert normalise(typed) == plain_text


def test_normalise_is_bounded_and_idempotent():
    long = "I'm 34 " * 1000
    assert len(normalise(long)) <= MAX_TEXT
    for text in ["<i>x</i> y", "I don\u2019t know", "EDSS \uff13", "a\u200bb"]:
        assert normalise(normalise(text)) == normalise(text)


def test_curly_apostrophes_say_dont_know_and_skip():
    assert says("dont_know", normalise("I don\u2019t know"))
    assert says("dont_know", "I don\u2019t know")
    assert says("skip", "I\u2019d rather not say")


def test_both_readers_take_number_words_and_time_units_from_the_one_table():
    assert quantities.WORD_NUMBERS == cardinals()
    assert patient_text._NUMBER_WORDS == {**cardinals(), **patient_quantities()}
    assert patient_text.TIME_UNITS == time_units()
    assert quantities.UNIT_MONTHS == {u: months for u, (months, _) in time_units().items()}
    assert quantities.to_months(4, "weeks") == round(4 * 12 / 52, 4)
    assert quantities.to_months(2, "yrs") == 24


@pytest.mark.parametrize(
    "typed, read",
    [("seventeen", "17"), ("thirty-four", "34"), ("ninety", "90"), ("2 wks", "2 weeks")],
)
def test_patients_number_words_come_from_the_table(typed, read):
    assert patient_text.words_to_numbers(typed) == read


@pytest.mark.parametrize(
    "text, read", [("nineteen years", "19 years"), ("three months", "3 months")]
)
def test_trial_number_words_come_from_the_table(text, read):
    assert quantities.normalise(text) == read


def test_trial_text_does_not_read_a_or_a_couple_as_numbers():
    assert quantities.normalise("a relapse within a few months") == "a relapse within a few months"


def test_no_module_keeps_its_own_number_word_table():
    """A second table would drift: number words live in numbers.yml only."""
    key = re.compile(r"""["'](eleven|twelve|thirty|forty)["']\s*:""")
    for path in list((ROOT / "trials_db").rglob("*.py")) + list((ROOT / "bot").rglob("*.py")):
        assert not key.search(path.read_text(encoding="utf-8")), path


def test_the_table_is_well_formed():
    data = yaml.safe_load((ROOT / "trials_db" / "lexicon" / "numbers.yml").read_text())
    assert set(data) == {"cardinals", "patient_quantities", "time_units"}
    assert not set(data["cardinals"]) & set(data["patient_quantities"])
    assert sorted(time_units()) == ["day", "month", "week", "year"]


def test_the_pipeline_makes_each_message_plain_first():
    names = [c["name"] for c in yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]]
    assert names[0] == "bot.nlu.text_boundary.TextBoundary"


@pytest.mark.parametrize(
    "typed, seen",
    [
        ("<script>alert(1)</script>", ""),
        ("I don\u2019t know", "I don't know"),
        ("/inform{\"age\": 34}", "/inform{\"age\": 34}"),  # a button payload, as sent
        # a lone thumb is the answer it means (the tokenizer would drop the emoji)
        ("\U0001f44e", "no"),
        ("\U0001f44d\U0001f3fd", "yes"),
        ("\U0001f44d but I'm on Ocrevus", "\U0001f44d but I'm on Ocrevus"),
    ],
)
def test_the_component_gives_the_classifier_and_the_actions_plain_text(typed, seen):
    message = Message(data={"text": typed})
    plain(message)
    assert message.get("text") == seen
    assert "text" in message.output_properties


def test_a_quoting_reply_is_classified_by_its_own_lines_and_kept_whole_for_the_form():
    """Seen over REST: "> How old are you?\n44\n> Which type of MS...?\nRRMS" was classified
    as a question about MS types (the quoted one) and the age was asked again."""
    typed = "> How old are you?\n44\n> Which type of MS do you have?\nRRMS"
    message = Message(data={"text": typed})
    plain(message)
    assert message.get("text") == "44. RRMS"  # all the classifier sees
    assert {"text", QUOTED_TEXT} <= message.output_properties
    parse_data = {"text": message.get("text"), QUOTED_TEXT: message.get(QUOTED_TEXT)}
    assert message_facts(said_whole(parse_data), "inform", "age", {}) == {
        "age": 44.0,
        "ms_subtype": "RRMS",
    }
    alone = Message(data={"text": "I'm 44"})
    plain(alone)
    assert alone.get(QUOTED_TEXT) is None and said_whole({"text": "I'm 44"}) == "I'm 44"
