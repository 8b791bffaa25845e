"""Hostile and odd input at every step of the screening, against the live stack over REST.

Every one of 300+ generated messages (tests/live/hostile_inputs.py) must get an answer: HTTP
200, at least one message, no stack trace or internal error text, no apology for an internal
fault; and every conversation must still reach the results afterwards.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.robust.chat import APOLOGIES, LEAKS, RESULTS, SCREENING, Chat, joined

from .hostile_inputs import hostile_messages

pytestmark = pytest.mark.slow

STEPS = len(SCREENING) + 1  # before "hi", after each of the 8 messages (the last: results)
BATCH = 6  # hostile messages per conversation; more than 3 at one question skip it (by design)
SENDERS = 4  # parallel conversations


def problems_with(text: str, status: int, replies: list[dict]) -> str | None:
    """Why this answer to ``text`` is not acceptable, or None."""
    if status != 200:
        return f"HTTP {status}"
    if not replies or not all(isinstance(r, dict) for r in replies):
        return f"no answer ({replies!r:.200})"
    said = joined(replies)
    if not said.strip() and not any(r.get("buttons") for r in replies):
        return "an empty answer"
    leaked = [word for word in LEAKS if word in said]
    if leaked:
        return f"internal details in the answer: {leaked}"
    if any(apology in said for apology in APOLOGIES):
        return "an internal fault (the fault apology)"
    if "<script" in said.lower() or "<img" in said.lower():
        return "markup echoed back"
    return None


def run_conversation(rasa_url: str, step: int, batch: list[str]) -> list[str]:
    """Screen up to ``step``, send ``batch``, then finish; the problems found."""
    chat = Chat(rasa_url)
    for message, _expected in SCREENING[:step]:
        chat.say(message)
    found = []
    for text in batch:
        status, replies = chat.send(text)
        problem = problems_with(text, status, replies)
        if problem:
            found.append(f"step {step}, {text[:80]!r}{'...' if len(text) > 80 else ''}: {problem}")
    try:
        chat.finish()
    except AssertionError as exc:
        found.append(
            f"step {step}: the conversation did not finish after {len(batch)} hostile "
            f"messages: {exc}"
        )
    return found


def test_every_hostile_message_gets_an_answer_and_every_conversation_finishes(live_stack):
    messages = hostile_messages(300)
    assert len(messages) >= 300
    by_step: list[list[str]] = [messages[i::STEPS] for i in range(STEPS)]
    jobs = [
        (step, batch[i : i + BATCH])
        for step, batch in enumerate(by_step)
        for i in range(0, len(batch), BATCH)
    ]
    with ThreadPoolExecutor(SENDERS) as pool:
        results = list(pool.map(lambda job: run_conversation(live_stack.rasa_url, *job), jobs))
    found = [problem for result in results for problem in result]
    assert not found, f"{len(found)} problems, first ones:\n" + "\n".join(found[:15])
    assert sum(len(batch) for _step, batch in jobs) == len(messages)


def test_nonsense_to_every_question_is_skipped_kindly_and_the_results_still_come(live_stack):
    """Unusable answers only: each question is re-asked, then left out; no endless loop."""
    chat = Chat(live_stack.rasa_url)
    chat.say("hi")
    chat.say("yes")
    nonsense = ("purple", "🙂🙂", "asdfghjkl")
    for turn in range(40):
        reply = chat.say(nonsense[turn % len(nonsense)])
        if RESULTS in reply:
            break
    assert RESULTS in reply, f"still no results after {turn + 1} unusable answers: {chat.last!r}"
