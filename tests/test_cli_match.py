"""`python -m trials_db match` and `coverage` as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT, WITH_CRITERIA


def run(*args: str, db: str):
    env = {**os.environ, "TRIALS_DB_URL": db}
    return subprocess.run(
        [sys.executable, "-m", "trials_db", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'trials.db'}"
    assert run("import", str(WITH_CRITERIA), db=url).returncode == 0
    return url


def test_match_json_shape_and_words(db, tmp_path):
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"age": 67, "ms_subtype": "RRMS", "edss": 3.5}))
    result = run("match", "--profile", str(profile), "--status", "RECRUITING", "--json", db=db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {d["nct_id"] for d in data} >= {"NCT05532943"}
    for trial in data:
        assert set(trial) == {"nct_id", "verdict", "criteria"}
        assert trial["verdict"] in ("eligible", "possibly_eligible", "not_eligible")
        for c in trial["criteria"]:
            assert set(c) == {"kind", "text", "status", "explanation"}
            assert c["status"] in ("met", "not_met", "unknown", "needs_review")
    seed = next(t for t in data if t["nct_id"] == "NCT05532943")
    assert seed["verdict"] == "not_eligible"
    assert any(c["status"] == "not_met" and "67" in c["explanation"] for c in seed["criteria"])


def test_match_limit_text_and_bad_profile(db, tmp_path):
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"age": 30}))
    text = run("match", "--profile", str(profile), "--limit", "3", "--details", db=db)
    assert text.returncode == 0
    assert text.stdout.count("NCT") == 3
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"edss": 12}))
    result = run("match", "--profile", str(bad), db=db)
    assert result.returncode == 2
    assert "EDSS must be" in result.stderr


def test_coverage_report(db):
    result = run("coverage", "--json", db=db)
    report = json.loads(result.stdout)
    assert report["trials"] == len(json.loads(WITH_CRITERIA.read_text())["studies"]) == 113
    assert report["criteria"] > report["with_a_computable_part"] > 0
    for field in ("age", "MS subtype", "EDSS", "relapses", "therapy history", "pregnancy"):
        assert report["criteria_per_field"][field] > 0
    assert "needs_review only" in run("coverage", db=db).stdout
