"""Between the conversation's slots (a plain mapping) and trials_db profiles: the slot
vocabulary and its conversion. No Rasa import: the bot's actions and the tests share it."""

from __future__ import annotations

import logging
import math
from typing import Any, Mapping

from .fields import follow_ups, profile_slots
from .profile import NEVER, Profile, ProfileError

log = logging.getLogger(__name__)

SKIPPED = "skipped"  # the person chose not to answer; the field stays unknown
NEVER_SLOT = "never"  # JSON-safe stand-in for math.inf in months_since_* slots
ESTIMATED = "estimated"  # edss slot when the score was estimated from walking questions

# Declared once in trials_db/lexicon/profile_fields.yml.
PROFILE_SLOTS = profile_slots()
# Questions that depend on what the candidate studies check (asked only when they matter).
FOLLOW_UPS = follow_ups()


def known(value: Any) -> bool:
    return value is not None and value != SKIPPED


def to_slot(value: Any) -> Any:
    """A profile value as a JSON-safe slot value (infinity becomes "never")."""
    if isinstance(value, float) and math.isinf(value):
        return NEVER_SLOT
    return value


def profile_from_slots(slots: Mapping[str, Any]) -> Profile:
    """The profile the slots describe; skipped or unusable values become unknown (None)."""
    data: dict[str, Any] = {}
    for name in PROFILE_SLOTS:
        value = slots.get(name)
        if not known(value):
            continue
        if value == NEVER_SLOT:
            value = NEVER
        data[name] = value
    if data.get("edss") == ESTIMATED:
        data.pop("edss")
    if "edss_range" in data:
        data["edss_range"] = tuple(data["edss_range"])
    data["edss_is_estimate"] = bool(data.get("edss_is_estimate"))
    home = slots.get("home_place")
    if isinstance(home, dict):
        if home.get("lat") is not None and home.get("lon") is not None:
            data["home"] = (home["lat"], home["lon"])
        if home.get("country") and "country" not in data:
            data["country"] = home["country"]
    try:
        return Profile.from_dict(data)
    except (ProfileError, TypeError, ValueError) as exc:
        # A slot set by hand or by an older version: drop what is invalid rather than fail.
        log.warning("profile from slots failed validation: %s", type(exc).__name__)
        safe = {}
        for key, value in data.items():
            try:
                Profile.from_dict({**safe, key: value})
                safe[key] = value
            except (ProfileError, TypeError, ValueError):
                continue
        return Profile.from_dict(safe)
