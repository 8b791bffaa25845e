"""One declaration of the profile fields (trials_db/lexicon/profile_fields.yml): everything that
restates them is checked against it, so a field added in one place only fails here (issue 13)."""

from __future__ import annotations

import dataclasses
import re

import yaml

from bot.actions import screening, session, wording
from trials_db import slot_values as slots
from review import conversation
from trials_db.fields import fields, follow_ups, slot_fields
from trials_db.matching.questions import QUESTION_ORDER
from trials_db.profile import Profile

from .conftest import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())
CONTRACT = (ROOT / "docs" / "conversation-record.md").read_text()


def test_every_slot_field_is_a_domain_slot_and_in_the_contract():
    for name in slot_fields():
        assert name in DOMAIN["slots"], f"{name} is declared but domain.yml has no slot"
        assert DOMAIN["slots"][name]["influence_conversation"] is False
        assert re.search(rf"`{name}`", CONTRACT), f"{name} is not in docs/conversation-record.md"


def test_every_profile_attribute_is_declared_and_every_declared_one_exists():
    declared = {f.profile for f in fields().values() if f.profile}
    attributes = {f.name for f in dataclasses.fields(Profile)}
    assert declared == attributes


def test_the_bot_and_the_review_app_derive_from_the_declaration():
    assert set(slots.PROFILE_SLOTS) <= set(slot_fields())
    assert slots.FOLLOW_UPS == follow_ups()
    assert set(screening.SLOT_WORDS) == set(fields())
    assert all(f.profile in wording.MISSING_WORDS for f in fields().values() if f.profile)
    assert set(QUESTION_ORDER) == {f.profile for f in fields().values() if f.profile} - {
        "edss_is_estimate",
        "edss_range",
    }
    assert (
        conversation.PROFILE_SLOTS == slot_fields()
    )  # the coordinators see every field the bot sets
    assert set(conversation.PROFILE_LABELS) == set(slot_fields())
    assert set(slot_fields()) <= set(session.RESET_SLOTS)  # "start over" forgets every one


def test_every_slot_an_action_sets_is_declared_or_known_conversation_state():
    """A SlotSet in bot/actions for a slot that is neither a declared field nor conversation
    state."""
    state = set(conversation.NON_PROFILE_SLOTS) | {
        "results_shown",
        "walk_aid",
        "walk_distance",
        "ms_impact",
        "contact_trials",
        "contact_name",
        "contact_detail",
        "language",
        "safety_kind",
        "delete_requested",
    }
    source = "\n".join(p.read_text() for p in (ROOT / "bot" / "actions").glob("*.py"))
    set_names = set(re.findall(r'SlotSet\("([a-z_]+)"', source))
    unknown = set_names - set(slot_fields()) - state
    assert not unknown, f"set by an action but not declared: {sorted(unknown)}"
