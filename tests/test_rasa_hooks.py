"""The hooks PrivacySQLTrackerStore installs in the Rasa process (bot/rasa_hooks.py).

The fault replies are tested against real servers in tests/robust/; here the action response
check: the same verdicts as Rasa's own ``jsonschema.validate``, only faster.
"""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot import action_response_check

GOOD = {
    "events": [
        {"event": "slot", "name": "age", "value": 34, "timestamp": None},
        {"event": "active_loop", "name": None},
    ],
    "responses": [{"text": "How old are you?", "buttons": []}],
}
BAD = [
    {"events": "not a list"},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": "slot"}]},
    {"responses": "text"},
]


def test_a_valid_response_passes_as_with_rasa():
    jsonschema.validate(GOOD, RemoteAction.action_response_format_spec())
    assert action_response_check.validate_action_result(RemoteAction("a", None), GOOD) is True


@pytest.mark.parametrize("bad", BAD)
def test_an_invalid_response_is_refused_as_with_rasa(bad):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, RemoteAction.action_response_format_spec())
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server"):
        action_response_check.validate_action_result(RemoteAction("a", None), bad)


def test_install_replaces_rasas_check():
    action_response_check.install()
    assert RemoteAction._validate_action_result is action_response_check.validate_action_result
