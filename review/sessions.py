"""Server-side login sessions and the login rate limit."""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from .accounts import User
from .config import Settings
from .models import login_failure, session, user

# Refresh last_seen at most this often (seconds): not one write per request.
TOUCH_EVERY = 60


@dataclass(frozen=True)
class LoginSession:
    token_hash: str
    csrf_token: str
    user: User


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(conn: Connection, account: User) -> str:
    """Start a session for ``account``; returns the token for the cookie (kept only hashed)."""
    token = secrets.token_urlsafe(32)
    now = time.time()
    conn.execute(
        session.insert().values(
            token_hash=_hash(token),
            user_id=account.id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen=now,
        )
    )
    return token


def load_session(conn: Connection, token: str, settings: Settings) -> LoginSession | None:
    """The live session for a cookie token; expired ones (idle or too old) are deleted."""
    if not token or len(token) > 100:
        return None
    token_hash = _hash(token)
    row = conn.execute(
        select(session, user.c.name, user.c.role, user.c.active)
        .join(user, user.c.id == session.c.user_id)
        .where(session.c.token_hash == token_hash)
    ).first()
    if row is None:
        return None
    now = time.time()
    expired = (
        now - row.last_seen > settings.session_idle_minutes * 60
        or now - row.created_at > settings.session_max_hours * 3600
    )
    if expired or not row.active:
        conn.execute(session.delete().where(session.c.token_hash == token_hash))
        return None
    if now - row.last_seen > TOUCH_EVERY:
        conn.execute(
            session.update().where(session.c.token_hash == token_hash).values(last_seen=now)
        )
    return LoginSession(
        token_hash,
        row.csrf_token,
        User(id=row.user_id, name=row.name, role=row.role, active=row.active),
    )


def end_session(conn: Connection, token_hash: str) -> None:
    conn.execute(session.delete().where(session.c.token_hash == token_hash))


def login_blocked(conn: Connection, name: str, address: str, settings: Settings) -> bool:
    """True when this account or this address failed too often in the recent window."""
    since = time.time() - settings.login_window_minutes * 60
    per_name = conn.execute(
        select(func.count())
        .select_from(login_failure)
        .where(login_failure.c.name == name, login_failure.c.at > since)
    ).scalar()
    per_address = conn.execute(
        select(func.count())
        .select_from(login_failure)
        .where(login_failure.c.address == address, login_failure.c.at > since)
    ).scalar()
    return (
        per_name >= settings.login_max_failures_per_name
        or per_address >= settings.login_max_failures_per_address
    )


def record_failure(conn: Connection, name: str, address: str, settings: Settings) -> None:
    now = time.time()
    conn.execute(login_failure.insert().values(name=name[:64], address=address[:64], at=now))
    # Old failures only matter inside the window: keep the table small.
    conn.execute(
        login_failure.delete().where(
            login_failure.c.at < now - settings.login_window_minutes * 60 * 4
        )
    )


def clear_failures(conn: Connection, name: str) -> None:
    conn.execute(login_failure.delete().where(login_failure.c.name == name))
