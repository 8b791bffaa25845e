"""The review command line: accounts, and where it finds the database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from review.config import resolve_db_url, tracker_url_from_endpoints

ROOT = Path(__file__).resolve().parents[2]


def review(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "review", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_create_first_admin_and_list(tmp_path):
    db = f"sqlite:///{tmp_path / 'tracker.db'}"
    empty = review("list-users", "--db", db)
    assert "No accounts yet" in empty.stdout
    made = review(
        "create-user",
        "Ada",
        "--role",
        "admin",
        "--password-stdin",
        "--db",
        db,
        stdin="a good long password\n",
    )
    assert made.returncode == 0 and "Created admin account ada." in made.stdout
    again = review(
        "create-user", "ada", "--password-stdin", "--db", db, stdin="another long password\n"
    )
    assert again.returncode == 1 and "already an account" in again.stderr
    weak = review("create-user", "bea", "--password-stdin", "--db", db, stdin="short\n")
    assert weak.returncode == 1 and "at least 12" in weak.stderr
    listed = review("list-users", "--db", db)
    assert "ada" in listed.stdout and "admin" in listed.stdout and "bea" not in listed.stdout


def test_database_follows_the_rasa_endpoints_file(tmp_path, monkeypatch):
    for name in ("REVIEW_DB_URL", "TRACKER_DB_URL"):
        monkeypatch.delenv(name, raising=False)
    sqlite = tmp_path / "endpoints.yml"
    sqlite.write_text("tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: data/tracker.db\n")
    assert tracker_url_from_endpoints(sqlite) == "sqlite:///data/tracker.db"
    monkeypatch.setenv("DB_PASSWORD", "s3cret")
    pg = tmp_path / "endpoints.pg.yml"
    pg.write_text(
        "tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: db.example\n"
        "  port: 5433\n  username: rasa\n  password: ${DB_PASSWORD}\n  db: bot\n"
    )
    assert tracker_url_from_endpoints(pg) == "postgresql://rasa:s3cret@db.example:5433/bot"
    # Our own store (Rasa's SQL store plus erasure), named by module path as the shipped file does.
    ours = tmp_path / "endpoints.ours.yml"
    ours.write_text(
        "tracker_store:\n  type: bot.tracker_store.PrivacySQLTrackerStore\n"
        "  dialect: postgresql\n  url: db.example\n  db: bot\n"
    )
    assert tracker_url_from_endpoints(ours) == "postgresql://db.example/bot"
    other = tmp_path / "endpoints.redis.yml"
    other.write_text("tracker_store:\n  type: redis\n  url: localhost\n")
    assert tracker_url_from_endpoints(other) is None
    assert resolve_db_url(None, str(ROOT / "endpoints.yml")) == "sqlite:///data/tracker.db"
    monkeypatch.setenv("TRACKER_DB_URL", "sqlite:////elsewhere.db")
    assert resolve_db_url(None, str(pg)) == "sqlite:////elsewhere.db"
    assert resolve_db_url("sqlite:////given.db", str(pg)) == "sqlite:////given.db"
