"""Read ClinicalTrials.gov API v2 study records into plain dataclasses.

Accepts the shapes the API and our shipped files use: one study object
(``{"protocolSection": ...}``), a page (``{"studies": [...], "nextPageToken": ...}``) or a
bare list of studies. A malformed study raises :class:`RecordError` naming what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

NCT_ID = re.compile(r"^NCT\d{8}$")
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(year|month|week|day|hour|minute)s?\s*$", re.I)
_UNIT_IN_YEARS = {
    "year": 1.0,
    "month": 1 / 12,
    "week": 7 / 365.25,
    "day": 1 / 365.25,
    "hour": 1 / 8766,
    "minute": 1 / 525960,
}


class RecordError(ValueError):
    """A study record that cannot be imported; the message says why."""


@dataclass
class SiteRecord:
    facility: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    country: str | None = None
    status: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    contacts: list[dict[str, str | None]] = field(default_factory=list)


@dataclass
class TrialRecord:
    """The fields of one study that the store keeps, already validated."""

    nct_id: str
    brief_title: str | None
    official_title: str | None = None
    acronym: str | None = None
    brief_summary: str | None = None
    overall_status: str | None = None
    phases: list[str] = field(default_factory=list)
    study_type: str | None = None
    lead_sponsor: str | None = None
    collaborators: list[str] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    interventions: list[dict[str, str | None]] = field(default_factory=list)
    officials: list[dict[str, str | None]] = field(default_factory=list)
    enrollment: int | None = None
    start_date: str | None = None
    completion_date: str | None = None
    first_posted: str | None = None
    last_updated: str | None = None
    eligibility_text: str | None = None
    healthy_volunteers: bool | None = None
    sex: str | None = None
    min_age_text: str | None = None
    max_age_text: str | None = None
    min_age_years: float | None = None
    max_age_years: float | None = None
    sites: list[SiteRecord] = field(default_factory=list)
    central_contacts: list[dict[str, str | None]] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)


def age_in_years(text: str | None) -> float | None:
    """Turn CT.gov's "20 Years" / "6 Months" into years; None for missing or "N/A"."""
    if not text:
        return None
    m = _AGE.match(text)
    if not m:
        return None
    return round(float(m.group(1)) * _UNIT_IN_YEARS[m.group(2).lower()], 4)


def iter_studies(document: Any) -> Iterator[Any]:
    """Yield the study objects of a page, a list, or a single study."""
    if isinstance(document, list):
        yield from document
    elif isinstance(document, dict) and "studies" in document:
        studies = document["studies"]
        if not isinstance(studies, list):
            raise RecordError('"studies" is not a list')
        yield from studies
    else:
        yield document


def _module(section: dict[str, Any], name: str) -> dict[str, Any]:
    value = section.get(name) or {}
    if not isinstance(value, dict):
        raise RecordError(f"{name} is not an object")
    return value


