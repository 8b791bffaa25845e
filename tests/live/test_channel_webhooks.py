"""Recorded webhook payloads of Telegram, Slack and Messenger, signed the way each platform signs
them, POSTed to the running Rasa server; the bot's answers are caught by the loopback fakes of
the platform APIs (nothing leaves the machine).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import time
import urllib.parse
import uuid

import pytest

from bot.channels.platforms import wording
from tests.fakes.platform_apis import Call, FakePlatformApis

from .conftest import FACEBOOK_SECRET, FACEBOOK_VERIFY, SLACK_CHANNEL, SLACK_SIGNING_SECRET
from .rasa_api import get, payload, post, push_bot_message, response_text

pytestmark = pytest.mark.slow

GREETING = response_text("utter_greet")
CONSENT = response_text("utter_ask_consent")  # the greeting is followed by the consent question
CONSENT_CHOICES = [
    ("Yes, that's OK", "/affirm"),
    ("No thanks", "/deny"),
    ("What happens to my answers?", "/ask_privacy"),
]
GOODBYE = response_text("utter_goodbye")
HELLO_GOODBYE = [
    {"title": "Say hello", "payload": "/greet"},
    {"title": "Say goodbye", "payload": "/goodbye"},
]
# Titles over Messenger's 20-character quick-reply limit: shown as numbered options there.
LONG_TITLES = [
    {"title": "Relapsing-remitting multiple sclerosis", "payload": "/greet"},
    {"title": "I would like to stop for today, thank you", "payload": "/goodbye"},
]
EXPLANATION = "\n\n".join(
    (
        f"Criterion {i}: the study asks for an EDSS score between 2.0 and 6.5 and a diagnosis made "
        f"between 2 and 15 years ago; your answers meet this one. " * 3
    ).strip()
    for i in range(1, 31)
)


def unique_number() -> int:
    return int(uuid.uuid4().int % 10**9)


# --- Telegram ----------------------------------------------------------------------------


def telegram_secret(apis: FakePlatformApis) -> str:
    """The secret the bot registered with setWebhook: Telegram sends it with every update."""
    calls = apis.wait_for(lambda c: c.platform == "telegram" and c.method == "setWebhook")
    assert calls, "the bot did not register its Telegram webhook at start-up"
    return calls[0].params["secret_token"]


def telegram_update(name: str, chat_id: int, **changes: object) -> dict:
    update = copy.deepcopy(payload(name))
    key = "callback_query" if "callback_query" in update else "message"
    message = update[key]["message"] if key == "callback_query" else update[key]
    message["chat"]["id"] = chat_id
    update[key]["from"]["id"] = chat_id
    update[key].update(changes)
    return update


def post_telegram(stack, update: dict, secret: str | None) -> tuple[int, str]:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    return post(f"{stack.rasa_url}/webhooks/telegram/webhook", json.dumps(update).encode(), headers)


def telegram_sent(apis: FakePlatformApis, chat_id: int, count: int = 1) -> list[Call]:
    return apis.wait_for(
        lambda c: c.platform == "telegram"
        and c.method == "sendMessage"
        and c.params.get("chat_id") == str(chat_id),
        count,
    )


def test_telegram_webhook_is_registered_with_a_secret(live_stack, platform_apis):
    call = platform_apis.calls_of("telegram", "setWebhook")[0]
    assert call.params["url"] == "https://bot.example.org/webhooks/telegram/webhook"
    assert len(telegram_secret(platform_apis)) >= 32


def test_telegram_text_message_gets_the_bots_answer(live_stack, platform_apis):
    chat = unique_number()
    update = telegram_update("telegram_message.json", chat)
    assert post_telegram(live_stack, update, telegram_secret(platform_apis)) == (200, "success")
    sent = telegram_sent(platform_apis, chat, 2)
    assert [c.params["text"] for c in sent] == [GREETING, CONSENT]
    assert "parse_mode" not in sent[0].params  # plain text: no markup is interpreted
    assert sent[1].params["reply_markup"] == {
        "inline_keyboard": [
            [{"text": title, "callback_data": payload}] for title, payload in CONSENT_CHOICES
        ]
    }


def test_telegram_start_command_is_greeted(live_stack, platform_apis):
    chat = unique_number()
    update = telegram_update("telegram_message.json", chat, text="/start")
    post_telegram(live_stack, update, telegram_secret(platform_apis))
    assert [c.params["text"] for c in telegram_sent(platform_apis, chat, 2)] == [GREETING, CONSENT]


def test_telegram_update_without_the_secret_is_refused(live_stack, platform_apis):
    chat = unique_number()
    update = telegram_update("telegram_message.json", chat)
    assert post_telegram(live_stack, update, None)[0] == 403
    assert post_telegram(live_stack, update, "guessed")[0] == 403
    time.sleep(1)
    assert not [
        c
        for c in platform_apis.calls_of("telegram", "sendMessage")
        if c.params.get("chat_id") == str(chat)
    ]


def test_telegram_sticker_gets_a_kind_text_only_answer(live_stack, platform_apis):
    chat = unique_number()
    update = telegram_update("telegram_sticker.json", chat)
    assert post_telegram(live_stack, update, telegram_secret(platform_apis)) == (200, "success")
    assert [c.params["text"] for c in telegram_sent(platform_apis, chat)] == [wording("text_only")]


def test_telegram_buttons_and_pressing_one(live_stack, platform_apis):
    chat = unique_number()
    push_bot_message(live_stack, str(chat), "telegram", "Shall we say goodbye?", HELLO_GOODBYE)
    [question] = telegram_sent(platform_apis, chat)
    assert question.params["text"] == "Shall we say goodbye?"
    assert question.params["reply_markup"] == {
        "inline_keyboard": [
            [{"text": "Say hello", "callback_data": "/greet"}],
            [{"text": "Say goodbye", "callback_data": "/goodbye"}],
        ]
    }
    press = telegram_update("telegram_callback_query.json", chat, data="/goodbye", id=f"cb{chat}")
    assert post_telegram(live_stack, press, telegram_secret(platform_apis)) == (200, "success")
    assert telegram_sent(platform_apis, chat, 2)[1].params["text"] == GOODBYE
    acks = [
        c
        for c in platform_apis.calls_of("telegram", "answerCallbackQuery")
        if c.params.get("callback_query_id") == f"cb{chat}"
    ]
    assert len(acks) == 1  # the button's spinner stops


def test_telegram_long_explanation_is_split_under_4096(live_stack, platform_apis):
    chat = unique_number()
    push_bot_message(live_stack, str(chat), "telegram", f"**Results**\n\n{EXPLANATION}")
    texts = platform_apis.texts_until(
        "telegram",
        lambda c: c.params["text"] if c.params.get("chat_id") == str(chat) else None,
        done=EXPLANATION[-40:],
    )
    assert len(texts) >= 4 and all(len(t) <= 4096 for t in texts)
    assert "\n\n".join(texts) == f"Results\n\n{EXPLANATION}"  # no raw ** on Telegram


# --- Slack -------------------------------------------------------------------------------


def slack_headers(body: bytes, content_type: str, secret: str = SLACK_SIGNING_SECRET) -> dict:
    """Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}")."""
    timestamp = str(int(time.time()))
    digest = hmac.new(
        secret.encode(), f"v0:{timestamp}:".encode() + body, hashlib.sha256
    ).hexdigest()
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": f"v0={digest}",
    }


