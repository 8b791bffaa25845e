"""Logins, sessions, roles: every page and export needs a login; admins alone manage."""

from __future__ import annotations

from sqlalchemy import select

from review.app import create_app
from review.config import Settings
from review.db import make_engine
from review.models import user

from .conftest import ADMIN, COORDINATOR, CSRF_RE, csrf_of, login, start_client

PUBLIC = {"/health", "/login", "/static", "/favicon.ico"}


def concrete(path: str) -> str:
    return path.replace("{pid}", "P-0123456789ab").replace("{kind}", "csv").replace("{name}", "ada")


async def test_every_route_needs_a_login(app_client):
    """Walk the router itself, so a route added later is covered too."""
    checked = 0
    for route in app_client.server.app.router.routes():
        path = route.resource.canonical
        if route.method == "HEAD" or path in PUBLIC:
            continue
        resp = await app_client.request(route.method, concrete(path), allow_redirects=False)
        if route.method == "GET":
            assert resp.status == 303, path
            assert resp.headers["Location"].startswith("/login?next="), path
        else:
            assert resp.status == 401, (route.method, path)
        checked += 1
    assert checked >= 23  # the app's routes today, not an empty loop


async def test_public_routes_hold_no_data(app_client):
    assert (await app_client.get("/health")).status == 200
    assert (await app_client.get("/static/review.css")).status == 200
    page = await (await app_client.get("/login")).text()
    assert "Log in" in page and "Conversations</a>" not in page
    assert (await app_client.get("/favicon.ico")).status == 204


async def test_reloading_the_login_page_keeps_its_form_valid(app_client):
    """A second tab, or the browser fetching /favicon.ico, must not expire the form."""
    first = CSRF_RE.search(await (await app_client.get("/login")).text()).group(1)
    second = CSRF_RE.search(await (await app_client.get("/login")).text()).group(1)
    assert first == second
    resp = await app_client.post(
        "/login",
        data={"name": ADMIN[0], "password": ADMIN[1], "csrf_token": first},
        allow_redirects=False,
    )
    assert resp.status == 303


async def test_login_goes_where_the_user_wanted(app_client, convs):
    resp = await app_client.get("/dashboard", allow_redirects=False)
    target = resp.headers["Location"]
    page = await (await app_client.get(target)).text()
    assert 'name="next" value="/dashboard"' in page
    resp = await login(app_client, *COORDINATOR)
    assert resp.headers["Location"] == "/conversations"
    assert (await app_client.get("/dashboard")).status == 200


async def test_login_never_redirects_off_site(app_client):
    page = await (await app_client.get("/login", params={"next": "//evil.example/x"})).text()
    assert "evil.example" not in page


async def test_wrong_password_or_name(app_client):
    resp = await login(app_client, ADMIN[0], "not the password", expect=401)
    assert "The name or the password is wrong." in await resp.text()
    await login(app_client, "nobody", "whatever password", expect=401)
    assert (await app_client.get("/conversations", allow_redirects=False)).status == 303


async def test_coordinator_cannot_manage_accounts_or_delete(coordinator, convs):
    token = await csrf_of(coordinator)
    for method, path in [
        ("GET", "/admin/users"),
        ("GET", "/admin/audit"),
        ("POST", "/admin/users"),
        ("POST", "/admin/users/ada"),
        ("POST", "/conversations/P-0123456789ab/delete"),
    ]:
        resp = await coordinator.request(method, path, data={"csrf_token": token, "confirm": "yes"})
        assert resp.status == 403, path
    page = await (await coordinator.get("/conversations")).text()
    assert "/admin/users" not in page  # not offered either


