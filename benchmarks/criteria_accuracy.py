"""How well the criteria parser reads eligibility criteria, against the hand-written gold set.

What it measures
----------------
The gold set (``tests/gold/criteria/*.yml``, see ``tests/gold/README.md``) says, for each
criterion of 113 trials, which facts a patient profile can settle ("readings": age 18 to 55,
excludes pregnancy, requires RRMS, ...). This script parses the same trials with the
project's own code, exactly as the importer does (``split_criteria``, then ``Criterion``
rows and ``attach_parsed``; trees rebuilt with ``from_json`` as the matcher does; in memory,
no database, the parser unchanged), and compares, separately for the dev and the held-out
trials of ``tests/gold/criteria_split.json``:

- **alignment**: each gold criterion is found among the parser's criteria by its text
  (whitespace, case and Markdown escapes normalised): the gold text is a substring of one
  parsed criterion or, when the splitter cut finer than the gold writer, the parsed
  criteria lie inside the gold text. Gold criteria found neither way are *unaligned*.
  When the splitter did not split a list, several gold criteria align to one parsed
  criterion: they are scored together (their readings pooled against its readings).
- **reading precision and recall** per field. Every non-review leaf of a parsed tree is a
  *parser reading*, named in the gold vocabulary (``subtype`` -> ``ms_subtype``,
  ``duration`` -> ``disease_duration``, ``failure`` -> ``therapy_failure``; a ``therapy``
  leaf naming steroids gives a ``steroids`` reading, and a ``therapy`` reading too if it
  also names other drugs). The parser reads "a diagnosis of MS" as a ``subtype`` leaf
  holding the lexicon's "ms" group (RRMS, SPMS, PPMS; CIS only sometimes): that leaf is
  its ``ms_diagnosis`` reading. Each reading's polarity is taken from the patient's view:
  the criterion's section and the ``Not`` nodes above the leaf.
  A parser reading is *correct* when it pairs with a gold reading of the same field (a
  steroid leaf may pair with a gold ``therapy`` reading, an "ms" leaf with a gold
  ``ms_subtype`` listing the same courses) whose values agree and whose polarity is the
  same. Values agree when: age/EDSS bounds are within 0.01 with the same missing sides, or
  the ranges accept exactly the same whole ages / EDSS steps (duration: within 10%); sex
  has the same allowed set; MS types are the same set, ``maybe`` ignored; relapses have
  the same count and a window within 10%; therapy: the gold drugs plus the lexicon members
  of the gold classes overlap the parser's drugs, with a window within 10% when the gold
  gives one; failure: drugs overlap and the count is the same; pregnancy, breastfeeding
  and contraception need only the field. One-sided ranges, sex and MS types are compared
  in their "requires" form ("excludes age over 65" is "requires age 65 or less"), so an
  equivalent reading is not a polarity mismatch; an exclusion's two sides of one field ("age
  below 18 or above 55") are the one range it requires (since 2026-12-04, seventh session).
  Pairs are one to one (maximum matching).
  precision = correct parser readings / parser readings; recall = paired gold readings /
  gold readings. The ``correct`` column counts paired gold readings by gold field, while
  precision counts by parser field, so one field's two numerators can differ.
  Criteria marked ``uncertain: true`` are left out of both. In a pooled criterion, a parser
  reading of the same field as an uncertain gold reading is set aside too. For uncertain
  criteria, the report says how often the parser still gives a computable leaf.
  ``precision`` or ``recall`` is ``-`` where there is nothing to divide by.
- **false not_met**: for every aligned, certain gold criterion with readings, the script
  builds a patient who fits the gold readings. Values lie inside the ranges, the sex and
  MS type are allowed, ``excludes`` facts are absent and ``requires`` facts present;
  every other profile field is left unknown. The patient is evaluated with the matcher's
  own ``status_of(kind, tree.evaluate(profile))``. A ``not_met`` there tells a person who
  fits that they fail: a false not_met. Per field, the count names the fields of the
  leaves that failed (one criterion can count for two fields). Overall, it counts
  criteria. Such a patient's MS course is unknown unless the gold names one; every patient
  of an MS study has one, so the same patient with each of RRMS, SPMS and PPMS (and, where the
  gold leaves the age open, aged 40) is evaluated too, and those told "not met" only then are
  counted on a line of their own.
- **missed exclusions**: for each ``excludes`` reading (in criteria without ``any: true``),
  a patient who has just that fact. ``met`` there means the exclusion was missed.
  ``unknown`` and ``needs_review`` are not counted: the patient is asked, or the team checks.

How to read it
--------------
Low precision: the parser reads facts that are not there, or with wrong values or
polarity. Low recall: it leaves to the study team (Review) facts that a profile could
settle. False not_met is the harmful error (a person wrongly told they do not qualify);
missed exclusions are the other harmful one. Tune on dev. Look at held-out only to check
that a change generalises.

    python benchmarks/criteria_accuracy.py [--set dev|held_out|all] [--json] [--details FIELD]
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trials_db.criteria.predicates import (  # noqa: E402
    FALSE,
    TRUE,
    Age,
    Breastfeeding,
    Contraception,
    DiseaseDuration,
    Edss,
    Leaf,
    Node,
    Pregnant,
    Relapses,
    Review,
    Sex,
    Subtype,
    Therapy,
    TherapyFailure,
    edss_values_between,
    from_json,
)
from trials_db.criteria.frame import is_ms_itself  # noqa: E402
from trials_db.ctgov import RecordError, iter_studies, parse_study  # noqa: E402
from trials_db.eligibility import EXCLUSION, split_criteria, unescape_markdown  # noqa: E402
from trials_db.lexicon import load as load_lexicon  # noqa: E402
from trials_db.matching.evaluate import (  # noqa: E402
    MET,
    NEEDS_REVIEW,
    NOT_MET,
    UNKNOWN_STATUS,
    attach_parsed,
    status_of,
)
from trials_db.models import Criterion, Trial  # noqa: E402
from trials_db.profile import NEVER, NO_THERAPY, Profile, ProfileError  # noqa: E402

SHIPPED_TRIALS = ROOT / "data" / "trials" / "ms_trials_with_criteria.json"
GOLD_DIR = ROOT / "tests" / "gold" / "criteria"
SPLIT_FILE = ROOT / "tests" / "gold" / "criteria_split.json"
PARTS: dict[str, tuple[str, ...]] = {
    "dev": ("dev_a.yml", "dev_b.yml"),
    "held_out": ("held_out.yml",),
}

SUBTYPES = ("RRMS", "SPMS", "PPMS", "CIS", "RIS")
TYPICAL_AGE = 40  # the age a fitting patient gets where the gold leaves it open
SEXES = ("female", "male")
POLARITIES = ("requires", "excludes")
RANGE_FLAGS = {"min_inclusive", "max_inclusive"}
# The gold vocabulary: field -> the keys a reading of it may carry (besides field, polarity).
READING_KEYS: dict[str, set[str]] = {
    "age": {"min", "max"} | RANGE_FLAGS,
    "sex": {"allowed"},
    "ms_subtype": {"types", "maybe"},
    "ms_diagnosis": set(),
    "edss": {"min", "max"} | RANGE_FLAGS,
    "disease_duration": {"min_years", "max_years", "basis"} | RANGE_FLAGS,
    "relapses": {"min_count", "within_months"},
    "steroids": {"within_months"},
    "therapy": {"drugs", "classes", "within_months", "current", "ever"},
    "therapy_failure": {"drugs", "classes", "min_count"},
    "pregnant": set(),
    "breastfeeding": set(),
    "contraception": set(),
}
CRITERION_KEYS = {"section", "text", "readings", "uncertain", "any", "note"}
FIELDS = tuple(READING_KEYS)
_RANGE_KEYS = {
    "age": ("min", "max"),
    "edss": ("min", "max"),
    "disease_duration": ("min_years", "max_years"),
}


# ---------------------------------------------------------------------------- loading


def normalise(text: str) -> str:
    """Lower case, Markdown escapes dropped, whitespace collapsed, list punctuation trimmed."""
    return re.sub(r"\s+", " ", unescape_markdown(text)).strip(" ;,").lower()


def collapse(text: str) -> str:
    """Whitespace collapsed only (what a gold ``text`` must be a substring of)."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class ParsedCriterion:
    index: int
    kind: str
    text: str
    norm: str
    tree: Node


