"""Alerts for new studies, in the chat: an explicit yes saves the profile and the channel
address (trials_db.alerts.service), "stop alerts" and "delete my data" remove them. Thin
adapters; the sentences are domain.yml responses."""

from __future__ import annotations

import logging
import re
from typing import Any, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from trials_db.alerts.service import (
    SubscriptionError,
    pending_for_address,
    pending_for_web,
    stop_link,
    subscribe,
    unsubscribe,
)
from trials_db.slot_values import profile_from_slots
from trials_db.store import make_engine, session_factory

log = logging.getLogger(__name__)
CHAT_CHANNELS = {"telegram": "telegram", "slack": "slack", "facebook": "facebook"}
EMAIL = re.compile(r"[^@\s<>\"']{1,64}@[^@\s<>\"']{1,255}\.[A-Za-z]{2,}")


def channel_address(tracker: Tracker) -> Tuple[str, Optional[str]]:
    """Where alerts go: the chat the person uses, an email they typed, or the web page itself
    (shown at their next visit; the widget keeps the conversation id)."""
    channel = tracker.get_latest_input_channel() or ""
    if channel in CHAT_CHANNELS:
        return CHAT_CHANNELS[channel], tracker.sender_id
    email = EMAIL.search((tracker.latest_message or {}).get("text") or "")
    if email:
        return "email", email.group(0)
    return "web", tracker.sender_id


def forget(tracker: Tracker) -> int:
    """Remove this person's saved alert profile and every queued message; how many were removed."""
    token = tracker.get_slot("alerts_token")
    channel, address = channel_address(tracker)
    with session_factory(make_engine())() as session:
        removed = unsubscribe(session, token) if token else 0
        if not removed and address:
            removed = unsubscribe(session, channel=channel, address=address)
        session.commit()
    return removed


class ActionSubscribeAlerts(Action):
    """The separate, explicit yes to alerts: keep the profile and where to write."""

    def name(self) -> Text:
        return "action_subscribe_alerts"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if not tracker.get_slot("consent_given") or not tracker.get_slot("screening_complete"):
            dispatcher.utter_message(response="utter_alerts_after_results")
            return []
        channel, address = channel_address(tracker)
        shown: List[Any] = [
            r.get("nct_id") for r in tracker.get_slot("match_results") or [] if r.get("nct_id")
        ]
        try:
            with session_factory(make_engine())() as session:
                token = subscribe(
                    session,
                    profile_from_slots(tracker.slots).to_dict(),
                    channel,
                    address,
                    already_shown=shown,
                )
                session.commit()
        except SubscriptionError as exc:
            log.warning("alerts subscription refused: %s", type(exc).__name__)
            dispatcher.utter_message(response="utter_alerts_failed")
            return []
        if channel == "web":
            dispatcher.utter_message(response="utter_alerts_saved_web", link=stop_link(token))
        elif channel == "email":
            dispatcher.utter_message(
                response="utter_alerts_saved_email", link=stop_link(token), email=address
            )
        else:
            dispatcher.utter_message(response="utter_alerts_saved_chat", link=stop_link(token))
        return [SlotSet("alerts_token", token)]


class ActionDeclineAlerts(Action):
    def name(self) -> Text:
        return "action_decline_alerts"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_alerts_declined")
        return []


class ActionStopAlerts(Action):
    """ "stop alerts": forget the saved profile and every queued message."""

    def name(self) -> Text:
        return "action_stop_alerts"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if forget(tracker):
            dispatcher.utter_message(response="utter_alerts_stopped")
        else:
            dispatcher.utter_message(response="utter_alerts_none")
        return [SlotSet("alerts_token", None)]


def show_waiting(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """A website visitor with alerts: the new studies that waited for this visit, once. Called
    when they agree to the questions again (not at session start: greeting a newcomer must not
    need the action server)."""
    waiting = _waiting(tracker)
    if waiting:
        lines = "\n\n".join(m["body"] for m in waiting[:5])
        dispatcher.utter_message(
            response="utter_alerts_waiting",
            count=len(waiting),
            plural="y" if len(waiting) == 1 else "ies",
            lines=lines,
        )


def _waiting(tracker: Tracker) -> List[dict]:
    token = tracker.get_slot("alerts_token")
    channel, address = channel_address(tracker)
    if not token and channel != "web":
        return []
    try:
        with session_factory(make_engine())() as session:
            waiting = (
                pending_for_web(session, token)
                if token
                else pending_for_address(session, "web", address)
            )
            session.commit()
        return waiting
    except Exception:  # noqa: BLE001 - a store problem must never stop a conversation from starting
        log.exception("waiting alerts could not be read")
        return []
