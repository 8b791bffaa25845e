"""Coordinator accounts: names, roles and argon2 password hashes."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.engine import Connection

from .models import session, user

ROLES = ("coordinator", "admin")
MIN_PASSWORD = 12
MAX_PASSWORD = 256
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")

_hasher = PasswordHasher()
# Verified when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


class AccountError(ValueError):
    """A name, role or password that cannot be accepted; the message says why."""


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    active: bool = True

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def normalize_name(name: str) -> str:
    name = name.strip().lower()
    if not NAME_RE.match(name):
        raise AccountError("A name is 2 to 64 characters: letters, digits, '.', '_' or '-'.")
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"A password needs at least {MIN_PASSWORD} characters.")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"A password has at most {MAX_PASSWORD} characters.")


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"The role is one of: {', '.join(ROLES)}.")
    return role


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _to_user(row) -> User:
    return User(id=row.id, name=row.name, role=row.role, active=row.active)


def create_user(conn: Connection, name: str, password: str, role: str = "coordinator") -> User:
    name, role = normalize_name(name), check_role(role)
    check_password(password)
    if get_user(conn, name) is not None:
        raise AccountError(f"There is already an account named {name}.")
    result = conn.execute(
        user.insert().values(
            name=name,
            password_hash=hash_password(password),
            role=role,
            active=True,
            created_at=time.time(),
        )
    )
    return User(id=result.inserted_primary_key[0], name=name, role=role)


def get_user(conn: Connection, name: str) -> User | None:
    row = conn.execute(select(user).where(user.c.name == name.strip().lower())).first()
    return _to_user(row) if row else None


def get_user_by_id(conn: Connection, user_id: int) -> User | None:
    row = conn.execute(select(user).where(user.c.id == user_id)).first()
    return _to_user(row) if row else None


def list_users(conn: Connection) -> list[dict]:
    return [
        dict(r._mapping)
        for r in conn.execute(
            select(
                user.c.id,
                user.c.name,
                user.c.role,
                user.c.active,
                user.c.created_at,
                user.c.last_login_at,
            ).order_by(user.c.name)
        )
    ]


def count_users(conn: Connection) -> int:
    return len(conn.execute(select(user.c.id)).all())


def verify_login(conn: Connection, name: str, password: str) -> User | None:
    """The active user with this name and password, or None (same cost either way)."""
    row = conn.execute(select(user).where(user.c.name == name.strip().lower())).first()
    stored = row.password_hash if row is not None else _DUMMY_HASH
    try:
        _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if row is None or not row.active:
        return None
    values: dict = {"last_login_at": time.time()}
    if _hasher.check_needs_rehash(stored):
        values["password_hash"] = hash_password(password)
    conn.execute(user.update().where(user.c.id == row.id).values(**values))
    return _to_user(row)


def _end_sessions(conn: Connection, user_id: int) -> None:
    conn.execute(session.delete().where(session.c.user_id == user_id))


def set_password(conn: Connection, name: str, password: str) -> None:
    """Set a new password and end the account's sessions."""
    check_password(password)
    found = get_user(conn, name)
    if found is None:
        raise AccountError(f"There is no account named {name}.")
    conn.execute(
        user.update().where(user.c.id == found.id).values(password_hash=hash_password(password))
    )
    _end_sessions(conn, found.id)


def set_role(conn: Connection, name: str, role: str) -> None:
    found = get_user(conn, name)
    if found is None:
        raise AccountError(f"There is no account named {name}.")
    conn.execute(user.update().where(user.c.id == found.id).values(role=check_role(role)))
    _end_sessions(conn, found.id)


def set_active(conn: Connection, name: str, active: bool) -> None:
    found = get_user(conn, name)
    if found is None:
        raise AccountError(f"There is no account named {name}.")
    conn.execute(user.update().where(user.c.id == found.id).values(active=active))
    if not active:
        _end_sessions(conn, found.id)


def active_admins(conn: Connection) -> int:
    return len(
        conn.execute(select(user.c.id).where(user.c.role == "admin", user.c.active.is_(True))).all()
    )
