"""Small helpers shared by the review tests."""
from __future__ import annotations

import re

from review.db import make_engine
from review.pseudonym import load_pseudonymizer

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
