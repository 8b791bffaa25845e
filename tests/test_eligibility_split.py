"""Splitting published eligibility text into criteria (trials_db.eligibility)."""

from __future__ import annotations

import json
import re

import pytest

from trials_db.eligibility import EXCLUSION, GENERAL, INCLUSION, split_criteria, unescape_markdown

from .conftest import SEED_RECORD, WITH_CRITERIA


def kinds(criteria):
    return [(c.kind, c.position, c.text) for c in criteria]


def test_seed_trial_splits_into_7_inclusion_and_12_exclusion():
    study = json.loads(SEED_RECORD.read_text())
    text = study["protocolSection"]["eligibilityModule"]["eligibilityCriteria"]
    criteria = split_criteria(text)
    inclusion = [c for c in criteria if c.kind == "inclusion"]
    exclusion = [c for c in criteria if c.kind == "exclusion"]
    assert len(inclusion) == 7
    assert len(exclusion) == 12
    assert (
        inclusion[1].text == "Male or female are age between 20 to 65 years old on date of consent."
    )
    assert exclusion[10].text == "With anti-CD20 therapy, such as rituximab"
    assert exclusion[9].position == 10
    # Markdown escapes are gone: "\>" reads ">".
    assert (
        exclusion[1].text
        == "Patients with uncontrolled diabetes (fasting blood glucose > 250 mg/dL)"
    )


def test_markdown_bullets():
    text = "Inclusion Criteria:\n* Age 18 or older\n* RRMS\n\nExclusion Criteria:\n* Pregnancy"
    assert kinds(split_criteria(text)) == [
        ("inclusion", 1, "Age 18 or older"),
        ("inclusion", 2, "RRMS"),
        ("exclusion", 1, "Pregnancy"),
    ]


def test_lost_line_breaks_between_bullets_and_heading():
    assert kinds(split_criteria("* a * b Exclusion Criteria: * c")) == [
        ("general", 1, "a"),
        ("general", 2, "b"),
        ("exclusion", 1, "c"),
    ]
    text = (
        "Inclusion Criteria: * EDSS 2.0 to 6.5 * Age 18-55 "
        "Exclusion Criteria: * Pregnant * Rituximab"
    )
    assert kinds(split_criteria(text)) == [
        ("inclusion", 1, "EDSS 2.0 to 6.5"),
        ("inclusion", 2, "Age 18-55"),
        ("exclusion", 1, "Pregnant"),
        ("exclusion", 2, "Rituximab"),
    ]


def test_inline_numbered_list_with_escaped_parenthesis():
    text = (
        "Inclusion Criteria: 1. Signed consent 2. Age 18 years or older. 3. RRMS\n\n"
        "Exclusion Criteria: 1\\) Participating in another trial. 2\\) Pregnancy"
    )
    assert kinds(split_criteria(text)) == [
        ("inclusion", 1, "Signed consent"),
        ("inclusion", 2, "Age 18 years or older."),
        ("inclusion", 3, "RRMS"),
        ("exclusion", 1, "Participating in another trial."),
        ("exclusion", 2, "Pregnancy"),
    ]


def test_numbers_inside_text_do_not_split():
    text = (
        "Exclusion Criteria:\n"
        "* Relapse within 2 months prior to Day 1. Relapses are defined as new symptoms"
    )
    criteria = split_criteria(text)
    assert len(criteria) == 1
    assert criteria[0].text.endswith("Relapses are defined as new symptoms")
    text = (
        "Inclusion Criteria:\n"
        "1. PT, APTT ≤ 1.5X ULN and EDSS score between 2.0 to 6.5\n"
        "2. Age 20 to 65"
    )
    assert [c.text for c in split_criteria(text)] == [
        "PT, APTT ≤ 1.5X ULN and EDSS score between 2.0 to 6.5",
        "Age 20 to 65",
    ]


def test_nested_bullets_stay_inside_their_parent():
    text = (
        "Inclusion Criteria:\n"
        "* Diagnosis of one of the following:\n"
        "  * RRMS\n"
        "  * SPMS with relapses\n"
        "* Age 18 to 60\n"
    )
    criteria = split_criteria(text)
    assert [c.position for c in criteria] == [1, 2]
    assert criteria[0].text == "Diagnosis of one of the following:\n* RRMS\n* SPMS with relapses"
    assert criteria[1].text == "Age 18 to 60"


