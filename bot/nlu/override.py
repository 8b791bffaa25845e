"""What the NLU guards share (and the text boundary, bot/nlu/text_boundary.py): a component
that runs one step on every message, and the way an intent is replaced (the new intent first
in the ranking, DIET's guesses after it)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message


def override_intent(message: Message, name: str, confidence: float) -> None:
    """Give ``message`` the intent ``name``; the classifier's ranking stays behind it."""
    intent = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}
    message.set(INTENT, intent, add_to_output=True)
    ranking = message.get(INTENT_RANKING_KEY) or []
    message.set(INTENT_RANKING_KEY, [dict(intent)] + list(ranking), add_to_output=True)


class MessageGuard(GraphComponent):
    """Base of the guards: no training, no configuration; ``guard`` runs on every message."""

    @staticmethod
    def guard(message: Message) -> bool:  # pragma: no cover - each guard defines it
        raise NotImplementedError

    @classmethod
    def load_data(cls) -> None:
        """Read the guard's data files now, so a broken file fails at load, not on a message."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "MessageGuard":
        cls.load_data()
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self.guard(message)
        return messages
