"""A patient asks a study coordinator to contact them: name and email or phone, then a record."""

from __future__ import annotations

import re
import time
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from trials_db.patient_text import clean

from .screening import INTERRUPTIONS, last_turn_is_new

EMAIL = re.compile(r"^[^@\s<>\"']{1,64}@[^@\s<>\"']{1,255}\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?[\d\s().-]{7,20}$")


class ActionPrepareContact(Action):
    """Remember which studies the request is about (one chosen, or those shown)."""

    def name(self) -> Text:
        return "action_prepare_contact"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if not tracker.get_slot("consent_given"):
            dispatcher.utter_message(response="utter_contact_needs_consent")
            return [SlotSet("contact_trials", None)]
        chosen = next(tracker.get_latest_entity_values("nct_id"), None)
        shown = [
            r["nct_id"]
            for r in tracker.get_slot("match_results") or []
            if r.get("verdict") != "not_eligible"
        ]
        trials = [chosen.upper()] if chosen else shown
        return [
            SlotSet("contact_trials", trials),
            SlotSet("contact_name", None),
            SlotSet("contact_detail", None),
        ]


class ValidateContactForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_contact_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        requested = tracker.get_slot("requested_slot")
        if requested and last_turn_is_new(tracker):
            intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
            if intent in INTERRUPTIONS:
                return [ActionExecutionRejected("contact_form")]
        return await super().run(dispatcher, tracker, domain)

    def extract_contact_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") == "contact_name" and last_turn_is_new(tracker):
            return {"contact_name": clean(tracker.latest_message.get("text") or "")}
        return {}

    def extract_contact_detail(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if tracker.get_slot("requested_slot") == "contact_detail" and last_turn_is_new(tracker):
            return {"contact_detail": clean(tracker.latest_message.get("text") or "")}
        return {}

    def validate_contact_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if (
            value is None
        ):  # cleared by action_prepare_contact as the form opens: nothing to check yet
            return {"contact_name": None}
        name = re.sub(
            r"^(my name is|i'?m|i am|call me|it'?s)\s+", "", str(value or ""), flags=re.I
        ).strip(" .!")
        if (
            not name
            or len(name) > 80
            or not re.search(r"[^\W\d_]", name)
            or re.search(r"[<>{}]", name)
        ):
            dispatcher.utter_message(response="utter_contact_name_again")
            return {"contact_name": None}
        return {"contact_name": name}

    def validate_contact_detail(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if value is None:  # cleared as the form opens: nothing to check yet
            return {"contact_detail": None}
        detail = str(value).strip().strip(".")
        if EMAIL.match(detail) or (PHONE.match(detail) and len(re.sub(r"\D", "", detail)) >= 7):
            return {"contact_detail": detail}
        dispatcher.utter_message(response="utter_contact_detail_again")
        return {"contact_detail": None}


class ActionSubmitContactRequest(Action):
    """Record the request (the coordinators' referral queue reads it) and say what happens next."""

    def name(self) -> Text:
        return "action_submit_contact_request"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        trials = tracker.get_slot("contact_trials") or []
        request = {
            "nct_ids": trials,
            "name": tracker.get_slot("contact_name"),
            "contact": tracker.get_slot("contact_detail"),
            "requested_at": time.time(),
        }
        said = {
            "name": str(request["name"] or ""),
            "contact": str(request["contact"] or ""),
        }
        if trials:
            dispatcher.utter_message(
                response="utter_contact_passed_on", nct_ids=", ".join(trials), **said
            )
        else:
            dispatcher.utter_message(response="utter_contact_passed_on_general", **said)
        return [SlotSet("contact_request", request)]
