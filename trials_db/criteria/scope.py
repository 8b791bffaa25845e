"""The scope layer: which cues (no, other than, uncertain, planning, during a previous...) cover
each fact a criterion mentions, found once for every mention by medspaCy's ConText.

The cue rules are data (rules/context_rules.json, medspaCy's own format). Field rules in
parser.py read the cues they understand (a negated pregnancy becomes "not pregnant");
:func:`abstain` then turns every leaf whose mention is covered by a cue its rule did not
interpret into "the study team will check", with the reason kept. Never the opposite reading.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from .abbreviation import defined_otherwise
from .nlp import LIST_MARKER, Mention, pipeline

RULES_FILE = Path(__file__).with_name("rules") / "context_rules.json"
_TIME_WORDS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "12", "24"}


class Cue(str, Enum):
    """What a cue does to the fact in its scope (medspaCy ConText categories)."""

    NEGATED = "NEGATED_EXISTENCE"
    CONTRAST = "CONTRAST"
    UNCERTAIN = "POSSIBLE_EXISTENCE"
    HYPOTHETICAL = "HYPOTHETICAL"
    HISTORICAL = "HISTORICAL"
    OTHER_PERSON = "OTHER_EXPERIENCER"
    OTHER_RELATION = "OTHER_RELATION"  # antibodies, allergy, contraindication to a drug
    IRRELEVANT = "IRRELEVANT"  # regardless of, with or without, treated or not: no condition
    REASON = "REASON"  # "discontinued X due to adverse events": why, which a profile does not hold


@dataclass(frozen=True)
class Modifier:
    cue: Cue
    text: str  # the cue's words as written
    start: int  # character offsets in the criterion's text
    end: int
    rule: str = ""  # the literal of its rule in rules/context_rules.json ("" for a built cue)


@dataclass(frozen=True)
class Reading:
    """A criterion's mentions and, for each (by index), the cues whose scope covers it."""

    mentions: list[Mention]
    cues: list[list[Modifier]]
    # Every cue in the text with the character span of its scope, for facts read without an
    # entity mention (ages, disease durations): (cue, scope start, scope end).
    scopes: list[tuple[Modifier, int, int]] = field(default_factory=list)

    def cues_over(self, start: int, end: int) -> list[Modifier]:
        """The cues whose scope covers part of [start, end) and whose words lie outside it."""
        return [
            m
            for m, s, e in self.scopes
            if s < end and start < e and not (start <= m.start and m.end <= end)
        ]

    def cues_between(
        self, labels: tuple[str, ...], start: int, end: int
    ) -> list[tuple[Mention, list[Modifier]]]:
        """Mentions with one of ``labels`` inside [start, end), with their cues."""
        return [
            (m, c)
            for m, c in zip(self.mentions, self.cues)
            if m.label in labels and m.start >= start and m.end <= end
        ]


@functools.lru_cache(maxsize=1)
def _context_pipeline():
    """The shared entity-ruler pipeline plus a sentencizer and ConText with our rules."""
    nlp = pipeline()
    if "medspacy_context" not in nlp.pipe_names:
        import medspacy.context  # noqa: F401  registers the "medspacy_context" factory
        from medspacy.context import context_graph, context_modifier

        # medspaCy 1.3.1's tuple_overlaps misses a span that lies wholly inside the other, so a
        # terminating cue ("who", "but") never ends a cue scope shorter than its sentence:
        # "women of child-bearing potential who are pregnant" read "pregnant" as hypothetical.
        context_modifier.tuple_overlaps = _overlaps
        context_graph.tuple_overlaps = _overlaps

        nlp.add_pipe("sentencizer", before="entity_ruler")
        nlp.add_pipe("medspacy_context", config={"rules": str(RULES_FILE)})
    return nlp


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two [start, end) spans share a token (also when one contains the other)."""
    return a[0] < b[1] and b[0] < a[1]


def read(text: str) -> Reading:
    """Mentions of ``text`` (as nlp.mentions finds them) and the cues covering each."""
    doc = _context_pipeline()(text)
    mentions, cues = [], []
    for ent in doc.ents:
        if ent.label_ in ("DRUG", "DRUG_CLASS") and defined_otherwise(
            text, ent.start_char, ent.end_char, ent.ent_id_
        ):
            continue  # "Radiotherapy (RTX)": the criterion's own word, not rituximab
        mention = Mention(ent.label_, ent.ent_id_, ent.start_char, ent.end_char, ent.text)
        mentions.append(mention)
        found = [
            kept
            for kept in (_kept(doc, mod) for mod in getattr(ent._, "modifiers", ()) or ())
            if kept is not None and _reaches(text, kept, mention.start, mention.end)
        ]
        cues.append(nearest_cues(text, mention, found))
    scopes = []
    for mod in (
        getattr(doc._, "context_graph", None).modifiers
        if getattr(doc._, "context_graph", None)
        else ()
    ):
        kept = _kept(doc, mod)
        if kept is not None:
            s, e = mod.scope_span
            start = doc[s:e].start_char if e > s else kept.start
            end = doc[s:e].end_char if e > s else kept.end
            bracket = _bracket_around(text, kept) if kept.cue is Cue.OTHER_PERSON else None
            if bracket is not None:  # "(at least one affected relative)": the bracket only
                start, end = max(start, bracket[0]), min(end, bracket[1])
            scopes.append((kept, start, end))
    return Reading(mentions, cues, scopes)


def _bracket_around(text: str, cue: Modifier) -> tuple[int, int] | None:
    """The [start, end) of the innermost round bracket holding the cue's words, if any."""
    opened = text.rfind("(", 0, cue.start)
    if opened < 0 or ")" in text[opened : cue.start]:
        return None
    closed = text.find(")", cue.end)
    return (opened, closed + 1) if closed >= 0 and "(" not in text[cue.end : closed] else None


