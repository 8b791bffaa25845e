"""Load: N simulated patients at once, each holding full screening conversations over REST.

Starts the real stack the way ``make run`` does (action server, Rasa with the trained model,
PrivacySQLTrackerStore on SQLite, all shipped trials) on free ports in a temp dir, then runs
two phases on it with the same concurrency:

  floor      each patient sends "what is EDSS?" 8 times: a rule answers it with a plain
             response (no custom action), i.e. bare Rasa: NLU, policies, tracker store;
  screening  each patient types the 8 messages of a full screening and gets the results.

Prints per-turn latency p50/p95/p99, conversations per minute and errors for both, the ratio of
the p95s (target: screening <= 2x floor at 20 patients), and the peak RSS (VmHWM) of the Rasa
and action server process groups during the run.

    python benchmarks/conversation_load.py [--patients 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp  # noqa: E402

from scripts.isolated import (  # noqa: E402
    isolated_stack,
    peak_rss_mb,
    reset_peak_rss,
    sqlite_tracker,
)
from scripts.stack import Stack  # noqa: E402
from tests.robust.chat import SCREENING  # noqa: E402

FLOOR_MESSAGE = ("what is EDSS?", "Expanded Disability Status Scale")
TARGET_RATIO = 2.0


@dataclass
class Phase:
    """Per-turn latencies and errors of one phase."""

    name: str
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    conversations: int = 0
    seconds: float = 0.0

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        rank = q / 100 * (len(ordered) - 1)
        low = int(rank)
        high = min(low + 1, len(ordered) - 1)
        return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)

    @property
    def per_minute(self) -> float:
        return self.conversations / self.seconds * 60 if self.seconds else 0.0


async def converse(
    http: aiohttp.ClientSession, url: str, script: list[tuple[str, str]], phase: Phase | None
) -> bool:
    """One conversation with a new sender id; records each turn in ``phase`` (None: warm-up)."""
    sender = f"load-{uuid.uuid4().hex[:12]}"
    for message, expected in script:
        started = time.perf_counter()
        try:
            async with http.post(url, json={"sender": sender, "message": message}) as resp:
                body = await resp.json(content_type=None)
                status = resp.status
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as exc:
            status, body = 0, f"{type(exc).__name__}: {exc}"
        elapsed = (time.perf_counter() - started) * 1000
        if phase is None:
            continue
        phase.latencies_ms.append(elapsed)
        text = "\n".join(r.get("text") or "" for r in body) if isinstance(body, list) else ""
        if status != 200 or expected not in text:
            phase.errors.append(f"{message!r}: HTTP {status}, {str(body)[:120]!r}")
            return False
    return True


async def run_phase(
    url: str, name: str, script: list[tuple[str, str]], patients: int, rounds: int
) -> Phase:
    """``patients`` concurrent patients, each holding ``rounds`` conversations in a row."""
    phase = Phase(name)
    timeout = aiohttp.ClientTimeout(total=180)
    async with aiohttp.ClientSession(
        timeout=timeout, connector=aiohttp.TCPConnector(limit=patients)
    ) as http:

        async def patient() -> None:
            for _ in range(rounds):
                if await converse(http, url, script, phase):
                    phase.conversations += 1

        started = time.perf_counter()
        await asyncio.gather(*(patient() for _ in range(patients)))
        phase.seconds = time.perf_counter() - started
    return phase


async def warm_up(url: str) -> None:
    """First calls load TensorFlow graphs and the trial catalogue; keep them out of the numbers."""
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=300)) as http:
        for _ in range(2):
            await converse(http, url, SCREENING, None)
            await converse(http, url, [FLOOR_MESSAGE] * 2, None)


def measure(stack: Stack, patients: int, rounds: int) -> dict:
    url = f"{stack.rasa_url}/webhooks/rest/webhook"
    asyncio.run(warm_up(url))
    rasa, actions = stack.server("rasa"), stack.server("actions")
    since_start = {"rasa": peak_rss_mb(rasa), "actions": peak_rss_mb(actions)}
    reset = reset_peak_rss(rasa) and reset_peak_rss(actions)
    floor = asyncio.run(run_phase(url, "floor", [FLOOR_MESSAGE] * len(SCREENING), patients, rounds))
    ours = asyncio.run(run_phase(url, "screening", SCREENING, patients, rounds))
    during = {"rasa": peak_rss_mb(rasa), "actions": peak_rss_mb(actions)}
    rows = [
        {
            "phase": p.name,
            "turns": len(p.latencies_ms),
            "p50_ms": p.percentile(50),
            "p95_ms": p.percentile(95),
            "p99_ms": p.percentile(99),
            "conversations_per_min": p.per_minute,
            "errors": len(p.errors),
            "first_errors": p.errors[:3],
        }
        for p in (floor, ours)
    ]
    return {
        "patients": patients,
        "rounds": rounds,
        "phases": rows,
        "p95_ratio": ours.percentile(95) / floor.percentile(95),
        "peak_rss_mb_during_run": during if reset else None,
        "peak_rss_mb_since_start": since_start,
    }


def report(result: dict) -> None:
    print(
        f"Conversation load: {result['patients']} concurrent patients x {result['rounds']} "
        "conversations of 8 messages each, REST, one Rasa + one action server, SQLite tracker"
    )
    print(
        f"{'phase':<10} {'turns':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'conv/min':>9} {'errors':>7}"
    )
    for row in result["phases"]:
        print(
            f"{row['phase']:<10} {row['turns']:>6} {row['p50_ms']:>8.0f} {row['p95_ms']:>8.0f} "
            f"{row['p99_ms']:>8.0f} {row['conversations_per_min']:>9.1f} {row['errors']:>7}"
        )
        for error in row["first_errors"]:
            print(f"           error: {error}")
    ratio = result["p95_ratio"]
    verdict = "meets" if ratio <= TARGET_RATIO else "MISSES"
    print(
        f"p95 screening / p95 floor = {ratio:.2f} "
        f"({verdict} the target of <= {TARGET_RATIO:.0f}x)"
    )
    during, since = result["peak_rss_mb_during_run"], result["peak_rss_mb_since_start"]
    if during:
        print(
            f"peak RSS during the run: Rasa {during['rasa']:.0f} MB, "
            f"action server {during['actions']:.0f} MB"
        )
    print(
        f"peak RSS since start (incl. model loading): Rasa {since['rasa']:.0f} MB, "
        f"action server {since['actions']:.0f} MB"
    )


def as_rows(result: dict) -> list[list[str]]:
    """[measure, value] rows, for benchmarks/run_all.py (make bench)."""
    rows = []
    for p in result["phases"]:
        rows.append(
            [
                f"{p['phase']}: per-turn p50 / p95 / p99",
                f"{p['p50_ms']:.0f} / {p['p95_ms']:.0f} / {p['p99_ms']:.0f} ms",
            ]
        )
        rows.append(
            [
                f"{p['phase']}: conversations/min, errors",
                f"{p['conversations_per_min']:.1f}, {p['errors']} of {p['turns']} turns",
            ]
        )
    ratio = result["p95_ratio"]
    rows.append(
        [
            "p95 screening / p95 floor (target <= 2)",
            f"{ratio:.2f} ({'meets' if ratio <= TARGET_RATIO else 'MISSES'})",
        ]
    )
    peak = result["peak_rss_mb_during_run"] or result["peak_rss_mb_since_start"]
    rows.append(
        ["peak RSS: Rasa, action server", f"{peak['rasa']:.0f} MB, {peak['actions']:.0f} MB"]
    )
    return [[f"{result['patients']} patients: {m}", v] for m, v in rows]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--patients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3, help="conversations per patient")
    parser.add_argument("--json", action="store_true", help="[measure, value] rows for make bench")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="load-") as tmp:
        directory = Path(tmp)
        stack = isolated_stack(
            directory, sqlite_tracker(directory / "tracker.db"), name="load", all_trials=True
        )
        print("Starting the stack (about a minute)...", file=sys.stderr, flush=True)
        with stack:
            result = measure(stack, args.patients, args.rounds)
    if args.json:
        print(json.dumps(as_rows(result)))
    else:
        report(result)
    errors = sum(row["errors"] for row in result["phases"])
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
