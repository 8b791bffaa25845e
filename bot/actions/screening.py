"""Consent and the screening form: one question at a time, several facts per message allowed."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActionExecutionRejected, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from trials_db.edss_estimate import EdssEstimate
from trials_db.fields import words
from trials_db.geo import Place, distance_text, travel_said
from trials_db.lexicon import load as load_lexicon
from trials_db.matching import next_question, open_fields
from trials_db.matching.filters import sites_far_apart
from trials_db.patient_text import Invalid, clean, says_dont_know, says_skip
from trials_db.quoted_reply import QUOTED_TEXT
from trials_db.safety import SAFETY_INTENTS

from trials_db.facts import (
    THERAPY_SLOTS,
    YEAR_SLOTS,
    message_facts,
    unrecognised_treatments,
    unsure_which_year,
)
from trials_db.slot_values import (
    ESTIMATED,
    FOLLOW_UPS,
    PROFILE_SLOTS,
    SKIPPED,
    known,
    profile_from_slots,
)

from .alerts import show_waiting
from .trials import catalog

log = logging.getLogger(__name__)


def said_whole(message: Dict[Text, Any]) -> str:
    """The message as written, quotes included ("> How old are you?\n44"): the classifier saw
    only the writer's own lines (bot/nlu/text_boundary.py); the facts pair each answer with
    the question quoted above it."""
    quoted = message.get(QUOTED_TEXT)
    if quoted:  # line by line: the lines say which answer goes with which question
        return "\n".join(clean(line) for line in str(quoted).splitlines())
    return clean(message.get("text") or "")


# Messages that leave the question to a rule (a question about the bot, stop, start over...).
INTERRUPTIONS = {
    "ask_what_is_edss",
    "ask_why_needed",
    "ask_what_bot_does",
    "ask_privacy",
    "ask_ms_types",
    "stop",
    "start_over",
    "delete_my_data",
    "goodbye",
    "bot_challenge",
    "browse_trials",
    "ask_why_not_fit",
    "ask_filter_results",
    "ask_what_involves",
    "subscribe_alerts",
    "stop_alerts",
    "other_language",  # only when nothing could be read from it ("tengo 42 años" still gives 42)
} | SAFETY_INTENTS
SAYS_ITSELF = {
    "home_place",
    "travel_km",
    "edss_range",
    "prior_therapies",
}  # their validators say back what was understood
# Set with that fact, never named on their own.
PART_OF = {"edss_range": "edss", "edss_is_estimate": "edss", "therapy_names": "prior_therapies"}
MAX_FOLLOW_UPS = 2  # keeps a screening to about eight messages; more can be volunteered
MAX_ATTEMPTS = 3  # after this many unusable answers to one question, it is skipped

SLOT_WORDS = words()  # "I'll leave out {words}": trials_db/lexicon/profile_fields.yml


def said_words(slots: Any) -> str:
    """How the facts in ``slots`` are named to the person ("your age and your EDSS score"),
    leaving out the parts of a fact (an EDSS range goes with the EDSS)."""
    return " and ".join(SLOT_WORDS[s] for s in slots if s in SLOT_WORDS and s not in PART_OF)


def last_turn_is_new(tracker: Tracker) -> bool:
    """False when the form is resumed after a rule answered a question (nothing new to read)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") not in (
            "action_listen",
            "action_extract_slots",
            "screening_form",
            "validate_screening_form",
            "edss_estimate_form",
            "contact_form",
            None,
        ):
            return False
    return True


def answered_kindly_just_now(tracker: Tracker) -> bool:
    """Whether the latest message got the kind answer to hard feelings or the "we can't advise"
    answer (action_safety_answer) and the form resumes right after it."""
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    if intent not in ("safety_distress", "safety_advice"):
        return False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == "action_safety_answer":
            return True
    return False


class ActionRecordConsent(Action):
    """Record the yes or no to the consent question (no health question comes before a yes)."""

    def name(self) -> Text:
        return "action_record_consent"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "affirm":
            show_waiting(dispatcher, tracker)  # a returning website visitor's waiting alerts
        return [SlotSet("consent_given", intent == "affirm")]


