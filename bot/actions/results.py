"""Results: the summary, more studies, one study's details, corrections, and browsing."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from trials_db.matching import TrialResult
from trials_db.matching.evaluate import NOT_ELIGIBLE
from trials_db.patient_text import Invalid, clean, parse_country
from trials_db.geo import distance_text, read_place_facts
from trials_db.involvement import involvement, sentences
from trials_db.render import status_text
from trials_db.store import get_trial, make_engine, session_factory
from trials_db.facts import read_facts
from trials_db.slot_values import profile_from_slots

from .screening import said_words
from .trials import catalog, open_trials
from .wording import details, result_record, summary, trial_line

PAGE = 3
NCT = re.compile(r"\bNCT\d{8}\b", re.IGNORECASE)


def _buttons(shown: List[TrialResult], more: bool) -> List[Dict[str, str]]:
    buttons = [
        {"title": f"Details: {r.nct_id}", "payload": f'/trial_details{{"nct_id":"{r.nct_id}"}}'}
        for r in shown
    ]
    if more:
        buttons.append({"title": "Show more studies", "payload": "/more_results"})
    buttons.append({"title": "Change an answer", "payload": "/change_answer"})
    buttons.append({"title": "Ask a coordinator to contact me", "payload": "/request_contact"})
    return buttons


def _page(results: List[TrialResult], start: int) -> List[TrialResult]:
    """The next studies to show: those that may fit first; ones that don't only if none may."""
    hopeful = [r for r in results if r.verdict != NOT_ELIGIBLE]
    pool = hopeful if hopeful else results
    return pool[start : start + PAGE]


def _where(tracker: Tracker, profile) -> tuple:
    """(home country, travel limit in km, whether the home is known) for the results lines."""
    travel = tracker.get_slot("travel_km")
    return (
        profile.country,
        travel if isinstance(travel, (int, float)) else None,
        profile.home is not None,
    )


def _unchanged_by_correction(tracker: Tracker) -> bool:
    """A correction that read nothing already said so: the same results again would be noise."""
    ran_correction = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return ran_correction
        if event.get("event") == "slot" and event.get("name") not in ("requested_slot",):
            return False
        if event.get("event") == "action" and event.get("name") == "action_apply_correction":
            ran_correction = True
    return False


def _records(tracker: Tracker, shown: List[TrialResult], replace: bool) -> List[Dict[str, Any]]:
    earlier = [] if replace else list(tracker.get_slot("match_results") or [])
    seen = {r["nct_id"] for r in earlier}
    return earlier + [result_record(r) for r in shown if r.nct_id not in seen]


class ActionShowResults(Action):
    """How many studies look likely, might fit, or don't; the best few with one line on why."""

    def name(self) -> Text:
        return "action_show_results"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if tracker.get_slot("screening_complete") and _unchanged_by_correction(tracker):
            return []
        profile = profile_from_slots(tracker.slots)
        cat = catalog()
        results = cat.match(profile)
        if not results:
            dispatcher.utter_message(response="utter_results_none_open")
            return [SlotSet("screening_complete", True), SlotSet("match_results", [])]
        shown = _page(results, 0)
        lines = [trial_line(n, r, *_where(tracker, profile)) for n, r in enumerate(shown, 1)]
        more = len(_page(results, PAGE)) > 0
        said = {
            "summary": summary(results, cat.size),
            "lines": "\n\n".join(lines),
            "buttons": _buttons(shown, more),
        }
        # An estimated EDSS adds a line: the responses' variant for the slot edss_is_estimate.
        if all(r.verdict == NOT_ELIGIBLE for r in results):
            dispatcher.utter_message(response="utter_results_closest", **said)
        else:
            dispatcher.utter_message(response="utter_results_list", **said)
        travel = tracker.get_slot("travel_km")
        if profile.home is not None and isinstance(travel, (int, float)):
            hopeful = [r for r in results if r.verdict != NOT_ELIGIBLE]
            far = [
                r
                for r in hopeful
                if r.nearest_site is None or r.nearest_site["distance_km"] > travel
            ]
            if far:  # said, never hidden
                dispatcher.utter_message(
                    response="utter_results_out_of_range",
                    count=len(far),
                    distance=distance_text(travel, profile.country).replace("about ", ""),
                )
        if cat.without_criteria:
            # The whole truth: studies I could not check are not "none".
            dispatcher.utter_message(
                response="utter_results_without_criteria", count=cat.without_criteria
            )
        if not tracker.get_slot("alerts_token"):
            dispatcher.utter_message(
                response="utter_offer_alerts"
            )  # a plain yes next subscribes (rules)
        return [
            SlotSet("screening_complete", True),
            SlotSet("results_shown", len(shown)),
            SlotSet("match_results", _records(tracker, shown, replace=True)),
        ]


