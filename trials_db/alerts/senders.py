"""Send one alert through Telegram, Slack, Messenger or email, saying clearly how a failure ended.

Every failure is a :class:`SendError` that tells the outbox whether the message surely did not
go (retry later, or give up for good) or may have gone (``in_doubt``: never resent blindly).
Tokens and API base URLs come from the same environment variables as the bot's channels.
"""

from __future__ import annotations

import asyncio
import email.utils
import os
import smtplib
from email.message import EmailMessage
from typing import Any, Mapping, Protocol

import aiohttp

TIMEOUT = aiohttp.ClientTimeout(total=20)
TELEGRAM_API_URL = "https://api.telegram.org"
SLACK_API_URL = "https://slack.com/api/"
FACEBOOK_API_URL = "https://graph.facebook.com"
FACEBOOK_API_VERSION = "v25.0"  # as bot/channels/facebook.py
SUBJECT = "A new study may fit you"


class SendError(Exception):
    """Why a send failed and what that means for the message."""

    def __init__(
        self,
        message: str,
        *,
        retryable: bool = True,
        in_doubt: bool = False,
        retry_after: float | None = None,
        wait_for_visit: bool = False,
    ) -> None:
        super().__init__(message)
        self.retryable = retryable and not in_doubt
        self.in_doubt = in_doubt  # the API may have received it: resending could send it twice
        self.retry_after = retry_after
        self.wait_for_visit = wait_for_visit  # the channel takes it only after the person writes


class Sender(Protocol):
    channel: str

    async def send(self, address: str, body: str, key: str) -> str | None:
        """Send ``body``; return the API's message id. ``key`` is the message's idempotency key."""


async def _post(url: str, **kwargs: Any) -> tuple[int, Any]:
    """POST and read a JSON answer; connection refused is retryable, a lost answer is in doubt."""
    try:
        async with aiohttp.ClientSession(timeout=TIMEOUT) as http:
            async with http.post(url, **kwargs) as resp:
                try:
                    data = await resp.json(content_type=None)
                except ValueError:
                    data = None
                return resp.status, data
    except aiohttp.ClientConnectorError as exc:  # nothing reached the API
        raise SendError(f"cannot connect: {exc}") from exc
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:  # the request may have arrived
        raise SendError(
            f"no answer after sending: {type(exc).__name__} {exc}", in_doubt=True
        ) from exc


def _http_failure(platform: str, status: int, detail: Any) -> SendError:
    """5xx, 429 and auth/config problems are retried; other 4xx refuse this message for good."""
    retryable = status >= 500 or status in (401, 404, 429)
    return SendError(f"{platform} answered HTTP {status}: {str(detail)[:200]}", retryable=retryable)


class TelegramSender:
    """Bot API ``sendMessage`` (``TELEGRAM_TOKEN``, ``TELEGRAM_API_URL``)."""

    channel = "telegram"

    def __init__(self, token: str, api_url: str = TELEGRAM_API_URL) -> None:
        self.url = f"{api_url.rstrip('/')}/bot{token}/sendMessage"

    async def send(self, address: str, body: str, key: str) -> str | None:
        # The Bot API has no idempotency key: the outbox's in-doubt rule stands in for one.
        status, data = await _post(
            self.url, data={"chat_id": address, "text": body, "disable_web_page_preview": "true"}
        )
        if status == 200 and isinstance(data, dict) and data.get("ok"):
            return str((data.get("result") or {}).get("message_id") or "") or None
        detail = data.get("description") if isinstance(data, dict) else data
        err = _http_failure("Telegram", status, detail)
        if isinstance(data, dict):
            err.retry_after = (data.get("parameters") or {}).get("retry_after")
        raise err


SLACK_PERMANENT = {
    "channel_not_found",
    "not_in_channel",
    "is_archived",
    "user_not_found",
    "cannot_dm_bot",
    "msg_too_long",
    "no_text",
    "user_disabled",
    "restricted_action",
}


