"""The dialogue model on the test conversations in tests/test_stories.yml (`rasa test core`)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "ms-trials.tar.gz"
RASA = str(Path(sys.executable).parent / "rasa")

pytestmark = pytest.mark.slow


def test_test_stories_pass(tmp_path):
    if not MODEL.is_file():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (`make test` does it)")
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    result = subprocess.run(
        [
            RASA,
            "test",
            "core",
            "--stories",
            "tests/test_stories.yml",
            "--model",
            str(MODEL),
            "--out",
            str(tmp_path),
            "--fail-on-prediction-errors",
            "--no-plot",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:] + details
    assert "None of the test stories failed" in details, details
