"""Reading what patients actually type (trials_db.patient_text, trials_db.edss_estimate)."""
from __future__ import annotations

import datetime as dt

import pytest

from trials_db.edss_estimate import estimate, parse_aid, parse_distance, parse_impact
from trials_db.patient_text import (
    Invalid,
    clean,
    parse_age,
    parse_country,
    parse_edss,
    parse_months_since_relapse,
    parse_pregnancy,
    parse_sex,
    parse_subtype,
    parse_therapies,
    parse_years_since_diagnosis,
    says_dont_know,
)
from trials_db.profile import NEVER

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize("text, requested, age", [
    ("34", True, 34), ("I'm thirty-four", False, 34), ("I am 61 years old", False, 61),
    ("born in 1990", False, 36), ("I'm 34 with RRMS, EDSS 3.5", False, 34),
    ("34", False, None),  # a bare number only answers the age question
    ("I was diagnosed 5 years ago", True, None),
])
def test_age(text, requested, age):
    assert parse_age(text, requested, today=TODAY) == age


@pytest.mark.parametrize("text", ["200", "I am 200", "-5", "born in 2099"])
def test_impossible_age_is_explained(text):
    result = parse_age(text, True, today=TODAY)
    assert isinstance(result, Invalid) and "age" in result.reason


@pytest.mark.parametrize("text, subtype", [
    ("relapsing remitting", "RRMS"), ("RRMS", "RRMS"), ("SPMS", "SPMS"), ("relapsing MS", "RRMS"),
    ("the progressive kind from the start", "PPMS"), ("primary progressive", "PPMS"),
    ("it was relapsing remitting, now secondary progressive", "SPMS"),
    ("clinically isolated syndrome", "CIS"),
])
def test_subtype(text, subtype):
    assert parse_subtype(text, True) == subtype


def test_ambiguous_progressive_asks_which():
    result = parse_subtype("progressive", True)
    assert isinstance(result, Invalid) and "primary progressive" in result.reason


@pytest.mark.parametrize("text, requested, edss", [
    ("3.5", True, 3.5), ("EDSS four and a half", False, 4.5), ("around 6", True, 6.0),
    ("my edss is 6,5", False, 6.5), ("I'm 34 with RRMS, EDSS 3.5", False, 3.5), ("0", True, 0.0),
    ("3.5", False, None),
])
def test_edss(text, requested, edss):
    assert parse_edss(text, requested) == edss


@pytest.mark.parametrize("text, words", [("12", "0 to 10"), ("3.3", "half steps"), ("0.5", "isn't on the scale")])
def test_edss_off_the_scale_is_explained(text, words):
    result = parse_edss(text, True)
    assert isinstance(result, Invalid) and words in result.reason


def test_therapies_with_failure_and_order():
    answer = parse_therapies("Tecfidera then Ocrevus, Tecfidera didn't work", True)
    assert answer.taken == ["dimethyl fumarate", "ocrelizumab"]
    assert answer.failed == ["dimethyl fumarate"]
    answer = parse_therapies("Tecfidera, it did not work", True)
    assert answer.failed == ["dimethyl fumarate"]


@pytest.mark.parametrize("text, taken", [
    ("tecfidra", ["dimethyl fumarate"]),  # a misspelling
    ("Ocrevis", ["ocrelizumab"]),  # a near miss
    ("interferon", ["interferon beta"]),  # which one is not known: the class still counts
    ("I was on DMF and GA", ["dimethyl fumarate", "glatiramer acetate"]),
])
def test_therapy_spellings(text, taken):
    assert parse_therapies(text, True).taken == taken


def test_current_none_and_side_effects():
    answer = parse_therapies("Copaxone for years, now on Kesimpta", True)
    assert answer.current == "ofatumumab"
    assert parse_therapies("none", True).none
    assert parse_therapies("I've never had any treatment", True).none
    # Stopped for side effects is not a treatment failure.
    assert parse_therapies("I took Gilenya but stopped because of side effects", True).failed == []


@pytest.mark.parametrize("text, unknown", [
    ("Zorblax and tecfidra", ["Zorblax"]), ("Tecfidera and Foobarix then Ocrevus", ["Foobarix"]),
    ("Tecfidera, stopped because of flushing", []), ("ocrevus and tecfidera, they all worked", []),
    ("Gilenya and something my doctor gave me", []), ("Tecfidera, then nothing", []),
    ("Tecfidera then Ocrevus, Tecfidera didn't work", []), ("Kesimpta, worked great", []),
])
def test_list_items_that_name_no_known_treatment(text, unknown):
    assert parse_therapies(text, True).unknown == unknown


