"""Import speed: all shipped CT.gov records into a fresh store, several runs, records/second.

    python benchmarks/import_bench.py [--runs 3] [--db URL]   (default: a fresh SQLite file per run)
With --postgres, also measures the PostgreSQL server at TEST_POSTGRES_URL (fresh schema per run).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine, text  # noqa: E402

from trials_db.config import SHIPPED_TRIALS_DIR  # noqa: E402
from trials_db.importer import ImportReport, read_records, store_records  # noqa: E402
from trials_db.store import make_engine, session_factory  # noqa: E402


def one_run(url: str) -> tuple[float, float, int]:
    """Returns (seconds parsing JSON, seconds storing, records)."""
    report = ImportReport()
    t0 = time.perf_counter()
    records = read_records([SHIPPED_TRIALS_DIR], report)
    t1 = time.perf_counter()
    engine = make_engine(url)
    store_records(session_factory(engine), records, report, progress=False)
    t2 = time.perf_counter()
    engine.dispose()
    assert not report.problems, report.summary()
    return t1 - t0, t2 - t1, report.imported


def bench(label: str, make_url, runs: int) -> dict:
    totals, parses, stores, n = [], [], [], 0
    for _ in range(runs):
        url, cleanup = make_url()
        try:
            parse_s, store_s, n = one_run(url)
        finally:
            cleanup()
        parses.append(parse_s)
        stores.append(store_s)
        totals.append(parse_s + store_s)
    med = statistics.median(totals)
    return {
        "store": label,
        "records": n,
        "runs": runs,
        "median_s": med,
        "records_per_s": n / med,
        "parse_s": statistics.median(parses),
        "store_s": statistics.median(stores),
    }


def sqlite_url():
    tmp = tempfile.TemporaryDirectory()
    return f"sqlite:///{tmp.name}/bench.db", tmp.cleanup


def postgres_url():
    base = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base, future=True)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))

    def cleanup():
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()

    sep = "&" if "?" in base else "?"
    return f"{base}{sep}options=-csearch_path%3D{schema}", cleanup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", action="store_true", help="also measure PostgreSQL")
    parser.add_argument("--json", action="store_true", help="[measure, value] rows for make bench")
    args = parser.parse_args()
    results = [bench("sqlite", sqlite_url, args.runs)]
    if args.postgres:
        results.append(bench("postgresql", postgres_url, args.runs))
    if args.json:  # for benchmarks/run_all.py (make bench)
        print(
            json.dumps(
                [
                    [
                        f"{r['store']}: import {r['records']} records (median of {r['runs']})",
                        f"{r['median_s']:.2f} s, {r['records_per_s']:.0f} records/s",
                    ]
                    for r in results
                ]
            )
        )
        return
    print(
        f"{'store':<11} {'records':>8} {'runs':>5} {'median s':>9} {'records/s':>10} "
        f"{'parse s':>8} {'store s':>8}"
    )
    for r in results:
        print(
            f"{r['store']:<11} {r['records']:>8} {r['runs']:>5} {r['median_s']:>9.2f} "
            f"{r['records_per_s']:>10.0f} {r['parse_s']:>8.2f} {r['store_s']:>8.2f}"
        )


if __name__ == "__main__":
    main()
