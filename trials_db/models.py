"""SQLAlchemy 1.4 models of the trial store (2.0-style usage: ``select()``,
``Session(future=True)``).

One row per trial, with child tables for sites, contacts and individual eligibility criteria.
``Criterion.parsed`` holds the computable meaning the criteria parser gives each criterion.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Trial(Base):
    """A ClinicalTrials.gov study as imported from an API v2 record."""

    __tablename__ = "trials"

    nct_id = Column(String(16), primary_key=True)
    brief_title = Column(Text)  # a few real records have none: see display_title
    official_title = Column(Text)
    acronym = Column(Text)
    brief_summary = Column(Text)
    overall_status = Column(String(40), index=True)
    phases = Column(JSON, nullable=False, default=list)
    study_type = Column(Text)
    lead_sponsor = Column(Text)
    collaborators = Column(JSON, nullable=False, default=list)
    conditions = Column(JSON, nullable=False, default=list)
    keywords = Column(JSON, nullable=False, default=list)
    interventions = Column(JSON, nullable=False, default=list)
    officials = Column(JSON, nullable=False, default=list)
    enrollment = Column(Integer)
    start_date = Column(String(10))
    completion_date = Column(String(10))
    first_posted = Column(String(10))
    last_updated = Column(String(10))
    # Eligibility as published, plus its structured bounds.
    eligibility_text = Column(Text)
    healthy_volunteers = Column(Boolean)
    sex = Column(String(8))
    min_age_text = Column(Text)
    max_age_text = Column(Text)
    min_age_years = Column(Float)
    max_age_years = Column(Float)
    # The record as imported, so criteria can be re-parsed without re-fetching.
    raw = Column(JSON)
    imported_at = Column(DateTime)

    sites = relationship(
        "Site", cascade="all, delete-orphan", order_by="Site.position", back_populates="trial"
    )
    contacts = relationship(
        "Contact", cascade="all, delete-orphan", order_by="Contact.position", back_populates="trial"
    )
    criteria = relationship(
        "Criterion",
        cascade="all, delete-orphan",
        order_by="Criterion.id",  # inserted in document order
        back_populates="trial",
    )

    @property
    def display_title(self) -> str:
        return (
            self.brief_title
            or self.official_title
            or f"Study {self.nct_id} (title not published in our copy)"
        )

    @property
    def has_criteria(self) -> bool:
        return bool(self.eligibility_text and self.eligibility_text.strip())


class Site(Base):
    """A place where the study runs (the CT.gov export lists only the first site of some
    studies)."""

    __tablename__ = "trial_sites"

    id = Column(Integer, primary_key=True)
    nct_id = Column(String(16), ForeignKey("trials.nct_id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False)
    facility = Column(Text)
    city = Column(Text)
    state = Column(Text)
    zip = Column(Text)
    country = Column(Text)
    status = Column(Text)
    latitude = Column(Float)
    longitude = Column(Float)

    trial = relationship("Trial", back_populates="sites")

    __table_args__ = (
        Index("ix_trial_sites_nct_id", "nct_id"),
        Index("ix_trial_sites_country", "country"),
    )


class Contact(Base):
    """A central or site contact, or a study official."""

    __tablename__ = "trial_contacts"

    id = Column(Integer, primary_key=True)
    nct_id = Column(String(16), ForeignKey("trials.nct_id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False)
    name = Column(Text)
    role = Column(Text)
    phone = Column(Text)
    email = Column(Text)
    site_position = Column(Integer)  # the Site it belongs to, None for central contacts

    trial = relationship("Trial", back_populates="contacts")

    __table_args__ = (Index("ix_trial_contacts_nct_id", "nct_id"),)


class Criterion(Base):
    """One inclusion or exclusion criterion in the trial's own words, with its parsed meaning."""

    __tablename__ = "trial_criteria"

    id = Column(Integer, primary_key=True)
    nct_id = Column(String(16), ForeignKey("trials.nct_id", ondelete="CASCADE"), nullable=False)
    kind = Column(String(10), nullable=False)  # "inclusion", "exclusion" or "general"
    position = Column(Integer, nullable=False)  # 1-based within its kind, as published
    section = Column(Text)  # the heading it stood under, e.g. "Key Inclusion Criteria"
    text = Column(Text, nullable=False)
    # Computable meaning (list of constraints) and the parser version that produced it.
    parsed = Column(JSON)
    parser_version = Column(Integer)

    trial = relationship("Trial", back_populates="criteria")

    __table_args__ = (
        UniqueConstraint("nct_id", "kind", "position", name="uq_criterion_position"),
        Index("ix_trial_criteria_nct_id", "nct_id"),
    )


from .alerts import models as _alert_models  # noqa: E402,F401  registers the alert tables on Base
