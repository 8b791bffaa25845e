"""lexicon/sex_words.yml: the one source of the words that say a person's sex in patient text."""

from __future__ import annotations

import pytest

from tests.test_patient_text_shapes import facts
from trials_db.lexicon import sex_words


def test_no_word_says_both_sexes():
    words = sex_words()
    female = {w for ws in words["female"].values() for w in ws}
    male = {w for ws in words["male"].values() for w in ws}
    assert female and male and not female & male


def test_both_sexes_have_the_same_roles():
    words = sex_words()
    assert set(words["female"]) == set(words["male"])


@pytest.mark.parametrize("sex", ["female", "male"])
def test_every_person_word_says_its_sex_when_it_opens_a_message(sex):
    # a person word read by one rule is read by all: "Gal here" had been read as a man, the
    # sentence-opening list knowing "gal" and the one deciding which sex it said not knowing it
    for word in sex_words()[sex]["person"]:
        got = facts(f"{word.capitalize()} here, 30, RRMS")
        assert got.get("sex") == sex, word


@pytest.mark.parametrize("sex", ["female", "male"])
def test_every_relative_word_is_written_for_and_gives_its_sex(sex):
    for word in sex_words()[sex]["relative"]:
        got = facts(f"I'm asking for my {word}, 47, with RRMS")
        assert got.get("sex") == sex and got.get("age") == 47, word
