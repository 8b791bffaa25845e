"""The safety check (trials_db/safety.py) on hand-written phrasings of every category.

Three sets, all written by hand for this bot, none by the rules' author: `phrases_dev.yml`
(the rules were tuned on it), `phrases_held_out.yml` (scored once after tuning, then tuned on)
and `phrases_fresh.yml` (written after that, scored once, then tuned on). docs/safety.md
gives the first-scoring numbers of each. Crisis recall must be 100 %: a miss can cost a life.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from trials_db.lexicon import load as load_lexicon
from trials_db.safety import (
    CRISIS_LINES_FILE,
    SAFETY_INTENTS,
    Category,
    check,
    crisis_lines,
    normalise,
    rules,
)

HERE = Path(__file__).resolve().parent
SETS = ("phrases_dev.yml", "phrases_held_out.yml", "phrases_fresh.yml")
CATEGORIES = ("crisis", "symptoms", "advice", "none")


def phrases(category: str) -> list[str]:
    found: list[str] = []
    for name in SETS:
        found += yaml.safe_load((HERE / name).read_text(encoding="utf-8")).get(category) or []
    return found


def category_of(text: str) -> str:
    finding = check(text)
    return finding.category.value if finding else "none"


@pytest.mark.parametrize("category", CATEGORIES)
def test_at_least_150_phrasings_per_category(category):
    assert len(set(phrases(category))) >= 150


@pytest.mark.parametrize("text", phrases("crisis"))
def test_every_crisis_phrasing_gets_the_crisis_answer(text):
    assert category_of(text) == "crisis"


@pytest.mark.parametrize("text", phrases("symptoms"))
def test_new_or_sudden_symptoms_are_answered_first(text):
    assert category_of(text) in ("symptoms", "crisis")  # a crisis answer is never less safe


@pytest.mark.parametrize("text", phrases("advice"))
def test_requests_for_medical_advice_are_recognised(text):
    assert category_of(text) in ("advice", "symptoms", "crisis")


@pytest.mark.parametrize("text", phrases("none"))
def test_ordinary_messages_raise_no_alarm(text):
    # `distress` is a careful sentence that lets the screening go on: not an alarm.
    assert category_of(text) in ("none", "distress"), check(text)


def test_false_alarm_rates_stay_low():
    """Report-style check over all negatives: at most 1 in 50 gets an alarm."""
    negatives = phrases("none")
    alarms = [t for t in negatives if category_of(t) in ("crisis", "symptoms", "advice")]
    assert len(alarms) <= len(negatives) // 50, alarms


# The three messages of the issue, and the documented choices.


def test_the_messages_seen_in_the_field():
    assert (
        category_of(
            "I've lost vision in one eye since yesterday and my legs are numb, " "what should I do?"
        )
        == "symptoms"
    )
    assert category_of("I feel hopeless, I don't want to live anymore") == "crisis"
    assert category_of("should I stop taking Ocrevus to join a trial?") == "advice"


def test_not_wanting_to_live_with_ms_symptoms_is_a_careful_answer_not_a_crisis():
    assert (
        category_of("I don't want to live with MS symptoms forever, what trials are there?")
        == "distress"
    )
    assert category_of("I don't want to live anymore") == "crisis"
    assert category_of("I don't want to live like this") == "crisis"


def test_a_denial_still_gets_a_careful_answer():
    assert category_of("I'm not suicidal, I just want information") == "distress"
    assert category_of("I'm not suicidal but I wish I wasn't alive") == "crisis"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I had optic neuritis in 2015", "none"),
        ("I've had numbness in my legs for 10 years", "none"),
        ("my last relapse was 6 months ago", "none"),
        ("no new symptoms since yesterday", "none"),
        ("I can't walk more than 100 metres", "none"),
        ("I can't see out of my left eye since this morning", "symptoms"),
        ("I haven't been able to pee since last night", "symptoms"),
        ("i think im having a relapse", "symptoms"),
        # dates, a steroid course's length, MRI lesions and a self-injection are history...
        ("last relapse 07/2025 (steroids 5 days)", "none"),
        ("MRI showed new lesions and I had a relapse, so they took me off", "none"),
        ("the kesimpta pen thing, I do it myself at home", "none"),
        # ...but not when the same sentence says it is happening now
        ("last relapse 07/2025 and since yesterday I cant see", "symptoms"),
        ("I have new lesions on my MRI and my vision went blurry this morning", "symptoms"),
        ("if nobody helps me i will do it myself", "crisis"),
    ],
)
def test_history_and_denied_symptoms_are_not_alarms(text, expected):
    assert category_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A screening history, false alarms found on the second fresh message set (2026-12-03):
        ("my neuro said i should look into trials. 38 f, rrms, on ocrevus", "none"),
        ("rrms, neuro put me on mavenclad in 2023 and 2024", "none"),
        ("starting treatment next month, not sure which one yet", "none"),
        ("interferon shots (cant remember which brand), then aubagio, now ponvory", "none"),
        ("ive had 5 relapses since diagnosis but only 1 in the past two years", "none"),
        ("first ever relapse was last month, got 3 days iv steroids", "none"),
        ("last relapse was when i was pregnant with my youngest, she's 10 now", "none"),
        (
            "on ocrevus since 2021, before that tecfidera which stopped working after 2 relapses",
            "none",
        ),
        # ... and on the third fresh set (next session):
        ("Doctor started me on Copaxone but I am not able to take it daily", "none"),
        ("had optic neuritis in sept, neuro says CIS for now", "none"),
        ("The neurologist calls it RIS - I've never had any symptoms", "none"),  # not German "neu"
        (
            "ive had three relapses in the last two years the most recent was about six weeks "
            "ago im currently on no treatment",
            "none",
        ),
        # ... and on the fifteenth patient set: an arrow's time up to now is history
        (
            "Copaxone (2011) -> Tecfidera (2014) -> Tysabri (2017, after 2 relapses on "
            "Tecfidera) -> Ocrevus (2021 -> now). 52F, RRMS dx 2010, Seattle.",
            "none",
        ),
        # a steroid course's length is no symptom's
        (
            "don't know the number but I had a relapse in October 2026 and steroids for 5 days",
            "none",
        ),
        # ... and on the sixteenth: a treatment's own length, and "new" naming a date or a place
        (
            "Impression: Relapsing MS with a clinical relapse in September 2026 (left optic "
            "neuritis), treated with IV methylprednisolone 1 g for 3 days.",
            "none",
        ),
        (
            "My last attack was just after new year and it was a bad one, first one in 5 years.",
            "none",
        ),
        ("I moved to New Zealand and I have a new neurologist", "none"),
        # ... and on the forty-fifth: a course's days in other words, full dates, a slow change
        (
            "Copaxone 2022-2026 but it failed to stop the poussées (relapses) - the last one was "
            "in 01/2026, treated with 3 days of cortisone.",
            "none",
        ),
        ("Last relapse 18/11/2019, given methylprednisolone 1 g x 5 days the same week.", "none"),
        ("In 02.2024 I had a brote (relapse) and 5 days of corticoides.", "none"),
        ("Nothing now, and since I came off it my walking has got worse.", "none"),
        ("relapse started 3 days ago, on 5 days of steroids", "symptoms"),
        ("since I stopped Tysabri yesterday my legs are numb", "symptoms"),
        # ... and the alarms next to them stay alarms:
        ("on steroids and my legs have been numb for 3 days", "symptoms"),
        ("I have new numbness in my leg", "symptoms"),
        ("new weakness since my new neurologist changed my meds", "symptoms"),
        ("relapse -> now my legs are numb since yesterday", "symptoms"),
        ("I can't take it anymore", "crisis"),
        ("I am not able to take it", "crisis"),
        ("neue Symptome seit gestern", "symptoms"),
        ("my eye went blurry this morning", "symptoms"),
        ("should they put me on ocrevus?", "advice"),
        ("which one is better for me, Ocrevus or Kesimpta?", "advice"),
        ("I had a relapse since yesterday", "symptoms"),
        ("I cant remember anything since this morning", "symptoms"),
        ("my legs have been numb for 3 days", "symptoms"),
    ],
)
def test_a_screening_history_is_no_alarm_and_a_new_problem_still_is(text, expected):
    assert category_of(text) == expected


@pytest.mark.parametrize(
    "text, language",
    [
        ("quiero morir", "es"),
        ("ich will nicht mehr leben", "de"),
        ("je veux mourir", "fr"),
        ("voglio farla finita", "it"),
        ("quero me matar", "pt"),
        ("I want to die", "en"),
    ],
)
def test_the_language_of_a_crisis_message_is_known(text, language):
    finding = check(text)
    assert finding and finding.category is Category.CRISIS and finding.language == language


def test_typing_habits_do_not_hide_a_crisis():
    for text in (
        "i wnat to die",
        "I DON’T WANT TO LIVE ANYMORE",
        "im gonna kms",
        "sucidal",
        "Ich will nicht mehr lében",
        "idw 2 b alive",
    ):
        assert category_of(text) == "crisis", text


def test_button_payloads_and_empty_messages_are_left_alone():
    assert check("/affirm") is None and check("") is None and check(None) is None


def test_normalise_folds_what_phones_send():
    assert normalise("I DON’T  want") == "i dont want"


def test_every_category_has_an_intent():
    assert SAFETY_INTENTS == {
        "safety_crisis",
        "safety_symptoms",
        "safety_advice",
        "safety_distress",
    }


def test_rules_compile_and_drug_names_come_from_the_lexicon():
    r = rules()
    assert r.drug.search("should i stop tysabri") and r.drug.search("is ocrelizumab safe")


# Crisis lines: data, per country, with a default.


def test_every_country_of_the_crisis_lines_is_a_lexicon_country():
    table = yaml.safe_load(CRISIS_LINES_FILE.read_text(encoding="utf-8"))
    lex = load_lexicon()
    for country in table["countries"]:
        assert lex.country(country) == country, country
    assert "emergency" in table["default"] and table["default"]["lines"]


def test_crisis_lines_by_country_language_and_default():
    assert crisis_lines("United States").emergency == "911"
    assert "988" in crisis_lines("United States").lines[0]
    assert "116 123" in crisis_lines("United Kingdom").lines[0]
    assert crisis_lines(None, "de").emergency == "den Notruf 112"
    assert crisis_lines(None).emergency == "your local emergency number"
    assert crisis_lines("Atlantis").emergency == "your local emergency number"


def test_a_deployment_can_bring_its_own_crisis_lines(tmp_path, monkeypatch):
    own = tmp_path / "lines.yml"
    own.write_text("default:\n  emergency: '000'\n  lines: ['Our clinic line: 555 0100']\n")
    monkeypatch.setenv("CRISIS_LINES_FILE", str(own))
    assert crisis_lines(None).emergency == "000"
    assert crisis_lines("United States").lines == ("Our clinic line: 555 0100",)


def test_a_bare_emergency_number_is_not_a_symptom_but_calling_one_is():
    assert category_of("999") == "none" and category_of("Ⅻ 999") == "none"
    assert category_of("I called 911, my legs went numb") == "symptoms"


@pytest.mark.parametrize(
    "text, expected",
    [
        # built after fresh9: false alarms that dropped every fact of a screening message
        ("Yours faithfully, Bridget Flanagan (Mrs)", "none"),  # a name, not "bridge"
        ("My name is Olive Mills, 45, RRMS", "none"),  # not "alive", not "pills"
        ("I'm in a phase 3 trial (blinded, could be the drug or placebo) since 2025", "none"),
        ("It was a double-blind study, I'm on Tysabri now", "none"),
        ("my partner reckons I should check this out. 29, RRMS, on ocrevus", "none"),
        # and what must still alarm
        ("I was blinded in my left eye since yesterday", "symptoms"),
        ("my vision went double this morning", "symptoms"),
        ("I feel hopeles and Suicdal", "crisis"),  # a lone capital is still fixed
        ("I Feel So Suicdal Tonight", "crisis"),  # so is a message in Title Case
        ("Bridge. I am standing on it now", "crisis"),
        ("I should stop Ocrevus to join, right?", "advice"),
    ],
)
def test_names_and_trial_words_are_no_alarm_and_the_cues_still_are(text, expected):
    assert category_of(text) == expected


def test_until_now_is_a_duration_not_a_symptom_now():
    # built after fresh10: "I take it until now" after relapses told as history
    assert (
        category_of("I had 3 relapses on it so doctor change to fingolimod, I take it until now")
        == "none"
    )
    assert category_of("my legs are numb right now") == "symptoms"


def test_a_year_after_until_or_from_dates_a_symptom_as_history():
    # built after fresh11: a treatment story, not a symptom today
    assert (
        category_of(
            "Tried Avonex until the flu-like side effects got too much, then Gilenya until "
            "2023 when my walking got worse on it."
        )
        == "none"
    )
    assert category_of("my walking got worse since yesterday") == "symptoms"


@pytest.mark.parametrize(
    "text, expected",
    [
        # built after fresh12: false alarms that dropped every fact of a screening message
        ("Diagnosed 2006, last relapse 3 years later and none since.", "none"),
        ("the neuro stopped them because his disability kept getting worse anyway", "none"),
        (
            "Previously did a trial of an experimental drug vs Aubagio (I got the Aubagio arm)",
            "none",
        ),
        # and what must still alarm
        ("I had a relapse since yesterday", "symptoms"),
        ("my legs kept getting weaker since yesterday", "symptoms"),
        ("I was in a trial, should I stop Ocrevus vs switch?", "advice"),
        ("Ocrevus vs Kesimpta for me?", "advice"),
        # built after fresh13: a formal courtesy, a treatment or a course now
        ("I should be grateful for any information regarding suitable studies.", "none"),
        ("she was on tecfedera but had relapes on it so now she on ocrevis", "none"),
        ("the letter says 'now SPMS with superimposed relapses'", "none"),
        ("I would be grateful if you told me whether I should stop Tysabri", "advice"),
        ("I had a relapse and now my legs are numb", "symptoms"),
        # built after fresh38: what the writer adds to their own words
        ("I'm not pregnant - oh wait, I should say I'm breastfeeding, off Kesimpta", "none"),
        ("I should mention I'm on Ocrevus since 2021", "none"),
        ("I should stop Ocrevus, right?", "advice"),
    ],
)
def test_a_story_of_a_past_trial_or_relapse_is_no_alarm_and_a_question_still_is(text, expected):
    assert category_of(text) == expected


def test_chat_shorthand_for_without_denies_the_symptom():
    # built after fresh14: "w/o any relapses since starting" raised a symptom alarm
    assert check("on ocrevus w/o any relapses since starting") is None
    assert check("on ocrevus w/out a relapse since starting") is None
    assert check("had a relapse since yesterday, w/o warning") is not None