class ActionMoreResults(Action):
    def name(self) -> Text:
        return "action_more_results"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if not tracker.get_slot("screening_complete"):
            dispatcher.utter_message(response="utter_more_results_not_yet")
            return []
        profile = profile_from_slots(tracker.slots)
        results = catalog().match(profile)
        start = int(tracker.get_slot("results_shown") or 0)
        shown = _page(results, start)
        if not shown:
            dispatcher.utter_message(response="utter_no_more_results", buttons=_buttons([], False))
            return []
        lines = [
            trial_line(n, r, *_where(tracker, profile)) for n, r in enumerate(shown, start + 1)
        ]
        more = len(_page(results, start + PAGE)) > 0
        dispatcher.utter_message(
            response="utter_more_results",
            lines="\n\n".join(lines),
            buttons=_buttons(shown, more),
        )
        return [
            SlotSet("results_shown", start + len(shown)),
            SlotSet("match_results", _records(tracker, shown, replace=False)),
        ]


class ActionTrialDetails(Action):
    """Per criterion for one study: what you meet, what doesn't fit, what the team checks."""

    def name(self) -> Text:
        return "action_trial_details"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        nct = next(tracker.get_latest_entity_values("nct_id"), None)
        if not isinstance(nct, str):  # a hand-typed /trial_details{"nct_id": 5} gives a number
            nct = None
        if nct is None:
            m = NCT.search(tracker.latest_message.get("text") or "")
            nct = m.group(0) if m else None
        if nct is None:
            dispatcher.utter_message(response="utter_details_which")
            return []
        nct = nct.upper()
        result = next(
            (r for r in catalog().match(profile_from_slots(tracker.slots)) if r.nct_id == nct), None
        )
        if result is None:
            dispatcher.utter_message(response="utter_details_unknown", nct_id=nct)
            return []
        with session_factory(make_engine())() as session:
            trial = get_trial(session, nct)
            involves = sentences(involvement(trial)) if trial is not None else None
        # The study's sections are built by wording.details; the response carries them whole.
        dispatcher.utter_message(
            response="utter_trial_details",
            lines=details(result, involves),
            buttons=[
                {
                    "title": "Ask a coordinator to contact me about it",
                    "payload": f'/request_contact{{"nct_id":"{nct}"}}',
                },
                {"title": "Back to the results", "payload": "/more_results"},
            ],
        )
        return [
            SlotSet("match_results", _records(tracker, [result], replace=False)),
            SlotSet("focus_nct", nct),
        ]


class ActionApplyCorrection(Action):
    """ "Actually I'm 45": update the answer and the results (only after consent)."""

    def name(self) -> Text:
        return "action_apply_correction"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        if not tracker.get_slot("consent_given"):
            dispatcher.utter_message(response="utter_correction_needs_consent")
            return []
        message = tracker.latest_message or {}
        facts = read_facts(
            message.get("text"), (message.get("intent") or {}).get("name"), None, tracker.slots
        )
        facts.update(
            read_place_facts(clean(message.get("text") or ""), False)
        )  # "I live near Boston"
        invalid = [v for v in facts.values() if isinstance(v, Invalid)]
        valid = {k: v for k, v in facts.items() if not isinstance(v, Invalid)}
        if not valid:
            if invalid and invalid[0].response:  # the reading's kind sentence, as the form says it
                dispatcher.utter_message(response=invalid[0].response, **invalid[0].values)
            else:
                dispatcher.utter_message(response="utter_correction_unclear")
            return []
        events: List[EventType] = [SlotSet(k, v) for k, v in valid.items()]
        if "edss" in valid and "edss_range" not in valid:  # one score now: no range, no estimate
            events += [SlotSet("edss_is_estimate", False), SlotSet("edss_range", None)]
        words = said_words(valid)  # not edss_range
        if words:
            dispatcher.utter_message(response="utter_updated", what=words)
        else:
            dispatcher.utter_message(response="utter_noted")
        return events  # rules then show the updated results, or go back to the questions


class ActionBrowseTrials(Action):
    """Open studies without any health question (for people who said no to matching)."""

    def name(self) -> Text:
        return "action_browse_trials"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        country = parse_country(clean(tracker.latest_message.get("text") or ""))
        trials, total = open_trials(country=country, limit=5)
        if not trials:
            if country:
                dispatcher.utter_message(response="utter_browse_none_in_country", country=country)
            else:
                dispatcher.utter_message(response="utter_browse_none")
            return []
        lines = []  # one line per study, as data (the sentences around them are responses)
        for n, (nct, title, status, places, has_criteria) in enumerate(trials, 1):
            note = "" if has_criteria else " (criteria not available here: ask the study team)"
            lines.append(
                f"{n}. {title} ({nct}) · {status_text(status)} · "
                f"{'; '.join(places) or 'location not listed'}{note}"
            )
        said = {"count": len(trials), "total": total, "lines": "\n".join(lines)}
        if country:
            dispatcher.utter_message(
                response="utter_browse_list_in_country", country=country, **said
            )
        else:
            dispatcher.utter_message(response="utter_browse_list", **said)
        if not tracker.active_loop.get("name") and not tracker.get_slot("consent_given"):
            # Only someone who said no to the questions is offered them; mid-screening the form
            # simply asks its open question again, after the results it would be a restart.
            dispatcher.utter_message(response="utter_browse_offer_screening")
        return []
