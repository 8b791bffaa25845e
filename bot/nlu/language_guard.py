"""A message written in Spanish, German, French, Italian or Portuguese gets the intent
``other_language`` (trials_db.language), so a rule can say in that language that the bot speaks
English for now, and which words it understands, instead of "Sorry, I didn't understand" again
and again. Runs before the safety guard: a crisis in any language is still answered as one.
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

from trials_db.language import detect

INTENT_NAME = "other_language"


def guard(message: Message) -> bool:
    """Give ``message`` the intent other_language when it is written in one; True if it did."""
    if detect(message.get(TEXT) or "") is None:
        return False
    intent = {INTENT_NAME_KEY: INTENT_NAME, PREDICTED_CONFIDENCE_KEY: 1.0}
    message.set(INTENT, intent, add_to_output=True)
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != INTENT_NAME]
    message.set(INTENT_RANKING_KEY, [dict(intent)] + ranking, add_to_output=True)
    return True


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageGuard(GraphComponent):
    """Graph component wrapper of :func:`guard` (no training, no configuration)."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LanguageGuard":
        detect("hola")  # a broken word list fails at load, not on a patient's message
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            guard(message)
        return messages
