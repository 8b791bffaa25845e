"""Hostile text that once crashed an action: lone surrogates (valid JSON escapes) and numbers
where a study id belongs. Found by tests/live/test_hostile_input.py; kept here as fast checks.
And text filled into a response's {variable} that Rasa's templating could garble."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.contact import ActionSubmitContactRequest
from bot.actions.facts import read_facts
from bot.actions.results import ActionTrialDetails, fill
from trials_db.patient_text import clean

from .test_actions import rendered, run, tracker, variant


def test_clean_replaces_lone_surrogates():
    assert clean("a\udfffb \ud800") == "a\ufffdb \ufffd"
    clean("\ud800 34 \udc00").encode("utf-8")  # encodable now: no UnicodeEncodeError


def test_facts_are_read_around_lone_surrogates():
    assert read_facts("\ud800 Tecfidera", "inform", "prior_therapies", {}) == {
        "prior_therapies": ["dimethyl fumarate"]
    }


async def test_trial_details_with_a_number_for_the_study_id_asks_which_study():
    latest = {
        "text": '/trial_details{"nct_id": 5}',
        "intent": {"name": "trial_details"},
        "entities": [{"entity": "nct_id", "value": 5}],
    }
    tracker = Tracker("t", {}, latest, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert await ActionTrialDetails().run(dispatcher, tracker, {}) == []
    assert dispatcher.messages[0]["response"] == "utter_details_which"


ODD = ["Ann0[1]", "Anna {name} {0}", "}{", "Dose 10[mg] {lines}"]


@pytest.mark.parametrize("text", ODD)
def test_built_lines_reach_the_person_as_they_are(text):
    """Rasa 3.6 sent the bare template ("{lines}") when the filled text held "0["; braces in a
    value were always safe. fill() keeps "0" and "[" apart with an invisible word joiner."""
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(response="utter_more_results", lines=fill(text))
    assert rendered(dispatcher)[0].replace("\u2060", "") == text


@pytest.mark.parametrize("name", ODD)
async def test_a_typed_name_is_thanked_as_typed(name):
    slots = {
        "contact_trials": ["NCT05532943"],
        "contact_name": name,
        "contact_detail": "a0[1]@example.org",
    }
    d, _ = await run(ActionSubmitContactRequest(), tracker(slots))
    said = variant("utter_contact_passed_on").format(
        name=name, contact="a0[1]@example.org", nct_ids="NCT05532943"
    )
    assert rendered(d, slots)[0].replace("\u2060", "") == said
