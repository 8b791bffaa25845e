"""Health data stays out of the logs at INFO level; pages are not cached."""

from __future__ import annotations

import logging

from .helpers import pseudonym_of


async def test_no_patient_text_or_profile_in_info_logs(coordinator, convs, db_url, caplog):
    caplog.set_level(logging.INFO)
    pid = pseudonym_of(db_url, convs["alice"].sender_id)
    await coordinator.get(f"/conversations/{pid}")
    await coordinator.get("/conversations", params={"q": "relapse"})
    await coordinator.get("/export/prescreening.csv", params={"q": "relapse"})
    await coordinator.get("/referrals")
    await coordinator.get(f"/conversations/{pid}/summary")
    logged = caplog.text
    assert f"GET /conversations/{pid} 200" in logged  # requests are logged...
    for secret in (
        "relapse",
        "Alice Example",
        "alice@example.org",
        "I am 43",
        convs["alice"].sender_id,
    ):
        assert secret not in logged  # ...without what patients said or who they are


async def test_pages_are_not_cached(coordinator, convs):
    resp = await coordinator.get("/conversations")
    assert resp.headers["Cache-Control"] == "no-store"
    assert resp.headers["X-Frame-Options"] == "DENY"
    assert resp.headers["Referrer-Policy"] == "same-origin"  # pseudonyms stay on site
