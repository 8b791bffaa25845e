"""The Rasa project files are consistent (`rasa data validate`)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).parent / "rasa")


def test_rasa_data_validate_is_clean():
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    result = subprocess.run(
        [RASA, "data", "validate", "--data", "bot/data", "--config", "config.yml",
         "--domain", "domain.yml", "--fail-on-warnings"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
