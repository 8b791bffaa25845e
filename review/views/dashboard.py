"""The dashboard: the screening funnel, per week and overall."""

from __future__ import annotations

from aiohttp import web
from sqlalchemy.engine import Connection

from ..charts import funnel_svg, totals_svg
from ..queries import FUNNEL_STAGES, funnel_by_week, funnel_totals
from ..state import state


async def dashboard(request: web.Request) -> web.Response:
    app = state(request)
    try:
        weeks = min(max(int(request.query.get("weeks", "12")), 1), 104)
    except ValueError:
        weeks = 12
    await app.refresh()

    def read(conn: Connection):
        return funnel_by_week(conn, app.tz, weeks), funnel_totals(conn)

    by_week, totals = await app.db(read)
    return app.render(
        request,
        "dashboard.html",
        weeks=by_week,
        totals=totals,
        stages=FUNNEL_STAGES,
        weeks_shown=weeks,
        chart=funnel_svg(by_week),
        totals_chart=totals_svg(totals),
    )
