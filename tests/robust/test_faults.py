"""Faults on the stack ``make run`` runs (SQLite tracker store): the action server dies, the
database is locked by another process, Rasa is killed with SIGKILL mid-conversation.

One dedicated stack for the module (it is broken on purpose); the Rasa restart is the last test.
"""

from __future__ import annotations

import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from scripts.isolated import isolated_stack, kill_hard, sqlite_tracker
from scripts.stack import Stack, wait_http

from .chat import ACTIONS_DOWN, RESULTS, SCREENING, STORE_DOWN, Chat
from .conftest import START_TIMEOUT, sqlite_events, start_or_fail, texts_of, turn_is_whole

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def directory(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("faults")


@pytest.fixture(scope="module")
def stack(directory: Path):
    stack = isolated_stack(directory, sqlite_tracker(directory / "tracker.db"), name="faults")
    start_or_fail(stack)
    yield stack
    stack.stop()


def screen_to_treatments(stack: Stack) -> Chat:
    """A patient three messages in: the bot waits for the treatments answer."""
    chat = Chat(stack.rasa_url)
    for message, expected in SCREENING[:3]:
        assert expected in chat.say(message)
    return chat


def only_text(replies: list[dict]) -> list[str]:
    return [r.get("text") for r in replies]


def test_action_server_down_apologises_and_the_conversation_goes_on(stack, directory):
    chat = screen_to_treatments(stack)
    before = sqlite_events(directory / "tracker.db", chat.sender)
    actions = stack.server("actions")
    kill_hard(actions)
    try:
        for text in ("Tecfidera, it didn't work", "what is EDSS?"):
            status, replies = chat.send(text)
            assert status == 200 and only_text(replies) == [ACTIONS_DOWN], replies
        # What needs no custom action still works: a newcomer is greeted and asked to consent.
        assert SCREENING[0][1] in Chat(stack.rasa_url).say("hi")
        # The failed turns were not kept: the stored conversation is as it was.
        assert sqlite_events(directory / "tracker.db", chat.sender) == before
    finally:
        actions.start()
        wait_http(actions.health_url, START_TIMEOUT, actions.proc)
    for message, expected in SCREENING[3:]:
        assert expected in chat.say(message)
    log = (directory / "logs-faults" / "rasa.log").read_text(errors="replace")
    assert "Custom action validate_screening_form failed" in log
    assert "Tecfidera" not in log  # the patient's words are not logged


@pytest.mark.parametrize("lock", ["IMMEDIATE", "EXCLUSIVE"])
def test_sqlite_locked_by_another_process_gives_a_clear_answer_and_recovers(stack, directory, lock):
    """IMMEDIATE: another writer holds the write lock; EXCLUSIVE: nobody may even read."""
    db = directory / "tracker.db"
    chat = screen_to_treatments(stack)
    before = sqlite_events(db, chat.sender)
    holder = sqlite3.connect(db, isolation_level=None, timeout=0)
    try:
        holder.execute(f"BEGIN {lock}")
        status, replies = chat.send("Tecfidera, it didn't work")
        assert status == 200 and only_text(replies) == [STORE_DOWN], replies
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
    assert sqlite_events(db, chat.sender) == before
    for message, expected in SCREENING[3:]:  # recovered, no repair: the same message works
        assert expected in chat.say(message)
    assert texts_of(sqlite_events(db, chat.sender), "user") == [m for m, _ in SCREENING]
    log = (directory / "logs-faults" / "rasa.log").read_text(errors="replace")
    assert "The conversation store failed (OperationalError" in log and "database is locked" in log


def test_rasa_killed_mid_conversation_loses_no_event_and_the_form_resumes(stack, directory):
    db = directory / "tracker.db"
    chat = screen_to_treatments(stack)
    before = sqlite_events(db, chat.sender)
    rasa = stack.server("rasa")
    with ThreadPoolExecutor(1) as pool:  # SIGKILL while a message is being handled
        in_flight = pool.submit(chat.send, "Tecfidera, it didn't work")
        time.sleep(0.05)
        kill_hard(rasa)
        try:
            in_flight.result(timeout=120)
        except OSError:
            pass  # the connection died with the server, as the patient's would
    after_kill = sqlite_events(db, chat.sender)
    assert after_kill[: len(before)] == before  # every stored event is still there, unchanged
    assert turn_is_whole(after_kill[len(before) :])  # the message in flight: all or nothing
    with sqlite3.connect(db) as conn:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)

    rasa.start()
    wait_http(rasa.health_url, START_TIMEOUT, rasa.proc)
    assert sqlite_events(db, chat.sender) == after_kill
    pending = texts_of(after_kill, "bot")[-1]  # the question the patient was last asked
    assert pending in chat.say("what is EDSS?")  # answered, then the same question again
    assert RESULTS in chat.finish()
