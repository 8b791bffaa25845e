"""Plain language, measured (issue 14 part 6): every English response in domain.yml and every
explanation sentence the matcher can build is scored by the Flesch-Kincaid grade.

The rules (trials_db/readability.py): a text is scored whole, all its sentences together;
the bot's own messages must be at grade 6 or lower, explanation sentences built from a
trial's criteria at grade 8 or lower. EDSS, MS, relapse, NCT numbers and drug names count as
one-syllable proper nouns, and the bot explains each of the first three the first time the
conversation uses it.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import yaml

from trials_db import readability as rd
from trials_db.criteria.predicates import (
    Age,
    Breastfeeding,
    Contraception,
    DiseaseDuration,
    Edss,
    Pregnant,
    Relapses,
    Review,
    Sex,
    Subtype,
    Therapy,
    TherapyFailure,
)
from trials_db.criteria.review_topics import REVIEW_TOPIC_WORDS
from trials_db.involvement import Involvement, sentences as involvement_sentences
from trials_db.lexicon import load as load_lexicon
from trials_db.matching.evaluate import _review_sentence, _sentence
from trials_db.profile import Profile

ROOT = Path(__file__).resolve().parent.parent
BOT_GRADE = 6.0
EXPLANATION_GRADE = 8.0
OTHER_LANGUAGE = re.compile(r"_(es|de|fr|it|pt)$")

# One value per {variable} the actions fill in, like what the bot really sends.
SAMPLE_VALUES = {
    "crisis_lines": "988 Suicide & Crisis Lifeline: call or text 988, any time",
    "emergency": "911",
    "what": "your age",
    "names": "Tysabri",
    "estimate": "4.0",
    "place": "Boston, MA",
    "distance": "100 km",
    "count": "3",
    "link": "https://example.org/alerts/stop/abc",
    "email": "anna@example.org",
    "plural": "ies",
    "lines": "1. A study of a new pill (NCT05532943)",
    "title": "A study of a new pill",
    "nct_id": "NCT05532943",
    "nct_ids": "NCT05532943, NCT04338022",
    "summary": "I checked 12 studies that are open to new participants:\n• 2 look likely for you",
    "total": "12",
    "country": "Germany",
    "name": "Anna",
    "contact": "anna@example.org",
    "year": "2099",
    "age": "200",
    "value": "3.3",
    "lower": "3.0",
    "upper": "3.5",
}


def english_responses() -> list[tuple[str, int, str]]:
    """(response, variant number, rendered text) for every English response variant."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    out = []
    for name, variants in domain["responses"].items():
        if OTHER_LANGUAGE.search(name):
            continue
        for n, variant in enumerate(variants):
            out.append((name, n, variant["text"].format(**SAMPLE_VALUES)))
    return out


# ------------------------------------------------------------------ explanation sentences


