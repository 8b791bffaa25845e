"""An MS course named as the frame of an exclusion, not as the excluded fact.

"Diagnosis of MS made less than 6 months before screening": the exclusion is about how recent
the diagnosis is; read as "MS excludes", it would turn away every patient of an MS study.
"Onset of a relapse in the 30 days before screening, in patients with RRMS": RRMS says whom
the rule is for; read as "RRMS excludes", it would turn away every RRMS patient without a
relapse. So, in an exclusion:

- the diagnosis of MS itself (any course), named beside another fact, is not an excluded
  fact: it is left to the study team with the reason. Alone it stays one ("Fulfils the
  diagnosis of MS" excludes in a study of people with CIS or RIS), and so does a denial;
- a course named as the group the rule applies to ("in patients with RRMS", "among SPMS
  participants") excludes only together with the other facts: All, not Any.
"""

from __future__ import annotations

import re

from ..lexicon import load as load_lexicon
from .predicates import All, Any_, Leaf, Node, Not, Review, Subtype
from .reader import Reader

_PEOPLE = r"(?:patients?|participants?|subjects?|people|those|individuals?|persons?|cases?)"
_SUBGROUP_BEFORE = re.compile(
    rf"\b(?:in|for|among|amongst)\s+(?:the\s+)?(?:{_PEOPLE}\s+(?:with|who have|having)\s+)?$",
    re.I,
)
_SUBGROUP_AFTER = re.compile(rf"^\s*{_PEOPLE}\b", re.I)


def is_ms_itself(leaf: Leaf) -> bool:
    """A Subtype leaf that stands for the diagnosis of MS (the lexicon's "ms" group)."""
    group = load_lexicon().groups.get("ms")
    return isinstance(leaf, Subtype) and group is not None and set(leaf.yes) == set(group.yes)


def _subgroup(leaf: Subtype, r: Reader) -> bool:
    """Whether a course of ``leaf`` is named as the people the rule is for ("in patients with
    RRMS", "among SPMS participants")."""
    for m in r.of("SUBTYPE", "SUBTYPE_GROUP"):
        if m.label == "SUBTYPE" and m.key not in leaf.yes and m.key not in leaf.maybe:
            continue
        before = r.norm[max(0, m.start - 45) : m.start]
        if _SUBGROUP_BEFORE.search(before) and (
            _SUBGROUP_AFTER.match(r.norm[m.end :]) or re.search(rf"\b{_PEOPLE}\b", before, re.I)
        ):
            return True
    return False


def _frame_leaf(leaf: Subtype) -> Node:
    if is_ms_itself(leaf):
        return Review(
            topic="uncertain_reading",
            source=f'"{leaf.source}" names the disease of the study, not an exclusion'[:200],
        )
    return leaf


def frame_of_exclusion(node: Node, r: Reader) -> Node:
    """The exclusion tree with MS named as its frame read as such (see the module)."""
    if isinstance(node, Not):
        return node  # "no diagnosis of MS": a reading of its own
    if not isinstance(node, (All, Any_)):
        return node
    alone = not any(
        isinstance(x, Leaf) and not isinstance(x, (Review, Subtype)) for x in node.items
    )
    if alone:  # MS with no other fact is the excluded fact ("Fulfils the diagnosis of MS")
        items = list(node.items)
    else:
        items = [
            _frame_leaf(x) if isinstance(x, Subtype) else frame_of_exclusion(x, r)
            for x in node.items
        ]
    groups = [x for x in items if isinstance(x, Subtype) and _subgroup(x, r)]
    others = [x for x in items if x not in groups]
    facts = [x for x in others if not isinstance(x, Review)]
    if isinstance(node, Any_) and groups and facts:
        rest = others[0] if len(others) == 1 else Any_(others)
        return All([*groups, rest])  # "relapse in 30 days, in patients with RRMS": both
    return type(node)(items)