class ValidateScreeningForm(FormValidationAction):
    """Asks only what the open studies check; reads every fact a message volunteers."""

    def name(self) -> Text:
        return "validate_screening_form"

    async def required_slots(
        self,
        domain_slots: List[Text],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[Text]:
        slots = ["age", "ms_subtype", "edss", "prior_therapies"]
        prior = tracker.get_slot("prior_therapies")
        if isinstance(prior, list) and prior:
            slots.append("failed_therapies")
        profile = profile_from_slots(tracker.slots)
        results = catalog().match(profile)
        needs = open_fields(results, profile)
        sex = tracker.get_slot("sex")
        if (
            sex is not None
            or needs.get("sex")
            or needs.get("pregnant")
            or needs.get("breastfeeding")
        ):
            slots.append("sex")
        if sex == "female":
            if tracker.get_slot("pregnant") is not None or needs.get("pregnant"):
                slots.append("pregnant")
            if tracker.get_slot("breastfeeding") is not None or needs.get("breastfeeding"):
                slots.append("breastfeeding")
        asked = [s for s in FOLLOW_UPS if tracker.get_slot(s) is not None]
        slots += asked
        if len(asked) < MAX_FOLLOW_UPS and all(tracker.get_slot(s) is not None for s in slots):
            skip = [f for f in needs if f not in FOLLOW_UPS or f in asked]
            follow_up = next_question(results, profile, skip=skip)
            if follow_up:
                slots.append(follow_up)
        if tracker.get_slot("home_place") is not None or (
            len(asked) < MAX_FOLLOW_UPS
            and all(tracker.get_slot(s) is not None for s in slots)
            and sites_far_apart(results, {r.nct_id: r for r in catalog().index.rules})
        ):
            # Last, only when the studies are in different places, and within the follow-up
            # budget, so that a person who knows their EDSS still has results in 8 messages.
            slots.append("home_place")
        return slots

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        requested = tracker.get_slot("requested_slot")
        events: List[EventType] = []
        if not last_turn_is_new(tracker):
            events.append(SlotSet("reask", None))  # resumed after a question: ask plainly
            if answered_kindly_just_now(tracker):
                # hard feelings or a question about treatment, answered by the rule: the facts
                # of its other sentences are still the person's answers (trials_db/facts.py)
                message = tracker.latest_message or {}
                intent = (message.get("intent") or {}).get("name")
                facts = {
                    k: v
                    for k, v in message_facts(
                        said_whole(message), intent, requested, tracker.slots
                    ).items()
                    if not isinstance(v, Invalid)
                }
                if facts:
                    events += await self._validate_facts(
                        facts, requested, dispatcher, tracker, domain
                    )
        else:
            message = tracker.latest_message or {}
            text = clean(message.get("text") or "")
            intent = (message.get("intent") or {}).get("name")
            if intent in SAFETY_INTENTS:
                return [
                    ActionExecutionRejected("screening_form")
                ]  # answered safely first, nothing read
            facts = message_facts(
                said_whole(message),
                intent,
                requested,
                tracker.slots,
                places=intent not in INTERRUPTIONS or requested == "home_place",
            )
            unanswered = requested and (
                requested not in facts or isinstance(facts[requested], Invalid)
            )
            if unanswered and says_skip(text):
                # "I'd rather not say" (a button, or typed) is an answer: the question is left out,
                # never asked again with an explanation in a loop.
                dispatcher.utter_message(
                    response="utter_skipped", what=SLOT_WORDS.get(requested, "that")
                )
                facts = {requested: SKIPPED}
            elif requested and requested not in facts:
                if requested == "edss" and (
                    intent in ("edss_unknown", "dont_know") or says_dont_know(text)
                ):
                    return [
                        ActionExecutionRejected("screening_form")
                    ]  # a rule starts the walking questions
                if (
                    intent in ("skip", "dont_know")
                    or says_dont_know(text)
                    or (requested in YEAR_SLOTS and unsure_which_year(text))
                ):  # "maybe 2019 or 2020?": left to the study team, not asked again
                    dispatcher.utter_message(
                        response="utter_skipped", what=SLOT_WORDS.get(requested, "that")
                    )
                    facts = {requested: SKIPPED}
                elif not facts:
                    if intent in INTERRUPTIONS:
                        return [
                            ActionExecutionRejected("screening_form")
                        ]  # a rule answers, then we resume
                    facts[requested] = Invalid()
            events += await self._validate_facts(facts, requested, dispatcher, tracker, domain)
            if any(
                slot in facts and not isinstance(facts[slot], Invalid) for slot in THERAPY_SLOTS
            ):
                unknown = unrecognised_treatments(text)
                if unknown:
                    names = " or ".join(f'"{w}"' for w in unknown)
                    dispatcher.utter_message(response="utter_unknown_treatment", names=names)
        next_slot = await self.next_requested_slot(dispatcher, tracker, domain)
        if next_slot is not None:
            events.append(next_slot)
        return events

    async def _validate_facts(
        self,
        facts: Dict[str, Any],
        requested: Optional[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[EventType]:
        events: List[EventType] = []
        attempts = dict(tracker.get_slot("invalid_attempts") or {})
        updated: List[str] = []
        noted: List[str] = []
        # Never named on their own: the parts of a fact (an EDSS range), and a fact whose part was
        # said back.
        parts = set(PART_OF) | {
            PART_OF[s]
            for s in facts
            if s in PART_OF
            and s in SAYS_ITSELF
            and known(facts[s])
            and not isinstance(facts[s], Invalid)
        }
        for slot, value in facts.items():
            before = tracker.get_slot(slot)
            if isinstance(value, Invalid):
                if slot != requested:
                    continue  # a half-understood extra fact is dropped, the question goes on
                attempts[slot] = attempts.get(slot, 0) + 1
                result = self._reject(slot, value, attempts[slot], dispatcher)
            else:
                method = getattr(self, f"validate_{slot}", None)
                result = method(value, dispatcher, tracker, domain) if method else {slot: value}
                attempts.pop(slot, None)
            for key, new in result.items():
                tracker.slots[key] = new
                events.append(SlotSet(key, new))
            if slot == requested or slot in parts:
                continue
            if known(before) and before != result.get(slot) and result.get(slot) is not None:
                if slot not in SAYS_ITSELF:  # "Noted: Tecfidera, Rebif" said it already
                    updated.append(slot)
            elif (
                not known(before)
                and known(result.get(slot))
                and slot in SLOT_WORDS
                and slot not in SAYS_ITSELF
            ):
                noted.append(slot)
        if updated:
            words = " and ".join(SLOT_WORDS.get(s, s) for s in updated)
            dispatcher.utter_message(response="utter_updated", what=words)
        if noted and requested and requested not in facts:
            # "female" when asked the MS type: taken and said, then the open question again.
            dispatcher.utter_message(response="utter_noted_other", what=said_words(noted))
        events.append(SlotSet("invalid_attempts", attempts or None))
        if requested and not isinstance(facts.get(requested), Invalid):
            events.append(SlotSet("reask", None))
        return events

    @staticmethod
    def _reject(
        slot: str, value: Invalid, attempt: int, dispatcher: CollectingDispatcher
    ) -> Dict[str, Any]:
        """One kind re-ask per unusable answer: the question's own "reask" variant says sorry and
        gives an example (one message); a specific reason ("EDSS goes from 0 to 10") comes first.
        After the third, the question is left out, saying why."""
        if attempt >= MAX_ATTEMPTS:
            dispatcher.utter_message(response="utter_left_out", what=SLOT_WORDS.get(slot, "that"))
            return {slot: SKIPPED, "reask": None}
        if value.response:  # "EDSS goes from 0 to 10...": the reading's own kind sentence
            dispatcher.utter_message(response=value.response, **value.values)
            return {slot: None, "reask": None}
        return {slot: None, "reask": "last" if attempt == MAX_ATTEMPTS - 1 else "again"}

    # One validator per slot: values arrive already parsed; these check what parsing can't.

    def validate_sex(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if value == "male":
            return {"sex": "male", "pregnant": None, "breastfeeding": None}
        return {"sex": value}

    def validate_edss(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if value == ESTIMATED:  # a range the person gave ("3 or 3.5"): edss_range comes with it
            return {"edss": value}
        return {"edss": value, "edss_is_estimate": False, "edss_range": None}

    def validate_edss_range(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """A score given as a range ("i think its 3 or 3.5") is kept as a range: said back as
        taken."""
        if isinstance(value, list) and len(value) == 2:
            dispatcher.utter_message(
                response="utter_noted_edss_range", estimate=EdssEstimate(*value).text()
            )
        return {"edss_range": value}

    def validate_prior_therapies(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if value and isinstance(value, list):
            said = (tracker.latest_message or {}).get("text") or ""
            names = ", ".join(load_lexicon().display_name(d, said) for d in value)
            dispatcher.utter_message(response="utter_noted_treatments", names=names)
        return {"prior_therapies": value}

    def validate_home_place(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        """Say back the place as understood ("Boston, MA, United States"), so it can be
        corrected."""
        if isinstance(value, dict) and value.get("label"):
            dispatcher.utter_message(response="utter_noted_place", place=value["label"])
            if value.get("country") and not known(tracker.get_slot("country")):
                return {"home_place": value, "country": value["country"]}
        return {"home_place": value}

    def validate_travel_km(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if isinstance(value, (int, float)):
            place = Place.from_slot(tracker.get_slot("home_place"))
            said = travel_said((tracker.latest_message or {}).get("text") or "")
            dispatcher.utter_message(
                response="utter_noted_travel",
                distance=said
                or distance_text(value, place.country if place else None).replace("about ", ""),
            )
        return {"travel_km": value}


def _keep(slot: str):
    """A validator that keeps the value as read (the reading already checked it)."""

    def validate(self, value: Any, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return {slot: value}

    validate.__name__ = f"validate_{slot}"
    return validate


# rasa_sdk warns about every form slot without a validate_<slot> method; the slots whose value
# needs no more than its reading get the same one-line validator, derived from the declared
# fields instead of written out once per slot.
for _slot in (*PROFILE_SLOTS, "country"):
    if not hasattr(ValidateScreeningForm, f"validate_{_slot}"):
        setattr(ValidateScreeningForm, f"validate_{_slot}", _keep(_slot))


class ActionAskFailedTherapies(Action):
    """Ask which of the named treatments stopped working, with one button per treatment."""

    def name(self) -> Text:
        return "action_ask_failed_therapies"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        lex = load_lexicon()
        prior = [d for d in tracker.get_slot("prior_therapies") or [] if d in lex.drugs]
        names = tracker.get_slot("therapy_names") or {}  # the brands the person used
        buttons = [
            {
                "title": f"{lex.display_name(d, names.get(d))} didn't work",
                "payload": f"{d} didn't work",
            }
            for d in prior
        ]
        buttons.append({"title": "None of them", "payload": "none of them failed"})
        dispatcher.utter_message(response="utter_ask_which_failed", buttons=buttons)
        return []
