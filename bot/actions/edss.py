"""'I don't know my EDSS': three plain questions about walking give an estimated range."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from trials_db.edss_estimate import (
    estimate,
    needs_distance,
    needs_impact,
    parse_aid,
    parse_distance,
    parse_impact,
)
from trials_db.facts import read_facts
from trials_db.patient_text import Invalid, clean, says_dont_know, says_skip
from trials_db.safety import SAFETY_INTENTS
from trials_db.slot_values import ESTIMATED, SKIPPED

from .screening import INTERRUPTIONS, MAX_ATTEMPTS, last_turn_is_new, said_words

READERS = {"walk_aid": parse_aid, "walk_distance": parse_distance, "ms_impact": parse_impact}


class ValidateEdssEstimateForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_edss_estimate_form"

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        slots = ["walk_aid"]
        aid, distance = tracker.get_slot("walk_aid"), tracker.get_slot("walk_distance")
        if needs_distance(aid):
            slots.append("walk_distance")
        if needs_impact(aid, distance):
            slots.append("ms_impact")
        return slots

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        requested = tracker.get_slot("requested_slot")
        events: List[EventType] = []
        if not last_turn_is_new(tracker):
            events.append(SlotSet("reask", None))  # resumed after a question: ask plainly
        elif requested in READERS:
            message = tracker.latest_message or {}
            intent = (message.get("intent") or {}).get("name")
            text = clean(message.get("text") or "")
            value = READERS[requested](text)
            if intent in SAFETY_INTENTS or (value is None and intent in INTERRUPTIONS):
                return [ActionExecutionRejected("edss_estimate_form")]
            attempts = dict(tracker.get_slot("invalid_attempts") or {})
            if value is None and (
                intent in ("skip", "dont_know") or says_skip(text) or says_dont_know(text)
            ):
                result = {requested: SKIPPED, "reask": None}  # no estimate: the EDSS is left out
            elif value is None:
                other = self._other_facts(text, intent, tracker, dispatcher)
                if other:  # "Tysabri then Ocrevus": taken and said, the question asked again
                    result = {**other, requested: None, "reask": None}
                else:
                    attempts[requested] = attempts.get(requested, 0) + 1
                    if attempts[requested] >= MAX_ATTEMPTS:  # no loop: the EDSS is left out
                        result = {requested: SKIPPED, "reask": None}
                    else:
                        result = getattr(self, f"validate_{requested}")(
                            value, dispatcher, tracker, domain
                        )
            else:
                attempts.pop(requested, None)
                result = getattr(self, f"validate_{requested}")(value, dispatcher, tracker, domain)
            result["invalid_attempts"] = attempts or None
            for key, new in result.items():
                tracker.slots[key] = new
                events.append(SlotSet(key, new))
        next_slot = await self.next_requested_slot(dispatcher, tracker, domain)
        if next_slot is not None:
            events.append(next_slot)
        return events

    @staticmethod
    def _other_facts(
        text: str, intent: Any, tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> Dict[Text, Any]:
        """Profile facts said instead of a walking answer, taken and said back in one message."""
        facts = {
            k: v
            for k, v in read_facts(text, intent, None, tracker.slots).items()
            if not isinstance(v, Invalid) and k not in ("edss", "edss_range", "edss_is_estimate")
        }
        what = said_words(facts)
        if what:
            dispatcher.utter_message(response="utter_noted_other", what=what)
        return facts

    def _check(self, slot: str, value: Any, dispatcher: CollectingDispatcher) -> Dict[Text, Any]:
        """An answer I could not read: the question's "again" variant asks once more, in one
        message."""
        return {slot: value, "reask": "again" if value is None else None}

    def validate_walk_aid(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._check("walk_aid", value, dispatcher)

    def validate_walk_distance(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._check("walk_distance", value, dispatcher)

    def validate_ms_impact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return self._check("ms_impact", value, dispatcher)


class ActionSetEdssEstimate(Action):
    """Turn the walking answers into an estimated EDSS range, said plainly as an estimate."""

    def name(self) -> Text:
        return "action_set_edss_estimate"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        result = estimate(
            tracker.get_slot("walk_aid"),
            tracker.get_slot("walk_distance"),
            tracker.get_slot("ms_impact"),
        )
        if result is None:
            dispatcher.utter_message(response="utter_edss_not_estimated")
            return [SlotSet("edss", "skipped")]
        dispatcher.utter_message(response="utter_edss_estimate", estimate=result.text())
        return [
            SlotSet("edss", ESTIMATED),
            SlotSet("edss_is_estimate", True),
            SlotSet("edss_range", [result.low, result.high]),
        ]
