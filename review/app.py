"""The review app factory: routes, middlewares, and the shared state they use."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from zoneinfo import ZoneInfo

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger

from . import sessions
from .config import Settings
from .db import make_engine
from .index import ConversationIndex
from .pseudonym import load_pseudonymizer
from .security import csrf_middleware, make_auth_middleware, security_headers
from .state import STATE, AppState, state
from .templating import make_environment
from .views import admin, auth, conversations, dashboard, exports, referrals, volunteers

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "static"


class AccessLogger(AbstractAccessLogger):
    """Method, path, status, time: never the query string (free-text searches go there)."""

    def log(self, request: web.BaseRequest, response: web.StreamResponse, time: float) -> None:
        self.logger.info("%s %s %s %.3fs", request.method, request.path, response.status, time)


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def favicon(_request: web.Request) -> web.Response:
    """Browsers ask for it on every page: answer, rather than redirect to the login."""
    return web.Response(status=204)


async def _load_session(request: web.Request, token: str):
    app = state(request)
    return await app.db(sessions.load_session, token, app.settings)


def add_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/health", health)
    r.add_get("/favicon.ico", favicon)
    r.add_static("/static/", STATIC, name="static")
    r.add_get("/login", auth.login_form)
    r.add_post("/login", auth.login)
    r.add_post("/logout", auth.logout)
    r.add_get("/account", auth.account_page)
    r.add_post("/account/password", auth.change_password)
    r.add_get("/", conversations.index)
    r.add_get("/conversations", conversations.conversation_list)
    r.add_get("/conversations/{pid}", conversations.conversation_page)
    r.add_post("/conversations/{pid}/status", conversations.set_status)
    r.add_post("/conversations/{pid}/tags", conversations.add_tag)
    r.add_post("/conversations/{pid}/tags/remove", conversations.remove_tag)
    r.add_post("/conversations/{pid}/notes", conversations.add_note)
    r.add_post("/conversations/{pid}/flags", conversations.set_flag)
    r.add_post("/conversations/{pid}/delete", conversations.delete_conversation)
    r.add_get("/conversations/{pid}/summary", referrals.summary_page)
    r.add_get("/conversations/{pid}/summary.json", referrals.summary_download)
    r.add_get("/referrals", referrals.queue)
    r.add_post("/referrals/{pid}/status", referrals.set_status)
    r.add_get("/dashboard", dashboard.dashboard)
    r.add_get("/volunteers", volunteers.volunteers)
    r.add_get(r"/export/prescreening.{kind:csv|json}", exports.prescreening)
    r.add_get(r"/export/referrals.{kind:csv|json}", exports.referral_list)
    r.add_get("/admin/users", admin.users)
    r.add_post("/admin/users", admin.create_user)
    r.add_post("/admin/users/{name}", admin.update_user)
    r.add_get("/admin/audit", admin.audit_log)


def create_app(settings: Settings) -> web.Application:
    """The review app over the database at ``settings.db_url`` (tables created if missing)."""
    app = web.Application(
        middlewares=[make_auth_middleware(_load_session), csrf_middleware],
        client_max_size=256 * 1024,
    )
    engine = make_engine(settings.db_url)
    tz = ZoneInfo(settings.timezone)
    pseudonymize = load_pseudonymizer(engine, settings.secret_key)
    app[STATE] = AppState(
        settings=settings,
        engine=engine,
        index=ConversationIndex(engine, pseudonymize, settings.reconcile_seconds),
        pseudonymize=pseudonymize,
        tz=tz,
        templates=make_environment(tz),
    )
    add_routes(app)
    app.on_response_prepare.append(security_headers)
    app.cleanup_ctx.append(_background_index)
    return app


async def _background_index(app: web.Application):
    """Index (and reconcile) once at start without holding up the server."""
    review = app[STATE]

    async def first_refresh() -> None:
        try:
            await asyncio.to_thread(review.index.refresh, True)
        except Exception:  # the next request retries; do not kill the app
            log.exception("first index refresh failed")

    task = asyncio.create_task(first_refresh())
    yield
    # A thread cannot be cancelled: give a long first indexing a moment to finish.
    await asyncio.wait({task}, timeout=10)
    review.engine.dispose()


def run(settings: Settings, host: str, port: int) -> None:
    web.run_app(
        create_app(settings),
        host=host,
        port=port,
        access_log_class=AccessLogger,
        print=lambda *_: None,
    )
