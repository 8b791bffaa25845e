"""Run one delivery and SIGKILL ourselves at a chosen point (driven by test_outbox_crash.py).

Usage: python -m tests.alerts.crash_worker DB_URL TELEGRAM_API_URL POINT
POINT: ``before_send`` (claimed, API not called) or ``after_send`` (API answered, not recorded).
"""

from __future__ import annotations

import os
import signal
import sys

from trials_db.alerts import outbox
from trials_db.alerts.senders import TelegramSender
from trials_db.store import make_engine, session_factory


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main(db_url: str, api_url: str, point: str) -> None:
    sessions = session_factory(make_engine(db_url))
    sender = TelegramSender("123:TEST", api_url)
    if point == "before_send":
        outbox._start_send = lambda *a, **k: die()  # type: ignore[assignment]
    elif point == "after_send":
        real = sender.send

        async def send_then_die(address: str, body: str, key: str):
            await real(address, body, key)
            die()

        sender.send = send_then_die  # type: ignore[method-assign]
    else:
        raise SystemExit(f"unknown crash point {point!r}")
    outbox.deliver(sessions, {"telegram": sender})
    raise SystemExit("the crash point was never reached")


if __name__ == "__main__":
    main(*sys.argv[1:4])