def _leaves():
    lex = load_lexicon()
    many = [d for d, drug in lex.drugs.items() if not drug.patient_only][:14]
    return [
        Age(min=18, max=55),
        Age(min=18),
        Age(max=65),
        Age(min=18, min_inclusive=False),
        Age(max=65, max_inclusive=False),
        Age(),
        Sex(allowed=["female"]),
        Sex(allowed=["male"]),
        Sex(allowed=["female", "male"]),
        Subtype(yes=["RRMS"]),
        Subtype(yes=["RRMS", "CIS"], maybe=["SPMS"]),
        Subtype(yes=["SPMS", "PPMS"]),
        Subtype(yes=["RIS"]),
        Edss(min=0, max=5.5),
        Edss(min=3.0),
        Edss(max=6.5),
        Edss(min=2.0, min_inclusive=False),
        Edss(max=7.0, max_inclusive=False),
        Edss(),
        DiseaseDuration(max=10),
        DiseaseDuration(min=2),
        DiseaseDuration(min=1, max=15),
        DiseaseDuration(),
        Relapses(count=1, months=12),
        Relapses(count=2, months=24),
        Relapses(count=1, months=1),
        Therapy(drugs=["natalizumab"]),
        Therapy(drugs=["ocrelizumab"], current=True),
        Therapy(drugs=["dimethyl fumarate"], within_months=6),
        Therapy(drugs=list(lex.members("immunosuppressant")), classes=["immunosuppressant"]),
        Therapy(drugs=list(lex.members("cytotoxic")), classes=["cytotoxic"], within_months=24),
        Therapy(drugs=list(lex.members("monoclonal_antibody")), classes=["monoclonal_antibody"]),
        Therapy(
            drugs=list(lex.members("immune_reconstitution")), classes=["immune_reconstitution"]
        ),
        Therapy(drugs=list(lex.members("btk_inhibitor")), classes=["btk_inhibitor"]),
        Therapy(drugs=list(lex.members("dmt")), classes=["dmt"], current=True),
        Therapy(
            drugs=list(lex.members("corticosteroid")), classes=["corticosteroid"], within_months=1
        ),
        Therapy(drugs=many),
        TherapyFailure(drugs=list(lex.members("dmt")), classes=["dmt"]),
        TherapyFailure(drugs=["interferon beta-1a", "glatiramer acetate"], count=2),
        Pregnant(),
        Breastfeeding(),
        Contraception(),
        Review(topic="mri"),
    ]


def _profiles():
    full = Profile(
        age=42,
        sex="female",
        ms_subtype="RRMS",
        edss=3.5,
        prior_therapies=["dimethyl fumarate", "ocrelizumab", "methotrexate"],
        failed_therapies=["dimethyl fumarate"],
        current_therapy="ocrelizumab",
        months_since_last_therapy={"dimethyl fumarate": 30, "methotrexate": 3},
        months_since_last_relapse=6,
        relapses_past_2_years=2,
        months_since_steroids=3,
        years_since_diagnosis=8,
        pregnant=False,
        breastfeeding=False,
    )
    return [
        Profile(),
        full,
        Profile(
            age=18,
            sex="male",
            ms_subtype="SPMS",
            edss=6.0,
            edss_is_estimate=True,
            prior_therapies=[],
            current_therapy="none",
            months_since_last_relapse=math.inf,
            months_since_steroids=math.inf,
            years_since_diagnosis=1.5,
        ),
        Profile(
            sex="female",
            ms_subtype="PPMS",
            edss=4.0,
            edss_is_estimate=True,
            edss_range=(3.5, 4.5),
            prior_therapies=["interferon beta-1a"],
            failed_therapies=[],
            current_therapy="none",
            months_since_last_relapse=0.5,
            months_since_steroids=0.5,
            pregnant=True,
            breastfeeding=True,
            relapses_past_2_years=0,
            years_since_diagnosis=20,
        ),
    ]


def explanation_sentences() -> list[str]:
    """Every sentence shape the matcher builds: each leaf's condition with each fact it can
    state and its missing-fact line, for people and against, and every review sentence."""
    out: list[str] = []
    for leaf in _leaves():
        tails = {leaf.missing(), None} | {leaf.fact(p) for p in _profiles()}
        for for_people in (True, False):
            out += [_sentence(leaf, for_people, tail) for tail in tails]
    maybe = Subtype(yes=["RRMS"], maybe=["SPMS"])
    for profile in _profiles():
        out.append(_review_sentence([Contraception()], profile))
        out.append(_review_sentence([Age(min=18, min_inclusive=False)], profile))
        out.append(_review_sentence([maybe], Profile(ms_subtype="SPMS")))
        out += [_review_sentence([Review(topic=t)], profile) for t in REVIEW_TOPIC_WORDS]
    return sorted({s for s in out if s})


