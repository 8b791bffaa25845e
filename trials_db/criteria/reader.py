"""One criterion being read: its normalised text, the fact mentions and cues found in it,
and which spans the fact rules have used (the rest goes to the study team)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..eligibility import EXCLUSION
from . import quantities as q
from .nlp import LIST_MARKER, Mention, capitalise_abbreviations, one_case
from .predicates import Node
from .scope import Cue, Modifier, Reading, read


_NOTE = re.compile(
    r"(NOTE:\s*)?Other (protocol[- ]defined\s+)?"
    r"(inclusion|exclusion|inclusion/exclusion|inclusion and exclusion)\s+criteria\s+"
    r"(may\s+)?apply(\s+as per protocol)?\.?",
    re.I,
)

# A list marker the splitter left at the head ("* ", "3. ", "b) ", "(ii) "): not part of the text.
# A negation just before a word that denies ("not treatment-naive", "non-naive", "have not
# been relapse-free", "never been treatment-naive").
_DENIED_DENIAL = re.compile(
    r"\b(?:not|never|non)(?:[\s-]+(?:been|be|being|remained|stayed|fully|completely|yet))?"
    r"[\s-]*$",
    re.I,
)
_MARKER = re.compile(rf"\A\s*{LIST_MARKER}\s+", re.I)
# A denial denied, said at once: "Not without prior exposure to X" is prior exposure to X, "not
# never treated" is treated, "not unwilling to use" is willing, "no lack of a confirmed
# diagnosis" is a confirmed diagnosis. Read as said plainly (the words padded, positions kept).
_NOT_WITHOUT = re.compile(r"\bnot\s+(without|never|unwilling)\b|\bno\s+lack\s+of\b", re.I)
_PLAINLY = {"without": "with", "never": "ever", "unwilling": "willing"}


def _denial_denied_plainly(m: re.Match) -> str:
    return _PLAINLY.get((m.group(1) or "").lower(), "").rjust(len(m.group(0)))


# A course's activity written as a letter before it: "aSPMS", "rSPMS" (active), "nrSPMS",
# "naSPMS" (non-active).
_ACTIVITY_LETTER = re.compile(r"\b(a|r|n|na|nr)((?:SP|PP)MS)\b")


# A criterion's own heading before its words ("Biologic therapy: No prior natalizumab",
# "Chemotherapy: No concomitant chemotherapy"): a label, not a fact.
HEADING = re.compile(r"\s*[A-Za-z][\w /-]{0,40}:\s+")
# The words of an exception ("unless using contraception", "except where stopped 8 weeks
# before"): the one spelling the fact rules read exceptions with.
UNLESS = r"(?:unless|except\s+(?:where|when|if))"
_LIST_HEAD_COLON = re.compile(
    r"\b(?:none|neither|any|either|all|each|one|both) of(?: the following| these| them)?\s*:", re.I
)


# A list head that denies what it lists: "Patients must NOT have any of the following:", "have
# received none of:", "No history of:" - its colon opens items on the lines after it.
_NEGATED_LIST_HEAD = re.compile(
    r"(?:^|(?<=[.;\n]))[^.;:\n]*?\b(?:no|not|never|none|neither|without|absence|free of|"
    r"cannot|can ?not)\b[^.;:\n]{0,60}:"
    rf"(?=\s*(?:\n|{LIST_MARKER}\s))"
    # ... or with its items on the same line, when the head itself says "none of" / "not ...
    # any of the following": "None of the following in the 3 months before Day 1: a relapse, ..."
    r"|(?:^|(?<=[.;\n]))[^.;:\n]*?\b(?:(?:none|neither)\s+of|(?:no|not|never)\b[^.;:\n]{0,30}"
    r"\bany\s+of\s+the\s+following)\b[^.;:\n]{0,60}:",
    re.I,
)


# A bar said after its facts ("... are not eligible", "... will be excluded", "... cannot
# participate"): the scope rules of these literals in rules/context_rules.json.
RESTATED_BAR_RULES = frozenset({"are not eligible", "are ineligible", "cannot take part"})
# A permission said after its facts ("Relapsing MS patients are not excluded", "CIS is
# accepted"): under Exclusion, the facts it covers are let in, not barred.
PERMISSION_RULES = frozenset(
    {"are not excluded", "is accepted", "are also eligible", "may also participate"}
)


def _without_restated_bars(reading: Reading) -> Reading:
    """Under Exclusion, "females that are pregnant or breastfeeding are excluded" restates the
    heading: such a cue turns nothing around, so it is dropped (under Inclusion it stays, and
    the facts it covers abstain)."""

    def bar(m: Modifier) -> bool:
        return m.rule in RESTATED_BAR_RULES

    return Reading(
        reading.mentions,
        [[c for c in cues if not bar(c)] for cues in reading.cues],
        [(m, s, e) for m, s, e in reading.scopes if not bar(m)],
    )


def _denied_items(text: str, reading: Reading) -> Reading:
    """Every fact listed under a negated head carries the head's negation, as if written before
    each item ("must NOT have any of the following: - relapse in the 30 days ..." denies the
    relapse). ConText's window stops a few words after the cue, so the items were read as
    required: the opposite of what the head says."""
    heads = list(_NEGATED_LIST_HEAD.finditer(text))
    if not heads:
        return reading
    cues = [list(c) for c in reading.cues]
    scopes = list(reading.scopes)
    for head in heads:
        start = head.start() + len(head.group(0)) - len(head.group(0).lstrip())
        cue = Modifier(Cue.NEGATED, head.group(0).strip(), start, head.end())
        scopes.append((cue, head.end(), len(text)))
        for i, mention in enumerate(reading.mentions):
            if mention.end > head.end() and not any(
                c.cue is Cue.NEGATED and c.start >= start for c in cues[i]
            ):
                cues[i].append(cue)
    return Reading(reading.mentions, cues, scopes)


# A footnote's asterisks after a word or at a bracket's opening: "RMS*", "(*CIS ...)", "EDSS**".
_FOOTNOTE_STAR = re.compile(r"(?<=[A-Za-z0-9)\]])\*+(?=[\s,.;:)]|$)|(?<=\()\s*\*+\s*")
# A bracket that takes something out of what precedes it: "(CIS is not included)",
# "(excluding CIS)", "(except PPMS)".
_BRACKETED_EXCEPTION = re.compile(
    r"\s*\(\s*(?:(?:but|and)\s+)?(?:excluding|except(?:ing)?)\s+([^()]{2,40}?)\s*\)"
    r"|\s*\(\s*([^()]{2,40}?)\s+(?:is|are)\s+not\s+included\s*\)",
    re.I,
)


@dataclass
class Reader:
    """One criterion being read: its normalised text, mentions, and what has been used."""

    text: str
    kind: str
    norm: str = ""
    found: list[Mention] = field(default_factory=list)
    used: list[tuple[int, int]] = field(default_factory=list)
    leaves: list[Node] = field(default_factory=list)
    reviews: list[str] = field(default_factory=list)
    reading: Reading = field(default_factory=lambda: Reading([], []))
    # Where the cues a field rule read itself start ("not" of "not treatment-naive"): the
    # abstain rule leaves them be.
    read_cues: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        # "NOTE: Other protocol-defined criteria may apply" is not part of this criterion.
        self.norm = _NOTE.sub(
            lambda m: " " * len(m.group(0)),
            q.normalise(one_case(_MARKER.sub("", self.text, count=1))),
        )
        self.norm = capitalise_abbreviations(self.norm)
        # a footnote's asterisk is no word ("RMS*", "(*CIS is not included)"); and a bracket that
        # takes a course out is the exception it says ("RMS (CIS is not included)")
        self.norm = _FOOTNOTE_STAR.sub("", self.norm)
        self.norm = _BRACKETED_EXCEPTION.sub(
            lambda m: f", excluding {m.group(1) or m.group(2)}", self.norm
        )
        self.norm = _NOT_WITHOUT.sub(_denial_denied_plainly, self.norm)
        self.norm = _ACTIVITY_LETTER.sub(
            lambda m: ("non-active " if m.group(1) in ("n", "na", "nr") else "active ")
            + m.group(2),
            self.norm,
        )
        with_colons = self.norm
        # "none of: relapse, steroid use": a list head's colon does not end the cue before it.
        self.norm = _LIST_HEAD_COLON.sub(lambda m: m.group(0)[:-1] + " ", self.norm)
        self.reading = _denied_items(with_colons, read(self.norm))
        if self.kind == EXCLUSION or re.match(r"\W*no\b", self.norm, re.I):
            # under Inclusion, "No females that are pregnant ... are excluded" denies twice: the
            # opening "No" rule leaves it to the team
            self.reading = _without_restated_bars(self.reading)
        self.found = self.reading.mentions

    def cues_of(self, mention: Mention) -> list:
        """The cues (scope.Modifier) whose scope covers ``mention``."""
        for m, cues in zip(self.reading.mentions, self.reading.cues):
            if m == mention:
                return cues
        return []

    def denial_denied(self, start: int) -> bool:
        """Whether a negation right before ``start`` denies a word that itself denies ("not
        treatment-naive", "have not been relapse-free"): the fact, said twice negatively. That
        negation is then marked read, so the abstain rule leaves it be."""
        m = _DENIED_DENIAL.search(self.norm[:start])
        if m is None:
            return False
        self.mark_read(Cue.NEGATED, m.start(), start)
        return True

    def mark_read(self, kind: Cue, start: int, end: int) -> None:
        """Marks the cues of ``kind`` in [start, end) read by the rule that calls this, so the
        abstain rule leaves the fact they cover be."""
        self.read_cues.update(
            cue.start
            for cue, _, _ in self.reading.scopes
            if cue.cue is kind and start <= cue.start < end
        )

    def take(self, start: int, end: int) -> None:
        self.used.append((start, end))

    def of(self, *labels: str) -> list[Mention]:
        return [m for m in self.found if m.label in labels]

    def sentence_around(self, pos: int) -> tuple[int, int]:
        """Bounds of the sentence (or semicolon clause) holding ``pos``."""
        start = max(
            (m.end() for m in re.finditer(r"[.;]\s+(?=[A-Z(])|;\s*", self.norm[:pos])), default=0
        )
        m = re.search(r"\.\s+(?=[A-Z])|;|\.$", self.norm[pos:])
        return start, pos + m.start() if m else len(self.norm)

    def residual(self) -> str:
        """The text with every read span blanked out (whole words, so no fragments remain)."""
        chars = list(self.norm)
        for start, end in self.used:
            start, end = max(start, 0), min(end, len(chars))
            while (
                start > 0
                and chars[start - 1].isalnum()
                and start < len(chars)
                and chars[start].isalnum()
            ):
                start -= 1
            while 0 < end < len(chars) and chars[end].isalnum() and chars[end - 1].isalnum():
                end += 1
            for i in range(start, end):
                chars[i] = " "
        return "".join(chars)