def post_slack_event(stack, event: dict, secret: str = SLACK_SIGNING_SECRET) -> tuple[int, str]:
    body = json.dumps(event).encode()
    return post(
        f"{stack.rasa_url}/webhooks/slack/webhook",
        body,
        slack_headers(body, "application/json", secret),
    )


def slack_message(user: str, channel: str, text: str) -> dict:
    event = copy.deepcopy(payload("slack_message_im.json"))
    event["event"].update(user=user, channel=channel, text=text)
    return event


def slack_posted(apis: FakePlatformApis, channel: str, count: int = 1) -> list[Call]:
    return apis.wait_for(
        lambda c: c.platform == "slack"
        and c.method == "chat.postMessage"
        and c.params.get("channel") == channel,
        count,
    )


def test_slack_url_verification_answers_the_challenge(live_stack):
    event = payload("slack_url_verification.json")
    assert post_slack_event(live_stack, event) == (200, event["challenge"])
    assert post_slack_event(live_stack, event, secret="wrong")[0] == 400


def test_slack_direct_message_gets_the_bots_answer(live_stack, platform_apis):
    user, dm = f"U{unique_number()}", f"D{unique_number()}"
    assert post_slack_event(live_stack, slack_message(user, dm, "hello"))[0] == 200
    reply, question = slack_posted(platform_apis, dm, 2)
    assert reply.params["text"] == GREETING
    assert reply.params["mrkdwn"] is False
    assert reply.headers["Authorization"] == "Bearer xoxb-test-token"
    assert question.params["blocks"][0]["text"]["text"] == CONSENT
    assert [
        (b["text"]["text"], b["value"]) for b in question.params["blocks"][1]["elements"]
    ] == CONSENT_CHOICES


