"""Every message passes the safety check before the dialogue sees it (trials_db.safety).

A message about suicide or self-harm, new or suddenly worse symptoms, or a request for medical
advice gets the intent ``safety_<category>`` whatever DIET guessed, in every state of the
conversation: rules answer it before any form question, and the forms never read facts from it.
Runs last in the pipeline, after the FallbackClassifier and the control-intent guard.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from trials_db.safety import check, rules


def guard(message: Message) -> bool:
    """Give ``message`` its safety intent when the check finds one; True if it did."""
    finding = check(message.get(TEXT) or "")
    if finding is None:
        return False
    intent = {INTENT_NAME_KEY: finding.category.intent, PREDICTED_CONFIDENCE_KEY: 1.0}
    message.set(INTENT, intent, add_to_output=True)
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != intent[INTENT_NAME_KEY]]
    message.set(INTENT_RANKING_KEY, [dict(intent)] + ranking, add_to_output=True)
    return True


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyGuard(GraphComponent):
    """Graph component wrapper of :func:`guard` (no training, no configuration)."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SafetyGuard":
        rules()  # a broken rules file fails at load, not on a patient's message
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            guard(message)
        return messages
