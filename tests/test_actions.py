"""Every custom action, run with a real rasa_sdk Tracker and CollectingDispatcher.

The actions match against a real trial store (the shipped records, in a temporary SQLite
file named by TRIALS_DB_URL), as they do in the action server.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.events import ActionExecutionRejected, ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.actions.contact import (
    ActionPrepareContact,
    ActionSubmitContactRequest,
    ValidateContactForm,
)
from bot.actions.edss import ActionSetEdssEstimate, ValidateEdssEstimateForm
from bot.actions.results import (
    ActionApplyCorrection,
    ActionBrowseTrials,
    ActionMoreResults,
    ActionShowResults,
    ActionTrialDetails,
)
from bot.actions.screening import (
    ActionAskFailedTherapies,
    ActionRecordConsent,
    ValidateScreeningForm,
)
from bot.actions.session import ActionDeleteMyData, ActionStartOver, ActionStop
from trials_db.slot_values import SKIPPED, profile_from_slots
from bot.actions.trials import catalog, open_trials
from bot.actions.wording import summary
from trials_db.lexicon import load as load_lexicon

from .conftest import ROOT, WITH_CRITERIA, action_store

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())
SEED_PERSON = {
    "consent_given": True,
    "age": 34,
    "sex": "female",
    "ms_subtype": "RRMS",
    "edss": 3.5,
    "prior_therapies": ["dimethyl fumarate"],
    "failed_therapies": ["dimethyl fumarate"],
    "pregnant": False,
    "breastfeeding": False,
    "months_since_last_relapse": 3,
    "years_since_diagnosis": 5,
}


@pytest.fixture(autouse=True, scope="module")
def trial_store(tmp_path_factory):
    with action_store(tmp_path_factory.mktemp("actions"), *[WITH_CRITERIA]) as url:
        yield url


def tracker(
    slots: dict[str, Any] | None = None,
    text: str = "",
    intent: str = "inform",
    requested: str | None = None,
    entities: list | None = None,
    after_user: list | None = None,
    active_loop: str | None = None,
) -> Tracker:
    values = {name: None for name in DOMAIN["slots"]}
    values.update(slots or {})
    values["requested_slot"] = requested
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.95},
        "entities": entities or [],
    }
    events = [{"event": "user", "text": text, "parse_data": latest}] + (after_user or [])
    return Tracker(
        "patient-1",
        values,
        latest,
        events,
        False,
        None,
        {"name": active_loop} if active_loop else {},
        "action_listen",
    )


def slot_events(events) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


async def run(action, t: Tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, t, DOMAIN)
    return dispatcher, events


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


def uttered(dispatcher: CollectingDispatcher) -> list[tuple[str, dict]]:
    """Responses uttered by name, with their variables (wording lives in domain.yml)."""
    return [
        (
            m["response"],
            {k: v for k, v in m.items() if k not in _MESSAGE_KEYS and v not in (None, [], {})},
        )
        for m in dispatcher.messages
        if m.get("response")
    ]


_MESSAGE_KEYS = {
    "response",
    "text",
    "buttons",
    "elements",
    "custom",
    "template",
    "image",
    "attachment",
}


def rendered(dispatcher: CollectingDispatcher, slots: dict[str, Any] | None = None) -> list[str]:
    """The texts the person sees: each response filled by Rasa's own templated NLG from the
    slots and the action's variables, as the Rasa server does with an action's messages."""
    from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator

    from bot import response_values

    response_values.install()  # as bot/rasa_hooks.py does in the server
    nlg = TemplatedNaturalLanguageGenerator(DOMAIN["responses"])
    values = {name: None for name in DOMAIN["slots"]} | (slots or {})
    out = []
    for message in dispatcher.messages:
        message = dict(message)
        name = message.pop("response", None)
        out.append(
            nlg.generate_from_slots(name, values, "rest", **message)["text"]
            if name
            else message["text"]
        )
    return out


def variant(name: str, **condition: Any) -> str:
    """A response's text: its variant for the slot condition given, else its plain one."""
    wanted = [{"type": "slot", "name": k, "value": v} for k, v in condition.items()] or None
    return next(v["text"] for v in DOMAIN["responses"][name] if v.get("condition") == wanted)


