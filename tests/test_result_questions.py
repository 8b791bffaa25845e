"""Questions about the results (issue 11): why others don't fit, filters, what taking part
involves, and browsing that lists MS studies only. Real shipped trials in a SQLite store;
assertions are on response names, their variables and slot events, not on wording."""

from __future__ import annotations

import pytest

from bot.actions.result_questions import ActionFilterResults, ActionWhatInvolves, ActionWhyNotFit
from bot.actions.results import ActionBrowseTrials
from trials_db.slot_values import profile_from_slots
from bot.actions.trials import catalog
from trials_db.conditions import is_ms_study, is_ms_trial
from trials_db.lexicon import load as load_lexicon
from trials_db.matching.evaluate import NOT_ELIGIBLE
from trials_db.matching.filters import open_to_course
from trials_db.store import get_trial, make_engine, session_factory

from .conftest import METADATA_ONLY, WITH_CRITERIA, action_store
from .test_actions import SEED_PERSON, run, slot_events, tracker

DONE = {**SEED_PERSON, "screening_complete": True}


@pytest.fixture(autouse=True, scope="module")
def trial_store(tmp_path_factory):
    with action_store(tmp_path_factory.mktemp("questions"), *[WITH_CRITERIA, METADATA_ONLY]) as url:
        yield url


def responses(dispatcher) -> list[dict]:
    return [m for m in dispatcher.messages if m.get("response")]


def only(dispatcher) -> dict:
    (message,) = responses(dispatcher)
    return message


async def test_results_questions_wait_for_the_results():
    for action, intent in (
        (ActionWhyNotFit(), "ask_why_not_fit"),
        (ActionFilterResults(), "ask_filter_results"),
    ):
        d, events = await run(
            action, tracker(SEED_PERSON, "why don't the others fit?", intent=intent)
        )
        assert only(d)["response"] == "utter_results_not_yet" and events == []


async def test_why_the_others_dont_fit_lists_each_with_its_reason():
    d, _ = await run(
        ActionWhyNotFit(), tracker(DONE, "why don't the other 6 fit me?", intent="ask_why_not_fit")
    )
    message = only(d)
    assert message["response"] == "utter_why_not_fit"
    failing = [r for r in catalog().match(profile_from_slots(DONE)) if r.verdict == NOT_ELIGIBLE]
    assert message["count"] == len(failing) > 0
    for r in failing[:6]:
        assert r.nct_id in message["lines"]


async def test_which_ones_are_for_progressive_ms():
    d, _ = await run(
        ActionFilterResults(),
        tracker(DONE, "which ones are for progressive MS?", intent="ask_filter_results"),
    )
    message = only(d)
    assert message["response"] == "utter_filter_results" and "progressive MS" in message["what"]
    rules = {r.nct_id: r for r in catalog().index.rules}
    listed = [n for n in rules if n in message["lines"]]
    assert listed and all(open_to_course(rules[n], ("SPMS", "PPMS")) for n in listed)
    # A study only for relapsing MS is not among them.
    relapsing_only = [
        n
        for n, r in rules.items()
        if not open_to_course(r, ("SPMS", "PPMS")) and open_to_course(r, ("RRMS",))
    ]
    assert relapsing_only and not any(n in message["lines"] for n in relapsing_only)


async def test_a_country_with_no_study_says_none_and_a_vague_question_asks_what():
    with_sites = {c for r in catalog().index.rules for c in r.countries}
    country = next(c for c in sorted(load_lexicon().countries) if c not in with_sites)
    d, _ = await run(
        ActionFilterResults(),
        tracker(DONE, f"are any of these in {country}?", intent="ask_filter_results"),
    )
    assert only(d)["response"] == "utter_filter_none" and country in only(d)["what"]
    d, _ = await run(
        ActionFilterResults(), tracker(DONE, "which ones then?", intent="ask_filter_results")
    )
    assert only(d)["response"] == "utter_filter_which"


async def test_what_taking_part_involves_comes_from_the_record():
    d, events = await run(
        ActionWhatInvolves(),
        tracker(DONE, "what would I have to do in NCT05532943?", intent="ask_what_involves"),
    )
    message = only(d)
    assert message["response"] == "utter_what_involves" and message["nct_id"] == "NCT05532943"
    with session_factory(make_engine())() as session:
        trial = get_trial(session, "NCT05532943")
        assert f"{trial.enrollment} people" in message["lines"]
        assert trial.interventions[0]["name"] in message["lines"]
    assert slot_events(events) == {"focus_nct": "NCT05532943"}
    # "this study" after its details: the study in focus
    d, _ = await run(
        ActionWhatInvolves(),
        tracker(
            {**DONE, "focus_nct": "NCT05532943"},
            "what would I have to do in this study?",
            intent="ask_what_involves",
        ),
    )
    assert only(d)["nct_id"] == "NCT05532943"
    d, _ = await run(
        ActionWhatInvolves(), tracker(DONE, "what does it involve?", intent="ask_what_involves")
    )
    assert only(d)["response"] == "utter_what_involves_which"


async def test_browsing_lists_ms_studies_only_and_offers_screening_only_outside_it():
    d, _ = await run(
        ActionBrowseTrials(), tracker({}, "show recruiting trials", intent="browse_trials")
    )
    assert [m["response"] for m in responses(d)] == [
        "utter_browse_list",
        "utter_browse_offer_screening",
    ]
    listed = d.messages[0]["lines"]
    with session_factory(make_engine())() as session:
        from trials_db.store import list_trials

        for t in list_trials(session):
            if t.nct_id in listed:
                assert is_ms_trial(t), t.nct_id
    d, _ = await run(
        ActionBrowseTrials(),
        tracker(
            SEED_PERSON,
            "any trials in the US?",
            intent="browse_trials",
            active_loop="screening_form",
        ),
    )
    # the form asks its open question next; no "start over"
    assert [m["response"] for m in responses(d)] == ["utter_browse_list_in_country"]


def test_non_ms_studies_are_recognised():
    assert not is_ms_study(["Tuberous Sclerosis Complex"]) and not is_ms_study(
        ["Amyotrophic Lateral Sclerosis (ALS)"]
    )
    assert is_ms_study(["Sclerosis, Multiple"]) and is_ms_study(
        ["Relapsing Remitting Multiple Sclerosis"]
    )
    assert is_ms_study(["Healthy"], titles=["Vitamin D in People With MS"])
    assert not is_ms_study(["Healthy"], titles=["Mass spectrometry (ms) of urine"])


async def test_results_count_the_open_ms_studies_that_could_not_be_checked():
    from bot.actions.results import ActionShowResults

    d, _ = await run(ActionShowResults(), tracker(SEED_PERSON))
    with session_factory(make_engine())() as session:
        from trials_db.store import list_trials

        expected = sum(
            1
            for t in list_trials(
                session,
                status=["RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"],
                with_criteria=False,
            )
            if is_ms_trial(t)
        )
    assert expected > 0
    assert ("utter_results_without_criteria", expected) in [
        (m["response"], m.get("count")) for m in responses(d)
    ]


async def test_a_study_s_details_say_what_taking_part_involves():
    from bot.actions.results import ActionTrialDetails

    d, events = await run(
        ActionTrialDetails(), tracker(SEED_PERSON, text="tell me about NCT05532943")
    )
    assert d.messages[0]["response"] == "utter_trial_details"
    assert "What taking part involves" in d.messages[0]["lines"]
    assert slot_events(events)["focus_nct"] == "NCT05532943"
