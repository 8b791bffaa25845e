"""Saving and forgetting alert subscriptions, and re-matching saved profiles to queue new studies.

A study is announced to a person once: ``alert_matches`` is unique per (subscription, study) and
the outbox row for it is written in the same transaction, so a re-run records nothing twice.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from typing import Iterable, Sequence

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..matching import MatchIndex, TrialRules, evaluate_trial
from ..profile import Profile, ProfileError
from .models import CHANNELS, AlertMatch, AlertSubscription, OutboxMessage, utcnow

# Alerts are for studies a person can ask to join: not those "by invitation" or closed.
ALERT_STATUSES = ("RECRUITING", "NOT_YET_RECRUITING")
FITTING = ("eligible", "possibly_eligible")
DEFAULT_PUBLIC_URL = "http://localhost:8080"
STUDY_URL = "https://clinicaltrials.gov/study/{nct_id}"


class SubscriptionError(ValueError):
    """A subscription that cannot be saved; the message says why."""


def public_url() -> str:
    """Base of the one-click stop link: ``ALERTS_PUBLIC_URL`` (the web page's public address)."""
    return (os.environ.get("ALERTS_PUBLIC_URL") or DEFAULT_PUBLIC_URL).rstrip("/")


def stop_link(token: str, base_url: str | None = None) -> str:
    return f"{(base_url or public_url()).rstrip('/')}/alerts/stop?token={token}"


def smtp_configured() -> bool:
    return bool(os.environ.get("SMTP_HOST"))


def subscribe(
    session: Session,
    profile: dict,
    channel: str,
    address: str | None,
    already_shown: Iterable[str] = (),
) -> str:
    """Save (or update) a person's profile for alerts; returns their unsubscribe token.

    ``already_shown``: studies the person was just shown, recorded so they are not announced again.
    """
    if channel not in CHANNELS:
        raise SubscriptionError(f"channel must be one of {', '.join(CHANNELS)}, not {channel!r}")
    address = (address or "").strip() or None
    if channel != "web" and address is None:
        raise SubscriptionError(f"a {channel} subscription needs an address")
    if channel == "email" and "@" not in address:  # type: ignore[operator]
        raise SubscriptionError("that is not an email address")
    try:
        saved = Profile.from_dict(dict(profile)).to_dict()
    except (ProfileError, TypeError) as exc:
        raise SubscriptionError(f"the profile is not valid: {exc}") from exc
    sub = None
    if address is not None:
        sub = session.scalars(
            select(AlertSubscription).where(
                AlertSubscription.channel == channel, AlertSubscription.address == address
            )
        ).first()
    if sub is None:
        sub = AlertSubscription(
            channel=channel, address=address, token=secrets.token_urlsafe(24), created_at=utcnow()
        )
        session.add(sub)
    sub.profile = saved
    session.flush()
    known = set(
        session.scalars(select(AlertMatch.nct_id).where(AlertMatch.subscription_id == sub.id))
    )
    for nct_id in dict.fromkeys(n.strip().upper() for n in already_shown):
        if nct_id not in known:
            session.add(
                AlertMatch(subscription_id=sub.id, nct_id=nct_id, verdict="shown", announced=False)
            )
    session.flush()
    return sub.token


def unsubscribe(
    session: Session,
    token: str | None = None,
    *,
    channel: str | None = None,
    address: str | None = None,
) -> int:
    """Forget a person: their profile, recorded matches and every queued or sent message.

    By token (the one-click link) or by (channel, address) ("stop alerts" in a chat).
    Returns how many subscriptions were removed.
    """
    stmt = select(AlertSubscription.id)
    if token:
        stmt = stmt.where(AlertSubscription.token == token)
    elif channel and address:
        stmt = stmt.where(
            AlertSubscription.channel == channel, AlertSubscription.address == address.strip()
        )
    else:
        raise SubscriptionError("unsubscribe needs a token, or a channel and an address")
    ids = list(session.scalars(stmt))
    if not ids:
        return 0
    # Explicit, not only ON DELETE CASCADE: SQLite enforces it only with foreign_keys=ON.
    session.execute(delete(OutboxMessage).where(OutboxMessage.subscription_id.in_(ids)))
    session.execute(delete(AlertMatch).where(AlertMatch.subscription_id.in_(ids)))
    session.execute(delete(AlertSubscription).where(AlertSubscription.id.in_(ids)))
    session.expire_all()
    return len(ids)


def pending_for_web(session: Session, token: str) -> list[dict]:
    """Messages waiting for this person's visit (web, or email without SMTP), marked delivered."""
    sub_id = session.scalar(select(AlertSubscription.id).where(AlertSubscription.token == token))
    if sub_id is None:
        return []
    return _take_waiting(session, sub_id)


def pending_for_address(session: Session, channel: str, address: str) -> list[dict]:
    """The same for a chat user who writes again (e.g. Messenger outside its 24-hour window)."""
    sub_id = session.scalar(
        select(AlertSubscription.id).where(
            AlertSubscription.channel == channel, AlertSubscription.address == address
        )
    )
    return [] if sub_id is None else _take_waiting(session, sub_id)


def _take_waiting(session: Session, sub_id: int) -> list[dict]:
    rows = list(
        session.scalars(
            select(OutboxMessage)
            .where(
                OutboxMessage.subscription_id == sub_id, OutboxMessage.status == "waiting_for_visit"
            )
            .order_by(OutboxMessage.id)
            .with_for_update()
        )
    )
    now = utcnow()
    if rows:
        session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.id.in_([r.id for r in rows]),
                OutboxMessage.status == "waiting_for_visit",
            )
            .values(status="sent", sent_at=now, updated_at=now)
            .execution_options(synchronize_session=False)
        )
    return [{"nct_id": r.nct_id, "body": r.body, "queued_at": r.created_at} for r in rows]