# ---------------------------------------------------------------- consent


async def test_consent_is_recorded_from_the_answer():
    _, events = await run(ActionRecordConsent(), tracker(intent="affirm", text="yes"))
    assert events == [SlotSet("consent_given", True)]
    _, events = await run(ActionRecordConsent(), tracker(intent="deny", text="no thanks"))
    assert events == [SlotSet("consent_given", False)]


# ---------------------------------------------------------------- the screening form


async def test_several_facts_in_one_message_fill_several_slots():
    d, events = await run(
        ValidateScreeningForm(),
        tracker({"consent_given": True}, "I'm 34 with RRMS, EDSS 3.5", requested="age"),
    )
    slots = slot_events(events)
    assert (slots["age"], slots["ms_subtype"], slots["edss"]) == (34, "RRMS", 3.5)
    assert slots["requested_slot"] == "prior_therapies"
    assert slots.get("reask") is None and d.messages == []


async def test_therapies_and_failure_in_one_answer():
    t = tracker(
        {"consent_given": True, "age": 34, "ms_subtype": "RRMS", "edss": 3.5},
        "Tecfidera then Ocrevus, Tecfidera didn't work",
        requested="prior_therapies",
    )
    d, events = await run(ValidateScreeningForm(), t)
    slots = slot_events(events)
    assert slots["prior_therapies"] == ["dimethyl fumarate", "ocrelizumab"]
    assert slots["failed_therapies"] == ["dimethyl fumarate"]
    assert (
        "utter_noted_treatments",
        {"names": "dimethyl fumarate (Tecfidera), ocrelizumab (Ocrevus)"},
    ) in uttered(d)
    assert slots["requested_slot"] != "failed_therapies"  # already answered


async def test_an_unknown_name_beside_known_treatments_is_said_not_dropped():
    t = tracker(
        {"consent_given": True, "age": 34, "ms_subtype": "RRMS", "edss": 3.5},
        "<b>Zorblax</b> and tecfidra",
        requested="prior_therapies",
    )
    d, events = await run(ValidateScreeningForm(), t)
    assert slot_events(events)["prior_therapies"] == ["dimethyl fumarate"]
    assert uttered(d) == [
        ("utter_noted_treatments", {"names": "dimethyl fumarate (Tecfidera)"}),
        ("utter_unknown_treatment", {"names": '"Zorblax"'}),
    ]
    assert "<b>" not in repr(d.messages)
    d, _ = await run(
        ValidateScreeningForm(),
        tracker(
            {"consent_given": True, "age": 34, "ms_subtype": "RRMS", "edss": 3.5},
            "Tecfidera, stopped because of flushing",
            requested="prior_therapies",
        ),
    )
    assert "utter_unknown_treatment" not in [name for name, _ in uttered(d)]


async def test_out_of_range_age_gets_a_specific_kind_reask_then_a_way_out():
    form = ValidateScreeningForm()
    d, events = await run(form, tracker({"consent_given": True}, "200", requested="age"))
    assert slot_events(events)["age"] is None
    assert slot_events(events)["requested_slot"] == "age"
    assert uttered(d) == [("utter_invalid_age_out_of_range", {"age": "200"})]
    d, events = await run(
        form,
        tracker({"consent_given": True, "invalid_attempts": {"age": 1}}, "banana", requested="age"),
    )
    # one message: the question's own "last" re-ask variant (sorry, an example, "skip")
    assert d.messages == [] and slot_events(events)["reask"] == "last"
    assert (
        "skip"
        in [
            v
            for v in DOMAIN["responses"]["utter_ask_age"]
            if v.get("condition") == [{"type": "slot", "name": "reask", "value": "last"}]
        ][0]["text"]
    )
    d, events = await run(
        form,
        tracker({"consent_given": True, "invalid_attempts": {"age": 2}}, "banana", requested="age"),
    )
    assert slot_events(events)["age"] == SKIPPED
    assert uttered(d) == [("utter_left_out", {"what": "your age"})]
    assert slot_events(events)["requested_slot"] == "ms_subtype"


