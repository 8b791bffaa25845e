"""Split a trial's published eligibility text into individual inclusion/exclusion criteria.

Real ClinicalTrials.gov text uses Markdown bullets, numbered lists (``1.``, ``1)``, ``1\\)``),
nested bullets, headings such as "Key Inclusion Criteria:" or "EXCLUSION CRITERIA", and
sometimes has lost its line breaks (``* a * b Exclusion Criteria: * c``). Each criterion
keeps its own words; sub-items of a nested list stay inside their parent criterion, because
they only make sense together ("one of the following: 1. RRMS 2. PPMS ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

INCLUSION = "inclusion"
EXCLUSION = "exclusion"
GENERAL = "general"  # text that stands under no inclusion/exclusion heading


@dataclass(frozen=True)
class SplitCriterion:
    """One criterion as published: its kind, 1-based position within that kind, heading, text."""

    kind: str
    position: int
    text: str
    section: str | None = None


# "Inclusion Criteria:", "Key Exclusion Criteria (per USPI):", "INCLUSION CRITERIA",
# "Inclusion criteria :"
_HEADING = re.compile(
    r"(?P<key>\bkey[ \t]+)?(?P<kind>inclusion|exclusion)[ \t]+criteri(?:a|on|as|at)\b"
    r"(?P<extra>\s*\([^()\n]{0,60}\))?[ \t]*(?P<colon>:)?",
    re.IGNORECASE,
)
# A lone "Key" line that the mirror separated from its "Inclusion Criteria:" heading.
_ORPHAN_KEY = re.compile(r"(?:^|\n)[ \t]*key[ \t]*\n\s*$", re.IGNORECASE)
# Sub-headings of old PDQ-style records ("--Disease Characteristics--", "PROTOCOL ENTRY
# CRITERIA:"): they name a part of the list, they are not criteria.
_SUBHEADING = re.compile(
    r"^[ \t]*(?:--[^\n]{2,60}--|(?![^\n]*\b(?:inclusion|exclusion)\b)"
    r"[A-Z][A-Za-z /]{2,50}criteria[A-Za-z ]{0,30}:)[ \t]*$",
    re.I,
)
# Old records run several criteria together in one bullet with no punctuation between them
# ("Not HIV seropositive No insulin-dependent diabetes No Lyme disease"): a capitalised word
# that opens a criterion, right after a lower-case word or a number, starts the next one.
_RUN_ON = re.compile(
    r"(?<=[a-z0-9)\]%])[ \t\n]+(?=(?:No|Not|At least|Adequate|Onset|Expanded|Must|Negative|Normal|"
    r"Able|Willing|Fertile|Effective|Life expectancy|Clinically|Neurologically|Stable|Ambulatory|"
    r"Kurtzke|Performance status|Concurrent|WBC|Platelet|Hemoglobin|Creatinine|Bilirubin|"
    r"SGOT|SGPT|Patients must)\b)"
)
# Markers that open a list item at the start of a line.
_LINE_MARKER = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>\*|\\?-|•|\+|–|(?P<num>\d{1,2})(?:\.|\\?\)))[ \t]+"
)
# Bullets that lost their line break: " * next", " • next" (an escaped "\*" is text).
_INLINE_BULLET = re.compile(r"(?<=\S)[ \t]+(?<!\\)(?:\*|•)[ \t]+(?=\S)")
# A list number inside a line: " 2. ", " 2) ", " 2\) " (not "1.5", not "2.0").
_INLINE_NUMBER = re.compile(r"(?<=\s)(\d{1,2})(?:\.|\\?\))(?=\s)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>&|~=^])")
_SPACES = re.compile(r"[ \t\u00a0]+")


def unescape_markdown(text: str) -> str:
    """Drop CT.gov's Markdown backslash escapes: ``\\>`` becomes ``>``, ``\\[`` becomes ``[``."""
    return _MD_ESCAPE.sub(r"\1", text)


