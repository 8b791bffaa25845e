"""Incoming-message preprocessing shared by the channels: numbered replies and chat commands.

When a channel had to show a bot message's buttons as numbered options, a reply of ``2`` means
the second option. The options are read back from the conversation's tracker (the bot's last
turn), so this holds across restarts and server processes.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Mapping, Sequence

from rasa.core.channels.channel import UserMessage
from rasa.shared.core.events import BotUttered, Event, UserUttered
from sanic import Blueprint, Sanic

from .rendering import Button, button_payload, parse_choice

logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def offered_buttons(events: Sequence[Event]) -> list[Button]:
    """Buttons of the bot's latest turn: its last message with buttons since the user spoke."""
    for event in reversed(events):
        if isinstance(event, UserUttered):
            return []
        if isinstance(event, BotUttered):
            data = event.data or {}
            buttons = data.get("buttons") or data.get("quick_replies")
            if buttons:
                return list(buttons)
    return []


class ReplyResolver:
    """Wraps Rasa's message handler to map numbered replies and commands before NLU sees them."""

    def __init__(
        self,
        shown_numbered: Callable[[Sequence[Button]], bool],
        commands: Mapping[str, str] | None = None,
    ) -> None:
        self.shown_numbered = shown_numbered
        self.commands = dict(commands or {})
        self.app: Sanic | None = None

    def attach(self, blueprint: Blueprint) -> None:
        """Remember the Sanic app at start-up: its agent holds the tracker store."""

        async def remember_app(app: Sanic, _loop: Any) -> None:
            self.app = app

        blueprint.listener("before_server_start")(remember_app)

    def wrap(self, on_new_message: OnNewMessage) -> OnNewMessage:
        async def handle(message: UserMessage) -> Any:
            message.text = await self.resolve(message.text or "", message.sender_id)
            return await on_new_message(message)

        return handle

    async def resolve(self, text: str, sender_id: str) -> str:
        """The text the bot should see for ``text`` from ``sender_id``."""
        if text.strip() in self.commands:
            return self.commands[text.strip()]
        number = parse_choice(text)
        if number is None:
            return text
        buttons = await self._offered(sender_id)
        if buttons and self.shown_numbered(buttons) and 1 <= number <= len(buttons):
            logger.debug(
                "Numbered reply %d mapped to option %d of %d", number, number, len(buttons)
            )
            return button_payload(buttons[number - 1])
        return text

    async def _offered(self, sender_id: str) -> list[Button]:
        agent = getattr(getattr(self.app, "ctx", None), "agent", None)
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return []
        tracker = await store.retrieve(sender_id)
        return offered_buttons(tracker.events) if tracker is not None else []
