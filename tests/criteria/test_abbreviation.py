"""Drug codes and abbreviations, and one the criterion defines as something else
(trials_db/criteria/abbreviation.py). Built sentences, after probes52."""

from __future__ import annotations

import pytest

from tests.criteria.reading import facts
from trials_db.criteria.abbreviation import defined_otherwise
from trials_db.eligibility import EXCLUSION


@pytest.mark.parametrize(
    "text, drugs",
    [
        ("CLAD or ALEM within the past 48 months", "cladribine,alemtuzumab"),
        ("Prior BAF312 or SIPO", "siponimod"),
        ("Previous BG-12 (DMF) treatment", "dimethyl fumarate"),
        ("Prior rituximab (RTX) at any time", "rituximab"),
    ],
)
def test_codes_and_abbreviations_name_their_drugs(text, drugs):
    assert any(f"drugs={drugs}" in f for f in facts(text, EXCLUSION))


@pytest.mark.parametrize(
    "text",
    [
        "Radiotherapy (RTX) to the spine within 2 years",
        "GA = gestational age; GA below 20 weeks at screening",
        "Gestational age (GA) under 12 weeks",
    ],
)
def test_an_abbreviation_defined_as_something_else_is_no_drug(text):
    assert not any(f.startswith("therapy") for f in facts(text, EXCLUSION))


def test_a_gloss_that_does_not_spell_it_out_is_no_definition():
    text = "Starting a first DMT (treatment naive)"
    start = text.index("DMT")
    assert not defined_otherwise(text, start, start + 3, "dmt")


def test_interferons_other_than_beta_are_not_beta():
    assert not any(
        "interferon beta" in f for f in facts("IFN-α or IFN-γ in the past 6 months", EXCLUSION)
    )