def test_unknown_drug_is_named_back():
    result = parse_therapies("Xyzimab", True)
    assert isinstance(result, Invalid) and "Xyzimab" in result.reason


@pytest.mark.parametrize("text, facts", [
    ("no", {"pregnant": False, "breastfeeding": False}),
    ("no, neither", {"pregnant": False, "breastfeeding": False}),
    ("yes, 12 weeks", {"pregnant": True}),
    ("not pregnant but breastfeeding", {"pregnant": False, "breastfeeding": True}),
    ("both", {"pregnant": True, "breastfeeding": True}),
])
def test_pregnancy(text, facts):
    assert parse_pregnancy(text) == facts


def test_plain_yes_to_pregnancy_asks_which():
    assert isinstance(parse_pregnancy("yes"), Invalid)


def test_sex():
    assert parse_sex("I'm a man", False) == "male"
    assert parse_sex("I'm a woman", False) == "female"
    assert parse_sex("woman", True) == "female"
    # A sex word answers no other question, so it is taken even when another one was open
    # (issue 11: "female" when asked the MS type is taken, and the open question asked again).
    assert parse_sex("man", False) == "male"
    assert parse_sex("Female, 38", False) == "female" and parse_sex("34F, RRMS", False) == "female"
    assert parse_sex("60 year old man with PPMS", False) == "male"
    assert parse_sex("my husband is 60", False) is None
    assert isinstance(parse_sex("I'd rather not say", True), Invalid)


def test_relapses_and_diagnosis():
    assert parse_months_since_relapse("3 months ago", True) == 3
    assert parse_months_since_relapse("two weeks ago", True) == pytest.approx(0.46, abs=0.01)
    assert parse_months_since_relapse("never", True) == NEVER
    assert parse_months_since_relapse("I have never had steroids", False) is None
    assert parse_years_since_diagnosis("5 years ago", True) == 5
    assert isinstance(parse_years_since_diagnosis("60 years ago", True, age=34), Invalid)


def test_country_and_dont_know_and_cleaning():
    assert parse_country("I live in Germany") == "Germany"
    assert parse_country("usa") == "United States"
    assert parse_country("tell us more") is None
    assert says_dont_know("I don't know my EDSS")
    assert clean("a\x00b" + "x" * 5000).startswith("a b") and len(clean("x" * 5000)) == 2000


def test_edss_estimate_from_walking():
    assert estimate(parse_aid("No, I walk on my own"), parse_distance("more than 500 m"),
                    parse_impact("a little")).text() == "between 1.0 and 3.0"
    assert estimate(parse_aid("one cane")).text() == "between 6.0 and 6.5"
    assert estimate(parse_aid("a walker")).text() == "between 6.5 and 7.0"
    assert estimate(parse_aid("wheelchair")).text() == "between 7.0 and 8.5"
    assert estimate(parse_aid("no aid"), parse_distance("about 300 metres")).text() == "between 4.0 and 5.0"
    assert estimate("none") is None  # the distance is still needed


def test_both_or_all_stopped_working_marks_every_named_treatment():
    answer = parse_therapies("Rebif and Betaferon, both stopped working", True)
    assert answer.failed == ["interferon beta-1a", "interferon beta-1b"]


def test_a_treatment_is_said_back_with_the_brand_the_person_used():
    from trials_db.lexicon import load
    assert load().display_name("interferon beta-1a", "took Rebif then Tysabri") == "interferon beta-1a (Rebif)"
    assert load().display_name("interferon beta-1a") == "interferon beta-1a (Avonex)"


@pytest.mark.parametrize("text, expected", [
    ("Not pregnant or breastfeeding", {"pregnant": False, "breastfeeding": False}),
    ("I was pregnant in 2019, not now", {"pregnant": False}),
])
def test_negated_and_past_pregnancy_are_never_read_as_yes(text, expected):
    assert parse_pregnancy(text) == expected


def test_each_time_phrase_belongs_to_its_own_fact():
    text = "relapsing-remitting MS diagnosed in 2012, last relapse was 6 months ago"
    assert parse_years_since_diagnosis(text, False) == pytest.approx(14, abs=1)
    assert parse_months_since_relapse(text, False) == 6
