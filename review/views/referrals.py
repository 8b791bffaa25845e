"""The referral queue (patients who asked to be contacted, per trial) and the summaries."""

from __future__ import annotations

from itertools import groupby

from aiohttp import web
from sqlalchemy.engine import Connection

from .. import audit, workflow
from ..conversation import load_conversation
from ..export import referral_summary, summary_json
from ..queries import NCT_RE, REFERRAL_STATUSES, referrals
from ..security import SESSION
from ..state import state
from ..workflow import ConversationGone, WorkflowError


def _nct(value: str) -> str:
    value = value.strip().upper()
    return value if NCT_RE.match(value) else ""


async def queue(request: web.Request) -> web.Response:
    app = state(request)
    nct = _nct(request.query.get("nct", ""))
    status = request.query.get("status", "")
    status = status if status in REFERRAL_STATUSES else ""
    await app.refresh()
    items = await app.db(referrals, nct, status)
    items.sort(key=lambda r: (r.nct_id or "~", -r.requested_at))
    groups = [(nct_id, list(rows)) for nct_id, rows in groupby(items, key=lambda r: r.nct_id)]
    # The page shows names and contact details: that is worth an audit entry.
    await app.audit(
        request,
        "view_referrals",
        "",
        f"nct={nct or 'all'} status={status or 'all'} " f"rows={len(items)}",
    )
    query = {k: v for k, v in (("nct", nct), ("status", status)) if v}
    return app.render(
        request,
        "referrals.html",
        groups=groups,
        nct=nct,
        status=status,
        total=len(items),
        query=query,
    )


async def set_status(request: web.Request) -> web.Response:
    app = state(request)
    pseudonym = request.match_info["pid"]
    form = await request.post()
    nct = _nct(str(form.get("nct", "")))
    status = str(form.get("status", ""))
    sender = await app.sender_for(pseudonym)
    user = request[SESSION].user.name

    def write(conn: Connection) -> None:
        workflow.set_referral_status(conn, sender, nct, status, user)
        audit.record(
            conn,
            user,
            "referral_status",
            pseudonym,
            f"nct={nct or '-'} {status}",
            request.remote or "",
        )

    try:
        await app.db(write)
    except ConversationGone:
        raise web.HTTPNotFound(text="This conversation has been deleted.")
    except WorkflowError as exc:
        raise web.HTTPBadRequest(text=str(exc))
    back = str(form.get("back", ""))
    raise web.HTTPSeeOther(back if back.startswith("/referrals") else "/referrals")


async def _summary(request: web.Request):
    app = state(request)
    pseudonym = request.match_info["pid"]
    nct = _nct(request.query.get("nct", ""))
    sender = await app.sender_for(pseudonym)
    conv = await app.db(load_conversation, sender)
    if conv is None:
        raise web.HTTPNotFound(text="No such conversation (it may have been deleted).")
    return app, pseudonym, nct, referral_summary(conv, pseudonym, app.tz, nct)


async def summary_page(request: web.Request) -> web.Response:
    """A printable summary of one patient for a study team."""
    app, pseudonym, nct, summary = await _summary(request)
    await app.audit(request, "view_referral_summary", pseudonym, f"nct={nct or 'requested'}")
    return app.render(request, "summary.html", summary=summary, nct=nct)


async def summary_download(request: web.Request) -> web.Response:
    app, pseudonym, nct, summary = await _summary(request)
    await app.audit(
        request, "export_referral_summary", pseudonym, f"format=json nct={nct or 'requested'}"
    )
    return web.Response(
        text=summary_json(summary),
        content_type="application/json",
        charset="utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="referral-{pseudonym}'
            f'{"-" + nct if nct else ""}.json"'
        },
    )
