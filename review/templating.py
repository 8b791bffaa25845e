"""Jinja2 rendering with autoescape always on: patients' words are text, never markup."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from aiohttp import web
from jinja2 import Environment, PackageLoader, StrictUndefined

from .conversation import CRITERION_LABELS, PROFILE_LABELS, VERDICT_LABELS
from .export import format_value
from .queries import REFERRAL_STATUSES


def make_environment(tz: ZoneInfo) -> Environment:
    env = Environment(
        loader=PackageLoader("review", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def when(ts: float | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
        return dt.datetime.fromtimestamp(ts, tz).strftime(fmt) if ts else ""

    env.filters["when"] = when
    env.filters["value"] = format_value
    env.filters["verdict"] = lambda v: VERDICT_LABELS.get(v, v or "—")
    env.filters["criterion"] = lambda s: CRITERION_LABELS.get(s, s or "—")
    env.filters["referral_status"] = lambda s: REFERRAL_STATUSES.get(s, s)
    env.globals["referral_statuses"] = REFERRAL_STATUSES
    env.globals["profile_labels"] = PROFILE_LABELS
    env.globals["timezone"] = str(tz)
    return env


def render(
    request: web.Request, env: Environment, template: str, status: int = 200, /, **context: Any
) -> web.Response:
    """Render ``template`` with the logged-in user and the CSRF token every form needs."""
    from .security import SESSION

    login = request.get(SESSION)
    context.setdefault("user", login.user if login else None)
    context.setdefault("csrf_token", login.csrf_token if login else "")
    context.setdefault("path", request.path)
    html = env.get_template(template).render(**context)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")
