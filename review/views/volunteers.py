"""Volunteers per study (issue 12): how many people who asked for alerts look likely or might
fit each study, and the criteria that rule most of them out. Counts only, never identities.

Read from the trial store (TRIALS_DB_URL) with trials_db.alerts.coordinators; the review app
needs it only for this page, so the import is here."""

from __future__ import annotations

import asyncio
import os

from aiohttp import web

from ..state import state


def _counts() -> list:
    from trials_db.alerts.coordinators import study_counts
    from trials_db.store import make_engine, session_factory

    with session_factory(make_engine(os.environ.get("TRIALS_DB_URL") or None))() as session:
        return study_counts(session)


async def volunteers(request: web.Request) -> web.Response:
    app = state(request)
    counts = await asyncio.get_running_loop().run_in_executor(None, _counts)
    total = counts[0].volunteers if counts else 0
    return app.render(request, "volunteers.html", studies=counts, total=total)
