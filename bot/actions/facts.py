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
    as_patient,
    clean,
    fix_spelling,
    own_words,
    parse_age,
    parse_edss,
    parse_months_since_relapse,
    parse_months_since_steroids,
    parse_pregnancy,
    parse_relapse_count,
    parse_sex,
    parse_subtype,
    parse_therapies,
    parse_years_since_diagnosis,
    read_country,
)
from trials_db.profile import NO_THERAPY
from trials_db.safety import check as check_safety

from .slots import ESTIMATED, known, to_slot

THERAPY_SLOTS = ("prior_therapies", "failed_therapies", "current_therapy")
WORD_ANSWERS = ("sex", "ms_subtype", "country")  # questions a bare number cannot answer


def _therapy_facts(answer: TherapyAnswer, requested: str | None, slots: Mapping[str, Any]) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    prior = list(slots.get("prior_therapies") or []) if known(slots.get("prior_therapies")) else []
    if requested == "failed_therapies":
        # The question was which ones did not work: the drugs named are those, but for the ones
        # said to have worked ("Copaxone yes, Tecfidera no", "Mavenclad worked well").
        if answer.none or answer.said_nothing_failed:
            facts["failed_therapies"] = []
        elif answer.taken:
            failed = answer.failed or [d for d in answer.taken if d not in answer.worked]
            facts["failed_therapies"] = list(dict.fromkeys(failed))
        if answer.taken:  # a "no" to this question says nothing of the treatment now
            facts["prior_therapies"] = list(dict.fromkeys(prior + answer.taken))
            if answer.current:
                facts["current_therapy"] = answer.current
        return facts
    if requested == "current_therapy":
        if answer.none:
            facts["current_therapy"] = NO_THERAPY
        elif answer.taken:
            now = [d for d in answer.taken if d not in answer.past]  # not "switched from Tecfidera"
            facts["current_therapy"] = answer.current or (now or answer.taken)[-1]
            facts["prior_therapies"] = list(dict.fromkeys(prior + answer.taken))
            if answer.failed:
                facts["failed_therapies"] = list(dict.fromkeys(answer.failed))
        elif answer.current == NO_THERAPY:
            facts["current_therapy"] = NO_THERAPY
        return facts
    if answer.none:  # never treated: nothing can have failed, which the criteria read from prior_therapies == []
        facts["prior_therapies"] = []
        facts["current_therapy"] = NO_THERAPY
        return facts
    if not answer.taken:
        if answer.current == NO_THERAPY:  # "no meds currently": nothing now, the earlier ones unknown
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
    t = own_words(fix_spelling(t))  # "my mum is 70 and has SPMS, I'm 44 with RRMS": only the writer's facts
    t, relative_sex = as_patient(t)  # "I'm writing for my wife. she is 47": her facts, in her words
    facts: dict[str, Any] = {}

    def put(slot: str, value: Any) -> None:
        if value is not None:
            facts[slot] = to_slot(value)

    age = parse_age(t, requested == "age" or (requested in WORD_ANSWERS and re.fullmatch(r"\W*\d{2}\W*", t) is not None))
    put("age", age)  # a bare "43" to the sex question is an age: it cannot be the answer asked for
    sex = parse_sex(t, requested == "sex")
    if requested == "sex" or not isinstance(sex, Invalid):
        put("sex", sex if sex is not None or requested == "sex" else relative_sex)
    put("ms_subtype", parse_subtype(t, requested == "ms_subtype"))
    edss = parse_edss(t, requested == "edss")
    if isinstance(edss, tuple):  # "3 or 3.5": kept as a range, like an estimate from walking
        facts.update({"edss": ESTIMATED, "edss_range": list(edss), "edss_is_estimate": False})
    else:
        put("edss", edss)

    therapies = parse_therapies(t, requested in THERAPY_SLOTS)
    if isinstance(therapies, Invalid):
        facts[requested if requested in THERAPY_SLOTS else "prior_therapies"] = therapies
    elif therapies is not None and (requested in THERAPY_SLOTS or therapies.taken or therapies.none
                                    or therapies.current == NO_THERAPY):
        facts.update(_therapy_facts(therapies, requested, slots))

    if requested in ("pregnant", "breastfeeding") or re.search(r"pregnan|breast ?feed|nursing|lactat", t, re.I):
        asked = requested if requested in ("pregnant", "breastfeeding") else None
        pregnancy = parse_pregnancy(t, intent if asked else None, asked=asked)
        if isinstance(pregnancy, Invalid):
            facts[requested or "pregnant"] = pregnancy
        elif pregnancy:
            for key, value in pregnancy.items():
                if requested == "breastfeeding" and key == "pregnant" and "breastfeeding" not in pregnancy:
                    continue
                facts[key] = value

    relapse = parse_months_since_relapse(t, requested == "months_since_last_relapse",
                                         asked_count=requested == "relapses_past_2_years")
    put("months_since_last_relapse", relapse)
    put("relapses_past_2_years", parse_relapse_count(t, requested == "relapses_past_2_years"))
    known_age = age if isinstance(age, (int, float)) else slots.get("age") if isinstance(slots.get("age"), (int, float)) else None
    put("years_since_diagnosis", parse_years_since_diagnosis(t, requested == "years_since_diagnosis", known_age))
    put("months_since_steroids", parse_months_since_steroids(
        t, requested == "months_since_steroids", relapse if isinstance(relapse, (int, float)) else None))
    put("country", read_country(t, requested == "country"))
    return facts
