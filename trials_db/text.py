"""The one text boundary: a message is made plain here once, where it enters, and every reader
takes its number words and time units from one table (lexicon/numbers.yml).

``normalise`` is what the Rasa pipeline's first component (bot/nlu/text_boundary.py) applies
to every message, so the classifier, the guards and the actions (through the tracker's
``latest_message``) all read the same text; the stored event keeps what the person typed.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from fractions import Fraction
from pathlib import Path

import yaml

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"

MAX_TEXT = 2000  # longer messages are read only this far
# The months in English, as written: the one list every reader of dates and places uses.
MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()

# Typographic quotes and dashes phones put in ("I don’t know"), as the plain ones.
TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
# Code and style are not words a person said: "<script>alert(1)</script>" reads as nothing.
_CODE_BLOCK = re.compile(r"<(script|style)\b[^<>]{0,200}>.*?(?:</\1\s*>|$)", re.I | re.S)
_TAG = re.compile(r"<[^<>]{0,200}>")
# Struck-through words are taken back ("~~yes~~ no", "<s>Tysabri</s>"): out, before tags go.
_STRUCK = re.compile(r"~~[^~\n]{1,120}~~|<(s|del|strike)\b[^<>]{0,50}>.*?</\1\s*>", re.I | re.S)
# Markdown's emphasis marks ("**NO**", "__RRMS__", "`Kesimpta`"): the words stay.
_EMPHASIS = re.compile(r"\*\*|__|`")
# A form's tick boxes ("Pregnant: [ ] yes [x] no"): a ticked option stays, an empty box goes
# with its words, and a line with no box ticked says nothing at all.
# (Not the emoji \u2705: a bullet or a yes as often as a box.)
_BOXES = "\u2610\u2611\u2612"
_EMPTY_BOX = re.compile(
    rf"(?:\[ ?\]|\u2610)[ \t]*[^\[\]\n{_BOXES}]*?(?=[ \t]*(?:\[|[{_BOXES}])|[ \t]*$)", re.M
)
_TICKED_BOX = re.compile(r"(?:\[ ?[xX\u2713\u2714] ?\]|[\u2611\u2612])[ \t]*")
_BOX_LINE = re.compile(rf"^.*(?:\[ ?[xX\u2713\u2714 ]? ?\]|[{_BOXES}]).*$", re.M)


def _ticked_only(line: re.Match[str]) -> str:
    """A line of tick boxes with only its ticked options, or nothing if none is ticked."""
    said = line.group(0)
    if not _TICKED_BOX.search(said):
        return ""
    return _TICKED_BOX.sub("", _EMPTY_BOX.sub(" ", said))


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


# A list's marker at the start of a line ("- 39", "• Toronto", "* on Tecfidera"; "1) 47 F",
# "2. RRMS dx 2010" when two lines are numbered, not the age of "33. diagnosed at 29"): the
# item's words are the answer, the marker no minus sign nor number.
_BULLET = re.compile(r"^[ \t]*[-*+\u2022\u00b7\u25aa\u25e6\u2023\u2043][ \t]+", re.M)
_NUMBERED = re.compile(r"^[ \t]*\(?\d{1,2}[.)][ \t]+", re.M)


def _without_list_markers(t: str) -> str:
    t = _BULLET.sub("", t)
    return _NUMBERED.sub("", t) if len(_NUMBERED.findall(t)) >= 2 else t


_LINE_END = re.compile(r"(?<=[^\s.!?;:,(\[-])[ \t]*(?:\r?\n)+(?=\s*\S)")


# A Markdown outline pasted into a chat: a heading line ("## Never tried", "### 2025") and the
# list items under it ("- Tysabri").
_HEADING_LINE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ITEM_LINE = re.compile(r"^[ \t]*(?:[-*+\u2022]|\d{1,2}[.)])[ \t]+(.+?)[ \t]*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_UNDATED_MONTH = re.compile(
    r"\b((?:" + "|".join(m[:3] for m in MONTH_NAMES) + r")[a-z]*\.?)(?![ \t]*'?\d)", re.I
)


# A Markdown table's rows: the bars at each end go, a rule row ("|---|---|") and an empty
# header row ("| | |") say nothing.
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.M)
_RULE_ROW = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$", re.M
)


_FACT_COLUMN = re.compile(r"edss|age|sex|relapses?|steroids?|dmts?|country", re.I)


def _table_rows(text: str) -> str:
    """A Markdown table as lines of cells; under a header row that names a fact ("| date | EDSS
    |" over its rule row) that column's cells are said with its name ("2022 | EDSS 3.0"), and a
    cell of only "?" is "not known"."""
    lines = text.split("\n")
    header: list[str] | None = None
    out: list[str] = []
    for i, line in enumerate(lines):
        if _RULE_ROW.fullmatch(line):
            continue
        row = _TABLE_ROW.fullmatch(line)
        if not row:
            header = None
            out.append(line)
            continue
        cells = ["not known" if c.strip() == "?" else c.strip() for c in row.group(1).split("|")]
        if i + 1 < len(lines) and _RULE_ROW.fullmatch(lines[i + 1]):
            # a column named by a fact ("| date | EDSS |") names its cells; "| Field | Value |",
            # "| | |" name none
            header = cells if any(_FACT_COLUMN.fullmatch(c) for c in cells) else None
            continue
        if header and len(header) == len(cells):
            out.append(
                " | ".join(
                    f"{h} {c}" if _FACT_COLUMN.fullmatch(h) else c for h, c in zip(header, cells)
                )
            )
        elif any(cells):
            out.append(" | ".join(cells))
    return "\n".join(out)


def _outline_as_prose(text: str) -> str:
    """A Markdown outline as the sentences it stands for: each heading the label of the items
    under it ("## Never tried / - Tysabri / - Lemtrada" -> "Never tried: Tysabri, Lemtrada."),
    and a year heading the year of the months its items name without one ("### 2025 / - relapse
    in May" -> "2025: relapse in May 2025.")."""
    lines = text.split("\n")
    if not any(_HEADING_LINE.match(line) for line in lines):
        return text
    out: list[str] = []
    head: str | None = None
    items: list[str] = []

    def close() -> None:
        if head is None:
            return
        if _YEAR.fullmatch(head):
            items[:] = [_UNDATED_MONTH.sub(rf"\1 {head}", item) for item in items]
        out.append(f"{head}: {', '.join(items)}." if items else f"{head}.")

    for line in lines:
        heading = _HEADING_LINE.match(line)
        item = _ITEM_LINE.match(line) if head is not None else None
        if heading:
            close()
            head, items = heading.group(1).rstrip(":"), []
        elif item:
            items.append(item.group(1).rstrip(".;,"))
        elif line.strip():
            close()
            head, items = None, []
            out.append(line)
    close()
    return "\n".join(out)


def normalise(text: str | None) -> str:
    """Plain, bounded text: markup and code out (struck-through words and empty tick boxes with
    them), control and zero-width characters out, lone surrogates (valid JSON, but they crash
    spaCy) replaced, compatibility forms folded (NFKC: full-width digits, ligatures), typographic
    quotes and dashes plain, a line break as the end of a sentence, whitespace collapsed.
    Case, accents and words are kept: readers decide what they mean."""
    if not text:
        return ""
    t = _SURROGATE.sub("\ufffd", text[:MAX_TEXT])
    t = _CODE_BLOCK.sub(" ", t)
    t = _STRUCK.sub(" ", t)
    t = _TAG.sub(" ", t)
    t = _outline_as_prose(_table_rows(_EMPHASIS.sub("", t)))
    t = _BOX_LINE.sub(_ticked_only, t)
    t = _CONTROL.sub(" ", t)
    t = unicodedata.normalize("NFKC", t).translate(TYPOGRAPHIC)
    # A chat message's lines are its sentences ("rrms 29 f\non aubagio"): a line that does not
    # end in a stop gets one, so no reader runs a fact of one line into the next.
    t = _LINE_END.sub(". ", _without_list_markers(t.strip()))
    return re.sub(r"\s+", " ", t).strip()


@functools.lru_cache(maxsize=1)
def _numbers() -> dict:
    return yaml.safe_load((LEXICON_DIR / "numbers.yml").read_text(encoding="utf-8"))


def cardinals() -> dict[str, int]:
    """Number words trials and patients both write: "zero" ... "nineteen", "twenty" ... "ninety"."""
    return dict(_numbers()["cardinals"])


def patient_quantities() -> dict[str, int]:
    """Counting words only patients use as numbers: "a couple", "a few", "none"."""
    return dict(_numbers()["patient_quantities"])


def time_units() -> dict[str, tuple[float, tuple[str, ...]]]:
    """Each time unit: (months in one, the short forms typed): {"week": (0.2308, ("wk",))...}."""
    return {
        unit: (float(Fraction(str(spec["months"]))), tuple(spec.get("short") or ()))
        for unit, spec in _numbers()["time_units"].items()
    }
