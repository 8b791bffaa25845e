"""The screening form with answers that are not the open question's: a time said late ("2 monts
ago" to the sex question), an EDSS given as a range, the brand a person named. Asserted as
responses by name and slot events, with the helpers of tests/test_actions.py."""

from __future__ import annotations

import pytest

from bot.actions.screening import ActionAskFailedTherapies, ValidateScreeningForm
from trials_db.slot_values import SKIPPED

from .conftest import WITH_CRITERIA, action_store
from .test_actions import SEED_PERSON, run, slot_events, tracker, uttered

# Everything the form asks before the sex question, known.
BEFORE_SEX = {
    "consent_given": True,
    "age": 41,
    "ms_subtype": "RRMS",
    "edss": 3.5,
    "prior_therapies": ["dimethyl fumarate"],
    "failed_therapies": [],
}


@pytest.fixture(autouse=True, scope="module")
def trial_store(tmp_path_factory):
    with action_store(tmp_path_factory.mktemp("other_answers"), WITH_CRITERIA) as url:
        yield url


async def form(slots: dict, text: str, requested: str):
    return await run(ValidateScreeningForm(), tracker(slots, text, requested=requested))


# ---------------------------------------------------------------- a time said to another question


@pytest.mark.parametrize("text", ["2 monts ago", "about 2 mnths ago", "2 months ago lol"])
async def test_a_time_said_to_the_sex_question_is_the_last_relapse_then_the_question_again(text):
    d, events = await form(BEFORE_SEX, text, "sex")
    slots = slot_events(events)
    assert slots["months_since_last_relapse"] == 2.0
    assert slots["requested_slot"] == "sex" and slots.get("reask") is None  # asked again, plainly
    assert uttered(d) == [("utter_noted_other", {"what": "your last relapse"})]


async def test_a_late_answer_goes_to_the_time_question_that_was_left_unanswered():
    skipped = {**BEFORE_SEX, "years_since_diagnosis": SKIPPED}
    d, events = await form(skipped, "3 yeras ago", "sex")
    assert slot_events(events)["years_since_diagnosis"] == 3.0
    assert uttered(d) == [("utter_noted_other", {"what": "when you were diagnosed"})]


@pytest.mark.parametrize(
    "slots, text, requested",
    [
        (
            {**BEFORE_SEX, "months_since_last_relapse": 6},
            "2 months ago",
            "sex",
        ),  # a correction, or the steroids?
        (BEFORE_SEX, "3 years ago", "sex"),  # the last relapse or the diagnosis
        (
            {**BEFORE_SEX, "prior_therapies": None, "failed_therapies": None},
            "2 months ago",
            "prior_therapies",
        ),
    ],
)
async def test_a_time_that_could_be_more_than_one_fact_is_not_taken(slots, text, requested):
    d, events = await form(slots, text, requested)
    assert not {"months_since_last_relapse", "years_since_diagnosis", "months_since_steroids"} & {
        k for k, v in slot_events(events).items() if v is not None and slots.get(k) != v
    }
    assert slot_events(events)["requested_slot"] == requested
    assert ("utter_noted_other", {"what": "your last relapse"}) not in uttered(d)


async def test_a_time_to_the_relapse_count_question_is_the_last_relapse_not_a_count():
    d, events = await form(
        {**SEED_PERSON, "months_since_last_relapse": None}, "2 months ago", "relapses_past_2_years"
    )
    slots = slot_events(events)
    assert slots["months_since_last_relapse"] == 2.0 and "relapses_past_2_years" not in slots
    assert uttered(d) == [("utter_noted_other", {"what": "your last relapse"})]


# ---------------------------------------------------------------- an EDSS given as a range


@pytest.mark.parametrize(
    "text, low, high", [("i think its 3 or 3.5", 3.0, 3.5), ("between 2 and 2,5", 2.0, 2.5)]
)
async def test_an_edss_range_is_said_back_as_taken(text, low, high):
    d, events = await form({"consent_given": True, "age": 41, "ms_subtype": "RRMS"}, text, "edss")
    slots = slot_events(events)
    assert (slots["edss"], slots["edss_range"]) == ("estimated", [low, high])
    assert uttered(d) == [
        ("utter_noted_edss_range", {"estimate": f"between {low:.1f} and {high:.1f}"})
    ]
    assert slots["requested_slot"] != "edss"