def _text(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise RecordError(f"{key} is not text")
    value = value.strip()
    return value or None


def _list(obj: dict[str, Any], key: str) -> list[Any]:
    value = obj.get(key) or []
    if not isinstance(value, list):
        raise RecordError(f"{key} is not a list")
    return value


def _strings(obj: dict[str, Any], key: str) -> list[str]:
    return [str(v).strip() for v in _list(obj, key) if isinstance(v, (str, int)) and str(v).strip()]


_DATE = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")
_ENUM = re.compile(r"^[A-Z][A-Z0-9_]{0,39}$")
SEXES = ("ALL", "FEMALE", "MALE")


def _date(module: dict[str, Any], key: str) -> str | None:
    struct = module.get(key)
    if not isinstance(struct, dict):
        return None
    value = _text(struct, "date")
    if value is not None and not _DATE.match(value):
        raise RecordError(f"{key}.date is not a date: {value!r}")
    return value


def _enum(obj: dict[str, Any], key: str) -> str | None:
    value = _text(obj, key)
    if value is not None and not _ENUM.match(value):
        raise RecordError(f"{key} is not a ClinicalTrials.gov code: {value[:60]!r}")
    return value


def _people(items: list[Any], keys: tuple[str, ...]) -> list[dict[str, str | None]]:
    people = []
    for item in items:
        if isinstance(item, dict):
            people.append({k: _text(item, k) for k in keys})
    return people


def parse_study(study: Any) -> TrialRecord:
    """Validate one API v2 study object and return its :class:`TrialRecord`."""
    if not isinstance(study, dict):
        raise RecordError(f"a study must be a JSON object, not {type(study).__name__}")
    section = study.get("protocolSection")
    if not isinstance(section, dict):
        raise RecordError("no protocolSection")
    ident = _module(section, "identificationModule")
    nct_id = _text(ident, "nctId")
    if not nct_id or not NCT_ID.match(nct_id):
        raise RecordError(f"missing or invalid nctId: {ident.get('nctId')!r}")
    try:
        return _parse_sections(nct_id, ident, section, study)
    except RecordError as exc:
        raise RecordError(f"{nct_id}: {exc}") from None


def _parse_sections(
    nct_id: str, ident: dict[str, Any], section: dict[str, Any], study: dict[str, Any]
) -> TrialRecord:
    # Some real records carry no title (only their eligibility module survived): keep them.
    brief_title = _text(ident, "briefTitle") or _text(ident, "officialTitle")
    status = _module(section, "statusModule")
    sponsor = _module(section, "sponsorCollaboratorsModule")
    conditions = _module(section, "conditionsModule")
    design = _module(section, "designModule")
    arms = _module(section, "armsInterventionsModule")
    contacts = _module(section, "contactsLocationsModule")
    eligibility = _module(section, "eligibilityModule")
    description = _module(section, "descriptionModule")

    lead = sponsor.get("leadSponsor")
    enrollment_info = design.get("enrollmentInfo")
    enrollment = enrollment_info.get("count") if isinstance(enrollment_info, dict) else None
    if enrollment is not None and not isinstance(enrollment, int):
        raise RecordError("enrollmentInfo.count is not a number")
    sex = _enum(eligibility, "sex")
    if sex is not None and sex not in SEXES:
        raise RecordError(f"sex must be one of {', '.join(SEXES)}, not {sex!r}")
    healthy = eligibility.get("healthyVolunteers")
    if healthy is not None and not isinstance(healthy, bool):
        raise RecordError("healthyVolunteers is not true/false")

    sites = []
    for loc in _list(contacts, "locations"):
        if not isinstance(loc, dict):
            raise RecordError("a location is not an object")
        geo = loc.get("geoPoint") if isinstance(loc.get("geoPoint"), dict) else {}
        sites.append(
            SiteRecord(
                facility=_text(loc, "facility"),
                city=_text(loc, "city"),
                state=_text(loc, "state"),
                zip=_text(loc, "zip"),
                country=_text(loc, "country"),
                status=_text(loc, "status"),
                latitude=_float(geo.get("lat")),
                longitude=_float(geo.get("lon")),
                contacts=_people(_list(loc, "contacts"), ("name", "role", "phone", "email")),
            )
        )

    min_age_text = _text(eligibility, "minimumAge")
    max_age_text = _text(eligibility, "maximumAge")
    return TrialRecord(
        nct_id=nct_id,
        brief_title=brief_title,
        official_title=_text(ident, "officialTitle"),
        acronym=_text(ident, "acronym"),
        brief_summary=_text(description, "briefSummary"),
        overall_status=_enum(status, "overallStatus"),
        phases=[p for p in _strings(design, "phases") if _ENUM.match(p)],
        study_type=_enum(design, "studyType"),
        lead_sponsor=_text(lead, "name") if isinstance(lead, dict) else None,
        collaborators=[
            c["name"] for c in _people(_list(sponsor, "collaborators"), ("name",)) if c["name"]
        ],
        conditions=_strings(conditions, "conditions"),
        keywords=_strings(conditions, "keywords"),
        interventions=_people(_list(arms, "interventions"), ("type", "name")),
        officials=_people(_list(contacts, "overallOfficials"), ("name", "affiliation", "role")),
        enrollment=enrollment,
        start_date=_date(status, "startDateStruct"),
        completion_date=_date(status, "completionDateStruct"),
        first_posted=_date(status, "studyFirstPostDateStruct"),
        last_updated=_date(status, "lastUpdatePostDateStruct"),
        eligibility_text=_text(eligibility, "eligibilityCriteria"),
        healthy_volunteers=healthy,
        sex=sex,
        min_age_text=min_age_text,
        max_age_text=max_age_text,
        min_age_years=age_in_years(min_age_text),
        max_age_years=age_in_years(max_age_text),
        sites=sites,
        central_contacts=_people(
            _list(contacts, "centralContacts"), ("name", "role", "phone", "email")
        ),
        raw=study,
    )


def _float(value: Any) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None