def involvement_texts() -> list[str]:
    """The bot's own what-taking-part-involves lines, without the study's quoted words."""
    records = [
        Involvement("NCT1", "INTERVENTIONAL", ["tolebrutinib"], ["3"], 900, "2022", "2027"),
        Involvement("NCT2", "INTERVENTIONAL", [], ["1", "2"], 40, "2024", "2026"),
        Involvement("NCT3", "OBSERVATIONAL", [], [], 5000, "2020", "2030"),
        Involvement("NCT4", "INTERVENTIONAL", ["ocrelizumab"], ["4"], None),
    ]
    return sorted({s for r in records for s in involvement_sentences(r) if "own words" not in s})


# ------------------------------------------------------------------------------ the tests


@pytest.mark.parametrize("name,variant,text", english_responses(), ids=lambda v: str(v)[:40])
def test_every_response_reads_at_grade_6_or_lower(name, variant, text):
    got = rd.grade(text)
    assert got <= BOT_GRADE, f"{name}[{variant}] reads at grade {got}: {text!r}"


def test_every_explanation_sentence_reads_at_grade_8_or_lower():
    sentences = explanation_sentences()
    assert len(sentences) > 150  # the rendering reached every leaf type
    hard = [(rd.grade(s), s) for s in sentences if rd.grade(s) > EXPLANATION_GRADE]
    assert not hard, "\n".join(f"{g}: {s}" for g, s in sorted(hard, reverse=True))


def test_what_taking_part_involves_reads_at_grade_6_or_lower():
    texts = involvement_texts()
    assert texts
    hard = [(rd.grade(t), t) for t in texts if rd.grade(t) > BOT_GRADE]
    assert not hard, hard


def test_allowed_terms_are_explained_on_first_use():
    """In the order the conversation goes (greeting, consent, then the questions in the order
    of profile_fields.yml), the first response that uses a term also explains it."""
    from trials_db.fields import fields

    by_name: dict[str, list[str]] = {}
    for name, _, text in english_responses():
        by_name.setdefault(name, []).append(text)
    order = ["utter_greet", "utter_ask_consent", "utter_consent_thanks", "utter_no_consent"]
    for f in fields():
        order += [f"utter_ask_{f}"] if f"utter_ask_{f}" in by_name else []
        if f == "prior_therapies":  # which of them stopped working is asked right after
            order.append("utter_ask_which_failed")
    # The first time a question is asked it is the plain variant (the last one in domain.yml).
    first_texts = [(name, by_name[name][-1]) for name in order]
    for term, gloss in rd.GLOSSARY.items():
        pattern = re.compile(rf"\b{term}s?\b", re.IGNORECASE if term.islower() else 0)
        users = [(name, text) for name, text in first_texts if pattern.search(text)]
        assert users, f"{term} is never used in the opening of the conversation"
        name, text = users[0]
        assert (
            gloss.lower() in text.lower()
        ), f"{name} uses {term} first but does not explain it ({gloss!r})"


@pytest.mark.parametrize(
    "word,expected",
    [
        ("study", 2),
        ("studies", 2),
        ("question", 2),
        ("treatment", 2),
        ("disability", 5),
        ("conversation", 4),
        ("recruiting", 3),
        ("information", 4),
        ("decision", 3),
        ("medical", 3),
        ("breastfeeding", 3),
        ("pregnant", 2),
        ("diagnosed", 3),
        ("wheelchair", 2),
        ("because", 2),
        ("anything", 3),
        ("understand", 3),
        ("table", 2),
        ("tables", 2),
        ("make", 1),
        ("makes", 1),
        ("before", 2),
        ("female", 2),
        ("while", 1),
        ("asked", 1),
        ("started", 2),
        ("called", 1),
        ("used", 1),
        ("uses", 2),
        ("agreed", 2),
        ("tried", 1),
        ("stayed", 1),
        ("saying", 2),
        ("going", 2),
        ("likely", 2),
        ("statement", 2),
        ("careful", 2),
        ("usual", 3),
        ("quality", 3),
        ("language", 2),
        ("nation", 2),
        ("social", 2),
        ("changes", 2),
        ("places", 2),
        ("types", 1),
        ("emergency", 4),
        ("department", 3),
        ("secondary", 4),
        ("progressive", 3),
        ("clinically", 4),
        ("isolated", 4),
        ("syndrome", 2),
        ("episode", 3),
        ("worsening", 3),
        ("steadily", 3),
        ("recovery", 4),
        ("beyond", 2),
        ("possible", 3),
        ("available", 4),
        ("simple", 2),
        ("contraindication", 6),
        ("immunosuppressive", 6),
        ("didn't", 2),
        ("you're", 1),
        ("relapsing-remitting", 4),  # "relapsing" is an allowed term (1) + re-mit-ting (3)
    ],
)
def test_syllable_counts_match_the_dictionary(word, expected):
    assert rd.syllables(word) == expected


