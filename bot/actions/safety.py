"""The safe answers: a crisis, new symptoms, a request for medical advice, hard feelings.

The NLU's safety guard gives such a message its ``safety_*`` intent; rules run this action
before any form question. Wording is in domain.yml (``utter_safety_<category>[_<language>]``);
these actions only pick the response and the crisis lines; the pause action also stops the
form for a crisis or new symptoms (it goes on only when the person says so).
"""

from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from trials_db.patient_text import parse_country
from trials_db.safety import Category, check, crisis_lines

TRANSLATED = {
    Category.CRISIS: ("es", "de", "fr", "it", "pt"),
    Category.SYMPTOMS: ("es", "de", "fr", "it", "pt"),
}
PAUSES = (Category.CRISIS, Category.SYMPTOMS)


def response_name(category: Category, language: str) -> str:
    """utter_safety_crisis, or utter_safety_crisis_es when the person wrote in Spanish."""
    base = f"utter_safety_{category.value}"
    return f"{base}_{language}" if language in TRANSLATED.get(category, ()) else base


def all_responses() -> list[str]:
    """Every response name these actions can utter (checked against domain.yml by the tests)."""
    return [response_name(c, lang) for c in Category for lang in ("en",) + TRANSLATED.get(c, ())]


class ActionSafetyAnswer(Action):
    """Answer a request for medical advice or hard feelings; the open question comes next."""

    def name(self) -> Text:
        return "action_safety_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        category = answer(dispatcher, tracker)
        if category in PAUSES:  # the guard and this check disagree: never less safe
            return [ActiveLoop(None), SlotSet("requested_slot", None)]
        return []


class ActionSafetyPause(Action):
    """Answer a crisis or new symptoms and pause the screening (it goes on when they say so)."""

    def name(self) -> Text:
        return "action_safety_pause"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        answer(dispatcher, tracker)
        return [ActiveLoop(None), SlotSet("requested_slot", None)]


def answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> Category:
    """Utter the safe answer to the latest message, by name, with the person's crisis lines."""
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    intent = (message.get("intent") or {}).get("name") or ""
    finding = check(text)
    by_intent = next((c for c in Category if c.intent == intent), Category.DISTRESS)
    # The stronger of what the guard said and what the check says now.
    category = min(by_intent, finding.category, key=list(Category).index) if finding else by_intent
    language = finding.language if finding else "en"
    country = tracker.get_slot("country") or parse_country(text)
    lines = crisis_lines(country if isinstance(country, str) else None, language)
    dispatcher.utter_message(
        response=response_name(category, language),
        crisis_lines="; ".join(lines.lines),
        emergency=lines.emergency,
    )
    return category
