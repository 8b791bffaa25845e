"""The built criteria probes (tests/gold/criteria_probes.yml) and their benchmark.

The probes were written by a writer who saw neither the parser nor the shipped trials; a third
is held out by a fixed rule. These tests check the file's shape and hold the parser to what
was measured: false not_met (a patient who fits, told they don't) may only go down.
"""

from __future__ import annotations

from benchmarks.criteria_accuracy import FIELDS
from benchmarks.criteria_probes import held_out_ids, load_probes, score

# Measured on all 260 probes (2026-12-04), totals only.
MOST_FALSE_NOT_MET = 3  # 5 when first scored; 3 after the fixes made on the dev part
LEAST_PRECISION, LEAST_RECALL = 0.89, 0.73


def test_the_probes_are_well_formed_and_a_third_is_held_out():
    probes = load_probes(part="all")
    assert len(probes) >= 250
    assert len({p["id"] for p in probes}) == len(probes)
    for p in probes:
        assert p["section"] in ("inclusion", "exclusion"), p["id"]
        for r in p.get("readings") or []:
            assert r["field"] in FIELDS, p["id"]
            assert r["polarity"] in ("requires", "excludes"), p["id"]
    held = held_out_ids(probes)
    assert len(held) == len(probes) // 3
    assert len(load_probes(part="dev")) + len(load_probes(part="held_out")) == len(probes)


def test_the_parser_reads_the_probes_at_least_as_well_as_measured():
    overall = score(part="all")["overall"]
    assert overall["false_not_met"] <= MOST_FALSE_NOT_MET
    assert overall["precision"] >= LEAST_PRECISION
    assert overall["recall"] >= LEAST_RECALL
