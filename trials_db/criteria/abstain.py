"""The abstain rule: a fact in the scope of a cue its rule did not interpret is not read.

Such a fact becomes a ``Review`` leaf with the reason kept for the coordinator, so a reading
that is not certain can never say "doesn't fit". Exclusions that start with "No ..." are read
by one explicit rule (:func:`double_negation`).
"""

from __future__ import annotations

import re

from ..lexicon import load as load_lexicon
from .nlp import Mention
from .predicates import (
    Age,
    All,
    Any_,
    Breastfeeding,
    DiseaseDuration,
    Edss,
    Leaf,
    Node,
    Not,
    Pregnant,
    Relapses,
    Review,
    Subtype,
    Therapy,
    TherapyFailure,
)
from .reader import Reader
from .scope import Cue, adjacent_negation, reason, reason_for

# Which mentions a leaf was read from, and which cues each kind of leaf interprets itself.
_LEAF_LABELS: dict[type, tuple[str, ...]] = {
    Subtype: ("SUBTYPE", "SUBTYPE_GROUP"),
    Edss: ("EDSS",),
    Relapses: ("RELAPSE",),
    Therapy: ("DRUG", "DRUG_CLASS", "NAIVE"),
    TherapyFailure: ("DRUG", "DRUG_CLASS"),
    Pregnant: ("PREGNANCY",),
    Breastfeeding: ("BREASTFEEDING",),
}
_INTERPRETED: dict[type, set[Cue]] = {
    TherapyFailure: {Cue.NEGATED},  # "has not responded to", "failed": the failure rule reads them
    Therapy: {Cue.HISTORICAL},  # "prior", "previous treatment": the therapy rule reads them
}
# Facts read from numbers near a word, not from an entity mention: their cues are found by
# the scope of every cue in the text ("Age not older than 65", "Not diagnosed within 6 months").
_SPAN_LEAVES = (Age, DiseaseDuration)
# A fact right after "no", or before "-free", is plainly denied: read as the opposite fact.
_FLIPPABLE = (Relapses, Pregnant, Breastfeeding)
LEADING_NEGATION = re.compile(r"\s*(?:no|not|without|absence of|free of|never|none)\b", re.I)


def _leaf_mentions(leaf: Leaf, r: Reader) -> list[tuple[Mention, list]]:
    labels = _LEAF_LABELS.get(type(leaf), ())
    source = getattr(leaf, "source", "") or ""
    pos = r.norm.find(source) if source else -1
    start, end = (pos, pos + len(source)) if pos >= 0 else (0, len(r.norm))
    return r.reading.cues_between(labels, start, end)


def _uses(leaf: Leaf, mention: Mention) -> bool:
    """Whether ``leaf`` was read from ``mention`` (a drug or MS course it names)."""
    if isinstance(leaf, (Therapy, TherapyFailure)):
        if mention.label == "DRUG":
            return mention.key in leaf.drugs
        if mention.label == "DRUG_CLASS":
            return mention.key in leaf.classes or bool(
                set(load_lexicon().members(mention.key)) & set(leaf.drugs)
            )
    if isinstance(leaf, Subtype) and mention.label == "SUBTYPE":
        return mention.key in leaf.yes or mention.key in leaf.maybe
    return True


def abstain(node: Node, r: Reader, negated: bool = False) -> Node:
    """The tree with every leaf covered by a cue its rule did not interpret made a Review."""
    if isinstance(node, (All, Any_)):
        return type(node)([abstain(item, r, negated) for item in node.items])
    if isinstance(node, Not):
        inner = abstain(node.item, r, not negated)
        return inner if isinstance(inner, Review) else Not(inner)
    if isinstance(node, _SPAN_LEAVES):
        return _abstain_span(node, r, negated)
    if not isinstance(node, Leaf) or type(node) not in _LEAF_LABELS:
        return node
    for mention, cues in _leaf_mentions(node, r):
        if not _uses(node, mention):
            continue  # the rule left this mention out ("other than natalizumab"): cue read
        for cue in cues:
            if cue.cue in _INTERPRETED.get(type(node), set()):
                continue
            if cue.cue is Cue.NEGATED and negated:
                continue  # the rule read the negation: the tree says "not ..."
            if (
                cue.cue is Cue.NEGATED
                and isinstance(node, _FLIPPABLE)
                and adjacent_negation(r.norm, mention, cues)
                and all(c.cue is Cue.NEGATED for c in cues)
            ):
                return Not(node)
            return Review(topic="uncertain_reading", source=reason(mention, cue)[:200])
    return node


def double_negation(node: Node, r: Reader) -> Node:
    """An exclusion that starts with "No ..." ("No relapse in the 30 days before screening").

    Read literally it would exclude people who did NOT have the fact; it is written to mean
    that a recent relapse, steroid course or treatment excludes. That reading is certain only
    for such a recent event (a fact with a time window): those become the fact itself. Any
    other "No ..." exclusion is left to the study team, never read the opposite way.
    """
    if isinstance(node, (All, Any_)):
        return type(node)([double_negation(item, r) for item in node.items])
    if isinstance(node, Not) and isinstance(node.item, Leaf):
        leaf = node.item
        recent = isinstance(leaf, Relapses) or (isinstance(leaf, Therapy) and leaf.within_months)
        if recent:
            return leaf
        return Review(
            topic="uncertain_reading",
            source=f'"{r.norm.strip()[:60]}" is listed as an exclusion but says "no"',
        )
    return node


def _abstain_span(leaf: Leaf, r: Reader, negated: bool) -> Node:
    """As :func:`abstain`, for a fact found by its words' position rather than a mention."""
    source = getattr(leaf, "source", "") or ""
    pos = r.norm.find(source) if source else -1
    if pos < 0:
        return leaf
    for cue in r.reading.cues_over(pos, pos + len(source)):
        if cue.cue is Cue.NEGATED and negated:
            continue
        return Review(topic="uncertain_reading", source=reason_for(source.strip()[:80], cue)[:200])
    return leaf
