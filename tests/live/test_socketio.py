"""Rasa 3.6's socket.io channel, spoken to by a real socket.io client: the widget's protocol.

Also the proof that the python-socketio 5.9.0 / python-engineio 4.7.1 pins keep bot replies
flowing with ``session_persistence: true`` (RasaHQ/rasa#13027: with python-socketio >= 5.10 the
never-awaited ``enter_room`` leaves the client out of its room and no reply ever arrives).
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
import socketio

from .rasa_api import push_bot_message, response_text

pytestmark = pytest.mark.slow


class WidgetLikeClient:
    """A socket.io client doing what the widget does: session_request, then user_uttered."""

    def __init__(self) -> None:
        self.sio = socketio.AsyncClient(reconnection=False)
        self.confirmed: asyncio.Queue[Any] = asyncio.Queue()
        self.replies: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.sio.on("session_confirm", self.confirmed.put)
        self.sio.on("bot_uttered", self.replies.put)

    async def start(self, url: str, session_id: str, transport: str) -> Any:
        await self.sio.connect(
            url, socketio_path="/socket.io", transports=[transport], wait_timeout=10
        )
        await self.sio.emit("session_request", {"session_id": session_id})
        return await asyncio.wait_for(self.confirmed.get(), 10)

    async def say(self, session_id: str, text: str) -> dict[str, Any]:
        await self.sio.emit("user_uttered", {"message": text, "session_id": session_id})
        return await asyncio.wait_for(self.replies.get(), 30)

    async def stop(self) -> None:
        await self.sio.disconnect()
        await self.sio.wait()  # lets the transport's read/write tasks finish


@pytest.mark.parametrize("transport", ["websocket", "polling"])
async def test_bot_replies_over_socketio(live_stack, transport):
    session_id = uuid.uuid4().hex
    client = WidgetLikeClient()
    try:
        assert await client.start(live_stack.rasa_url, session_id, transport) == session_id
        assert await client.say(session_id, "hello") == {"text": response_text("utter_greet")}
    finally:
        await client.stop()


async def test_conversation_continues_on_a_new_connection(live_stack):
    """What a page reload does: a new socket asks for the same session and gets the replies."""
    session_id = uuid.uuid4().hex
    first = WidgetLikeClient()
    await first.start(live_stack.rasa_url, session_id, "websocket")
    await first.say(session_id, "hello")
    await first.stop()
    second = WidgetLikeClient()
    try:
        await second.start(live_stack.rasa_url, session_id, "websocket")
        reply = await second.say(session_id, "bye")
        assert reply == {"text": response_text("utter_goodbye")}
    finally:
        await second.stop()


async def test_buttons_arrive_as_quick_replies(live_stack):
    """The payload the widget turns into chips, exactly as Rasa 3.6 emits it."""
    session_id = uuid.uuid4().hex
    client = WidgetLikeClient()
    try:
        await client.start(live_stack.rasa_url, session_id, "websocket")
        buttons = [
            {"title": "Say hello", "payload": "/greet"},
            {"title": "Say goodbye", "payload": "/goodbye"},
        ]
        await asyncio.to_thread(
            push_bot_message, live_stack, session_id, "socketio", "Shall we?", buttons
        )
        reply = await asyncio.wait_for(client.replies.get(), 30)
        assert reply == {
            "text": "Shall we?",
            "quick_replies": [
                {"content_type": "text", "title": "Say hello", "payload": "/greet"},
                {"content_type": "text", "title": "Say goodbye", "payload": "/goodbye"},
            ],
        }
    finally:
        await client.stop()
