"""The hand-written gold criteria (tests/gold/criteria/*.yml): well formed, split as fixed,
verbatim, in the agreed vocabulary; and the accuracy benchmark runs on them.

Fast: no network, no database. The trial texts come from the shipped copy in data/trials
(the benchmark's default).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "gold" / "criteria"
SPLIT_FILE = ROOT / "tests" / "gold" / "criteria_split.json"
BENCHMARK = ROOT / "benchmarks" / "criteria_accuracy.py"
DEV_FILES = ("dev_a.yml", "dev_b.yml")
HELD_OUT_FILES = ("held_out.yml",)
SUBTYPES = {"RRMS", "SPMS", "PPMS", "CIS", "RIS"}
POLARITIES = {"requires", "excludes"}


def _load_benchmark():
    name = "criteria_accuracy_under_test"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return _load_benchmark()


@pytest.fixture(scope="module")
def gold() -> dict[str, list[dict]]:
    return {
        name: yaml.safe_load((GOLD_DIR / name).read_text(encoding="utf-8"))
        for name in DEV_FILES + HELD_OUT_FILES
    }


@pytest.fixture(scope="module")
def split() -> dict:
    return json.loads(SPLIT_FILE.read_text(encoding="utf-8"))


def _criteria(gold):
    for name, trials in gold.items():
        for trial in trials:
            for n, criterion in enumerate(trial["criteria"], 1):
                yield f"{name} {trial['nct']} #{n}", trial["nct"], criterion


def test_gold_files_parse_into_trials_with_criteria(gold):
    for name, trials in gold.items():
        assert isinstance(trials, list) and trials, name
        for trial in trials:
            assert set(trial) == {"nct", "criteria"}, (name, trial.get("nct"), set(trial))
            assert isinstance(trial["nct"], str), (name, trial["nct"])
            assert trial["nct"].startswith("NCT"), (name, trial["nct"])
            assert isinstance(trial["criteria"], list) and trial["criteria"], (name, trial["nct"])


def test_split_is_the_fixed_rule(split):
    dev, held_out = split["dev"], split["held_out"]
    assert not set(dev) & set(held_out)
    assert len(set(dev)) == len(dev) and len(set(held_out)) == len(held_out)
    everyone = sorted(dev + held_out, key=lambda n: hashlib.sha256(n.encode()).hexdigest())
    # "held_out = the len/3 trials with the smallest sha256(nct_id) hex digest"
    assert set(held_out) == set(everyone[: len(everyone) // 3])


def test_every_split_trial_is_in_exactly_the_right_part(gold, split):
    where: dict[str, list[str]] = {}
    for name, trials in gold.items():
        for trial in trials:
            where.setdefault(trial["nct"], []).append(name)
    assert {n: files for n, files in where.items() if len(files) > 1} == {}, "a trial in two files"
    dev, held_out = set(split["dev"]), set(split["held_out"])
    assert set(where) == dev | held_out, "gold trials and split trials differ"
    misplaced = {
        n: files[0]
        for n, files in where.items()
        if (n in dev and files[0] not in DEV_FILES)
        or (n in held_out and files[0] not in HELD_OUT_FILES)
    }
    assert misplaced == {}


def test_every_text_is_verbatim_from_its_trial(gold, bench):
    path = bench.default_trials_path()
    document = json.loads(path.read_text(encoding="utf-8"))
    texts = {}
    for study in document["studies"]:
        section = study["protocolSection"]
        text = (section.get("eligibilityModule") or {}).get("eligibilityCriteria") or ""
        texts[section["identificationModule"]["nctId"]] = bench.collapse(text)
    missing_trials = sorted({nct for _, nct, _ in _criteria(gold) if nct not in texts})
    assert missing_trials == []
    not_found = [
        (where, c["text"])
        for where, nct, c in _criteria(gold)
        if not isinstance(c.get("text"), str)
        or not c["text"].strip()
        or bench.collapse(c["text"]) not in texts[nct]
    ]
    assert not_found == []


def test_criteria_and_readings_use_the_vocabulary(gold, bench):
    from trials_db.lexicon import load as load_lexicon

    classes = set(load_lexicon().classes)
    problems = []
    for where, _, c in _criteria(gold):
        if set(c) - bench.CRITERION_KEYS:
            problems.append((where, "criterion keys", sorted(set(c) - bench.CRITERION_KEYS)))
        if c.get("section") not in ("inclusion", "exclusion"):
            problems.append((where, "section", c.get("section")))
        for flag in ("uncertain", "any"):
            if flag in c and not isinstance(c[flag], bool):
                problems.append((where, flag, c[flag]))
        if not isinstance(c.get("readings"), list):
            problems.append((where, "readings", c.get("readings")))
            continue
        for r in c["readings"]:
            name = r.get("field")
            if name not in bench.READING_KEYS:
                problems.append((where, "field", name))
                continue
            extra = set(r) - {"field", "polarity"} - bench.READING_KEYS[name]
            if extra:
                problems.append((where, f"{name} keys", sorted(extra)))
            if r.get("polarity") not in POLARITIES:
                problems.append((where, "polarity", r.get("polarity")))
            if name == "ms_subtype":
                if not r.get("types") or not set(r["types"]) <= SUBTYPES:
                    problems.append((where, "types", r.get("types")))
                if not set(r.get("maybe") or []) <= SUBTYPES:
                    problems.append((where, "maybe", r.get("maybe")))
            if name == "sex" and not (r.get("allowed") and set(r["allowed"]) <= {"female", "male"}):
                problems.append((where, "allowed", r.get("allowed")))
            for key in ("min", "max", "min_years", "max_years", "within_months", "min_count"):
                if key in r and (
                    isinstance(r[key], bool)
                    or not isinstance(r[key], (int, float))
                    or not math.isfinite(r[key])
                    or r[key] < 0
                ):
                    problems.append((where, key, r[key]))
            for key in ("min_inclusive", "max_inclusive", "current", "ever"):
                if key in r and not isinstance(r[key], bool):
                    problems.append((where, key, r[key]))
            for key in ("drugs", "classes"):
                if key in r and not (
                    isinstance(r[key], list) and all(isinstance(x, str) for x in r[key])
                ):
                    problems.append((where, key, r[key]))
            unknown = set(r.get("classes") or []) - classes
            if unknown:
                problems.append((where, "unknown drug classes", sorted(unknown)))
            if name == "disease_duration" and r.get("basis") not in (None, "diagnosis", "onset"):
                problems.append((where, "basis", r.get("basis")))
            lo_hi = {
                "age": ("min", "max"),
                "edss": ("min", "max"),
                "disease_duration": ("min_years", "max_years"),
            }.get(name)
            if lo_hi:
                lo, hi = r.get(lo_hi[0]), r.get(lo_hi[1])
                if lo is None and hi is None:
                    problems.append((where, f"{name} without bounds", r))
                elif lo is not None and hi is not None and lo > hi:
                    problems.append((where, f"{name} min above max", r))
    assert problems == []


def test_gold_set_is_big_enough(gold):
    criteria = list(_criteria(gold))
    trials = {nct for _, nct, _ in criteria}
    assert len(criteria) >= 800, len(criteria)
    assert len(trials) >= 80, len(trials)
    fields = Counter(r["field"] for _, _, c in criteria for r in c["readings"])
    assert len(fields) >= 10, fields  # the readings cover the vocabulary, not one field


def test_benchmark_scores_dev_with_sane_numbers(bench):
    result = bench.score("dev")
    assert set(result["fields"]) == set(bench.FIELDS)
    for name, row in result["fields"].items():
        for key, numerator, denominator in (
            ("precision", "correct_parser", "parser"),
            ("recall", "correct", "gold"),
        ):
            value = row[key]
            if row[denominator]:
                assert isinstance(value, float) and 0.0 <= value <= 1.0, (name, key, value)
                assert row[numerator] <= row[denominator], (name, row)
            else:
                assert value is None, (name, key, value)  # nothing to divide by
        assert isinstance(row["false_not_met"], int) and row["false_not_met"] >= 0, (name, row)
    overall = result["overall"]
    for key in ("precision", "recall"):
        assert isinstance(overall[key], float) and 0.0 <= overall[key] <= 1.0, (key, overall[key])
    assert isinstance(overall["false_not_met"], int) and overall["false_not_met"] >= 0
    counts = result["counts"]
    assert counts["gold_criteria"] == counts["aligned"] + counts["unaligned"] > 0
    assert 0 <= counts["missed_exclusions"] <= counts["exclusion_evaluated"]
    assert 0 <= counts["false_not_met"] <= counts["fit_evaluated"]


def test_an_exclusions_two_sides_are_scored_as_the_range_it_requires(bench):
    # "Age below 18 or above 55" listed as an exclusion is "requires 18 to 55", as the gold
    # writes it; one side alone keeps its own requires form, and an inclusion is not joined
    from trials_db.criteria.parser import parse_criterion

    got = bench.parser_readings(
        parse_criterion("Age below 18 or above 55", "exclusion"), "exclusion"
    )
    assert [(r.field, r.polarity) for r in got] == [("age", "requires")]
    values = got[0].values
    assert (values["min"], values["max"]) == (18.0, 55.0)
    gold = bench.gold_reading({"field": "age", "min": 18, "max": 55, "polarity": "requires"})
    assert bench.compare(got[0], gold) is None
    one = bench.parser_readings(parse_criterion("Age above 55", "exclusion"), "exclusion")
    assert [(r.field, r.polarity) for r in one] == [("age", "excludes")]
