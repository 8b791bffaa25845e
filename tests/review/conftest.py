"""Fixtures for the review app: a tracker store with built conversations, the app, logins.

Every test taking ``db_url`` (from tests/conftest.py) runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import re
import time

import pytest
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import create_engine

from review import accounts
from review.app import AccessLogger, create_app
from review.config import Settings
from review.db import make_engine

from .builders import Script, save_scripts, standard

ADMIN = ("ada", "admin password 1")
COORDINATOR = ("cora", "coordinator pw 1")
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def now() -> float:
    return time.time()


@pytest.fixture
async def convs(db_url: str, now: float) -> dict[str, Script]:
    """The standard built conversations, saved with Rasa's SQLTrackerStore."""
    scripts = standard(now)
    await save_scripts(db_url, list(scripts.values()))
    return scripts


@pytest.fixture
def settings(db_url: str) -> Settings:
    return Settings(db_url=db_url, cookie_secure=False, reconcile_seconds=0)


@pytest.fixture
def users(db_url: str) -> None:
    engine = make_engine(db_url)
    with engine.begin() as conn:
        accounts.create_user(conn, *ADMIN, role="admin")
        accounts.create_user(conn, *COORDINATOR, role="coordinator")
    engine.dispose()


@pytest.fixture
async def app_client(settings: Settings, users):
    """A client of the app (not logged in)."""
    client = await start_client(settings)
    yield client
    await client.close()


async def start_client(settings: Settings) -> TestClient:
    """A client of a fresh app on a free port, logging requests as ``serve`` does."""
    server = TestServer(create_app(settings))
    await server.start_server(access_log_class=AccessLogger)
    client = TestClient(server)
    await client.start_server()
    return client


async def login(client: TestClient, name: str, password: str, expect: int = 303):
    """Log in through the form (fetching its CSRF token first); returns the POST response."""
    page = await client.get("/login")
    token = CSRF_RE.search(await page.text()).group(1)
    resp = await client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token, "next": "/conversations"},
        allow_redirects=False,
    )
    assert resp.status == expect, await resp.text()
    return resp


async def csrf_of(client: TestClient, path: str = "/conversations") -> str:
    page = await client.get(path)
    assert page.status == 200, await page.text()
    return CSRF_RE.search(await page.text()).group(1)


@pytest.fixture
async def admin(app_client):
    await login(app_client, *ADMIN)
    return app_client


@pytest.fixture
async def coordinator(app_client):
    await login(app_client, *COORDINATOR)
    return app_client


def raw_engine(db_url: str):
    return create_engine(db_url, future=True)