async def test_a_volunteered_edss_range_is_said_back_once_then_the_open_question():
    d, events = await form(
        {"consent_given": True, "age": 41}, "my edss is somewhere between 3 and 4", "ms_subtype"
    )
    assert slot_events(events)["edss_range"] == [3.0, 4.0]
    assert uttered(d) == [("utter_noted_edss_range", {"estimate": "between 3.0 and 4.0"})]
    assert slot_events(events)["requested_slot"] == "ms_subtype"


async def test_a_single_edss_is_not_said_back_as_a_range():
    d, events = await form({"consent_given": True, "age": 41, "ms_subtype": "RRMS"}, "3.5", "edss")
    assert slot_events(events)["edss"] == 3.5 and slot_events(events)["edss_range"] is None
    assert uttered(d) == []


# ---------------------------------------------------------------- the brand a person used

INTERFERON = "interferon beta-1a"  # brands Avonex (shown by default) and Rebif


async def test_the_brand_named_is_kept_with_the_treatments_and_not_said_as_a_fact_of_its_own():
    d, events = await form(
        {"consent_given": True, "age": 41, "ms_subtype": "RRMS", "edss": 3.5},
        "Rebif, then Tysabri",
        "prior_therapies",
    )
    slots = slot_events(events)
    assert slots["prior_therapies"] == [INTERFERON, "natalizumab"]
    assert slots["therapy_names"] == {
        INTERFERON: "Rebif"
    }  # Tysabri is how results name natalizumab anyway
    assert uttered(d) == [
        ("utter_noted_treatments", {"names": "interferon beta-1a (Rebif), natalizumab (Tysabri)"})
    ]


async def test_a_brand_said_again_replaces_the_one_said_before():
    earlier = {
        "consent_given": True,
        "age": 41,
        "ms_subtype": "RRMS",
        "edss": 3.5,
        "prior_therapies": [INTERFERON],
        "failed_therapies": [],
        "therapy_names": {INTERFERON: "Rebif"},
    }
    _, events = await form(earlier, "sorry it was avonex not rebif", "sex")
    assert slot_events(events)["therapy_names"] == {}


async def test_the_failed_question_offers_each_treatment_by_the_brand_named():
    d, _ = await run(
        ActionAskFailedTherapies(),
        tracker({"prior_therapies": [INTERFERON], "therapy_names": {INTERFERON: "Rebif"}}),
    )
    assert d.messages[0]["buttons"][0]["title"] == "interferon beta-1a (Rebif) didn't work"


def test_results_explain_with_the_brand_the_person_used():
    from trials_db.slot_values import profile_from_slots
    from bot.actions.trials import catalog
    from bot.actions.wording import details

    person = {**SEED_PERSON, "prior_therapies": [INTERFERON], "failed_therapies": [INTERFERON]}
    for names, shown, hidden in (
        ({}, "(Avonex)", "(Rebif)"),
        ({INTERFERON: "Rebif"}, "(Rebif)", "(Avonex)"),
    ):
        results = catalog().match(profile_from_slots({**person, "therapy_names": names}))
        said = [c.explanation for r in results for c in r.criteria if INTERFERON in c.explanation]
        assert said and all(f"{INTERFERON} {shown}" in e and hidden not in e for e in said)
        assert all(hidden not in details(r) for r in results)


def test_a_brand_of_another_treatment_is_refused_and_dropped_from_the_slots():
    from trials_db.slot_values import profile_from_slots
    from trials_db.profile import Profile, ProfileError

    with pytest.raises(ProfileError):
        Profile(prior_therapies=[INTERFERON], therapy_names={INTERFERON: "Tysabri"})
    profile = profile_from_slots({**SEED_PERSON, "therapy_names": {INTERFERON: "Tysabri"}})
    assert profile.therapy_names == {} and profile.age == SEED_PERSON["age"]
    assert Profile.from_dict(
        Profile(therapy_names={INTERFERON: "Rebif"}).to_dict()
    ).therapy_names == {INTERFERON: "Rebif"}
