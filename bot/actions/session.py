"""Stop, start over and delete my data: these work at any time."""

from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from trials_db.fields import slot_fields

from .alerts import forget

RESET_SLOTS = (
    *slot_fields(),
    "invalid_attempts",
    "reask",
    "walk_aid",
    "walk_distance",
    "ms_impact",
    "match_results",
    "results_shown",
    "screening_complete",
    "focus_nct",
    "contact_trials",
    "contact_name",
    "contact_detail",
    "requested_slot",
)


class ActionStop(Action):
    def name(self) -> Text:
        return "action_stop"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_stopped")
        return [ActiveLoop(None), SlotSet("requested_slot", None)]


class ActionStartOver(Action):
    """Forget the answers and results (consent stays) and begin the questions again."""

    def name(self) -> Text:
        return "action_start_over"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        dispatcher.utter_message(response="utter_start_over")
        return [ActiveLoop(None)] + [SlotSet(s, None) for s in RESET_SLOTS]  # rules ask again


class ActionDeleteMyData(Action):
    """Mark the conversation for erasure; the tracker store deletes it when it saves this turn."""

    def name(self) -> Text:
        return "action_delete_my_data"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        forget(tracker)  # a saved alert profile and its queued messages go too
        dispatcher.utter_message(response="utter_data_deleted")
        return [ActiveLoop(None), SlotSet("delete_requested", True)]
