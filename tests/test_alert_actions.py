"""Alerts in the chat (issue 12): offered with the results, saved only on an explicit yes with
the channel's address, stopped by "stop alerts", "delete my data" or the one-click link, and
waiting website alerts shown when the visitor comes back. Real shipped trials, a real SQLite
store."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient, TestServer
from rasa_sdk import Tracker
from sqlalchemy import func, select

from bot.actions.alerts import ActionStopAlerts, ActionSubscribeAlerts
from bot.actions.results import ActionShowResults
from bot.actions.screening import ActionRecordConsent
from bot.actions.session import ActionDeleteMyData
from bot.actions.trials import catalog
from trials_db.alerts.models import AlertSubscription, OutboxMessage
from trials_db.alerts.service import rematch, subscribe
from trials_db.store import make_engine, session_factory
from web.app import create_app

from .conftest import WITH_CRITERIA, action_store
from .test_actions import DOMAIN, SEED_PERSON, run, slot_events, uttered

DONE = {
    **SEED_PERSON,
    "screening_complete": True,
    "match_results": [{"nct_id": "NCT05532943", "verdict": "eligible"}],
}


@pytest.fixture(autouse=True)
def store(tmp_path):
    with action_store(tmp_path, WITH_CRITERIA) as url:
        yield url


def chat(
    slots: dict,
    text: str,
    channel: str = "socketio",
    sender: str = "visitor-1",
    intent: str = "subscribe_alerts",
):
    values = {name: None for name in DOMAIN["slots"]}
    values.update(slots)
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.95}, "entities": []}
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": channel}]
    return Tracker(sender, values, latest, events, False, None, {}, "action_listen")


def subscriptions(url: str) -> list[AlertSubscription]:
    with session_factory(make_engine(url))() as session:
        return list(session.scalars(select(AlertSubscription)))


async def test_results_offer_alerts_once_and_nothing_is_kept_without_a_yes(store):
    d, events = await run(ActionShowResults(), chat(SEED_PERSON, "5 years ago", intent="inform"))
    assert [name for name, _ in uttered(d)][
        -1
    ] == "utter_offer_alerts"  # last, so a plain yes answers it
    assert subscriptions(store) == []
    d, _ = await run(
        ActionShowResults(),
        chat({**SEED_PERSON, "alerts_token": "t"}, "5 years ago", intent="inform"),
    )
    assert "utter_offer_alerts" not in [name for name, _ in uttered(d)]


@pytest.mark.parametrize(
    "channel, text, expected_channel, expected_address, response",
    [
        ("telegram", "yes", "telegram", "visitor-1", "utter_alerts_saved_chat"),
        (
            "socketio",
            "yes, email me at anna@example.org",
            "email",
            "anna@example.org",
            "utter_alerts_saved_email",
        ),
        ("socketio", "yes", "web", "visitor-1", "utter_alerts_saved_web"),
    ],
)
async def test_a_yes_saves_the_profile_and_where_to_write(
    store, channel, text, expected_channel, expected_address, response
):
    d, events = await run(ActionSubscribeAlerts(), chat(DONE, text, channel=channel))
    (sub,) = subscriptions(store)
    assert (sub.channel, sub.address) == (expected_channel, expected_address)
    assert sub.profile["age"] == 34 and sub.profile["ms_subtype"] == "RRMS"
    ((name, variables),) = uttered(d)
    assert name == response and sub.token in variables["link"]
    assert slot_events(events)["alerts_token"] == sub.token


async def test_no_alerts_before_the_results(store):
    d, events = await run(
        ActionSubscribeAlerts(), chat({**SEED_PERSON, "screening_complete": None}, "notify me")
    )
    assert uttered(d) == [("utter_alerts_after_results", {})] and subscriptions(store) == []


async def test_stop_alerts_and_delete_my_data_forget_everything(store):
    _, events = await run(ActionSubscribeAlerts(), chat(DONE, "yes", channel="telegram"))
    token = slot_events(events)["alerts_token"]
    d, _ = await run(
        ActionStopAlerts(),
        chat(
            {**DONE, "alerts_token": token}, "stop alerts", channel="telegram", intent="stop_alerts"
        ),
    )
    assert uttered(d) == [("utter_alerts_stopped", {})] and subscriptions(store) == []
    d, _ = await run(
        ActionStopAlerts(), chat(DONE, "stop alerts", channel="telegram", intent="stop_alerts")
    )
    assert uttered(d) == [("utter_alerts_none", {})]
    await run(ActionSubscribeAlerts(), chat(DONE, "yes", channel="telegram"))
    await run(ActionDeleteMyData(), chat(DONE, "yes", channel="telegram", intent="affirm"))
    assert subscriptions(store) == []


async def test_waiting_website_alerts_are_shown_at_the_next_visit_once(store):
    sessions = session_factory(make_engine(store))
    with sessions() as session:
        token = subscribe(
            session, {"age": 34, "ms_subtype": "RRMS", "edss": 3.5}, "web", "visitor-9"
        )
        report = rematch(session, catalog().index.rules)
        session.commit()
        queued = session.scalar(select(func.count()).select_from(OutboxMessage))
    assert queued > 0, report.summary()
    d, events = await run(
        ActionRecordConsent(),
        chat({"alerts_token": token}, "yes", sender="visitor-9", intent="affirm"),
    )
    ((name, variables),) = uttered(d)
    assert name == "utter_alerts_waiting" and variables["count"] == queued
    assert slot_events(events) == {"consent_given": True}
    d, _ = await run(
        ActionRecordConsent(),
        chat({"alerts_token": token}, "yes", sender="visitor-9", intent="affirm"),
    )
    assert uttered(d) == []  # shown once


async def test_the_one_click_link_stops_alerts(store):
    with session_factory(make_engine(store))() as session:
        token = subscribe(session, {"age": 34}, "email", "anna@example.org")
        session.commit()
    client = TestClient(TestServer(create_app(store)))
    await client.start_server()
    try:
        page = await (await client.get("/alerts/stop", params={"token": token})).text()
        assert "Alerts stopped" in page and subscriptions(store) == []
        page = await (
            await client.get("/alerts/stop", params={"token": "<script>x</script>"})
        ).text()
        assert "Nothing to stop" in page and "<script>" not in page
    finally:
        await client.close()