@pytest.mark.parametrize(
    "answer, response",
    [("12", "utter_invalid_edss_out_of_range"), ("3.3", "utter_invalid_edss_not_a_step")],
)
async def test_invalid_edss_is_explained(answer, response):
    d, events = await run(
        ValidateScreeningForm(),
        tracker({"consent_given": True, "age": 40, "ms_subtype": "RRMS"}, answer, requested="edss"),
    )
    assert slot_events(events)["edss"] is None
    assert [name for name, _ in uttered(d)] == [response]
    assert answer in rendered(d)[0]  # the number said is named back


async def test_dont_know_edss_hands_over_to_the_walking_questions():
    _, events = await run(
        ValidateScreeningForm(),
        tracker(
            {"consent_given": True, "age": 40, "ms_subtype": "RRMS"},
            "I don't know my EDSS",
            intent="edss_unknown",
            requested="edss",
        ),
    )
    assert events == [ActionExecutionRejected("screening_form")]


async def test_questions_and_stop_leave_the_form_to_the_rules():
    for intent, text in (("ask_what_is_edss", "what is EDSS?"), ("stop", "stop")):
        _, events = await run(
            ValidateScreeningForm(),
            tracker({"consent_given": True}, text, intent=intent, requested="age"),
        )
        assert events == [ActionExecutionRejected("screening_form")]


async def test_resuming_after_a_question_reads_nothing_new():
    t = tracker(
        {"consent_given": True, "age": 40},
        "what is EDSS?",
        intent="ask_what_is_edss",
        requested="edss",
        after_user=[{"event": "action", "name": "utter_what_is_edss"}],
    )
    d, events = await run(ValidateScreeningForm(), t)
    assert slot_events(events) == {"requested_slot": "ms_subtype", "reask": None}
    assert d.messages == []


async def test_an_answer_to_another_question_is_taken_and_said_then_the_open_question():
    t = tracker({"consent_given": True, "age": 34}, "female", requested="ms_subtype")
    d, events = await run(ValidateScreeningForm(), t)
    assert (
        slot_events(events)["sex"] == "female"
        and slot_events(events)["requested_slot"] == "ms_subtype"
    )
    assert uttered(d) == [("utter_noted_other", {"what": "whether you are a woman or a man"})]
    assert slot_events(events).get("reask") is None  # not "Sorry, I didn't catch that"


async def test_correction_in_the_middle_is_applied_and_said():
    t = tracker(
        {"consent_given": True, "age": 34, "ms_subtype": "RRMS"},
        "actually I'm 45",
        requested="edss",
    )
    d, events = await run(ValidateScreeningForm(), t)
    assert slot_events(events)["age"] == 45
    assert ("utter_updated", {"what": "your age"}) in uttered(d)
    assert slot_events(events)["requested_slot"] == "edss"


async def test_more_treatments_later_are_said_back_once():
    """ "Rebif and Betaferon, both stopped working" after Tecfidera was noted: the treatments are
    said back once ("Noted: ..."), not a second time as "updated"."""
    slots = {**SEED_PERSON, "prior_therapies": ["dimethyl fumarate"], "pregnant": None}
    d, events = await run(
        ValidateScreeningForm(),
        tracker(slots, "Rebif and Betaferon, both stopped working", requested="pregnant"),
    )
    names = [name for name, _ in uttered(d)]
    assert names.count("utter_noted_treatments") == 1
    said_again = [v["what"] for n, v in uttered(d) if n == "utter_updated"]
    assert all("treatments (disease" not in w and "your MS treatments" not in w for w in said_again)
    assert set(slot_events(events)["failed_therapies"]) == {  # Tecfidera failed before
        "dimethyl fumarate",
        "interferon beta-1a",
        "interferon beta-1b",
    }


