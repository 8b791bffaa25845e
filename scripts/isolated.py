"""A ``Stack`` of its own for tests and benchmarks: free ports, its own tracker and trial stores.

Other people run servers on the same machine, so nothing here uses a fixed port or the
project's ``data/`` stores: everything lives in a directory the caller owns.
"""

from __future__ import annotations

import os
import signal
import socket
from pathlib import Path

from scripts.stack import MODEL_PATH, Server, Stack
from trials_db.config import SHIPPED_TRIALS_DIR
from trials_db.importer import import_paths
from trials_db.store import make_engine, session_factory

MODEL = MODEL_PATH / "ms-trials.tar.gz"
TRACKER_STORE = "bot.tracker_store.PrivacySQLTrackerStore"


def free_port(taken: set[int] | None = None) -> int:
    """A port nobody listens on right now, and not in ``taken``."""
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if not taken or port not in taken:
            return port


def sqlite_tracker(path: Path) -> str:
    """The ``tracker_store`` block of endpoints.yml for an SQLite file (as ``make run`` has)."""
    return f'tracker_store:\n  type: {TRACKER_STORE}\n  dialect: "sqlite"\n  db: "{path}"\n'


def postgres_tracker(host: str, port: int, db: str, username: str = "postgres") -> str:
    """The ``tracker_store`` block for PostgreSQL (schema: env ``POSTGRESQL_SCHEMA``)."""
    return (
        f'tracker_store:\n  type: {TRACKER_STORE}\n  dialect: "postgresql"\n'
        f'  url: "{host}"\n  port: {port}\n  db: "{db}"\n  username: "{username}"\n'
    )


def redis_lock_store(
    host: str,
    port: int,
    db: int,
    key_prefix: str,
    kind: str = "bot.lock_store.AtomicRedisLockStore",
) -> str:
    """The ``lock_store`` block: Redis, so several Rasa servers take turns per conversation
    (``kind="redis"`` is Rasa's own, which lets simultaneous messages through; see
    bot/lock_store.py)."""
    return (
        f'lock_store:\n  type: {kind}\n  url: "{host}"\n  port: {port}\n  db: {db}\n'
        f'  key_prefix: "{key_prefix}"\n'
    )


def trial_store(directory: Path, all_shipped: bool = False) -> str:
    """A fresh SQLite trial store with the shipped trials with criteria (or all, as make run)."""
    url = f"sqlite:///{directory / 'trials.db'}"
    if not (directory / "trials.db").exists():
        source = (
            SHIPPED_TRIALS_DIR
            if all_shipped
            else SHIPPED_TRIALS_DIR / "ms_trials_with_criteria.json"
        )
        engine = make_engine(url)
        import_paths(session_factory(engine), [source], progress=False)
        engine.dispose()
    return url


def isolated_stack(
    directory: Path,
    tracker_block: str,
    *,
    name: str = "stack",
    extra_endpoints: str = "",
    env: dict[str, str] | None = None,
    actions_port: int | None = None,
    all_trials: bool = False,
    taken: set[int] | None = None,
) -> Stack:
    """A Stack (action server and Rasa, no web app) on free ports, configured in ``directory``.

    ``actions_port`` lets two Rasa servers share one action server (scale-out).
    """
    directory.mkdir(parents=True, exist_ok=True)
    taken = set(taken or ())
    rasa_port = free_port(taken)
    taken.add(rasa_port)
    actions_port = actions_port or free_port(taken)
    endpoints = directory / f"endpoints-{name}.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        f"{tracker_block}{extra_endpoints}"
    )
    stack_env = {"TRIALS_DB_URL": trial_store(directory, all_trials), **(env or {})}
    return Stack(
        rasa_port=rasa_port,
        actions_port=actions_port,
        with_web=False,
        endpoints=str(endpoints),
        model=str(MODEL),
        log_dir=directory / f"logs-{name}",
        env=stack_env,
    )


def process_group(server: Server) -> list[int]:
    """The pids in the process group of a server we started (its pid is the group id)."""
    if server.proc is None:
        return []
    pgid = server.proc.pid
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[2]) == pgid:  # field 5 of /proc/<pid>/stat: process group
            pids.append(int(entry.name))
    return pids


def peak_rss_mb(server: Server) -> float:
    """Sum over the server's process group of each process's peak RSS (VmHWM), in MB."""
    total_kb = 0
    for pid in process_group(server):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return total_kb / 1024


def reset_peak_rss(server: Server) -> bool:
    """Restart the peak-RSS count of the server's processes (Linux: ``clear_refs`` 5)."""
    done = True
    for pid in process_group(server):
        try:
            Path(f"/proc/{pid}/clear_refs").write_text("5")
        except OSError:
            done = False
    return done


def kill_hard(server: Server) -> None:
    """``kill -9`` the server's whole process group, as a crash or an OOM kill would."""
    if server.proc is not None and server.proc.poll() is None:
        os.killpg(server.proc.pid, signal.SIGKILL)
        server.proc.wait(timeout=30)


def rasa_only(stack: Stack) -> Stack:
    """Keep only the stack's Rasa server (a second Rasa that shares another stack's actions)."""
    stack.build()
    stack.servers = [stack.server("rasa")]
    return stack
