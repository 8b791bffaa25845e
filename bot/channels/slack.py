"""Slack: Rasa's connector, with escaped plain text under 3,000 characters, Block Kit buttons
(numbered options when they don't fit), the documented url_verification answer, and a
configurable Web API base URL.

credentials.yml: ``bot.channels.slack.SlackInput`` with ``slack_token``, ``slack_channel``,
``slack_signing_secret`` and optional ``api_url`` (default: $SLACK_API_URL or
https://slack.com/api/).
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any, Dict, List, Optional, Sequence, Text, cast

from rasa.core.channels.channel import InputChannel, OutputChannel
from rasa.core.channels.slack import SlackBot
from rasa.core.channels.slack import SlackInput as RasaSlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from .platforms import platform, wording
from .rendering import (
    Button,
    button_payload,
    button_title,
    needs_numbers,
    numbered_options,
    plain_text,
    split_text,
)
from .replies import OnNewMessage, ReplyResolver

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
LIMITS = platform("slack")


def escape(text: str) -> str:
    """Slack reads ``&``, ``<`` and ``>`` as control characters (links, mentions): escape them."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SlackOutput(SlackBot):
    """Posts plain text (mrkdwn off, control characters escaped), split under the limit."""

    def __init__(
        self,
        token: Text,
        slack_channel: Optional[Text] = None,
        thread_id: Optional[Text] = None,
        proxy: Optional[Text] = None,
        api_url: str = DEFAULT_API_URL,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(token, proxy=proxy, base_url=api_url)

    @staticmethod
    def shown_numbered(buttons: Sequence[Button]) -> bool:
        return needs_numbers(buttons, LIMITS)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        recipient = self.slack_channel or recipient_id
        for chunk in split_text(plain_text(text), LIMITS.text_limit):
            await self._post_message(channel=recipient, text=escape(chunk), mrkdwn=False)

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        if self.shown_numbered(buttons):
            await self.send_text_message(recipient_id, numbered_options(plain_text(text), buttons))
            return
        recipient = self.slack_channel or recipient_id
        chunks = split_text(plain_text(text), LIMITS.text_limit) or [wording("choose")]
        for chunk in chunks[:-1]:
            await self._post_message(channel=recipient, text=escape(chunk), mrkdwn=False)
        last = chunks[-1]
        blocks = [
            # plain_text: Slack shows it as is, no mrkdwn and no links from < >.
            {"type": "section", "text": {"type": "plain_text", "text": last, "emoji": False}},
            {
                "type": "actions",
                "elements": [
                    {
                        "type": "button",
                        "action_id": f"option_{i}",
                        "text": {"type": "plain_text", "text": button_title(b), "emoji": False},
                        "value": button_payload(b),
                    }
                    for i, b in enumerate(buttons, start=1)
                ],
            },
        ]
        await self._post_message(channel=recipient, text=escape(last), mrkdwn=False, blocks=blocks)

    async def send_quick_replies(
        self, recipient_id: Text, text: Text, quick_replies: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)


class SlackInput(RasaSlackInput):
    """Rasa's Slack Events API webhook, replying through :class:`SlackOutput`."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        channel = cast(SlackInput, super().from_credentials(credentials))  # built by cls(...)
        channel.api_url = (
            (credentials or {}).get("api_url") or os.environ.get("SLACK_API_URL") or DEFAULT_API_URL
        )
        return channel

    api_url: str = DEFAULT_API_URL

    def get_output_channel(
        self, channel: Optional[Text] = None, thread_id: Optional[Text] = None
    ) -> OutputChannel:
        return SlackOutput(
            self.slack_token,
            channel or self.slack_channel,
            thread_id,
            self.proxy,
            api_url=self.api_url,
        )

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        resolver = ReplyResolver(SlackOutput.shown_numbered)
        bp = super().blueprint(resolver.wrap(on_new_message))
        resolver.attach(bp)
        bp.middleware("request")(self._url_verification)
        return bp

    async def _url_verification(self, request: Request) -> Optional[HTTPResponse]:
        """Answer Slack's signed url_verification with the bare challenge, as Slack documents.

        (Rasa 3.6 answers with a JSON string, which Slack does not accept as the challenge.)
        """
        if request.method != "POST" or not request.path.rstrip("/").endswith("/webhook"):
            return None
        if request.headers.get("content-type") != "application/json":
            return None
        try:
            body = json.loads(request.body or b"")
        except ValueError:
            return response.text("The body is not a Slack event (JSON).", status=400)
        if not isinstance(body, dict) or body.get("type") != "url_verification":
            return None
        if not self.is_request_from_slack_authentic(request):
            return response.text(
                "Message is not properly signed with a valid X-Slack-Signature " "header",
                status=400,
            )
        return response.text(str(body.get("challenge", "")), content_type="text/plain")