async def test_id_rather_not_say_to_the_sex_question_skips_it_once():
    """The "I'd rather not say" button used to loop: the reading explained, then asked again."""
    d, events = await run(
        ValidateScreeningForm(),
        tracker({**SEED_PERSON, "sex": None}, "I'd rather not say", requested="sex"),
    )
    assert slot_events(events)["sex"] == SKIPPED and slot_events(events)["requested_slot"] != "sex"
    assert uttered(d) == [("utter_skipped", {"what": "whether you are a woman or a man"})]


async def test_skip_leaves_the_fact_unknown():
    d, events = await run(
        ValidateScreeningForm(),
        tracker({"consent_given": True}, "skip", intent="skip", requested="age"),
    )
    assert slot_events(events)["age"] == SKIPPED
    assert uttered(d) == [("utter_skipped", {"what": "your age"})]


def test_breastfeeding_said_is_not_asked_again_with_pregnancy():
    """A woman who said she is breastfeeding is asked only whether she is pregnant, and each
    button's answer is read as that (never as "not breastfeeding")."""
    from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator

    from trials_db.facts import message_facts

    nlg = TemplatedNaturalLanguageGenerator(DOMAIN["responses"])
    values = {name: None for name in DOMAIN["slots"]}
    asked = nlg.generate_from_slots("utter_ask_pregnant", {**values, "breastfeeding": True}, "rest")
    assert "breastfeeding" not in asked["text"].lower() and "pregnant" in asked["text"]
    answers = {b["title"]: b["payload"] for b in asked["buttons"]}
    assert message_facts(answers["No"], "inform", "pregnant", {}) == {"pregnant": False}
    assert message_facts(answers["Yes"], "inform", "pregnant", {})["pregnant"] is True
    plain = nlg.generate_from_slots("utter_ask_pregnant", values, "rest")
    assert "breastfeeding" in plain["text"]  # not said yet: both asked at once
    again = nlg.generate_from_slots(
        "utter_ask_pregnant", {**values, "breastfeeding": True, "reask": "again"}, "rest"
    )
    assert again["text"].startswith("Sorry")  # a re-ask keeps its own one message


async def test_pregnancy_is_not_asked_of_men_and_follow_ups_are_adaptive():
    base = {
        k: v
        for k, v in SEED_PERSON.items()
        if k
        not in ("pregnant", "breastfeeding", "months_since_last_relapse", "years_since_diagnosis")
    }
    form = ValidateScreeningForm()
    slots = await form.required_slots(
        [], CollectingDispatcher(), tracker({**base, "sex": "male"}), DOMAIN
    )
    assert "pregnant" not in slots and "breastfeeding" not in slots
    slots = await form.required_slots([], CollectingDispatcher(), tracker(base), DOMAIN)
    assert "pregnant" in slots
    filled = {**base, "pregnant": False, "breastfeeding": False}
    slots = await form.required_slots([], CollectingDispatcher(), tracker(filled), DOMAIN)
    # The seed excludes a relapse in the last month: the last relapse is worth asking.
    assert slots[-1] == "months_since_last_relapse"
    done = await form.required_slots([], CollectingDispatcher(), tracker(SEED_PERSON), DOMAIN)
    assert (
        len(
            [
                s
                for s in done
                if s
                in (
                    "months_since_last_relapse",
                    "years_since_diagnosis",
                    "relapses_past_2_years",
                    "months_since_steroids",
                    "current_therapy",
                )
            ]
        )
        <= 2
    )


