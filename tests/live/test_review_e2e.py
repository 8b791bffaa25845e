"""End to end: real screening conversations written by the running bot, read by the review app.

The live stack's Rasa writes to its SQLite tracker store; the coordinator app is created
in-process over that same database (as `make run` serves it) and must show what happened:
consent, a completed screening, the trials shown with their per-criterion verdicts, the
contact request, and nothing of a conversation the patient deleted.
"""

from __future__ import annotations

import json
import re
import urllib.request
import uuid
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from review import accounts
from review.app import create_app
from review.config import Settings
from review.db import make_engine

pytestmark = pytest.mark.slow

ADMIN = ("ada", "end to end password")
SCREENING = [
    "hi",
    "yes",
    "I'm 34 with RRMS, EDSS 3.5",
    "Tecfidera, it didn't work",
    "I'm a woman",
    "no",
    "3 months ago",
    "5 years ago",
]


def say(stack, sender: str, text: str) -> list[dict]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(
        f"{stack.rasa_url}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


@pytest.fixture
async def review(live_stack):
    db_url = f"sqlite:///{Path(live_stack.endpoints).parent / 'tracker.db'}"
    engine = make_engine(db_url)
    with engine.begin() as conn:
        if accounts.get_user(conn, ADMIN[0]) is None:  # one admin for the whole session
            accounts.create_user(conn, *ADMIN, role="admin")
    engine.dispose()
    client = TestClient(
        TestServer(create_app(Settings(db_url=db_url, cookie_secure=False, reconcile_seconds=0)))
    )
    await client.start_server()
    page = await client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', await page.text()).group(1)
    resp = await client.post(
        "/login",
        data={
            "name": ADMIN[0],
            "password": ADMIN[1],
            "csrf_token": token,
            "next": "/conversations",
        },
    )
    assert resp.status == 200
    yield client
    await client.close()


async def test_a_real_screening_and_contact_request_show_in_the_review_app(live_stack, review):
    sender = f"e2e-{uuid.uuid4().hex[:10]}"
    for text in SCREENING:
        say(live_stack, sender, text)
    say(live_stack, sender, '/trial_details{"nct_id":"NCT05532943"}')  # may not be in the top three
    # Markup in a real request (not the word "alert", which now asks for new-study alerts).
    say(live_stack, sender, "<script>steal('x')</script> please contact me")
    say(live_stack, sender, "Anna")
    say(live_stack, sender, "anna@example.org")

    listing = await (
        await review.get("/conversations", params={"nct": "NCT05532943", "contact": "yes"})
    ).text()
    assert sender not in listing  # pseudonymised
    pids = re.findall(r'href="/conversations/([\w-]+)"', listing)
    assert pids, listing[:2000]
    found = None
    for pid in dict.fromkeys(pids):
        page = await (await review.get(f"/conversations/{pid}")).text()
        if "I&#39;m 34 with RRMS, EDSS 3.5" in page or "I'm 34 with RRMS, EDSS 3.5" in page:
            if "anna@example.org" in page:
                found = page
                break
    assert found is not None, "the conversation is not in the review app"
    assert "<script>steal" not in found and "&lt;script&gt;" in found
    assert "NCT05532943" in found
    # The per-criterion verdicts as the bot explained them at the time.
    assert "This study is for people aged 20 to 65. You told me you are 34." in found
    referrals = await (await review.get("/referrals")).text()
    assert "NCT05532943" in referrals


async def test_delete_my_data_from_the_bot_removes_it_from_the_review_app(live_stack, review):
    sender = f"e2e-del-{uuid.uuid4().hex[:10]}"
    for text in ("hi", "yes", "I'm 58 with PPMS, EDSS 6.5, never had any treatment, I'm a man"):
        say(live_stack, sender, text)
    before = await (await review.get("/conversations", params={"q": "58 with PPMS"})).text()
    assert re.findall(r'href="/conversations/([\w-]+)"', before)
    say(live_stack, sender, "delete my data")
    say(live_stack, sender, "yes")
    after = await (await review.get("/conversations", params={"q": "58 with PPMS"})).text()
    assert not re.findall(r'href="/conversations/([\w-]+)"', after)