def test_slack_message_with_a_bad_signature_is_refused(live_stack, platform_apis):
    user, dm = f"U{unique_number()}", f"D{unique_number()}"
    assert post_slack_event(live_stack, slack_message(user, dm, "hello"), secret="forged")[0] == 400
    time.sleep(1)
    assert not [c for c in platform_apis.calls_of("slack") if c.params.get("channel") == dm]


def test_slack_buttons_and_clicking_one(live_stack, platform_apis):
    user = f"U{unique_number()}"
    push_bot_message(live_stack, user, "slack", "Shall we say goodbye?", HELLO_GOODBYE)
    [question] = slack_posted(platform_apis, SLACK_CHANNEL, count=1)[-1:]
    assert question.params["blocks"][0]["text"] == {
        "type": "plain_text",
        "text": "Shall we say goodbye?",
        "emoji": False,
    }
    assert [(b["text"]["text"], b["value"]) for b in question.params["blocks"][1]["elements"]] == [
        ("Say hello", "/greet"),
        ("Say goodbye", "/goodbye"),
    ]
    dm = f"D{unique_number()}"
    click = copy.deepcopy(payload("slack_block_actions.json"))
    click["user"]["id"] = user
    click["channel"]["id"] = dm
    body = urllib.parse.urlencode({"payload": json.dumps(click)}).encode()
    status, _ = post(
        f"{live_stack.rasa_url}/webhooks/slack/webhook",
        body,
        slack_headers(body, "application/x-www-form-urlencoded"),
    )
    assert status == 200
    assert [c.params["text"] for c in slack_posted(platform_apis, dm)] == [GOODBYE]


def test_slack_text_is_escaped_and_split_under_3000(live_stack, platform_apis):
    user = f"U{unique_number()}"
    before = len(platform_apis.calls_of("slack"))
    push_bot_message(
        live_stack, user, "slack", f"<b>EDSS</b> < 6.5 & AST > 5X ULN <@U0ADMIN>\n\n{EXPLANATION}"
    )
    texts = platform_apis.texts_until(
        "slack", lambda c: c.params.get("text"), done=EXPLANATION[-40:]
    )[before:]
    assert texts[0].startswith("EDSS &lt; 6.5 &amp; AST &gt; 5X ULN &lt;@U0ADMIN&gt;\n\n")
    unescaped = [t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for t in texts]
    assert len(texts) >= 5 and all(len(t) <= 3000 for t in unescaped)
    assert "\n\n".join(unescaped) == f"EDSS < 6.5 & AST > 5X ULN <@U0ADMIN>\n\n{EXPLANATION}"


# --- Facebook Messenger ------------------------------------------------------------------


def post_messenger(
    stack, event: dict, secret: str = FACEBOOK_SECRET, header: str = "X-Hub-Signature"
) -> tuple[int, str]:
    """Meta signs the raw body: X-Hub-Signature is sha1=..., X-Hub-Signature-256 sha256=..."""
    body = json.dumps(event).encode()
    algorithm = "sha256" if header.endswith("256") else "sha1"
    digest = hmac.new(secret.encode(), body, algorithm).hexdigest()
    return post(
        f"{stack.rasa_url}/webhooks/facebook/webhook",
        body,
        {"Content-Type": "application/json", header: f"{algorithm}={digest}"},
    )


def messenger_event(name: str, psid: str, **message: object) -> dict:
    event = copy.deepcopy(payload(name))
    messaging = event["entry"][0]["messaging"][0]
    messaging["sender"]["id"] = psid
    messaging["message"].update(message)
    return event


def messenger_sent(apis: FakePlatformApis, psid: str, count: int = 1) -> list[Call]:
    return apis.wait_for(
        lambda c: c.platform == "facebook"
        and c.method == "message"
        and c.params["recipient"]["id"] == psid,
        count,
    )


