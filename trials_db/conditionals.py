"""A patient's conditions and what would follow from them state no fact: leave them out.

"If I got pregnant I'd stop Tecfidera" says neither that the writer is pregnant nor that
Tecfidera was stopped; "Were I to relapse, my neurologist says she'd take me off Aubagio" leaves
Aubagio current. The cue words are data (lexicon/conditional_cues.yml). A counterfactual about
the past keeps what it takes as given: "if I hadn't had to stop Tysabri" tells that it was.
"""

from __future__ import annotations

import functools
import re

import yaml

from .lexicon import HERE
from .lexicon import load as load_lexicon


@functools.lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    data = yaml.safe_load((HERE / "conditional_cues.yml").read_text(encoding="utf-8"))
    return {
        key: re.compile("|".join(_at_word(w) for w in words), re.I) for key, words in data.items()
    }


def _at_word(cue: str) -> str:
    """A cue matched as whole words; one that starts with an apostrophe ("'d") ends a word."""
    return ("" if cue.startswith("'") else r"(?<![\w'])") + f"(?:{cue})" + r"(?!\w)"


# A sentence, with the stop that ends it.
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*|[.!?\n]+")
# The clauses of a sentence; the separators are kept so the text is only ever blanked.
_CLAUSE = re.compile(r"(,|;|:|\s[-\u2013\u2014]+\s|\s+(?=(?:but|so|then)\b))", re.I)
# What would be stopped is taken now: "if I got pregnant I'd have to stop Gilenya", "she'd take
# me off Aubagio". (Not "she'll call Kesimpta a failure": to the failure question, a drug named
# is one that failed.)
_WOULD_STOP = re.compile(
    r"\b(?:stop|stopping|come off|coming off|take me off|taking me off|get off|quit|drop|"
    r"switch(?:ing)?(?: me)? from)\s+(?:the\s+|my\s+|taking\s+)?([a-z][\w-]+)",
    re.I,
)


@functools.lru_cache(maxsize=1)
def _drug_words() -> frozenset[str]:
    return frozenset(
        w.lower() for d in load_lexicon().drugs.values() for w in (*d.spellings, *d.case_sensitive)
    )


def _presupposed(clause: str) -> str:
    """What a hypothetical clause takes as given: " on Gilenya" for "I'd have to stop Gilenya"."""
    drugs = [m.group(1) for m in _WOULD_STOP.finditer(clause)]
    return "".join(f" on {d}" for d in drugs if d.lower() in _drug_words()) or " "


# A condition about the present: "if I'm on Ocrevus", "if I have SPMS", "if my EDSS is 6".
_PRESENT = re.compile(
    r"\b(?:if|unless)\s+(?:i'?m|i am|im|i have|i'?ve|i take|i use|my \w+(?: \w+)? is)\b", re.I
)
# "if I hadn't had to stop Tysabri because of the JCV": the writer did have to.
_HAD_NOT = re.compile(r"^\W*(?:if|unless)\s+(i|we|she|he|they)\s+(?:hadn'?t|had not)\s+", re.I)


def _condition(clause: str) -> re.Match[str] | None:
    """The first condition cue of a clause that is not a hedge or "whether" (kept cues)."""
    kept = [(m.start(), m.end()) for m in _cues()["kept"].finditer(clause)]
    for m in _cues()["condition"].finditer(clause):
        if not any(a <= m.start() < b for a, b in kept):
            return m
    return None


# What would not have been, which was: "I'd never have gone on Tysabri", "wouldn't have started".
_DENIED = re.compile(
    r"(?:\bnever|\bnot|n'?t)\s+(?:have\s+)?(?:gone|been|started|taken|had|tried|agreed)\b", re.I
)


def _named_drugs(clause: str) -> str:
    """ " on X" for each drug word of ``clause`` ("I'd never have gone on Tysabri": on it)."""
    words = re.findall(r"[\w-]+", clause)
    return "".join(f" on {w}" for w in words if w.lower() in _drug_words())


def _wish(clause: str) -> re.Match[str] | None:
    """The first wish or would-have-been cue of a clause ("I wish I could", "would have")."""
    return _cues()["counterfactual"].search(clause)


# "that would have been the February just gone", "I would have been 30": a past fact worked
# out, as "I think" says one; with no condition in its sentence it is no counterfactual.
_WORKED_OUT = re.compile(r"\b(?:would|'d)\s*(?:have|'ve)\s+been\b|\bwould'?ve\s+been\b", re.I)


def _reckoning(clause: str, sentence: str) -> bool:
    """Whether the would-have-been of ``clause`` works out a past fact: "would have been" with
    no condition anywhere in its sentence."""
    cue = _wish(clause)
    return (
        cue is not None
        and _WORKED_OUT.match(clause, cue.start()) is not None
        and _condition(sentence) is None
    )


def without_conditions(text: str) -> str:
    """The text with every condition clause, and the clause of what would follow beside it,
    blanked out; the rest is untouched ("if they'd listened it would have been 2012, but
    officially it was 2016" keeps "but officially it was 2016"). A question's condition about
    the present is the writer's fact: "Can I join if I'm on Ocrevus?"."""
    out = []
    for sentence in _SENTENCE.findall(text):
        stop = re.search(r"[.!?\n]*$", sentence).group(0)
        body = sentence[: len(sentence) - len(stop)]
        parts = _CLAUSE.split(body)
        conditions = [
            i
            for i in range(0, len(parts), 2)
            if _condition(parts[i]) and not (stop.startswith("?") and _PRESENT.search(parts[i]))
        ]
        wishes = [
            i
            for i in range(0, len(parts), 2)
            if i not in conditions and _wish(parts[i]) and not _reckoning(parts[i], body)
        ]
        for i in wishes:  # "I wish I could try Briumvi": that clause alone, from the wish on
            m = _wish(parts[i])
            said = parts[i][m.start() :]
            # "I'd never have gone on Tysabri" takes it that the writer did
            told = _named_drugs(said) if _DENIED.search(said) else ""
            parts[i] = parts[i][: m.start()] + (told or " " * len(said))
        if not conditions:
            out.append("".join(parts) + stop if wishes else sentence)
            continue
        for i in conditions:
            for j in (i - 2, i + 2):  # what would follow, said just before or after it
                if 0 <= j < len(parts) and j not in conditions:
                    if _cues()["modal"].search(parts[j]):
                        # "..., I'd never have started Copaxone": that it was started
                        denied = _named_drugs(parts[j]) if _DENIED.search(parts[j]) else ""
                        parts[j] = denied or _presupposed(parts[j])
            m = _condition(parts[i])
            head, cond = parts[i][: m.start()], parts[i][m.start() :]
            given = _HAD_NOT.match(cond)
            told = (
                f" {given.group(1)} had {cond[given.end():]}"
                if given
                else (_named_drugs(cond) if _DENIED.search(cond) else "") or _presupposed(cond)
            )
            parts[i] = (_presupposed(head) if _cues()["modal"].search(head) else head) + told
        out.append("".join(parts) + stop)
    return "".join(out)
