"""A patient talking to the bot over REST, and the screening they type (tests and benchmarks).

``Chat.send`` never raises on an HTTP error: robustness tests look at the status themselves.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field

from bot.fault_replies import ACTIONS_DOWN, STORE_DOWN

# The 8 messages of a full screening and a piece of each reply (README, tests/live).
SCREENING: list[tuple[str, str]] = [
    ("hi", "Is it OK for me to use your answers"),
    ("yes", "How old are you?"),
    ("I'm 34 with RRMS, EDSS 3.5", "Which MS treatments"),
    ("Tecfidera, it didn't work", "woman or a man"),
    ("I'm a woman", "pregnant or breastfeeding"),
    ("no", "last have a relapse"),
    ("3 months ago", "When "),  # the follow-up the open studies need most: diagnosis or steroids
    ("5 years ago", "open to new participants"),
]
RESULTS = "open to new participants"
APOLOGIES = (ACTIONS_DOWN, STORE_DOWN)
LEAKS = ("Traceback", 'File "/', "Exception", "sqlalchemy", "sqlite3.", "psycopg2")

# What to answer when the bot's latest message asks this (first match wins).
ANSWERS: list[tuple[str, str]] = [
    ("Do you want me to delete", "no"),
    ("Is it OK for me to use your answers", "yes"),
    ("yes or no first", "yes"),
    ("How old are you", "34"),
    ("your age", "34"),
    ("Which type of MS", "relapsing-remitting"),
    ("help you walk", "no walking aid"),
    ("How far can you walk", "more than 500 m"),
    ("day to day", "hardly at all"),
    ("EDSS", "3.5"),
    ("Which MS treatments", "Tecfidera, it didn't work"),
    ("stop working", "none of them failed"),
    ("taking an MS treatment", "none"),
    ("woman or a man", "I'm a woman"),
    ("pregnant or breastfeeding", "no"),
    ("breastfeeding", "no"),
    ("last have a relapse", "3 months ago"),
    ("last relapse", "3 months ago"),
    ("How many relapses", "1"),
    ("diagnosed", "5 years ago"),
    ("steroid", "never"),
    ("Which country", "Germany"),
    ("What name should", "Alex"),
    ("How can they reach you", "alex@example.org"),
]


def post_json(url: str, body: dict, timeout: float = 120) -> tuple[int, object]:
    """POST JSON; the status and the decoded body (the raw text if it is not JSON)."""
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            status, raw = resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        status, raw = err.code, err.read().decode(errors="replace")
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw


@dataclass
class Chat:
    """One conversation; ``rasa_url`` may change between messages (two servers, one patient)."""

    rasa_url: str
    sender: str = field(default_factory=lambda: f"robust-{uuid.uuid4().hex[:10]}")
    last: str = ""  # the bot's latest message text
    results: str = ""  # the latest results shown in this conversation, if any

    def send(self, text: str, rasa_url: str | None = None) -> tuple[int, list[dict]]:
        status, body = post_json(
            f"{rasa_url or self.rasa_url}/webhooks/rest/webhook",
            {"sender": self.sender, "message": text},
        )
        replies = body if isinstance(body, list) else []
        texts = [r.get("text") or "" for r in replies if isinstance(r, dict)]
        if texts:
            self.last = texts[-1]
        if any(RESULTS in t for t in texts):
            self.results = "\n".join(texts)
        return status, replies

    def say(self, text: str, rasa_url: str | None = None) -> str:
        """Send; assert a 200 with at least one reply; return the replies' text."""
        status, replies = self.send(text, rasa_url)
        assert status == 200, f"HTTP {status} for {text[:60]!r}: {replies}"
        assert replies, f"no answer to {text[:60]!r}"
        return "\n".join(r.get("text") or "" for r in replies)

    def next_answer(self) -> str:
        """A valid answer to the bot's latest question ("continue" if it asked none)."""
        for question, answer in ANSWERS:
            if question in self.last:
                return answer
        return "continue"

    def finish(self, max_turns: int = 20) -> str:
        """Answer whatever is asked until the results come; returns them. A conversation that
        already reached them is finished: after the results the bot does not list them again
        for a message it could not read."""
        if self.results:
            return self.results
        for _ in range(max_turns):
            reply = self.say(self.next_answer())
            if RESULTS in reply:
                return reply
        raise AssertionError(f"no results after {max_turns} answers; last: {self.last!r}")


def joined(replies: list[dict]) -> str:
    return "\n".join(r.get("text") or "" for r in replies if isinstance(r, dict))