# ---------------------------------------------------------------------------- re-matching


@dataclass
class RematchReport:
    profiles: int = 0
    new_matches: int = 0
    queued: int = 0
    waiting_for_visit: int = 0
    skipped: list[str] = field(default_factory=list)  # why a saved profile could not be matched

    def summary(self) -> str:
        return (
            f"Re-matched {self.profiles} saved profile(s): "
            f"{self.new_matches} new study match(es), "
            f"{self.queued} message(s) queued, {self.waiting_for_visit} waiting for a visit"
            + (f", {len(self.skipped)} profile(s) skipped" if self.skipped else "")
            + "."
        )


def why_line(result) -> str:
    """One line on why a study may fit, from the per-criterion results."""
    met = result.count("met")
    review = result.count("needs_review")
    if str(getattr(result.verdict, "value", result.verdict)) == "eligible":
        line = f"From what you told me, you meet all {met} criteria I could check"
        return line + (f"; the study team checks {review} more." if review else ".")
    unknown = [c for c in result.criteria if str(c.status) == "unknown"]
    n = len(unknown)
    line = "Nothing you told me rules you out; " + (
        f"{n} point still needs checking" if n == 1 else f"{n} points still need checking"
    )
    if unknown:
        example = unknown[0].explanation.strip().rstrip(".")
        line += f", e.g. {example[:1].lower()}{example[1:140]}"
    return line + "."


def compose(result, token: str, base_url: str | None = None) -> str:
    """The alert text: the study, one line why it may fit, where to read more, how to stop."""
    lines = [
        f"A new study may fit you: {result.title} ({result.nct_id}).",
        f"Why: {why_line(result)}",
    ]
    if result.locations:
        more = len(result.locations) - 2
        lines.append(
            f"Where: {'; '.join(result.locations[:2])}" + (f" and {more} more" if more > 0 else "")
        )
    lines.append(f"Details: {STUDY_URL.format(nct_id=result.nct_id)}")
    lines.append(f'To stop these messages, say "stop alerts" or open {stop_link(token, base_url)}')
    return "\n".join(lines)


def idempotency_key(subscription_id: int, nct_id: str) -> str:
    return f"alert-{subscription_id}-{nct_id}"


def rematch(
    session: Session,
    rules: Sequence[TrialRules],
    *,
    statuses: Sequence[str] = ALERT_STATUSES,
    base_url: str | None = None,
    email_configured: bool | None = None,
) -> RematchReport:
    """Match every saved profile against the open studies; record and queue the new fits.

    Flushes, does not commit: run it inside ``session.begin()``.
    """
    wanted = {s.upper() for s in statuses}
    open_rules = [r for r in rules if (r.overall_status or "") in wanted]
    index = MatchIndex(open_rules)
    by_id = {r.nct_id: r for r in index.rules}
    email_ok = smtp_configured() if email_configured is None else email_configured
    seen: dict[int, set[str]] = {}
    for sub_id, nct_id in session.execute(select(AlertMatch.subscription_id, AlertMatch.nct_id)):
        seen.setdefault(sub_id, set()).add(nct_id)
    report = RematchReport()
    subs = session.scalars(select(AlertSubscription).order_by(AlertSubscription.id)).all()
    for sub in subs:
        report.profiles += 1
        try:
            profile = Profile.from_dict(dict(sub.profile))
        except (ProfileError, TypeError) as exc:
            report.skipped.append(f"subscription {sub.id}: {exc}")
            continue
        verdicts = index.verdicts(profile) if by_id else {}
        known = seen.get(sub.id, set())
        new = [
            n
            for n, v in verdicts.items()
            if str(getattr(v, "value", v)) in FITTING and n not in known
        ]
        if not new:
            continue
        waiting = sub.channel == "web" or (sub.channel == "email" and not email_ok)
        try:
            with session.begin_nested():
                for nct_id in new:
                    result = evaluate_trial(by_id[nct_id], profile)
                    verdict = str(getattr(result.verdict, "value", result.verdict))
                    session.add(AlertMatch(subscription_id=sub.id, nct_id=nct_id, verdict=verdict))
                    session.add(
                        OutboxMessage(
                            subscription_id=sub.id,
                            nct_id=nct_id,
                            channel=sub.channel,
                            address=sub.address,
                            body=compose(result, sub.token, base_url),
                            idempotency_key=idempotency_key(sub.id, nct_id),
                            status="waiting_for_visit" if waiting else "pending",
                        )
                    )
                session.flush()
        except IntegrityError:
            # Another refresh recorded them first: they stay announced once.
            report.skipped.append(f"subscription {sub.id}: already recorded by another run")
            continue
        report.new_matches += len(new)
        if waiting:
            report.waiting_for_visit += len(new)
        else:
            report.queued += len(new)
    return report
