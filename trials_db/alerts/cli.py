"""Commands ``refresh`` (fetch changes, re-match, send) and ``alerts`` (counts, sending, repairs).

Hooked into ``python -m trials_db`` by :func:`add_commands`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from sqlalchemy import func, select


def _sessions(args: argparse.Namespace):
    from ..store import make_engine, session_factory

    return session_factory(make_engine(getattr(args, "db", None)))


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")


def _send(sessions, args: argparse.Namespace):
    from .outbox import deliver
    from .senders import senders_from_env

    return deliver(sessions, senders_from_env(), in_doubt=args.in_doubt)


def cmd_refresh(args: argparse.Namespace) -> int:
    from ..fetcher import FetchError
    from .refresh import ctgov_fetch_since, refresh

    sessions = _sessions(args)
    since = dt.date.fromisoformat(args.since) if args.since else None
    try:
        report = refresh(sessions, ctgov_fetch_since(args.base_url, args.condition), since=since)
    except FetchError as exc:
        print(f"Refresh failed, nothing re-matched: {exc}", file=sys.stderr)
        return 2
    delivery = None if args.no_send else _send(sessions, args)
    if args.json:
        _print_json(
            {
                "since": report.since,
                "seen": report.imported.seen,
                "inserted": report.imported.inserted,
                "updated": report.imported.updated,
                "problems": [str(p) for p in report.imported.problems],
                "rematch": report.rematched.__dict__,
                "delivery": delivery.__dict__ if delivery else None,
            }
        )
    else:
        print(report.summary())
        if delivery:
            print(delivery.summary())
    return 1 if report.imported.problems else 0


def counts(sessions) -> dict[str, Any]:
    """Subscriptions per channel, recorded matches, and messages per status (no identities)."""
    from .models import AlertMatch, AlertSubscription, OutboxMessage
    from .refresh import last_run

    with sessions() as session:
        subs = dict(
            session.execute(
                select(AlertSubscription.channel, func.count()).group_by(AlertSubscription.channel)
            ).all()
        )
        matches = session.scalar(select(func.count()).select_from(AlertMatch)) or 0
        outbox = dict(
            session.execute(
                select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
            ).all()
        )
    return {
        "subscriptions": subs,
        "matches": matches,
        "outbox": outbox,
        "last_refresh": last_run(sessions),
    }


def cmd_alerts(args: argparse.Namespace) -> int:
    from .outbox import retry_failed, settle_in_doubt

    sessions = _sessions(args)
    notes = []
    if args.resend_in_doubt:
        notes.append(f"{settle_in_doubt(sessions, 'resend')} in-doubt message(s) queued again.")
    if args.confirm_in_doubt:
        notes.append(f"{settle_in_doubt(sessions, 'sent')} in-doubt message(s) marked sent.")
    if args.retry_failed:
        notes.append(f"{retry_failed(sessions)} failed message(s) queued again.")
    delivery = _send(sessions, args) if args.send else None
    if args.coordinators:
        from .coordinators import format_counts, study_counts

        with sessions() as session:
            studies = study_counts(session)
    data = counts(sessions)
    if args.json:
        if delivery:
            data["delivery"] = delivery.__dict__
        if args.coordinators:
            data["studies"] = [s.to_dict() for s in studies]
        _print_json(data)
        return 0
    for note in notes:
        print(note)
    if delivery:
        print(delivery.summary())
    subs = ", ".join(f"{k} {v}" for k, v in sorted(data["subscriptions"].items())) or "none"
    box = ", ".join(f"{k} {v}" for k, v in sorted(data["outbox"].items())) or "empty"
    print(f"Subscriptions: {subs}. Studies recorded: {data['matches']}. Outbox: {box}.")
    print(f"Last refresh: {data['last_refresh'] or 'never'}.")
    if data["outbox"].get("in_doubt"):
        print(
            "In doubt: a run stopped mid-send; check the channel, then --resend-in-doubt or "
            "--confirm-in-doubt."
        )
    if args.coordinators:
        print(format_counts(studies))
    return 0


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add ``refresh`` and ``alerts`` to the ``python -m trials_db`` sub-commands."""
    p = subparsers.add_parser(
        "refresh", help="fetch CT.gov changes, re-match saved profiles, " "send the alerts"
    )
    p.add_argument("--condition", default="multiple sclerosis")
    p.add_argument("--base-url", help="API endpoint (default: $CTGOV_API_URL or the public API)")
    p.add_argument("--since", help="YYYY-MM-DD (default: the day before the last run)")
    p.add_argument("--no-send", action="store_true", help="queue the messages, do not send")
    p.add_argument(
        "--in-doubt",
        choices=("hold", "resend"),
        default="hold",
        help="what to do with a message a stopped run may have sent (default: hold)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_refresh)

    p = subparsers.add_parser("alerts", help="alert counts; --send delivers queued messages")
    p.add_argument("--send", action="store_true", help="deliver the queued messages now")
    p.add_argument("--in-doubt", choices=("hold", "resend"), default="hold")
    p.add_argument(
        "--resend-in-doubt",
        action="store_true",
        help="queue again the messages a stopped run may have sent",
    )
    p.add_argument(
        "--confirm-in-doubt", action="store_true", help="mark the in-doubt messages as sent"
    )
    p.add_argument("--retry-failed", action="store_true", help="queue failed messages again")
    p.add_argument(
        "--coordinators",
        action="store_true",
        help="per study: saved volunteers who look likely / might fit (counts only)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_alerts)
