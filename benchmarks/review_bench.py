"""Review app speed over many conversations: index build, list queries, exports.

    python benchmarks/review_bench.py [--conversations 10000] [--postgres]

Five built conversations (tests/review/builders.py) are written once with Rasa's real
SQLTrackerStore; their rows are then cloned under new sender ids and start times (spread over
the last N*10 minutes) straight into ``events``, which is how N conversations are made quickly.
With --postgres, the same runs on the server at TEST_POSTGRES_URL (a fresh schema, dropped).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")

from sqlalchemy import create_engine, func, select, text  # noqa: E402

from review.conversation import load_conversation  # noqa: E402
from review.db import make_engine  # noqa: E402
from review.export import log_csv  # noqa: E402
from review.index import ConversationIndex  # noqa: E402
from review.models import events  # noqa: E402
from review.pseudonym import Pseudonymizer  # noqa: E402
from review.queries import (  # noqa: E402
    Filters,
    funnel_by_week,
    funnel_totals,
    list_conversations,
    prescreening_log,
)
from tests.review.builders import TAIWAN, save_scripts, standard  # noqa: E402

UTC = ZoneInfo("UTC")


def template_rows() -> list[dict]:
    """The rows Rasa writes for the five built conversations."""
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/template.db"
        asyncio.run(save_scripts(url, list(standard(time.time()).values())))
        engine = create_engine(url, future=True)
        with engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(select(events).order_by(events.c.id))]
        engine.dispose()
    return rows


def fill(url: str, n: int) -> int:
    """Create ``events`` as Rasa does and clone the template into ``n`` conversations."""
    asyncio.run(save_scripts(url, []))  # Rasa's SQLTrackerStore creates the table
    by_sender: dict[str, list[dict]] = {}
    for row in template_rows():
        by_sender.setdefault(row["sender_id"], []).append(row)
    templates = list(by_sender.values())
    now = time.time()
    engine = create_engine(url, future=True)
    batch: list[dict] = []
    total = 0
    with engine.begin() as conn:
        for i in range(n):
            rows = templates[i % len(templates)]
            shift = (now - i * 600) - rows[0]["timestamp"]
            for row in rows:
                data = json.loads(row["data"])
                data["timestamp"] = row["timestamp"] + shift
                batch.append(
                    {
                        "sender_id": f"bench-{i}",
                        "type_name": row["type_name"],
                        "timestamp": row["timestamp"] + shift,
                        "intent_name": row["intent_name"],
                        "action_name": row["action_name"],
                        "data": json.dumps(data),
                    }
                )
            if len(batch) >= 20000:
                conn.execute(events.insert(), batch)
                total += len(batch)
                batch = []
        if batch:
            conn.execute(events.insert(), batch)
            total += len(batch)
    engine.dispose()
    return total


def timed(fn, repeat: int = 5) -> float:
    """Median milliseconds of ``fn()`` over ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0) * 1000)
    return statistics.median(runs)


def bench(label: str, url: str, n: int) -> list[tuple[str, str]]:
    t0 = time.perf_counter()
    rows = fill(url, n)
    fill_s = time.perf_counter() - t0
    engine = make_engine(url)
    index = ConversationIndex(engine, Pseudonymizer("bench key"), reconcile_seconds=1e9)
    t0 = time.perf_counter()
    index.refresh(reconcile=False)
    build_s = time.perf_counter() - t0
    result = [
        ("events rows", f"{rows}"),
        ("clone events", f"{fill_s:.1f} s"),
        (
            "index build, all conversations",
            f"{build_s:.1f} s " f"({n / build_s:.0f} conversations/s)",
        ),
    ]

    def _list(f: Filters):
        with engine.connect() as conn:
            return list_conversations(conn, f, UTC, 25)

    with engine.connect() as conn:
        sender = conn.execute(select(events.c.sender_id).limit(1)).scalar()
        assert conn.execute(select(func.count(func.distinct(events.c.sender_id)))).scalar() == n

    def export_all():
        with engine.connect() as conn:
            return log_csv(prescreening_log(conn, Filters(), UTC), UTC)

    def dashboard():
        with engine.connect() as conn:
            funnel_by_week(conn, UTC, 12)
            funnel_totals(conn)

    def one_conversation():
        with engine.connect() as conn:
            load_conversation(conn, sender)

    result += [
        ("refresh, nothing new", f"{timed(lambda: index.refresh(reconcile=False)):.1f} ms"),
        ("reconcile, nothing changed", f"{timed(lambda: index.refresh(reconcile=True), 3):.0f} ms"),
        ("list page 1, no filter", f"{timed(lambda: _list(Filters())):.1f} ms"),
        ("list, text search 'relapse'", f"{timed(lambda: _list(Filters(q='relapse'))):.1f} ms"),
        (
            "list, trial + contact requested",
            f"{timed(lambda: _list(Filters(nct=TAIWAN[0], contact='yes'))):.1f} ms",
        ),
        ("list, last page", f"{timed(lambda: _list(Filters(page=10**6))):.1f} ms"),
        ("one conversation's events", f"{timed(one_conversation):.1f} ms"),
        ("dashboard funnel (12 weeks + totals)", f"{timed(dashboard):.1f} ms"),
        ("pre-screening CSV, all conversations", f"{timed(export_all, 3):.0f} ms"),
    ]
    engine.dispose()
    return [(f"{label}: {k}", v) for k, v in result]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=10000)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--json", action="store_true", help="[measure, value] rows for make bench")
    args = parser.parse_args()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        lines += bench("sqlite", f"sqlite:///{tmp}/bench.db", args.conversations)
    if args.postgres:
        base = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
        schema = f"bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(base, future=True)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            lines += bench(
                "postgresql", f"{base}?options=-csearch_path%3D{schema}", args.conversations
            )
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            admin.dispose()
    if args.json:  # for benchmarks/run_all.py (make bench)
        print(json.dumps([[f"{args.conversations} conversations, {k}", v] for k, v in lines]))
        return 0
    width = max(len(k) for k, _ in lines)
    print(f"Review app, {args.conversations} conversations (median of runs)")
    for key, value in lines:
        print(f"  {key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
