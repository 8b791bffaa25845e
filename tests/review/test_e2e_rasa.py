"""End to end: the real Rasa server writes a conversation over REST, the review app shows it.

Runs the stack as ``make run`` does (action server, Rasa, review app; ``scripts.stack``) on
free ports, with a tracker store of its own.
"""
from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import uuid
from pathlib import Path

import aiohttp
import pytest
import yaml
from markupsafe import escape

from scripts.stack import Stack

from .helpers import free_port, pseudonyms_on

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "ms-trials.tar.gz"
# The bot's greeting as domain.yml has it (the bot now also asks for consent after it).
GREETING = yaml.safe_load((ROOT / "domain.yml").read_text())["responses"]["utter_greet"][0]["text"]
PASSWORD = "end to end password"


def distinct_ports(n: int) -> list[int]:
    ports: set[int] = set()
    while len(ports) < n:
        ports.add(free_port())
    return list(ports)


async def test_a_rest_conversation_with_rasa_shows_in_the_review_app(tmp_path):
    if not MODEL.exists():
        pytest.skip("no trained model: run `make train` (make test trains first)")
    actions_port, rasa_port, web_port, review_port = distinct_ports(4)
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{actions_port}/webhook"\n'
        f'tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "{tmp_path / "tracker.db"}"\n')
    # The first admin, created the documented way; the CLI finds the database through the
    # same endpoints file as Rasa.
    made = subprocess.run([sys.executable, "-m", "review", "create-user", "ada", "--role",
                           "admin", "--password-stdin", "--endpoints", str(endpoints)],
                          cwd=ROOT, input=PASSWORD + "\n", capture_output=True, text=True,
                          timeout=120)
    assert made.returncode == 0, made.stderr
    stack = Stack(rasa_port=rasa_port, actions_port=actions_port, web_port=web_port,
                  with_web=False, review_port=review_port, with_review=True,
                  endpoints=str(endpoints), log_dir=tmp_path / "logs")
    await asyncio.to_thread(stack.start)
    try:
        sender = f"e2e-{uuid.uuid4().hex}"
        async with aiohttp.ClientSession() as http:
            resp = await http.post(f"{stack.rasa_url}/webhooks/rest/webhook",
                                   json={"sender": sender, "message": "hello"})
            assert resp.status == 200
            assert [m["text"] for m in await resp.json()][0] == GREETING

        jar = aiohttp.CookieJar(unsafe=True)  # cookies from 127.0.0.1
        async with aiohttp.ClientSession(base_url=stack.review_url, cookie_jar=jar) as review:
            form = await (await review.get("/login")).text()
            token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
            resp = await review.post("/login", data={"name": "ada", "password": PASSWORD,
                                                     "csrf_token": token})
            listing = await resp.text()
            assert resp.status == 200 and str(resp.url).endswith("/conversations")
            (pid,) = pseudonyms_on(listing)
            row = listing[listing.index(pid):listing.index("</tr>", listing.index(pid))]
            assert "<td>rest</td>" in row and "Abandoned" in row
            page = await (await review.get(f"/conversations/{pid}")).text()
            assert '<div class="bubble">hello</div>' in page
            assert f'<div class="bubble">{escape(GREETING)}</div>' in page
            assert sender not in page and sender not in listing
    finally:
        await asyncio.to_thread(stack.stop)