def test_allowed_terms_and_numbers_count_as_one_syllable():
    for word in (
        "EDSS",
        "MS",
        "relapse",
        "relapses",
        "Ocrevus",
        "ocrelizumab",
        "natalizumab",
        "Tecfidera",
        "NCT05532943",
        "ClinicalTrials.gov",
        "3.5",
        "2019",
    ):
        assert rd.syllables(word) == 1, word


def test_the_score_follows_the_flesch_kincaid_formula():
    s = rd.score("The cat sat down. It is a happy cat.")
    assert (s.sentences, s.words, s.syllables) == (2, 9, 10)
    assert s.grade == round(0.39 * 9 / 2 + 11.8 * 10 / 9 - 15.59, 1)
    hard = "Participants demonstrating immunosuppressive contraindications are ineligible."
    assert rd.grade(hard) > 12 > rd.grade("You can take part if you are 18 or older.")


def test_sentences_split_at_ends_not_in_numbers_or_addresses():
    text = "Your EDSS is 3.5. See ClinicalTrials.gov for more!\nIs that OK? Yes"
    assert rd.sentences(text) == [
        "Your EDSS is 3.5.",
        "See ClinicalTrials.gov for more!",
        "Is that OK?",
        "Yes",
    ]


def test_medical_words_get_a_plain_gloss_and_stay_visible():
    said = rd.gloss_sentences(
        "Patients with a contraindication to MRI or on immunosuppressive drugs."
    )
    assert said == [
        '"Contraindication" means a reason a treatment may not be safe for you.',
        '"Immunosuppressive" means it weakens the immune system.',
    ]
    assert rd.grade(" ".join(said)) <= BOT_GRADE
    assert rd.gloss_sentences("You can walk without help.") == []


def test_a_medical_word_counts_as_hard_unless_the_text_explains_it():
    bare = "This study does not take people who have taken immunosuppressive medicine."
    gloss = '"Immunosuppressive" means it weakens the immune system.'
    assert rd.syllables("immunosuppressive") == 6  # counted in full in the bare sentence
    # Beside its gloss the word counts one syllable (the gloss alone explains itself too).
    assert (
        rd.score(f"{bare} {gloss}").syllables
        == rd.score(bare).syllables - 5 + rd.score(gloss).syllables
    )


def test_the_matcher_glosses_medical_class_names():
    lex = load_lexicon()
    leaf = Therapy(drugs=list(lex.members("immunosuppressant")), classes=["immunosuppressant"])
    sentence = _sentence(leaf, False, None)
    assert "immunosuppressive" in sentence and "immune system" in sentence


def test_involvement_glosses_medical_words_in_the_studys_own_words():
    inv = Involvement(
        "NCT9",
        "INTERVENTIONAL",
        ["drug X"],
        ["2"],
        50,
        summary="A randomized, placebo-controlled study of drug X.",
    )
    lines = involvement_sentences(inv)
    quoted = next(line for line in lines if "own words" in line)
    assert (
        "A randomized, placebo-controlled study of drug X." in quoted
    )  # the study's words, unchanged
    assert "dummy treatment" in quoted and "in a group by chance" in quoted