def slack_escape(text: str) -> str:
    """Slack reads & < > as control characters (as bot/channels/slack.py escapes them)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SlackSender:
    """Web API ``chat.postMessage`` (``SLACK_TOKEN``, ``SLACK_API_URL``), plain text."""

    channel = "slack"

    def __init__(self, token: str, api_url: str = SLACK_API_URL) -> None:
        self.url = api_url.rstrip("/") + "/chat.postMessage"
        self.token = token

    async def send(self, address: str, body: str, key: str) -> str | None:
        payload = {
            "channel": address,
            "text": slack_escape(body),
            "mrkdwn": False,
            "unfurl_links": False,
            # Slack has no idempotency key either; the key rides along as message metadata.
            "metadata": {"event_type": "ms_trials_alert", "event_payload": {"key": key}},
        }
        status, data = await _post(
            self.url, json=payload, headers={"Authorization": f"Bearer {self.token}"}
        )
        if status == 200 and isinstance(data, dict) and data.get("ok"):
            return str(data.get("ts") or "") or None
        if status == 200 and isinstance(data, dict):
            error = str(data.get("error"))
            raise SendError(f"Slack refused it: {error}", retryable=error not in SLACK_PERMANENT)
        raise _http_failure("Slack", status, data)


class MessengerSender:
    """Send API ``POST /{version}/me/messages`` (``FACEBOOK_PAGE_ACCESS_TOKEN``,
    ``FACEBOOK_API_URL``).

    Standard messaging: Meta takes it only within 24 hours of the person's last message; outside
    that window the message waits for their next visit instead of being dropped.
    """

    channel = "facebook"

    def __init__(
        self, token: str, api_url: str = FACEBOOK_API_URL, api_version: str = FACEBOOK_API_VERSION
    ) -> None:
        self.url = f"{api_url.rstrip('/')}/{api_version}/me/messages"
        self.token = token

    async def send(self, address: str, body: str, key: str) -> str | None:
        status, data = await _post(
            self.url,
            params={"access_token": self.token},
            json={
                "recipient": {"id": address},
                "messaging_type": "UPDATE",
                "message": {"text": body[:2000]},
            },
        )
        if status == 200 and isinstance(data, dict) and "error" not in data:
            return str(data.get("message_id") or "") or None
        error = data.get("error") if isinstance(data, dict) else None
        error = error if isinstance(error, dict) else {}
        if (error.get("code"), error.get("error_subcode")) == (10, 2018278):
            raise SendError(
                "outside Messenger's 24-hour window", retryable=False, wait_for_visit=True
            )
        if error.get("code") == 551:  # this person isn't available right now
            raise SendError(f"Messenger refused it: {error.get('message')}", retryable=False)
        raise _http_failure("Messenger", status, error or data)


class EmailSender:
    """SMTP (``SMTP_HOST``, ``SMTP_PORT``, ``SMTP_USER``, ``SMTP_PASSWORD``, ``SMTP_FROM``).

    Port 465 speaks TLS from the start; otherwise STARTTLS is used whenever the server offers it.
    The idempotency key becomes the Message-ID, which mail systems use to drop duplicates.
    """

    channel = "email"

    def __init__(
        self,
        host: str,
        port: int = 587,
        user: str | None = None,
        password: str | None = None,
        sender: str | None = None,
    ) -> None:
        self.host, self.port, self.user, self.password = host, port, user, password
        self.sender = sender or user or "ms-trials-alerts@localhost"

    async def send(self, address: str, body: str, key: str) -> str | None:
        return await asyncio.to_thread(self._send, address, body, key)

    def _message(self, address: str, body: str, key: str) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = self.sender
        msg["To"] = address
        msg["Subject"] = SUBJECT
        msg["Date"] = email.utils.formatdate(localtime=False)
        domain = self.sender.rpartition("@")[2] or "localhost"
        msg["Message-ID"] = f"<{key}@{domain}>"
        msg.set_content(body)
        return msg

    def _send(self, address: str, body: str, key: str) -> str | None:
        msg = self._message(address, body, key)
        sent_data = False
        smtp: smtplib.SMTP | None = None
        try:
            cls = smtplib.SMTP_SSL if self.port == 465 else smtplib.SMTP
            smtp = cls(self.host, self.port, timeout=30)
            smtp.ehlo()
            if cls is smtplib.SMTP and smtp.has_extn("starttls"):
                smtp.starttls()
                smtp.ehlo()
            if self.user:
                smtp.login(self.user, self.password or "")
            sent_data = True
            smtp.send_message(msg)
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _ in exc.recipients.values()]
            raise SendError(
                f"the mail server refused {address}: {exc.recipients}",
                retryable=not any(c >= 500 for c in codes),
            ) from exc
        except smtplib.SMTPResponseException as exc:  # the server answered: it did not take it
            raise SendError(
                f"the mail server answered {exc.smtp_code}: {exc.smtp_error!r}",
                retryable=exc.smtp_code < 500 or exc.smtp_code in (530, 535),
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise SendError(f"mail: {type(exc).__name__} {exc}", in_doubt=sent_data) from exc
        finally:
            if smtp is not None:
                try:
                    smtp.quit()
                except (OSError, smtplib.SMTPException):
                    smtp.close()
        return msg["Message-ID"]


def senders_from_env(env: Mapping[str, str] | None = None) -> dict[str, Sender]:
    """A sender for every channel whose token (or SMTP host) is set."""
    env = os.environ if env is None else env
    out: dict[str, Sender] = {}
    if env.get("TELEGRAM_TOKEN"):
        out["telegram"] = TelegramSender(
            env["TELEGRAM_TOKEN"], env.get("TELEGRAM_API_URL") or TELEGRAM_API_URL
        )
    if env.get("SLACK_TOKEN"):
        out["slack"] = SlackSender(env["SLACK_TOKEN"], env.get("SLACK_API_URL") or SLACK_API_URL)
    if env.get("FACEBOOK_PAGE_ACCESS_TOKEN"):
        out["facebook"] = MessengerSender(
            env["FACEBOOK_PAGE_ACCESS_TOKEN"],
            env.get("FACEBOOK_API_URL") or FACEBOOK_API_URL,
            env.get("FACEBOOK_API_VERSION") or FACEBOOK_API_VERSION,
        )
    if env.get("SMTP_HOST"):
        out["email"] = EmailSender(
            env["SMTP_HOST"],
            int(env.get("SMTP_PORT") or 587),
            env.get("SMTP_USER") or None,
            env.get("SMTP_PASSWORD") or None,
            env.get("SMTP_FROM") or None,
        )
    return out
