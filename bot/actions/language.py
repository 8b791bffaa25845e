"""Say, in the person's language, that the bot speaks English for now and which words work.

Wording in domain.yml (``utter_other_language_<code>``); rules then ask the open question again
(or give the introduction to a first message), in English.
"""

from __future__ import annotations

from typing import List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from trials_db.language import NAMES, detect

RESPONSES = [f"utter_other_language_{code}" for code in NAMES]


class ActionOtherLanguage(Action):
    def name(self) -> Text:
        return "action_other_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        code = detect((tracker.latest_message or {}).get("text") or "") or "es"
        dispatcher.utter_message(response=f"utter_other_language_{code}")
        return []
