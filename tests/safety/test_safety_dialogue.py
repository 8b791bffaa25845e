"""The safety check inside the bot: the NLU guard, the answer action, the forms and domain.yml.

A flagged message gets its safety intent whatever the classifier guessed, the forms never read
a fact from it, and the answer for a crisis or new symptoms pauses the screening.
"""

from __future__ import annotations

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message
from rasa_sdk.events import ActionExecutionRejected, ActiveLoop

from bot.actions.edss import ValidateEdssEstimateForm
from trials_db.facts import read_facts
from bot.actions.safety import TRANSLATED, ActionSafetyAnswer, ActionSafetyPause, response_name
from bot.actions.screening import ValidateScreeningForm
from bot.nlu.safety_guard import guard
from trials_db.safety import Category

from ..conftest import ROOT
from ..test_actions import DOMAIN, run, slot_events, tracker
from ..test_actions import trial_store  # noqa: F401  (the shipped trials, for the form)


def classified(text: str, intent: str = "inform", confidence: float = 0.8) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence})
    message.set("intent_ranking", [{"name": intent, "confidence": confidence}])
    return message


@pytest.mark.parametrize(
    "text, intent",
    [
        ("I feel hopeless, I don't want to live anymore", "safety_crisis"),
        (
            "I've lost vision in one eye since yesterday and my legs are numb, what should I do?",
            "safety_symptoms",
        ),
        ("should I stop taking Ocrevus to join a trial?", "safety_advice"),
        (
            "I don't want to live with MS symptoms forever, what trials are there?",
            "safety_distress",
        ),
    ],
)
def test_the_guard_overrides_whatever_the_classifier_guessed(text, intent):
    message = classified(text, "inform", 0.97)
    assert guard(message)
    assert message.get("intent") == {"name": intent, "confidence": 1.0}
    assert message.get("intent_ranking")[0]["name"] == intent


@pytest.mark.parametrize(
    "text", ["I'm 34 with RRMS, EDSS 3.5", "Tecfidera, it didn't work", "/affirm"]
)
def test_the_guard_leaves_ordinary_messages_and_payloads_alone(text):
    message = classified(text, "inform", 0.9)
    assert not guard(message)
    assert message.get("intent")["name"] == "inform"


def test_no_fact_is_read_from_a_question_asking_for_advice():
    assert (
        read_facts(
            "should I stop taking Ocrevus to join a trial?", "safety_advice", "prior_therapies", {}
        )
        == {}
    )
    assert read_facts("I stopped taking Ocrevus", "inform", "prior_therapies", {}) != {}


@pytest.mark.parametrize(
    "intent", ["safety_crisis", "safety_symptoms", "safety_advice", "safety_distress"]
)
async def test_the_screening_form_hands_a_flagged_message_to_the_rules_unread(intent):
    t = tracker(
        {"consent_given": True},
        text="should I stop my Tysabri? I'm 34",
        intent=intent,
        requested="age",
        active_loop="screening_form",
    )
    dispatcher, events = await run(ValidateScreeningForm(), t)
    assert any(
        isinstance(e, dict) and e.get("event") == "action_execution_rejected" for e in events
    ) or any(isinstance(e, ActionExecutionRejected) for e in events)
    assert slot_events(events) == {}
    assert dispatcher.messages == []


async def test_the_walking_questions_hand_a_flagged_message_to_the_rules_unread():
    t = tracker(
        {"consent_given": True},
        text="I can't walk since this morning",
        intent="safety_symptoms",
        requested="walk_aid",
        active_loop="edss_estimate_form",
    )
    dispatcher, events = await run(ValidateEdssEstimateForm(), t)
    assert slot_events(events) == {}
    assert dispatcher.messages == []


async def test_a_crisis_gets_the_crisis_lines_of_the_persons_country_and_stops_the_form():
    t = tracker(
        {"consent_given": True, "country": "United Kingdom"},
        text="I want to die",
        intent="safety_crisis",
        requested="edss",
        active_loop="screening_form",
    )
    dispatcher, events = await run(ActionSafetyPause(), t)
    [message] = dispatcher.messages
    assert message["response"] == "utter_safety_crisis"
    assert "116 123" in message["crisis_lines"] and message["emergency"] == "999"
    assert {"event": "active_loop", "name": None} in events or ActiveLoop(None) in events
    assert slot_events(events) == {"requested_slot": None}


async def test_a_crisis_in_spanish_is_answered_in_spanish():
    t = tracker({}, text="ya no quiero vivir", intent="safety_crisis")
    dispatcher, _ = await run(ActionSafetyPause(), t)
    assert dispatcher.messages[0]["response"] == "utter_safety_crisis_es"