def _is_heading(text: str, m: re.Match[str]) -> bool:
    """Decide whether a match of the heading words really opens a section."""
    start, end = m.start(), m.end()
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    line_end = text.find("\n", end)
    after = text[end : line_end if line_end >= 0 else len(text)].strip()
    prev_char = text[start - 1] if start > 0 else ""
    if (prev_char and prev_char in "/-(") or re.search(
        r"\b(other|these|the|all|an?|as|per|following)\s+$", before, re.I
    ):
        return False  # "Inclusion/Exclusion criteria may apply", "the exclusion criteria ..."
    at_line_start = re.fullmatch(r"[ \t]*(?:(?:\*|-|•)[ \t]*)?", before) is not None
    # "PATIENT INCLUSION CRITERIA", "General exclusion criteria:": a few words, then nothing.
    qualified = (
        re.fullmatch(r"[ \t]*(?:(?:\*|-|•)[ \t]*)?(?:[A-Za-z]+[ \t]+){1,3}", before) is not None
    )
    if at_line_start or (qualified and (after == "" or m.group("colon"))):
        # A heading line: alone, ended by a colon, or followed by a list marker.
        return (
            bool(m.group("colon"))
            or after == ""
            or re.match(r"(?:\*|•|\\?-|\d{1,2}[.)])\s", after) is not None
        )
    # Mid-line: only with a colon ("... the study EXCLUSION CRITERIA: * Pregnant ...").
    return bool(m.group("colon"))


def _sections(text: str) -> list[tuple[str, str | None, str]]:
    """Cut the text at its headings into (kind, heading as published, body) triples."""
    headings = [m for m in _HEADING.finditer(text) if _is_heading(text, m)]
    sections: list[tuple[str, str | None, str]] = []
    cursor = 0
    pending: tuple[str, str | None] = (GENERAL, None)
    for m in headings:
        line_start = text.rfind("\n", 0, m.start()) + 1
        qualifier = text[line_start : m.start()]
        # "HEALTHY VOLUNTEER INCLUSION CRITERIA": the words before belong to the heading.
        start = (
            line_start if re.fullmatch(r"[ \t]*(?:[A-Za-z]+[ \t]+){1,3}", qualifier) else m.start()
        )
        body = text[cursor:start]
        key_prefix = ""
        orphan = _ORPHAN_KEY.search(body)
        if orphan and not m.group("key"):
            body = body[: orphan.start()]
            key_prefix = "Key "
        # A heading written as a bullet ("* INCLUSION CRITERIA:") leaves a bare marker behind.
        body = re.sub(r"(?:^|\n)[ \t]*(?:\*|-|•)[ \t]*$", "", body)
        sections.append((pending[0], pending[1], body))
        heading = _SPACES.sub(" ", key_prefix + text[start : m.end()].strip()).rstrip(" :")
        pending = (m.group("kind").lower(), heading)
        cursor = m.end()
    sections.append((pending[0], pending[1], text[cursor:]))
    return [s for s in sections if s[2].strip() or s[1] is not None]


@dataclass
class _Item:
    text: str
    number: int | None  # the list number it was published with, if numbered
    indent: int
    marked: bool = True  # False for text that stood before any list marker
    section: str | None = None  # a sub-heading it stands under ("--Disease Characteristics--")


