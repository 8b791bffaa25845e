"""A compiled, vectorised matcher: every trial's predicate trees flattened into numpy arrays.

Built once from the parsed rules; matching a profile is then a handful of array operations
per predicate type and per tree level, whatever the number of trials. It gives the same
truth values as the readable per-predicate code in ``criteria.predicates`` (the tests check
that on many profiles); explanations for the trials shown are made by that readable code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..criteria.predicates import (
    FALSE,
    REVIEW,
    TRUE,
    UNKNOWN,
    Age,
    All,
    Any_,
    Breastfeeding,
    Contraception,
    DiseaseDuration,
    Edss,
    Node,
    Not,
    Pregnant,
    Relapses,
    Review,
    Sex,
    Subtype,
    Therapy,
    TherapyFailure,
    edss_values_between,
)
from ..eligibility import EXCLUSION
from ..lexicon import EARTH_RADIUS_KM, load as load_lexicon
from ..profile import NO_THERAPY, Profile
from .evaluate import (
    ELIGIBLE,
    NOT_ELIGIBLE,
    openness,
    POSSIBLY_ELIGIBLE,
    TrialResult,
    TrialRules,
    evaluate_trial,
)

_LEAF, _ALL, _ANY, _NOT = 0, 1, 2, 3
_OR_RANK = np.array([0, 2, 1, 3], dtype=np.int8)  # FALSE, UNKNOWN, REVIEW, TRUE -> OR order
_FROM_OR_RANK = np.array([FALSE, REVIEW, UNKNOWN, TRUE], dtype=np.int8)
_NEGATE = np.array([TRUE, UNKNOWN, REVIEW, FALSE], dtype=np.int8)
# status code by (is_exclusion, truth): 0 met, 1 not_met, 2 unknown, 3 needs_review
_STATUS = np.array([[1, 2, 3, 0], [0, 2, 3, 1]], dtype=np.int8)
_VERDICTS = (ELIGIBLE, POSSIBLY_ELIGIBLE, NOT_ELIGIBLE)
_SUBTYPE_BIT = {"RRMS": 1, "SPMS": 2, "PPMS": 4, "CIS": 8, "RIS": 16}
_SEX_BIT = {"female": 1, "male": 2}


def _truth(cond: np.ndarray) -> np.ndarray:
    return np.where(cond, TRUE, FALSE).astype(np.int8)


def _ranges(leaves: list) -> tuple[np.ndarray, ...]:
    lo = np.array([np.nan if x.min is None else x.min for x in leaves], dtype=float)
    hi = np.array([np.nan if x.max is None else x.max for x in leaves], dtype=float)
    lo_in = np.array([x.min_inclusive for x in leaves], dtype=bool)
    hi_in = np.array([x.max_inclusive for x in leaves], dtype=bool)
    return lo, hi, lo_in, hi_in


def _contains(value: float, lo, hi, lo_in, hi_in) -> np.ndarray:
    above = np.isnan(lo) | (value > lo) | ((value == lo) & lo_in)
    below = np.isnan(hi) | (value < hi) | ((value == hi) & hi_in)
    return above & below


@dataclass
class _Program:
    """Tree nodes in post-order, with the per-level reductions precomputed."""

    kind: np.ndarray
    steps: list[tuple[int, np.ndarray, np.ndarray, np.ndarray]]  # (op, parents, children, offsets)


class MatchIndex:
    """All trials' rules compiled for fast matching of one profile at a time."""

    def __init__(self, rules: Sequence[TrialRules]):
        self.rules = [r for r in rules if r.has_criteria and r.criteria]
        lex = load_lexicon()
        self._drug_bit = {name: i for i, name in enumerate(sorted(lex.drugs))}
        self._steroid_mask = self._mask(lex.members("corticosteroid"))
        self._leaves: dict[type, list] = {
            t: []
            for t in (
                Age,
                Sex,
                Subtype,
                Edss,
                DiseaseDuration,
                Relapses,
                Therapy,
                TherapyFailure,
                Pregnant,
                Breastfeeding,
                Contraception,
                Review,
            )
        }
        self._leaf_nodes: dict[type, list[int]] = {t: [] for t in self._leaves}
        kinds: list[int] = []
        children: list[list[int]] = []
        roots, exclusion, owner = [], [], []
        for t_index, trial in enumerate(self.rules):
            for criterion in trial.criteria:
                roots.append(self._flatten(criterion.tree, kinds, children))
                exclusion.append(criterion.kind == EXCLUSION)
                owner.append(t_index)
        self._program = self._plan(np.array(kinds, dtype=np.int8), children)
        self._roots = np.array(roots, dtype=np.int64)
        self._exclusion = np.array(exclusion, dtype=np.int8)
        owner_arr = np.array(owner, dtype=np.int64)
        self._trial_starts = np.flatnonzero(np.r_[True, owner_arr[1:] != owner_arr[:-1]])
        self._compile_leaves()
        self._open = np.array([openness(r.overall_status) for r in self.rules], dtype=np.int8)
        self._status = np.array([r.overall_status or "" for r in self.rules], dtype=object)
        self._order = np.arange(len(self.rules))
        countries = sorted({c for r in self.rules for c in r.countries})
        self._countries = countries
        self._trial_countries = [[countries.index(c) for c in r.countries] for r in self.rules]
        # Open, placed sites as flat arrays, for the distance to the nearest one (as
        # evaluate.nearest_open_site): latitude and longitude in radians, and whose site it is.
        placed = [
            (i, site.lat, site.lon)
            for i, r in enumerate(self.rules)
            for site in r.sites
            if site.lat is not None and site.lon is not None and site.is_open(r.overall_status)
        ]
        self._site_owner = np.array([i for i, _, _ in placed], dtype=np.int64)
        self._site_lat = np.radians(np.array([lat for _, lat, _ in placed], dtype=float))
        self._site_lon = np.radians(np.array([lon for _, _, lon in placed], dtype=float))

    # ------------------------------------------------------------------ compile

    def _mask(self, drugs) -> int:
        mask = 0
        for d in drugs:
            if d in self._drug_bit:
                mask |= 1 << self._drug_bit[d]
        return mask

    def _flatten(self, node: Node, kinds: list[int], children: list[list[int]]) -> int:
        if isinstance(node, (All, Any_)):
            kids = [self._flatten(c, kinds, children) for c in node.items]
            kinds.append(_ANY if isinstance(node, Any_) else _ALL)
            children.append(kids)
        elif isinstance(node, Not):
            kids = [self._flatten(node.item, kinds, children)]
            kinds.append(_NOT)
            children.append(kids)
        else:
            kinds.append(_LEAF)
            children.append([])
            self._leaves[type(node)].append(node)
            self._leaf_nodes[type(node)].append(len(kinds) - 1)
        return len(kinds) - 1

    @staticmethod
    def _plan(kind: np.ndarray, children: list[list[int]]) -> _Program:
        depth = np.zeros(len(kind), dtype=np.int64)
        for i, kids in enumerate(children):  # post-order: children are already done
            if kids:
                depth[i] = 1 + max(depth[k] for k in kids)
        steps = []
        for level in range(1, int(depth.max(initial=0)) + 1):
            for op in (_ALL, _ANY, _NOT):
                parents = np.flatnonzero((depth == level) & (kind == op))
                if not len(parents):
                    continue
                kids = [children[p] for p in parents]
                flat = np.array([k for ks in kids for k in ks], dtype=np.int64)
                offsets = np.cumsum([0] + [len(ks) for ks in kids[:-1]]).astype(np.int64)
                steps.append((op, parents, flat, offsets))
        return _Program(kind, steps)

    def _compile_leaves(self) -> None:
        L = self._leaves
        self._idx = {t: np.array(v, dtype=np.int64) for t, v in self._leaf_nodes.items()}
        self._age = _ranges(L[Age])
        self._edss = _ranges(L[Edss])
        self._duration = _ranges(L[DiseaseDuration])
        self._sex = np.array([sum(_SEX_BIT[s] for s in x.allowed) for x in L[Sex]], dtype=np.int64)
        self._sub_yes = np.array(
            [sum(_SUBTYPE_BIT[s] for s in x.yes) for x in L[Subtype]], dtype=np.int64
        )
        self._sub_maybe = np.array(
            [sum(_SUBTYPE_BIT[s] for s in x.maybe) for x in L[Subtype]], dtype=np.int64
        )
        self._rel_count = np.array([x.count for x in L[Relapses]], dtype=float)
        self._rel_months = np.array([x.months for x in L[Relapses]], dtype=float)
        self._th_mask = np.array([self._mask(x.drugs) for x in L[Therapy]], dtype=np.uint64)
        self._th_within = np.array(
            [np.nan if x.within_months is None else x.within_months for x in L[Therapy]],
            dtype=float,
        )
        self._th_current = np.array([x.current for x in L[Therapy]], dtype=bool)
        # Medicines the bot never asks about (statins...): that part is for the study team.
        other = load_lexicon().other_medicines
        self._th_other = np.array(
            [any(d in other for d in x.drugs) for x in L[Therapy]], dtype=bool
        )
        self._fail_mask = np.array(
            [self._mask(x.drugs) for x in L[TherapyFailure]], dtype=np.uint64
        )
        self._fail_count = np.array([x.count for x in L[TherapyFailure]], dtype=np.int64)

    # ------------------------------------------------------------------ leaves

    def _range_leaf(self, value: float | None, ranges) -> np.ndarray:
        if value is None:
            return np.full(len(ranges[0]), UNKNOWN, dtype=np.int8)
        return _truth(_contains(value, *ranges))

    def _age_leaf(self, age: float | None) -> np.ndarray:
        """As Age.evaluate: an age said in whole years at an exclusive lower bound is for review."""
        out = self._range_leaf(age, self._age)
        if age is not None:
            lo, _, lo_in, _ = self._age
            out[(lo == age) & ~lo_in] = REVIEW
        return out

    def _edss_leaf(self, profile: Profile) -> np.ndarray:
        bounds = profile.edss_bounds
        n = len(self._edss[0])
        if bounds is None:
            return np.full(n, UNKNOWN, dtype=np.int8)
        inside = np.array(
            [_contains(v, *self._edss) for v in edss_values_between(*bounds)]
        ).reshape(-1, n)
        return np.where(
            inside.all(axis=0), TRUE, np.where(~inside.any(axis=0), FALSE, UNKNOWN)
        ).astype(np.int8)

    def _relapse_leaf(self, p: Profile) -> np.ndarray:
        count, months = self._rel_count, self._rel_months
        out = np.full(len(count), UNKNOWN, dtype=np.int8)
        last, r2y = p.months_since_last_relapse, p.relapses_past_2_years
        single = count <= 1
        if last is None:
            if r2y == 0:
                out[single & (months <= 24)] = FALSE
        else:
            out[single] = TRUE
        if r2y is not None:
            multi = ~single
            out[multi & (months == 24)] = np.where(
                r2y >= count[multi & (months == 24)], TRUE, FALSE
            )
            out[multi & (months > 24) & (r2y >= count)] = TRUE
            out[multi & (months < 24) & (r2y < count)] = FALSE
        if last is not None:
            out[last > months] = FALSE
        return out

    def _listed(
        self, masks: np.ndarray, current: np.ndarray, within: np.ndarray, p: Profile
    ) -> np.ndarray:
        """Therapy leaves over the drugs the patient lists (the readable code: _evaluate_listed)."""
        taken = p.therapies_taken()
        n = len(masks)
        if taken is None:
            return np.full(n, UNKNOWN, dtype=np.int8)
        taken_mask = np.uint64(self._mask(taken))
        hits = (masks & taken_mask) != 0
        out = np.full(n, FALSE, dtype=np.int8)
        # current
        if p.current_therapy is None:
            cur = np.where(hits, UNKNOWN, FALSE)
        else:
            bit = np.uint64(
                self._mask([p.current_therapy]) if p.current_therapy != NO_THERAPY else 0
            )
            cur = np.where((masks & bit) != 0, TRUE, FALSE)
        out = np.where(current, cur, out).astype(np.int8)
        past = ~current & hits
        ever = past & np.isnan(within)
        out[ever] = TRUE
        timed = past & ~np.isnan(within)
        if timed.any():
            recent = np.zeros(n, dtype=bool)
            unknown = np.zeros(n, dtype=bool)
            for drug in taken:
                bit = np.uint64(self._mask([drug]))
                has = (masks & bit) != 0
                m = p.months_since(drug)
                if m is None:
                    unknown |= has
                else:
                    recent |= has & (m <= np.nan_to_num(within, nan=-1))
            out[timed] = np.where(recent[timed], TRUE, np.where(unknown[timed], UNKNOWN, FALSE))
        return out

    def _therapy_leaf(self, p: Profile) -> np.ndarray:
        masks, within, current = self._th_mask, self._th_within, self._th_current
        steroid = np.uint64(self._steroid_mask)
        has_steroid = (masks & steroid) != 0
        others = masks & ~steroid
        has_others = others != 0
        listed = self._listed(others, current, within, p)
        # steroid part
        taken = p.therapies_taken() or set()
        st_listed = (masks & steroid & np.uint64(self._mask(taken))) != 0
        st_from_list = self._listed(masks & steroid, current, within, p)
        months = p.months_since_steroids
        if months is None:
            st_q = np.full(len(masks), UNKNOWN, dtype=np.int8)
        elif months == math.inf:
            st_q = np.full(len(masks), FALSE, dtype=np.int8)
        else:
            st_q = np.where(
                current,
                TRUE if months == 0 else FALSE,
                np.where(np.isnan(within) | (months <= np.nan_to_num(within, nan=0)), TRUE, FALSE),
            ).astype(np.int8)
        st = np.where(st_listed, st_from_list, st_q).astype(np.int8)
        both = has_steroid & (has_others | ~has_steroid)
        out = np.where(has_steroid, st, listed).astype(np.int8)
        if both.any():
            ranks = np.maximum(_OR_RANK[listed[both]], _OR_RANK[st[both]])
            out[both] = _FROM_OR_RANK[ranks]
        other = self._th_other
        if other.any():
            only = other & ~has_steroid & ~has_others  # nothing the bot asks: REVIEW alone
            out[only] = REVIEW
            mixed = other & ~only
            out[mixed] = _FROM_OR_RANK[np.maximum(_OR_RANK[out[mixed]], _OR_RANK[REVIEW])]
        return out

    def _failure_leaf(self, p: Profile) -> np.ndarray:
        n = len(self._fail_mask)
        if p.failed_therapies is None:
            none = p.prior_therapies == [] and p.current_therapy in (None, NO_THERAPY)
            return np.full(n, FALSE if none else UNKNOWN, dtype=np.int8)
        failed = self._mask(p.failed_therapies)
        counts = np.array(
            [bin(int(m) & failed).count("1") for m in self._fail_mask], dtype=np.int64
        )
        return _truth(counts >= self._fail_count)

    # ------------------------------------------------------------------ matching

    def truths(self, profile: Profile) -> np.ndarray:
        """Truth value of every criterion, in the order of ``self.rules``' criteria."""
        val = np.zeros(len(self._program.kind), dtype=np.int8)
        p = profile

        def put(t: type, values) -> None:
            if len(self._idx[t]):
                val[self._idx[t]] = values

        put(Age, self._age_leaf(p.age))
        put(DiseaseDuration, self._range_leaf(p.years_since_diagnosis, self._duration))
        put(Edss, self._edss_leaf(p))
        if len(self._sex):
            put(Sex, UNKNOWN if p.sex is None else _truth((self._sex & _SEX_BIT[p.sex]) != 0))
        if len(self._sub_yes):
            if p.ms_subtype is None:
                put(Subtype, UNKNOWN)
            else:
                bit = _SUBTYPE_BIT[p.ms_subtype]
                put(
                    Subtype,
                    np.where(
                        (self._sub_yes & bit) != 0,
                        TRUE,
                        np.where((self._sub_maybe & bit) != 0, REVIEW, FALSE),
                    ),
                )
        put(Relapses, self._relapse_leaf(p))
        put(Therapy, self._therapy_leaf(p))
        put(TherapyFailure, self._failure_leaf(p))
        put(Pregnant, UNKNOWN if p.is_pregnant is None else (TRUE if p.is_pregnant else FALSE))
        put(
            Breastfeeding,
            UNKNOWN if p.is_breastfeeding is None else (TRUE if p.is_breastfeeding else FALSE),
        )
        put(Contraception, REVIEW)
        put(Review, REVIEW)
        for op, parents, flat, offsets in self._program.steps:
            kids = val[flat]
            if op == _ALL:
                val[parents] = np.minimum.reduceat(kids, offsets)
            elif op == _ANY:
                val[parents] = _FROM_OR_RANK[np.maximum.reduceat(_OR_RANK[kids], offsets)]
            else:
                val[parents] = _NEGATE[kids]
        return val[self._roots]

    def rank(
        self, profile: Profile, statuses: Sequence[str] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(trial indices best first, verdict code per trial): 0 eligible, 1 possibly, 2 not."""
        status = _STATUS[self._exclusion, self.truths(profile)]
        not_met = np.add.reduceat((status == 1).astype(np.int32), self._trial_starts)
        unknown = np.add.reduceat((status == 2).astype(np.int32), self._trial_starts)
        verdict = np.where(not_met > 0, 2, np.where(unknown > 0, 1, 0))
        distance = (
            self._home_distances(profile.home)
            if profile.home is not None
            else self._distances(profile.country)
        )
        order = np.lexsort((self._order, distance, self._open, unknown, verdict))
        if statuses:
            wanted = {s.upper() for s in statuses}
            order = np.array([i for i in order if self._status[i] in wanted], dtype=np.int64)
        return order, verdict

    def _home_distances(self, home: tuple[float, float]) -> np.ndarray:
        """Km from ``home`` to each trial's nearest open placed site (inf when none)."""
        out = np.full(len(self.rules), np.inf)
        if len(self._site_owner):
            lat, lon = np.radians(home[0]), np.radians(home[1])
            h = (
                np.sin((self._site_lat - lat) / 2) ** 2
                + np.cos(lat) * np.cos(self._site_lat) * np.sin((self._site_lon - lon) / 2) ** 2
            )
            km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(h))
            np.minimum.at(out, self._site_owner, km)
        return out

    def _distances(self, country: str | None) -> np.ndarray:
        out = np.full(len(self.rules), np.inf)
        if not country:
            return out
        lex = load_lexicon()
        per_country = [lex.distance_km(country, c) for c in self._countries]
        per_country = [math.inf if d is None else d for d in per_country]
        for i, ids in enumerate(self._trial_countries):
            if ids:
                out[i] = min(per_country[j] for j in ids)
        return out

    def match(
        self, profile: Profile, statuses: Sequence[str] | None = None, limit: int | None = None
    ) -> list[TrialResult]:
        """Ranked results with explanations for the first ``limit`` trials."""
        order, _ = self.rank(profile, statuses)
        chosen = order if limit is None else order[:limit]
        return [evaluate_trial(self.rules[i], profile) for i in chosen]

    def verdicts(self, profile: Profile, statuses: Sequence[str] | None = None) -> dict[str, str]:
        order, verdict = self.rank(profile, statuses)
        return {self.rules[i].nct_id: _VERDICTS[verdict[i]] for i in order}
