"""The abstain rule: a fact in the scope of a cue its rule did not interpret is not read.

Such a fact becomes a ``Review`` leaf with the reason kept for the coordinator, so a reading
that is not certain can never say "doesn't fit". Exclusions that start with "No ..." are read
by one explicit rule (:func:`double_negation`).
"""

from __future__ import annotations

import re

from ..eligibility import INCLUSION
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
from .reader import HEADING, RESTATED_BAR_RULES, Reader
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
# "No more than 3 months", "not older than 65": a bound, not a denial.
LEADING_NEGATION = re.compile(
    # "Lack of efficacy on X" says a failure, not a denial.
    r"\s*(?:no|not|without|absence of|free of|never|none|"
    r"lack of(?!\s+(?:efficacy|response|benefit|effect)\b)|lacking|neither)\b"
    r"(?!\s+(?:more|less|greater|fewer|older|younger|later|earlier|longer|shorter|higher|lower)\b)",
    re.I,
)


def opening_negation(text: str) -> re.Match | None:
    """The negation that opens a criterion, after its own heading if it has one."""
    head = LEADING_NEGATION.match(text)
    if head:
        return head
    heading = HEADING.match(text)
    return LEADING_NEGATION.match(text, heading.end()) if heading else None


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
    used = [(m, cues) for m, cues in _leaf_mentions(node, r) if _uses(node, m)]
    if r.kind == INCLUSION and any(c.rule in RESTATED_BAR_RULES for _, cues in used for c in cues):
        return _barred(node, r, used, negated)
    for mention, cues in used:
        for cue in cues:
            if cue.cue in _INTERPRETED.get(type(node), set()) or cue.start in r.read_cues:
                continue
            if cue.cue is Cue.NEGATED and negated:
                continue  # the rule read the negation: the tree says "not ..."
            if cue.cue is Cue.CONTRAST and negated and isinstance(node, Subtype):
                continue  # "any MS except PPMS": the rule read the exception as "not PPMS"
            if (
                cue.cue is Cue.NEGATED
                and isinstance(node, _FLIPPABLE)
                and adjacent_negation(r.norm, mention, cues)
                and all(c.cue is Cue.NEGATED for c in cues)
            ):
                return Not(node)
            return Review(topic="uncertain_reading", source=reason(mention, cue)[:200])
    return node


def _barred(node: Leaf, r: Reader, used: list, negated: bool) -> Node:
    """An inclusion that bars its facts after them ("Patients who failed interferon are not
    eligible", "People with PPMS cannot take part"): read as the exclusion it is, the fact
    denied (once: a rule that read the bar as its negation already did). A leaf read also from
    words the bar does not cover ("RRMS only; SPMS patients ... do not qualify"), or with any
    other cue on its fact, is left to the team."""
    bars = [c for _, cues in used for c in cues if c.rule in RESTATED_BAR_RULES]
    every = all(any(c.rule in RESTATED_BAR_RULES for c in cues) for _, cues in used)
    others = [
        c
        for _, cues in used
        for c in cues
        if c.rule not in RESTATED_BAR_RULES
        and c.start not in r.read_cues
        and c.cue not in _INTERPRETED.get(type(node), set()) - {Cue.NEGATED}
    ]
    if others or not every:
        return Review(
            topic="uncertain_reading", source=reason_for(node.source or "", bars[0])[:200]
        )
    return node if negated else Not(node)  # denied already: the rule read the bar itself


def leading_negation_reach(node: Node, r: Reader) -> Node:
    """A criterion that opens with "No ..." denies its whole first sentence, relative clauses
    included: "No female subjects who are currently breastfeeding". The cue's scope stops at
    "who" (or after a few words), so a fact past it reads as if nothing denied it, the
    opposite of what is meant. Such a fact, read without a negation, is left to the study team.
    """
    head = opening_negation(r.norm)
    if not head:
        return node
    cue_end = head.end()
    reach = max(
        (e for m, _, e in r.reading.scopes if m.cue is Cue.NEGATED and m.start < cue_end),
        default=cue_end,
    )
    _, sentence_end = r.sentence_around(0)
    return _beyond_reach(node, r, reach, sentence_end, r.norm[:cue_end].strip(), False)


def contrast_reach(node: Node, r: Reader) -> Node:
    """An exception ("except", "other than", "excluding") whose scope a relative clause cut
    short: "Women of any age except those who are pregnant" read "pregnant" as required. A
    fact past that reach, in the same sentence and read undenied, is left to the study team."""
    for cue, _, reach in r.reading.scopes:
        if cue.cue is not Cue.CONTRAST:
            continue
        _, sentence_end = r.sentence_around(cue.start)
        node = _beyond_reach(
            node, r, reach, sentence_end, cue.text, False, '"{cue}" before it may except "{fact}"'
        )
    return node


def _beyond_reach(
    node: Node,
    r: Reader,
    reach: int,
    end: int,
    cue: str,
    negated: bool,
    why: str = '"{cue}" at the start may deny "{fact}"',
) -> Node:
    if isinstance(node, (All, Any_)):
        return type(node)([_beyond_reach(x, r, reach, end, cue, negated, why) for x in node.items])
    if isinstance(node, Not):
        inner = _beyond_reach(node.item, r, reach, end, cue, not negated, why)
        return inner if isinstance(inner, Review) else Not(inner)
    if negated or not isinstance(node, Leaf) or isinstance(node, Review):
        return node
    source = getattr(node, "source", "") or ""
    pos = r.norm.find(source) if source else -1
    if pos < 0:  # a source joined from several mentions ("SPMS, PPMS"): where the first is
        labels = _LEAF_LABELS.get(type(node), ())
        pos = min((m.start for m in r.found if m.label in labels and _uses(node, m)), default=-1)
    if reach <= pos < end:
        return Review(
            topic="uncertain_reading",
            source=why.format(cue=cue, fact=source.strip()[:80])[:200],
        )
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
        # A relapse in a long window ("No relapse within the 24 months before screening") may
        # be the literal reading, a requirement of disease activity: only a short one (3 months
        # or less, a stability window) is surely written to exclude a recent relapse.
        recent = (isinstance(leaf, Relapses) and leaf.months is not None and leaf.months <= 3) or (
            isinstance(leaf, Therapy) and leaf.within_months
        )
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