def _line_items(body: str, subheadings: bool = False) -> list[_Item]:
    """Group the body's lines into top-level items; deeper-indented and restarted lists nest.

    A body with no list markers at all (CT.gov's XML download: one paragraph per criterion,
    wrapped lines indented) is cut at its blank lines instead.
    """
    items: list[_Item] = []
    base_indent: int | None = None
    nested_number: int | None = None
    paragraphs = not any(_LINE_MARKER.match(line) for line in body.split("\n"))
    blank_before = False
    section: str | None = None
    for raw_line in body.split("\n"):
        if not raw_line.strip():
            blank_before = True
            continue
        new_paragraph, blank_before = blank_before, False
        if subheadings and _SUBHEADING.match(raw_line):
            # Two sub-headings in a row ("PROTOCOL ENTRY CRITERIA:", "--Disease--") name one part.
            pending = items and not items[-1].text and items[-1].section
            section = f"{items[-1].section} {raw_line.strip()}" if pending else raw_line.strip()
            items.append(_Item("", None, 0, marked=False, section=section))  # ends the item before
            continue
        m = _LINE_MARKER.match(raw_line)
        if not m:
            if (
                items
                and not (paragraphs and new_paragraph)
                and (items[-1].text or items[-1].marked)
            ):
                items[-1].text += "\n" + raw_line.strip()
            else:
                items.append(_Item(raw_line.strip(), None, 0, marked=False, section=section))
            continue
        indent = len(m.group("indent").expandtabs(4))
        number = int(m.group("num")) if m.group("num") else None
        content = raw_line[m.end() :].strip()
        if base_indent is None:
            base_indent = indent
        top = items[-1] if items else None
        nested = top is not None and (
            indent >= base_indent + 2
            or (
                number is not None
                and top.number is not None
                and number != top.number + 1
                and (number == 1 or number == (nested_number or 0) + 1)
            )
        )
        if nested and top is not None:
            top.text += "\n" + raw_line.strip()
            nested_number = number
        else:
            items.append(_Item(content, number, indent, section=section))
            nested_number = None
    return items


def _split_inline_numbers(item: _Item) -> list[_Item]:
    """Split "1. a 2. b 3. c" written on one line; a restarted "1. 2." inside stays nested."""
    top = item.number if item.number is not None else 0
    nested: int | None = None
    cuts: list[tuple[int, int, int]] = []  # (start of marker, start of content, number)
    for m in _INLINE_NUMBER.finditer(item.text):
        k = int(m.group(1))
        if k == top + 1:
            cuts.append((m.start(), m.end(), k))
            top, nested = k, None
        elif k == 1:
            nested = 1
        elif nested is not None and k == nested + 1:
            nested = k
    if not cuts:
        return [item]
    pieces = [_Item(item.text[: cuts[0][0]], item.number, item.indent, section=item.section)]
    for i, (_, content_start, k) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(item.text)
        pieces.append(_Item(item.text[content_start:end], k, item.indent, section=item.section))
    return [p for p in pieces if p.text.strip()]


def _clean(text: str) -> str:
    lines = [_SPACES.sub(" ", unescape_markdown(line)).strip() for line in text.split("\n")]
    cleaned = "\n".join(line for line in lines if line)
    return cleaned.strip(" \t\n;,")


def split_criteria(text: str | None) -> list[SplitCriterion]:
    """Split published eligibility text into criteria, in document order, none dropped."""
    if not text or not text.strip():
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    result: list[SplitCriterion] = []
    counters: dict[str, int] = {}
    for kind, heading, body in _sections(text):
        items: list[_Item] = []
        for item in _line_items(body, subheadings=heading is None):
            # Star bullets that lost their line breaks.
            parts = _INLINE_BULLET.split(item.text)
            for i, part in enumerate(parts):
                piece = _Item(
                    part, item.number if i == 0 else None, item.indent, item.marked, item.section
                )
                # Only a numbered list (or text before any marker) can continue inline as "2. 3.".
                if i == 0 and (item.number is not None or not item.marked):
                    items.extend(_split_inline_numbers(piece))
                else:
                    items.append(piece)
        if kind == GENERAL:  # old records without headings also run criteria together
            items = [
                _Item(part, item.number, item.indent, item.marked, item.section)
                for item in items
                for part in _RUN_ON.split(item.text)
            ]
        for item in items:
            cleaned = _clean(item.text)
            if not cleaned or not re.search(r"\w", cleaned):
                continue
            counters[kind] = counters.get(kind, 0) + 1
            result.append(SplitCriterion(kind, counters[kind], cleaned, item.section or heading))
    return result
