"""Built test conversations, written with Rasa's real SQLTrackerStore.

These are fixtures built by hand to follow docs/conversation-record.md (the contract the
dialogue branch writes against); they are not recordings of the bot. ``Script`` collects Rasa
events with a moving clock, ``save_scripts`` stores them exactly as Rasa 3.6 would.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    Event,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

# The contract's slots (docs/conversation-record.md), as the dialogue branch will declare them.
TEST_DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [greet, affirm, deny, inform, request_contact, goodbye]
slots:
  consent_given: {type: bool, influence_conversation: false, mappings: [{type: custom}]}
  age: {type: float, influence_conversation: false, mappings: [{type: custom}]}
  sex: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  ms_subtype: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  edss: {type: float, influence_conversation: false, mappings: [{type: custom}]}
  edss_is_estimate: {type: bool, influence_conversation: false, mappings: [{type: custom}]}
  edss_range: {type: list, influence_conversation: false, mappings: [{type: custom}]}
  prior_therapies: {type: list, influence_conversation: false, mappings: [{type: custom}]}
  failed_therapies: {type: list, influence_conversation: false, mappings: [{type: custom}]}
  current_therapy: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  pregnant: {type: bool, influence_conversation: false, mappings: [{type: custom}]}
  breastfeeding: {type: bool, influence_conversation: false, mappings: [{type: custom}]}
  months_since_last_relapse:
    {type: float, influence_conversation: false, mappings: [{type: custom}]}
  years_since_diagnosis: {type: float, influence_conversation: false, mappings: [{type: custom}]}
  country: {type: text, influence_conversation: false, mappings: [{type: custom}]}
  screening_complete: {type: bool, influence_conversation: false, mappings: [{type: custom}]}
  match_results: {type: any, influence_conversation: false, mappings: [{type: custom}]}
  contact_request: {type: any, influence_conversation: false, mappings: [{type: custom}]}
""")

DAY = 86400.0

# Real trials from data/trials/ (titles shortened).
TAIWAN = (
    "NCT05532943",
    "Allogeneic Umbilical Cord Mesenchymal Stem Cells in MS",
    "Taichung, Taiwan",
)
LA = ("NCT05204459", "MS-ResearchBiomarkerS", "Los Angeles, United States")
CALGARY = ("NCT06832293", "My MS and My Menstrual Cycle", "Calgary, Canada")


def criterion(kind: str, text: str, status: str, explanation: str) -> dict:
    return {"kind": kind, "text": text, "status": status, "explanation": explanation}


def trial(info: tuple[str, str, str], verdict: str, criteria: list[dict]) -> dict:
    nct_id, title, location = info
    return {
        "nct_id": nct_id,
        "title": title,
        "verdict": verdict,
        "overall_status": "RECRUITING",
        "location": location,
        "criteria": criteria,
    }


@dataclass
class Script:
    """A conversation being built: events in order, each a few seconds after the last."""

    sender_id: str
    start: float
    channel: str = "rest"
    events: list[Event] = field(default_factory=list)
    clock: float = 0.0

    def __post_init__(self) -> None:
        self.clock = self.start
        self.session()

    def _tick(self, seconds: float = 3.0) -> float:
        self.clock += seconds
        return self.clock

    def session(self) -> "Script":
        t = self._tick(0)
        self.events += [
            ActionExecuted("action_session_start", timestamp=t),
            SessionStarted(timestamp=t),
            ActionExecuted("action_listen", timestamp=t),
        ]
        return self

    def user(self, text: str, intent: str = "inform") -> "Script":
        self.events.append(
            UserUttered(
                text,
                intent={"name": intent, "confidence": 0.99},
                input_channel=self.channel,
                timestamp=self._tick(),
            )
        )
        return self

    def bot(self, text: str, buttons: list[tuple[str, str]] | None = None) -> "Script":
        data = {"buttons": [{"title": t, "payload": p} for t, p in buttons]} if buttons else {}
        t = self._tick(1)
        self.events += [
            ActionExecuted("utter_x", timestamp=t),
            BotUttered(text, data=data, timestamp=t),
        ]
        return self

    def slot(self, name: str, value: Any) -> "Script":
        self.events.append(SlotSet(name, value, timestamp=self._tick(0.1)))
        return self

    def listen(self) -> "Script":
        self.events.append(ActionExecuted("action_listen", timestamp=self._tick(0.1)))
        return self

    def restart(self) -> "Script":
        self.events.append(Restarted(timestamp=self._tick()))
        return self

    def consent(self, given: bool = True) -> "Script":
        self.bot(
            "Before we start: may I ask about your health to look for trials?",
            [("Yes", "/affirm"), ("No", "/deny")],
        )
        self.user("yes" if given else "no", "affirm" if given else "deny")
        return self.slot("consent_given", given).listen()

    def answer(self, question: str, reply: str, name: str, value: Any) -> "Script":
        return self.bot(question).user(reply).slot(name, value).listen()

    def results(self, trials: list[dict], complete: bool = True) -> "Script":
        self.bot(f"I found {len(trials)} trials. Here is what I can tell about each.")
        self.slot("match_results", trials)
        return self.slot("screening_complete", True) if complete else self

    def contact(self, nct_ids: list[str], name: str, contact: str) -> "Script":
        self.bot("Would you like a coordinator to contact you?", [("Yes", "/affirm")])
        self.user("yes please", "request_contact")
        return self.slot(
            "contact_request",
            {"nct_ids": nct_ids, "name": name, "contact": contact, "requested_at": self.clock},
        )