async def test_ask_failed_therapies_offers_each_treatment():
    d, _ = await run(
        ActionAskFailedTherapies(), tracker({"prior_therapies": ["fingolimod", "ocrelizumab"]})
    )
    titles = [b["title"] for b in d.messages[0]["buttons"]]
    assert titles == [
        "fingolimod (Gilenya) didn't work",
        "ocrelizumab (Ocrevus) didn't work",
        "None of them",
    ]


# ---------------------------------------------------------------- EDSS estimate


@pytest.mark.parametrize("text", ["skip", "I don't know", "rather not say"])
async def test_the_walking_questions_can_be_left(text):
    """'skip' at a walking question looped on "Sorry, I didn't catch that" for ever."""
    form = ValidateEdssEstimateForm()
    _, events = await run(form, tracker({"walk_aid": "none"}, text, requested="walk_distance"))
    assert slot_events(events)["walk_distance"] == SKIPPED
    assert slot_events(events)["requested_slot"] is None  # the walking questions end
    d, events = await run(
        ActionSetEdssEstimate(), tracker({"walk_aid": "none", "walk_distance": SKIPPED})
    )
    assert slot_events(events) == {"edss": SKIPPED}
    assert uttered(d) == [("utter_edss_not_estimated", {})]


async def test_the_third_unreadable_walking_answer_ends_the_walking_questions():
    form = ValidateEdssEstimateForm()
    t = tracker({"invalid_attempts": {"walk_aid": 2}}, "banana", requested="walk_aid")
    _, events = await run(form, t)
    assert slot_events(events)["walk_aid"] == SKIPPED  # filled: the form's one required slot
    assert slot_events(events).get("requested_slot") is None


async def test_facts_said_at_a_walking_question_are_taken():
    form = ValidateEdssEstimateForm()
    d, events = await run(form, tracker({}, "Tysabri then Ocrevus", requested="walk_aid"))
    slots = slot_events(events)
    assert slots["prior_therapies"] == ["natalizumab", "ocrelizumab"]
    assert slots["walk_aid"] is None and slots["reask"] is None  # asked again, plainly
    assert [name for name, _ in uttered(d)] == ["utter_noted_other"]


async def test_walking_questions_then_an_estimated_range():
    form = ValidateEdssEstimateForm()
    _, events = await run(form, tracker(text="no walking aid", requested="walk_aid"))
    assert slot_events(events) == {
        "walk_aid": "none",
        "reask": None,
        "invalid_attempts": None,
        "requested_slot": "walk_distance",
    }
    d, events = await run(form, tracker({"walk_aid": "none"}, "banana", requested="walk_distance"))
    assert slot_events(events) == {
        "walk_distance": None,
        "reask": "again",
        "invalid_attempts": {"walk_distance": 1},
        "requested_slot": "walk_distance",
    }
    assert d.messages == []  # the question's "again" variant is the one message
    _, events = await run(
        form, tracker({"walk_aid": "none"}, "200 to 500 m", requested="walk_distance")
    )
    assert slot_events(events) == {
        "walk_distance": "200_500m",
        "reask": None,
        "invalid_attempts": None,
        "requested_slot": None,
    }
    d, events = await run(
        ActionSetEdssEstimate(), tracker({"walk_aid": "none", "walk_distance": "200_500m"})
    )
    assert slot_events(events) == {
        "edss": "estimated",
        "edss_is_estimate": True,
        "edss_range": [4.0, 5.0],
    }
    assert uttered(d) == [("utter_edss_estimate", {"estimate": "between 4.0 and 5.0"})]


# ---------------------------------------------------------------- results


