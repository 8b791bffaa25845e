"""Read every profile fact a message contains, for the slot being asked and any volunteered.

"I'm 34 with RRMS, EDSS 3.5" answers three questions at once; "actually I'm 45" corrects one.
A bare number only counts for the question being asked. Values are slot values (see slot_values.py)
or :class:`Invalid` naming a kind sentence. Plain Python: the form's actions (bot/actions) only
turn the mapping into slot events.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from .patient_text import (
    speaks_of_others,
    without_lay_opinions,
    without_what_would_be,
    FACT_WORDS,
    LAST_ONE_SAID,
    carried_a_pregnancy,
    other_vocabulary,
    Invalid,
    about,
    TherapyAnswer,
    NOT_NOW_OPENING,
    as_patient,
    clean,
    dated_relapses,
    fix_spelling,
    joined_lines,
    own_words,
    parse_age,
    sets_own_facts_apart,
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
    as_list_items,
    read_dictation,
    say_plainly,
    tells_every_relapse,
    time_ago_only,
)
from .conditionals import without_conditions
from .denied_list import with_time_spread
from .double_denial import without_double_denials
from .exception_scope import excepted_denial, with_exceptions
from .retraction import without_retracted
from .fields import slot_fields
from .geo import FORMER_HOME, flag_country, read_place_facts, region_country, resolve_place
from .lexicon import load as load_lexicon
from .profile import NEVER, NO_THERAPY
from .quoted_reply import own_parts
from .safety import Category, check as check_safety

from .slot_values import ESTIMATED, SKIPPED, known, to_slot

THERAPY_SLOTS = ("prior_therapies", "failed_therapies", "current_therapy")
# The relapse dated is the last one: "my last relapse was in 2019", "relapse free since 2020".
_LAST_RELAPSE_SAID = re.compile(
    r"\b(last|latest|most recent)\b(\s+\w+){0,2}?[\s(]+(relapse|attack|flare|one|brote|schub)|"
    r"\b(relapse|attack|flare)\w*[- ]free\b|\b(no|not had an?y?|haven'?t had an?y?)\s+"
    r"(relapse|attack|flare)s?\s+(since|in|for)\b|"
    # the only one, or none after it: "one relapse in 2019 and that's it", "zero relapses since
    # 2010", "2016 - the attack that got me diagnosed. been quiet since"
    r"\b(and )?that'?s (it|been it)\b|\bthat was it\b|\b(first and )?only (one|1)\b|"
    r"\bthe only one\b|\b(been )?quiet (ever )?since\b|\b(zero|no) (relapses?|attacks?) since\b|"
    r"\b(after|since) (this|that|then),? (nothing|none)\b"
    r"|\b(nothing|none) (after|since) (this|that)\b"
    # "the only relapse I've had", "just the one relapse", "only one relapse ever"
    r"|\b(?:the |my )?only (?:real |proper )?(?:relapse|attack|flare)\b|\bjust the one\b"
    r"|\b(?:only )?one (?:relapse|attack|flare) ever\b",
    re.I,
)
# A time said to the month, not only the year: "september 2024", "07/2025", "6 months ago".
_MONTH_SAID = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(spring|summer|autumn|fall|"
    r"winter|christmas|easter)\b|\b\d{1,2}/\d{2,4}\b|\b(months?|weeks?|days?) ago\b",
    re.I,
)
WORD_ANSWERS = ("sex", "ms_subtype", "country")  # questions a bare number cannot answer
# The questions answered with a time ago, in question order (trials_db/lexicon/profile_fields.yml);
# each asks in the unit its name starts with: "months_since_last_relapse", "years_since_diagnosis".
TIME_SLOTS = tuple(s for s in slot_fields() if s.startswith(("months_since_", "years_since_")))
# A bare time said to these dates their own answer (when a treatment stopped, a baby was born).
DATED_ANSWERS = (*TIME_SLOTS, *THERAPY_SLOTS, "pregnant", "breastfeeding")
# Questions whose bare "none" or "nothing since" is about relapses or steroids, not treatment.
_ABOUT_RELAPSES = frozenset(
    (*(s for s in TIME_SLOTS if s.startswith("months_since_")), "relapses_past_2_years")
)


def time_question(text: str, requested: str | None, slots: Mapping[str, Any]) -> str | None:
    """The time question a bare time ago ("2 monts ago", "in 2019") answers when another question
    is open and nothing else is said: the one asked earlier and left unanswered (skipped), the
    unit deciding between several; else, for days, weeks or months, the first question asked in
    months (the last relapse) while it is unknown. None when more than one could be meant."""
    if requested is None or requested in DATED_ANSWERS:
        return None
    said = time_ago_only(text)
    if said is None:
        return None
    in_months = said[1] != "year"
    left = [s for s in TIME_SLOTS if slots.get(s) == SKIPPED]
    if len(left) > 1:
        left = [s for s in left if s.startswith("months_") == in_months]
    if left:
        return left[0] if len(left) == 1 else None
    first = next(s for s in TIME_SLOTS if s.startswith("months_"))
    return first if in_months and slots.get(first) is None else None


# An answer to "what are you on now?" that opens on nothing, before any story: "actually
# nothing, before I was in Tysabri", "None. Tysabri until 2023".
_NONE_FIRST = re.compile(
    r"^\W*(?:actually|well|currently|at the moment|right now|um+|erm)?[\s,]*"
    r"(?:nothing|none|nada|nil|not on anything|no dmt|no treatment|no meds)\s*[,.;:!-]",
    re.I,
)
# A word that says a drug is taken now, after all.
_NOW_WORD = re.compile(r"\b(?:now|currently|at the moment|these days|still|since)\b", re.I)


def _therapy_facts(
    answer: TherapyAnswer, requested: str | None, slots: Mapping[str, Any]
) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    now = slots.get("current_therapy")
    if (
        answer.nothing_now_inferred
        and known(now)
        and now != NO_THERAPY
        and now not in answer.taken
        and requested != "current_therapy"
    ):
        # "used to be on Tecfidera, stopped bc flushing" from someone on Ocrevus: the story of
        # an earlier drug, which says nothing of the one now
        answer.current = None
    prior = list(slots.get("prior_therapies") or []) if known(slots.get("prior_therapies")) else []
    if requested == "failed_therapies":
        # The question was which ones did not work: the drugs named are those, but for the ones
        # said to have worked ("Copaxone yes, Tecfidera no", "Mavenclad worked well").
        if answer.never:  # "never been on anything to fail": none taken, none now
            return {"failed_therapies": [], "prior_therapies": [], "current_therapy": NO_THERAPY}
        if answer.none or answer.said_nothing_failed:
            facts["failed_therapies"] = []
        elif answer.taken:
            failed = answer.failed or [
                d
                for d in answer.taken
                if d not in answer.worked and d not in answer.reason_not_failure
            ]
            if not answer.failed and len(answer.taken) > 1 and answer.current in failed:
                # "Tysabri, stopped for JCV. Kesimpta now": the one taken now is not what failed
                failed.remove(answer.current)
            if failed or not answer.only_asked:  # "maybe Tecfidera? not sure": not "none"
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
            # not "switched from Tecfidera", "used to be on Copaxone": then the question stays open
            now = [d for d in answer.taken if d not in answer.past and d not in answer.ended]
            if answer.current or now:
                facts["current_therapy"] = answer.current or now[-1]
            facts["prior_therapies"] = list(dict.fromkeys(prior + answer.taken))
            if answer.failed:
                facts["failed_therapies"] = list(dict.fromkeys(answer.failed))
        elif answer.current == NO_THERAPY:
            facts["current_therapy"] = NO_THERAPY
        return facts
    if (
        answer.none
    ):  # never treated: nothing can have failed, which the criteria read from prior_therapies == []
        facts["prior_therapies"] = []
        facts["current_therapy"] = NO_THERAPY
        return facts
    if not answer.taken:
        if (
            answer.current == NO_THERAPY
        ):  # "no meds currently": nothing now, the earlier ones unknown
            facts["current_therapy"] = NO_THERAPY
        return facts
    taken = (
        answer.taken
        if requested == "prior_therapies"
        else list(dict.fromkeys(prior + answer.taken))
    )
    facts["prior_therapies"] = taken
    earlier_failed = slots.get("failed_therapies") if known(slots.get("failed_therapies")) else None
    if not answer.failed and _each_stop_explained(answer):
        answer.said_nothing_failed = True
    if answer.failed or answer.said_nothing_failed or earlier_failed is not None:
        failed = list(answer.failed) + [d for d in (earlier_failed or []) if d not in answer.failed]
        facts["failed_therapies"] = [d for d in failed if d in taken]
    if answer.current:
        facts["current_therapy"] = answer.current
    return facts


def _each_stop_explained(answer: TherapyAnswer) -> bool:
    """Whether every earlier treatment is said not to have failed ("Tecfidera, stopped for the
    flushing, it didn't fail; Kesimpta since 2022"): then none failed, the one now included.
    A reason alone ("stopped JCV+") does not say so: the drug may have failed as well, and the
    form asks."""
    earlier = [d for d in answer.taken if d != answer.current]
    return (
        bool(earlier)
        and answer.current is not None
        and all(d in answer.said_not_failed for d in earlier)
    )


def therapy_names(
    text: str, facts: Mapping[str, Any], slots: Mapping[str, Any]
) -> dict[str, str] | None:
    """The brands the person named their treatments by, where results would otherwise show
    another ("Rebif", not Avonex), with those said before; None when that does not change."""
    lex = load_lexicon()
    earlier = (
        dict(slots.get("therapy_names") or {})
        if isinstance(slots.get("therapy_names"), dict)
        else {}
    )
    drugs: list[Any] = []
    for slot in THERAPY_SLOTS:
        value = facts.get(slot)
        drugs += value if isinstance(value, list) else [value]
    said = {d: brand for d in drugs if d in lex.drugs and (brand := lex.brand_said(d, text))}
    names = {
        d: brand for d, brand in {**earlier, **said}.items() if brand != lex.drugs[d].brands[0]
    }
    return names if names != earlier else None


def unrecognised_treatments(text: str | None) -> list[str]:
    """Words listed beside known treatments that name none we know ("Zorblax and Tecfidera")."""
    answer = parse_therapies(clean(text), True)
    return answer.unknown if isinstance(answer, TherapyAnswer) and answer.taken else []


def _readable(text: str | None, requested: str | None = None) -> str | None:
    """The message made plain, or None when it is no statement to read facts from: empty, a
    button payload, or one that needs a safe answer first. A message that needs only a kind
    word or a "we can't advise" (hard feelings, a question about treatment) keeps the facts of
    its other sentences ("Honestly I'm terrified. I'm 37, RRMS, on Ocrevus. Edinburgh."): the
    person should not have to type them again. Never those of the flagged sentence ("should I
    stop Ocrevus to join?" names no treatment taken), nor any beside a crisis or new symptoms."""
    t = clean(joined_lines(text or ""))  # "last relapse was in\n  March": one item
    if not t or t.startswith("/"):
        return None
    finding = check_safety(t)
    if finding is None:
        # "does placebo mean I'd be off treatment?"; "I'm forty for comma RRMS" as typed
        return _stated(t, requested)
    if finding.category not in (Category.DISTRESS, Category.ADVICE):
        return None
    kept = []
    for sentence in filter(str.strip, _SENTENCE.split(t)):
        flagged = check_safety(sentence)
        if flagged is None:
            kept.append(sentence)
        elif flagged.category is Category.DISTRESS:
            # "34, RRMS since 2020, on Tysabri - I'm terrified of losing what works": the feeling
            # is one clause; the facts beside it in the same sentence are still the person's
            clauses = [c for c in _FEELING_CLAUSE.split(sentence) if c and c.strip()]
            said = ", ".join(c.strip() for c in clauses if check_safety(c) is None)
            kept.append(said + ("." if said and said[-1] not in ".!?" else ""))
        elif flagged.category is Category.ADVICE:
            # "SPMS, 55, on Mayzent since 2022 - would Kesimpta be better for me?": the question
            # goes with every drug it names; the statements before it in its sentence stay
            clauses = [c for c in _ADVICE_CLAUSE.split(sentence) if c and c.strip()]
            # (the clause with the words that asked goes too, though alone it names no drug:
            # "Ocrevus works for most, so I should be fine")
            cue = re.compile(rf"(?<!\w){re.escape(flagged.cue)}(?!\w)", re.I)
            said = ", ".join(
                c.strip()
                for c in clauses
                if check_safety(c) is None
                and not cue.search(c)
                and not _ASKING.match(c)
                and "?" not in c
                # (a drug alone is the answer when the treatment was asked: "just Copaxone -
                # should I have gone straight to Ocrevus?")
                and (requested in THERAPY_SLOTS or not _drug_only_named(c))
            )
            kept.append(said + ("." if said and said[-1] not in ".!?" else ""))
    rest = " ".join(k for k in kept if k).strip()
    if rest and check_safety(rest) is not None:
        # "... Came off Kesimpta in June. Are there studies, or should I wait?": the question is
        # advice only beside the drug named elsewhere; the statements stay, the question goes
        rest = " ".join(k for k in kept if k and not k.rstrip().endswith("?")).strip()
    return _stated(rest, requested) if rest and check_safety(rest) is None else None


# "the last was ...", "latest one ...", "most recent ...": the last relapse's time told.
_LAST_WORD = re.compile(r"\b(?:last|latest|most recent)\b", re.I)


def _stated(text: str, requested: str | None = None) -> str:
    """What the message states: without questions about what would be, nor conditions and what
    would follow from them ("If I got pregnant I'd stop Tecfidera"); a denial with an exception
    said as the exception ("not on anything except Tysabri")."""
    text = with_exceptions(text, requested)
    said = without_conditions(without_what_would_be(with_time_spread(read_dictation(text))))
    return without_lay_opinions(without_double_denials(without_retracted(said)))


# A birth told: "my son arrived in October", "the baby was born in June".
_RECENT_BIRTH = re.compile(
    r"\b(?:was born|were born|arrived|gave birth|delivered|had (?:my|the|our|a) baby)\b", re.I
)
# An answer that says the fact has ended: "not anymore", "no longer".
_NO_LONGER = re.compile(r"^\W*(?:no,?\s+)?(?:not any ?more|no longer|not any longer)\b", re.I)
# The clauses of a sentence that asks for advice: its statements are cut from the question by
# a dash, a comma or a semicolon ("SPMS, 55, on Mayzent - would Kesimpta be better for me?").
_ADVICE_CLAUSE = re.compile(r"\s+[-\u2013\u2014]+\s+|[,;:]\s*")
# A clause that asks: "would ...", "should I ...", "is it ...".
_ASKING = re.compile(
    r"\W*(?:and\s+|but\s+|so\s+)?(?:would|should|could|can|is|are|do|does|did|which|what|how|will|"
    r"may|might|shall|am|was|were|if|whether)\b",
    re.I,
)
# Words that state a drug as taken, in a clause of its own: "on Mayzent since 2022", and its
# years ("Betaseron 1998-2003", "rituximab from 2018").
_TAKING = re.compile(
    r"\b(?:i'?m|i am|im|on|taking|take|since|started|been|have|had|was|stopped|using|tried|"
    r"from|until|till|now|currently|i|we|switched|changed|went|(?:19|20)\d\d)\b|'\d\d\b",
    re.I,
)


def _drug_only_named(clause: str) -> bool:
    """Whether a clause beside a question for advice names a drug without saying it is taken
    ("Kesimpta - should I take it?"): then the drug is the question's, never a treatment taken."""
    answer = parse_therapies(clause, False)
    named = isinstance(answer, TherapyAnswer) and bool(answer.taken)
    return named and not _TAKING.search(clause)


# A message's sentences, for reading the ones beside a flagged one.
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
# The clauses of a sentence that tells a hard feeling, for keeping the facts beside it.
_FEELING_CLAUSE = re.compile(r"\s+[-\u2013\u2014]+\s+|[,;:]\s*|\s+(?:and|but|so)\s+", re.I)


def read_facts(
    text: str | None, intent: str | None, requested: str | None, slots: Mapping[str, Any]
) -> dict[str, Any]:
    """Slot name -> value (or Invalid) for every fact found in the message."""
    t = _readable(text, requested)
    return {} if t is None else _facts_of(t, intent, requested, slots)


def _facts_of(
    t: str, intent: str | None, requested: str | None, slots: Mapping[str, Any]
) -> dict[str, Any]:
    """read_facts of a message already made plain and found readable (_readable)."""
    replying = requested is not None  # the one who has been answering is the patient
    t = own_words(
        say_plainly(fix_spelling(t)), replying
    )  # "my mum is 70 and has SPMS, I'm 44 with RRMS": only the writer's facts
    t, relative_sex = as_patient(
        t, replying
    )  # "I'm writing for my wife. she is 47": her facts, in her words
    facts: dict[str, Any] = {}

    def put(slot: str, value: Any) -> None:
        if value is not None:
            facts[slot] = to_slot(value)

    age = parse_age(
        t,
        requested == "age"
        or (requested in WORD_ANSWERS and re.fullmatch(r"\W*\d{2}\W*", t) is not None),
    )
    put("age", age)  # a bare "43" to the sex question is an age: it cannot be the answer asked for
    sex = parse_sex(t, requested == "sex")
    if requested == "sex" or not isinstance(sex, Invalid):
        put("sex", sex if sex is not None else relative_sex)
    put("ms_subtype", parse_subtype(t, requested == "ms_subtype"))
    edss = parse_edss(t, requested == "edss")
    if isinstance(edss, tuple):  # "3 or 3.5": kept as a range, like an estimate from walking
        facts.update({"edss": ESTIMATED, "edss_range": list(edss), "edss_is_estimate": False})
    else:
        put("edss", edss)

    therapies = parse_therapies(t, requested in THERAPY_SLOTS)
    if isinstance(therapies, Invalid):
        facts[requested if requested in THERAPY_SLOTS else "prior_therapies"] = therapies
    elif therapies is not None and (
        requested in THERAPY_SLOTS
        or therapies.taken
        or (
            (therapies.none or therapies.current == NO_THERAPY)
            # "1 in 2022, none since" to a time or count question: no treatment was spoken of
            and not (requested in _ABOUT_RELAPSES and not FACT_WORDS["treatment"].search(t))
            # ... nor "not currently, but I was in 2023" to the pregnancy question
            and not (
                requested in ("pregnant", "breastfeeding")
                and re.match(NOT_NOW_OPENING + r"(?!\s+on)", t)
            )
        )
    ):
        none_first = _NONE_FIRST.match(t) is not None
        if (
            requested == "current_therapy"
            and none_first
            and therapies.current in (None, *therapies.taken)
            and not _NOW_WORD.search(t)
        ):
            # "nothing, before I was on Tysabri": the answer comes first, the drug is history
            therapies.current = NO_THERAPY
            therapies.past = list(therapies.taken)
        if requested == "failed_therapies" and none_first and not therapies.failed:
            # "none - I relapsed in May but I was on a break from Zeposia then": the answer
            # first, then why
            therapies.said_nothing_failed = True
        facts.update(_therapy_facts(therapies, requested, slots))
        names = therapy_names(t, facts, slots)
        if names is not None:
            facts["therapy_names"] = names

    if requested in ("pregnant", "breastfeeding") or re.search(
        r"pregnan|breast ?feed|nursing|lactat", t, re.I
    ):
        asked = requested if requested in ("pregnant", "breastfeeding") else None
        pregnancy = parse_pregnancy(t, intent if asked else None, asked=asked)
        if isinstance(pregnancy, Invalid):
            facts[requested or "pregnant"] = pregnancy
        elif pregnancy:
            if (
                pregnancy.get("breastfeeding") is False
                and _RECENT_BIRTH.search(t)
                and not re.search(r"breast ?feed|nursing|lactat|pumping|formula|bottle", t, re.I)
            ):  # "no, my son arrived in October": not pregnant; feeding him is not said
                pregnancy = {k: v for k, v in pregnancy.items() if k != "breastfeeding"}
            if asked and _NO_LONGER.match(t):
                facts["sex"] = "female"  # "not anymore" to it: she was pregnant or nursing
            for key, value in pregnancy.items():
                if (
                    requested == "breastfeeding"
                    and key == "pregnant"
                    and "breastfeeding" not in pregnancy
                ):
                    continue
                facts[key] = value

    if facts.get("sex") == "male" or slots.get("sex") == "male":
        # "breastfeeding?? i'm a 70 year old man", "he's a 52 year old man lol": a man's
        # pregnancy or breastfeeding is a joke or a slip, never taken as true
        for key in ("pregnant", "breastfeeding"):
            if facts.get(key) is True:
                del facts[key]
    if "sex" not in facts and (
        facts.get("pregnant") is True
        or facts.get("breastfeeding") is True
        or carried_a_pregnancy(t)
    ):  # "I'm 20 weeks pregnant", "came off it for my pregnancy": she is a woman
        facts["sex"] = "female"
    if (
        requested in ("pregnant", "breastfeeding")
        and facts.get("sex") == "male"
        and not any(k in facts for k in ("pregnant", "breastfeeding"))
    ):  # "I'm a guy lol": neither
        facts.update({"pregnant": False, "breastfeeding": False})

    # "2 monts ago" to the sex question: read as the answer to the time question it belongs to.
    late = None if requested in facts else time_question(t, requested, slots)
    relapse = parse_months_since_relapse(
        t,
        "months_since_last_relapse" in (requested, late),
        asked_count=requested == "relapses_past_2_years",
    )
    put("months_since_last_relapse", relapse)
    put("relapses_past_2_years", parse_relapse_count(t, requested == "relapses_past_2_years"))
    story = dated_relapses(t, requested in ("months_since_last_relapse", "relapses_past_2_years"))
    # "... turned out to be a pseudo-relapse. Last real one was May 2023": the one the writer
    # calls the last is, though another is dated later
    last_said = LAST_ONE_SAID.search(t)
    named_last = isinstance(relapse, (int, float)) and last_said is not None
    if story and named_last and min(story) < relapse - 1:
        story = []  # a later one told, yet not the last: the story is not the relapses
    if story:  # "a relapse in June 2025 and one in January 2026": the last is the latest
        said = facts.get("months_since_last_relapse")
        if (isinstance(said, (int, float)) and said > min(story)) or (
            said is None and re.search(r"\b(?:19|20)\d\d\b|\d/\d", t)  # not months alone
        ):
            facts["months_since_last_relapse"] = to_slot(min(story))
        if (
            "relapses_past_2_years" not in facts
            and (requested == "relapses_past_2_years" or tells_every_relapse(t))
            and not any(24 < m < 30 for m in story)
        ):
            # each relapse told, none a year-only date that may fall either side of two years
            facts["relapses_past_2_years"] = sum(1 for m in story if m <= 24)
    if (
        # (or only a count it could not read: "the last was October 2024" to the count)
        isinstance(facts.get("relapses_past_2_years", Invalid()), Invalid)
        and isinstance(relapse, (int, float))
        # a year alone ("in 2024") may mean its December: only a year wholly over 2 years ago
        and relapse
        - (
            0
            if relapse == NEVER
            or _MONTH_SAID.search(about(t, "relapse", True))
            # "two and a half years ago": a time counted back, not a year that may be its end
            or re.search(r"\b(?:years?|months?)\s+ago\b", about(t, "relapse", True) or "", re.I)
            # "... and the last one in November 2024": the month of the one called the last
            or (named_last and _MONTH_SAID.search(t[last_said.end() :][:30]))
            else 6
        )
        > 24
        and (
            relapse == NEVER
            or _LAST_RELAPSE_SAID.search(t)
            or requested == "months_since_last_relapse"  # the question asked for the last one
            # ... or the count, answered by the last one's time ("the last was October 2024")
            or (requested == "relapses_past_2_years" and _LAST_WORD.search(t) is not None)
        )
    ):  # the last relapse more than two years ago (or never): none in the past two years
        facts["relapses_past_2_years"] = 0
    known_age = (
        age
        if isinstance(age, (int, float))
        else slots.get("age")
        if isinstance(slots.get("age"), (int, float))
        else None
    )
    put(
        "years_since_diagnosis",
        parse_years_since_diagnosis(t, "years_since_diagnosis" in (requested, late), known_age),
    )
    put(
        "months_since_steroids",
        parse_months_since_steroids(
            t,
            "months_since_steroids" in (requested, late),
            relapse if isinstance(relapse, (int, float)) else None,
        ),
    )
    put("country", read_country(t, requested == "country"))
    if requested in YEAR_SLOTS and unsure_which_year(t):
        facts.pop(requested, None)  # "maybe 2019 or 2020?": not sure which, so not taken
    if (
        "relapses_past_2_years" not in facts
        and facts.get("current_therapy") not in (None, NO_THERAPY)
        and _NONE_ON_TREATMENT.search(t)
    ):
        # "on Vumerity since 2023 after Tecfidera, no relapses on either": none while treated,
        # and treated to this day, so none lately (when the relapses were before, unknown)
        facts["relapses_past_2_years"] = 0
    return facts


# Relapses denied over several treatments, one taken now: "no relapses on either" (not "on
# Kesimpta for 1 year, no relapses on it", a time that may not cover two years).
_NONE_ON_TREATMENT = re.compile(
    r"\b(?:no|not (?:a )?single|not one|zero)\s+(?:relapses?|attacks?)\s+(?:at all\s+)?"
    r"(?:on|while on|whilst on)\s+(?:either|both|any of them|all of them|all three)\b",
    re.I,
)


# The facts a year dates; two years given as alternatives ("2019 or 2020", "2008 i think, or
# 2009") settle none of them.
YEAR_SLOTS = ("months_since_last_relapse", "years_since_diagnosis", "months_since_steroids")
_YEAR_ALTERNATIVES = re.compile(
    r"\b((?:19|20)\d\d)\b[^.;!?\d]{0,15}\bor\s+(?:maybe\s+)?((?:19|20)\d\d)\b"
)


def unsure_which_year(text: str | None) -> bool:
    """Whether the message gives two different years as alternatives: an answer that is no
    date, which the form leaves to the study team instead of asking again."""
    m = _YEAR_ALTERNATIVES.search(text or "")
    return m is not None and m.group(1) != m.group(2)


def message_facts(
    text: str | None,
    intent: str | None,
    requested: str | None,
    slots: Mapping[str, Any],
    places: bool = True,
) -> dict[str, Any]:
    """What the form takes from one message: its profile facts and, with ``places``, where the
    person lives ("I live in Dublin", "from near Stuttgart"); the country of that place when
    the message names none and none is known yet."""
    edits = list(_EDIT_LINE.finditer(text or ""))
    if edits and text:
        return _edited_facts(text, edits, intent, requested, slots, places)
    parts = own_parts(text)
    if parts is not None:
        # a reply that quotes: only the writer's own lines, each read as the answer to the
        # question of the bot quoted above it (none beside a crisis or new symptoms)
        own = "\n".join(p.text for p in parts)
        if not own.strip() or _readable(own, requested) is None:
            return {}
        facts: dict[str, Any] = {}
        for part in parts:
            said = message_facts(part.text, intent, part.asked or requested, slots, places)
            for slot, value in said.items():
                facts[slot] = _joined(facts.get(slot), value)
        return facts
    t = _readable(text, requested)
    if t is None:
        return {}
    facts = _facts_of(t, intent, requested, slots)
    if requested in _YES_NO and facts.get(requested) is False and excepted_denial(t, requested):
        del facts[requested]  # "not really, apart from the odd night feed": no plain "no"
    if not places:
        return facts
    flag = flag_country(t)
    if flag and "country" not in facts:  # "19 f 🇬🇧"
        facts["country"] = flag
    if requested == "country" and "country" not in facts:  # "ontario", "bavaria", "glasgow"
        now = FORMER_HOME.sub(" ", t)  # "Buffalo - we moved down from Ontario": not Ontario
        region = region_country(now)
        town = resolve_place(now, strict=True) if region is None else None
        said = region[1] if region else town.country if town is not None else None
        if said:
            facts["country"] = said
    # "My sister lives in Hamburg. Me: 39, in Leeds": the place the writer's label heads (not
    # "My daughter lives in Toronto - I'm in Buffalo", where the daughter may be the patient)
    mine = own_words(t, requested is not None) if sets_own_facts_apart(t) else t
    place = read_place_facts(as_list_items(mine), requested == "home_place", other_vocabulary())
    facts.update(place)
    home = place.get("home_place")
    if (
        isinstance(home, dict)
        and home.get("country")
        and "country" not in facts
        and not known(slots.get("country"))
    ):
        facts["country"] = home["country"]
    if (
        isinstance(home, dict)
        and home.get("country")
        and facts.get("country") not in (None, home["country"])
        and _names_within(str(facts["country"]), str(home.get("label", "")).split(",")[0])
    ):  # "New Mexico": the state, not the country inside its name
        facts["country"] = home["country"]
    elif (
        isinstance(home, dict)
        and home.get("country")
        and facts.get("country") not in (None, home["country"])
        and not isinstance(facts.get("country"), Invalid)
    ):
        town = str(home.get("label", "")).split(",")[0].strip().lower()
        if town and load_lexicon().country(town):
            del facts["home_place"]  # "i live in scotland": the country, not Scotland, PA
        elif town and re.search(
            rf"\b(?:live|living|based|reside|residing|settled)\s+(?:\w+\s+){{0,2}}?in\s+"
            rf"{re.escape(town)}\b",
            t.lower(),
        ):  # "Naija girl living in London": where she lives, over where she is from
            facts["country"] = home["country"]
        elif not town or not re.search(rf"\b{re.escape(town)}\b", t.lower()):
            # "I'm in Ireland": a town abroad the message never names is not where they live
            del facts["home_place"]
    return facts


# A later line that edits or adds to the message ("Edit: update - had my first Kesimpta pen on
# Friday!", "EDIT 2: ok no, the dx was July", "ETA: ...", "PS they rescored me at 5.5", "One more
# thing - ..."): what it says of a fact wins over the lines above.
_EDIT_LINE = re.compile(
    r"\n\s*[*_(\[]*\s*(?:(?:edit(?:ed)?|update[d]?|eta|correction)\s*\d*\s*[*_)\]]*\s*"
    r"[:\-\u2013\u2014]|p\.?\s?p?\.?\s?s\b\.?:?|one more thing\b\W*|"
    r"(?:oh\s+)?(?:and\s+)?(?:also\s+)?(?:i\s+)?forgot\s+to\s+(?:say|mention|add)\b\W*)",
    re.I,
)


def _joined(old: Any, new: Any) -> Any:
    """A slot said again: a list gains the new items (in order, once each); else the new value."""
    if isinstance(new, list) and isinstance(old, list):
        return list(dict.fromkeys([*old, *new]))
    return new


def _edited_facts(
    text: str,
    edits: list[re.Match[str]],
    intent: str | None,
    requested: str | None,
    slots: Mapping[str, Any],
    places: bool,
) -> dict[str, Any]:
    """message_facts of a message with edit lines: the whole read as one, then each edit read
    on its own; a fact an edit states that the lines above it stated otherwise is the edit's
    (a list gains the edit's items)."""
    facts = message_facts(_EDIT_LINE.sub("\n", text), intent, requested, slots, places)
    for i, edit in enumerate(edits):
        end = edits[i + 1].start() if i + 1 < len(edits) else len(text)
        if speaks_of_others(text[edit.end() : end]):
            continue  # "PS my sister has MS too, she's 44": read alone, hers would seem mine
        above = message_facts(text[: edit.start()], intent, requested, slots, places)
        said = message_facts(text[edit.end() : end], intent, requested, slots, places)
        for slot, value in said.items():
            if slot not in above or above[slot] == value:
                continue
            facts[slot] = _joined(facts.get(slot), value)
    return facts


# The questions answered yes or no whose "no" an exception can take back.
_YES_NO = frozenset({"pregnant", "breastfeeding"})


def _names_within(country: str, place: str) -> bool:
    """Whether ``place`` ("New Mexico") holds the name of ``country`` ("Mexico") as words of a
    longer name."""
    return (
        re.search(rf"\b{re.escape(country.lower())}\b", place.lower()) is not None
        and place.lower() != country.lower()
    )
