"""The dashboard's screening funnel, overall and per week."""

from __future__ import annotations

import datetime as dt
import re


async def test_funnel_totals_and_weeks(coordinator, convs):
    resp = await coordinator.get("/dashboard")
    page = await resp.text()
    assert resp.status == 200
    # overall: 5 conversations, 4 consented, 3 completed, 1 with a likely trial, 2 contacts
    for label, shown in [
        ("Conversations", "5 (100%)"),
        ("Consented", "4 (80%)"),
        ("Screening completed", "3 (60%)"),
        ("Any likely trial", "1 (20%)"),
        ("Contact requested", "2 (40%)"),
    ]:
        assert re.search(rf">{label}</text>.*?>{re.escape(shown)}</text>", page), label
    # per week, by the week each conversation started (Monday, UTC)
    expected: dict[str, list[int]] = {}
    for s in convs.values():
        day = dt.datetime.fromtimestamp(s.start, dt.timezone.utc).date()
        week = (day - dt.timedelta(days=day.weekday())).isoformat()
        expected.setdefault(week, [0, 0])[0] += 1
    table = page[page.index('<table class="list funnel">') :]
    for week, (count, _) in expected.items():
        row = re.search(rf"<tr><td>{week}</td>((?:<td class=\"num\">\d+</td>)+)</tr>", table)
        assert row, week
        assert int(re.findall(r"\d+", row.group(1))[0]) == count
    assert table.count("<tr><td>") == 12  # twelve weeks by default


async def test_dashboard_is_self_contained(coordinator, convs):
    resp = await coordinator.get("/dashboard", params={"weeks": "4"})
    page = await resp.text()
    assert page.count("<svg") == 2 and "<script" not in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page
    assert "script-src" not in resp.headers["Content-Security-Policy"]  # default-src 'none'