async def test_results_count_and_explain_and_are_recorded():
    d, events = await run(ActionShowResults(), tracker(SEED_PERSON))
    slots = slot_events(events)
    assert slots["screening_complete"] is True
    shown = slots["match_results"]
    assert len(shown) == 3
    assert all(set(r) >= {"nct_id", "verdict", "criteria"} for r in shown)
    assert all(
        set(c) == {"kind", "text", "status", "explanation"} for r in shown for c in r["criteria"]
    )
    name, said = uttered(d)[0]
    assert name == "utter_results_list"  # some may fit: "the best matches"
    assert said["summary"] == summary(
        catalog().match(profile_from_slots(SEED_PERSON)), catalog().size
    )
    assert all(r["nct_id"] in said["lines"] for r in shown)
    titles = [b["title"] for b in d.messages[0]["buttons"]]
    assert "Ask a coordinator to contact me" in titles and "Change an answer" in titles
    # The person sees the plain variant, filled with the summary and the studies' lines.
    assert rendered(d, SEED_PERSON)[0] == variant(name).format(**said)


async def test_an_estimated_edss_is_said_in_the_results():
    person = {
        **SEED_PERSON,
        "edss": "estimated",
        "edss_is_estimate": True,
        "edss_range": [3.0, 4.0],
    }
    d, _ = await run(ActionShowResults(), tracker(person))
    name, said = uttered(d)[0]
    assert rendered(d, person)[0] == variant(name, edss_is_estimate=True).format(**said)
    assert variant(name, edss_is_estimate=True) != variant(name)


async def test_more_results_and_details():
    t = tracker({**SEED_PERSON, "screening_complete": True, "results_shown": 3})
    d, events = await run(ActionMoreResults(), t)
    assert slot_events(events)["results_shown"] > 3
    name, said = uttered(d)[0]
    assert name == "utter_more_results"
    assert all(r["nct_id"] in said["lines"] for r in slot_events(events)["match_results"])
    d, _ = await run(
        ActionMoreResults(),
        tracker({**SEED_PERSON, "screening_complete": True, "results_shown": 99}),
    )
    assert uttered(d) == [("utter_no_more_results", {})]
    assert "Change an answer" in [b["title"] for b in d.messages[0]["buttons"]]
    d, _ = await run(ActionMoreResults(), tracker(SEED_PERSON))
    assert uttered(d) == [("utter_more_results_not_yet", {})]
    d, events = await run(
        ActionTrialDetails(),
        tracker(SEED_PERSON, entities=[{"entity": "nct_id", "value": "NCT05532943"}]),
    )
    name, said = uttered(d)[0]
    assert name == "utter_trial_details" and slot_events(events)["focus_nct"] == "NCT05532943"
    # The study's sections, built by bot/actions/wording.details from its criteria.
    assert "What you meet" in said["lines"] and "aged 20 to 65" in said["lines"]
    assert "What the study team will check" in said["lines"]
    assert '/request_contact{"nct_id":"NCT05532943"}' in [
        b["payload"] for b in d.messages[0]["buttons"]
    ]
    d, _ = await run(ActionTrialDetails(), tracker(SEED_PERSON, text="tell me about NCT99999999"))
    assert uttered(d) == [("utter_details_unknown", {"nct_id": "NCT99999999"})]
    d, _ = await run(ActionTrialDetails(), tracker(SEED_PERSON, text="tell me more"))
    assert uttered(d) == [("utter_details_which", {})]


async def test_the_seed_trial_fails_for_a_67_year_old():
    d, events = await run(
        ActionTrialDetails(),
        tracker(
            {**SEED_PERSON, "age": 67}, entities=[{"entity": "nct_id", "value": "NCT05532943"}]
        ),
    )
    ((name, said),) = uttered(d)
    assert "What doesn't fit" in said["lines"]
    assert "You told me you are 67" in said["lines"]


