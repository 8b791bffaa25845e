"""Evaluate a patient profile against trials: per-criterion verdicts, explanations, ranking."""
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
    "TrialResult",
    "TrialRules",
    "evaluate_trial",
    "load_rules",
    "match_profile",
    "next_question",
    "open_fields",
]
