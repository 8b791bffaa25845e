"""Read every profile fact a message contains, for the slot being asked and any volunteered.

"I'm 34 with RRMS, EDSS 3.5" answers three questions at once; "actually I'm 45" corrects one.
A bare number only counts for the question being asked. Values are slot values (see slots.py)
or :class:`Invalid` with a kind reason.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from trials_db.patient_text import (
    Invalid,
    TherapyAnswer,
    clean,
    about,
    months_ago,
    own_words,
    parse_age,
    parse_count,
    parse_country,
    parse_edss,
    parse_months_since_relapse,
    parse_pregnancy,
    parse_sex,
    parse_subtype,
    parse_therapies,
    parse_years_since_diagnosis,
)
from trials_db.profile import NO_THERAPY
from trials_db.safety import check as check_safety

from .slots import ESTIMATED, NEVER_SLOT, known, to_slot

THERAPY_SLOTS = ("prior_therapies", "failed_therapies", "current_therapy")


def _therapy_facts(answer: TherapyAnswer, requested: str | None, slots: Mapping[str, Any]) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    prior = list(slots.get("prior_therapies") or []) if known(slots.get("prior_therapies")) else []
    if requested == "failed_therapies":
        # The question was which ones did not work: the drugs named are those.
        if answer.none or answer.said_nothing_failed:
            facts["failed_therapies"] = []
        elif answer.taken:
            facts["failed_therapies"] = list(dict.fromkeys(answer.failed or answer.taken))
            facts["prior_therapies"] = list(dict.fromkeys(prior + answer.taken))
        return facts
    if requested == "current_therapy":
        if answer.none:
            facts["current_therapy"] = NO_THERAPY
        elif answer.taken:
            facts["current_therapy"] = answer.current or answer.taken[-1]
            facts["prior_therapies"] = list(dict.fromkeys(prior + answer.taken))
        return facts
    if answer.none:
        facts["prior_therapies"] = []
        facts["failed_therapies"] = []
        facts["current_therapy"] = NO_THERAPY
        return facts
    taken = answer.taken if requested == "prior_therapies" else list(dict.fromkeys(prior + answer.taken))
    facts["prior_therapies"] = taken
    earlier_failed = slots.get("failed_therapies") if known(slots.get("failed_therapies")) else None
    if answer.failed or answer.said_nothing_failed or earlier_failed is not None:
        failed = list(answer.failed) + [d for d in (earlier_failed or []) if d not in answer.failed]
        facts["failed_therapies"] = [d for d in failed if d in taken]
    if answer.current:
        facts["current_therapy"] = answer.current
    return facts


def unrecognised_treatments(text: str | None) -> list[str]:
    """Words listed beside known treatments that name none we know ("Zorblax and Tecfidera")."""
    answer = parse_therapies(clean(text), True)
    return answer.unknown if isinstance(answer, TherapyAnswer) and answer.taken else []


def read_facts(text: str | None, intent: str | None, requested: str | None,
               slots: Mapping[str, Any]) -> dict[str, Any]:
    """Slot name -> value (or Invalid) for every fact found in the message."""
    t = clean(text)
    if not t or t.startswith("/") or check_safety(t):
        return {}  # a message that needs a safe answer is never read as facts
    t = own_words(t)  # "my mum is 70 and has SPMS, I'm 44 with RRMS": only the writer's facts
    facts: dict[str, Any] = {}

    def put(slot: str, value: Any) -> None:
        if value is not None:
            facts[slot] = to_slot(value)

    put("age", parse_age(t, requested == "age"))
    sex = parse_sex(t, requested == "sex")
    if requested == "sex" or not isinstance(sex, Invalid):
        put("sex", sex)
    put("ms_subtype", parse_subtype(t, requested == "ms_subtype"))
    edss = parse_edss(t, requested == "edss")
    if isinstance(edss, tuple):  # "3 or 3.5": kept as a range, like an estimate from walking
        facts.update({"edss": ESTIMATED, "edss_range": list(edss), "edss_is_estimate": False})
    else:
        put("edss", edss)

    therapies = parse_therapies(t, requested in THERAPY_SLOTS)
    if isinstance(therapies, Invalid):
        facts[requested if requested in THERAPY_SLOTS else "prior_therapies"] = therapies
    elif therapies is not None and (requested in THERAPY_SLOTS or therapies.taken):
        facts.update(_therapy_facts(therapies, requested, slots))

    if requested in ("pregnant", "breastfeeding") or re.search(r"pregnan|breast ?feed|nursing|lactat", t, re.I):
        pregnancy = parse_pregnancy(t, intent if requested in ("pregnant", "breastfeeding") else None)
        if isinstance(pregnancy, Invalid):
            facts[requested or "pregnant"] = pregnancy
        elif pregnancy:
            for key, value in pregnancy.items():
                if requested == "breastfeeding" and key == "pregnant" and "breastfeeding" not in pregnancy:
                    continue
                facts[key] = value

    put("months_since_last_relapse", parse_months_since_relapse(t, requested == "months_since_last_relapse"))
    if requested == "relapses_past_2_years":
        put("relapses_past_2_years", parse_count(t))
    age = slots.get("age") if isinstance(slots.get("age"), (int, float)) else None
    put("years_since_diagnosis", parse_years_since_diagnosis(t, requested == "years_since_diagnosis", age))
    if requested == "months_since_steroids" or re.search(r"\bsteroid|prednis|solu-?medrol|methylpred", t, re.I):
        if re.search(r"\b(never|no|none|not)\b", t, re.I) and not re.search(r"\d|ago|last", t, re.I):
            facts["months_since_steroids"] = NEVER_SLOT
        else:
            words = about(t, "steroids", requested == "months_since_steroids") or ""
            put("months_since_steroids", months_ago(words) if requested == "months_since_steroids"
                or re.search(r"ago|last|since", words, re.I) else None)
    country = parse_country(t)
    if country and (requested == "country" or re.search(r"\b(live|living|from|based|country)\b", t, re.I)):
        facts["country"] = country
    return facts
