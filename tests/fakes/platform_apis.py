"""Loopback stand-ins for the Telegram Bot API, Slack Web API and Messenger Send API.

They answer like the real services (documented response shapes) and record every call, so tests
can assert on exactly what the bot sent. Runs in its own thread and event loop, so one instance
serves a whole test session next to servers in other processes.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from aiohttp import web

TELEGRAM_BOT_USERNAME = "ms_trials_test_bot"


@dataclass
class Call:
    """One API request: which platform, which method, its parameters (JSON-decoded where the
    platform sends JSON inside form fields, e.g. Telegram's ``reply_markup``)."""

    platform: str
    method: str
    params: dict[str, Any]
    query: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


class FakePlatformApis:
    """``with FakePlatformApis() as apis:`` serves on 127.0.0.1 at a free port."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._thread: threading.Thread | None = None
        self.port = 0

    # --- URLs the channels are pointed at ---
    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def telegram_url(self) -> str:
        return f"{self.base}/telegram"

    @property
    def slack_url(self) -> str:
        return f"{self.base}/slack/api/"

    @property
    def facebook_url(self) -> str:
        return f"{self.base}/graph"

    # --- recorded calls ---
    def calls_of(self, platform: str, method: str | None = None) -> list[Call]:
        with self._lock:
            return [
                c
                for c in self.calls
                if c.platform == platform and (method is None or c.method == method)
            ]

    def wait_for(
        self, predicate: Callable[[Call], bool], count: int = 1, timeout: float = 30
    ) -> list[Call]:
        """Wait until ``count`` recorded calls match ``predicate``; return them."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                found = [c for c in self.calls if predicate(c)]
            if len(found) >= count or time.monotonic() > deadline:
                return found
            time.sleep(0.1)

    def texts_until(
        self, platform: str, select: Callable[[Call], str | None], done: str, timeout: float = 30
    ) -> list[str]:
        """Texts of the matching calls (``select`` returns None for others), waiting until
        their concatenation ends with ``done``."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                texts = [
                    t
                    for c in self.calls
                    if c.platform == platform
                    for t in [select(c)]
                    if t is not None
                ]
            if "".join(texts).endswith(done) or time.monotonic() > deadline:
                return texts
            time.sleep(0.1)

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)

    # --- handlers ---
    async def _telegram(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params: dict[str, Any] = dict(await request.post())
        for key in ("reply_markup", "allowed_updates"):
            if isinstance(params.get(key), str):
                params[key] = json.loads(params[key])
        self._record(Call("telegram", method, params, dict(request.query)))
        if method == "getMe":
            result: Any = {
                "id": 123456,
                "is_bot": True,
                "first_name": "MS trials",
                "username": TELEGRAM_BOT_USERNAME,
            }
        elif method == "sendMessage":
            result = {
                "message_id": len(self.calls),
                "date": int(time.time()),
                "chat": {"id": int(params["chat_id"]), "type": "private"},
                "text": params.get("text", ""),
            }
        else:  # setWebhook, answerCallbackQuery, ...
            result = True
        return web.json_response({"ok": True, "result": result})

    async def _slack(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        if request.content_type == "application/json":
            params = await request.json()
        else:
            params = dict(await request.post())
        self._record(
            Call(
                "slack",
                method,
                params,
                dict(request.query),
                {"Authorization": request.headers.get("Authorization", "")},
            )
        )
        return web.json_response(
            {"ok": True, "channel": params.get("channel"), "ts": f"{time.time():.6f}"}
        )

    async def _graph(self, request: web.Request) -> web.Response:
        body = await request.json()
        method = "sender_action" if "sender_action" in body else "message"
        self._record(Call("facebook", method, body, dict(request.query)))
        return web.json_response(
            {
                "recipient_id": body.get("recipient", {}).get("id"),
                "message_id": f"m_{len(self.calls)}",
            }
        )

    # --- lifecycle ---
    def _app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/telegram/bot{token}/{method}", self._telegram)
        app.router.add_post("/slack/api/{method}", self._slack)
        app.router.add_post("/graph/{version}/me/messages", self._graph)
        return app

    def start(self) -> "FakePlatformApis":
        started = threading.Event()

        def run() -> None:
            self._loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self._loop)
            self._runner = web.AppRunner(self._app(), access_log=None)
            self._loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, "127.0.0.1", 0)
            self._loop.run_until_complete(site.start())
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            started.set()
            self._loop.run_forever()
            self._loop.run_until_complete(self._runner.cleanup())
            self._loop.close()

        self._thread = threading.Thread(target=run, name="fake-platform-apis", daemon=True)
        self._thread.start()
        if not started.wait(10):
            raise RuntimeError("fake platform APIs did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    def __enter__(self) -> "FakePlatformApis":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
