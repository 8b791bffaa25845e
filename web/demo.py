"""The demo site: a clinic-style trial-information page with the chat widget embedded in one
``<script>`` tag, and the widget file itself. Every value from the trial store is HTML-escaped,
and a strict Content-Security-Policy keeps any injected script from running all the same.
"""

from __future__ import annotations

import html
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web
from sqlalchemy.orm import sessionmaker

from trials_db.models import Trial
from trials_db.render import (
    age_range_text,
    location_text,
    phase_text,
    sex_text,
    status_text,
    trial_url,
)
from trials_db.store import get_trial

WIDGET_FILE = Path(__file__).resolve().parent / "widget" / "dist" / "ms-chat-widget.js"
WIDGET_PATH = "/widget/ms-chat-widget.js"
DEMO_TRIAL = "NCT05532943"
NCT_ID = re.compile(r"^NCT\d{8}$")

PAGE_CSS = """
body{margin:0;font:16px/1.55 Georgia,"Times New Roman",serif;color:#1d2733;background:#fafbfc}
a{color:#0b4f94}
.site{background:#173a5e;color:#fff;padding:14px 24px;display:flex;gap:24px;align-items:baseline;
flex-wrap:wrap}
.site strong{font:700 20px/1.2 system-ui,sans-serif}.site nav a{color:#dbe8f5;margin-right:16px;
font:15px system-ui,sans-serif}
.demo-note{background:#fff4d6;border-bottom:1px solid #e8d49a;padding:8px 24px;font:14px system-ui,
sans-serif}
main{max-width:860px;margin:0 auto;padding:24px}
h1{font-size:28px;line-height:1.25;margin:8px 0 12px}
.meta{font:14px system-ui,sans-serif;color:#4a5868}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;font:15px system-ui,
sans-serif;background:#fff;border:1px solid #dfe4ea;border-radius:8px;padding:14px 18px}
.facts dt{font-weight:600}.facts dd{margin:0}
section{margin-top:28px}h2{font-size:21px;border-bottom:2px solid #dfe4ea;padding-bottom:4px}
ol li,ul li{margin-bottom:6px}
.ask{background:#e8f1fb;border:1px solid #b9d3ee;border-radius:8px;padding:14px 18px;
font:15px system-ui,sans-serif}
pre{background:#14202c;color:#e6edf3;padding:12px 14px;border-radius:8px;overflow-x:auto;
font-size:13px;white-space:pre-wrap;word-break:break-all}
footer{max-width:860px;margin:0 auto;padding:24px;font:14px system-ui,sans-serif;color:#4a5868}
@media (max-width:600px){main,footer{padding:16px}h1{font-size:23px}
.facts{grid-template-columns:1fr}}
"""


def e(value: object) -> str:
    """HTML-escape anything for text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(rasa_url: str, nonce: str) -> str:
    """Only our own scripts run; the page may talk to itself and to the Rasa server."""
    rasa = origin(rasa_url)
    ws = rasa.replace("https://", "wss://", 1).replace("http://", "ws://", 1)
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            f"style-src 'self' 'nonce-{nonce}'",
            f"connect-src 'self' {rasa} {ws}",
            "img-src 'self' data: https:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'self'",
        ]
    )


def embed_snippet(widget_url: str, rasa_url: str) -> str:
    return f'<script src="{widget_url}" data-server="{rasa_url}" defer></script>'


def _list(items: list[str], tag: str = "ul") -> str:
    return f"<{tag}>" + "".join(f"<li>{e(i)}</li>" for i in items) + f"</{tag}>"


def trial_html(trial: Trial) -> str:
    """The trial's information, every value escaped."""
    facts = [
        ("Study", trial.nct_id),
        ("Status", status_text(trial.overall_status)),
        ("Phase", phase_text(trial.phases)),
        ("Sponsor", trial.lead_sponsor or "Not given"),
        ("Conditions", ", ".join(trial.conditions or []) or "Not given"),
        ("Who can take part", f"{age_range_text(trial)}, {sex_text(trial.sex)}"),
    ]
    parts = [
        f'<p class="meta">{e(trial.nct_id)} · {e(status_text(trial.overall_status))}</p>',
        f"<h1>{e(trial.display_title)}</h1>",
        '<dl class="facts">'
        + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in facts)
        + "</dl>",
        '<p class="ask">Could this study be right for you? Open the chat in the corner: the '
        "assistant asks a few questions and explains, criterion by criterion, which studies "
        "you may qualify for.</p>",
    ]
    if trial.brief_summary:
        parts.append(f"<section><h2>Summary</h2><p>{e(trial.brief_summary)}</p></section>")
    for kind, title in (
        ("inclusion", "Who can take part (inclusion criteria)"),
        ("exclusion", "Who cannot take part (exclusion criteria)"),
        ("general", "Other eligibility notes"),
    ):
        items = [c.text for c in trial.criteria if c.kind == kind]
        if items:
            parts.append(f"<section><h2>{e(title)}</h2>{_list(items, 'ol')}</section>")
    if trial.sites:
        places = [
            location_text(s) + (f" ({status_text(s.status)})" if s.status else "")
            for s in trial.sites
        ]
        parts.append(f"<section><h2>Locations</h2>{_list(places)}</section>")
    parts.append(
        f'<section><h2>More information</h2><p><a href="{e(trial_url(trial.nct_id))}" '
        f'rel="noopener noreferrer">This study on ClinicalTrials.gov</a></p></section>'
    )
    return "\n".join(parts)


