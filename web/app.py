"""The public web app: a demo trial page (where the chat widget lives) and a read-only trial API."""

from __future__ import annotations

from aiohttp import web
from sqlalchemy.orm import sessionmaker

from trials_db.render import trial_to_dict
from trials_db.store import get_trial, list_trials, make_engine, session_factory

from .demo import DemoSite

SESSIONS = web.AppKey("sessions", sessionmaker)
RASA_URL = web.AppKey("rasa_url", str)

MAX_LIMIT = 200


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def api_trials(request: web.Request) -> web.Response:
    """GET /api/trials?status=RECRUITING&country=Taiwan&limit=50&offset=0"""
    q = request.query
    try:
        limit = min(max(int(q.get("limit", "50")), 1), MAX_LIMIT)
        offset = max(int(q.get("offset", "0")), 0)
    except ValueError:
        raise web.HTTPBadRequest(text="limit and offset must be whole numbers")
    statuses = [s for s in q.get("status", "").split(",") if s.strip()]
    with request.app[SESSIONS]() as session:
        trials = list_trials(
            session, status=statuses, country=q.get("country") or None, limit=limit, offset=offset
        )
        data = [trial_to_dict(t, with_criteria=False) for t in trials]
    return web.json_response({"trials": data, "limit": limit, "offset": offset})


async def api_trial(request: web.Request) -> web.Response:
    nct_id = request.match_info["nct_id"]
    with request.app[SESSIONS]() as session:
        trial = get_trial(session, nct_id)
        if trial is None:
            raise web.HTTPNotFound(text=f"No trial {nct_id[:20]} in the store")
        return web.json_response(trial_to_dict(trial))


_STOP_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head>
<body style="font-family: system-ui, sans-serif; font-size: 1.2rem; max-width: 36rem; \
margin: 2rem auto;
padding: 0 1rem; line-height: 1.5"><main><h1>{title}</h1><p>{text}</p></main></body></html>"""


async def stop_alerts(request: web.Request) -> web.Response:
    """GET /alerts/stop?token=...: the one-click stop link in every alert. Forgets the saved
    profile, its matches and every queued message (trials_db.alerts.service.unsubscribe)."""
    from trials_db.alerts.service import unsubscribe

    token = request.query.get("token", "")[:100]
    removed = 0
    if token:
        with request.app[SESSIONS]() as session:
            removed = unsubscribe(session, token)
            session.commit()
    if removed:
        page = _STOP_PAGE.format(
            title="Alerts stopped",
            text="You won't get any more alerts, and what we kept for them is deleted.",
        )
    else:
        page = _STOP_PAGE.format(
            title="Nothing to stop",
            text="This link has no alerts behind it. They may already be stopped.",
        )
    return web.Response(text=page, content_type="text/html")


def create_app(
    db_url: str | None = None, rasa_url: str = "http://127.0.0.1:5005"
) -> web.Application:
    app = web.Application(client_max_size=64 * 1024)
    app[SESSIONS] = session_factory(make_engine(db_url))
    app[RASA_URL] = rasa_url
    app.router.add_get("/health", health)
    app.router.add_get("/api/trials", api_trials)
    app.router.add_get("/api/trials/{nct_id}", api_trial)
    app.router.add_get("/alerts/stop", stop_alerts)
    # --- demo trial page with the chat widget, and the widget script (issue #5) ---
    app.add_routes(DemoSite(app[SESSIONS], rasa_url).routes())
    return app


def main(argv: list[str] | None = None) -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Serve the demo page and the trial API.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    parser.add_argument("--db", help="trial store URL (default: $TRIALS_DB_URL or data/trials.db)")
    args = parser.parse_args(argv)
    web.run_app(
        create_app(args.db, args.rasa_url), host=args.host, port=args.port, print=lambda *_: None
    )