def test_restarted_numbering_is_a_nested_list():
    text = (
        "Inclusion Criteria: 1. Initiates fingolimod. 2. Age 18 or older. 3. RRMS patients who "
        "are: 1. Newly diagnosed, or 2. Switched from Gilenya, or 3. Switched from interferon. "
        "4. Signed consent."
    )
    criteria = split_criteria(text)
    assert [c.position for c in criteria] == [1, 2, 3, 4]
    assert criteria[2].text.startswith("RRMS patients who are: 1. Newly diagnosed")
    assert criteria[2].text.endswith("3. Switched from interferon.")
    assert criteria[3].text == "Signed consent."


@pytest.mark.parametrize(
    "heading, kind, section",
    [
        ("Key Inclusion Criteria:", "inclusion", "Key Inclusion Criteria"),
        ("Key\n\nInclusion Criteria:", "inclusion", "Key Inclusion Criteria"),
        ("INCLUSION CRITERIA:", "inclusion", "INCLUSION CRITERIA"),
        ("* EXCLUSION CRITERIA:", "exclusion", "EXCLUSION CRITERIA"),
        ("Exclusion criteria", "exclusion", "Exclusion criteria"),
        ("Exclusion Criteria (per USPI):", "exclusion", "Exclusion Criteria (per USPI)"),
        ("Inclusion Criteria :", "inclusion", "Inclusion Criteria"),
    ],
)
def test_heading_variants(heading, kind, section):
    criteria = split_criteria(f"{heading}\n* First\n* Second")
    assert [(c.kind, c.section, c.text) for c in criteria] == [
        (kind, section, "First"),
        (kind, section, "Second"),
    ]


def test_heading_in_the_middle_of_a_bullet():
    text = (
        "* INCLUSION CRITERIA:\n* Adults, at least 18 years of age\n"
        "* Agreeing to use birth control for the study EXCLUSION CRITERIA:\n* Pregnant women"
    )
    assert kinds(split_criteria(text)) == [
        ("inclusion", 1, "Adults, at least 18 years of age"),
        ("inclusion", 2, "Agreeing to use birth control for the study"),
        ("exclusion", 1, "Pregnant women"),
    ]


def test_mentions_of_criteria_are_not_headings():
    text = (
        "Key Exclusion Criteria:\n* Any prior use of natalizumab. NOTE: Other protocol defined "
        "Inclusion/Exclusion criteria may apply\n"
        "* At selected sites the following exclusion criteria will apply to MRI only:\n"
        "* Pregnant"
    )
    criteria = split_criteria(text)
    assert [c.kind for c in criteria] == ["exclusion"] * 3
    assert criteria[0].text.endswith("Inclusion/Exclusion criteria may apply")


def test_text_without_headings_and_empty_text():
    assert kinds(split_criteria("Adults with MS who can walk 100 m.")) == [
        ("general", 1, "Adults with MS who can walk 100 m.")
    ]
    assert split_criteria("") == []
    assert split_criteria(None) == []
    assert split_criteria("Inclusion Criteria:\n\n") == []


def test_bullet_symbols_and_preamble():
    text = (
        "INCLUSION CRITERIA: The study population consists of patients with CIS or RRMS who;\n"
        "* Initiate a first DMT, and\n* Consent. EXCLUSION CRITERIA: \\- Progressive MS\n"
        "Exclusion criteria • Under 18"
    )
    assert kinds(split_criteria(text)) == [
        ("inclusion", 1, "The study population consists of patients with CIS or RRMS who"),
        ("inclusion", 2, "Initiate a first DMT, and"),
        ("inclusion", 3, "Consent."),
        ("exclusion", 1, "Progressive MS"),
        ("exclusion", 2, "Under 18"),
    ]


def test_unescape_markdown():
    assert unescape_markdown(r"EDSS \< 7 and \[CIS\] \& 1\)") == "EDSS < 7 and [CIS] & 1)"


_HEADING_WORDS = {"inclusion", "exclusion", "criteria", "key"}


def _words(text: str) -> list[str]:
    words = re.findall(r"[^\W\d_]{3,}", unescape_markdown(text).lower())
    return [w for w in words if w not in _HEADING_WORDS]


