"""The conversation index: one summary row per conversation, kept up to date from ``events``.

Filtering thousands of conversations by what their JSON events say cannot be done quickly in
portable SQL, so each conversation is summarised once into ``review_conversation`` (and its
latest results into ``review_conversation_trial``) and re-summarised when it gets new events.

Two passes keep it right: a fast one over events with ids above a cursor, on every request,
and a full comparison of per-conversation row counts every ``reconcile_seconds`` (and at
start), which catches events committed late with lower ids (PostgreSQL sequences do that
under concurrent saves) and conversations deleted behind the app's back.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from itertools import groupby
from typing import Iterable, Iterator

from sqlalchemy import delete, exists, func, select
from sqlalchemy.engine import Connection, Engine

from .conversation import Conversation, build_conversation, decode_row
from .db import get_setting, has_table, lock_for_erasure, set_setting
from .models import conversation, conversation_trial, events
from .pseudonym import Pseudonymizer

log = logging.getLogger(__name__)

CURSOR = "index_cursor"
KEY_ID = "index_key_id"
BATCH_EVENTS = 5000
CHUNK_SENDERS = 200


@dataclass
class RefreshStats:
    new_events: int = 0
    rebuilt: int = 0
    reconciled: bool = False
    seconds: float = 0.0


def _chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def summary_rows(
    conv: Conversation, pseudonym: str, event_count: int, max_event_id: int
) -> tuple[dict, list[dict]]:
    """The review_conversation row and review_conversation_trial rows for one conversation."""
    final = conv.final_results
    request = conv.contact_request
    user_text = "\n".join(m.text for m in conv.messages if m.speaker == "user")
    row = {
        "sender_id": conv.sender_id,
        "pseudonym": pseudonym,
        "started_at": conv.started_at,
        "last_at": conv.last_at,
        "event_count": event_count,
        "max_event_id": max_event_id,
        "channel": conv.channel[:64],
        "user_messages": sum(1 for m in conv.messages if m.speaker == "user"),
        "consented": conv.consented,
        "completed": conv.completed,
        "n_likely": conv.verdict_count("eligible"),
        "n_possible": conv.verdict_count("possibly_eligible"),
        "n_trials": len(final.trials) if final else 0,
        "contact_requested": request is not None,
        "contact_requested_at": request.requested_at if request else None,
        "contact_json": json.dumps(
            {
                "nct_ids": request.nct_ids,
                "name": request.name,
                "contact": request.contact,
                "requested_at": request.requested_at,
            }
        )
        if request
        else None,
        "search_text": user_text.lower(),
        "urgent": conv.urgent,
    }
    trials = []
    seen: set[str] = set()
    for position, trial in enumerate(final.trials if final else [], start=1):
        if trial.nct_id in seen:
            continue
        seen.add(trial.nct_id)
        trials.append(
            {
                "sender_id": conv.sender_id,
                "nct_id": trial.nct_id,
                "position": position,
                "title": trial.title,
                "verdict": trial.verdict[:32],
                "overall_status": trial.overall_status[:64],
                "location": trial.location,
                "n_met": trial.count("met"),
                "n_not_met": trial.count("not_met"),
                "n_open": len(trial.open_criteria),
                "open_criteria_json": json.dumps(
                    [
                        {
                            "kind": c.kind,
                            "text": c.text,
                            "status": c.status,
                            "explanation": c.explanation,
                        }
                        for c in trial.open_criteria
                    ]
                ),
                "shown_at": final.at,
            }
        )
    return row, trials


def rebuild(conn: Connection, senders: Iterable[str], pseudonymize: Pseudonymizer) -> int:
    """Re-summarise ``senders`` from their events (dropping those with none); returns count."""
    done = 0
    for chunk in _chunks(sorted(set(senders)), CHUNK_SENDERS):
        result = conn.execute(
            select(
                events.c.id,
                events.c.sender_id,
                events.c.type_name,
                events.c.timestamp,
                events.c.data,
            )
            .where(events.c.sender_id.in_(chunk))
            .order_by(events.c.sender_id, events.c.id)
        )
        rows, trial_rows = [], []
        for sender_id, group in groupby(result, key=lambda r: r.sender_id):
            raw = list(group)
            decoded = [e for e in (decode_row(r) for r in raw) if e is not None]
            conv = build_conversation(sender_id, decoded)
            row, trials = summary_rows(
                conv, pseudonymize(sender_id), len(raw), max(r.id for r in raw)
            )
            rows.append(row)
            trial_rows.extend(trials)
        conn.execute(delete(conversation_trial).where(conversation_trial.c.sender_id.in_(chunk)))
        conn.execute(delete(conversation).where(conversation.c.sender_id.in_(chunk)))
        if rows:
            conn.execute(conversation.insert(), rows)
        if trial_rows:
            conn.execute(conversation_trial.insert(), trial_rows)
        # On SQLite the reads above ran before this write transaction began: an erasure may
        # have committed in between. Drop what no longer has events.
        for table in (conversation_trial, conversation):
            conn.execute(
                delete(table).where(
                    table.c.sender_id.in_(chunk),
                    ~exists().where(events.c.sender_id == table.c.sender_id),
                )
            )
        done += len(chunk)
    return done


class ConversationIndex:
    """Keeps ``review_conversation`` in step with ``events``; ``refresh()`` before reading it."""

    def __init__(
        self, engine: Engine, pseudonymize: Pseudonymizer, reconcile_seconds: float = 60.0
    ) -> None:
        self.engine = engine
        self.pseudonymize = pseudonymize
        self.reconcile_seconds = reconcile_seconds
        self._last_reconcile = 0.0
        self._lock = threading.Lock()
        self._ready = False  # events table seen and pseudonym key checked (once a process)

    def refresh(self, reconcile: bool | None = None) -> RefreshStats:
        """Index new events; also reconcile when asked or when it is due. Thread-safe."""
        with self._lock:
            start = time.perf_counter()
            stats = RefreshStats()
            if not self._ready:
                with self.engine.connect() as conn:
                    if not has_table(conn, events.name):
                        return stats  # the bot has not created its table yet
                self._check_key()
                self._ready = True
            newest, cursor = self._positions()
            while newest > cursor:  # up to the events there were at the start: no endless run
                with self.engine.begin() as conn:
                    lock_for_erasure(conn)
                    cursor = int(get_setting(conn, CURSOR) or 0)
                    batch = conn.execute(
                        select(events.c.id, events.c.sender_id)
                        .where(events.c.id > cursor)
                        .order_by(events.c.id)
                        .limit(BATCH_EVENTS)
                    ).all()
                    if not batch:
                        break
                    stats.new_events += len(batch)
                    stats.rebuilt += rebuild(conn, {r.sender_id for r in batch}, self.pseudonymize)
                    cursor = batch[-1].id
                    set_setting(conn, CURSOR, str(cursor))
            due = time.monotonic() - self._last_reconcile >= self.reconcile_seconds
            if reconcile or (reconcile is None and due):
                stats.rebuilt += self._reconcile()
                stats.reconciled = True
                self._last_reconcile = time.monotonic()
            stats.seconds = time.perf_counter() - start
            if stats.rebuilt:
                log.info(
                    "indexed %d conversations (%d new events) in %.2f s",
                    stats.rebuilt,
                    stats.new_events,
                    stats.seconds,
                )
            return stats

    def _positions(self) -> tuple[int, int]:
        """(newest event id, cursor): the cheap test every request makes (one index probe)."""
        with self.engine.connect() as conn:
            newest = conn.execute(select(func.max(events.c.id))).scalar() or 0
            return newest, int(get_setting(conn, CURSOR) or 0)

    def _check_key(self) -> None:
        """A new pseudonym key makes every stored pseudonym wrong: start the index afresh."""
        with self.engine.begin() as conn:
            if get_setting(conn, KEY_ID) == self.pseudonymize.key_id:
                return
            lock_for_erasure(conn)
            conn.execute(delete(conversation_trial))
            conn.execute(delete(conversation))
            set_setting(conn, CURSOR, "0")
            set_setting(conn, KEY_ID, self.pseudonymize.key_id)

    def _reconcile(self) -> int:
        """Re-summarise every conversation whose row count or last id differs from the index."""
        with self.engine.connect() as conn:
            actual = {
                r.sender_id: (r.n, r.last)
                for r in conn.execute(
                    select(
                        events.c.sender_id,
                        func.count().label("n"),
                        func.max(events.c.id).label("last"),
                    ).group_by(events.c.sender_id)
                )
            }
            indexed = {
                r.sender_id: (r.event_count, r.max_event_id)
                for r in conn.execute(
                    select(
                        conversation.c.sender_id,
                        conversation.c.event_count,
                        conversation.c.max_event_id,
                    )
                )
            }
        stale = [s for s, v in actual.items() if indexed.get(s) != v]
        stale += [s for s in indexed if s not in actual]
        rebuilt = 0
        for chunk in _chunks(stale, CHUNK_SENDERS):
            with self.engine.begin() as conn:
                lock_for_erasure(conn)
                rebuilt += rebuild(conn, chunk, self.pseudonymize)
        return rebuilt

    def sender_for(self, conn: Connection, pseudonym: str) -> str | None:
        """The sender_id behind a pseudonym, if the conversation is indexed."""
        return conn.execute(
            select(conversation.c.sender_id).where(conversation.c.pseudonym == pseudonym)
        ).scalar()