async def test_corrections_need_consent_and_update_slots(monkeypatch):
    d, events = await run(ActionApplyCorrection(), tracker({}, "actually I'm 45", intent="correct"))
    assert events == [] and uttered(d) == [("utter_correction_needs_consent", {})]
    d, events = await run(
        ActionApplyCorrection(), tracker(SEED_PERSON, "actually I'm 45", intent="correct")
    )
    assert slot_events(events) == {"age": 45}
    d, events = await run(
        ActionApplyCorrection(), tracker(SEED_PERSON, "sorry, it's SPMS", intent="correct")
    )
    assert slot_events(events) == {"ms_subtype": "SPMS"}
    d, events = await run(ActionApplyCorrection(), tracker(SEED_PERSON, "hmm", intent="correct"))
    assert events == [] and uttered(d) == [("utter_correction_unclear", {})]
    monkeypatch.setattr("bot.actions.screening.SLOT_WORDS", {})  # a fact without words for it
    d, events = await run(
        ActionApplyCorrection(), tracker(SEED_PERSON, "actually I'm 45", intent="correct")
    )
    assert slot_events(events) == {"age": 45} and uttered(d) == [("utter_noted", {})]


async def test_results_are_not_shown_again_after_a_correction_that_read_nothing():
    """ "banana" after the results: the correction says it found nothing to change; the same
    list again would be one message too many. A correction that changed a slot shows them."""
    done = {**SEED_PERSON, "screening_complete": True}
    ran = {"event": "action", "name": "action_apply_correction"}
    d, events = await run(ActionShowResults(), tracker(done, "banana", after_user=[ran]))
    assert events == [] and d.messages == []
    changed = [ran, {"event": "slot", "name": "age", "value": 45}]
    d, events = await run(ActionShowResults(), tracker(done, "I'm 45", after_user=changed))
    assert uttered(d)[0][0] == "utter_results_list"
    d, events = await run(ActionShowResults(), tracker(done, "show me the studies again"))
    assert uttered(d)[0][0] == "utter_results_list"  # asked for, not after a correction


async def test_an_edss_range_as_a_correction_is_kept_and_one_score_replaces_it():
    """A range said as a correction after the results ("actually it's 3 or 3.5") was cleared by
    the same turn's events; a single score said later clears the range."""
    d, events = await run(
        ActionApplyCorrection(),
        tracker(SEED_PERSON, "actually my edss is 3 or 3.5", intent="correct"),
    )
    assert slot_events(events) == {
        "edss": "estimated",
        "edss_range": [3.0, 3.5],
        "edss_is_estimate": False,
    }
    assert uttered(d) == [("utter_updated", {"what": "your EDSS score"})]
    with_range = {**SEED_PERSON, "edss": "estimated", "edss_range": [3.0, 3.5]}
    d, events = await run(
        ActionApplyCorrection(), tracker(with_range, "sorry, my edss is 4", intent="correct")
    )
    assert slot_events(events) == {"edss": 4.0, "edss_is_estimate": False, "edss_range": None}


async def test_browsing_without_health_questions():
    d, events = await run(
        ActionBrowseTrials(), tracker({}, "recruiting trials in Taiwan", intent="browse_trials")
    )
    name, said = uttered(d)[0]
    assert name == "utter_browse_list_in_country" and said["country"] == "Taiwan" and events == []
    assert "NCT05532943" in said["lines"] and said["count"] <= said["total"]
    d, _ = await run(
        ActionBrowseTrials(), tracker({}, "show recruiting trials", intent="browse_trials")
    )
    assert uttered(d)[0][0] == "utter_browse_list" and "country" not in uttered(d)[0][1]
    nowhere = next(
        c for c in sorted(load_lexicon().countries) if not open_trials(country=c, limit=1)[0]
    )
    d, _ = await run(
        ActionBrowseTrials(), tracker({}, f"recruiting trials in {nowhere}", intent="browse_trials")
    )
    assert uttered(d)[0] == ("utter_browse_none_in_country", {"country": nowhere})


# ---------------------------------------------------------------- contact, stop, start over, delete


