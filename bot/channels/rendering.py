"""Plain-text rendering shared by the messaging channels: markup removal, splitting, numbering.

Pure functions, no Rasa imports, so the rules are unit-tested on their own.
"""

from __future__ import annotations

import re
from typing import Any, Mapping, Sequence

from .platforms import Platform, wording

Button = Mapping[str, Any]

_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^\s)]+)\)")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_CHOICE = re.compile(r"^\s*#?\s*(\d{1,3})\s*[.)]?\s*$")
# Where a too-long paragraph may be cut, best first (the cut keeps the punctuation).
_CUT_AFTER = ("\n", ". ", "? ", "! ", "; ", ", ", " ")


def plain_text(text: str | None) -> str:
    """Bot text without the light markup a plain-text channel would show raw.

    ``**bold**``/``__bold__`` lose their markers, ``[label](https://...)`` becomes
    ``label (https://...)``, ``<br>`` a line break, and other HTML tags are dropped.
    """
    text = _BR.sub("\n", text or "")
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})", text)
    text = _BOLD.sub(r"\2", text)
    return _TAG.sub("", text)


def text_units(text: str) -> int:
    """Length as platforms count it at most: UTF-16 code units (an emoji counts 2)."""
    return len(text.encode("utf-16-le")) // 2


def _prefix_within(text: str, limit: int) -> str:
    """The longest prefix of ``text`` that is at most ``limit`` UTF-16 units long."""
    used = 0
    for i, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > limit:
            return text[:i]
    return text


def _split_paragraph(text: str, limit: int) -> list[str]:
    """Cut one over-long paragraph at the best break before each limit."""
    parts: list[str] = []
    while text_units(text) > limit:
        head = _prefix_within(text, limit)
        cut = len(head)
        for sep in _CUT_AFTER:
            at = head.rfind(sep)
            if at > len(head) // 3:
                cut = at + len(sep.rstrip())
                break
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        parts.append(text)
    return parts


def split_text(text: str, limit: int) -> list[str]:
    """Split ``text`` into as few messages of at most ``limit`` units as the paragraphs allow.

    Paragraphs (blank-line separated) are packed together while they fit; a paragraph longer
    than the limit is cut at a line break, sentence end or space, never inside a word unless
    a single word is longer than the limit.
    """
    pieces: list[str] = []
    for paragraph in re.split(r"\n[ \t]*\n", text.strip()):
        if paragraph.strip():
            pieces.extend(_split_paragraph(paragraph.strip("\n"), limit))
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}\n\n{piece}" if current else piece
        if text_units(candidate) <= limit:
            current = candidate
        else:
            chunks.append(current)
            current = piece
    if current:
        chunks.append(current)
    return chunks


def button_payload(button: Button) -> str:
    """What choosing ``button`` sends back to the bot (its payload, else its title)."""
    return str(button.get("payload") or button.get("title") or "")


def button_title(button: Button) -> str:
    return plain_text(str(button.get("title") or button.get("payload") or "")).strip()


def needs_numbers(buttons: Sequence[Button], limits: Platform) -> bool:
    """True when ``buttons`` break a platform limit and must be sent as numbered options."""
    if len(buttons) > limits.max_buttons:
        return True
    for button in buttons:
        title = button_title(button)
        if not title:
            return True
        if limits.max_button_title is not None and text_units(title) > limits.max_button_title:
            return True
        if len(button_payload(button).encode("utf-8")) > limits.max_payload_bytes:
            return True
    return False


def numbered_options(text: str, buttons: Sequence[Button]) -> str:
    """``text`` followed by the options as a numbered list and a hint to reply with a number."""
    lines = "\n".join(f"{i}. {button_title(b)}" for i, b in enumerate(buttons, start=1))
    head = text.strip() or wording("choose")
    return f"{head}\n\n{lines}\n\n{wording('numbered_hint')}"


def parse_choice(text: str | None) -> int | None:
    """The number in a reply such as ``2``, ``2.``, ``#2`` or ``2)``; None for anything else."""
    match = _CHOICE.match(text or "")
    return int(match.group(1)) if match else None
