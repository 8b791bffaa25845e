"""The Rasa project files are consistent (`rasa data validate`).

Rasa 3.6's validator warns that every `utter_ask_<slot>` of a form, and every response an
action sends with `response=`, is "not used in any story or rule": it doesn't look inside
forms or actions. Those warnings, and only those, are expected; anything else fails.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from bot.actions.language import RESPONSES as LANGUAGE_RESPONSES
from bot.actions.safety import all_responses as all_safety_responses
from trials_db.safety import SAFETY_INTENTS

ROOT = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).parent / "rasa")


def _responses_used_by_actions() -> set[str]:
    used = set()
    for path in (ROOT / "bot" / "actions").glob("*.py"):
        used |= set(re.findall(r'response="(utter_\w+)"', path.read_text()))
    readers = (ROOT / "trials_db" / "patient_text.py").read_text()  # Invalid(kind) -> its sentence
    used |= {f"utter_invalid_{kind}" for kind in re.findall(r'Invalid\(\s*"(\w+)"', readers)}
    return (
        used | set(all_safety_responses()) | set(LANGUAGE_RESPONSES)
    )  # named by category and language


def test_rasa_data_validate_is_clean():
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    result = subprocess.run(
        [
            RASA,
            "data",
            "validate",
            "--data",
            "bot/data",
            "--config",
            "config.yml",
            "--domain",
            "domain.yml",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    expected = {f"utter_ask_{slot}" for slot in domain["slots"]} | _responses_used_by_actions()
    warnings = re.findall(r"UserWarning: (.*)", output)
    unexplained = []
    for warning in warnings:
        m = re.match(r"The utterance '(\w+)' is not used in any story or rule\.", warning)
        if m and m.group(1) in expected:
            continue
        # The safety intents are set by the safety guard, never learned (no NLU examples).
        m = re.match(
            r"The intent '(\w+)' is listed in the domain file, but is not found in the "
            r"NLU training data\.",
            warning,
        )
        if m and m.group(1) in SAFETY_INTENTS | {"other_language"}:
            continue
        unexplained.append(warning)
    assert unexplained == [], unexplained
    assert "No story structure conflicts found" in output


def test_actions_utter_responses_by_name_never_literal_text():
    """Every sentence a patient reads lives in domain.yml (clinicians review one file): each
    ``utter_message`` in bot/actions names a response and passes no ``text=``."""
    import ast

    calls = 0
    for path in sorted((ROOT / "bot" / "actions").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "utter_message":
                calls += 1
                keywords = {k.arg for k in node.keywords}
                assert "text" not in keywords, f"{path.name}:{node.lineno} sends literal text"
                assert "response" in keywords, f"{path.name}:{node.lineno} names no response"
    assert calls >= 50