async def test_the_contact_form_opens_without_an_error():
    """action_prepare_contact clears the name and detail; opening the form must not call that
    an invalid answer (it used to say two errors before asking for a name)."""
    t = tracker(
        SEED_PERSON,
        "please contact me",
        intent="request_contact",
        after_user=[
            {"event": "slot", "name": "contact_name", "value": None},
            {"event": "slot", "name": "contact_detail", "value": None},
        ],
    )
    d, events = await run(ValidateContactForm(), t)
    assert d.messages == [] and slot_events(events)["contact_name"] is None


async def test_contact_request_is_recorded():
    shown = [
        {"nct_id": "NCT05532943", "verdict": "eligible"},
        {"nct_id": "NCT00000000", "verdict": "not_eligible"},
    ]
    _, events = await run(ActionPrepareContact(), tracker({**SEED_PERSON, "match_results": shown}))
    assert slot_events(events)["contact_trials"] == ["NCT05532943"]
    form = ValidateContactForm()
    d, events = await run(
        form,
        tracker(text="not an email", requested="contact_detail", slots={"contact_name": "Anna"}),
    )
    assert slot_events(events)["contact_detail"] is None and uttered(d) == [
        ("utter_contact_detail_again", {})
    ]
    _, events = await run(
        form,
        tracker(
            text="anna@example.org", requested="contact_detail", slots={"contact_name": "Anna"}
        ),
    )
    assert slot_events(events)["contact_detail"] == "anna@example.org"
    d, events = await run(
        ActionSubmitContactRequest(),
        tracker(
            {
                "contact_trials": ["NCT05532943"],
                "contact_name": "Anna",
                "contact_detail": "anna@example.org",
            }
        ),
    )
    request = slot_events(events)["contact_request"]
    assert request["nct_ids"] == ["NCT05532943"] and request["contact"] == "anna@example.org"
    assert uttered(d) == [
        (
            "utter_contact_passed_on",
            {"name": "Anna", "contact": "anna@example.org", "nct_ids": "NCT05532943"},
        )
    ]
    d, _ = await run(
        ActionSubmitContactRequest(),
        tracker(
            {"contact_trials": [], "contact_name": "Anna", "contact_detail": "+44 20 7946 0000"}
        ),
    )
    assert uttered(d) == [
        ("utter_contact_passed_on_general", {"name": "Anna", "contact": "+44 20 7946 0000"})
    ]


async def test_a_contact_request_needs_consent_first():
    d, events = await run(
        ActionPrepareContact(), tracker({}, "please contact me", intent="request_contact")
    )
    assert uttered(d) == [("utter_contact_needs_consent", {})] and slot_events(events) == {
        "contact_trials": None
    }


async def test_stop_start_over_and_delete():
    d, events = await run(ActionStop(), tracker(SEED_PERSON, "stop", intent="stop"))
    assert ActiveLoop(None) in events and d.messages[0]["response"] == "utter_stopped"
    d, events = await run(ActionStartOver(), tracker(SEED_PERSON))
    slots = slot_events(events)
    assert slots["age"] is None and slots["match_results"] is None and "consent_given" not in slots
    assert uttered(d) == [("utter_start_over", {})]
    d, events = await run(ActionDeleteMyData(), tracker(SEED_PERSON))
    assert SlotSet("delete_requested", True) in events and uttered(d) == [
        ("utter_data_deleted", {})
    ]


async def test_two_years_as_alternatives_are_left_to_the_study_team_not_asked_again():
    # built after fresh10: "2008 i think, or 2009" names no one year
    d, events = await run(
        ValidateScreeningForm(),
        tracker(
            {**SEED_PERSON, "years_since_diagnosis": None},
            "2008 i think, or 2009",
            requested="years_since_diagnosis",
        ),
    )
    assert slot_events(events)["years_since_diagnosis"] == SKIPPED
    assert slot_events(events)["requested_slot"] != "years_since_diagnosis"
    assert [name for name, _ in uttered(d)] == ["utter_skipped"]
