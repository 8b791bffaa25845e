"""The trial store: engine setup, idempotent upsert of records, and the queries others need.

SQLite by default, PostgreSQL (or any SQLAlchemy URL) through ``TRIALS_DB_URL``: the same
code runs on both.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Iterable, Sequence

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload, sessionmaker

from .config import db_url
from .ctgov import TrialRecord
from .eligibility import split_criteria
from .geo import site_point
from .models import Base, Contact, Criterion, Site, Trial


def make_engine(url: str | None = None, echo: bool = False) -> Engine:
    """Create an engine for ``url`` (default: ``TRIALS_DB_URL``) and make sure the schema exists."""
    url = url or db_url()
    kwargs: dict = {"future": True, "echo": echo}
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Wait for a busy writer rather than failing at once.
        kwargs["connect_args"] = {"timeout": 30}
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    Base.metadata.create_all(engine)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)


def _apply(trial: Trial, record: TrialRecord) -> None:
    """Copy a record onto a Trial row and rebuild its children."""
    for name in (
        "brief_title",
        "official_title",
        "acronym",
        "brief_summary",
        "overall_status",
        "phases",
        "study_type",
        "lead_sponsor",
        "collaborators",
        "conditions",
        "keywords",
        "interventions",
        "officials",
        "enrollment",
        "start_date",
        "completion_date",
        "first_posted",
        "last_updated",
        "eligibility_text",
        "healthy_volunteers",
        "sex",
        "min_age_text",
        "max_age_text",
        "min_age_years",
        "max_age_years",
        "raw",
    ):
        setattr(trial, name, getattr(record, name))
    trial.imported_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

    trial.sites = [
        Site(
            position=i,
            facility=s.facility,
            city=s.city,
            state=s.state,
            zip=s.zip,
            country=s.country,
            status=s.status,
            latitude=s.latitude,
            longitude=s.longitude,
        )
        for i, s in enumerate(record.sites, start=1)
    ]
    for site in trial.sites:
        if site.latitude is None or site.longitude is None:
            # The record has a place but no geoPoint: the offline gazetteer, or nothing.
            point = site_point(site.city, site.state, site.zip, site.country)
            if point is not None:
                site.latitude, site.longitude = point
    contacts = [(c, None) for c in record.central_contacts]
    for i, s in enumerate(record.sites, start=1):
        contacts.extend((c, i) for c in s.contacts)
    trial.contacts = [
        Contact(
            position=n,
            name=c["name"],
            role=c["role"],
            phone=c["phone"],
            email=c["email"],
            site_position=site,
        )
        for n, (c, site) in enumerate(contacts, start=1)
    ]
    trial.criteria = [
        Criterion(kind=c.kind, position=c.position, section=c.section, text=c.text)
        for c in split_criteria(record.eligibility_text)
    ]
    if trial.criteria:
        from .matching.evaluate import attach_parsed  # spaCy loads only when there is text to read

        attach_parsed(trial)


def upsert_trials(session: Session, records: Sequence[TrialRecord]) -> tuple[int, int]:
    """Insert new trials and update existing ones in place; returns (inserted, updated).

    Children (sites, contacts, criteria) are replaced, so re-importing never duplicates.
    """
    ids = [r.nct_id for r in records]
    existing = {
        t.nct_id: t
        for t in session.scalars(
            select(Trial)
            .where(Trial.nct_id.in_(ids))
            .options(
                selectinload(Trial.sites),
                selectinload(Trial.contacts),
                selectinload(Trial.criteria),
            )
        )
    }
    inserted = updated = 0
    for record in records:
        trial = existing.get(record.nct_id)
        if trial is None:
            trial = Trial(nct_id=record.nct_id)
            session.add(trial)
            existing[record.nct_id] = trial
            inserted += 1
        else:
            # Delete the old children first: new criteria reuse their (kind, position).
            trial.sites, trial.contacts, trial.criteria = [], [], []
            session.flush()
            updated += 1
        _apply(trial, record)
    session.flush()
    return inserted, updated


def count_trials(session: Session, with_criteria: bool | None = None) -> int:
    stmt = select(func.count()).select_from(Trial)
    if with_criteria is True:
        stmt = stmt.where(Trial.eligibility_text.is_not(None))
    elif with_criteria is False:
        stmt = stmt.where(Trial.eligibility_text.is_(None))
    return session.scalar(stmt) or 0


def get_trial(session: Session, nct_id: str) -> Trial | None:
    return session.scalars(
        select(Trial)
        .where(Trial.nct_id == nct_id.strip().upper())
        .options(
            selectinload(Trial.sites), selectinload(Trial.contacts), selectinload(Trial.criteria)
        )
    ).first()


def list_trials(
    session: Session,
    status: Iterable[str] | None = None,
    country: str | None = None,
    with_criteria: bool | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[Trial]:
    """Trials filtered by status (any of), country of any site, and presence of criteria."""
    stmt = select(Trial).options(selectinload(Trial.sites)).order_by(Trial.nct_id)
    statuses = [s.strip().upper() for s in (status or []) if s.strip()]
    if statuses:
        stmt = stmt.where(Trial.overall_status.in_(statuses))
    if country:
        stmt = stmt.where(
            Trial.nct_id.in_(
                select(Site.nct_id).where(func.lower(Site.country) == country.strip().lower())
            )
        )
    if with_criteria is True:
        stmt = stmt.where(Trial.eligibility_text.is_not(None))
    elif with_criteria is False:
        stmt = stmt.where(Trial.eligibility_text.is_(None))
    if offset:
        stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.scalars(stmt))
