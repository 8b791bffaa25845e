"""Does the criteria parser read the same criterion the same way when it is written differently?

Trials the parser was never tuned on write the same rule in other surface forms: in capitals,
in lower case, without hyphens ("relapsing remitting"), with ">=" for "≥", wrapped across lines
as CT.gov's XML download does, behind a bullet. A reader that generalises gives the same
reading for each form. This script takes every criterion of the **dev** trials (the held-out
trials of ``tests/gold/criteria_split.json`` are left alone), rewrites it with each
meaning-preserving change below, parses both with ``parse_criterion`` and compares the facts
read (leaf type, values and the patient-side polarity; review topics ignored):

- **same**: the same facts.
- **lost**: the rewrite reads fewer facts (it abstains more: safe, but recall is lost).
- **gained**: the rewrite reads facts the original did not.
- **changed**: both read facts, and they differ. These are the dangerous ones: the same rule
  read two ways means at least one reading is wrong, and a wrong reading can tell a patient who
  fits that they don't.

The last change moves an exclusion "X" to the inclusion "No X": the same rule said the other
way round. It tests the scope layer (a negation and how far it reaches).

No gold is needed: the original reading is the reference, right or wrong. The numbers are
printed per change; ``--details NAME`` lists the criteria that are not "same" for one change.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from trials_db.criteria.parser import parse_criterion  # noqa: E402
from trials_db.criteria.predicates import Review  # noqa: E402
from trials_db.ctgov import iter_studies, parse_study  # noqa: E402
from trials_db.eligibility import EXCLUSION, INCLUSION, split_criteria  # noqa: E402

TRIALS = ROOT / "data" / "trials" / "ms_trials_with_criteria.json"
SPLIT_FILE = ROOT / "tests" / "gold" / "criteria_split.json"


def _wrap(text: str) -> str:
    """Cut the line near its middle and indent the rest, as CT.gov's XML download wraps."""
    words = text.split(" ")
    if len(words) < 4:
        return text
    half = len(words) // 2
    return " ".join(words[:half]) + "\n          " + " ".join(words[half:])


def _dehyphen(text: str) -> str:
    """'relapsing-remitting' -> 'relapsing remitting'; a minus before a digit is kept."""
    return re.sub(r"(?<=[A-Za-z])-(?=[A-Za-z])", " ", text)


def _ascii_signs(text: str) -> str:
    for old, new in (("≥", ">="), ("≤", "<="), ("–", "-"), ("—", "-"), ("’", "'")):
        text = text.replace(old, new)
    return text


def _unicode_signs(text: str) -> str:
    return text.replace(">=", "≥").replace("<=", "≤")


def _no_final_dot(text: str) -> str:
    return re.sub(r"[.;,]\s*$", "", text.rstrip())