@dataclass
class ParsedTrial:
    nct: str
    eligibility_text: str
    criteria: list[ParsedCriterion]
    error: str | None = None


def default_trials_path() -> Path:
    return SHIPPED_TRIALS  # the project's copy of the 113 shipped trials (data/trials)


def parse_trials(path: Path) -> tuple[dict[str, ParsedTrial], list[str]]:
    """Every study of ``path``, split and parsed as the importer does; problems are listed,
    not raised."""
    document = json.loads(Path(path).read_text(encoding="utf-8"))
    trials: dict[str, ParsedTrial] = {}
    errors: list[str] = []
    for n, study in enumerate(iter_studies(document), 1):
        try:
            record = parse_study(study)
        except RecordError as exc:
            errors.append(f"record {n}: {exc}")
            continue
        try:
            # store._apply + matching.evaluate.attach_parsed, without a session.
            trial = Trial(nct_id=record.nct_id)
            trial.criteria = [
                Criterion(kind=c.kind, position=c.position, section=c.section, text=c.text)
                for c in split_criteria(record.eligibility_text)
            ]
            if trial.criteria:
                attach_parsed(trial)
            criteria = [
                ParsedCriterion(i, c.kind, c.text, normalise(c.text), from_json(c.parsed))
                for i, c in enumerate(trial.criteria)
            ]
            trials[record.nct_id] = ParsedTrial(
                record.nct_id, record.eligibility_text or "", criteria
            )
        except Exception as exc:  # a parser bug in one trial must not stop the run
            errors.append(f"{record.nct_id}: {type(exc).__name__}: {exc}")
            trials[record.nct_id] = ParsedTrial(
                record.nct_id,
                record.eligibility_text or "",
                [],
                error=f"{type(exc).__name__}: {exc}",
            )
    return trials, errors


@functools.lru_cache(maxsize=4)
def _cached_trials(path: str) -> tuple[dict[str, ParsedTrial], list[str]]:
    return parse_trials(Path(path))


def load_split() -> dict[str, list[str]]:
    data = json.loads(SPLIT_FILE.read_text(encoding="utf-8"))
    return {"dev": list(data["dev"]), "held_out": list(data["held_out"])}


def load_gold(part: str) -> list[dict[str, Any]]:
    """The gold trials of ``dev`` (dev_a + dev_b) or ``held_out``, each tagged with its file."""
    trials = []
    for name in PARTS[part]:
        for trial in yaml.safe_load((GOLD_DIR / name).read_text(encoding="utf-8")) or []:
            trials.append({**trial, "_file": name})
    return trials


# ---------------------------------------------------------------------------- readings


@dataclass
class Reading:
    field: str
    values: dict[str, Any]
    polarity: str
    origin: str = "gold"  # gold | parser
    leaf: Leaf | None = None

    def describe(self) -> str:
        vals = ", ".join(
            f"{k}={_short(v)}" for k, v in self.values.items() if v not in (None, [], False)
        )
        return f"{self.field}[{self.polarity}]" + (f"({vals})" if vals else "")


