"""Questions about the results: why others don't fit, which suit an MS course or a country,
and what taking part in one study involves. Thin adapters over trials_db.matching.filters and
trials_db.involvement; the sentences are domain.yml responses."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from trials_db.involvement import involvement, sentences
from trials_db.matching.filters import answer, not_fitting, read_question
from trials_db.patient_text import clean, parse_country
from trials_db.slot_values import profile_from_slots
from trials_db.store import get_trial, make_engine, session_factory

from .results import NCT
from .trials import catalog
from .wording import trial_line

MAX_LISTED = 6


def _ready(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Results questions make sense once results were shown; before, say so (the form re-asks)."""
    if tracker.get_slot("screening_complete"):
        return True
    dispatcher.utter_message(response="utter_results_not_yet")
    return False


def _results(tracker: Tracker):
    cat = catalog()
    return cat.match(profile_from_slots(tracker.slots)), {r.nct_id: r for r in cat.index.rules}


class ActionWhyNotFit(Action):
    """ "Why don't the others fit?": each study that doesn't fit, with its first reason."""

    def name(self) -> Text:
        return "action_why_not_fit"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if not _ready(dispatcher, tracker):
            return []
        results, _ = _results(tracker)
        failing = not_fitting(results)
        if not failing:
            dispatcher.utter_message(response="utter_why_not_fit_none")
            return []
        lines = [
            f"{n}. {r.title} ({r.nct_id})\n   {why}"
            for n, (r, why) in enumerate(failing[:MAX_LISTED], 1)
        ]
        if len(failing) > MAX_LISTED:
            lines.append(f"…and {len(failing) - MAX_LISTED} more.")
        dispatcher.utter_message(
            response="utter_why_not_fit", count=len(failing), lines="\n\n".join(lines)
        )
        return []


class ActionFilterResults(Action):
    """ "Which ones are for progressive MS?", "any in Germany?": the person's results, filtered."""

    def name(self) -> Text:
        return "action_filter_results"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if not _ready(dispatcher, tracker):
            return []
        text = clean(tracker.latest_message.get("text") or "")
        question = read_question(text, parse_country(text))
        if question.empty:
            dispatcher.utter_message(response="utter_filter_which")
            return []
        results, rules = _results(tracker)
        found = answer(question, results, rules)
        parts = []
        if question.courses:
            parts.append(f"are open to people with {question.course_words}")
        if question.country:
            parts.append(f"have a site in {question.country}")
        what = " and ".join(parts)
        if not found:
            dispatcher.utter_message(response="utter_filter_none", what=what)
            return []
        lines = [trial_line(n, r) for n, r in enumerate(found[:MAX_LISTED], 1)]
        if len(found) > MAX_LISTED:
            lines.append(f"…and {len(found) - MAX_LISTED} more.")
        dispatcher.utter_message(
            response="utter_filter_results", count=len(found), what=what, lines="\n\n".join(lines)
        )
        return []


class ActionWhatInvolves(Action):
    """ "What would I have to do in this study?": from the study's own record (never guessed)."""

    def name(self) -> Text:
        return "action_what_involves"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        named = NCT.search(tracker.latest_message.get("text") or "")
        nct = named.group(0).upper() if named else tracker.get_slot("focus_nct")
        if not nct:
            shown: List[Dict[str, Any]] = tracker.get_slot("match_results") or []
            nct = shown[0]["nct_id"] if len(shown) == 1 else None
        if not nct:
            dispatcher.utter_message(response="utter_what_involves_which")
            return []
        with session_factory(make_engine())() as session:
            trial = get_trial(session, nct)
            if trial is None or nct not in {r.nct_id for r in catalog().index.rules}:
                dispatcher.utter_message(response="utter_what_involves_unknown", nct_id=nct)
                return []
            lines = sentences(involvement(trial))
            title = trial.display_title
        dispatcher.utter_message(
            response="utter_what_involves",
            title=title,
            nct_id=nct,
            lines="\n".join(f"• {line}" for line in lines),
        )
        return [SlotSet("focus_nct", nct)]
