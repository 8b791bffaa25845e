"""Small synchronous HTTP helpers for the live tests (urllib: nothing to install)."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import yaml

from scripts.stack import Stack

from ..conftest import ROOT
from .conftest import API_TOKEN

PAYLOADS = Path(__file__).with_name("payloads")


def response_text(name: str) -> str:
    """The bot's first text for response ``name`` in domain.yml (the tests follow the domain)."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    return domain["responses"][name][0]["text"]


def payload(name: str) -> Any:
    return json.loads((PAYLOADS / name).read_text(encoding="utf-8"))


def post(url: str, body: bytes, headers: dict[str, str]) -> tuple[int, str]:
    """POST ``body``; return the status and the response text (also for 4xx/5xx)."""
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def push_bot_message(
    stack: Stack,
    conversation_id: str,
    output_channel: str,
    text: str,
    buttons: list[dict[str, str]] | None = None,
) -> None:
    """Make the real Rasa server send a bot message (with buttons) to a conversation on a channel.

    Uses Rasa's HTTP API (append a ``bot`` event, execute side effects), so the message goes
    through the channel's real output code, and the tracker records it like any bot turn.
    """
    query = urllib.parse.urlencode(
        {"token": API_TOKEN, "output_channel": output_channel, "execute_side_effects": "true"}
    )
    url = (
        f"{stack.rasa_url}/conversations/{urllib.parse.quote(conversation_id)}"
        f"/tracker/events?{query}"
    )
    event = {"event": "bot", "text": text, "data": {"buttons": buttons or []}}
    status, body = post(url, json.dumps(event).encode(), {"Content-Type": "application/json"})
    assert status == 200, body[:500]
