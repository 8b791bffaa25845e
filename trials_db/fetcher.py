"""Fetch studies from the public ClinicalTrials.gov API v2 and import them.

Pages through ``GET /api/v2/studies?query.cond=...&filter.overallStatus=...&pageSize=...``
following ``nextPageToken`` until the API stops returning one. Needs network access; the
tests run it against a local aiohttp server that serves recorded pages of the same shape.
"""

from __future__ import annotations

import asyncio
from typing import Any, AsyncIterator, Sequence

import aiohttp
from sqlalchemy.orm import sessionmaker

from .importer import ImportReport, import_documents

API_URL = "https://clinicaltrials.gov/api/v2/studies"
MAX_PAGE_SIZE = 1000


class FetchError(RuntimeError):
    """The API could not be reached or answered something other than a page of studies."""


async def fetch_pages(
    condition: str,
    statuses: Sequence[str] = (),
    base_url: str = API_URL,
    page_size: int = 100,
    max_pages: int | None = None,
    retries: int = 3,
    timeout_s: float = 60.0,
) -> AsyncIterator[dict[str, Any]]:
    """Yield each page (``{"studies": [...], "nextPageToken": ...}``) of the search."""
    params: dict[str, str] = {
        "query.cond": condition,
        "pageSize": str(max(1, min(page_size, MAX_PAGE_SIZE))),
        "format": "json",
        "countTotal": "true",
    }
    if statuses:
        params["filter.overallStatus"] = ",".join(s.strip().upper() for s in statuses)
    timeout = aiohttp.ClientTimeout(total=timeout_s)
    pages = 0
    async with aiohttp.ClientSession(timeout=timeout) as http:
        while True:
            page = await _get_page(http, base_url, params, retries)
            yield page
            pages += 1
            token = page.get("nextPageToken")
            if not token or (max_pages is not None and pages >= max_pages):
                return
            params["pageToken"] = token


async def _get_page(
    http: aiohttp.ClientSession, url: str, params: dict[str, str], retries: int
) -> dict[str, Any]:
    delay = 1.0
    for attempt in range(1, retries + 1):
        try:
            async with http.get(url, params=params) as resp:
                if resp.status == 429 or resp.status >= 500:
                    raise FetchError(f"{url} answered HTTP {resp.status}")
                if resp.status != 200:
                    body = (await resp.text())[:200]
                    raise FetchError(f"{url} answered HTTP {resp.status}: {body}")
                page = await resp.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, FetchError) as exc:
            retryable = (
                not isinstance(exc, FetchError) or "HTTP 429" in str(exc) or "HTTP 5" in str(exc)
            )
            if attempt == retries or not retryable:
                raise FetchError(f"could not fetch {url}: {exc}") from exc
            await asyncio.sleep(delay)
            delay *= 2
            continue
        if not isinstance(page, dict) or not isinstance(page.get("studies"), list):
            raise FetchError(f"{url} did not answer a page of studies")
        return page
    raise FetchError(f"could not fetch {url}")  # pragma: no cover - loop always returns or raises


async def fetch_and_import(
    sessions: sessionmaker,
    condition: str,
    statuses: Sequence[str] = (),
    base_url: str = API_URL,
    page_size: int = 100,
    max_pages: int | None = None,
    on_page: Any = None,
) -> ImportReport:
    """Fetch every page of the search and import it page by page; returns the import report."""
    report = ImportReport()
    number = 0
    async for page in fetch_pages(condition, statuses, base_url, page_size, max_pages):
        number += 1
        report.files += 1
        import_documents(sessions, [(f"page {number}", page)], report)
        if on_page is not None:
            on_page(number, page, report)
    return report
