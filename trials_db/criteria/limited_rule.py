"""A criterion that binds no one, or only people the profile cannot pick out: struck out by an
amendment, or limited to a country, site, cohort or an earlier protocol version. Such a line is
left to the study team; a label that says it holds for everyone is blanked and the rule read.
Rules: lexicon/limited_rules.yml."""

from __future__ import annotations

import functools
import re

from ..lexicon import any_of, load as load_lexicon, rule_file


def _doc() -> dict:
    return rule_file("limited_rules")


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    return {part: any_of(_doc()[part]) for part in ("deleted", "label", "all")}


def deleted(text: str) -> bool:
    """Whether the criterion says it was deleted or no longer applies."""
    return _rules()["deleted"].search(text) is not None


def scope_label(text: str) -> re.Match[str] | None:
    """The leading label that limits the rule to some cohort, site, country or protocol
    version ("Cohort B only:", "At US sites:"), or None."""
    label = _rules()["label"].match(text)
    if label is not None:
        return label
    only = re.match(_doc()["place_only"], text, re.I)
    place = only.group("place").strip().lower() if only else ""
    # a place the profile cannot hold ("Germany only:"), not a person ("For women only:")
    if place and (load_lexicon().country(place) or place in _doc()["regions"]):
        return only
    return None


def for_everyone(label: str) -> bool:
    """Whether a scope label says the rule holds for all ("For all participants, regardless of
    cohort or country:")."""
    return _rules()["all"].search(label) is not None
