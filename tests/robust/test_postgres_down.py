"""PostgreSQL tracker store stopped and restarted under a running bot.

The machine's shared PostgreSQL must never be stopped, so the stack here uses a server of its
own (initdb + pg_ctl in a temp dir, tests/robust/postgres_server.py).
"""

from __future__ import annotations

import pytest

from scripts.isolated import isolated_stack, postgres_tracker

from .chat import RESULTS, SCREENING, STORE_DOWN, Chat
from .conftest import sql_events, start_or_fail, texts_of
from .postgres_server import PostgresServer

pytestmark = pytest.mark.slow  # not `postgres`: the shared server is not needed


@pytest.fixture(scope="module")
def postgres():
    server = PostgresServer()
    if not server.available:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl) on this machine")
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture(scope="module")
def stack(postgres: PostgresServer, tmp_path_factory):
    directory = tmp_path_factory.mktemp("pg-down")
    stack = isolated_stack(
        directory, postgres_tracker("127.0.0.1", postgres.port, "postgres"), name="pg"
    )
    start_or_fail(stack)
    yield stack
    stack.stop()


def screen_to_treatments(stack) -> Chat:
    chat = Chat(stack.rasa_url)
    for message, expected in SCREENING[:3]:
        assert expected in chat.say(message)
    return chat


def test_postgres_stopped_gives_a_clear_answer_and_the_bot_recovers_alone(stack, postgres):
    chat = screen_to_treatments(stack)
    before = sql_events(postgres.url, chat.sender)
    postgres.stop("fast")  # ends the open connections too
    try:
        for who, text in (
            (chat, "Tecfidera, it didn't work"),
            (chat, "Tecfidera, it didn't work"),
            (Chat(stack.rasa_url), "hi"),
        ):
            status, replies = who.send(text)
            assert status == 200 and [r.get("text") for r in replies] == [STORE_DOWN], replies
    finally:
        postgres.start()
    assert sql_events(postgres.url, chat.sender) == before  # nothing half-written
    for message, expected in SCREENING[3:]:  # no repair, no restart of Rasa
        assert expected in chat.say(message)
    after = sql_events(postgres.url, chat.sender)
    assert after[: len(before)] == before
    assert texts_of(after, "user") == [m for m, _ in SCREENING]  # each message kept once
    assert [r[0] for r in after] == sorted(r[0] for r in after)
    log = (stack.log_dir / "rasa.log").read_text(errors="replace")
    assert "The conversation store failed (OperationalError" in log


def test_a_database_restart_between_two_messages_costs_no_turn(stack, postgres):
    """Pooled connections die with the server; they are checked before use, not failed on."""
    chat = screen_to_treatments(stack)
    postgres.stop("fast")
    postgres.start()
    assert SCREENING[3][1] in chat.say(SCREENING[3][0])
    assert RESULTS in chat.finish()
