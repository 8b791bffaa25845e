"""Matching speed: one profile against all shipped trials with criteria, and against 10,000.

The 10,000 are the shipped trials replicated under new ids (NCT9xxxxxxx), their rules
compiled once (MatchIndex); each run ranks every trial. Prints medians over several runs.

    python benchmarks/match_bench.py [--runs 21] [--trials 10000]
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from trials_db.config import SHIPPED_TRIALS_DIR  # noqa: E402
from trials_db.importer import import_paths  # noqa: E402
from trials_db.matching import MatchIndex, load_rules, match_profile  # noqa: E402
from trials_db.profile import Profile  # noqa: E402
from trials_db.store import make_engine, session_factory  # noqa: E402

PROFILE = Profile(
    age=34,
    sex="female",
    ms_subtype="RRMS",
    edss=3.5,
    prior_therapies=["dimethyl fumarate"],
    failed_therapies=["dimethyl fumarate"],
    pregnant=False,
    breastfeeding=False,
    months_since_last_relapse=3,
    country="Germany",
)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def replicate(rules, n: int):
    out = []
    for i in range(n):
        r = copy.copy(rules[i % len(rules)])
        r.nct_id = f"NCT9{i:07d}"
        out.append(r)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--trials", type=int, default=10_000)
    parser.add_argument("--json", action="store_true", help="[measure, value] rows for make bench")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        sessions = session_factory(make_engine(f"sqlite:///{tmp}/bench.db"))
        import_paths(
            sessions, [SHIPPED_TRIALS_DIR / "ms_trials_with_criteria.json"], progress=False
        )
        t0 = time.perf_counter()
        with sessions() as session:
            rules = load_rules(session)
        load_ms = (time.perf_counter() - t0) * 1000

    rows = []
    for label, rule_set in (
        ("shipped", rules),
        (f"{args.trials:,} replicated", replicate(rules, args.trials)),
    ):
        t0 = time.perf_counter()
        index = MatchIndex(rule_set)
        build_ms = (time.perf_counter() - t0) * 1000
        rank_ms = median_ms(lambda: index.rank(PROFILE), args.runs)
        top10_ms = median_ms(lambda: index.match(PROFILE, limit=10), args.runs)
        plain_ms = median_ms(lambda: match_profile(rule_set, PROFILE), max(3, args.runs // 7))
        rows.append((label, len(rule_set), build_ms, rank_ms, top10_ms, plain_ms))

    if args.json:  # for benchmarks/run_all.py (make bench)
        print(
            json.dumps(
                [["load parsed rules from the store", f"{load_ms:.0f} ms"]]
                + [
                    [
                        f"{n:,} trials{'' if label == 'shipped' else ' (replicated)'}: {what}",
                        f"{ms:.2f} ms",
                    ]
                    for label, n, build, rank, top10, plain in rows
                    for what, ms in (
                        ("compile", build),
                        ("rank all", rank),
                        ("rank + explain top 10", top10),
                        ("per-trial code", plain),
                    )
                ]
            )
        )
        return
    print(f"Loaded {len(rules)} trials' parsed rules from the store in {load_ms:.0f} ms.")
    print(
        f"{'trials':<20} {'n':>6} {'compile ms':>11} {'rank all ms':>12} "
        f"{'rank+explain top10 ms':>22} "
        f"{'per-trial code ms':>18}"
    )
    for label, n, build, rank, top10, plain in rows:
        print(f"{label:<20} {n:>6} {build:>11.1f} {rank:>12.2f} {top10:>22.2f} {plain:>18.1f}")
    print(
        "rank all = verdict of every criterion and trial, ranked (compiled index, median of "
        f"{args.runs}); per-trial code = the readable evaluator with explanations for every trial."
    )


if __name__ == "__main__":
    main()
