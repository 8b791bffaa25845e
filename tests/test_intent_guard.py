"""The control-intent guard: nonsense never stops, restarts or skips the screening, and every
way of saying so that the bot was trained on still does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.intent_guard import cue_patterns, guard, has_cue

ROOT = Path(__file__).resolve().parent.parent
ENTITY = re.compile(r"\[([^\]]+)\](?:\([^)]*\)|\{[^}]*\})")
MASHES = [
    "asdfgh",
    "blah blah",
    "dfjkdfjk",
    "kjhkjh",
    "qwerty",
    "zzzz",
    "lorem ipsum",
    "xyz",
    "hmm",
    "???",
    "ok then",
    "banana",
    "🙂🙂",
    "3.5",
    "Zorblax",
]


def training_examples() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted((ROOT / "bot" / "data" / "nlu").glob("*.yml")):
        for item in yaml.safe_load(path.read_text()).get("nlu", []):
            if "intent" in item:
                lines = [
                    ENTITY.sub(r"\1", line.strip()[2:])
                    for line in item["examples"].splitlines()
                    if line.strip().startswith("- ")
                ]
                found.setdefault(item["intent"], []).extend(lines)
    return found


def classified(text: str, intent: str, confidence: float = 0.6) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence})
    message.set("intent_ranking", [{"name": intent, "confidence": confidence}])
    return message


@pytest.mark.parametrize("intent", sorted(cue_patterns()))
def test_every_training_example_of_a_guarded_intent_has_a_cue(intent):
    examples = training_examples()[intent]
    assert len(examples) >= 10
    assert [e for e in examples if not has_cue(intent, e)] == []


@pytest.mark.parametrize("intent", sorted(cue_patterns()))
@pytest.mark.parametrize("text", MASHES)
def test_nonsense_guessed_as_a_control_intent_becomes_not_understood(intent, text):
    message = classified(text, intent, 0.57)
    assert guard(message) is True
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 0.57}
    assert message.get("intent_ranking")[0]["name"] == "nlu_fallback"
    assert message.get("intent_ranking")[1]["name"] == intent  # what DIET said stays visible


@pytest.mark.parametrize(
    "text, intent",
    [
        ("Stop, please", "stop"),
        ("I'm done", "stop"),
        ("I don’t want to go on", "stop"),
        ("can we begin again?", "start_over"),
        ("Skip!", "skip"),
        ("I'd rather not say", "skip"),
        ("Bye!", "goodbye"),
        ("please ERASE what I said", "delete_my_data"),
    ],
)
def test_real_requests_keep_their_intent(text, intent):
    message = classified(text, intent)
    assert guard(message) is False
    assert message.get("intent")["name"] == intent


@pytest.mark.parametrize(
    "text, intent",
    [
        ("/stop", "stop"),
        ("/skip", "skip"),
        ("asdfgh", "affirm"),
        ("asdfgh", "inform"),
        ("asdfgh", "nlu_fallback"),
    ],
)
def test_payloads_and_other_intents_are_left_alone(text, intent):
    message = classified(text, intent)
    assert guard(message) is False
    assert message.get("intent")["name"] == intent


def test_the_guard_runs_after_the_fallback_classifier():
    names = [c["name"] for c in yaml.safe_load((ROOT / "config.yml").read_text())["pipeline"]]
    assert names.index("bot.nlu.intent_guard.ControlIntentGuard") > names.index(
        "FallbackClassifier"
    )


@pytest.mark.parametrize("text", ["x" * 5000, "aaa aaa", "zzzz", "🙂🙂🙂", "", "?!"])
def test_a_message_without_a_real_word_is_not_understood_whatever_the_guess(text):
    message = classified(text, "ask_ms_types", 0.9)
    assert guard(message)
    assert message.get("intent")["name"] == "nlu_fallback"


@pytest.mark.parametrize("text", ["40", "I'm 34", "ok", "no", "я не знаю", "我不知道"])
def test_short_real_answers_keep_their_intent(text):
    message = classified(text, "inform", 0.9)
    guard(message)
    assert message.get("intent")["name"] == "inform"
