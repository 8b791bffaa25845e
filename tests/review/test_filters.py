"""Conversation-list filters and pagination, checked against the built conversations."""

from __future__ import annotations

import datetime as dt

from review.config import Settings

from .builders import DAY, TAIWAN
from .conftest import ADMIN, login, start_client
from .helpers import pseudonym_of, pseudonyms_on

CASES = [
    ({"channel": "telegram"}, {"alice"}),
    ({"channel": "rest"}, {"bob", "dave", "mallory"}),
    ({"screening": "completed"}, {"alice", "carol", "mallory"}),
    ({"screening": "abandoned"}, {"bob", "dave"}),
    ({"likely": "1"}, {"alice"}),
    ({"likely": "0"}, {"bob", "carol", "dave", "mallory"}),
    ({"possible": "2"}, {"carol"}),
    ({"possible": "1"}, {"alice", "carol", "mallory"}),
    ({"contact": "yes"}, {"alice", "mallory"}),
    ({"contact": "no"}, {"bob", "carol", "dave"}),
    ({"nct": TAIWAN[0]}, {"alice", "carol"}),
    ({"nct": TAIWAN[0].lower()}, {"alice", "carol"}),
    ({"q": "relapse"}, {"bob"}),
    ({"q": "RELAPSE in"}, {"bob"}),
    ({"q": "%"}, set()),  # a LIKE wildcard is searched for literally
    ({"channel": "rest", "contact": "yes"}, {"mallory"}),
    ({"likely": "lots", "screening": "maybe"}, {"alice", "bob", "carol", "dave", "mallory"}),
]


async def test_each_filter(admin, convs, db_url):
    """One setup, every case (the setup costs far more than a request)."""
    names = {pseudonym_of(db_url, s.sender_id): n for n, s in convs.items()}
    for params, expected in CASES:
        page = await (await admin.get("/conversations", params=params)).text()
        assert {names[p] for p in pseudonyms_on(page)} == expected, params


async def test_date_range_and_pseudonym_search(admin, convs, db_url, now):
    cut = dt.datetime.fromtimestamp(now - 10 * DAY, dt.timezone.utc).date().isoformat()
    names = {pseudonym_of(db_url, s.sender_id): n for n, s in convs.items()}
    after = await (await admin.get("/conversations", params={"date_from": cut})).text()
    before = await (await admin.get("/conversations", params={"date_to": cut})).text()
    assert {names[p] for p in pseudonyms_on(after)} == {"bob", "carol", "mallory"}
    assert {names[p] for p in pseudonyms_on(before)} == {"alice", "dave"}
    dave = pseudonym_of(db_url, convs["dave"].sender_id)
    found = await (await admin.get("/conversations", params={"q": dave})).text()
    assert pseudonyms_on(found) == [dave]


async def test_filters_are_kept_in_the_form_and_export_links(admin, convs):
    page = await (
        await admin.get("/conversations", params={"channel": "rest", "contact": "yes"})
    ).text()
    assert '<option value="yes" selected>Yes</option>' in page
    assert 'href="/export/prescreening.csv?channel=rest&amp;contact=yes"' in page


async def test_pages_cover_every_conversation_once(db_url, users, convs):
    client = await start_client(Settings(db_url=db_url, cookie_secure=False, page_size=2))
    try:
        await login(client, *ADMIN)
        seen = []
        for page_no in (1, 2, 3):
            page = await (await client.get("/conversations", params={"page": page_no})).text()
            seen += pseudonyms_on(page)
            assert f"Page {page_no} of 3" in page
        assert len(seen) == len(set(seen)) == 5
        # newest activity first
        assert seen[0] == pseudonym_of(db_url, convs["carol"].sender_id)
        beyond = await (await client.get("/conversations", params={"page": 99})).text()
        assert "Page 3 of 3" in beyond
    finally:
        await client.close()
