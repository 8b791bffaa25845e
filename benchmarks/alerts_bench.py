"""Alerts: re-matching N saved profiles against the shipped open trials (issue 12).

Built profiles (not real people): ages, MS types, EDSS and treatments spread over their ranges,
saved as Telegram subscriptions in a temporary SQLite store with the shipped trials. Prints the
time to save them, the first re-match (records and queues every new fit) and a second one
(nothing new: only matching), and the coordinators' per-study counts.

    python benchmarks/alerts_bench.py [--profiles 10000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from trials_db.alerts.coordinators import study_counts  # noqa: E402
from trials_db.alerts.service import rematch, subscribe  # noqa: E402
from trials_db.config import SHIPPED_TRIALS_DIR  # noqa: E402
from trials_db.importer import import_paths  # noqa: E402
from trials_db.matching import load_rules  # noqa: E402
from trials_db.store import make_engine, session_factory  # noqa: E402

SUBTYPES = ("RRMS", "SPMS", "PPMS", "CIS")
DRUGS = (
    [],
    ["dimethyl fumarate"],
    ["ocrelizumab"],
    ["fingolimod", "natalizumab"],
    ["interferon beta-1a"],
)
EDSS = (0, 1.0, 2.0, 3.5, 4.5, 6.0, 6.5, 7.5)


def built_profile(i: int) -> dict:
    drugs = DRUGS[i % len(DRUGS)]
    return {
        "age": 18 + i % 60,
        "sex": ("female", "male")[i % 2],
        "ms_subtype": SUBTYPES[i % 4],
        "edss": EDSS[i % len(EDSS)],
        "prior_therapies": drugs,
        "failed_therapies": drugs[:1],
        "pregnant": False if i % 2 == 0 else None,
        "months_since_last_relapse": (i % 24) + 1,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=int, default=10000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        sessions = session_factory(make_engine(f"sqlite:///{Path(tmp) / 'trials.db'}"))
        import_paths(
            sessions, [SHIPPED_TRIALS_DIR / "ms_trials_with_criteria.json"], progress=False
        )
        with sessions() as session:
            rules = load_rules(session)
        rows = []
        with sessions() as session:
            t = time.perf_counter()
            for i in range(args.profiles):
                subscribe(session, built_profile(i), "telegram", str(100000 + i))
            session.commit()
            rows.append(("save the subscriptions", time.perf_counter() - t, ""))
        for label in ("first re-match (records, queues)", "second re-match (nothing new)"):
            with sessions() as session:
                t = time.perf_counter()
                report = rematch(session, rules)
                session.commit()
                rows.append(
                    (
                        label,
                        time.perf_counter() - t,
                        f"{report.new_matches:,} new, {report.queued:,} queued",
                    )
                )
        with sessions() as session:
            t = time.perf_counter()
            counts = study_counts(session, rules)
            rows.append(("coordinator counts", time.perf_counter() - t, f"{len(counts)} studies"))
    print(f"Alerts with {args.profiles:,} saved profiles, {len(rules)} shipped trials (SQLite):")
    for label, seconds, extra in rows:
        print(f"  {label:<36} {seconds:8.2f} s  {extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
