"""The pipeline's first component: every message is made plain once, where it enters
(trials_db.text.normalise: markup and code out, control characters, typographic quotes and
dashes, Unicode forms), before the classifier and the guards read it.

Rasa copies the processed text into the message's parse data, so the actions read the same
plain text from ``tracker.latest_message``; the stored event keeps what the person typed.
Button payloads ("/intent{...}") are left as they are.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from trials_db.patient_text import thumb_answer
from trials_db.quoted_reply import QUOTED_TEXT, own_parts
from trials_db.text import normalise

from .override import MessageGuard


def plain(message: Message) -> None:
    """Replace ``message``'s text with its plain form (payloads and empty texts untouched). A
    message that is only a thumb up or down is the "yes" or "no" it means: the tokenizer drops
    emoji, so the classifier would otherwise see nothing. A reply that quotes the bot ("> How
    old are you?\n44") is classified by the writer's own lines only (a quoted question is not
    theirs); the whole of it is kept under ``quoted_text`` for the actions, which read each
    answer with the question quoted above it (trials_db/quoted_reply.py)."""
    text = message.get(TEXT)
    if isinstance(text, str) and text and not text.startswith("/"):
        said = thumb_answer(text) or normalise(text)
        parts = own_parts(text)  # by its lines, which the plain form joins
        own = normalise("\n".join(p.text for p in parts)) if parts is not None else ""
        if own.strip():
            whole = "\n".join(normalise(line) for line in text.splitlines())
            message.set(QUOTED_TEXT, whole, add_to_output=True)
            said = own
        message.set(TEXT, said, add_to_output=True)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class TextBoundary(MessageGuard):
    """Graph component wrapper of :func:`plain`: like the guards it runs on every message, and
    as a tokenizer-stage component also on the training data, so both read the same text."""

    guard = staticmethod(plain)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data
