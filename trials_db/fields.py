"""The profile fields, declared once (lexicon/profile_fields.yml), and what derives from them:
slot names, follow-up questions, the question order, the phrases the bot says and the
coordinators' labels. Plain data, no Rasa import."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

FIELDS_FILE = Path(__file__).resolve().parent / "lexicon" / "profile_fields.yml"
ASKED = ("always", "when_needed", "follow_up", "last", "volunteered")


@dataclass(frozen=True)
class Field:
    name: str
    slot: bool
    profile: str | None  # the Profile attribute, or None for conversation-only fields
    asked: str
    words: str
    missing: str
    label: str


@functools.lru_cache(maxsize=1)
def fields() -> dict[str, Field]:
    """Every field, in question order."""
    doc = yaml.safe_load(FIELDS_FILE.read_text(encoding="utf-8"))
    out = {}
    for name, f in doc["fields"].items():
        if f["asked"] not in ASKED:
            raise ValueError(
                f"profile_fields.yml: {name} has asked={f['asked']!r}, not one of {ASKED}"
            )
        out[name] = Field(
            name,
            bool(f["slot"]),
            f["profile"] or None,
            f["asked"],
            f["words"],
            f["missing"],
            f["label"],
        )
    return out


def slot_fields() -> tuple[str, ...]:
    """Fields the bot keeps in slots, in question order."""
    return tuple(n for n, f in fields().items() if f.slot)


def profile_slots() -> tuple[str, ...]:
    """Slots that map one to one onto a Profile attribute of the same name."""
    return tuple(n for n, f in fields().items() if f.slot and f.profile == n)


def follow_ups() -> tuple[str, ...]:
    return tuple(n for n, f in fields().items() if f.asked == "follow_up")


def question_order() -> tuple[str, ...]:
    """Profile facts in the order a person would expect them (ties between useful questions)."""
    return tuple(
        f.profile
        for f in fields().values()
        if f.profile and f.profile not in ("edss_is_estimate", "edss_range")
    )


def words() -> dict[str, str]:
    return {n: f.words for n, f in fields().items()}


def missing_words() -> dict[str, str]:
    return {(f.profile or n): f.missing for n, f in fields().items()}


def labels() -> dict[str, str]:
    return {n: f.label for n, f in fields().items()}
