"""Exports (pre-screening log, referrals, referral summary) and the audit log behind them."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import select

from review.db import make_engine
from review.export import LOG_COLUMNS
from review.models import audit

from .builders import CALGARY, LA, TAIWAN
from .helpers import pseudonym_of


async def download(client, path: str, **params):
    resp = await client.get(path, params=params)
    assert resp.status == 200, await resp.text()
    assert resp.headers["Content-Disposition"].startswith("attachment; filename=")
    return await resp.text()


def audit_rows(db_url: str) -> list[dict]:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(audit).order_by(audit.c.id))]
    engine.dispose()
    return rows


async def test_prescreening_csv_has_one_row_per_conversation_and_trial(coordinator, convs, db_url):
    rows = list(
        csv.DictReader(io.StringIO(await download(coordinator, "/export/prescreening.csv")))
    )
    assert list(rows[0].keys()) == list(LOG_COLUMNS)
    by_pid: dict[str, list[dict]] = {}
    for row in rows:
        by_pid.setdefault(row["conversation"], []).append(row)
    alice = by_pid[pseudonym_of(db_url, convs["alice"].sender_id)]
    assert [(r["nct_id"], r["verdict"]) for r in alice] == [
        (TAIWAN[0], "eligible"),
        (LA[0], "possibly_eligible"),
        (CALGARY[0], "not_eligible"),
    ]
    taiwan = alice[0]
    assert (taiwan["criteria_met"], taiwan["criteria_open"]) == ("2", "1")
    assert "blood clotting function" in taiwan["open_criteria"]
    assert taiwan["contact_requested"] == "yes" and alice[1]["contact_requested"] == "no"
    assert taiwan["channel"] == "telegram" and taiwan["screening_complete"] == "yes"
    # conversations without results still appear once, with empty trial columns
    bob = by_pid[pseudonym_of(db_url, convs["bob"].sender_id)]
    assert len(bob) == 1 and bob[0]["nct_id"] == "" and bob[0]["screening_complete"] == "no"
    assert len(rows) == 3 + 1 + 2 + 1 + 1
    for sender in (s.sender_id for s in convs.values()):
        assert all(sender not in value for row in rows for value in row.values())


async def test_exports_follow_the_list_filters(coordinator, convs, db_url):
    rows = list(
        csv.DictReader(
            io.StringIO(await download(coordinator, "/export/prescreening.csv", nct=TAIWAN[0]))
        )
    )
    assert {r["nct_id"] for r in rows} == {TAIWAN[0]}
    assert {r["conversation"] for r in rows} == {
        pseudonym_of(db_url, convs[n].sender_id) for n in ("alice", "carol")
    }
    data = json.loads(await download(coordinator, "/export/prescreening.json", channel="telegram"))
    assert data["filters"] == "channel=telegram"
    assert [r["verdict"] for r in data["rows"]] == ["eligible", "possibly_eligible", "not_eligible"]
    assert data["rows"][0]["open_criteria"][0]["explanation"] == (
        "The study team will check your blood tests."
    )


async def test_csv_cells_cannot_become_spreadsheet_formulas(coordinator, convs):
    rows = list(csv.DictReader(io.StringIO(await download(coordinator, "/export/referrals.csv"))))
    mallory = next(r for r in rows if r["nct_id"] == CALGARY[0])
    assert mallory["name"].startswith("'=HYPERLINK(")
    assert mallory["contact"] == "'+1 555 0100"
    alice = next(r for r in rows if r["nct_id"] == TAIWAN[0])
    assert (alice["name"], alice["contact"], alice["status"]) == (
        "Alice Example",
        "alice@example.org",
        "new",
    )


async def test_referral_summary_for_a_study_team(coordinator, convs, db_url):
    pid = pseudonym_of(db_url, convs["alice"].sender_id)
    page = await (await coordinator.get(f"/conversations/{pid}/summary")).text()
    assert "Alice Example" in page and "alice@example.org" in page
    assert "43 <span class=\"muted\">(earlier: 34)</span>" in page
    assert TAIWAN[0] in page and LA[0] not in page  # only the trial she asked about
    data = json.loads(await download(coordinator, f"/conversations/{pid}/summary.json", nct=LA[0]))
    assert data["conversation"] == pid and data["requested_trials"] == [TAIWAN[0]]
    assert [t["nct_id"] for t in data["trials"]] == [LA[0]]
    assert data["trials"][0]["criteria"][1]["status"] == "needs_review"
    age = next(p for p in data["profile"] if p["slot"] == "age")
    assert (age["value"], age["corrections"]) == (43, ["34"])


async def test_audit_log_records_views_and_exports_by_pseudonym(coordinator, convs, db_url):
    pid = pseudonym_of(db_url, convs["bob"].sender_id)
    await coordinator.get(f"/conversations/{pid}")
    await download(coordinator, "/export/prescreening.csv", q="relapse")
    await download(coordinator, "/export/referrals.json")
    rows = audit_rows(db_url)
    actions = [(r["user_name"], r["action"], r["target"]) for r in rows]
    assert ("cora", "view_conversation", pid) in actions
    export = next(r for r in rows if r["action"] == "export_prescreening")
    assert "format=csv" in export["detail"] and "q=<7 characters>" in export["detail"]
    assert "relapse" not in export["detail"]  # search words may be health data
    assert any(r["action"] == "export_referrals" for r in rows)
    text = json.dumps(rows)
    assert all(s.sender_id not in text for s in convs.values())


async def test_admin_reads_the_audit_log(admin, convs, db_url):
    pid = pseudonym_of(db_url, convs["carol"].sender_id)
    await admin.get(f"/conversations/{pid}")
    page = await (await admin.get("/admin/audit", params={"target": pid})).text()
    assert "1 entry." in page and "view_conversation" in page
