"""Every form post needs the session's CSRF token; the login form needs its own."""

from __future__ import annotations

from .conftest import COORDINATOR, csrf_of, login, start_client
from .helpers import pseudonym_of


async def test_a_form_post_needs_the_sessions_token(coordinator, convs, db_url):
    pid = pseudonym_of(db_url, convs["alice"].sender_id)
    path = f"/conversations/{pid}/tags"
    assert (await coordinator.post(path, data={"tag": "x"})).status == 403
    assert (await coordinator.post(path, data={"tag": "x", "csrf_token": "forged"})).status == 403
    token = await csrf_of(coordinator)
    ok = await coordinator.post(path, data={"tag": "x", "csrf_token": token}, allow_redirects=False)
    assert ok.status == 303
    page = await (await coordinator.get(f"/conversations/{pid}")).text()
    assert page.count('<span class="tag">x') == 1  # only the post with the token counted


async def test_another_sessions_token_is_refused(coordinator, convs, db_url, settings):
    other = await start_client(settings)
    try:
        await login(other, *COORDINATOR)
        their_token = await csrf_of(other)
    finally:
        await other.close()
    pid = pseudonym_of(db_url, convs["alice"].sender_id)
    resp = await coordinator.post(
        f"/conversations/{pid}/status", data={"status": "reviewed", "csrf_token": their_token}
    )
    assert resp.status == 403


async def test_cross_site_origin_is_refused_even_with_a_token(coordinator, convs, db_url):
    pid = pseudonym_of(db_url, convs["alice"].sender_id)
    token = await csrf_of(coordinator)
    resp = await coordinator.post(
        f"/conversations/{pid}/notes",
        data={"text": "hi", "csrf_token": token},
        headers={"Origin": "https://evil.example"},
    )
    assert resp.status == 403


async def test_logout_and_login_forms_are_protected_too(coordinator, app_client):
    assert (await coordinator.post("/logout", data={})).status == 403
    assert (await coordinator.get("/conversations")).status == 200  # still logged in
    coordinator.session.cookie_jar.clear()
    # A login post without the cookie the login form sets (a cross-site login attempt)
    resp = await coordinator.post(
        "/login",
        data={"name": COORDINATOR[0], "password": COORDINATOR[1], "csrf_token": "anything"},
    )
    assert resp.status == 403


async def test_every_form_on_a_page_carries_the_token(admin, convs, db_url):
    pid = pseudonym_of(db_url, convs["alice"].sender_id)
    for path in (f"/conversations/{pid}", "/referrals", "/admin/users", "/account"):
        page = await (await admin.get(path)).text()
        posts = page.count('method="post"')
        assert posts > 0
        assert page.count('name="csrf_token"') == posts, path
