"""The public trial API served by the web app."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient, TestServer

from trials_db.importer import import_paths
from trials_db.store import make_engine, session_factory
from web.app import create_app

from .conftest import WITH_CRITERIA


@pytest.fixture
async def client(sqlite_url):
    import_paths(session_factory(make_engine(sqlite_url)), [WITH_CRITERIA], progress=False)
    client = TestClient(TestServer(create_app(sqlite_url)))
    await client.start_server()
    yield client
    await client.close()


async def test_trial_list_filters(client):
    resp = await client.get("/api/trials", params={"status": "RECRUITING", "country": "Taiwan"})
    assert resp.status == 200
    data = await resp.json()
    assert [t["nct_id"] for t in data["trials"]] == ["NCT05532943"]


async def test_one_trial_and_missing_one(client):
    resp = await client.get("/api/trials/NCT05532943")
    data = await resp.json()
    assert len([c for c in data["criteria"] if c["kind"] == "inclusion"]) == 7
    resp = await client.get("/api/trials/NCT99999999")
    assert resp.status == 404


async def test_bad_paging_is_a_clear_400(client):
    resp = await client.get("/api/trials", params={"limit": "lots"})
    assert resp.status == 400
    assert "whole numbers" in await resp.text()
