"""Importing CT.gov API v2 JSON into the store, on SQLite and on the real PostgreSQL server."""

from __future__ import annotations

import copy
import json

from sqlalchemy import func, select

from trials_db.ctgov import age_in_years, parse_study
from trials_db.importer import import_paths
from trials_db.models import Criterion, Site, Trial
from trials_db.store import count_trials, get_trial, list_trials

from .conftest import METADATA_ONLY, SEED_RECORD, WITH_CRITERIA


def _studies(path):
    return json.loads(path.read_text())["studies"]


def _criteria_count(sessions) -> int:
    with sessions() as s:
        return s.scalar(select(func.count()).select_from(Criterion))


def _trial_count(sessions) -> int:
    with sessions() as s:
        return count_trials(s)


def test_every_shipped_record_is_imported(sessions):
    shipped = len(_studies(WITH_CRITERIA)) + len(_studies(METADATA_ONLY))
    report = import_paths(sessions, [WITH_CRITERIA.parent], progress=False)
    assert report.problems == []
    assert report.files == 2
    assert report.inserted == shipped
    with sessions() as s:
        assert count_trials(s) == shipped
        assert count_trials(s, with_criteria=True) == len(_studies(WITH_CRITERIA))
        seed = get_trial(s, "nct05532943")
        assert seed is not None
        assert seed.min_age_years == 20 and seed.max_age_years == 65
        assert seed.phases == ["PHASE1", "PHASE2"]
        assert [c.kind for c in seed.criteria].count("inclusion") == 7
        assert [c.kind for c in seed.criteria].count("exclusion") == 12
        assert seed.sites[0].city == "Taichung" and seed.sites[0].country == "Taiwan"
        # Every shipped record with eligibility text has its criteria.
        with_text = s.scalar(
            select(func.count()).select_from(Trial).where(Trial.eligibility_text.is_not(None))
        )
        with_rows = s.scalar(select(func.count(func.distinct(Criterion.nct_id))))
        assert with_text == with_rows


def test_reimport_updates_and_never_duplicates(sessions, tmp_path):
    import_paths(sessions, [WITH_CRITERIA], progress=False)
    trials_before = _trial_count(sessions)
    criteria_before = _criteria_count(sessions)

    # The same data again: all updated, nothing new.
    report = import_paths(sessions, [WITH_CRITERIA], progress=False)
    assert (report.inserted, report.updated) == (0, trials_before)
    assert _trial_count(sessions) == trials_before
    assert _criteria_count(sessions) == criteria_before

    # A changed record replaces the stored one, criteria and sites included.
    study = copy.deepcopy(json.loads(SEED_RECORD.read_text()))
    section = study["protocolSection"]
    section["statusModule"]["overallStatus"] = "COMPLETED"
    section["eligibilityModule"]["eligibilityCriteria"] = (
        "Inclusion Criteria:\n* Age 20 to 65\n\nExclusion Criteria:\n* Pregnancy"
    )
    section["contactsLocationsModule"]["locations"].append({"city": "Taipei", "country": "Taiwan"})
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(study))
    report = import_paths(sessions, [changed], progress=False)
    assert (report.inserted, report.updated) == (0, 1)
    with sessions() as s:
        seed = get_trial(s, "NCT05532943")
        assert seed.overall_status == "COMPLETED"
        assert [(c.kind, c.text) for c in seed.criteria] == [
            ("inclusion", "Age 20 to 65"),
            ("exclusion", "Pregnancy"),
        ]
        assert [site.city for site in seed.sites] == ["Taichung", "Taipei"]
        assert (
            s.scalar(select(func.count()).select_from(Site).where(Site.nct_id == "NCT05532943"))
            == 2
        )
    assert _trial_count(sessions) == trials_before
    assert _criteria_count(sessions) == criteria_before - 19 + 2


def test_malformed_input_is_reported_and_the_rest_still_lands(sessions, tmp_path):
    good = json.loads(SEED_RECORD.read_text())
    page = {
        "studies": [
            good,
            {"protocolSection": {"identificationModule": {"nctId": "not-an-id"}}},
            "just a string",
            {
                "protocolSection": {
                    "identificationModule": {"nctId": "NCT00000001", "briefTitle": "x"},
                    "eligibilityModule": {"sex": "SOMETIMES"},
                }
            },
            {
                "protocolSection": {
                    "identificationModule": {"nctId": "NCT00000002", "briefTitle": "x"},
                    "conditionsModule": {"conditions": "MS"},
                }
            },
            {
                "protocolSection": {
                    "identificationModule": {"nctId": "NCT00000003", "briefTitle": "x"},
                    "statusModule": {"startDateStruct": {"date": "last spring"}},
                }
            },
        ]
    }
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_page.json").write_text(json.dumps(page))
    (folder / "b_broken.json").write_text('{"studies": [ {"protocolSection": ')
    (folder / "c_single.json").write_text(json.dumps(_studies(WITH_CRITERIA)[0]))

    report = import_paths(sessions, [folder], progress=False)
    assert report.files == 3
    assert report.inserted == 2
    details = [str(p) for p in report.problems]
    assert len(details) == 6, details
    assert any("b_broken.json" in d and "not valid JSON" in d for d in details)
    assert any("record 2" in d and "invalid nctId" in d for d in details)
    assert any("record 3" in d and "JSON object" in d for d in details)
    assert any("NCT00000001" in d and "sex" in d for d in details)
    assert any("NCT00000002" in d and "conditions is not a list" in d for d in details)
    assert any("NCT00000003" in d and "not a date" in d for d in details)
    assert "6 skipped" in report.summary()
    with sessions() as s:
        assert {t.nct_id for t in list_trials(s)} == {
            "NCT05532943",
            _studies(WITH_CRITERIA)[0]["protocolSection"]["identificationModule"]["nctId"],
        }


def test_record_without_eligibility_text(sessions):
    study = _studies(METADATA_ONLY)[0]
    nct = study["protocolSection"]["identificationModule"]["nctId"]
    assert "eligibilityModule" not in study["protocolSection"]
    record = parse_study(study)
    assert record.eligibility_text is None
    import_paths(sessions, [METADATA_ONLY], progress=False)
    with sessions() as s:
        trial = get_trial(s, nct)
        assert trial.criteria == []
        assert not trial.has_criteria
        assert trial.brief_title
        assert count_trials(s, with_criteria=True) == 0


def test_record_without_a_title_is_kept():
    """A real shipped record (NCT07273604) has only its eligibility module."""
    study = next(
        s
        for s in _studies(WITH_CRITERIA)
        if s["protocolSection"]["identificationModule"]["nctId"] == "NCT07273604"
    )
    record = parse_study(study)
    assert record.brief_title is None
    assert record.eligibility_text


def test_list_filters_by_status_and_country(sessions):
    import_paths(sessions, [WITH_CRITERIA.parent], progress=False)
    with sessions() as s:
        recruiting = list_trials(s, status=["recruiting"])
        assert recruiting and all(t.overall_status == "RECRUITING" for t in recruiting)
        taiwan = list_trials(s, status=["RECRUITING"], country="taiwan")
        assert "NCT05532943" in {t.nct_id for t in taiwan}
        assert all(any(site.country == "Taiwan" for site in t.sites) for t in taiwan)
        assert len(list_trials(s, limit=5)) == 5


def test_age_in_years():
    assert age_in_years("20 Years") == 20
    assert age_in_years("6 Months") == 0.5
    assert age_in_years("N/A") is None
    assert age_in_years(None) is None