def _reaches(text: str, cue: Modifier, start: int, end: int) -> bool:
    """Whether the cue may cover a fact at [start, end): another person named inside a bracket
    ("Patients with familial MS (at least one affected relative), aged 18 to 65") is the
    bracket's matter, not the facts outside it."""
    if cue.cue is not Cue.OTHER_PERSON:
        return True
    bracket = _bracket_around(text, cue)
    return bracket is None or (bracket[0] <= start and end <= bracket[1])


def _kept(doc, mod) -> Modifier | None:
    """The cue as a Modifier, unless it is no real cue here (pseudo cues, a time window)."""
    if str(getattr(mod, "direction", "")).upper().endswith("PSEUDO"):
        return None  # "non-active": medspaCy's pseudo cue, which covers nothing
    try:
        cue = Cue(mod.category)
    except ValueError:
        return None
    start, end = mod.modifier_span
    span = doc[start:end]
    if cue is Cue.HISTORICAL and _before_a_time_span(doc, span.end):
        return None
    if _pseudo(doc, cue, start, end):
        return None
    return Modifier(cue, span.text, span.start_char, span.end_char, mod.rule.literal)


def _pseudo(doc, cue: Cue, start: int, end: int) -> bool:
    """Cue words that do not do what they seem to: "including but not limited to", "treated or
    not", "monoclonal antibody" (a drug class, not antibodies against a drug)."""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    if cue in (Cue.NEGATED, Cue.IRRELEVANT) and doc[end - 1].lower_ == "without":
        # "walk 100 m without assistance (EDSS <= 5.5)", "with or without unilateral aid": the
        # walking aid is what is absent, no fact the criterion names
        nxt = [t.lower_ for t in doc[end : end + 4] if not t.is_punct]
        if any(word in _WALKING_AIDS for word in nxt[:3]):
            return True
    if cue is Cue.NEGATED and doc[start].lower_ == "not":
        return (
            after in ("limited", "only", "necessarily", "exclusively", "restricted")
            or before == "or"
        )
    if cue is Cue.HISTORICAL and after in (
        "dose",
        "doses",
        "infusion",
        "injection",
        "administration",
        "visit",
    ):
        return True  # "for 30 days after their last dose": a date in the study, not a past event
    if cue is Cue.HYPOTHETICAL and doc[start].lower_ == "potential":
        return before in (
            "bearing",
            "childbearing",
            "reproductive",
            "fertile",
        )  # "of child-bearing potential"
    if cue is Cue.OTHER_PERSON and doc[start].lower_ in ("mother", "mothers"):
        # "Breast-feeding mothers", "nursing or pregnant mothers": the women themselves
        return before in (
            "feeding",
            "breastfeeding",
            "nursing",
            "lactating",
            "pregnant",
            "expectant",
        )
    if cue is Cue.OTHER_RELATION:
        # "an anti-CD20 antibody", "monoclonal antibodies": a drug class, not antibodies against
        # a drug
        return before in (
            "monoclonal",
            "therapeutic",
            "humanized",
            "humanised",
            "chimeric",
        ) or bool(re.fullmatch(r"anti-?\w*|cd\d+|integrin", before))
    return False


