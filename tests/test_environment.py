"""The pinned environment: the versions the stack is built on, and a consistent install."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version


def test_python_is_3_10():
    assert sys.version_info[:2] == (3, 10)


def test_pins_hold():
    assert version("rasa") == "3.6.21"
    assert version("rasa-sdk") == "3.6.2"
    assert version("SQLAlchemy").startswith("1.4.")
    assert version("aiohttp").startswith("3.9.")
    assert version("spacy").startswith("3.4.")
    assert version("pydantic").startswith("1.10.")
    # Rasa 3.6's socket.io channel needs these (RasaHQ/rasa#13027).
    assert version("python-socketio") == "5.9.0"
    assert version("python-engineio") == "4.7.1"


def test_pip_check_passes():
    result = subprocess.run([sys.executable, "-m", "pip", "check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_installed_package_is_in_the_lock():
    """Nothing in the venv escaped constraints.txt (which would make fresh machines differ)."""
    from pathlib import Path

    lock = {}
    for line in (Path(__file__).parent.parent / "constraints.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, ver = line.split("==", 1)
            lock[name.lower().replace("_", "-")] = ver.strip()
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze"], capture_output=True, text=True
    ).stdout.splitlines()
    for line in frozen:
        if "==" not in line:
            continue
        name, ver = line.split("==", 1)
        key = name.lower().replace("_", "-")
        if key in ("pip", "setuptools", "wheel"):
            continue
        assert lock.get(key) == ver, f"{name}=={ver} is not what constraints.txt locks"
