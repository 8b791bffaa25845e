"""Request guards: login required, admin-only routes, CSRF tokens, and safe response headers."""

from __future__ import annotations

import hmac
import secrets
from functools import wraps
from typing import Awaitable, Callable
from urllib.parse import quote, urlsplit

from aiohttp import web

SESSION_COOKIE = "review_session"
LOGIN_CSRF_COOKIE = "review_login_csrf"
CSRF_FIELD = "csrf_token"
SESSION = "review.session"  # request key: LoginSession or None
PUBLIC_PATHS = frozenset({"/login", "/health", "/favicon.ico"})
PUBLIC_PREFIXES = ("/static/",)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def make_auth_middleware(load: Callable[[web.Request, str], Awaitable[object]]):
    """Every route but the public ones needs a live session: GETs are sent to the login page,
    other methods get 401."""

    @web.middleware
    async def auth_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        token = request.cookies.get(SESSION_COOKIE, "")
        static = request.path.startswith(PUBLIC_PREFIXES)  # no session lookup for a stylesheet
        request[SESSION] = await load(request, token) if token and not static else None
        if request[SESSION] is None and not is_public(request.path):
            if request.method in SAFE_METHODS:
                raise web.HTTPSeeOther(f"/login?next={quote(request.path_qs, safe='')}")
            raise web.HTTPUnauthorized(text="Please log in.")
        return await handler(request)

    return auth_middleware


@web.middleware
async def csrf_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A form post must carry the session's token (the login form: its cookie's token), and
    come from this site when the browser says where it comes from."""
    if request.method not in SAFE_METHODS:
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc != request.host:
            raise web.HTTPForbidden(text="Cross-site request refused.")
        form = await request.post()
        sent = form.get(CSRF_FIELD)
        login = request.get(SESSION)
        expected = login.csrf_token if login else request.cookies.get(LOGIN_CSRF_COOKIE)
        if (
            not isinstance(sent, str)
            or not expected
            or not hmac.compare_digest(sent.encode(), expected.encode())
        ):
            raise web.HTTPForbidden(
                text="This form has expired or did not come from this site. "
                "Go back, reload the page and try again."
            )
    return await handler(request)


def new_login_csrf() -> str:
    return secrets.token_urlsafe(24)


def admin_only(handler: Handler) -> Handler:
    """Routes that manage accounts or delete data: 403 for coordinators."""

    @wraps(handler)
    async def wrapper(request: web.Request) -> web.StreamResponse:
        login = request.get(SESSION)
        if login is None or not login.user.is_admin:
            raise web.HTTPForbidden(text="Only an administrator can do this.")
        return await handler(request)

    wrapper.admin_only = True  # type: ignore[attr-defined]
    return wrapper


async def security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare: strict headers on every response, errors included."""
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    # Not "no-referrer": with it, browsers send "Origin: null" on our own form posts.
    response.headers["Referrer-Policy"] = "same-origin"
    if not request.path.startswith(PUBLIC_PREFIXES):
        response.headers["Cache-Control"] = "no-store"


def set_cookie(
    response: web.StreamResponse,
    name: str,
    value: str,
    *,
    secure: bool,
    path: str = "/",
    max_age: int | None = None,
) -> None:
    response.set_cookie(
        name, value, path=path, max_age=max_age, secure=secure, httponly=True, samesite="Lax"
    )


def safe_next(target: str | None) -> str:
    """Only a path on this site: never an open redirect to another host."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/conversations"
    return target