def _short(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(map(str, value[:4])) + (",..." if len(value) > 4 else "") + "]"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def gold_reading(data: dict[str, Any]) -> Reading:
    values = {k: v for k, v in data.items() if k not in ("field", "polarity")}
    return Reading(data["field"], values, data["polarity"])


@functools.lru_cache(maxsize=1)
def _steroids() -> frozenset[str]:
    return frozenset(load_lexicon().members("corticosteroid"))


is_ms_diagnosis = is_ms_itself  # the parser's reading of "a diagnosis of MS" (frame.py)


def leaf_field(leaf: Leaf) -> str | None:
    if is_ms_diagnosis(leaf):
        return "ms_diagnosis"
    if isinstance(leaf, Therapy):
        return "steroids" if leaf.drugs and set(leaf.drugs) <= _steroids() else "therapy"
    return {
        Age: "age",
        Sex: "sex",
        Subtype: "ms_subtype",
        Edss: "edss",
        DiseaseDuration: "disease_duration",
        Relapses: "relapses",
        TherapyFailure: "therapy_failure",
        Pregnant: "pregnant",
        Breastfeeding: "breastfeeding",
        Contraception: "contraception",
    }.get(type(leaf))


def parser_readings(tree: Node, kind: str) -> list[Reading]:
    """The parser's non-review leaves as readings, with polarity from the patient's view."""
    exclusion = kind == EXCLUSION
    out: list[Reading] = []
    for leaf, positive in tree.leaves():
        if not isinstance(leaf, Review):
            polarity = "requires" if positive != exclusion else "excludes"
            out += [
                Reading(name, values, polarity, "parser", leaf)
                for name, values in _leaf_values(leaf)
            ]
    return _joined_sides(out) if exclusion else out


def _joined_sides(readings: list[Reading]) -> list[Reading]:
    """An exclusion's two one-sided ranges of one field ("age below 18 or above 55") are the one
    range it requires (18 to 55), the way the gold writes it."""
    for name in _RANGE_KEYS:
        sides = [
            r
            for r in readings
            if r.field == name
            and r.polarity == "excludes"
            and _complement_range(r.values, *_RANGE_KEYS[name]) is not None
        ]
        if len(sides) != 2:
            continue
        a, b = (canonical(r).values for r in sides)
        if set(a) & set(b):
            continue  # the same side twice: no single range
        joined = Reading(name, {**a, **b}, "requires", "parser", sides[0].leaf)
        readings = [r for r in readings if r not in sides] + [joined]
    return readings


def _leaf_values(leaf: Leaf) -> list[tuple[str, dict[str, Any]]]:
    """(gold field, values) for one leaf: none, one, or two (therapy and steroids)."""
    if isinstance(leaf, (Age, Edss)):
        return [
            (
                "age" if isinstance(leaf, Age) else "edss",
                {
                    "min": leaf.min,
                    "max": leaf.max,
                    "min_inclusive": leaf.min_inclusive,
                    "max_inclusive": leaf.max_inclusive,
                },
            )
        ]
    if isinstance(leaf, DiseaseDuration):
        return [
            (
                "disease_duration",
                {
                    "min_years": leaf.min,
                    "max_years": leaf.max,
                    "min_inclusive": leaf.min_inclusive,
                    "max_inclusive": leaf.max_inclusive,
                },
            )
        ]
    if isinstance(leaf, Sex):
        return [("sex", {"allowed": list(leaf.allowed)})]
    if isinstance(leaf, Subtype):
        return [
            (leaf_field(leaf) or "ms_subtype", {"types": list(leaf.yes), "maybe": list(leaf.maybe)})
        ]
    if isinstance(leaf, Relapses):
        return [("relapses", {"min_count": leaf.count, "within_months": leaf.months})]
    if isinstance(leaf, Therapy):
        values = {
            "drugs": list(leaf.drugs),
            "classes": list(leaf.classes),
            "within_months": leaf.within_months,
            "current": leaf.current,
        }
        steroid = [d for d in leaf.drugs if d in _steroids()]
        out = [("steroids", values)] if steroid else []
        if not steroid or len(steroid) < len(leaf.drugs):
            out.append(("therapy", values))
        return out
    if isinstance(leaf, TherapyFailure):
        return [
            (
                "therapy_failure",
                {"drugs": list(leaf.drugs), "classes": list(leaf.classes), "min_count": leaf.count},
            )
        ]
    name = leaf_field(leaf)  # pregnant, breastfeeding, contraception
    return [(name, {})] if name else []


# ---------------------------------------------------------------------------- comparison


def _complement_range(values: dict[str, Any], lo_key: str, hi_key: str) -> dict[str, Any] | None:
    lo, hi = values.get(lo_key), values.get(hi_key)
    if (lo is None) == (hi is None):
        return None  # two-sided (or empty): its complement is not one range
    if lo is not None:
        return {hi_key: lo, "max_inclusive": not values.get("min_inclusive", True)}
    return {lo_key: hi, "min_inclusive": not values.get("max_inclusive", True)}


def canonical(reading: Reading) -> Reading:
    """The "requires" form of readings that have one (one-sided ranges, sex, MS types)."""
    if reading.polarity != "excludes":
        return reading
    if reading.field in _RANGE_KEYS:
        flipped = _complement_range(reading.values, *_RANGE_KEYS[reading.field])
        if flipped is not None:
            return Reading(reading.field, flipped, "requires", reading.origin, reading.leaf)
    elif reading.field == "sex":
        allowed = [s for s in SEXES if s not in (reading.values.get("allowed") or [])]
        return Reading("sex", {"allowed": allowed}, "requires", reading.origin, reading.leaf)
    elif reading.field == "ms_subtype":
        types = [s for s in SUBTYPES if s not in (reading.values.get("types") or [])]
        return Reading("ms_subtype", {"types": types}, "requires", reading.origin, reading.leaf)
    return reading


def _close(a: float | None, b: float | None, tol: float = 0.01) -> bool:
    return a is not None and b is not None and abs(float(a) - float(b)) <= tol


def _within_10pct(parser: float | None, gold: float) -> bool:
    return parser is not None and abs(float(parser) - float(gold)) <= 0.1 * abs(float(gold)) + 1e-9


def _in_range(value: float, values: dict[str, Any], lo_key: str, hi_key: str) -> bool:
    lo, hi = values.get(lo_key), values.get(hi_key)
    if lo is not None and (value < lo or (value == lo and not values.get("min_inclusive", True))):
        return False
    return hi is None or value < hi or (value == hi and values.get("max_inclusive", True))


_AGE_GRID = [float(a) for a in range(121)]
_EDSS_GRID = edss_values_between(0, 10)


def _same_range(
    p: dict[str, Any],
    g: dict[str, Any],
    lo_key: str,
    hi_key: str,
    grid: list[float] | None,
    relative: bool = False,
) -> bool:
    sides_same = all((p.get(k) is None) == (g.get(k) is None) for k in (lo_key, hi_key))
    near = _within_10pct if relative else _close
    if sides_same and all(p.get(k) is None or near(p[k], g[k]) for k in (lo_key, hi_key)):
        return True
    if grid is None:
        return False
    # "> 17" and ">= 18" accept the same ages; "> 2" and ">= 2.5" the same EDSS steps.
    return [v for v in grid if _in_range(v, p, lo_key, hi_key)] == [
        v for v in grid if _in_range(v, g, lo_key, hi_key)
    ]


def gold_drugs(values: dict[str, Any]) -> set[str]:
    """Gold drugs plus the lexicon members of the gold classes (a patient's word such as
    "interferon beta" widened to its class)."""
    lex = load_lexicon()
    drugs: set[str] = set()
    for name in values.get("drugs") or []:
        drugs.add(name)
        drug = lex.drugs.get(name)
        if drug is not None and drug.patient_only:  # "interferon beta": any interferon
            for cls in drug.classes:
                if cls != "dmt":
                    drugs.update(lex.members(cls))
    for cls in values.get("classes") or []:
        drugs.update(lex.members(class_key(cls)))
    return drugs


def class_key(name: str) -> str:
    """The lexicon key of a gold class as its writer spelt it: the probe writers used "DMT",
    "anti-CD20" and "S1P modulator" for the keys dmt, anti_cd20 and s1p_modulator."""
    return re.sub(r"[\s-]+", "_", name.strip().lower())


def compatible(parser_field: str, gold_field: str) -> bool:
    """A steroid therapy leaf may stand for a gold therapy reading; an "MS" subtype leaf for
    gold MS types (when the gold lists the same courses)."""
    return parser_field == gold_field or (parser_field, gold_field) in (
        ("steroids", "therapy"),
        ("ms_diagnosis", "ms_subtype"),
    )


def compare(parser: Reading, gold: Reading) -> str | None:
    """None when the parser reading agrees with the gold one, else why not."""
    if not compatible(parser.field, gold.field):
        return "field"
    if parser.field == "ms_diagnosis" and gold.field == "ms_subtype":
        parser = Reading("ms_subtype", parser.values, parser.polarity, parser.origin, parser.leaf)
    p, g = canonical(parser), canonical(gold)
    if p.polarity != g.polarity:
        return f"polarity (parser {p.polarity}, gold {g.polarity})"
    pv, gv = p.values, g.values
    f = gold.field
    if f == "age" and not _same_range(pv, gv, "min", "max", _AGE_GRID):
        return "bounds"
    if f == "edss" and not _same_range(pv, gv, "min", "max", _EDSS_GRID):
        return "bounds"
    if f == "disease_duration" and not _same_range(
        pv, gv, "min_years", "max_years", None, relative=True
    ):
        return "bounds"
    if f == "sex" and set(pv.get("allowed") or []) != set(gv.get("allowed") or []):
        return "sex"
    if f == "ms_subtype" and set(pv.get("types") or []) != set(gv.get("types") or []):
        return "types"
    if f == "relapses":
        if int(pv.get("min_count") or 1) != int(gv.get("min_count") or 1):
            return "count"
        window = gv.get("within_months")
        if window is not None and not _within_10pct(pv.get("within_months"), window):
            return "window"
    if f in ("therapy", "steroids", "therapy_failure"):
        wanted = gold_drugs(gv)
        if f != "steroids" and wanted and not wanted & set(pv.get("drugs") or []):
            return "drugs"
        if (
            f != "therapy_failure"
            and gv.get("within_months") is not None
            and not _within_10pct(pv.get("within_months"), gv["within_months"])
        ):
            return "window"
        same_count = int(pv.get("min_count") or 1) == int(gv.get("min_count") or 1)
        if f == "therapy_failure" and not same_count:
            return "count"
    return None


def max_matching(edges: dict[int, list[int]]) -> dict[int, int]:
    """Maximum bipartite matching (left -> right) by augmenting paths; the graphs are tiny."""
    match_right: dict[int, int] = {}

    def augment(left: int, seen: set[int]) -> bool:
        for right in edges.get(left, []):
            if right in seen:
                continue
            seen.add(right)
            if right not in match_right or augment(match_right[right], seen):
                match_right[right] = left
                return True
        return False

    for left in edges:
        augment(left, set())
    return {left: right for right, left in match_right.items()}


# ---------------------------------------------------------------------------- profiles


def _pick(
    readings: list[dict[str, Any]], grid: list[float], lo_key: str, hi_key: str, nudge: float
) -> float | None:
    """A value inside every ``requires`` range and outside every ``excludes`` one, near a bound."""
    ok = [
        v
        for v in grid
        if all(_in_range(v, r, lo_key, hi_key) == (r["polarity"] == "requires") for r in readings)
    ]
    if not ok:
        return None
    req = [r for r in readings if r["polarity"] == "requires"]
    los = [r[lo_key] for r in req if r.get(lo_key) is not None]
    his = [r[hi_key] for r in req if r.get(hi_key) is not None]
    lo, hi = (max(los) if los else None), (min(his) if his else None)
    if lo is not None and hi is not None:
        target = (lo + hi) / 2
    elif lo is not None:
        target = lo + nudge
    elif hi is not None:
        target = hi - nudge
    else:
        target = ok[len(ok) // 2]
    return min(ok, key=lambda v: (abs(v - target), v))


_DURATION_GRID = [y / 4 for y in range(201)]


def _lexicon_drugs(values: dict[str, Any]) -> list[str]:
    lex = load_lexicon()
    found = [d for d in sorted(gold_drugs(values)) if d in lex.drugs]
    # Named drugs first, then real drugs before a patient's vague word.
    named = [d for d in values.get("drugs") or [] if d in found]
    rest = [d for d in found if d not in named]
    return sorted(
        dict.fromkeys(named + rest), key=lambda d: (d not in named, lex.drugs[d].patient_only)
    )


def _window(lower: list[float], upper: list[float], never_ok: bool) -> float | None:
    """A months-ago value after every excluded window and inside every required one."""
    lo = max(lower) if lower else None
    hi = min(upper) if upper else None
    if hi is None:
        if lo is None:
            return NEVER if never_ok else None
        return lo * 2 + 6
    lo = lo or 0.0
    return (lo + hi) / 2 if lo < hi else None


def fitting_profile(readings: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Profile fields of a patient who satisfies every reading (None: they conflict, or no
    profile can say it)."""
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in readings:
        by[r["field"]].append(r)
    kw: dict[str, Any] = {}
    ranges = (
        ("age", "age", _AGE_GRID, 2),
        ("edss", "edss", _EDSS_GRID, 0.5),
        ("disease_duration", "years_since_diagnosis", _DURATION_GRID, 1),
    )
    for name, key, grid, nudge in ranges:
        if by.get(name):
            lo_key, hi_key = _RANGE_KEYS[name]
            value = _pick(by[name], grid, lo_key, hi_key, nudge)
            if value is None:
                return None
            kw[key] = value
    sexes = set(SEXES)
    for r in by.get("sex", []):
        allowed = set(r.get("allowed") or [])
        sexes &= allowed if r["polarity"] == "requires" else set(SEXES) - allowed
    for name in ("pregnant", "breastfeeding"):
        for r in by.get(name, []):
            if r["polarity"] == "requires":
                sexes &= {"female"}
                kw[name] = True
            else:
                kw[name] = False
    if not sexes:
        return None
    if sexes != set(SEXES) or kw.get("pregnant") or kw.get("breastfeeding"):
        kw["sex"] = min(sexes)
    if by.get("ms_subtype"):
        types = set(SUBTYPES)
        for r in by["ms_subtype"]:
            listed = set(r.get("types") or [])
            types &= listed if r["polarity"] == "requires" else set(SUBTYPES) - listed
        if not types:
            return None
        kw["ms_subtype"] = next(s for s in SUBTYPES if s in types)
    if by.get("relapses"):
        lower = [
            r.get("within_months") or 24
            for r in by["relapses"]
            if r["polarity"] == "excludes" and int(r.get("min_count") or 1) <= 1
        ]
        upper = [
            r.get("within_months") or 24 for r in by["relapses"] if r["polarity"] == "requires"
        ]
        last = _window(lower, upper, never_ok=False)
        if last is None:
            return None
        kw["months_since_last_relapse"] = last
        need = max(
            [int(r.get("min_count") or 1) for r in by["relapses"] if r["polarity"] == "requires"]
            or [0]
        )
        cap = min(
            [
                int(r.get("min_count") or 1)
                for r in by["relapses"]
                if r["polarity"] == "excludes" and int(r.get("min_count") or 1) > 1
            ]
            or [99]
        )
        count = need if need else (1 if last <= 24 else 0)
        count = max(count, 1) if last <= 24 else count
        if count >= cap:
            return None
        kw["relapses_past_2_years"] = count
    # Steroids: the steroid readings, and therapy readings that name only steroids.
    steroid_readings = list(by.get("steroids", []))
    therapy_readings = []
    for r in by.get("therapy", []):
        drugs = gold_drugs(r)
        (steroid_readings if drugs and drugs <= _steroids() else therapy_readings).append(r)
    if steroid_readings:
        excl = [r for r in steroid_readings if r["polarity"] == "excludes"]
        lower = [r["within_months"] for r in excl if r.get("within_months")]
        never_ok = any(r.get("within_months") is None for r in excl)
        upper = [
            r.get("within_months") or 12 for r in steroid_readings if r["polarity"] == "requires"
        ]
        if never_ok and upper:
            return None
        months = NEVER if never_ok else _window(lower, upper, never_ok=True)
        if months is None:
            return None
        kw["months_since_steroids"] = months
    failures = by.get("therapy_failure", [])
    if therapy_readings or failures:
        excluded: set[str] = set()
        for r in therapy_readings:
            if r["polarity"] == "excludes":
                excluded |= gold_drugs(r)
        prior: list[str] = []
        since: dict[str, float] = {}
        current: str | None = None
        for r in therapy_readings:
            if r["polarity"] != "requires":
                continue
            options = [d for d in _lexicon_drugs(r) if d not in excluded]
            if not options:
                return None
            drug = next((d for d in options if d in prior), options[0])
            if drug not in prior:
                prior.append(drug)
            if r.get("current"):
                if current not in (None, drug):
                    return None
                current = drug
            elif r.get("within_months") is not None:
                since[drug] = min(since.get(drug, math.inf), r["within_months"] / 2)
        failed: list[str] | None = None
        for r in failures:
            if r["polarity"] == "requires":
                options = [d for d in _lexicon_drugs(r) if d not in excluded]
                n = int(r.get("min_count") or 1)
                if len(options) < n:
                    return None
                failed = list(dict.fromkeys((failed or []) + options[:n]))
            elif failed is None:
                failed = []
        if failures and any(r["polarity"] == "excludes" for r in failures) and failed:
            return None  # requires and excludes failure in one criterion: not one patient
        for d in failed or []:
            if d not in prior:
                prior.append(d)
        kw["prior_therapies"] = [d for d in prior if d != current]
        kw["current_therapy"] = current if current else (NO_THERAPY if not prior else None)
        if since:
            kw["months_since_last_therapy"] = since
        if failed is not None:
            kw["failed_therapies"] = failed
    return kw


def has_fact_profile(r: dict[str, Any]) -> dict[str, Any] | None:
    """Profile fields of a patient who has the fact of one ``excludes`` reading (None: no
    profile can say it)."""
    f = r["field"]
    if f in _RANGE_KEYS:
        return fitting_profile([{**r, "polarity": "requires"}])
    if f == "sex":
        return {"sex": (r.get("allowed") or ["female"])[0]}
    if f == "ms_subtype":
        types = [t for t in SUBTYPES if t in (r.get("types") or [])]
        return {"ms_subtype": types[0]} if types else None
    if f == "relapses":
        months = r.get("within_months") or 12
        return {
            "months_since_last_relapse": months / 2,
            "relapses_past_2_years": max(int(r.get("min_count") or 1), 1),
        }
    if f == "steroids":
        return {"months_since_steroids": (r["within_months"] / 2) if r.get("within_months") else 12}
    if f in ("therapy", "therapy_failure"):
        drugs = _lexicon_drugs(r)
        if not drugs:
            return None
        if f == "therapy_failure":
            n = int(r.get("min_count") or 1)
            if len(drugs) < n:
                return None
            return {"prior_therapies": drugs[:n], "failed_therapies": drugs[:n]}
        drug = drugs[0]
        kw: dict[str, Any] = {"prior_therapies": [drug]}
        if r.get("current"):
            kw = {"prior_therapies": [], "current_therapy": drug}
        elif r.get("within_months") is not None:
            kw["months_since_last_therapy"] = {drug: r["within_months"] / 2}
        if drug in _steroids():
            kw["months_since_steroids"] = (
                0 if r.get("current") else (r.get("within_months") or 24) / 2
            )
        return kw
    if f in ("pregnant", "breastfeeding"):
        return {"sex": "female", f: True}
    return None  # ms_diagnosis, contraception: no profile fact


def _make_profile(kw: dict[str, Any] | None) -> Profile | None:
    if kw is None:
        return None
    try:
        return Profile(**kw)
    except (ProfileError, TypeError):
        return None


def combined_status(criteria: list[ParsedCriterion], profile: Profile) -> str:
    statuses = {status_of(c.kind, c.tree.evaluate(profile)) for c in criteria}
    for status in (NOT_MET, NEEDS_REVIEW, UNKNOWN_STATUS):
        if status in statuses:
            return status
    return MET


def failing_fields(criteria: list[ParsedCriterion], profile: Profile) -> set[str]:
    """Fields of the leaves that make a not_met criterion fail (those its explanation names)."""
    fields: set[str] = set()
    for c in criteria:
        if status_of(c.kind, c.tree.evaluate(profile)) != NOT_MET:
            continue
        exclusion = c.kind == EXCLUSION
        for leaf, positive in c.tree.leaves():
            v = leaf.evaluate(profile)
            if v in (TRUE, FALSE) and (v == TRUE) != (positive != exclusion):
                name = leaf_field(leaf)
                if name:
                    fields.add(name)
    return fields


# ---------------------------------------------------------------------------- scoring


@dataclass
class Tally:
    gold: Counter = field(default_factory=Counter)
    parser: Counter = field(default_factory=Counter)
    correct_parser: Counter = field(default_factory=Counter)  # by the parser reading's field
    correct_gold: Counter = field(default_factory=Counter)  # by the gold reading's field
    false_not_met: Counter = field(default_factory=Counter)


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _trim(text: str, n: int = 110) -> str:
    text = collapse(text)
    return text if len(text) <= n else text[: n - 1] + "…"


def _parser_text(criteria: list[ParsedCriterion]) -> str:
    return " | ".join(f"({c.kind}) {_trim(c.text, 80)}" for c in criteria)


def align_trial(gold_criteria: list[dict[str, Any]], trial: ParsedTrial | None) -> list[list[int]]:
    """For each gold criterion, the indices of the parser criteria it aligns to ([] = unaligned)."""
    out: list[list[int]] = []
    cursor = 0
    parsed = trial.criteria if trial else []
    for gc in gold_criteria:
        g = normalise(str(gc.get("text") or ""))
        if not g or not parsed:
            out.append([])
            continue
        section = gc.get("section")
        containing = [p for p in parsed if g in p.norm]
        if containing:
            # Gold criteria come in document order: the next candidate from where the last
            # one aligned, in the right section, the exact text before a longer one.
            best = min(
                containing,
                key=lambda p: (
                    p.index < cursor,
                    p.kind not in (section, "general"),
                    p.norm != g,
                    p.index,
                ),
            )
            hits = [best.index]
        else:
            hits = [p.index for p in parsed if len(p.norm) >= 8 and p.norm in g]
        if hits:
            cursor = max(hits)
        out.append(hits)
    return out


def units(alignment: list[list[int]]) -> list[tuple[list[int], list[int]]]:
    """Gold and parser criteria connected by the alignment: (gold indices, parser indices)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for gi, hits in enumerate(alignment):
        for pi in hits:
            parent[find(("g", gi))] = find(("p", pi))
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for gi, hits in enumerate(alignment):
        if hits:
            groups.setdefault(find(("g", gi)), ([], []))[0].append(gi)
    for pi in sorted({pi for hits in alignment for pi in hits}):
        groups.setdefault(find(("p", pi)), ([], []))[1].append(pi)
    return list(groups.values())


@dataclass
class _Run:
    """What one part's scoring accumulates."""

    tally: Tally = field(default_factory=Tally)
    counts: Counter = field(default_factory=Counter)
    details: list[dict[str, Any]] = field(default_factory=list)


def _score_unit(
    run: _Run, nct: str, gold_criteria: list[dict[str, Any]], parsed: list[ParsedCriterion]
) -> None:
    """Readings, false not_met and missed exclusions of gold criteria aligned to ``parsed``."""
    tally, counts = run.tally, run.counts
    shared = len(gold_criteria) > 1
    where = {"nct": nct, "parser_text": _parser_text(parsed), "shared": shared}
    certain = [gc for gc in gold_criteria if not gc.get("uncertain")]
    unsure = [gc for gc in gold_criteria if gc.get("uncertain")]
    computable = any(not isinstance(leaf, Review) for c in parsed for leaf, _ in c.tree.leaves())
    counts["uncertain"] += len(unsure)
    counts["uncertain_computable" if computable else "uncertain_abstains"] += len(unsure)
    if not certain:
        return

    p_reads = [r for c in parsed for r in parser_readings(c.tree, c.kind)]
    g_reads = [(gc, gold_reading(r)) for gc in certain for r in gc.get("readings") or []]
    u_fields = {r["field"] for gc in unsure for r in gc.get("readings") or []}
    matched = max_matching(
        {
            i: [j for j, (_, g) in enumerate(g_reads) if compare(p, g) is None]
            for i, p in enumerate(p_reads)
        }
    )
    matched_gold = set(matched.values())
    for j, (gc, g) in enumerate(g_reads):
        tally.gold[g.field] += 1
        if j in matched_gold:
            tally.correct_gold[g.field] += 1
            continue
        near = [
            f"{p.describe()} -> {compare(p, g)}" for p in p_reads if compatible(p.field, g.field)
        ]
        run.details.append(
            {
                "kind": "missed",
                "field": g.field,
                "section": gc["section"],
                "gold_text": gc["text"],
                "gold": g.describe(),
                "parser": "; ".join(near) or "no reading",
                **where,
            }
        )
    for i, p in enumerate(p_reads):
        if i not in matched and any(compatible(p.field, f) for f in u_fields):
            counts["parser_set_aside"] += 1
            continue
        tally.parser[p.field] += 1
        if i in matched:
            tally.correct_parser[p.field] += 1
            continue
        gold_same = "; ".join(g.describe() for _, g in g_reads if g.field == p.field)
        run.details.append(
            {
                "kind": "extra",
                "field": p.field,
                "parser": p.describe(),
                "gold": gold_same or "none",
                **where,
            }
        )

    # Patients: one who fits each gold criterion; one who has each excluded fact.
    for gc in certain:
        readings = gc.get("readings") or []
        if not readings:
            continue
        counts["fit_criteria"] += 1
        if gc.get("any"):  # alternatives: fitting one of them is enough
            kw = next(
                (k for k in map(fitting_profile, ([r] for r in readings)) if k is not None), None
            )
        else:
            kw = fitting_profile(readings)
        profile = _make_profile(kw)
        if profile is None:
            counts["fit_unbuildable"] += 1
        else:
            counts["fit_evaluated"] += 1
            # Every patient of an MS study has an MS course: where the gold leaves it open, the
            # same patient with each course must fit too ("in patients with RRMS" read as
            # "RRMS excludes" fails only such a patient).
            unit_fields = {r["field"] for g in gold_criteria for r in g.get("readings") or []}
            # A pooled unit whose other criterion names the course (or age) decides it.
            typed = bool(unit_fields & {"ms_subtype", "ms_diagnosis"})
            # And an age: an adult of 40 where the gold leaves it open ("time since diagnosis
            # under 1 year or over 20 years" read as an age turns away every adult over 20).
            aged = {} if "age" in kw or "age" in unit_fields else {"age": TYPICAL_AGE}
            for course in () if "ms_subtype" in kw or typed else ("RRMS", "SPMS", "PPMS"):
                with_course = _make_profile({**kw, **aged, "ms_subtype": course})
                if (
                    with_course is not None
                    and combined_status(parsed, with_course) == NOT_MET
                    and combined_status(parsed, profile) != NOT_MET
                ):
                    counts["false_not_met_course"] += 1
                    run.details.append(
                        {
                            "kind": "false_not_met_course",
                            "fields": ["ms_subtype"],
                            "section": gc["section"],
                            "gold_text": gc["text"],
                            "profile": {**kw, **aged, "ms_subtype": course},
                            "gold": "; ".join(gold_reading(r).describe() for r in readings),
                            **where,
                        }
                    )
                    break
            if combined_status(parsed, profile) == NOT_MET:
                fields = failing_fields(parsed, profile) or {r["field"] for r in readings}
                counts["false_not_met"] += 1
                for name in fields:
                    tally.false_not_met[name] += 1
                run.details.append(
                    {
                        "kind": "false_not_met",
                        "fields": sorted(fields),
                        "section": gc["section"],
                        "gold_text": gc["text"],
                        "profile": kw,
                        "gold": "; ".join(gold_reading(r).describe() for r in readings),
                        **where,
                    }
                )
        if gc.get("any"):
            continue
        for r in readings:
            if r["polarity"] != "excludes":
                continue
            counts["exclusion_facts"] += 1
            kw = has_fact_profile(r)
            profile = _make_profile(kw)
            if profile is None:
                counts["exclusion_unbuildable"] += 1
                continue
            counts["exclusion_evaluated"] += 1
            if combined_status(parsed, profile) == MET:
                counts["missed_exclusions"] += 1
                run.details.append(
                    {
                        "kind": "missed_exclusion",
                        "field": r["field"],
                        "section": gc["section"],
                        "gold_text": gc["text"],
                        "gold": gold_reading(r).describe(),
                        "profile": kw,
                        **where,
                    }
                )


_COUNT_KEYS = (
    "trials",
    "trials_missing",
    "trials_parse_error",
    "gold_criteria",
    "unaligned",
    "uncertain",
    "uncertain_computable",
    "uncertain_abstains",
    "parser_set_aside",
    "fit_criteria",
    "fit_evaluated",
    "fit_unbuildable",
    "false_not_met",
    "false_not_met_course",
    "exclusion_facts",
    "exclusion_evaluated",
    "exclusion_unbuildable",
    "missed_exclusions",
)


def score(part: str, trials_path: Path | str | None = None) -> dict[str, Any]:
    """Score the parser against the gold criteria of ``part`` (``dev`` or ``held_out``).

    Returns ``fields`` (per field: gold, parser, correct, correct_parser, precision, recall,
    false_not_met; precision/recall None when there is nothing to divide by), ``overall``,
    ``counts``, ``parse_errors`` and ``details`` (one record per mismatch).
    """
    trials, errors = _cached_trials(str(trials_path or default_trials_path()))
    gold_trials = load_gold(part)
    run = _Run()
    run.counts["trials"] = len(gold_trials)
    for gt in gold_trials:
        nct = gt["nct"]
        trial = trials.get(nct)
        if trial is None:
            run.counts["trials_missing"] += 1
        elif trial.error:
            run.counts["trials_parse_error"] += 1
            trial = None
        gcs = gt.get("criteria") or []
        alignment = align_trial(gcs, trial)
        run.counts["gold_criteria"] += len(gcs)
        for gc, hits in zip(gcs, alignment, strict=True):
            if not hits:
                run.counts["unaligned"] += 1
                run.details.append(
                    {
                        "kind": "unaligned",
                        "nct": nct,
                        "section": gc.get("section"),
                        "gold_text": gc.get("text"),
                    }
                )
        if trial is not None:
            for g_ids, p_ids in units(alignment):
                _score_unit(run, nct, [gcs[i] for i in g_ids], [trial.criteria[i] for i in p_ids])

    return {**summarise(run, part), "parse_errors": errors}


def summarise(run: _Run, part: str) -> dict[str, Any]:
    """The per-field and overall numbers, counts and details of one scored part."""
    tally = run.tally
    fields = {
        name: {
            "gold": tally.gold[name],
            "parser": tally.parser[name],
            "correct": tally.correct_gold[name],
            "correct_parser": tally.correct_parser[name],
            "precision": _ratio(tally.correct_parser[name], tally.parser[name]),
            "recall": _ratio(tally.correct_gold[name], tally.gold[name]),
            "false_not_met": tally.false_not_met[name],
        }
        for name in FIELDS
    }
    total = {
        key: sum(getattr(tally, key).values())
        for key in ("gold", "parser", "correct_parser", "correct_gold")
    }
    overall = {
        "gold": total["gold"],
        "parser": total["parser"],
        "correct": total["correct_gold"],
        "correct_parser": total["correct_parser"],
        "precision": _ratio(total["correct_parser"], total["parser"]),
        "recall": _ratio(total["correct_gold"], total["gold"]),
        "false_not_met": run.counts["false_not_met"],
    }
    counts = {k: run.counts[k] for k in _COUNT_KEYS}
    counts["aligned"] = counts["gold_criteria"] - counts["unaligned"]
    return {
        "part": part,
        "fields": fields,
        "overall": overall,
        "counts": counts,
        "details": run.details,
    }


def _matches(detail: dict[str, Any], name: str) -> bool:
    if name == "unaligned":
        return detail["kind"] == "unaligned"
    return detail.get("field") == name or name in detail.get("fields", ())


# ---------------------------------------------------------------------------- output


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render(result: dict[str, Any]) -> str:
    c = result["counts"]

    def row(name: str, r: dict[str, Any]) -> str:
        return (
            f"{name:<18}{r['gold']:>6}{r['parser']:>8}{r['correct']:>9}"
            f"{_fmt(r['precision']):>11}{_fmt(r['recall']):>8}{r['false_not_met']:>15}"
        )

    lines = [
        (
            f"== {result['part']}: {c['trials']} trials, {c['gold_criteria']} gold criteria, "
            f"{c['aligned']} aligned, {c['unaligned']} unaligned"
        ),
        (
            f"{'field':<18}{'gold':>6}{'parser':>8}{'correct':>9}{'precision':>11}{'recall':>8}"
            f"{'false not_met':>15}"
        ),
    ]
    lines += [row(name, r) for name, r in result["fields"].items()]
    lines.append(row("overall", result["overall"]))
    lines += [
        (
            f"  false not_met: {c['false_not_met']} of {c['fit_evaluated']} fitting patients "
            f"({c['fit_unbuildable']} of {c['fit_criteria']} criteria with readings gave no "
            "profile)"
        ),
        (
            f"  and {c['false_not_met_course']} more fitting patients told they don't fit once "
            "their MS course (RRMS, SPMS or PPMS) and an adult age are known"
        ),
        (
            f"  missed exclusions: {c['missed_exclusions']} of {c['exclusion_evaluated']} patients "
            f"with an excluded fact ({c['exclusion_unbuildable']} facts no profile can state)"
        ),
        (
            f"  uncertain gold criteria: {c['uncertain']} aligned (left out of precision/recall): "
            f"parser computable {c['uncertain_computable']}, abstains {c['uncertain_abstains']}; "
            f"{c['parser_set_aside']} parser readings set aside beside them"
        ),
    ]
    if c["trials_missing"] or c["trials_parse_error"]:
        lines.append(
            f"  trials missing from the trials file: {c['trials_missing']}, "
            f"with a parse error: {c['trials_parse_error']}"
        )
    return "\n".join(lines)


def render_details(result: dict[str, Any], name: str) -> str:
    rows = [d for d in result["details"] if _matches(d, name)]
    lines = [f"-- {result['part']}: {len(rows)} mismatches for {name}"]
    for d in rows:
        head = f"[{d['kind']}] {d['nct']}" + (f" {d['section']}" if d.get("section") else "")
        lines.append(head + (" (shared parser criterion)" if d.get("shared") else ""))
        if d.get("gold_text"):
            lines.append(f"    gold text:   {_trim(d['gold_text'])}")
        if d.get("gold"):
            lines.append(f"    gold:        {d['gold']}")
        if d.get("parser"):
            lines.append(f"    parser:      {d['parser']}")
        if d.get("profile") is not None:
            lines.append(f"    patient:     {d['profile']}")
        if d.get("parser_text"):
            lines.append(f"    parser text: {_trim(d['parser_text'], 160)}")
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--set", dest="part", choices=("dev", "held_out", "all"), default="all")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument(
        "--details",
        metavar="FIELD",
        choices=(*FIELDS, "unaligned"),
        help="list the mismatches of one field (or the unaligned gold criteria)",
    )
    parser.add_argument(
        "--trials", type=Path, default=None, help=f"trials file (default {SHIPPED_TRIALS})"
    )
    args = parser.parse_args(list(argv) if argv is not None else None)

    t0 = time.perf_counter()
    parts = ("dev", "held_out") if args.part == "all" else (args.part,)
    path = args.trials or default_trials_path()
    results = [score(p, path) for p in parts]
    elapsed = time.perf_counter() - t0
    errors = results[0]["parse_errors"]
    if args.json:
        out = {"trials_file": str(path), "parse_errors": errors, "seconds": round(elapsed, 2)}
        for r in results:
            out[r["part"]] = {k: r[k] for k in ("fields", "overall", "counts")}
            if args.details:
                out[r["part"]]["details"] = [d for d in r["details"] if _matches(d, args.details)]
        print(json.dumps(out, indent=1, default=str))
        return 0
    print(f"Criteria reading accuracy against the gold set (trials: {path})")
    for r in results:
        print()
        print(render(r))
    print()
    print(f"parse errors: {len(errors)}" + "".join(f"\n  {e}" for e in errors))
    if args.details:
        for r in results:
            print()
            print(render_details(r, args.details))
    print(f"({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
