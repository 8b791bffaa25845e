"""Scale-out: two Rasa servers behind one PostgreSQL tracker store and a Redis lock store
(bot.lock_store.AtomicRedisLockStore), as the README's "More than one machine" describes.

One conversation's messages alternate between the servers, or reach both at the same moment;
the events stay in order and none is lost. Uses the shared PostgreSQL (a fresh schema, dropped
afterwards) and the shared Redis (a key prefix of its own, its keys deleted afterwards).
"""

from __future__ import annotations

import threading
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from scripts.isolated import isolated_stack, postgres_tracker, rasa_only, redis_lock_store
from scripts.stack import Stack

from ..conftest import POSTGRES_URL, REDIS_URL, _postgres_or_skip
from .chat import SCREENING, Chat
from .conftest import sql_events, start_or_fail, texts_of

pytestmark = [pytest.mark.slow, pytest.mark.postgres, pytest.mark.redis]


@pytest.fixture(scope="module")
def schema():
    _postgres_or_skip()
    name = f"robust_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(POSTGRES_URL, future=True)
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    yield name
    with admin.begin() as conn:
        conn.execute(sa.text("SET LOCAL lock_timeout = '20s'"))
        conn.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
    admin.dispose()


@pytest.fixture(scope="module")
def lock_prefix():
    import redis

    url = make_url(REDIS_URL.replace("redis://", "redis+x://", 1))  # host, port, db from the URL
    client = redis.Redis(
        host=url.host or "127.0.0.1",
        port=url.port or 6379,
        db=int(url.database or 0),
        socket_timeout=3,
    )
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.skip(f"no Redis server answers at {REDIS_URL} ({type(exc).__name__})")
    prefix = f"robust{uuid.uuid4().hex[:10]}"
    yield client, prefix
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)
    client.close()


@pytest.fixture(scope="module")
def servers(schema, lock_prefix, tmp_path_factory):
    """Rasa ``a`` with the action server, Rasa ``b`` sharing it; same database, same locks."""
    client, prefix = lock_prefix
    pg = make_url(POSTGRES_URL)
    kwargs = client.connection_pool.connection_kwargs
    directory = tmp_path_factory.mktemp("scale-out")
    tracker = postgres_tracker(pg.host, pg.port or 5432, pg.database, pg.username or "postgres")
    locks = redis_lock_store(kwargs["host"], kwargs["port"], kwargs["db"], prefix)
    env = {"POSTGRESQL_SCHEMA": schema}
    a = isolated_stack(directory, tracker, name="a", extra_endpoints=locks, env=env)
    a.build()
    b = rasa_only(
        isolated_stack(
            directory,
            tracker,
            name="b",
            extra_endpoints=locks,
            env=env,
            actions_port=a.actions_port,
            taken={a.rasa_port},
        )
    )
    start_or_fail(a, b)
    yield a, b
    with ThreadPoolExecutor(2) as pool:  # each Rasa takes seconds to stop: side by side
        list(pool.map(Stack.stop, (b, a)))


def events(sender: str, schema: str):
    return sql_events(POSTGRES_URL, sender, schema)


def test_messages_alternating_between_two_servers_keep_every_event_in_order(servers, schema):
    a, b = servers
    chat = Chat(a.rasa_url)
    said: list[str] = []
    for i, (message, expected) in enumerate(SCREENING):
        status, replies = chat.send(message, (a, b)[i % 2].rasa_url)
        assert status == 200
        texts = [r.get("text") or "" for r in replies]
        assert expected in "\n".join(texts)
        said += texts
    rows = events(chat.sender, schema)
    assert texts_of(rows, "user") == [m for m, _ in SCREENING]
    assert texts_of(rows, "bot") == said  # every reply the patient saw, stored in that order
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)


def test_simultaneous_messages_to_both_servers_are_taken_in_turn(servers, schema):
    """Both servers would read the same state and one turn would be lost without a lock
    store that is atomic (with Rasa's own ``redis`` lock store, 2 of 5 rounds lost a turn)."""
    a, b = servers
    chat = Chat(a.rasa_url)
    for message, expected in SCREENING[:3]:
        assert expected in chat.say(message)
    questions = {a.rasa_url: "what is EDSS?", b.rasa_url: "what are the types of MS?"}
    rounds = 5
    for _ in range(rounds):
        start = threading.Barrier(2)

        def ask(url: str) -> str:
            start.wait()
            return chat.say(questions[url], url)

        with ThreadPoolExecutor(2) as pool:
            replies = list(pool.map(ask, questions))
        assert "Expanded Disability Status Scale" in replies[0]
        assert "Relapsing-remitting MS" in replies[1]
        assert all(SCREENING[2][1] in reply for reply in replies)  # the pending question again
    rows = events(chat.sender, schema)
    users = texts_of(rows, "user")
    sent = [m for m, _ in SCREENING[:3]] + list(questions.values()) * rounds
    assert Counter(users) == Counter(sent)  # every message kept, once
    for i, row in enumerate(rows):  # whole turns, one after the other
        if row[1] == "user":
            assert rows[i - 1][1] == "action" and rows[i - 1][3] == "action_listen"
    assert rows[-1][3] == "action_listen"
    for message, expected in SCREENING[3:]:
        assert expected in chat.say(message, b.rasa_url)
