"""Re-matching saved profiles: each new likely / might-fit open study is recorded and queued
once."""

from __future__ import annotations

from sqlalchemy import func, select

from trials_db.alerts.models import AlertMatch, AlertSubscription, OutboxMessage
from trials_db.alerts.service import ALERT_STATUSES, rematch, subscribe
from trials_db.matching import MatchIndex, load_rules
from trials_db.profile import Profile

from .conftest import PROFILE

OTHER = {"age": 50, "sex": "male", "ms_subtype": "PPMS", "edss": 5.0}


def _expected(rules, profile: dict) -> set[str]:
    open_rules = [r for r in rules if r.overall_status in ALERT_STATUSES]
    verdicts = MatchIndex(open_rules).verdicts(Profile.from_dict(profile))
    return {n for n, v in verdicts.items() if str(v) in ("eligible", "possibly_eligible")}


def test_rematch_records_each_fitting_open_study_once_per_person(make_store):
    sessions = make_store()
    with sessions() as s, s.begin():
        a = subscribe(s, PROFILE, "telegram", "1001")
        b = subscribe(s, OTHER, "slack", "U2")
    with sessions() as s:
        rules = load_rules(s)
    with sessions() as s, s.begin():
        first = rematch(s, rules, base_url="https://trials.example.org")
    with sessions() as s, s.begin():
        second = rematch(s, rules, base_url="https://trials.example.org")
    assert first.profiles == 2 and first.new_matches == first.queued > 0
    assert second.new_matches == second.queued == 0

    with sessions() as s:
        for token, profile in ((a, PROFILE), (b, OTHER)):
            sub = s.scalars(select(AlertSubscription).where(AlertSubscription.token == token)).one()
            matched = s.scalars(
                select(AlertMatch.nct_id).where(AlertMatch.subscription_id == sub.id)
            ).all()
            assert len(matched) == len(set(matched))
            assert set(matched) == _expected(rules, profile)
            messages = s.scalars(
                select(OutboxMessage).where(OutboxMessage.subscription_id == sub.id)
            ).all()
            assert sorted(m.nct_id for m in messages) == sorted(matched)
            for m in messages:
                assert (
                    m.status == "pending" and m.channel == sub.channel and m.address == sub.address
                )
                assert m.nct_id in m.body and "Why: " in m.body
                assert 'say "stop alerts"' in m.body
                assert f"https://trials.example.org/alerts/stop?token={token}" in m.body
        assert s.scalar(select(func.count()).select_from(OutboxMessage)) == first.queued


def test_studies_already_shown_in_the_chat_are_not_announced(make_store):
    sessions = make_store()
    with sessions() as s:
        rules = load_rules(s)
    fits = sorted(_expected(rules, PROFILE))
    with sessions() as s, s.begin():
        subscribe(s, PROFILE, "telegram", "1002", already_shown=fits[:3])
        report = rematch(s, rules)
    assert report.new_matches == len(fits) - 3
    with sessions() as s:
        assert not set(fits[:3]) & set(s.scalars(select(OutboxMessage.nct_id)))


def test_only_open_studies_are_announced(make_store):
    sessions = make_store()
    with sessions() as s, s.begin():
        subscribe(s, PROFILE, "telegram", "1003")
    with sessions() as s:
        rules = load_rules(s)
    with sessions() as s, s.begin():
        rematch(s, rules)
    status = {r.nct_id: r.overall_status for r in rules}
    with sessions() as s:
        announced = s.scalars(select(OutboxMessage.nct_id)).all()
    assert announced and {status[n] for n in announced} <= set(ALERT_STATUSES)


def test_web_visitors_and_email_without_smtp_wait_for_a_visit(make_store, monkeypatch):
    monkeypatch.delenv("SMTP_HOST", raising=False)
    sessions = make_store()
    with sessions() as s, s.begin():
        subscribe(s, PROFILE, "web", None)
        subscribe(s, PROFILE, "email", "pat@example.org")
    with sessions() as s:
        rules = load_rules(s)
    with sessions() as s, s.begin():
        report = rematch(s, rules)
    assert report.queued == 0 and report.waiting_for_visit == report.new_matches > 0
    with sessions() as s:
        assert set(s.scalars(select(OutboxMessage.status))) == {"waiting_for_visit"}

    with sessions() as s, s.begin():
        subscribe(s, PROFILE, "email", "other@example.org")
        report = rematch(s, rules, email_configured=True)
    assert report.queued > 0 and report.waiting_for_visit == 0


def test_a_saved_profile_that_no_longer_validates_is_skipped_not_fatal(make_store):
    sessions = make_store()
    with sessions() as s, s.begin():
        subscribe(s, PROFILE, "telegram", "1004")
        s.add(
            AlertSubscription(
                profile={"age": -3},
                channel="telegram",
                address="1005",
                token="broken-profile-token",
            )
        )
    with sessions() as s:
        rules = load_rules(s)
    with sessions() as s, s.begin():
        report = rematch(s, rules)
    assert len(report.skipped) == 1 and report.new_matches > 0
