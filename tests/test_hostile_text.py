"""Hostile text that once crashed an action: lone surrogates (valid JSON escapes) and numbers
where a study id belongs. Found by tests/live/test_hostile_input.py; kept here as fast checks."""
from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.facts import read_facts
from bot.actions.results import ActionTrialDetails
from trials_db.patient_text import clean


def test_clean_replaces_lone_surrogates():
    assert clean("a\udfffb \ud800") == "a\ufffdb \ufffd"
    clean("\ud800 34 \udc00").encode("utf-8")  # encodable now: no UnicodeEncodeError


def test_facts_are_read_around_lone_surrogates():
    assert read_facts("\ud800 Tecfidera", "inform", "prior_therapies", {}) == {
        "prior_therapies": ["dimethyl fumarate"]}


async def test_trial_details_with_a_number_for_the_study_id_asks_which_study():
    latest = {"text": '/trial_details{"nct_id": 5}', "intent": {"name": "trial_details"},
              "entities": [{"entity": "nct_id", "value": 5}]}
    tracker = Tracker("t", {}, latest, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert await ActionTrialDetails().run(dispatcher, tracker, {}) == []
    assert "Which study would you like to know more about?" in dispatcher.messages[0]["text"]