def _shipped_texts():
    studies = json.loads(WITH_CRITERIA.read_text())["studies"]
    for study in studies:
        section = study["protocolSection"]
        text = section.get("eligibilityModule", {}).get("eligibilityCriteria")
        if text:
            yield pytest.param(text, id=section["identificationModule"]["nctId"])


@pytest.mark.parametrize("text", list(_shipped_texts()))
def test_no_word_of_a_shipped_record_is_lost_or_duplicated(text):
    """Every word of the source (headings aside) appears in the criteria, once, in order."""
    criteria = split_criteria(text)
    assert criteria, "a record with eligibility text yields criteria"
    rebuilt, section = [], None
    for c in criteria:
        if c.section != section:  # headings like "Exclusion Criteria (per USPI)" keep their words
            rebuilt.append(c.section or "")
            section = c.section
        rebuilt.append(c.text)
    assert _words(" ".join(rebuilt)) == _words(text)
    # Every bullet of the source is inside one criterion.
    joined = " ".join(re.sub(r"\s+", " ", c.text) for c in criteria)
    for line in text.split("\n"):
        m = re.match(r"\s*(?:\*|\d{1,2}\.)\s+(.*)", line)
        if m and not re.search(r"(inclusion|exclusion) criteria", m.group(1), re.I):
            bullet = re.sub(r"\s+", " ", unescape_markdown(m.group(1))).strip(" ;,")
            first_part = re.split(r" \* | • | \d{1,2}\. ", bullet)[0]
            assert first_part in joined


# Shapes of the older records (issue 10): built to the shape of shipped records, short.

XML_PARAGRAPHS = (
    "The major eligibility criteria included the following:\n\n"
    "        Age range of 18 to 46 years\n\n"
    "        No previous corticosteroid treatment for optic neuritis or multiple\n"
    "        sclerosis\n\n"
    "        No systemic disease other than multiple sclerosis"
)


def test_paragraphs_without_markers_are_one_criterion_each():
    criteria = split_criteria(XML_PARAGRAPHS)
    assert criteria[0].section == "The major eligibility criteria included the following:"
    assert [c.text for c in criteria] == [
        "Age range of 18 to 46 years",
        "No previous corticosteroid treatment for optic neuritis or multiple\nsclerosis",
        "No systemic disease other than multiple sclerosis",
    ]
    assert {c.kind for c in split_criteria(XML_PARAGRAPHS)} == {GENERAL}


PDQ = (
    "PROTOCOL ENTRY CRITERIA:\n\n        --Disease Characteristics--\n\n"
    "          -  Neurologically stable for at least 30 days prior to entry "
    "Expanded Disability Status\n"
    "             Scale score no greater than 5\n\n"
    "        --Patient Characteristics--\n\n"
    "          -  Not HIV seropositive No Lyme disease No pregnant\n"
    "             or nursing women Adequate contraception required of fertile women"
)


def test_old_pdq_records_keep_their_parts_and_cut_run_on_criteria():
    criteria = split_criteria(PDQ)
    assert [c.text.replace("\n", " ") for c in criteria] == [
        "Neurologically stable for at least 30 days prior to entry",
        "Expanded Disability Status Scale score no greater than 5",
        "Not HIV seropositive",
        "No Lyme disease",
        "No pregnant or nursing women",
        "Adequate contraception required of fertile women",
    ]
    assert criteria[0].section == "PROTOCOL ENTRY CRITERIA: --Disease Characteristics--"
    assert criteria[-1].section == "--Patient Characteristics--"


def test_run_on_cutting_is_only_for_lists_without_headings():
    text = "Inclusion Criteria:\n* Relapsing MS Not on interferon\nExclusion Criteria:\n* Pregnancy"
    assert [c.text for c in split_criteria(text)] == ["Relapsing MS Not on interferon", "Pregnancy"]


def test_headings_with_typos_and_qualifiers_open_their_sections():
    text = (
        "Inclusion Criteria:\n\n 1. Consent\n\nExclusion criteriat:\n\n 1. Pregnant women\n\n"
        "PATIENT INCLUSION CRITERIA\n- diagnosis of MS\n"
    )
    criteria = split_criteria(text)
    assert [(c.kind, c.text, c.section) for c in criteria] == [
        (INCLUSION, "Consent", "Inclusion Criteria"),
        (EXCLUSION, "Pregnant women", "Exclusion criteriat"),
        (INCLUSION, "diagnosis of MS", "PATIENT INCLUSION CRITERIA"),
    ]
