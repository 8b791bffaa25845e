"""Why a rule is there is no rule (trials_db/criteria/parser.py): a "Rationale:" to the line's
end, or a bracket that gives a reason, is read as nothing. Built after probes48's dev part:
"Age 18 to 55 years (older patients are excluded because ...)" left the age unread, and a
rationale naming primary progressive MS let PPMS into a relapsing-MS rule."""

from __future__ import annotations

from trials_db.criteria.parser import parse_criterion
from trials_db.eligibility import INCLUSION
from trials_db.matching.evaluate import MET, NOT_MET, status_of
from trials_db.profile import Profile


def status(text: str, kind: str, **profile) -> str:
    return status_of(kind, parse_criterion(text, kind).evaluate(Profile(**profile)))


def test_a_reason_in_brackets_leaves_the_rule_read():
    text = "Aged 18 to 60 (older people are left out because infections rise with age)"
    assert status(text, INCLUSION, age=40) == MET
    assert status(text, INCLUSION, age=70) == NOT_MET


def test_a_rationale_names_no_course_of_ms():
    text = "Relapsing MS. Rationale: the drug targets inflammation, low in primary progressive MS"
    assert status(text, INCLUSION, ms_subtype="PPMS") == NOT_MET
    assert status(text, INCLUSION, ms_subtype="RRMS") == MET
