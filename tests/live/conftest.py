"""One live stack for the socket.io, browser and channel-webhook tests (started once per session).

The real action server, Rasa (the trained model) and the web app run on free ports, with every
messaging channel switched on through the same env variables a deployment uses, and their
platform API base URLs pointed at loopback fakes that record what the bot sends.
"""

from __future__ import annotations

import secrets
import socket
from pathlib import Path
from typing import Iterator

import pytest

from scripts.stack import Stack, StackError
from tests.fakes.platform_apis import TELEGRAM_BOT_USERNAME, FakePlatformApis
from trials_db.importer import import_paths
from trials_db.store import make_engine, session_factory

from ..conftest import ROOT, WITH_CRITERIA

MODEL = ROOT / "models" / "ms-trials.tar.gz"
API_TOKEN = secrets.token_hex(16)
TELEGRAM_TOKEN = "123456:TEST-token-for-the-fake-api"
SLACK_SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
FACEBOOK_SECRET = "fb-app-secret-for-tests"
FACEBOOK_VERIFY = "verify-me-please"
SLACK_CHANNEL = "C0TRIALS1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def platform_apis() -> Iterator[FakePlatformApis]:
    with FakePlatformApis() as apis:
        yield apis


@pytest.fixture(scope="session")
def live_stack(platform_apis: FakePlatformApis, tmp_path_factory) -> Iterator[Stack]:
    if not MODEL.is_file():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (`make test` does it)")
    tmp: Path = tmp_path_factory.mktemp("live")
    ports = {name: free_port() for name in ("rasa", "actions", "web")}
    endpoints = tmp / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{ports["actions"]}/webhook"\n'
        f'tracker_store:\n  type: bot.tracker_store.PrivacySQLTrackerStore\n  dialect: "sqlite"\n'
        f'  db: "{tmp / "tracker.db"}"\n'
    )
    trials_db = f"sqlite:///{tmp / 'trials.db'}"
    import_paths(session_factory(make_engine(trials_db)), [WITH_CRITERIA], progress=False)
    env = {
        "TRIALS_DB_URL": trials_db,
        "TELEGRAM_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_VERIFY": TELEGRAM_BOT_USERNAME,
        "TELEGRAM_WEBHOOK_URL": "https://bot.example.org/webhooks/telegram/webhook",
        "TELEGRAM_API_URL": platform_apis.telegram_url,
        "SLACK_TOKEN": "xoxb-test-token",
        "SLACK_CHANNEL": SLACK_CHANNEL,
        "SLACK_SIGNING_SECRET": SLACK_SIGNING_SECRET,
        "SLACK_API_URL": platform_apis.slack_url,
        "FACEBOOK_VERIFY": FACEBOOK_VERIFY,
        "FACEBOOK_SECRET": FACEBOOK_SECRET,
        "FACEBOOK_PAGE_ACCESS_TOKEN": "page-access-token-for-tests",
        "FACEBOOK_API_URL": platform_apis.facebook_url,
    }
    stack = Stack(
        rasa_port=ports["rasa"],
        actions_port=ports["actions"],
        web_port=ports["web"],
        endpoints=str(endpoints),
        model=str(MODEL),
        log_dir=tmp / "logs",
        env=env,
        rasa_args=["--enable-api", "--auth-token", API_TOKEN],
    )
    try:
        stack.start(timeout=300)
    except StackError as exc:
        pytest.fail(f"the live stack did not start:\n{exc}")
    yield stack
    stack.stop()
