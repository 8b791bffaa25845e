"""Messages in another language (trials_db/language.py, bot/nlu/language_guard.py, the rules).

Built phrases in each language, and every hand-written English patient message, which must
never be taken for another language.
"""

from __future__ import annotations

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot.actions.language import RESPONSES, ActionOtherLanguage
from bot.nlu.language_guard import guard
from trials_db.language import NAMES, detect, greeting_openers

from .conftest import ROOT
from .test_actions import DOMAIN, run, tracker


@pytest.mark.parametrize(
    "text, code",
    [
        ("hola", "es"),
        ("tengo 45 años y esclerosis múltiple", "es"),
        ("Hola, soy de España, tengo EM", "es"),
        ("ich bin 45 und habe MS", "de"),
        ("Guten Tag", "de"),
        ("bonjour, j'ai une sclérose en plaques", "fr"),
        ("Je suis enceinte", "fr"),
        ("ciao, sono di Milano", "it"),
        ("ho 47 anni", "it"),
        ("olá, tenho 40 anos", "pt"),
        ("bom dia", "pt"),
    ],
)
def test_a_message_in_another_language_is_recognised(text, code):
    assert detect(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "I'm 34, from España",
        "Hi I am from Germany",
        "I live in Porto",
        "yes",
        "no",
        "hallo",
        "Tecfidera",
        "EDSS 3.5",
        "i have ms since 2010",
        "/affirm",
        "",
    ],
)
def test_english_with_a_foreign_word_is_english(text):
    assert detect(text) is None


@pytest.mark.parametrize("part", ["dev", "held_out"])
def test_no_hand_written_english_patient_message_is_taken_for_another_language(part):
    items = yaml.safe_load(
        (ROOT / "tests" / "gold" / f"patient_messages_{part}.yml").read_text(encoding="utf-8")
    )
    assert [i["text"] for i in items if detect(i["text"])] == []


def test_the_guard_sets_other_language_and_leaves_english_alone():
    message = Message(data={"text": "ich bin 45 und habe MS"})
    message.set("intent", {"name": "inform", "confidence": 0.9})
    assert guard(message) and message.get("intent")["name"] == "other_language"
    english = Message(data={"text": "I'm 45 and have MS"})
    english.set("intent", {"name": "inform", "confidence": 0.9})
    assert not guard(english) and english.get("intent")["name"] == "inform"


async def test_the_answer_is_in_the_persons_language():
    dispatcher, events = await run(
        ActionOtherLanguage(),
        tracker({}, text="bonjour, je suis française", intent="other_language"),
    )
    assert [m["response"] for m in dispatcher.messages] == ["utter_other_language_fr"]
    assert events == []


def test_every_language_has_its_answer_in_the_domain():
    assert set(RESPONSES) == {f"utter_other_language_{c}" for c in NAMES}
    for name in RESPONSES:
        assert '"yes"' in DOMAIN["responses"][name][0]["text"]  # the words it understands


def test_another_script_is_not_taken_for_one_of_these_languages():
    assert detect("䘟ꃴ諱캋ै鼪᧚䁆὇蕒Ο漦㲵") is None and detect("Ελληνικά 34") is None


def test_greeting_openers_hold_the_languages_greetings_and_the_other_openings():
    openers = greeting_openers()
    assert {"hola", "bom", "bonjour", "namaste", "hello"} <= openers
    assert "the" not in openers and "my" not in openers
