"""The demo trial page: rendered from the store, escaped, strict CSP, widget embedded and served."""

from __future__ import annotations

import gzip

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from trials_db.importer import import_paths
from trials_db.models import Trial
from trials_db.store import make_engine, session_factory
from web.app import create_app
from web.demo import WIDGET_FILE, DemoSite

from .conftest import WITH_CRITERIA

RASA = "http://127.0.0.1:5999"
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
async def client(sqlite_url):
    sessions = session_factory(make_engine(sqlite_url))
    import_paths(sessions, [WITH_CRITERIA], progress=False)
    with sessions() as session:  # a record whose text is hostile markup
        trial = session.get(Trial, "NCT05532943")
        trial.brief_summary = f"Summary with {EVIL}"
        trial.criteria[0].text = f"Criterion with {EVIL}"
        session.commit()
    client = TestClient(TestServer(create_app(sqlite_url, rasa_url=RASA)))
    await client.start_server()
    yield client
    await client.close()


async def test_demo_page_shows_the_example_trial_escaped(client):
    resp = await client.get("/")
    assert resp.status == 200
    page = await resp.text()
    assert "Allogeneic Umbilical Cord Mesenchymal Stem Cells" in page
    assert "Who cannot take part (exclusion criteria)" in page
    assert "eGFR\n&lt; 30 mL/min" in page or "eGFR &lt; 30 mL/min" in page  # the trial's own "<"
    assert EVIL not in page and "<img" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    # Exactly one script on the page: the widget, with the Rasa URL for its socket.
    assert page.count("<script") == 1
    assert (
        f'<script src="http://127.0.0.1:{client.port}/widget/ms-chat-widget.js" '
        f'data-server="{RASA}" defer></script>' in page
    )


async def test_demo_page_forbids_inline_script_and_allows_the_rasa_socket(client):
    csp = (await client.get("/")).headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert f"connect-src 'self' {RASA} ws://127.0.0.1:5999" in csp


async def test_other_and_unknown_trials(client):
    assert (await client.get("/trials/nct05532943")).status == 200
    resp = await client.get("/trials/NCT99999999")
    assert resp.status == 404
    assert "NCT99999999 is not in this site" in await resp.text()
    resp = await client.get("/trials/%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    text = await resp.text()
    assert resp.status == 404 and "<script>alert" not in text and "&lt;script&gt;" in text


async def test_widget_is_served_compressed_to_any_site(client):
    assert WIDGET_FILE.is_file(), "the widget is not built: run `make widget`"
    resp = await client.get(
        "/widget/ms-chat-widget.js", headers={"Accept-Encoding": "gzip"}, auto_decompress=False
    )
    assert resp.status == 200
    assert resp.headers["Content-Type"].startswith("text/javascript")
    assert resp.headers["Content-Encoding"] == "gzip"
    assert resp.headers["Access-Control-Allow-Origin"] == "*"
    source = gzip.decompress(await resp.read()).decode()
    assert source == WIDGET_FILE.read_text()
    assert "session_request" in source and "user_uttered" in source and "Socket.IO" in source
    assert (
        ".innerHTML" not in source.split("Socket.IO client v")[1].split("function startWidget")[1]
    )


async def test_unbuilt_widget_says_how_to_build_it(tmp_path, sqlite_url):
    app = web.Application()
    app.add_routes(
        DemoSite(
            session_factory(make_engine(sqlite_url)), RASA, widget_file=tmp_path / "missing.js"
        ).routes()
    )
    client = TestClient(TestServer(app))
    await client.start_server()
    try:
        resp = await client.get("/widget/ms-chat-widget.js")
        assert resp.status == 503
        assert "make setup" in await resp.text()
    finally:
        await client.close()
