"""A blank spaCy English pipeline with an EntityRuler built from the lexicon.

It finds the things criteria and patients talk about (drugs, drug classes, MS courses and
the concepts the parser reasons about). scope.py adds ConText to it and turns each entity
into a :class:`Mention` with the cues around it. No model is downloaded: tokenizer and rules only.
"""

from __future__ import annotations

import functools
import re
import sys
from dataclasses import dataclass

from ..lexicon import load as load_lexicon

# A list item's marker: "-", "*", "•", "3.", "b)", "(ii)". One pattern for the readers that cut a
# criterion's list (reader.py, scope.py).
BULLET = r"[-*•·▪◦]"
MARKER_WORD = r"(?:\d{1,2}|[a-z]|[ivx]{1,4})"  # the "3", "b" or "ii" of "3.", "b)", "(ii)"
LIST_MARKER = rf"(?:{BULLET}+|\(?{MARKER_WORD}[.)])"


def _import_spacy():
    """Import spaCy without letting thinc pull in TensorFlow (3 s, unused by a blank pipeline)."""
    if "tensorflow" in sys.modules or "spacy" in sys.modules:
        import spacy

        return spacy
    sys.modules["tensorflow"] = None  # type: ignore[assignment]  # makes `import tensorflow` fail
    try:
        import spacy
    finally:
        del sys.modules["tensorflow"]  # Rasa, in the same process, can still import it later
    return spacy


@dataclass(frozen=True)
class Mention:
    label: str  # DRUG, DRUG_CLASS, SUBTYPE, SUBTYPE_GROUP, EDSS, RELAPSE, PREGNANCY, ...
    key: str  # canonical id: generic drug name, class key, subtype key, concept name
    start: int  # character offsets in the text
    end: int
    text: str


# Concepts the parser reasons about, as phrases (lower-cased) per label.
CONCEPTS: dict[str, dict[str, list[str]]] = {
    "EDSS": {
        "edss": [
            "edss",
            "expanded disability status scale",
            "expanded disability status score",
            "expandend disability status scale",
            "kurtzke disability status scale",
            "kurtzke expanded disability status scale",
            "disability status scale",
        ]
    },
    "RELAPSE": {
        "relapse": [
            "relapse",
            "relapses",
            "exacerbation",
            "exacerbations",
            "attack",
            "attacks",
            "relapse-free",
            "relapse free",
            "clinical remission",
            "ms relapse",
            "ms relapses",
            "clinical relapse",
            "clinical relapses",
        ]
    },
    "PREGNANCY": {"pregnancy": ["pregnancy", "pregnant", "pregnancies", "gravid"]},
    "BREASTFEEDING": {
        "breastfeeding": [
            "breastfeeding",
            "breast-feeding",
            "breast feeding",
            "lactation",
            "lactating",
            "nursing",
            "breastfeed",
            "breast-feed",
        ]
    },
    "CONTRACEPTION": {
        "contraception": [
            "contraception",
            "contraceptive",
            "contraceptives",
            "birth control",
            "prevent pregnancy",
            "contraceptive measures",
            "contraception method",
            "contraception methods",
        ]
    },
    "NAIVE": {
        "naive": [
            "naive",
            "naïve",
            "treatment-naive",
            "treatment-naïve",
            "treatment naive",
            "treatment naïve",
            "drug-naive",
            "drug-naïve",
        ]
    },
}


def spellings(phrase: str) -> list[str]:
    """A phrase as writers hyphenate it or not: "anti-depressant", "anti depressant",
    "antidepressant"; "relapsing remitting" also as "relapsing-remitting" (one space at a time);
    "ms" also spelled out.
    """
    out = [phrase]
    if re.search(r"\bms\b", phrase):  # "ms medication" is "multiple sclerosis medication"
        out.append(re.sub(r"\bms\b", "multiple sclerosis", phrase))
    if re.search(r"[a-z]-[a-z]", phrase):
        out += [
            re.sub(r"(?<=[a-z])-(?=[a-z])", " ", phrase),
            re.sub(r"(?<=[a-z])-(?=[a-z])", "", phrase),
        ]
    for m in re.finditer(r"(?<=[a-z]) (?=[a-z])", phrase):
        out.append(phrase[: m.start()] + "-" + phrase[m.end() :])
    return out


@functools.lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    """The lexicon's capitals-only abbreviations (MS, CIS, DMF, IVIG...), as one pattern."""
    lex = load_lexicon()
    entries = [
        *(d.case_sensitive for d in (*lex.drugs.values(), *lex.other_medicines.values())),
        *(c.case_sensitive for c in lex.classes.values()),
        *(s.case_sensitive for s in lex.subtypes.values()),
        *(g.case_sensitive for g in lex.groups.values()),
    ]
    forms = {form.lower(): form for names in entries for form in names}
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # Not a unit ("450 ms") and not the head of a compound word ("cis-platinum").
    pattern = re.compile(rf"(?<![\w-])(?<!\d )(?<!\d)({alternatives})(?![\w-])", re.I)
    return pattern, forms


def one_case(text: str) -> str:
    """A sentence written all in capitals, in lower case: its case says nothing, and the rules
    read lower case (abbreviations are then put back by :func:`capitalise_abbreviations`).
    A short heading-like text ("EDSS >6.5") is kept as it is."""
    if any(c.islower() for c in text) or len(re.findall(r"[A-Z]{3,}", text)) < 4:
        return text
    return text.lower()


def capitalise_abbreviations(text: str) -> str:
    """A text written without capitals, with its abbreviations in their capitals ("rrms" ->
    "RRMS"): abbreviations only count in capitals elsewhere, but a writer who uses none still
    means them. The length is kept, so positions in the text stay valid."""
    if any(c.isupper() for c in text):
        return text
    pattern, forms = _abbreviations()
    return pattern.sub(lambda m: forms[m.group(1).lower()], text)


@functools.lru_cache(maxsize=1)
def pipeline():
    """The shared blank pipeline with its EntityRuler (built once per process)."""
    spacy = _import_spacy()
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe(
        "entity_ruler", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
    )
    lex = load_lexicon()
    patterns: list[dict] = []

    def add(label: str, key: str, phrases, case_sensitive=()) -> None:
        for phrase in dict.fromkeys(v for p in phrases for v in spellings(p.lower())):
            patterns.append({"label": label, "pattern": phrase, "id": key})
        for phrase in case_sensitive:
            tokens = [t.text for t in nlp.make_doc(phrase)]
            patterns.append({"label": label, "pattern": [{"ORTH": t} for t in tokens], "id": key})

    for drug in (*lex.drugs.values(), *lex.other_medicines.values()):
        if not drug.patient_only:
            add(
                "DRUG",
                drug.name,
                (drug.name, *drug.brands, *drug.names, *drug.misspellings),
                drug.case_sensitive,
            )
    for cls in lex.classes.values():
        add("DRUG_CLASS", cls.key, cls.names, cls.case_sensitive)
    for sub in lex.subtypes.values():
        # "secondary progressive multiple sclerosis" must win over "progressive multiple sclerosis".
        names = [f"{n}{suffix}" for n in sub.names for suffix in ("", " ms", " multiple sclerosis")]
        add("SUBTYPE", sub.key, names, sub.case_sensitive)
    for group in lex.groups.values():
        add("SUBTYPE_GROUP", group.key, group.names, group.case_sensitive)
    for label, keyed in CONCEPTS.items():
        for key, phrases in keyed.items():
            add(label, key, phrases)
    ruler.add_patterns(patterns)
    return nlp
