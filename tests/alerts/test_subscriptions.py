"""Saving and forgetting a person: subscribe, unsubscribe (everything goes), waiting messages."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select

from trials_db.alerts.models import AlertMatch, AlertSubscription, OutboxMessage
from trials_db.alerts.service import (
    SubscriptionError,
    pending_for_address,
    pending_for_web,
    subscribe,
    unsubscribe,
)

from .conftest import PROFILE


def _counts(session) -> tuple[int, int, int]:
    return tuple(
        session.scalar(select(func.count()).select_from(t))
        for t in (AlertSubscription, AlertMatch, OutboxMessage)
    )


def _queue(session, token: str, nct_id: str, status: str = "pending") -> None:
    sub = session.scalars(select(AlertSubscription).where(AlertSubscription.token == token)).one()
    session.add(AlertMatch(subscription_id=sub.id, nct_id=nct_id, verdict="eligible"))
    session.add(
        OutboxMessage(
            subscription_id=sub.id,
            nct_id=nct_id,
            channel=sub.channel,
            address=sub.address,
            body=f"about {nct_id}",
            idempotency_key=f"k-{sub.id}-{nct_id}",
            status=status,
        )
    )


def test_subscribe_saves_the_profile_and_updates_it_on_a_second_yes(empty_store):
    with empty_store() as s, s.begin():
        token = subscribe(s, PROFILE, "telegram", "4242")
        again = subscribe(s, {**PROFILE, "edss": 4.0}, "telegram", "4242")
    assert token == again and len(token) >= 30
    with empty_store() as s:
        subs = s.scalars(select(AlertSubscription)).all()
        assert len(subs) == 1 and subs[0].profile["edss"] == 4.0


@pytest.mark.parametrize(
    "args",
    [
        (PROFILE, "sms", "123"),  # not a channel we send through
        (PROFILE, "telegram", None),  # a chat needs its address
        (PROFILE, "email", "not-an-address"),
        ({"age": 300}, "slack", "U1"),  # not a valid profile
        ({"favourite_colour": "red"}, "slack", "U1"),
    ],
)
def test_subscribe_refuses_what_cannot_be_used(empty_store, args):
    with empty_store() as s, pytest.raises(SubscriptionError):
        subscribe(s, *args)


def test_unsubscribe_by_token_removes_everything_about_the_person(empty_store):
    with empty_store() as s, s.begin():
        token = subscribe(s, PROFILE, "slack", "U123", already_shown=["NCT05204459"])
        other = subscribe(s, PROFILE, "telegram", "77")
        _queue(s, token, "NCT00001248")
        _queue(s, token, "NCT04604041", status="sent")
        _queue(s, other, "NCT00001248")
    with empty_store() as s, s.begin():
        assert unsubscribe(s, token) == 1
    with empty_store() as s:
        assert _counts(s) == (1, 1, 1)  # only the other person's rows are left
        assert s.scalars(select(AlertSubscription.token)).all() == [other]
        assert unsubscribe(s, token) == 0  # a second click finds nothing


def test_stop_alerts_in_a_chat_unsubscribes_by_channel_and_address(empty_store):
    with empty_store() as s, s.begin():
        token = subscribe(s, PROFILE, "facebook", "PSID-1")
        _queue(s, token, "NCT00001248")
    with empty_store() as s, s.begin():
        assert unsubscribe(s, channel="facebook", address="PSID-1") == 1
    with empty_store() as s:
        assert _counts(s) == (0, 0, 0)
    with empty_store() as s, pytest.raises(SubscriptionError):
        unsubscribe(s)


def test_deleting_a_subscription_row_cascades_in_the_database(empty_store):
    """ON DELETE CASCADE, for a deletion that does not go through unsubscribe()."""
    with empty_store() as s, s.begin():
        token = subscribe(s, PROFILE, "web", None)
        _queue(s, token, "NCT00001248", status="waiting_for_visit")
    with empty_store() as s, s.begin():
        s.execute(delete(AlertSubscription))
    with empty_store() as s:
        assert _counts(s) == (0, 0, 0)


def test_waiting_messages_are_handed_over_once_at_the_next_visit(empty_store):
    with empty_store() as s, s.begin():
        token = subscribe(s, PROFILE, "web", None)
        _queue(s, token, "NCT00001248", status="waiting_for_visit")
        _queue(s, token, "NCT04604041", status="waiting_for_visit")
        chat = subscribe(s, PROFILE, "facebook", "PSID-9")
        _queue(s, chat, "NCT05204459", status="waiting_for_visit")
    with empty_store() as s, s.begin():
        shown = pending_for_web(s, token)
    assert [m["nct_id"] for m in shown] == ["NCT00001248", "NCT04604041"]
    with empty_store() as s, s.begin():
        assert pending_for_web(s, token) == []
        assert pending_for_web(s, "no-such-token") == []
        assert [m["nct_id"] for m in pending_for_address(s, "facebook", "PSID-9")] == [
            "NCT05204459"
        ]
    with empty_store() as s:
        assert set(s.scalars(select(OutboxMessage.status))) == {"sent"}
