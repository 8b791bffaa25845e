"""The trial catalogue the actions match against: loaded once, refreshed now and then."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from trials_db.conditions import is_ms_trial
from trials_db.matching import MatchIndex, TrialResult, load_rules
from trials_db.matching.evaluate import OPEN_STATUSES
from trials_db.profile import Profile
from trials_db.store import list_trials, make_engine, session_factory

REFRESH_SECONDS = 600


@dataclass
class Catalog:
    index: MatchIndex  # open studies with published criteria
    loaded_at: float
    without_criteria: int = 0  # open MS studies whose criteria are not in the store

    def match(self, profile: Profile, limit: int | None = None) -> list[TrialResult]:
        return self.index.match(profile, limit=limit)

    @property
    def size(self) -> int:
        return len(self.index.rules)


_lock = threading.Lock()
_catalog: Catalog | None = None


def catalog() -> Catalog:
    """The catalogue of open studies (TRIALS_DB_URL), reloaded every REFRESH_SECONDS."""
    global _catalog
    with _lock:
        if _catalog is None or time.monotonic() - _catalog.loaded_at > REFRESH_SECONDS:
            sessions = session_factory(make_engine())
            with sessions() as session:
                rules = load_rules(session, statuses=OPEN_STATUSES)
                others = sum(
                    1
                    for t in list_trials(session, status=OPEN_STATUSES, with_criteria=False)
                    if is_ms_trial(t)
                )
            _catalog = Catalog(MatchIndex(rules), time.monotonic(), others)
        return _catalog


def reset_catalog() -> None:
    """Forget the loaded catalogue (tests, or after an import)."""
    global _catalog
    with _lock:
        _catalog = None


def open_trials(country: str | None = None, limit: int = 10):
    """Open MS studies for browsing (criteria or not), optionally in one country."""
    sessions = session_factory(make_engine())
    with sessions() as session:
        trials = [
            t for t in list_trials(session, status=OPEN_STATUSES, country=country) if is_ms_trial(t)
        ]
        total = len(trials)
        return [
            (
                t.nct_id,
                t.display_title,
                t.overall_status,
                [", ".join(p for p in (s.city, s.country) if p) for s in t.sites][:2],
                t.has_criteria,
            )
            for t in trials[:limit]
        ], total