def tracker(script: Script) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        script.sender_id, script.events, slots=TEST_DOMAIN.slots
    )


async def save_scripts(db_url: str, scripts: list[Script]) -> None:
    """Store each conversation through Rasa's SQLTrackerStore (a URL host is used as is)."""
    store = SQLTrackerStore(TEST_DOMAIN, host=db_url)
    try:
        for script in scripts:
            await store.save(tracker(script))
    finally:
        store.engine.dispose()


# --- the standard set most tests use --------------------------------------------------------
SCRIPT_TAG = '<script>alert("pwned")</script><img src=x onerror=alert(1)>'


def alice(now: float) -> Script:
    """Telegram, consented, corrected her age, completed: one likely, one possible, one not;
    asked to be contacted about the likely one."""
    s = Script("551234567", now - 15 * DAY, channel="telegram")
    s.user("hi", "greet").bot("Hello! I can help you find MS trials.").consent()
    s.answer("How old are you?", "34", "age", 34)
    s.answer("And you are...?", "female", "sex", "female")
    s.bot("Sorry, did I get your age right?").user("no, I am 43 actually").slot("age", 43).listen()
    s.answer("Which type of MS do you have?", "relapsing remitting", "ms_subtype", "RRMS")
    s.answer("What is your EDSS?", "3.5", "edss", 3.5)
    s.answer(
        "Which treatments have you had?",
        "tecfidera and copaxone",
        "prior_therapies",
        ["dimethyl fumarate", "glatiramer acetate"],
    )
    s.answer("Where do you live?", "Taiwan", "country", "Taiwan")
    s.results(
        [
            trial(
                TAIWAN,
                "eligible",
                [
                    criterion(
                        "age",
                        "Male or female are age between 20 to 65 years old",
                        "met",
                        "You are 43, inside 20 to 65.",
                    ),
                    criterion(
                        "inclusion",
                        "Diagnosis of Relapsing-Remitting MS (RRMS)",
                        "met",
                        "You have relapsing-remitting MS.",
                    ),
                    criterion(
                        "inclusion",
                        "Patient has appropriated blood clotting function",
                        "unknown",
                        "The study team will check your blood tests.",
                    ),
                ],
            ),
            trial(
                LA,
                "possibly_eligible",
                [
                    criterion(
                        "inclusion",
                        "Diagnosis of MS per 2017 McDonald criteria",
                        "met",
                        "You told me you have MS.",
                    ),
                    criterion(
                        "exclusion",
                        "Unable to undergo MRI",
                        "needs_review",
                        "The study team must ask whether you can have an MRI.",
                    ),
                ],
            ),
            trial(
                CALGARY,
                "not_eligible",
                [
                    criterion("general", "Living in Alberta", "not_met", "You live in Taiwan."),
                ],
            ),
        ]
    )
    s.contact([TAIWAN[0]], "Alice Example", "alice@example.org")
    return s


def bob(now: float) -> Script:
    """REST, consented, stopped half-way (abandoned); mentions a relapse."""
    s = Script("rest-bob-7f3a", now - 8 * DAY, channel="rest")
    s.user("hello", "greet").bot("Hello! I can help you find MS trials.").consent()
    s.answer("How old are you?", "52", "age", 52)
    s.bot("When was your last relapse?").user("I had a relapse in March, still tired")
    return s


def carol(now: float) -> Script:
    """socket.io, completed, two possible trials, no contact request; restarted once."""
    s = Script("sio-carol-91", now - 1 * DAY, channel="socketio")
    s.user("hey", "greet").bot("Hello!").restart().session().consent()
    s.answer("How old are you?", "29", "age", 29)
    s.answer("Which type of MS do you have?", "not sure, maybe CIS", "ms_subtype", "CIS")
    s.answer("Are you currently taking anything for MS?", "nothing", "current_therapy", None)
    s.results(
        [
            trial(
                LA,
                "possibly_eligible",
                [
                    criterion("inclusion", "MS or CIS", "met", "You have CIS."),
                ],
            ),
            trial(
                TAIWAN,
                "possibly_eligible",
                [
                    criterion(
                        "inclusion",
                        "Diagnosis of RRMS or SPMS",
                        "needs_review",
                        "CIS is not listed; the study team decides.",
                    ),
                ],
            ),
        ]
    )
    return s


def dave(now: float) -> Script:
    """REST, declined consent."""
    s = Script("rest-dave-0c", now - 22 * DAY, channel="rest")
    s.user("hi", "greet").bot("Hello!").consent(False)
    s.bot("No problem. Goodbye!")
    return s


def mallory(now: float) -> Script:
    """REST, typed markup; results and contact details carry markup and a spreadsheet formula."""
    s = Script("rest-mallory-66", now - 2 * DAY, channel="rest")
    s.user(SCRIPT_TAG, "greet").bot("Hello! I can help you find MS trials.").consent()
    s.answer("Where do you live?", "<b>Canada</b>", "country", "<b>Canada</b>")
    s.results(
        [
            trial(
                CALGARY,
                "possibly_eligible",
                [
                    criterion(
                        "inclusion",
                        "Regular <i>menstrual</i> cycles",
                        "unknown",
                        "I could not tell <script>x()</script> from your answers.",
                    ),
                ],
            ),
        ]
    )
    s.contact([CALGARY[0]], '=HYPERLINK("http://evil.example","click")', "+1 555 0100")
    return s


def standard(now: float | None = None) -> dict[str, Script]:
    now = now or time.time()
    return {
        "alice": alice(now),
        "bob": bob(now),
        "carol": carol(now),
        "dave": dave(now),
        "mallory": mallory(now),
    }
