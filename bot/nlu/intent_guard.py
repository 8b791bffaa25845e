"""Believe a control intent (stop, start over, skip, goodbye, delete) only when the words say it.

DIET scores every message against every intent, so nonsense lands somewhere; where it lands on
an intent that stops or restarts the screening, the patient loses their place for typing
"asdfgh". This component runs after the FallbackClassifier and turns such a guess without any
cue word (trials_db/lexicon/control_cues.yml) into `nlu_fallback`: the form then re-asks its
question. A message with no real word at all ("xxxxx", "🙂🙂🙂", or nothing once the text boundary
(bot/nlu/text_boundary.py) took out markup) is not understood, whatever DIET guessed.
"""

from __future__ import annotations

import re
from typing import Any, Dict, Optional, Pattern

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from trials_db.lexicon import control_cues, fold, says

from .override import MessageGuard, override_intent

# The intents that end or throw away part of the screening: believed only with a cue word.
GUARDED = ("stop", "start_over", "skip", "goodbye", "delete_my_data")


def cue_patterns() -> Dict[str, Pattern[str]]:
    """One compiled pattern per guarded intent (trials_db/lexicon/control_cues.yml)."""
    return {intent: pattern for intent, pattern in control_cues().items() if intent in GUARDED}


def has_cue(intent: str, text: str) -> bool:
    """True when ``text`` says ``intent`` in words (or ``intent`` is not guarded)."""
    return intent not in GUARDED or says(intent, text)


def no_real_word(text: str) -> bool:
    """ "xxxxx", "aaa aaa", "🙂🙂", or nothing left once the text boundary took out markup and
    code ("<script>alert(1)</script>"): no word of two different letters and no number."""
    words = re.findall(r"[^\W\d_]+", fold(text))
    return not re.search(r"\d", text) and all(len(set(w)) == 1 for w in words)


def guard(message: Message) -> bool:
    """Turn an unsupported control intent of ``message`` into nlu_fallback; True if it did."""
    text: str = message.get(TEXT) or ""
    intent: Optional[Dict[str, Any]] = message.get(INTENT)
    if not intent or text.startswith("/"):  # button payloads name their intent exactly
        return False
    name = intent.get(INTENT_NAME_KEY)
    if not no_real_word(text) and (name not in cue_patterns() or has_cue(name, text)):
        return False
    override_intent(
        message, DEFAULT_NLU_FALLBACK_INTENT_NAME, intent.get(PREDICTED_CONFIDENCE_KEY, 0.0)
    )
    return True


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ControlIntentGuard(MessageGuard):
    """Graph component wrapper of :func:`guard`."""

    guard = staticmethod(guard)

    @classmethod
    def load_data(cls) -> None:
        cue_patterns()
