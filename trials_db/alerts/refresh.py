"""Fetch what changed on ClinicalTrials.gov since the last run, import it, re-match saved profiles.

The last successful run's start time lives in ``alert_refresh_state``; the next run asks the API
v2 for studies whose LastUpdatePostDate is on or after the day before it (CT.gov dates are US
days, so a day of overlap; importing and re-matching again is harmless).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Callable, Sequence

import aiohttp
from sqlalchemy.orm import sessionmaker

from ..fetcher import API_URL, MAX_PAGE_SIZE, _get_page
from ..importer import ImportReport, import_documents
from ..matching import load_rules
from .models import AlertRefreshState, utcnow
from .service import ALERT_STATUSES, RematchReport, rematch

SOURCE = "ctgov"
CONDITION = "multiple sclerosis"
FetchSince = Callable[[dt.date | None], AsyncIterator[dict[str, Any]]]


def ctgov_url() -> str:
    """The CT.gov API v2 studies endpoint: ``CTGOV_API_URL`` or the public API."""
    return os.environ.get("CTGOV_API_URL") or API_URL


def ctgov_fetch_since(
    base_url: str | None = None,
    condition: str = CONDITION,
    page_size: int = 200,
    timeout_s: float = 60.0,
) -> FetchSince:
    """A ``fetch_since(date)`` paging through studies of ``condition`` updated since ``date``."""
    url = base_url or ctgov_url()

    async def fetch(since: dt.date | None) -> AsyncIterator[dict[str, Any]]:
        params = {
            "query.cond": condition,
            "pageSize": str(min(page_size, MAX_PAGE_SIZE)),
            "format": "json",
            "countTotal": "true",
        }
        if since is not None:
            params["filter.advanced"] = f"AREA[LastUpdatePostDate]RANGE[{since.isoformat()},MAX]"
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=timeout_s)) as http:
            while True:
                page = await _get_page(http, url, params, 3)
                yield page
                token = page.get("nextPageToken")
                if not token:
                    return
                params["pageToken"] = token

    return fetch


@dataclass
class RefreshReport:
    since: dt.date | None = None
    imported: ImportReport = field(default_factory=ImportReport)
    rematched: RematchReport = field(default_factory=RematchReport)

    def summary(self) -> str:
        since = self.since.isoformat() if self.since else "the beginning"
        return (
            f"Fetched studies updated since {since}: "
            + self.imported.summary().replace("file(s)", "page(s)")
            + "\n"
            + self.rematched.summary()
        )


def last_run(sessions: sessionmaker) -> dt.datetime | None:
    with sessions() as session:
        state = session.get(AlertRefreshState, SOURCE)
        return state.last_run_at if state else None


async def refresh_async(
    sessions: sessionmaker,
    fetch_since: FetchSince,
    *,
    since: dt.date | None = None,
    statuses: Sequence[str] = ALERT_STATUSES,
    base_url: str | None = None,
) -> RefreshReport:
    """Fetch and import changes, reload the rules, re-match; the state moves only on success."""
    started = utcnow()
    previous = last_run(sessions)
    if since is None and previous is not None:
        since = (previous - dt.timedelta(days=1)).date()
    report = RefreshReport(since=since)
    number = 0
    async for page in fetch_since(since):
        number += 1
        report.imported.files += 1
        # import_documents parses criteria (CPU-bound): keep the event loop responsive.
        await asyncio.to_thread(
            import_documents, sessions, [(f"page {number}", page)], report.imported
        )
    with sessions() as session:
        rules = load_rules(session)
    with sessions() as session, session.begin():
        report.rematched = rematch(session, rules, statuses=statuses, base_url=base_url)
        state = session.get(AlertRefreshState, SOURCE)
        if state is None:
            state = AlertRefreshState(source=SOURCE)
            session.add(state)
        state.last_run_at = started
        state.studies_seen = report.imported.seen
    return report


def refresh(
    sessions: sessionmaker, fetch_since: FetchSince | None = None, **kwargs
) -> RefreshReport:
    """Synchronous :func:`refresh_async`; ``fetch_since`` defaults to the CT.gov API v2."""
    return asyncio.run(refresh_async(sessions, fetch_since or ctgov_fetch_since(), **kwargs))
