"""A denial with an exception states the exception: "I'm not on anything except Tysabri" is on
Tysabri, "Other than Ocrevus I don't take anything" too, and to "Which treatments did not
work?" the answer "none of them, apart from Aubagio" names Aubagio. A yes-or-no fact denied with
an exception ("not really, apart from the odd night feed") is no plain "no". Rules:
lexicon/exception_cues.yml."""

from __future__ import annotations

import functools
import re

from .lexicon import any_of, rule_file

# The slots an answer's exception names the value of: lists of drugs and the count of relapses.
_LISTING_SLOTS = frozenset(
    {"failed_therapies", "prior_therapies", "current_therapy", "relapses_past_2_years"}
)


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    data = rule_file("exception_cues")
    rules = {
        key: any_of([rf"\b(?:{p})\b" for p in words])
        for key, words in data.items()
        if isinstance(words, list)
    }
    for slot, words in data["topic"].items():
        rules["topic_" + slot] = any_of([rf"\b(?:{p})\b" for p in words])
    return rules


def _treatment_excepted(words: str) -> bool:
    """Whether an exception names something that is no MS treatment ("the odd course of IV
    steroids", "vitamin D"): then "nothing except ..." still says no MS treatment. Steroid words
    are the readers' one list (patient_text.FACT_WORDS)."""
    from .patient_text import FACT_WORDS  # (imported late: patient_text is large)

    return (
        _rules()["no_treatment"].search(words) is not None
        or FACT_WORDS["steroids"].search(words) is not None
    )


def _exception_at(text: str) -> list[re.Match[str]]:
    """The exception words of ``text`` that open an exception of a thing (not "apart from that")."""
    back = [m.start() for m in _rules()["points_back"].finditer(text)]
    return [m for m in _rules()["exception"].finditer(text) if m.start() not in back]


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    exc = _rules()["exception"].pattern
    nothing = _rules()["nothing_taken"].pattern
    deny = _rules()["denial_answer"].pattern
    # "I'm not on anything (else) (for my MS) except (for) (my) Tysabri"
    after = re.compile(
        rf"(?:{nothing})(?:\s+else)?(?:\s+for\s+(?:my|the)\s+ms)?\s*,?\s*(?:{exc})\s+"
        r"(?:my\s+|the\s+)?",
        re.I,
    )
    # "Other than my Tysabri infusions I'm not on anything": the exception said first
    before = re.compile(
        rf"(?:^|(?<=[.!?;]\s))\W*(?:{exc})\s+(?:my\s+|the\s+)?([^,.;!?\n]{{1,60}}?)\s*,?\s*"
        rf"(?:{nothing})(?:\s+else)?",
        re.I,
    )
    # "none of them, except Aubagio" as the whole answer's start
    answer = re.compile(
        rf"^\W*(?:{deny})(?:\s+(?:of\s+them|at\s+all|really|whatsoever))*\s*[,.;:!\-\u2013\u2014]*"
        rf"\s*(?:{exc})\s+",
        re.I,
    )
    return after, before, answer


def with_exceptions(text: str, requested: str | None = None) -> str:
    """``text`` with each denial that an exception takes back said as the exception: "I'm not
    on anything except Tysabri" -> "I'm on Tysabri"; the answer "zero, except the one I'm in
    now" to a count of relapses -> "the one I'm in now"."""
    after, before, answer = _patterns()
    if not _exception_at(text):
        return text
    text = before.sub(
        lambda m: m.group(0) if _treatment_excepted(m.group(1)) else f"I'm on {m.group(1)}", text
    )
    text = after.sub(
        lambda m: m.group(0) if _treatment_excepted(text[m.end() : m.end() + 40]) else "I'm on ",
        text,
    )
    said = answer.match(text)
    if said and requested in _LISTING_SLOTS:
        rest = text[said.end() :]
        relapses = requested.startswith("relapses")
        if not (relapses and _rules()["no_relapse"].search(rest)) and not (
            not relapses and _treatment_excepted(rest[:40])
        ):
            text = rest
    return text


def excepted_denial(text: str, slot: str) -> bool:
    """Whether a sentence of ``text`` denies something and then makes an exception to it that
    speaks of ``slot`` ("I stopped in October, apart from the odd night feed"): no plain "no".
    ("no to all of the above except the last one" excepts another question.)"""
    topic = _rules()["topic_" + slot]
    for sentence in re.split(r"(?<=[.!?])\s+|\n", text):
        for m in [*_exception_at(sentence), *_rules()["restriction"].finditer(sentence)]:
            if _rules()["denial"].search(sentence[: m.start()]) and topic.search(
                sentence[m.end() :]
            ):
                return True
    return False
