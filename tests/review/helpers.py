"""Small helpers shared by the review tests."""

from __future__ import annotations

import contextlib
import re
import subprocess
import sys
from pathlib import Path

from review.db import make_engine
from review.pseudonym import load_pseudonymizer

ROOT = Path(__file__).resolve().parents[2]

PID_LINK = re.compile(r'<a href="/conversations/(P-[0-9a-f]{12})">')


def pseudonyms_on(page: str) -> list[str]:
    """The conversations linked from a list page, in order."""
    return PID_LINK.findall(page)


def pseudonym_of(db_url: str, sender_id: str) -> str:
    """The pseudonym the app shows for ``sender_id`` (the key is kept in the database)."""
    engine = make_engine(db_url)
    try:
        return load_pseudonymizer(engine, None)(sender_id)
    finally:
        engine.dispose()


def free_port() -> int:
    """A port nobody listens on right now (others run servers on this machine too)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.asynccontextmanager
async def review_server(directory: Path, scripts: list, user: str, role: str, password: str):
    """``python -m review serve`` on a free port over a tracker store holding ``scripts``, with
    one account made by the real CLI; yields the server's base URL."""
    from scripts.stack import Server, wait_http

    from .builders import save_scripts

    db = f"sqlite:///{directory / 'tracker.db'}"
    await save_scripts(db, scripts)
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "review",
            "create-user",
            user,
            "--role",
            role,
            "--password-stdin",
            "--db",
            db,
        ],
        cwd=ROOT,
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    port = free_port()
    server = Server(
        "review",
        [
            sys.executable,
            "-m",
            "review",
            "serve",
            "--port",
            str(port),
            "--db",
            db,
            "--insecure-cookie",
        ],
        f"http://127.0.0.1:{port}/health",
        directory / "review.log",
    )
    server.start()
    try:
        wait_http(server.health_url, 60, server.proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()
