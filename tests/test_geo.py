"""Offline places (issue 12): sites placed by the gazetteer, a person's place and range, the
nearest open site in both evaluation paths, and `match --near --within`."""

from __future__ import annotations

import json

import pytest

from trials_db.geo import (
    country_after_town,
    Place,
    anywhere_in,
    distance_text,
    resolve_place,
    site_point,
    travel_limit_km,
)
from trials_db.lexicon import great_circle_km
from trials_db.matching import MatchIndex, match_profile
from trials_db.criteria.predicates import Age
from trials_db.matching.evaluate import RuleCriterion, SitePoint, TrialRules, nearest_open_site
from trials_db.profile import Profile

from .test_cli_match import db, run  # noqa: F401  (the module's imported store)

BOSTON = (42.35843, -71.05977)


@pytest.mark.parametrize(
    "words, label, country",
    [
        ("Boston, MA", "Boston, MA, United States", "United States"),
        ("I live near Boston", "Boston, MA, United States", "United States"),
        ("02115", "Boston, MA 02115", "United States"),
        ("Berlin, Germany", "Berlin, Germany", "Germany"),
        ("Boston, UK", "Boston, United Kingdom", "United Kingdom"),
        ("München", "Munich, Germany", "Germany"),
    ],
)
def test_a_persons_place_is_resolved_and_said_back(words, label, country):
    place = resolve_place(words)
    assert place is not None and place.label == label and place.country == country


@pytest.mark.parametrize("words", ["nowhereville", "", "my house", "99999"])
def test_an_unknown_place_stays_unknown(words):
    assert resolve_place(words) is None


def test_a_site_is_placed_only_when_certain():
    assert site_point("Little Rock", "Arkansas", None, "United States") == pytest.approx(
        (34.746, -92.290), abs=0.01
    )
    assert site_point("Boston", None, "02115", "United States") == pytest.approx(
        (42.34, -71.09), abs=0.01
    )
    assert (
        site_point("Springfield", None, None, "United States") is None
    )  # many Springfields: not guessed
    assert site_point("Atlantis", None, None, "Greece") is None
    assert site_point(None, None, None, "Germany") is None


def test_ranges_and_units():
    assert travel_limit_km("I'd travel up to 100 miles") == pytest.approx(160.93, abs=0.01)
    assert travel_limit_km("50 km is ok") == 50 and travel_limit_km("not far") is None
    assert anywhere_in("anywhere in Germany") == "Germany" and anywhere_in("near Berlin") is None
    assert distance_text(160.93, "United States") == "about 100 miles"
    assert distance_text(160.93, "Germany") == "about 161 km"
    assert great_circle_km(BOSTON, (40.7128, -74.0060)) == pytest.approx(306, abs=3)


def _rules(nct: str, status: str, sites: list[SitePoint]) -> TrialRules:
    """A built study (not a real record): one age criterion and the given sites."""
    age = RuleCriterion("age", 0, "Age: 18 and older", Age(min=18, source="18"))
    return TrialRules(nct, f"Built study {nct}", status, [age], True, [], [], sites)


def test_a_closed_nearby_site_is_not_reported_as_nearby():
    near_closed = SitePoint(
        "Near clinic", "Boston", "MA", "United States", "COMPLETED", 42.36, -71.06
    )
    far_open = SitePoint(
        "Far clinic", "Bethesda", "MD", "United States", "RECRUITING", 38.98, -77.10
    )
    unplaced = SitePoint(
        "Somewhere", "Springfield", None, "United States", "RECRUITING", None, None
    )
    rules = _rules("NCT00000001", "RECRUITING", [near_closed, far_open, unplaced])
    site, km = nearest_open_site(rules, BOSTON)
    assert site.facility == "Far clinic" and 600 < km < 700
    assert (
        nearest_open_site(_rules("NCT00000002", "RECRUITING", [near_closed, unplaced]), BOSTON)
        is None
    )
    # A site without its own status follows the study's.
    follows = SitePoint("Clinic", "Boston", "MA", "United States", None, 42.36, -71.06)
    assert nearest_open_site(_rules("NCT00000003", "RECRUITING", [follows]), BOSTON)[1] < 1
    assert nearest_open_site(_rules("NCT00000004", "COMPLETED", [follows]), BOSTON) is None


