"""Login, logout, and changing one's own password."""

from __future__ import annotations

import re

from aiohttp import web

from .. import accounts, sessions
from ..accounts import AccountError
from ..security import (
    LOGIN_CSRF_COOKIE,
    SESSION,
    SESSION_COOKIE,
    new_login_csrf,
    safe_next,
    set_cookie,
)
from ..state import state
from ..storable import storable

LOGIN_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{32}$")


async def _login_page(
    request: web.Request, status: int = 200, error: str = "", name: str = ""
) -> web.Response:
    app = state(request)
    # Keep the token the browser already has: another tab, or the browser's own request for
    # /favicon.ico, must not invalidate the login form on screen.
    token = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not LOGIN_TOKEN_RE.match(token):
        token = new_login_csrf()
    no_accounts = await app.db(accounts.count_users) == 0
    response = app.render(
        request,
        "login.html",
        http_status=status,
        error=error,
        name=name,
        login_csrf=token,
        next=safe_next(request.query.get("next")),
        no_accounts=no_accounts,
    )
    set_cookie(
        response,
        LOGIN_CSRF_COOKIE,
        token,
        secure=app.settings.cookie_secure,
        path="/login",
        max_age=3600,
    )
    return response


async def login_form(request: web.Request) -> web.Response:
    if request.get(SESSION) is not None:
        raise web.HTTPSeeOther(safe_next(request.query.get("next")))
    return await _login_page(request)


async def login(request: web.Request) -> web.Response:
    app = state(request)
    form = await request.post()
    name = storable(str(form.get("name", "")).strip().lower()[:64])
    password = str(form.get("password", ""))
    address = request.remote or ""
    if await app.db(sessions.login_blocked, name, address, app.settings):
        await app.audit(request, "login_blocked", name)
        return await _login_page(
            request, 429, "Too many failed attempts. Wait a few minutes and try again.", name
        )
    account = await app.db(accounts.verify_login, name, password)
    if account is None:
        await app.db(sessions.record_failure, name, address, app.settings)
        return await _login_page(request, 401, "The name or the password is wrong.", name)

    def start(conn):
        sessions.clear_failures(conn, name)
        return sessions.create_session(conn, account)

    token = await app.db(start)
    request[SESSION] = None
    await app.audit(request, "login", account.name)
    target = safe_next(str(form.get("next", "")))
    response = web.HTTPSeeOther(target)
    set_cookie(response, SESSION_COOKIE, token, secure=app.settings.cookie_secure)
    response.del_cookie(LOGIN_CSRF_COOKIE, path="/login")
    raise response


async def logout(request: web.Request) -> web.Response:
    app = state(request)
    login = request[SESSION]
    await app.audit(request, "logout", login.user.name)
    await app.db(sessions.end_session, login.token_hash)
    response = web.HTTPSeeOther("/login")
    response.del_cookie(SESSION_COOKIE, path="/")
    raise response


async def account_page(request: web.Request) -> web.Response:
    return state(request).render(request, "account.html", error="", done=False)


async def change_password(request: web.Request) -> web.Response:
    app = state(request)
    login = request[SESSION]
    form = await request.post()
    current = str(form.get("current", ""))
    new, again = str(form.get("new", "")), str(form.get("again", ""))
    if await app.db(accounts.verify_login, login.user.name, current) is None:
        return app.render(
            request,
            "account.html",
            http_status=400,
            done=False,
            error="The current password is wrong.",
        )
    if new != again:
        return app.render(
            request,
            "account.html",
            http_status=400,
            done=False,
            error="The two new passwords differ.",
        )
    try:
        await app.db(accounts.set_password, login.user.name, new)
    except AccountError as exc:
        return app.render(request, "account.html", http_status=400, done=False, error=str(exc))
    await app.audit(request, "change_own_password", login.user.name)
    # set_password ended every session of the account, this one too: log in again.
    response = web.HTTPSeeOther("/login")
    response.del_cookie(SESSION_COOKIE, path="/")
    raise response
