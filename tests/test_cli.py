"""`python -m trials_db` as a user runs it, against a store chosen by TRIALS_DB_URL."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT, SEED_RECORD, WITH_CRITERIA


def run(*args: str, db: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "TRIALS_DB_URL": db}
    return subprocess.run(
        [sys.executable, "-m", "trials_db", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def imported_db(sqlite_url):
    result = run("import", str(WITH_CRITERIA), db=sqlite_url)
    assert result.returncode == 0, result.stderr
    assert f"{len(json.loads(WITH_CRITERIA.read_text())['studies'])} new" in result.stdout
    return sqlite_url


def test_show_prints_the_seed_criteria(imported_db):
    result = run("show", "NCT05532943", db=imported_db)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "NCT05532943 · Recruiting · Phase 1/Phase 2" in out
    assert "Inclusion criteria (7):" in out
    assert "Exclusion criteria (12):" in out
    assert "11. With anti-CD20 therapy, such as rituximab" in out
    assert "Who can take part: 20 years to 65 years" in out
    assert "Taichung" in out


def test_show_json_and_unknown_id(imported_db):
    result = run("show", "NCT05532943", "--json", db=imported_db)
    data = json.loads(result.stdout)
    assert data["nct_id"] == "NCT05532943"
    assert [c["kind"] for c in data["criteria"]].count("exclusion") == 12
    missing = run("show", "NCT99999999", db=imported_db)
    assert missing.returncode == 1
    assert "No trial NCT99999999" in missing.stderr


def test_list_with_filters(imported_db):
    result = run("list", "--status", "RECRUITING", "--country", "Taiwan", "--json", db=imported_db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [t["nct_id"] for t in data] == ["NCT05532943"]
    text = run("list", "--status", "recruiting,not_yet_recruiting", db=imported_db)
    assert "NCT05532943" in text.stdout
    assert "trial(s)" in text.stderr


def test_import_if_empty_and_report_json(sqlite_url, tmp_path):
    first = run("import", "--json", str(SEED_RECORD), db=sqlite_url)
    assert json.loads(first.stdout)["inserted"] == 1
    again = run("import", "--if-empty", str(WITH_CRITERIA), db=sqlite_url)
    assert "already holds 1 trials" in again.stdout
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = run("import", str(bad), db=sqlite_url)
    assert result.returncode == 1
    assert "bad.json: not valid JSON" in result.stdout
