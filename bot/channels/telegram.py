"""Telegram: Rasa's connector, with plain text under 4,096 characters, vertical inline buttons,
a webhook secret that every update must carry, and a configurable Bot API base URL.

credentials.yml: ``bot.channels.telegram.TelegramInput`` with ``access_token``, ``verify``
(the bot's username), ``webhook_url`` and optional ``api_url`` (default: $TELEGRAM_API_URL or
https://api.telegram.org).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from typing import Any, Dict, List, Optional, Sequence, Text

from aiogram.bot.api import TelegramAPIServer
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, User
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels.channel import InputChannel
from rasa.core.channels.telegram import TelegramInput as RasaTelegramInput
from rasa.core.channels.telegram import TelegramOutput as RasaTelegramOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from .platforms import platform, telegram_commands, wording
from .rendering import (
    Button,
    button_payload,
    button_title,
    needs_numbers,
    plain_text,
    split_text,
)
from .replies import OnNewMessage, ReplyResolver

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.telegram.org"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
LIMITS = platform("telegram")


def api_url_from(credentials: Dict[Text, Any]) -> str:
    return credentials.get("api_url") or os.environ.get("TELEGRAM_API_URL") or DEFAULT_API_URL


def webhook_secret(access_token: str) -> str:
    """The secret Telegram sends with every update, derived from the bot token (no extra
    setting)."""
    return hmac.new(
        access_token.encode(), b"ms-trials telegram webhook", hashlib.sha256
    ).hexdigest()


class TelegramOutput(RasaTelegramOutput):
    """Sends plain text (no parse mode, so nothing is shown as raw markup) split under the limit."""

    def __init__(self, access_token: Optional[Text], api_url: str = DEFAULT_API_URL) -> None:
        super(RasaTelegramOutput, self).__init__(  # aiogram.Bot, with our API server
            access_token, server=TelegramAPIServer.from_base(api_url)
        )
        self._me: Optional[User] = None

    @staticmethod
    def shown_numbered(buttons: Sequence[Button]) -> bool:
        """Inline buttons are always shown; they are numbered when a payload is over 64 bytes."""
        return needs_numbers(buttons, LIMITS)

    async def get_me(self) -> User:  # type: ignore[override]
        """Cached: Rasa's webhook asks for the bot's username on every update."""
        if self._me is None:
            self._me = await super().get_me()
        return self._me

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for chunk in split_text(plain_text(text), LIMITS.text_limit):
            await self.send_message(recipient_id, chunk)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        numbered = self.shown_numbered(buttons)
        markup = InlineKeyboardMarkup()
        for i, button in enumerate(buttons, start=1):
            label = f"{i}. {button_title(button)}" if numbered else button_title(button)
            data = str(i) if numbered else button_payload(button)
            markup.row(InlineKeyboardButton(label, callback_data=data))
        chunks = split_text(plain_text(text), LIMITS.text_limit) or [wording("choose")]
        for chunk in chunks[:-1]:
            await self.send_message(recipient_id, chunk)
        await self.send_message(recipient_id, chunks[-1], reply_markup=markup)


class TelegramInput(RasaTelegramInput):
    """Rasa's Telegram webhook plus: secret check, kind answer to non-text, button acks."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        return cls(
            credentials.get("access_token"),
            credentials.get("verify"),
            credentials.get("webhook_url"),
            api_url=api_url_from(credentials),
        )

    def __init__(
        self,
        access_token: Optional[Text],
        verify: Optional[Text],
        webhook_url: Optional[Text],
        api_url: str = DEFAULT_API_URL,
    ) -> None:
        # debug_mode=False: a failing turn answers Telegram 200, so it does not resend it forever.
        super().__init__(access_token, verify, webhook_url, debug_mode=False)
        self.api_url = api_url
        self.secret = webhook_secret(access_token or "")
        self._bot: Optional[TelegramOutput] = None

    def get_output_channel(self) -> TelegramOutput:
        """One long-lived sender (its HTTP session opens on first use, inside the server's loop).

        Rasa's own sets the webhook here, outside the loop; we do that at start-up instead.
        """
        if self._bot is None:
            self._bot = TelegramOutput(self.access_token, self.api_url)
        return self._bot

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        resolver = ReplyResolver(TelegramOutput.shown_numbered, telegram_commands())
        bp = super().blueprint(resolver.wrap(on_new_message))
        resolver.attach(bp)
        bp.listener("after_server_start")(self._register_webhook_on_start)
        bp.middleware("request")(self._guard)
        return bp

    async def _register_webhook_on_start(self, _app: Any, _loop: Any) -> None:
        await self.register_webhook()

    async def register_webhook(self) -> bool:
        """Point Telegram at ``webhook_url`` with our secret; log (not crash) when it fails."""
        if not self.webhook_url:
            logger.warning("Telegram: no webhook_url, so Telegram will not deliver messages.")
            return False
        try:
            await self.get_output_channel().request(
                "setWebhook",
                {
                    "url": self.webhook_url,
                    "secret_token": self.secret,
                    "allowed_updates": json.dumps(["message", "edited_message", "callback_query"]),
                },
            )
            logger.info("Telegram webhook set to %s", self.webhook_url)
            return True
        except (TelegramAPIError, OSError) as exc:
            logger.error("Telegram: could not set the webhook to %s: %s", self.webhook_url, exc)
            return False

    async def _guard(self, request: Request) -> Optional[HTTPResponse]:
        """Runs before Rasa's webhook: rejects forged updates, answers what Rasa would ignore."""
        path = request.path.rstrip("/")
        if path.endswith("/set_webhook"):
            # Rasa's route would set the webhook without our secret and lock every update out.
            ok = await self.register_webhook()
            return response.text("Webhook setup successful" if ok else "Invalid webhook")
        if request.method != "POST" or not path.endswith("/webhook"):
            return None
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            return response.text("Unknown sender", status=403)
        try:
            update = json.loads(request.body or b"")
        except ValueError:
            return response.text("The body is not a Telegram update (JSON).", status=400)
        if not isinstance(update, dict):
            return response.text("The body is not a Telegram update (JSON).", status=400)
        bot = self.get_output_channel()
        try:
            if isinstance(update.get("callback_query"), dict):
                # Stops the spinner on the button the person pressed.
                await bot.request(
                    "answerCallbackQuery", {"callback_query_id": update["callback_query"].get("id")}
                )
            message = update.get("message") or update.get("edited_message")
            if isinstance(message, dict) and "text" not in message and "location" not in message:
                chat_id = (message.get("chat") or {}).get("id")
                if chat_id is not None:
                    await bot.send_message(chat_id, wording("text_only"))
                return response.text("success")
        except (TelegramAPIError, OSError) as exc:
            logger.warning("Telegram API call failed: %s", exc)
        return None
