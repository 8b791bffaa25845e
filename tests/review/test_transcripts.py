"""The conversation list and a conversation's page over built conversations."""

from __future__ import annotations

import re

from markupsafe import escape

from review.pseudonym import looks_like_pseudonym

from .builders import SCRIPT_TAG


def pseudonyms(page: str) -> list[str]:
    return re.findall(r'<a href="/conversations/(P-[0-9a-f]{12})">', page)


async def test_list_shows_every_conversation_pseudonymised(admin, convs):
    resp = await admin.get("/conversations")
    page = await resp.text()
    assert resp.status == 200
    found = pseudonyms(page)
    assert len(found) == 5 and all(looks_like_pseudonym(p) for p in found)
    for script in convs.values():
        assert script.sender_id not in page  # raw ids never reach the page
    assert "5 conversations." in page


async def pid_of(client, script) -> str:
    """The pseudonym of a built conversation, found through the free-text filter."""
    first_words = next(e.text for e in script.events if getattr(e, "type_name", "") == "user")
    resp = await client.get("/conversations", params={"q": first_words})
    found = pseudonyms(await resp.text())
    assert found, first_words
    return found[0]


async def test_transcript_escapes_what_the_patient_typed(admin, convs):
    resp = await admin.get("/conversations", params={"q": "pwned"})
    (pid,) = pseudonyms(await resp.text())
    page = await (await admin.get(f"/conversations/{pid}")).text()
    assert SCRIPT_TAG not in page
    assert "<script" not in page.lower()
    assert str(escape(SCRIPT_TAG)) in page  # shown as text, exactly as typed
    assert "&lt;b&gt;Canada&lt;/b&gt;" in page  # a slot value with markup
    assert "<i>menstrual</i>" not in page  # trial text with markup


async def test_transcript_profile_corrections_and_verdicts(admin, convs):
    resp = await admin.get("/conversations", params={"channel": "telegram"})
    (pid,) = pseudonyms(await resp.text())
    page = await (await admin.get(f"/conversations/{pid}")).text()
    # chat bubbles in order, with the bot's buttons
    assert page.index("no, I am 43 actually") > page.index("How old are you?")
    assert '<span class="chip" title="/affirm">Yes</span>' in page
    # every value the age took, in order, the latest as current
    assert re.search(r'<span class="old">34</span> → <span class="current">43</span>', page)
    # per-criterion verdicts as the bot explained them
    assert "Likely eligible</span> NCT05532943" in page
    assert "The study team will check your blood tests." in page
    assert '<span class="status unknown">Unknown</span>' in page
    assert '<span class="status needs_review">Needs review</span>' in page
    assert "Alice Example" in page and "alice@example.org" in page


async def test_control_characters_and_lone_surrogates_are_shown_not_fatal(admin, db_url, now):
    """What the hostile-input test sends the live bot: NUL (PostgreSQL text refuses it) and a lone
    surrogate (valid JSON, not encodable as UTF-8) must neither break the index nor the page."""
    from .builders import Script, save_scripts

    s = Script("rest-hostile-1", now - 60, channel="rest")
    s.user("hi\x00there", "greet").bot("Hello! I can help you find MS trials.")
    s.user("a\udfffb").user("\ud800").slot("country", "Tai\x00wan\ud800")
    await save_scripts(db_url, [s])
    resp = await admin.get("/conversations", params={"q": "there"})
    assert resp.status == 200, await resp.text()
    (pid,) = pseudonyms(await resp.text())
    page_resp = await admin.get(f"/conversations/{pid}")
    page = await page_resp.text()
    assert page_resp.status == 200
    assert "hi\ufffdthere" in page and "a\ufffdb" in page
    assert "\x00" not in page