def _final_dot(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", ":", ";")) else text + "."


def _people(text: str) -> str:
    """The word for the people in the study: patients, subjects and participants are one."""
    swap = {
        "patients": "participants",
        "patient": "participant",
        "subjects": "participants",
        "subject": "participant",
        "participants": "patients",
        "participant": "patient",
    }
    return re.sub(
        r"\b(patients?|subjects?|participants?)\b",
        lambda m: _keep_case(m.group(0), swap[m.group(0).lower()]),
        text,
        flags=re.I,
    )


def _keep_case(old: str, new: str) -> str:
    if old.isupper():
        return new.upper()
    return new[0].upper() + new[1:] if old[0].isupper() else new


_NUMBER_WORDS = {
    str(n): w
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}


def _number_words(text: str) -> str:
    """Counts of time written as words: "6 months" -> "six months" (not scores or ages)."""
    return re.sub(
        r"\b(\d{1,2})(?= (?:days?|weeks?|months?|years?)\b)(?<!\.\d)",
        lambda m: _NUMBER_WORDS.get(m.group(1), m.group(1)),
        text,
    )


def _ms_spelled(text: str) -> str:
    return re.sub(r"\bMS\b", "multiple sclerosis", text)


def _before(text: str) -> str:
    return re.sub(r"\bprior to\b", "before", text, flags=re.I)


def _no_abbreviation_dots(text: str) -> str:
    return re.sub(r"\b(e)\.g\.|\b(i)\.e\.", lambda m: "eg" if m.group(1) else "ie", text)


def _brands(text: str) -> str:
    """Each generic drug name written as its first brand ("natalizumab" -> "Tysabri")."""
    from trials_db.lexicon import load

    for drug in load().drugs.values():
        if drug.brands and not drug.patient_only:
            text = re.sub(rf"\b{re.escape(drug.name)}\b", drug.brands[0], text, flags=re.I)
    return text


def _years(text: str) -> str:
    """Whole years in months written in years: "12 months" -> "1 year", "24 months" -> "2 years"."""
    return re.sub(
        r"\b(12|24|36|48|60) months\b",
        lambda m: f"{int(m.group(1)) // 12} year{'s' if m.group(1) != '12' else ''}",
        text,
    )


def _suffix(words: str) -> Callable[[str], str]:
    """A closing phrase that adds no fact ("at screening", "in the investigator's opinion")."""
    return lambda text: _no_final_dot(text) + words


_SYNONYMS = {
    "breastfeeding": "lactating",
    "lactating": "breast-feeding",
    "nursing": "breastfeeding",
    "relapse": "exacerbation",
    "relapses": "exacerbations",
    "exacerbation": "relapse",
    "exacerbations": "relapses",
    "corticosteroids": "steroids",
    "steroids": "corticosteroids",
    "women": "females",
    "females": "women",
}


def _synonyms(text: str) -> str:
    """Words a trial may use for the same thing ("lactating" for "breastfeeding")."""
    pattern = r"\b(" + "|".join(_SYNONYMS) + r")\b"
    return re.sub(
        pattern, lambda m: _keep_case(m.group(0), _SYNONYMS[m.group(0).lower()]), text, flags=re.I
    )


def _bounds_in_words(text: str) -> str:
    """Bounds said another way: "between 2 and 5.5" -> "from 2 to 5.5", "≥ 18" -> "18 or
    more", "≤ 5.5" -> "5.5 or less", "18 to 55" -> "18-55"."""
    n = r"(\d+(?:\.\d+)?)"
    text = re.sub(rf"\bbetween {n} and {n}", r"from \1 to \2", text, flags=re.I)
    text = re.sub(rf"≥\s*{n}", r"\1 or more", text)
    text = re.sub(rf"≤\s*{n}", r"\1 or less", text)
    return re.sub(rf"(?<!from ){n} to {n}\b", r"\1-\2", text)


def _no_abbreviation_brackets(text: str) -> str:
    """'Expanded Disability Status Scale (EDSS) score' -> 'Expanded Disability Status Scale
    score': the bracketed abbreviation repeats the name before it."""
    return re.sub(r"\s*\((?:[A-Z][A-Za-z-]{1,7})\)", "", text)


def _and_or(text: str) -> str:
    """ "pregnant or nursing" -> "pregnant and/or nursing"; not a bound ("2 or more")."""
    bound = r"(?!\s+(?:more|less|fewer|greater|older|younger|lower|higher|equal|above|below)\b)"
    return re.sub(r"\bor\b" + bound, "and/or", text)


def _no_years_of_age(text: str) -> str:
    return re.sub(r"\byears of age\b", "years old", text, flags=re.I)


def _drop_no(text: str) -> str:
    """An inclusion "No X" as the exclusion "X" (the inverse of the "No ..." rewrite)."""
    m = re.match(r"\s*(?:no|not|without)\s+(?!more|less|greater|fewer|older|younger)", text, re.I)
    if not m:
        return text
    rest = text[m.end() :]
    return rest[:1].upper() + rest[1:]


CHANGES: dict[str, Callable[[str], str]] = {
    "lower case": str.lower,
    "upper case": str.upper,
    "no hyphens": _dehyphen,
    "ascii signs": _ascii_signs,
    "unicode signs": _unicode_signs,
    "wrapped line": _wrap,
    "bullet": lambda t: "* " + t,
    "numbered": lambda t: "3. " + t,
    "no final dot": _no_final_dot,
    "final dot": _final_dot,
    "double spaces": lambda t: t.replace(" ", "  "),
    "people word": _people,
    "number words": _number_words,
    "MS spelled out": _ms_spelled,
    "before": _before,
    "eg, ie": _no_abbreviation_dots,
    "brand names": _brands,
    "months as years": _years,
    "+ at screening": _suffix(" at screening"),
    "+ investigator": _suffix(", in the opinion of the investigator"),
    "+ (see protocol)": _suffix(" (see protocol)"),
    "synonyms": _synonyms,
    "bounds in words": _bounds_in_words,
    "no (ABBR)": _no_abbreviation_brackets,
    "or as and/or": _and_or,
    "years old": _no_years_of_age,
    "as 'No ...' inclusion": lambda t: "No " + t[:1].lower() + t[1:],
    "'No X' as exclusion": _drop_no,
}
# Changes that also move the criterion to the other list: an exclusion "X" is the inclusion
# "No X"; the patient-side reading must not change (it may abstain).
KIND_CHANGES = {
    "as 'No ...' inclusion": (EXCLUSION, INCLUSION),
    "'No X' as exclusion": (INCLUSION, EXCLUSION),
}


def reading(text: str, kind: str) -> frozenset[str]:
    """The facts read, as comparable strings (patient-side polarity, values, no source)."""
    exclusion = kind == EXCLUSION
    out = set()
    for leaf, positive in parse_criterion(text, kind).leaves():
        if isinstance(leaf, Review):
            continue
        data = leaf.to_json() if hasattr(leaf, "to_json") else dict(vars(leaf))
        data.pop("source", None)
        polarity = "requires" if positive != exclusion else "excludes"
        out.add(f"{type(leaf).__name__} {polarity} {json.dumps(data, sort_keys=True)}")
    return frozenset(out)


def dev_criteria() -> list[tuple[str, str, str]]:
    """(nct_id, kind, text) for every split criterion of the dev trials."""
    dev = set(json.loads(SPLIT_FILE.read_text(encoding="utf-8"))["dev"])
    out = []
    for study in iter_studies(json.loads(TRIALS.read_text(encoding="utf-8"))):
        record = parse_study(study)
        if record.nct_id in dev:
            out += [
                (record.nct_id, c.kind, c.text) for c in split_criteria(record.eligibility_text)
            ]
    return out


def compare(before: frozenset[str], after: frozenset[str]) -> str:
    if before == after:
        return "same"
    if not after or after < before:
        return "lost"
    if not before or after > before:
        return "gained"
    return "changed"


def measure(details: str | None = None) -> dict[str, Counter[str]]:
    """Per change: how many criteria were rewritten, and read the same, lost, gained, changed."""
    originals = {(n, k, t): reading(t, k) for n, k, t in dev_criteria()}
    out: dict[str, Counter[str]] = {}
    for name, change in CHANGES.items():
        counts: Counter[str] = Counter()
        for (nct, kind, text), before in originals.items():
            new_kind = kind
            if name in KIND_CHANGES:
                source_kind, new_kind = KIND_CHANGES[name]
                if kind != source_kind:
                    continue
            new = change(text)
            if new == text:
                counts["same"] += 1
                continue
            counts["rewritten"] += 1
            after = reading(new, new_kind)
            verdict = compare(before, after)
            counts[verdict] += 1
            if details == name and verdict != "same":
                print(f"[{verdict}] {nct} {kind}: {text[:150]!r}")
                print(f"    before: {sorted(before)}")
                print(f"    after:  {sorted(after)}")
        out[name] = counts
    return out


def measure_joined(details: bool = False) -> Counter[str]:
    """Two neighbouring criteria of one list written as one ("1. X. 2. Y", as the splitter
    leaves an inline list): the facts read should be those of X and of Y, or fewer."""
    criteria = dev_criteria()
    counts: Counter[str] = Counter()
    for (nct, kind, a), (nct2, kind2, b) in zip(criteria, criteria[1:]):
        if nct != nct2 or kind != kind2:
            continue
        joined = f"{_no_final_dot(a)}. {b}"
        both = reading(a, kind) | reading(b, kind)
        after = reading(joined, kind)
        verdict = "same" if after == both else compare(both, after)
        counts["rewritten"] += 1
        counts[verdict] += 1
        if details and verdict in ("changed", "gained"):
            print(f"[{verdict}] {nct} {kind}: {joined[:200]!r}")
            print(f"    apart:  {sorted(both)}")
            print(f"    joined: {sorted(after)}")
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--details", choices=[*sorted(CHANGES), "joined"], help="list the criteria that differ"
    )
    args = ap.parse_args(argv)
    started = time.perf_counter()
    results = measure(args.details)
    print(f"{len(set(dev_criteria()))} criteria of the dev trials")
    columns = ("rewritten", "same", "lost", "gained", "changed")
    print(f"{'change':22}" + "".join(f"{c:>10}" for c in columns))
    totals: Counter[str] = Counter()
    for name, counts in results.items():
        totals.update(counts)
        print(f"{name:22}" + "".join(f"{counts[c]:10}" for c in columns))
    print(f"{'all':22}" + "".join(f"{totals[c]:10}" for c in columns))
    joined = measure_joined(args.details == "joined")
    print(f"{'two joined as one':22}" + "".join(f"{joined[c]:10}" for c in columns))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