_WALKING_AIDS = {
    "assistance",
    "aid",
    "aids",
    "help",
    "support",
    "rest",
    "device",
    "devices",
    "cane",
    "stick",
    "crutch",
    "crutches",
    "walker",
}


def _before_a_time_span(doc, token_end: int) -> bool:
    nxt = [t for t in doc[token_end : token_end + 2]]
    return any(t.like_num or t.lower_ in _TIME_WORDS for t in nxt)


def adjacent_negation(
    text: str, mention: Mention, modifiers: list[Modifier], others: tuple[Mention, ...] = ()
) -> bool:
    """True for a plain negation right at the fact: "no relapse", "relapse-free", "not pregnant",
    or at a list of such facts ("no pregnant or nursing women": ``others`` are skipped over).

    Only these are read as the opposite fact; a negation further away is left to abstain.
    """
    chars = list(text)
    for other in others:
        chars[other.start : other.end] = " " * (other.end - other.start)
    text = "".join(chars)
    for mod in modifiers:
        if mod.cue is not Cue.NEGATED:
            continue
        if mod.text.endswith(":") and mod.end <= mention.start:
            # a negated list head ("must not have any of the following:"): adjacent to the
            # fact that opens its own item
            item = max(
                [mod.end] + [m.end() for m in _ITEM_START.finditer(text, mod.end, mention.start)]
            )
            if _FILLER.fullmatch(text[item : mention.start] + " "):
                return True
            continue
        between = (
            text[mod.end : mention.start]
            if mod.end <= mention.start
            else text[mention.end : mod.start]
        )
        if _FILLER.fullmatch(between + " "):
            return True
    return False


# Words that may stand between a negation and the fact it denies: "no evidence of a relapse".
_FILLER = re.compile(
    r"[\s\-]*(?:(?:evidence|signs?|history|episodes?|use|clinical|ms|new|had|have|has|experienced|"
    r"definite|documented|current(?:ly)?|of|any|a|an|the|women|woman|patients?|subjects?|or|and|"
    r"and/or|be|being)[\s\-]+)*",
    re.I,
)
# Where a list's item opens: a new line (with its marker) or a semicolon.
_ITEM_START = re.compile(rf"\n\s*{LIST_MARKER}?\s*|;\s*", re.I)


# A new item of a list: what ends a farther cue's scope at a nearer negation of its own.
_NEW_ITEM = re.compile(r"[,;]|\b(?:and|or|and/or|nor)\b", re.I)


def nearest_cues(text: str, mention: Mention, modifiers: list[Modifier]) -> list[Modifier]:
    """The cues that govern ``mention``: a farther forward cue ends where a new list item opens
    with a negation of its own right at the fact ("not planning pregnancy and not lactating":
    "planning" is not about the lactating, "not" is). Without such an item all cues stay."""
    near = [
        mod
        for mod in modifiers
        if mod.cue is Cue.NEGATED
        and mod.end <= mention.start
        and adjacent_negation(text, mention, [mod])
    ]
    if not near:
        return modifiers
    cut = max(mod.start for mod in near)
    return [
        mod for mod in modifiers if not (mod.end <= cut and _NEW_ITEM.search(text[mod.end : cut]))
    ]


def reason(mention: Mention, modifier: Modifier) -> str:
    """The reason kept for the coordinator: which cue made the reading uncertain."""
    return reason_for(mention.text, modifier)


def reason_for(target: str, modifier: Modifier) -> str:
    """The same, for any words a fact was read from ("aged 8 to 18")."""
    words = {
        Cue.NEGATED: "a negation",
        Cue.CONTRAST: "an exception",
        Cue.UNCERTAIN: "a doubt",
        Cue.HYPOTHETICAL: "a possibility, not a fact",
        Cue.HISTORICAL: "a past event",
        Cue.OTHER_PERSON: "another person",
        Cue.OTHER_RELATION: "not about taking it",
        Cue.IRRELEVANT: "it may not matter",
        Cue.REASON: "a reason your answers do not give",
    }[modifier.cue]
    return f'"{modifier.text}" ({words}) applies to "{target}"'
