"""Evaluate a patient profile against trials: per-criterion verdicts, explanations, ranking."""

from .engine import MatchIndex
from .evaluate import (
    CriterionResult,
    TrialResult,
    TrialRules,
    evaluate_trial,
    load_rules,
    match_profile,
)
from .questions import next_question, open_fields

__all__ = [
    "CriterionResult",
    "MatchIndex",
    "TrialResult",
    "TrialRules",
    "evaluate_trial",
    "load_rules",
    "match_profile",
    "next_question",
    "open_fields",
]
