"""The online fetcher, against a local aiohttp server that answers like CT.gov's API v2.

The pages it serves are the shipped real records, cut into pages of the API's exact shape
(``{"studies": [...], "nextPageToken": "...", "totalCount": N}``).
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

from trials_db.fetcher import FetchError, fetch_and_import
from trials_db.store import count_trials, get_trial, make_engine, session_factory

from .conftest import ROOT, WITH_CRITERIA

PAGE_SIZE = 10


def _recorded_pages(statuses: set[str] | None) -> list[dict]:
    studies = json.loads(WITH_CRITERIA.read_text())["studies"]
    if statuses:
        studies = [
            s
            for s in studies
            if s["protocolSection"].get("statusModule", {}).get("overallStatus") in statuses
        ]
    pages = []
    for i in range(0, len(studies), PAGE_SIZE):
        page = {"studies": studies[i : i + PAGE_SIZE], "totalCount": len(studies)}
        if i + PAGE_SIZE < len(studies):
            page["nextPageToken"] = f"token-{i + PAGE_SIZE}"
        pages.append(page)
    return pages


class FakeCtGov:
    """Serves /api/v2/studies the way the public API does, and records what it was asked."""

    def __init__(self, fail_first: int = 0, status: int = 500):
        self.requests: list[dict[str, str]] = []
        self.fail_first = fail_first
        self.fail_status = status

    async def studies(self, request: web.Request) -> web.Response:
        self.requests.append(dict(request.query))
        if self.fail_first:
            self.fail_first -= 1
            return web.Response(status=self.fail_status, text="busy")
        statuses = set(request.query.get("filter.overallStatus", "").split(",")) - {""}
        pages = _recorded_pages(statuses)
        token = request.query.get("pageToken")
        index = 0 if token is None else int(token.split("-")[1]) // PAGE_SIZE
        if index >= len(pages):
            return web.json_response({"message": "bad pageToken"}, status=400)
        return web.json_response(pages[index])

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/api/v2/studies", self.studies)
        return app


@pytest.fixture
async def fake_api():
    fake = FakeCtGov()
    server = TestServer(fake.app())
    await server.start_server()
    yield fake, str(server.make_url("/api/v2/studies"))
    await server.close()


async def test_fetch_pages_through_and_imports(fake_api, sqlite_url):
    fake, url = fake_api
    sessions = session_factory(make_engine(sqlite_url))
    report = await fetch_and_import(
        sessions, "multiple sclerosis", base_url=url, page_size=PAGE_SIZE
    )
    shipped = len(json.loads(WITH_CRITERIA.read_text())["studies"])
    assert report.problems == []
    assert report.inserted == shipped
    assert report.files == len(fake.requests) == -(-shipped // PAGE_SIZE)
    first, second = fake.requests[0], fake.requests[1]
    assert first["query.cond"] == "multiple sclerosis"
    assert first["pageSize"] == str(PAGE_SIZE)
    assert "pageToken" not in first
    assert second["pageToken"] == "token-10"
    with sessions() as s:
        assert count_trials(s) == shipped
        assert len(get_trial(s, "NCT05532943").criteria) == 19
    # Fetching again updates, never duplicates.
    again = await fetch_and_import(
        sessions, "multiple sclerosis", base_url=url, page_size=PAGE_SIZE
    )
    assert (again.inserted, again.updated) == (0, shipped)


def shipped_recruiting() -> int:
    studies = json.loads(WITH_CRITERIA.read_text())["studies"]
    return sum(
        1
        for st in studies
        if st["protocolSection"].get("statusModule", {}).get("overallStatus") == "RECRUITING"
    )


async def test_fetch_filters_by_status(fake_api, sqlite_url):
    fake, url = fake_api
    sessions = session_factory(make_engine(sqlite_url))
    report = await fetch_and_import(sessions, "multiple sclerosis", ["recruiting"], base_url=url)
    assert fake.requests[0]["filter.overallStatus"] == "RECRUITING"
    assert (
        report.inserted == shipped_recruiting() == 13
    )  # shipped records with criteria, RECRUITING


async def test_fetch_retries_a_busy_server(sqlite_url, monkeypatch):
    monkeypatch.setattr("trials_db.fetcher.asyncio.sleep", _no_sleep)
    fake = FakeCtGov(fail_first=2, status=503)
    server = TestServer(fake.app())
    await server.start_server()
    try:
        sessions = session_factory(make_engine(sqlite_url))
        report = await fetch_and_import(
            sessions,
            "ms",
            base_url=str(server.make_url("/api/v2/studies")),
            max_pages=1,
            page_size=PAGE_SIZE,
        )
        assert report.inserted == PAGE_SIZE
        assert len(fake.requests) == 3
    finally:
        await server.close()


async def test_fetch_reports_a_client_error(sqlite_url):
    fake = FakeCtGov(fail_first=1, status=400)
    server = TestServer(fake.app())
    await server.start_server()
    try:
        sessions = session_factory(make_engine(sqlite_url))
        with pytest.raises(FetchError, match="HTTP 400"):
            await fetch_and_import(sessions, "ms", base_url=str(server.make_url("/api/v2/studies")))
        assert len(fake.requests) == 1  # a 400 is not retried
    finally:
        await server.close()


async def _no_sleep(_seconds: float) -> None:
    return None


async def test_fetch_command_line(fake_api, sqlite_url):
    """`python -m trials_db fetch --condition ... --status RECRUITING` end to end."""
    fake, url = fake_api
    import asyncio

    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "trials_db",
        "--db",
        sqlite_url,
        "fetch",
        "--condition",
        "multiple sclerosis",
        "--status",
        "RECRUITING",
        "--base-url",
        url,
        "--json",
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(proc.communicate(), 60)
    assert proc.returncode == 0, err.decode()
    result = json.loads(out)
    assert result["inserted"] == shipped_recruiting() and result["problems"] == []
    assert fake.requests[0]["filter.overallStatus"] == "RECRUITING"