def page_html(body: str, title: str, rasa_url: str, widget_url: str, nonce: str) -> str:
    snippet = embed_snippet(widget_url, rasa_url)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} · Example MS Centre</title>
<link rel="icon" href="data:,">
<style nonce="{e(nonce)}">{PAGE_CSS}</style>
</head><body>
<header class="site"><strong>Example MS Centre</strong>
<nav aria-label="Site"><a href="/">Clinical trials</a><a href="/api/trials?status=RECRUITING">Trial
data (JSON)</a></nav></header>
<p class="demo-note">Demo page: it shows how the MS trial finder chat looks when a clinic embeds it.
The chat bubble in the corner is added by one script tag (see the bottom of the page).</p>
<main>
{body}
</main>
<footer><h2>Embed the chat on your site</h2>
<p>Add this one line before <code>&lt;/body&gt;</code>; <code>data-server</code> is \
the Rasa server's URL:</p>
<pre><code>{e(snippet)}</code></pre>
<p>Information only, not medical advice. Trial data: ClinicalTrials.gov.</p></footer>
<script src="{e(widget_url)}" data-server="{e(rasa_url)}" defer></script>
</body></html>"""


class DemoSite:
    """Routes of the demo page (``/``, ``/trials/{nct_id}``) and of the widget script."""

    def __init__(
        self, sessions: sessionmaker, rasa_url: str, widget_file: Path = WIDGET_FILE
    ) -> None:
        self.sessions = sessions
        self.rasa_url = rasa_url
        self.widget_file = widget_file

    def routes(self) -> list[web.RouteDef]:
        return [
            web.get("/", self.index),
            web.get("/trials/{nct_id}", self.trial_page),
            web.get(WIDGET_PATH, self.widget),
        ]

    async def index(self, request: web.Request) -> web.Response:
        return self._trial_response(request, DEMO_TRIAL, missing_status=200)

    async def trial_page(self, request: web.Request) -> web.Response:
        return self._trial_response(request, request.match_info["nct_id"], missing_status=404)

    def _trial_response(
        self, request: web.Request, nct_id: str, missing_status: int
    ) -> web.Response:
        nonce = secrets.token_urlsafe(16)
        # request.url breaks on this aiohttp/yarl pair for hosts with a port: build it by hand.
        widget_url = f"{request.scheme}://{request.host}{WIDGET_PATH}"
        trial = None
        if NCT_ID.match(nct_id.strip().upper()):
            with self.sessions() as session:
                trial = get_trial(session, nct_id)
                body = trial_html(trial) if trial is not None else ""
        if trial is None:
            body = (
                f"<h1>Study not found</h1><p>{e(nct_id[:20])} is not in this site's trial store. "
                "An empty store is filled with <code>make data</code>.</p>"
                '<p><a href="/">Back to the example study</a></p>'
            )
        title = trial.display_title if trial is not None else "Study not found"
        text = page_html(body, title, self.rasa_url, widget_url, nonce)
        return web.Response(
            text=text,
            content_type="text/html",
            status=200 if trial else missing_status,
            headers={
                "Content-Security-Policy": content_security_policy(self.rasa_url, nonce),
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "strict-origin-when-cross-origin",
            },
        )

    async def widget(self, _request: web.Request) -> web.StreamResponse:
        """The built widget (gzip when the browser accepts it); any site may load it."""
        if not self.widget_file.is_file():
            return web.Response(
                status=503,
                content_type="text/javascript",
                text="console.error('The MS trial chat widget is not built on this server: "
                "run make setup (needs Node.js and npm).');",
            )
        return web.FileResponse(
            self.widget_file,
            headers={
                "Content-Type": "text/javascript; charset=utf-8",
                "Cache-Control": "no-cache",  # revalidated with the ETag on every page load
                "Access-Control-Allow-Origin": "*",
                "X-Content-Type-Options": "nosniff",
            },
        )