async def test_advice_is_declined_and_the_form_is_left_to_go_on():
    t = tracker(
        {"consent_given": True},
        text="is Tecfidera safe for me?",
        intent="safety_advice",
        requested="prior_therapies",
        active_loop="screening_form",
    )
    dispatcher, events = await run(ActionSafetyAnswer(), t)
    assert [m["response"] for m in dispatcher.messages] == ["utter_safety_advice"]
    assert events == []


async def test_the_answer_action_pauses_too_when_the_message_is_a_crisis_after_all():
    t = tracker(
        {"consent_given": True},
        text="is Tecfidera safe? I want to die anyway",
        intent="safety_advice",
        requested="prior_therapies",
        active_loop="screening_form",
    )
    dispatcher, events = await run(ActionSafetyAnswer(), t)
    assert dispatcher.messages[0]["response"] == "utter_safety_crisis"
    assert slot_events(events) == {"requested_slot": None}


def test_domain_has_every_safety_response_with_its_variables():
    responses = DOMAIN["responses"]
    for category in Category:
        for language in ("en",) + TRANSLATED.get(category, ()):
            name = response_name(category, language)
            assert name in responses, name
            text = responses[name][0]["text"]
            if category in (Category.CRISIS, Category.DISTRESS):
                assert "{crisis_lines}" in text, name
            if category in (Category.CRISIS, Category.SYMPTOMS):
                assert "{emergency}" in text, name
    assert {"action_safety_answer", "action_safety_pause"} <= set(DOMAIN["actions"])


def test_a_rule_answers_every_safety_intent_in_every_form_and_outside_them():
    rules = yaml.safe_load((ROOT / "bot" / "data" / "rules.yml").read_text())["rules"]
    for intent in ("safety_crisis", "safety_symptoms", "safety_advice", "safety_distress"):
        loops = {
            next((c["active_loop"] for c in r.get("condition", []) if "active_loop" in c), None)
            for r in rules
            if {"intent": intent} in r["steps"]
        }
        assert loops >= {None, "screening_form", "edss_estimate_form", "contact_form"}, intent
    for r in rules:
        steps = r["steps"]
        if {"intent": "safety_crisis"} in steps or {"intent": "safety_symptoms"} in steps:
            after = steps[steps.index(next(s for s in steps if "intent" in s)) + 1 :]
            assert after == [{"action": "action_safety_pause"}, {"active_loop": None}], r["rule"]


SAFE_ANSWER = [{"event": "action", "name": "action_safety_answer"}]


async def test_after_a_kind_answer_the_facts_beside_the_hard_feelings_are_kept():
    # fresh20: the whole opening was dropped for its "I'm terrified", and had to be typed again
    t = tracker(
        {"consent_given": True},
        text=(
            "Honestly I'm terrified of reading trial stuff but my husband made me. I'm 37, RRMS "
            "for 6 years, on Ocrevus."
        ),
        intent="safety_distress",
        requested="age",
        after_user=SAFE_ANSWER,
        active_loop="screening_form",
    )
    dispatcher, events = await run(ValidateScreeningForm(), t)
    got = slot_events(events)
    assert got["age"] == 37 and got["ms_subtype"] == "RRMS"
    assert got["current_therapy"] == "ocrelizumab"
    assert got.get("reask") is None  # no "Sorry, I didn't catch that" after the kind answer


async def test_after_a_we_cannot_advise_the_drug_asked_about_is_not_taken():
    t = tracker(
        {"consent_given": True},
        text="should I stop taking Ocrevus to join a trial?",
        intent="safety_advice",
        requested="prior_therapies",
        after_user=SAFE_ANSWER,
        active_loop="screening_form",
    )
    dispatcher, events = await run(ValidateScreeningForm(), t)
    assert "prior_therapies" not in slot_events(events)
    assert "current_therapy" not in slot_events(events)
    # the drug said to be taken in another sentence is taken
    t = tracker(
        {"consent_given": True},
        text="I'm on Ocrevus. Should I stop it to join a trial?",
        intent="safety_advice",
        requested="prior_therapies",
        after_user=SAFE_ANSWER,
        active_loop="screening_form",
    )
    _, events = await run(ValidateScreeningForm(), t)
    assert slot_events(events)["prior_therapies"] == ["ocrelizumab"]


def test_nothing_is_read_beside_a_crisis_or_new_symptoms():
    for text in (
        "I want to die. I'm 45 with RRMS.",
        "I lost vision in one eye since yesterday. I'm 45.",
    ):
        assert read_facts(text, "inform", "age", {}) == {}
