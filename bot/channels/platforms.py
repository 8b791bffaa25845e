"""Per-platform limits and the channels' own wording, read once from ``platforms.yml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_FILE = Path(__file__).with_name("platforms.yml")


@dataclass(frozen=True)
class Platform:
    """What one messaging platform accepts in a single message."""

    name: str
    text_limit: int
    max_buttons: int
    max_button_title: int | None
    max_payload_bytes: int


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def platform(name: str) -> Platform:
    """The limits of ``name`` (``telegram``, ``slack`` or ``facebook``)."""
    return Platform(name=name, **_data()[name])


def wording(key: str) -> str:
    """A sentence the channel layer itself says (hint under numbered options, text-only notice)."""
    return str(_data()["wording"][key])


def telegram_commands() -> dict[str, str]:
    """Telegram commands mapped to words the bot's NLU understands."""
    return dict(_data().get("telegram_commands") or {})
