"""Command line: serve the app, manage accounts, rebuild the index.

python -m review serve [--port 8090] [--insecure-cookie]
python -m review create-user NAME [--role admin] [--password-stdin]
python -m review set-password NAME [--password-stdin]
python -m review list-users
python -m review reindex
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys

from .config import describe_url, resolve_db_url, settings_from_env


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password (at least 12 characters): ")
    if getpass.getpass("Again: ") != first:
        raise SystemExit("The two passwords differ; nothing changed.")
    return first


def _engine(args: argparse.Namespace):
    from .db import make_engine

    return make_engine(resolve_db_url(args.db, args.endpoints))


def cmd_serve(args: argparse.Namespace) -> int:
    from .app import run

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    url = resolve_db_url(args.db, args.endpoints)
    overrides = {"cookie_secure": False} if args.insecure_cookie else {}
    settings = settings_from_env(url, **overrides)
    logging.getLogger("review").info(
        "review app on http://%s:%d, database %s", args.host, args.port, describe_url(url)
    )
    run(settings, args.host, args.port)
    return 0


def cmd_create_user(args: argparse.Namespace) -> int:
    from .accounts import AccountError, create_user

    engine = _engine(args)
    password = _read_password(args.password_stdin)
    try:
        with engine.begin() as conn:
            user = create_user(conn, args.name, password, args.role)
    except AccountError as exc:
        print(f"Not created: {exc}", file=sys.stderr)
        return 1
    print(f"Created {user.role} account {user.name}.")
    return 0


def cmd_set_password(args: argparse.Namespace) -> int:
    from .accounts import AccountError, set_password

    engine = _engine(args)
    password = _read_password(args.password_stdin)
    try:
        with engine.begin() as conn:
            set_password(conn, args.name, password)
    except AccountError as exc:
        print(f"Not changed: {exc}", file=sys.stderr)
        return 1
    print(f"Password of {args.name} changed; its sessions were ended.")
    return 0


def cmd_list_users(args: argparse.Namespace) -> int:
    from .accounts import list_users

    with _engine(args).begin() as conn:
        users = list_users(conn)
    for u in users:
        print(f"{u['name']:<24} {u['role']:<12} {'active' if u['active'] else 'disabled'}")
    if not users:
        print("No accounts yet: python -m review create-user NAME --role admin")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from .index import ConversationIndex
    from .pseudonym import load_pseudonymizer

    engine = _engine(args)
    settings = settings_from_env(resolve_db_url(args.db, args.endpoints))
    index = ConversationIndex(engine, load_pseudonymizer(engine, settings.secret_key))
    stats = index.refresh(reconcile=True)
    print(
        f"{stats.rebuilt} conversations re-summarised, {stats.new_events} new events, "
        f"{stats.seconds:.2f} s"
    )
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m review", description=__doc__.split("\n")[0])
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        help="database URL (default: $REVIEW_DB_URL, $TRACKER_DB_URL, "
        "the SQL tracker store in --endpoints, data/tracker.db)",
    )
    common.add_argument(
        "--endpoints",
        default="endpoints.yml",
        help="Rasa endpoints file whose tracker_store to read",
    )
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("serve", parents=[common], help="run the web app")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8090)
    s.add_argument(
        "--insecure-cookie",
        action="store_true",
        help="send the session cookie without Secure (plain-http localhost only)",
    )
    s.set_defaults(func=cmd_serve)

    c = sub.add_parser("create-user", parents=[common], help="create an account")
    c.add_argument("name")
    c.add_argument("--role", choices=("coordinator", "admin"), default="coordinator")
    c.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    c.set_defaults(func=cmd_create_user)

    w = sub.add_parser("set-password", parents=[common], help="set an account's password")
    w.add_argument("name")
    w.add_argument("--password-stdin", action="store_true")
    w.set_defaults(func=cmd_set_password)

    sub.add_parser("list-users", parents=[common], help="list accounts").set_defaults(
        func=cmd_list_users
    )
    sub.add_parser(
        "reindex", parents=[common], help="re-summarise every conversation now"
    ).set_defaults(func=cmd_reindex)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)