def test_both_evaluation_paths_rank_by_the_nearest_open_site():
    far = _rules(
        "NCT00000010",
        "RECRUITING",
        [SitePoint(None, "Bethesda", "MD", "United States", None, 38.98, -77.10)],
    )
    near = _rules(
        "NCT00000011",
        "RECRUITING",
        [SitePoint(None, "Waltham", "MA", "United States", None, 42.38, -71.24)],
    )
    none = _rules("NCT00000012", "RECRUITING", [])
    profile = Profile(home=BOSTON)
    readable = [r.nct_id for r in match_profile([far, none, near], profile)]
    fast = [r.nct_id for r in MatchIndex([far, none, near]).match(profile)]
    assert readable == fast == ["NCT00000011", "NCT00000010", "NCT00000012"]
    result = MatchIndex([near]).match(profile)[0]
    assert result.nearest_site["city"] == "Waltham" and result.nearest_site["distance_km"] < 20


def test_match_near_within_on_the_shipped_trials(db, tmp_path):  # noqa: F811
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"age": 34, "ms_subtype": "RRMS", "edss": 3.5}))
    everything = run("match", "--profile", str(profile), "--near", "Boston, MA", "--json", db=db)
    assert everything.returncode == 0, everything.stderr
    rows = json.loads(everything.stdout)
    placed = [r for r in rows if r["nearest_site"]]
    assert placed and all(
        set(r["nearest_site"]) == {"facility", "city", "state", "country", "status", "distance_km"}
        for r in placed
    )
    near = run(
        "match",
        "--profile",
        str(profile),
        "--near",
        "Boston, MA",
        "--within",
        "500mi",
        "--json",
        db=db,
    )
    kept = json.loads(near.stdout)
    assert kept and all(r["nearest_site"]["distance_km"] <= 500 * 1.609344 for r in kept)
    left_out = len(rows) - len(kept)
    assert (
        f"{left_out} studies left out" in near.stderr or f"{left_out} study left out" in near.stderr
    )
    bad = run("match", "--profile", str(profile), "--near", "nowhereville", db=db)
    assert bad.returncode == 2 and "can't place" in bad.stderr


def test_a_place_round_trips_through_a_slot():
    place = Place("Boston, MA, United States", 42.36, -71.06, "United States")
    assert Place.from_slot(place.to_slot()) == place and Place.from_slot(None) is None


@pytest.mark.parametrize(
    "text, country",
    [
        # built after fresh12: a country right after a town of it, in lower case, or its code
        ("hi 38f dx rrms 2015 pune india on tecfidera", "India"),
        ("lives w me in Monterrey MX", "Mexico"),
        ("loc: Porto Alegre BR", "Brazil"),
        ("we in london uk", "United Kingdom"),
        # the town must lie in that country; a two-letter word is no code
        ("I love spain", None),
        ("i live in the us", None),
        ("on it in may", None),
        ("Paris in 2015", None),
    ],
)
def test_a_country_said_after_a_town_of_it(text, country):
    assert country_after_town(text) == country


def test_a_city_english_calls_by_another_name_beats_a_village_of_that_name():
    # "Cologne" is Köln, not the village in Italy; "Seville" is Sevilla, not the Ohio village;
    # a US town as large as the other city's twentieth keeps the question ("Hanover")
    assert resolve_place("Cologne", strict=True).country == "Germany"
    assert resolve_place("Seville", strict=True).country == "Spain"
    assert resolve_place("Hanover", strict=True) is None
