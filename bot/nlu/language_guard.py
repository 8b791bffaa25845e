"""A message written in Spanish, German, French, Italian or Portuguese gets the intent
``other_language`` (trials_db.language), so a rule can say in that language that the bot speaks
English for now, and which words it understands, instead of "Sorry, I didn't understand" again
and again. Runs before the safety guard: a crisis in any language is still answered as one.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from trials_db.language import detect

from .override import MessageGuard, override_intent

INTENT_NAME = "other_language"


def guard(message: Message) -> bool:
    """Give ``message`` the intent other_language when it is written in one; True if it did."""
    if detect(message.get(TEXT) or "") is None:
        return False
    override_intent(message, INTENT_NAME, 1.0)
    return True


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageGuard(MessageGuard):
    """Graph component wrapper of :func:`guard`."""

    guard = staticmethod(guard)

    @classmethod
    def load_data(cls) -> None:
        detect("hola")
