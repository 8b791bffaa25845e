"""Every message passes the safety check before the dialogue sees it (trials_db.safety).

A message about suicide or self-harm, new or suddenly worse symptoms, or a request for medical
advice gets the intent ``safety_<category>`` whatever DIET guessed, in every state of the
conversation: rules answer it before any form question, and the forms never read facts from it.
Runs last in the pipeline, after the FallbackClassifier and the control-intent guard.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from trials_db.safety import check, rules

from .override import MessageGuard, override_intent


def guard(message: Message) -> bool:
    """Give ``message`` its safety intent when the check finds one; True if it did."""
    finding = check(message.get(TEXT) or "")
    if finding is None:
        return False
    override_intent(message, finding.category.intent, 1.0)
    return True


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class SafetyGuard(MessageGuard):
    """Graph component wrapper of :func:`guard`."""

    guard = staticmethod(guard)

    @classmethod
    def load_data(cls) -> None:
        rules()
