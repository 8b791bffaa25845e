"""Loopback fakes for the alert tests: the platform APIs with failure injection, and CT.gov API v2.

The CT.gov fake serves the shipped real records (data/trials) in the API's page shape and honours
``filter.advanced=AREA[LastUpdatePostDate]RANGE[from,MAX]``; tests may override a record's
status or last-update date to simulate a change on the registry (each override says so).
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
import socket
import threading
from typing import Any

from aiohttp import web

from tests.conftest import WITH_CRITERIA
from tests.fakes.platform_apis import FakePlatformApis

_RANGE = re.compile(r"AREA\[LastUpdatePostDate\]RANGE\[(\d{4}-\d{2}-\d{2}),MAX\]")


class FailingPlatformApis(FakePlatformApis):
    """The project's platform fakes, plus ``fail[prefix] = (http_status, json_body)``: requests
    whose path starts with the prefix get that answer (and are recorded in ``refused``)."""

    def __init__(self) -> None:
        super().__init__()
        self.fail: dict[str, tuple[int, Any]] = {}
        self.refused: list[str] = []

    def _app(self) -> web.Application:
        app = super()._app()

        @web.middleware
        async def failures(request: web.Request, handler):
            for prefix, (status, body) in list(self.fail.items()):
                if request.path.startswith(prefix):
                    self.refused.append(request.path)
                    return web.json_response(body, status=status)
            return await handler(request)

        app.middlewares.append(failures)
        return app

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
        self.fail.clear()
        self.refused.clear()


def closed_port_url(path: str = "") -> str:
    """A loopback URL where nothing listens (connection refused)."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return f"http://127.0.0.1:{port}{path}"


def shipped_studies() -> list[dict]:
    return json.loads(WITH_CRITERIA.read_text())["studies"]


def nct_of(study: dict) -> str:
    return study["protocolSection"]["identificationModule"]["nctId"]


class FakeCtGov:
    """``GET /api/v2/studies`` over the shipped records, in its own thread (sync tests use it)."""

    PAGE_SIZE = 5

    def __init__(self) -> None:
        self.studies = shipped_studies()
        self.requests: list[dict[str, str]] = []
        self.port = 0

    def override(
        self, nct_id: str, *, last_update: str | None = None, status: str | None = None
    ) -> None:
        """Simulate an update on the registry: change this real record's date and/or status."""
        for study in self.studies:
            if nct_of(study) == nct_id:
                module = study["protocolSection"].setdefault("statusModule", {})
                if last_update:
                    module["lastUpdatePostDateStruct"] = {"date": last_update, "type": "ACTUAL"}
                if status:
                    module["overallStatus"] = status
                return
        raise KeyError(nct_id)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v2/studies"

    async def _handle(self, request: web.Request) -> web.Response:
        self.requests.append(dict(request.query))
        chosen = self.studies
        m = _RANGE.search(request.query.get("filter.advanced", ""))
        if m:
            chosen = [
                s
                for s in chosen
                if (
                    s["protocolSection"]
                    .get("statusModule", {})
                    .get("lastUpdatePostDateStruct", {})
                    .get("date")
                    or ""
                )
                >= m.group(1)
            ]
        start = int(request.query.get("pageToken", "0") or 0)
        page: dict[str, Any] = {
            "studies": copy.deepcopy(chosen[start : start + self.PAGE_SIZE]),
            "totalCount": len(chosen),
        }
        if start + self.PAGE_SIZE < len(chosen):
            page["nextPageToken"] = str(start + self.PAGE_SIZE)
        return web.json_response(page)

    def start(self) -> "FakeCtGov":
        started = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            app = web.Application()
            app.router.add_get("/api/v2/studies", self._handle)
            runner = web.AppRunner(app, access_log=None)
            self._loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, "127.0.0.1", 0)
            self._loop.run_until_complete(site.start())
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            started.set()
            self._loop.run_forever()
            self._loop.run_until_complete(runner.cleanup())
            self._loop.close()

        self._thread = threading.Thread(target=run, name="fake-ctgov", daemon=True)
        self._thread.start()
        if not started.wait(10):
            raise RuntimeError("fake CT.gov did not start")
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def __enter__(self) -> "FakeCtGov":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
