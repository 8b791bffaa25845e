"""What every handler shares: settings, database, index, pseudonyms, templates."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any, Callable, TypeVar
from zoneinfo import ZoneInfo

from aiohttp import web
from jinja2 import Environment
from sqlalchemy.engine import Connection, Engine

from . import audit
from .config import Settings
from .index import ConversationIndex
from .pseudonym import Pseudonymizer
from .security import SESSION
from .templating import render

T = TypeVar("T")


@dataclass
class AppState:
    """The app's shared parts, one per application (``request.app[STATE]``)."""

    settings: Settings
    engine: Engine
    index: ConversationIndex
    pseudonymize: Pseudonymizer
    tz: ZoneInfo
    templates: Environment

    async def db(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn(connection, *args)`` in one transaction, off the event loop."""

        def work() -> T:
            with self.engine.begin() as conn:
                return fn(conn, *args)

        return await asyncio.to_thread(work)

    async def refresh(self) -> None:
        """Bring the conversation index up to date before reading it."""
        await asyncio.to_thread(self.index.refresh)

    async def sender_for(self, pseudonym: str) -> str:
        """The sender_id behind a pseudonym in the URL, or 404."""
        await self.refresh()
        sender = await self.db(self.index.sender_for, pseudonym)
        if sender is None:
            raise web.HTTPNotFound(text="No such conversation (it may have been deleted).")
        return sender

    def render(
        self, request: web.Request, template: str, /, http_status: int = 200, **context: Any
    ) -> web.Response:
        return render(request, self.templates, template, http_status, **context)

    async def audit(
        self,
        request: web.Request,
        action: str,
        target: str = "",
        detail: str = "",
        conn: Connection | None = None,
    ) -> None:
        login = request.get(SESSION)
        name = login.user.name if login else "-"
        if conn is not None:
            audit.record(conn, name, action, target, detail, request.remote or "")
        else:
            await self.db(audit.record, name, action, target, detail, request.remote or "")


STATE = web.AppKey("review_state", AppState)


def state(request: web.Request) -> AppState:
    return request.app[STATE]
