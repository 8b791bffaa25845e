"""Review workflow: mark reviewed, tags, notes, flagged messages, the referral queue."""

from __future__ import annotations

import re

from .builders import CALGARY, TAIWAN
from .conftest import csrf_of
from .helpers import pseudonym_of, pseudonyms_on


async def post(client, path: str, **data):
    data["csrf_token"] = await csrf_of(client)
    return await client.post(path, data=data, allow_redirects=False)


async def listed(client, **params) -> set[str]:
    return set(pseudonyms_on(await (await client.get("/conversations", params=params)).text()))


async def test_mark_reviewed_and_filter_by_review_status(coordinator, convs, db_url):
    pid = pseudonym_of(db_url, convs["bob"].sender_id)
    resp = await post(coordinator, f"/conversations/{pid}/status", status="reviewed")
    assert resp.status == 303 and resp.headers["Location"] == f"/conversations/{pid}"
    assert await listed(coordinator, review="reviewed") == {pid}
    assert pid not in await listed(coordinator, review="unreviewed")
    page = await (await coordinator.get(f"/conversations/{pid}")).text()
    assert "Reviewed</span> by cora" in page
    await post(coordinator, f"/conversations/{pid}/status", status="unreviewed")
    assert await listed(coordinator, review="reviewed") == set()


async def test_tags_are_added_filtered_and_removed(coordinator, convs, db_url):
    a = pseudonym_of(db_url, convs["alice"].sender_id)
    c = pseudonym_of(db_url, convs["carol"].sender_id)
    await post(coordinator, f"/conversations/{a}/tags", tag="  Call Back ")
    await post(coordinator, f"/conversations/{c}/tags", tag="call back")
    await post(coordinator, f"/conversations/{c}/tags", tag="pregnancy question")
    assert await listed(coordinator, tag="call back") == {a, c}
    assert await listed(coordinator, tag="pregnancy question") == {c}
    bad = await post(coordinator, f"/conversations/{a}/tags", tag="<b>")
    assert bad.status == 400
    await post(coordinator, f"/conversations/{c}/tags/remove", tag="call back")
    assert await listed(coordinator, tag="call back") == {a}
    page = await (await coordinator.get("/conversations")).text()
    assert '<option value="pregnancy question">' in page  # offered as a filter


async def test_notes_are_shown_escaped_and_searchable(coordinator, convs, db_url):
    pid = pseudonym_of(db_url, convs["dave"].sender_id)
    await post(coordinator, f"/conversations/{pid}/notes", text="Declined <i>politely</i>")
    page = await (await coordinator.get(f"/conversations/{pid}")).text()
    assert "Declined &lt;i&gt;politely&lt;/i&gt;" in page and "cora" in page
    assert await listed(coordinator, q="politely") == {pid}
    empty = await post(coordinator, f"/conversations/{pid}/notes", text="   ")
    assert empty.status == 400


async def test_flag_a_message(coordinator, convs, db_url):
    pid = pseudonym_of(db_url, convs["alice"].sender_id)
    page = await (await coordinator.get(f"/conversations/{pid}")).text()
    event_id = re.search(
        r'<div class="msg user" id="e(\d+)">\s*<div class="bubble">no, I am 43', page
    ).group(1)
    resp = await post(
        coordinator,
        f"/conversations/{pid}/flags",
        event_id=event_id,
        flagged="1",
        reason="age changed",
    )
    assert resp.status == 303
    page = await (await coordinator.get(f"/conversations/{pid}")).text()
    assert f'<div class="msg user flagged" id="e{event_id}">' in page
    assert "flagged by cora: age changed" in page
    listing = await (await coordinator.get("/conversations")).text()
    assert 'title="flagged messages">⚑ 1</span>' in listing
    await post(coordinator, f"/conversations/{pid}/flags", event_id=event_id, flagged="0")
    assert "flagged by" not in await (await coordinator.get(f"/conversations/{pid}")).text()


async def test_only_this_conversations_messages_can_be_flagged(coordinator, convs, db_url):
    alice = pseudonym_of(db_url, convs["alice"].sender_id)
    bob = pseudonym_of(db_url, convs["bob"].sender_id)
    page = await (await coordinator.get(f"/conversations/{bob}")).text()
    bobs_message = re.search(r'class="msg user" id="e(\d+)"', page).group(1)
    resp = await post(
        coordinator, f"/conversations/{alice}/flags", event_id=bobs_message, flagged="1"
    )
    assert resp.status == 400


async def test_referral_queue_per_trial(coordinator, convs, db_url):
    alice = pseudonym_of(db_url, convs["alice"].sender_id)
    mallory = pseudonym_of(db_url, convs["mallory"].sender_id)
    page = await (await coordinator.get("/referrals")).text()
    assert "2 requests." in page
    taiwan = page[page.index(f"<h2>{TAIWAN[0]}") : page.index(f"<h2>{CALGARY[0]}")]
    assert alice in taiwan and "Alice Example" in taiwan and "alice@example.org" in taiwan
    assert "Likely eligible" in taiwan and mallory not in taiwan
    assert "&#34;http://evil.example&#34;" in page or "&quot;http://evil.example&quot;" in page

    only = await (await coordinator.get("/referrals", params={"nct": CALGARY[0]})).text()
    assert mallory in only and alice not in only

    resp = await post(
        coordinator,
        f"/referrals/{alice}/status",
        nct=TAIWAN[0],
        status="contacted",
        back="/referrals?nct=" + TAIWAN[0],
    )
    assert resp.status == 303 and resp.headers["Location"] == "/referrals?nct=" + TAIWAN[0]
    contacted = await (await coordinator.get("/referrals", params={"status": "contacted"})).text()
    assert alice in contacted and mallory not in contacted
    new = await (await coordinator.get("/referrals", params={"status": "new"})).text()
    assert mallory in new and alice not in new
    bad = await post(coordinator, f"/referrals/{alice}/status", nct=TAIWAN[0], status="lost")
    assert bad.status == 400


async def test_unknown_conversation_is_404(coordinator, convs):
    assert (await coordinator.get("/conversations/P-000000000000")).status == 404
    resp = await post(coordinator, "/conversations/P-000000000000/notes", text="x")
    assert resp.status == 404
