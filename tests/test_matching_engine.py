"""The compiled MatchIndex gives exactly the readable evaluator's answers, on many profiles."""

from __future__ import annotations

import random

import pytest

from trials_db.importer import import_paths
from trials_db.lexicon import load as load_lexicon
from trials_db.matching import MatchIndex, load_rules, match_profile
from trials_db.profile import NEVER, SUBTYPES, Profile
from trials_db.store import make_engine, session_factory

from .conftest import WITH_CRITERIA


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('engine') / 'trials.db'}"
    sessions = session_factory(make_engine(url))
    import_paths(sessions, [WITH_CRITERIA], progress=False)
    with sessions() as session:
        return load_rules(session)


def random_profile(rng: random.Random) -> Profile:
    def maybe(value):
        return value if rng.random() < 0.7 else None

    drugs = sorted(load_lexicon().drugs)
    prior = maybe(rng.sample(drugs, rng.randint(0, 3)))
    failed = (
        None if prior is None or rng.random() < 0.3 else [d for d in prior if rng.random() < 0.5]
    )
    current = rng.choice(prior + ["none"]) if prior is not None and rng.random() < 0.6 else None
    months = {d: rng.choice([0.5, 2, 7, 13, 30]) for d in (prior or []) if rng.random() < 0.5}
    edss = maybe(rng.choice([0, 1.0, 1.5, 2.0, 3.5, 5.0, 5.5, 6.5, 7.0, 8.0]))
    edss_range = None
    if edss is None and rng.random() < 0.5:
        low = rng.choice([1.0, 2.0, 3.0, 4.0, 6.0])
        edss_range = (low, low + rng.choice([0.5, 1.0, 1.5]))
    return Profile(
        age=maybe(rng.randint(10, 80)),
        sex=maybe(rng.choice(["female", "male"])),
        ms_subtype=maybe(rng.choice(SUBTYPES)),
        edss=edss,
        edss_range=edss_range,
        edss_is_estimate=edss_range is not None,
        prior_therapies=prior,
        failed_therapies=failed,
        current_therapy=current,
        months_since_last_therapy=months,
        months_since_last_relapse=maybe(rng.choice([0.5, 1, 2, 5, 11, 13, 25, NEVER])),
        relapses_past_2_years=maybe(rng.randint(0, 3)),
        months_since_steroids=maybe(rng.choice([0.3, 1, 2.5, 7, NEVER])),
        years_since_diagnosis=maybe(rng.choice([0.5, 1, 3, 10, 20])),
        pregnant=maybe(rng.random() < 0.2),
        breastfeeding=maybe(rng.random() < 0.2),
        country=maybe(rng.choice(["United States", "Taiwan", "Germany"])),
    )


def test_compiled_truths_and_ranking_equal_the_readable_evaluator(rules):
    index = MatchIndex(rules)
    rng = random.Random(20261125)
    for _ in range(300):
        profile = random_profile(rng)
        fast = [int(v) for v in index.truths(profile)]
        slow = [c.tree.evaluate(profile) for r in index.rules for c in r.criteria]
        assert fast == slow, profile
        order, _ = index.rank(profile)
        assert [index.rules[i].nct_id for i in order] == [
            r.nct_id for r in match_profile(rules, profile)
        ]


def test_status_filter_and_limit(rules):
    index = MatchIndex(rules)
    results = index.match(Profile(age=40), statuses=["RECRUITING"], limit=2)
    assert len(results) == 2
    assert all(r.overall_status == "RECRUITING" for r in results)
