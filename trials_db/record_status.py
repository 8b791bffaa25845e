"""The status a copied medication record gives a drug on its own line: a portal's word for
taken now, stopped, paused or never started ("ofatumumab 20 mg pen - ACTIVE", "Tecfidera -
STATUS: DISCONTINUED", "Briumvi ORDERED"). The words are data (lexicon/record_status.yml); a
record writes them in capitals or after "status", so prose's "active" or "current" is not one.
"""

from __future__ import annotations

import functools
import re

import yaml

from .lexicon import HERE as LEXICON_DIR

STATUSES = ("current", "ended", "paused", "not_taken")
_WORDS = LEXICON_DIR / "record_status.yml"
# "HIGHLY ACTIVE disease", "ACTIVE RRMS": a word about the disease, not the drug's status
_ABOUT_THE_DISEASE = r"(?!\s+(?:disease|ms|rrms|spms|ppms|relapsing|lesions?|form|course|phase))"


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Each status's words, as one pattern ignoring case (the case is checked on the match)."""
    doc = yaml.safe_load(_WORDS.read_text(encoding="utf-8"))
    return {
        status: re.compile(rf"\b(?:{'|'.join(doc[status])})\b{_ABOUT_THE_DISEASE}", re.I)
        for status in STATUSES
    }


_STATUS_LABEL = re.compile(r"\bstatus\s*[:=-]?\s*$", re.I)
# A line's end, or the stop the text's cleaning puts in its place (not a run of dots).
_LINE_END = re.compile(r"\n|(?<!\.)[.;!?](?=\s)")


def line_status(text: str, end: int, until: int | None = None) -> str | None:
    """The status the record gives the drug named just before ``end``: the first status word
    after it on its line (and before ``until``, the next drug named), written in capitals or
    after "status"; None when the line gives none."""
    # a line's end, or a stop the text's cleaning put in its place ("ACTIVE. OCREVUS ...")
    line_end = _LINE_END.search(text, end)
    stop = min(
        x for x in (line_end.start() if line_end else None, until, len(text)) if x is not None
    )
    segment = text[end:stop]
    found: list[tuple[int, str]] = []
    for status, pattern in _patterns().items():
        for m in pattern.finditer(segment):
            word = m.group(0)
            if stop == until and re.fullmatch(r"\s*[-\u2013:/|]?\s*", segment[m.end() :]):
                continue  # "Status: DISCONTINUED - Gilenya": it heads the next drug
            if (word.isupper() and len(re.sub(r"\W", "", word)) >= 3) or _STATUS_LABEL.search(
                segment[: m.start()]
            ):
                found.append((m.start(), status))
                break
    return min(found)[1] if found else None
