"""Volunteers per study (issue 12): counts over the people who asked for alerts, never who
they are; a login is needed like every coordinator view."""

from __future__ import annotations

import pytest

from trials_db.alerts.coordinators import study_counts
from trials_db.alerts.service import subscribe
from trials_db.importer import import_paths
from trials_db.store import make_engine, session_factory

from ..conftest import WITH_CRITERIA


@pytest.fixture
def trial_store(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'trials.db'}"
    sessions = session_factory(make_engine(url))
    import_paths(sessions, [WITH_CRITERIA], progress=False)
    with sessions() as session:
        subscribe(
            session,
            {"age": 34, "sex": "female", "ms_subtype": "RRMS", "edss": 3.5},
            "email",
            "anna@example.org",
        )
        subscribe(session, {"age": 70, "ms_subtype": "PPMS", "edss": 6.5}, "telegram", "123456")
        session.commit()
    monkeypatch.setenv("TRIALS_DB_URL", url)
    return url


async def test_counts_per_study_without_identities(coordinator, trial_store):
    resp = await coordinator.get("/volunteers")
    page = await resp.text()
    assert resp.status == 200 and "2 people asked" in page
    with session_factory(make_engine(trial_store))() as session:
        counts = study_counts(session)
    first = counts[0]
    assert f"{first.nct_id}</a>" in page
    assert f'<td class="num">{first.likely}</td><td class="num">{first.might_fit}</td>' in page
    assert "anna@example.org" not in page and "123456" not in page


async def test_the_page_needs_a_login(app_client, trial_store):
    resp = await app_client.get("/volunteers", allow_redirects=False)
    assert resp.status in (302, 303) and "/login" in resp.headers["Location"]
