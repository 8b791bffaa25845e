"""Hostile text that once crashed an action: lone surrogates (valid JSON escapes) and numbers
where a study id belongs. Found by tests/live/test_hostile_input.py; kept here as fast checks.
And text filled into a response's {variable} that Rasa's templating could garble."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.contact import ActionSubmitContactRequest
from trials_db.facts import read_facts
from bot.actions.results import ActionTrialDetails
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
    value were always safe. bot/response_values.py decides on the template instead."""
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(response="utter_more_results", lines=text)
    assert rendered(dispatcher)[0] == text


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
    assert rendered(d, slots)[0] == said


def test_rasa_alone_garbles_such_values_and_the_hook_is_installed_in_the_server():
    """The defect the hook mends, so this test fails if a Rasa upgrade changes it, and the
    server's one hook list (bot/rasa_hooks.py, called by the tracker store) installs it."""
    from rasa.core.nlg import interpolator

    from bot import rasa_hooks, response_values

    assert response_values._rasa_interpolate_text("{lines}", {"lines": "Ann0[1]"}) == "{lines}"
    assert response_values.interpolate_text("{lines}", {"lines": "Ann0[1]"}) == "Ann0[1]"
    assert response_values.interpolate_text("{{lines}}", {}) == "{lines}"  # Rasa's own path
    assert response_values.interpolate_text("Hi {missing}", {}) == "Hi {missing}"
    rasa_hooks.install()
    assert interpolator.interpolate_text is response_values.interpolate_text
