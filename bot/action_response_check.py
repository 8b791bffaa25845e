"""Rasa's check of each action server response, with the JSON schema compiled once.

Rasa 3.6 checks every response with ``jsonschema.validate``, which first re-validates Rasa's
large events schema against the JSON Schema meta-schema: about 20 ms per custom action call on
this machine, a quarter of a screening turn (benchmarks/conversation_load.py). A validator built
once gives the same verdict, and raises the same ``ValidationError``, in about 3 ms.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema import validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)  # once, not on every call
    return cls(schema)


def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    """``RemoteAction._validate_action_result`` with the compiled validator."""
    error = best_match(_validator().iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your "
            "response from the Action endpoint is valid. For more information "
            f"about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result
