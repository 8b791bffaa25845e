"""Safety first, on the running stack over REST: a crisis, new symptoms or a request for advice
is answered safely in every state of the conversation, and no form question follows a crisis
or symptoms answer in the same turn."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest
import yaml

from ..conftest import ROOT
from .conftest import API_TOKEN
from .rasa_api import get
from .test_rest_conversation import Patient

pytestmark = pytest.mark.slow

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
CRISIS = "Please talk to someone now"
SYMPTOMS = "may need a doctor today"
ADVICE = "I can't give advice about treatment"
CRISIS_MESSAGE = "I feel hopeless, I don't want to live anymore"
SYMPTOM_MESSAGE = (
    "I've lost vision in one eye since yesterday and my legs are numb, what should I do?"
)


def form_questions() -> list[str]:
    """The first words of every question a form can ask (utter_ask_* and the consent question)."""
    return [
        r[0]["text"][:40]
        for name, r in DOMAIN["responses"].items()
        if name.startswith("utter_ask_")
    ] + ["Did any of these stop working", "Sorry, I didn't catch"]


def assert_only(replies: list[dict], expected: str) -> None:
    text = Patient.text(replies)
    assert expected in text, text
    for question in form_questions():
        assert question not in text, f"a form question followed the safety answer: {text}"
    assert not any(
        r.get("buttons") for r in replies if "/continue" not in json.dumps(r.get("buttons"))
    )


def slots(stack, sender: str) -> dict:
    query = urllib.parse.urlencode({"token": API_TOKEN})
    status, body = get(
        f"{stack.rasa_url}/conversations/{urllib.parse.quote(sender)}/tracker?{query}"
    )
    assert status == 200, body
    return json.loads(body)["slots"]


def screening(stack, *answers: str) -> Patient:
    p = Patient(stack)
    for text in ("hi", "yes", *answers):
        p.say(text)
    return p


def test_a_crisis_as_the_very_first_message(live_stack):
    assert_only(Patient(live_stack).say(CRISIS_MESSAGE), CRISIS)


def test_an_ok_after_the_crisis_answer_gets_a_kind_word_and_no_question(live_stack):
    # seen on REST: "ok" right after the crisis lines got "Sorry, I didn't quite understand"
    p = screening(live_stack)
    assert_only(p.say(CRISIS_MESSAGE), CRISIS)
    assert_only(p.say("ok"), "I'm still here")


def test_a_crisis_at_the_consent_question(live_stack):
    p = Patient(live_stack)
    p.say("hi")
    assert_only(p.say("i want to die"), CRISIS)


@pytest.mark.parametrize(
    "answers",
    [(), ("I'm 34 with RRMS",), ("I'm 34 with RRMS, EDSS 3.5",)],
    ids=["at age", "at EDSS", "at treatments"],
)
def test_a_crisis_in_the_screening_stops_it_and_nothing_is_read(live_stack, answers):
    p = screening(live_stack, *answers)
    before = slots(live_stack, p.sender)
    assert_only(p.say(CRISIS_MESSAGE + ", I'm 29"), CRISIS)
    after = slots(live_stack, p.sender)
    assert after["age"] == before["age"]
    assert after["requested_slot"] is None


def test_a_crisis_during_the_walking_questions(live_stack):
    p = screening(live_stack, "I'm 50 with SPMS")
    assert "walk" in Patient.text(p.say("I don't know my EDSS"))
    assert_only(p.say("honestly i just want to end it all"), CRISIS)


def test_a_crisis_after_the_results(live_stack):
    p = screening(
        live_stack, "I'm 34 with RRMS, EDSS 3.5", "none", "I'm a man", "never", "5 years ago"
    )
    assert_only(p.say("whats the point of living anymore"), CRISIS)


def test_a_crisis_in_german_is_answered_in_german(live_stack):
    p = Patient(live_stack)
    assert_only(p.say("ich will nicht mehr leben"), "Bitte sprich jetzt mit jemandem")


def test_new_symptoms_pause_the_screening_and_carry_on_resumes_it(live_stack):
    p = screening(live_stack, "I'm 34 with RRMS")
    assert_only(p.say(SYMPTOM_MESSAGE), SYMPTOMS)
    assert "EDSS" in Patient.text(p.say("carry on"))


def test_advice_is_declined_the_question_comes_again_and_the_drug_is_not_taken(live_stack):
    p = screening(live_stack, "I'm 34 with RRMS, EDSS 3.5")
    text = Patient.text(p.say("should I stop taking Ocrevus to join a trial?"))
    assert ADVICE in text
    assert "Which MS treatments" in text  # the open question again
    assert slots(live_stack, p.sender)["prior_therapies"] is None
    assert not re.search(r"Noted: .*ocrelizumab", text)


def test_another_language_gets_one_answer_in_it_then_the_introduction(live_stack):
    p = Patient(live_stack)
    text = Patient.text(p.say("hola, tengo esclerosis múltiple"))
    assert "solo hablo inglés" in text and "Is it OK for me to use your answers" in text
    p.say("yes")
    again = Patient.text(p.say("no entiendo, soy española"))
    assert "solo hablo inglés" in again and "How old are you?" in again
    assert "didn't catch" not in again