async def test_admin_creates_and_disables_a_coordinator(admin, settings):
    token = await csrf_of(admin, "/admin/users")
    resp = await admin.post(
        "/admin/users",
        data={
            "csrf_token": token,
            "name": "Nina",
            "role": "coordinator",
            "password": "a long password",
        },
    )
    assert resp.status == 200 and "Account nina created." in await resp.text()
    short = await admin.post(
        "/admin/users",
        data={"csrf_token": token, "name": "olaf", "role": "coordinator", "password": "short"},
    )
    assert short.status == 400 and "at least 12 characters" in await short.text()

    nina = await start_client(settings)
    try:
        await login(nina, "nina", "a long password")
        assert (await nina.get("/conversations")).status == 200
        resp = await admin.post(
            "/admin/users/nina", data={"csrf_token": token, "change": "disable"}
        )
        assert resp.status == 200
        # her session ends at once, and she cannot log in again
        assert (await nina.get("/conversations", allow_redirects=False)).status == 303
        await login(nina, "nina", "a long password", expect=401)
    finally:
        await nina.close()


async def test_passwords_are_stored_as_argon2_hashes(db_url, users):
    engine = make_engine(db_url)
    with engine.connect() as conn:
        stored = dict(conn.execute(select(user.c.name, user.c.password_hash)).all())
    engine.dispose()
    assert stored[ADMIN[0]].startswith("$argon2id$") and ADMIN[1] not in stored[ADMIN[0]]


async def test_cookies_are_secure_httponly_samesite(db_url, users):
    """With the default settings (HTTPS) both cookies carry Secure, HttpOnly and SameSite.
    A plain-http client rightly keeps Secure cookies to itself, so they are sent by hand."""
    client = await start_client(Settings(db_url=db_url))
    try:
        form = await client.get("/login")
        login_cookie = form.cookies["review_login_csrf"]
        token = CSRF_RE.search(await form.text()).group(1)
        resp = await client.post(
            "/login",
            data={"name": ADMIN[0], "password": ADMIN[1], "csrf_token": token},
            cookies={"review_login_csrf": login_cookie.value},
            allow_redirects=False,
        )
        assert resp.status == 303
        session_cookie = resp.cookies["review_session"]
        for cookie in (login_cookie, session_cookie):
            assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
        assert session_cookie["path"] == "/"
    finally:
        await client.close()


async def test_failed_logins_are_rate_limited(app_client):
    for _ in range(5):
        await login(app_client, ADMIN[0], "wrong password!!", expect=401)
    resp = await login(app_client, ADMIN[0], ADMIN[1], expect=429)  # even the right one
    assert "Too many failed attempts" in await resp.text()
    await login(app_client, *COORDINATOR)  # other accounts are not locked out


async def test_failures_from_one_address_are_limited_across_names(db_url, users):
    client = await start_client(
        Settings(db_url=db_url, cookie_secure=False, login_max_failures_per_address=3)
    )
    try:
        for name in ("x1", "x2", "x3"):
            await login(client, name, "wrong password!!", expect=401)
        await login(client, *COORDINATOR, expect=429)
    finally:
        await client.close()


async def test_idle_sessions_expire(db_url, users):
    client = await start_client(
        Settings(db_url=db_url, cookie_secure=False, session_idle_minutes=-1)
    )
    try:
        await login(client, *ADMIN)
        assert (await client.get("/conversations", allow_redirects=False)).status == 303
    finally:
        await client.close()


async def test_logout_ends_the_session(admin):
    token = await csrf_of(admin)
    cookie = admin.session.cookie_jar.filter_cookies(admin.make_url("/"))["review_session"]
    resp = await admin.post("/logout", data={"csrf_token": token}, allow_redirects=False)
    assert resp.status == 303
    # the old cookie value no longer opens anything, even if a browser kept it
    admin.session.cookie_jar.update_cookies({"review_session": cookie.value})
    assert (await admin.get("/conversations", allow_redirects=False)).status == 303


async def test_changing_ones_password(coordinator):
    token = await csrf_of(coordinator, "/account")
    resp = await coordinator.post(
        "/account/password",
        data={
            "csrf_token": token,
            "current": COORDINATOR[1],
            "new": "brand new password",
            "again": "brand new password",
        },
        allow_redirects=False,
    )
    assert resp.status == 303
    await login(coordinator, COORDINATOR[0], COORDINATOR[1], expect=401)
    await login(coordinator, COORDINATOR[0], "brand new password")


async def test_app_factory_creates_its_tables_on_an_empty_database(tmp_path):
    app = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'empty.db'}"))
    assert app is not None
