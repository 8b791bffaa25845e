"""Facebook Messenger: webhook with signature check (X-Hub-Signature-256 or X-Hub-Signature),
plain text under 2,000 characters, quick replies (numbered options when they don't fit), and an
asynchronous Send API client with a configurable Graph API base URL.

Rasa's own connector sends through a blocking HTTP client and reads only the first event of a
batch, so the webhook is re-implemented here (same routes, same ``facebook`` channel name).

credentials.yml: ``bot.channels.facebook.FacebookInput`` with ``verify``, ``secret``,
``page-access-token`` and optional ``api_url`` (default: $FACEBOOK_API_URL or
https://graph.facebook.com) and ``api_version``.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Text

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.facebook import FacebookInput as RasaFacebookInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

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

DEFAULT_API_URL = "https://graph.facebook.com"
DEFAULT_API_VERSION = "v25.0"
LIMITS = platform("facebook")
TIMEOUT = aiohttp.ClientTimeout(total=15)


def signature_valid(secret: str, body: bytes, headers: Any) -> bool:
    """Check Meta's HMAC of the raw body: X-Hub-Signature-256 (sha256) or X-Hub-Signature (sha1)."""
    for header, name in (("X-Hub-Signature-256", "sha256"), ("X-Hub-Signature", "sha1")):
        given = headers.get(header)
        if given:
            prefix, _, digest = given.partition("=")
            if prefix != name:
                return False
            mac = hmac.new(secret.encode(), body, name).hexdigest()
            return hmac.compare_digest(mac, digest)
    return False


class FacebookOutput(OutputChannel):
    """Sends replies through the Messenger Send API (``POST /{version}/me/messages``)."""

    @classmethod
    def name(cls) -> Text:
        return "facebook"

    def __init__(
        self,
        page_access_token: Text,
        api_url: str = DEFAULT_API_URL,
        api_version: str = DEFAULT_API_VERSION,
    ) -> None:
        self.page_access_token = page_access_token
        self.url = f"{api_url.rstrip('/')}/{api_version}/me/messages"

    @staticmethod
    def shown_numbered(buttons: Sequence[Button]) -> bool:
        return needs_numbers(buttons, LIMITS)

    async def _post(self, body: Dict[Text, Any]) -> None:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as session:
            async with session.post(
                self.url, params={"access_token": self.page_access_token}, json=body
            ) as resp:
                if resp.status >= 400:
                    # Meta's error names the problem (code, type), never the message text.
                    logger.warning(
                        "Messenger Send API answered %s: %s", resp.status, (await resp.text())[:300]
                    )

    async def _send_message(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        await self._post(
            {"recipient": {"id": recipient_id}, "messaging_type": "RESPONSE", "message": message}
        )

    async def send_action(self, recipient_id: Text, action: str) -> None:
        """``typing_on``, ``typing_off`` or ``mark_seen``."""
        await self._post({"recipient": {"id": recipient_id}, "sender_action": action})

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for chunk in split_text(plain_text(text), LIMITS.text_limit):
            await self._send_message(recipient_id, {"text": chunk})

    async def send_text_with_buttons(
        self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        if self.shown_numbered(buttons):
            await self.send_text_message(recipient_id, numbered_options(plain_text(text), buttons))
            return
        chunks = split_text(plain_text(text), LIMITS.text_limit) or [wording("choose")]
        for chunk in chunks[:-1]:
            await self._send_message(recipient_id, {"text": chunk})
        quick_replies = [
            {"content_type": "text", "title": button_title(b), "payload": button_payload(b)}
            for b in buttons
        ]
        await self._send_message(recipient_id, {"text": chunks[-1], "quick_replies": quick_replies})

    async def send_quick_replies(
        self, recipient_id: Text, text: Text, quick_replies: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self._send_message(
            recipient_id,
            {"attachment": {"type": "image", "payload": {"url": image, "is_reusable": True}}},
        )

    async def send_elements(
        self, recipient_id: Text, elements: Iterable[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await self._send_message(
            recipient_id,
            {
                "attachment": {
                    "type": "template",
                    "payload": {"template_type": "generic", "elements": list(elements)},
                }
            },
        )

    async def send_custom_json(
        self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any
    ) -> None:
        await self._send_message(recipient_id, json_message)


class FacebookInput(RasaFacebookInput):
    """Messenger webhook: ``GET`` verification and signed ``POST`` events at ``/webhook``."""

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        channel = cls(
            credentials.get("verify"),
            credentials.get("secret"),
            credentials.get("page-access-token"),
        )
        channel.api_url = (
            credentials.get("api_url") or os.environ.get("FACEBOOK_API_URL") or DEFAULT_API_URL
        )
        channel.api_version = credentials.get("api_version") or DEFAULT_API_VERSION
        return channel

    api_url: str = DEFAULT_API_URL
    api_version: str = DEFAULT_API_VERSION

    def get_output_channel(self) -> FacebookOutput:
        return FacebookOutput(self.fb_access_token, self.api_url, self.api_version)

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        resolver = ReplyResolver(FacebookOutput.shown_numbered)
        handle = resolver.wrap(on_new_message)
        bp = Blueprint("fb_webhook", __name__)
        resolver.attach(bp)

        @bp.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @bp.route("/webhook", methods=["GET"])
        async def verify(request: Request) -> HTTPResponse:
            token = request.args.get("hub.verify_token") or ""
            if (
                request.args.get("hub.mode") == "subscribe"
                and self.fb_verify
                and hmac.compare_digest(token.encode(), str(self.fb_verify).encode())
            ):
                return response.text(request.args.get("hub.challenge") or "")
            return response.text("The verify token does not match.", status=403)

        @bp.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            if not signature_valid(str(self.fb_secret or ""), request.body, request.headers):
                logger.warning("Messenger webhook: bad or missing signature; check the app secret")
                return response.text("The request signature is not valid.", status=403)
            try:
                payload = json.loads(request.body)
            except ValueError:
                return response.text("The body is not a Messenger event (JSON).", status=400)
            if not isinstance(payload, dict) or payload.get("object") != "page":
                return response.text("ignored")
            for entry in payload.get("entry") or []:
                for event in (entry or {}).get("messaging") or []:
                    if isinstance(event, dict):
                        await self._handle_event(event, handle)
            return response.text("success")

        return bp

    async def _handle_event(self, event: Dict[Text, Any], handle: OnNewMessage) -> None:
        """One messaging event: a text, a quick reply or a postback becomes a user message."""
        sender_id = str((event.get("sender") or {}).get("id") or "")
        message = event.get("message")
        postback = event.get("postback")
        out = self.get_output_channel()
        if not sender_id:
            return
        if isinstance(message, dict):
            if message.get("is_echo"):
                return
            quick_reply = message.get("quick_reply") or {}
            text = quick_reply.get("payload") or message.get("text")
            if not text:  # a sticker, photo, voice note...
                await out.send_text_message(sender_id, wording("text_only"))
                return
        elif isinstance(postback, dict):
            text = postback.get("payload") or postback.get("title")
        else:
            return  # delivery/read receipts, reactions
        await out.send_action(sender_id, "typing_on")
        try:
            await handle(UserMessage(str(text), out, sender_id, input_channel=self.name()))
        except Exception:  # one failing turn must not fail the rest of the batch
            logger.exception("Messenger: handling a message failed")
