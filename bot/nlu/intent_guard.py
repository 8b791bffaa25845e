"""Believe a control intent (stop, start over, skip, goodbye, delete) only when the words say it.

DIET scores every message against every intent, so nonsense lands somewhere; where it lands on
an intent that stops or restarts the screening, the patient loses their place for typing
"asdfgh". This component runs after the FallbackClassifier and turns such a guess without any
cue word (bot/nlu/control_cues.yml) into `nlu_fallback`: the form then re-asks its question.
A message with no real word at all ("xxxxx") is not understood, whatever DIET guessed.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional, Pattern, Text

import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from trials_db.lexicon import fold

CUES_FILE = Path(__file__).with_name("control_cues.yml")


@lru_cache(maxsize=None)
def cue_patterns(path: Path = CUES_FILE) -> Dict[str, Pattern[str]]:
    """One compiled pattern per guarded intent: any of its cues, at word boundaries."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {intent: re.compile(r"\b(?:" + "|".join(str(c) for c in cues) + r")\b")
            for intent, cues in data.items()}


def has_cue(intent: str, text: str) -> bool:
    """True when ``text`` says ``intent`` in words (or ``intent`` is not guarded)."""
    pattern = cue_patterns().get(intent)
    return pattern is None or pattern.search(fold(text).replace("\u2019", "'")) is not None


def no_real_word(text: str) -> bool:
    """"xxxxx", "aaa aaa": letters, but no word of two different letters (and no number)."""
    words = re.findall(r"[a-z]+", fold(text))
    return bool(words) and not re.search(r"\d", text) and all(len(set(w)) == 1 for w in words)


def guard(message: Message) -> bool:
    """Turn an unsupported control intent of ``message`` into nlu_fallback; True if it did."""
    text: str = message.get(TEXT) or ""
    intent: Optional[Dict[str, Any]] = message.get(INTENT)
    if not intent or text.startswith("/"):  # button payloads name their intent exactly
        return False
    name = intent.get(INTENT_NAME_KEY)
    if not no_real_word(text) and (name not in cue_patterns() or has_cue(name, text)):
        return False
    fallback = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME,
                PREDICTED_CONFIDENCE_KEY: intent.get(PREDICTED_CONFIDENCE_KEY, 0.0)}
    message.set(INTENT, fallback, add_to_output=True)
    ranking = message.get(INTENT_RANKING_KEY) or []
    message.set(INTENT_RANKING_KEY, [dict(fallback)] + list(ranking), add_to_output=True)
    return True


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ControlIntentGuard(GraphComponent):
    """Graph component wrapper of :func:`guard` (no training, no configuration)."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "ControlIntentGuard":
        cue_patterns()  # a broken cues file fails at load, not on a patient's message
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            guard(message)
        return messages
