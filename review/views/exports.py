"""Downloads: the pre-screening log and the referral list, as CSV or JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict

from aiohttp import web

from ..export import csv_safe, iso, log_csv, log_json
from ..queries import NCT_RE, REFERRAL_STATUSES, Filters, prescreening_log, referrals
from ..state import state

REFERRAL_COLUMNS = (
    "nct_id",
    "title",
    "conversation",
    "verdict",
    "name",
    "contact",
    "requested_at",
    "status",
    "updated_by",
)


def _download(body: str, kind: str, name: str) -> web.Response:
    stamp = dt.date.today().isoformat()
    content_type = "text/csv" if kind == "csv" else "application/json"
    return web.Response(
        text=body,
        content_type=content_type,
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}-{stamp}.{kind}"'},
    )


async def prescreening(request: web.Request) -> web.Response:
    """GET /export/prescreening.{csv,json} with the conversation-list filters."""
    app = state(request)
    kind = request.match_info["kind"]
    filters = Filters.from_query(request.query)
    await app.refresh()
    rows = await app.db(prescreening_log, filters, app.tz)
    await app.audit(
        request,
        "export_prescreening",
        "",
        f"format={kind} rows={len(rows)} " f"filters: {filters.describe()}",
    )
    body = log_csv(rows, app.tz) if kind == "csv" else log_json(rows, app.tz, filters.describe())
    return _download(body, kind, "prescreening-log")


async def referral_list(request: web.Request) -> web.Response:
    """GET /export/referrals.{csv,json}?nct=&status=: the queue with contact details."""
    app = state(request)
    kind = request.match_info["kind"]
    nct = request.query.get("nct", "").strip().upper()
    nct = nct if NCT_RE.match(nct) else ""
    status = request.query.get("status", "")
    status = status if status in REFERRAL_STATUSES else ""
    await app.refresh()
    items = await app.db(referrals, nct, status)
    await app.audit(
        request,
        "export_referrals",
        "",
        f"format={kind} rows={len(items)} " f"nct={nct or 'all'} status={status or 'all'}",
    )
    rows = []
    for r in items:
        data = asdict(r)
        data["conversation"] = data.pop("pseudonym")
        data["requested_at"] = iso(r.requested_at, app.tz)
        rows.append(data)
    if kind == "json":
        return _download(
            json.dumps({"referrals": rows}, indent=1, ensure_ascii=False), kind, "referrals"
        )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(REFERRAL_COLUMNS)
    for data in rows:
        writer.writerow([csv_safe(data[c]) for c in REFERRAL_COLUMNS])
    return _download(out.getvalue(), kind, "referrals")
