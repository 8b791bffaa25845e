"""Settings of the review app, and where its database is (by default the bot's tracker store)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.engine import URL, make_url

DEFAULT_DB_URL = "sqlite:///data/tracker.db"
DEFAULT_ENDPOINTS = "endpoints.yml"


@dataclass
class Settings:
    """Everything the app factory needs; the defaults suit a deployment behind HTTPS."""

    db_url: str = DEFAULT_DB_URL
    # Secure cookies are only sent over HTTPS: turn off for plain-http localhost only.
    cookie_secure: bool = True
    # Key for pseudonyms; None: a random key is created once and kept in review_setting.
    secret_key: str | None = None
    timezone: str = "UTC"
    session_idle_minutes: int = 30
    session_max_hours: int = 12
    # Login rate limit: failures counted in a sliding window per account and per address.
    login_window_minutes: int = 15
    login_max_failures_per_name: int = 5
    login_max_failures_per_address: int = 20
    page_size: int = 25
    # How often the conversation index is fully checked against ``events`` (see index.py).
    reconcile_seconds: float = 60.0


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() not in ("0", "false", "no", "off")


def settings_from_env(db_url: str, **overrides: Any) -> Settings:
    """Settings for ``db_url`` with REVIEW_* environment variables applied, then ``overrides``."""
    settings = Settings(
        db_url=db_url,
        cookie_secure=env_flag("REVIEW_COOKIE_SECURE", True),
        secret_key=os.environ.get("REVIEW_SECRET_KEY") or None,
        timezone=os.environ.get("REVIEW_TIMEZONE", "UTC"),
    )
    for name, value in overrides.items():
        setattr(settings, name, value)
    return settings


def tracker_url_from_endpoints(path: str | Path) -> str | None:
    """The SQLAlchemy URL of the SQL tracker store configured in a Rasa endpoints file.

    Follows Rasa 3.6's own rules (``SQLTrackerStore.get_db_url``): a ``url``/``host`` with a
    scheme is used as is, otherwise dialect, host, port, db, username, password, query.
    ``${VAR}`` is expanded from the environment as Rasa does. None if the file has no SQL store.
    """
    path = Path(path)
    if not path.is_file():
        return None
    config = yaml.safe_load(os.path.expandvars(path.read_text())) or {}
    store = config.get("tracker_store") or {}
    kind = str(store.get("type", ""))
    # Rasa's own SQL store, or a subclass named by module path (ours: PrivacySQLTrackerStore).
    if kind.lower() != "sql" and not kind.endswith("SQLTrackerStore"):
        return None
    host = store.get("url") or store.get("host")
    if host and "://" in str(host):
        return str(host)
    dialect = store.get("dialect", "sqlite")
    port = store.get("port")
    url = URL.create(
        dialect,
        username=store.get("username"),
        password=store.get("password"),
        host=host,
        port=int(port) if port else None,
        database=store.get("db", "rasa.db"),
        query=store.get("query") or {},
    )
    return url.render_as_string(hide_password=False)


def resolve_db_url(db: str | None = None, endpoints: str | None = None) -> str:
    """Pick the database: ``--db``, then REVIEW_DB_URL, TRACKER_DB_URL, the endpoints file's
    SQL tracker store, then ``sqlite:///data/tracker.db``."""
    if db:
        return db
    for name in ("REVIEW_DB_URL", "TRACKER_DB_URL"):
        if os.environ.get(name):
            return os.environ[name]
    from_endpoints = tracker_url_from_endpoints(endpoints or DEFAULT_ENDPOINTS)
    return from_endpoints or DEFAULT_DB_URL


def describe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return make_url(url).render_as_string(hide_password=True)
