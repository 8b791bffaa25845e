"""Plain-words replies when part of the stack fails, instead of Rasa 3.6's silence or amnesia.

Rasa 3.6 answers nothing when the action server cannot be reached, and when the tracker store's
database fails it quietly falls back to an in-memory store (the bot greets a patient mid-way as
a stranger, and the turn is never written). With ``install()`` a failed turn gets an apology and
is not kept at all (the stored conversation stays as it was before the message), so the patient
sends it again once the part is back and the conversation carries on where it was. Rasa loads
no module of ours except by the paths in endpoints.yml and credentials.yml, so
``PrivacySQLTrackerStore`` installs this.
"""

from __future__ import annotations

import contextvars
import logging
from typing import Any, Dict, List, Optional, Text

from rasa.core.actions.action import Action, ActionExecutionRejection, RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage
from rasa.core.nlg import NaturalLanguageGenerator
from rasa.core.policies.policy import PolicyPrediction
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.conversation import Dialogue
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

log = logging.getLogger(__name__)

ACTIONS_DOWN = (
    "Sorry, something went wrong on my side and I couldn't take in your last "
    "message. Please send it again in a minute or two."
)
STORE_DOWN = (
    "Sorry, I can't reach my records at the moment, so I couldn't take in your last "
    "message. Nothing you told me before is lost. Please send it again in a few minutes."
)

# Set by the ``_run_action`` wrapper for one action; the ``RemoteAction.run`` wrapper appends to it.
_remote_failures: contextvars.ContextVar[Optional[List[str]]] = contextvars.ContextVar(
    "remote_failures", default=None
)


class TrackerStoreUnavailable(RuntimeError):
    """The conversation store failed; raised instead of Rasa's fall-back to an in-memory store."""


def _fail_closed(self: FailSafeTrackerStore, error: Exception) -> None:
    # The first line only: SQLAlchemy's next lines carry the SQL parameters (patients' words).
    first_line = str(error).splitlines()[0] if str(error) else ""
    raise TrackerStoreUnavailable(f"{type(error).__name__}: {first_line}") from error


def _wrap_remote_run(original: Any) -> Any:
    async def run(
        self: RemoteAction,
        output_channel: OutputChannel,
        nlg: NaturalLanguageGenerator,
        tracker: DialogueStateTracker,
        domain: Any,
    ) -> List[Any]:
        """Notes a failed call to the action server (a rejection is normal form logic)."""
        try:
            return await original(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except Exception:
            failures = _remote_failures.get()
            if failures is not None:
                failures.append(self.name())
            raise

    return run


def _forget_this_turn(tracker: DialogueStateTracker) -> None:
    """Drop the events since the patient's latest message (the message too): nothing is saved."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if isinstance(e, UserUttered)), default=None)
    if last_user is None:
        return
    tracker.events.clear()
    tracker.recreate_from_dialogue(Dialogue(tracker.sender_id, events[:last_user]))


def _forget_replies(channel: OutputChannel) -> None:
    """Nothing of a failed turn is kept, so a channel that collects replies shows none of it
    (the REST webhook; streaming channels have sent them already)."""
    if isinstance(channel, CollectingOutputChannel) and isinstance(channel.messages, list):
        channel.messages.clear()


def _wrap_run_action(original: Any) -> Any:
    async def _run_action(
        self: MessageProcessor,
        action: Action,
        tracker: DialogueStateTracker,
        output_channel: OutputChannel,
        nlg: NaturalLanguageGenerator,
        prediction: PolicyPrediction,
    ) -> bool:
        """On a failed action-server call: apologise, forget the turn, stop predicting."""
        failures: List[str] = []
        token = _remote_failures.set(failures)
        try:
            should_go_on = await original(self, action, tracker, output_channel, nlg, prediction)
        finally:
            _remote_failures.reset(token)
        if not failures:
            return should_go_on
        log.error(
            "Custom action %s failed (action server unreachable or in error); the turn "
            "was not kept and the patient was asked to send the message again.",
            failures[0],
        )
        _forget_this_turn(tracker)
        _forget_replies(output_channel)
        await output_channel.send_response(tracker.sender_id, {"text": ACTIONS_DOWN})
        return False  # the conversation is as it was before the message: listening

    return _run_action


def _wrap_handle_message(original: Any) -> Any:
    async def handle_message(
        self: MessageProcessor, message: UserMessage
    ) -> Optional[List[Dict[Text, Any]]]:
        """A turn that fails inside Rasa gets an apology instead of silence or an error."""
        try:
            return await original(self, message)
        except TrackerStoreUnavailable as exc:
            log.error(
                "The conversation store failed (%s); the message was not kept and the "
                "patient was asked to send it again.",
                exc,
            )
            text = STORE_DOWN
        except Exception:
            log.exception("A message could not be handled; the patient was asked to send it again.")
            text = ACTIONS_DOWN
        channel = message.output_channel
        _forget_replies(channel)
        await channel.send_response(message.sender_id, {"text": text})
        return channel.messages if isinstance(channel, CollectingOutputChannel) else None

    return handle_message


def install() -> None:
    """Wrap Rasa's processor and remote actions once per process (idempotent)."""
    if getattr(MessageProcessor, "_fault_replies_installed", False):
        return
    RemoteAction.run = _wrap_remote_run(RemoteAction.run)
    MessageProcessor._run_action = _wrap_run_action(MessageProcessor._run_action)
    MessageProcessor.handle_message = _wrap_handle_message(MessageProcessor.handle_message)
    FailSafeTrackerStore.on_tracker_store_error = _fail_closed
    FailSafeTrackerStore.on_tracker_store_retrieve_error = _fail_closed
    MessageProcessor._fault_replies_installed = True
