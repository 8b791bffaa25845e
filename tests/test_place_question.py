"""Where the person lives (issue 12): read when volunteered or asked, said back, asked only
when the studies are in different places, and used in the results (nearest open site, range).
Real shipped trials in a SQLite store; assertions on slot events and response names."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.results import ActionShowResults
from bot.actions.screening import ValidateScreeningForm
from trials_db.slot_values import profile_from_slots
from bot.actions.trials import catalog
from trials_db.criteria.predicates import Age
from trials_db.matching.evaluate import NOT_ELIGIBLE, RuleCriterion, SitePoint, TrialRules
from trials_db.matching.filters import sites_far_apart

from .conftest import WITH_CRITERIA, action_store
from .test_actions import DOMAIN, SEED_PERSON, run, slot_events, tracker, uttered

BOSTON = {
    "label": "Boston, MA, United States",
    "lat": 42.35843,
    "lon": -71.05977,
    "country": "United States",
}


@pytest.fixture(autouse=True, scope="module")
def trial_store(tmp_path_factory):
    with action_store(tmp_path_factory.mktemp("place"), *[WITH_CRITERIA]) as url:
        yield url


async def test_a_volunteered_place_is_taken_said_back_and_the_open_question_goes_on():
    d, events = await run(
        ValidateScreeningForm(),
        tracker({"consent_given": True}, "I live near Boston", requested="age"),
    )
    slots = slot_events(events)
    assert slots["home_place"] == BOSTON and slots["country"] == "United States"
    assert ("utter_noted_place", {"place": "Boston, MA, United States"}) in uttered(d)
    assert slots["requested_slot"] == "age"


async def test_the_place_question_reads_a_town_a_range_or_anywhere_in_a_country():
    form = ValidateScreeningForm()
    d, events = await run(
        form, tracker(SEED_PERSON, "Boston, MA, I'd travel up to 100 miles", requested="home_place")
    )
    slots = slot_events(events)
    assert slots["home_place"] == BOSTON and slots["travel_km"] == pytest.approx(160.9)
    assert ("utter_noted_travel", {"distance": "100 miles"}) in uttered(d)
    _, events = await run(form, tracker(SEED_PERSON, "anywhere in Germany", requested="home_place"))
    assert slot_events(events)["home_place"] == {
        "label": "anywhere in Germany",
        "country": "Germany",
    }
    _, events = await run(form, tracker(SEED_PERSON, "qwzx", requested="home_place"))
    assert slot_events(events)["home_place"] is None and slot_events(events)["reask"] == "again"
    _, events = await run(form, tracker(SEED_PERSON, "skip", intent="skip", requested="home_place"))
    assert slot_events(events)["home_place"] == "skipped"


def _built(nct: str, *points: tuple[float, float]) -> TrialRules:
    """A built study (not a real record) with sites at the given points."""
    sites = [SitePoint(None, None, None, None, "RECRUITING", lat, lon) for lat, lon in points]
    return TrialRules(
        nct,
        nct,
        "RECRUITING",
        [RuleCriterion("age", 0, "Age", Age(min=18, source="18"))],
        True,
        [],
        [],
        sites,
    )


def test_the_place_matters_only_when_open_sites_are_far_apart():
    from trials_db.matching import match_profile
    from trials_db.profile import Profile

    close = [_built("NCT00000021", (42.36, -71.06)), _built("NCT00000022", (42.38, -71.24))]
    far = close + [_built("NCT00000023", (38.98, -77.10))]
    for rules, expected in ((close, False), (far, True)):
        results = match_profile(rules, Profile(age=40))
        assert sites_far_apart(results, {r.nct_id: r for r in rules}) is expected


async def test_place_is_asked_last_within_the_follow_up_budget_and_only_when_it_changes_something():
    form = ValidateScreeningForm()
    one_follow_up = {k: v for k, v in SEED_PERSON.items() if k != "years_since_diagnosis"}
    asked = await form.required_slots([], CollectingDispatcher(), tracker(one_follow_up), DOMAIN)
    results = catalog().match(profile_from_slots(one_follow_up))
    spread = sites_far_apart(results, {r.nct_id: r for r in catalog().index.rules})
    if "home_place" in asked:
        assert spread and asked[-1] == "home_place"
    # Two follow-ups already asked: no place question (results within 8 messages).
    asked = await form.required_slots([], CollectingDispatcher(), tracker(SEED_PERSON), DOMAIN)
    assert "home_place" not in asked


async def test_results_show_the_nearest_open_site_and_say_which_are_out_of_range():
    person = {**SEED_PERSON, "screening_complete": True, "home_place": BOSTON, "travel_km": 160.9}
    d, _ = await run(ActionShowResults(), tracker(person))
    assert d.messages[0]["response"] == "utter_results_list"
    listing = d.messages[0]["lines"]
    assert "nearest open site" in listing or "no open site I could place" in listing
    results = catalog().match(profile_from_slots(person))
    far = [
        r
        for r in results
        if r.verdict != NOT_ELIGIBLE
        and (r.nearest_site is None or r.nearest_site["distance_km"] > 160.9)
    ]
    said = dict(uttered(d))
    if far:
        assert said["utter_results_out_of_range"] == {"count": len(far), "distance": "100 miles"}
    else:
        assert "utter_results_out_of_range" not in said


async def test_a_place_said_after_the_results_updates_them():
    from bot.actions.results import ActionApplyCorrection

    d, events = await run(
        ActionApplyCorrection(),
        tracker(
            {**SEED_PERSON, "screening_complete": True}, "I live near Boston", intent="correct"
        ),
    )
    assert slot_events(events)["home_place"] == BOSTON
    assert uttered(d) == [("utter_updated", {"what": "where you live"})]
