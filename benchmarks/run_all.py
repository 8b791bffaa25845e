"""``make bench``: run every benchmark and print their results gathered into one table.

Each benchmark runs in its own process with ``--json`` (a list of [measure, value] rows); a
benchmark that fails is reported with its error output and makes the exit status 1.

    python benchmarks/run_all.py [--only conversation_load,match_bench]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["match_bench", "import_bench", "review_bench", "conversation_load"]


def run(name: str) -> tuple[list[list[str]], float, str]:
    """The rows of one benchmark, its wall time, and an error text ('' if it worked)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(HERE / f"{name}.py"), "--json"],
        capture_output=True,
        text=True,
        cwd=HERE.parent,
    )
    seconds = time.perf_counter() - started
    lines = done.stdout.strip().splitlines()
    try:
        rows = json.loads(lines[-1]) if lines else None
    except ValueError:
        rows = None
    if done.returncode != 0 or rows is None:
        return rows or [], seconds, (done.stderr.strip().splitlines() or ["no output"])[-1]
    return rows, seconds, ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="comma-separated benchmark names")
    args = parser.parse_args()
    names = args.only.split(",") if args.only else BENCHMARKS
    table: list[tuple[str, str, str]] = []
    failed = False
    for name in names:
        print(f"running {name}...", file=sys.stderr, flush=True)
        rows, seconds, error = run(name)
        table += [(name, measure, value) for measure, value in rows]
        table.append((name, "(wall time of this benchmark)", f"{seconds:.0f} s"))
        if error:
            failed = True
            table.append((name, "FAILED", error[:200]))
    widths = [
        max(len(row[i]) for row in table + [("benchmark", "measure", "value")]) for i in range(3)
    ]
    line = "-+-".join("-" * w for w in widths)
    print(" | ".join(h.ljust(w) for h, w in zip(("benchmark", "measure", "value"), widths)))
    print(line)
    previous = None
    for row in table:
        shown = ("" if row[0] == previous else row[0], row[1], row[2])
        print(" | ".join(cell.ljust(w) for cell, w in zip(shown, widths)))
        previous = row[0]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