def test_messenger_webhook_verification(live_stack):
    query = {"hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": ""}
    url = f"{live_stack.rasa_url}/webhooks/facebook/webhook?"
    assert get(url + urllib.parse.urlencode({**query, "hub.verify_token": FACEBOOK_VERIFY})) == (
        200,
        "1158201444",
    )
    assert get(url + urllib.parse.urlencode({**query, "hub.verify_token": "nope"}))[0] == 403


@pytest.mark.parametrize("header", ["X-Hub-Signature", "X-Hub-Signature-256"])
def test_messenger_text_message_gets_the_bots_answer(live_stack, platform_apis, header):
    psid = str(unique_number())
    assert post_messenger(
        live_stack, messenger_event("messenger_message.json", psid), header=header
    ) == (200, "success")
    reply, question = messenger_sent(platform_apis, psid, 2)
    assert reply.params == {
        "recipient": {"id": psid},
        "messaging_type": "RESPONSE",
        "message": {"text": GREETING},
    }
    # "What happens to my answers?" is over Messenger's 20-character quick-reply limit.
    numbered = "\n".join(f"{n}. {title}" for n, (title, _) in enumerate(CONSENT_CHOICES, 1))
    assert question.params["message"] == {
        "text": f"{CONSENT}\n\n{numbered}\n\n{wording('numbered_hint')}"
    }
    assert reply.query["access_token"] == "page-access-token-for-tests"
    assert any(
        c.params == {"recipient": {"id": psid}, "sender_action": "typing_on"}
        for c in platform_apis.calls_of("facebook", "sender_action")
    )


def test_messenger_message_with_a_bad_signature_is_refused(live_stack, platform_apis):
    psid = str(unique_number())
    event = messenger_event("messenger_message.json", psid)
    assert post_messenger(live_stack, event, secret="forged")[0] == 403
    time.sleep(1)
    assert not [
        c for c in platform_apis.calls_of("facebook") if c.params["recipient"]["id"] == psid
    ]


def test_messenger_quick_replies_when_they_fit(live_stack, platform_apis):
    psid = str(unique_number())
    push_bot_message(live_stack, psid, "facebook", "Shall we say goodbye?", HELLO_GOODBYE)
    [question] = messenger_sent(platform_apis, psid)
    assert question.params["message"] == {
        "text": "Shall we say goodbye?",
        "quick_replies": [
            {"content_type": "text", "title": "Say hello", "payload": "/greet"},
            {"content_type": "text", "title": "Say goodbye", "payload": "/goodbye"},
        ],
    }
    post_messenger(live_stack, messenger_event("messenger_quick_reply.json", psid))
    assert messenger_sent(platform_apis, psid, 2)[1].params["message"] == {"text": GOODBYE}


def test_messenger_numbered_options_and_replying_with_a_number(live_stack, platform_apis):
    psid = str(unique_number())
    post_messenger(live_stack, messenger_event("messenger_message.json", psid))
    messenger_sent(platform_apis, psid, 2)  # the conversation has started: greeting, consent
    push_bot_message(live_stack, psid, "facebook", "Which one?", LONG_TITLES)
    question = messenger_sent(platform_apis, psid, 3)[2]
    assert question.params["message"] == {
        "text": (
            "Which one?\n\n1. Relapsing-remitting multiple sclerosis\n"
            "2. I would like to stop for today, thank you\n\n" + wording("numbered_hint")
        )
    }
    post_messenger(live_stack, messenger_event("messenger_message.json", psid, text="2"))
    assert messenger_sent(platform_apis, psid, 4)[3].params["message"] == {"text": GOODBYE}


def test_messenger_long_explanation_is_split_under_2000(live_stack, platform_apis):
    psid = str(unique_number())
    push_bot_message(live_stack, psid, "facebook", EXPLANATION)
    texts = platform_apis.texts_until(
        "facebook",
        lambda c: c.params["message"]["text"]
        if c.params["recipient"]["id"] == psid and "message" in c.params
        else None,
        done=EXPLANATION[-40:],
    )
    assert len(texts) >= 7 and all(len(t) <= 2000 for t in texts)
    assert "\n\n".join(texts) == EXPLANATION


def test_messenger_photo_gets_a_kind_text_only_answer(live_stack, platform_apis):
    psid = str(unique_number())
    assert post_messenger(live_stack, messenger_event("messenger_attachment.json", psid)) == (
        200,
        "success",
    )
    assert [c.params["message"]["text"] for c in messenger_sent(platform_apis, psid)] == [
        wording("text_only")
    ]
