"""How hard a text is to read: the Flesch-Kincaid grade, offline, with our own syllable counter.

Health-literacy guidance asks for patient text at school grade 4 to 6. The bot's own
messages (``domain.yml`` responses, what-taking-part-involves sentences) must score grade 6
or lower; the explanation sentences built from a trial's criteria, grade 8 or lower
(tests/test_readability.py).

The rules, so a score can be checked by hand:

* **One text is scored as a whole.** Flesch-Kincaid on one short sentence is noisy (a single
  three-syllable word moves it by several grades), so a response is scored with all its
  sentences together, never sentence by sentence.
* **Sentences** end at ``.``, ``!``, ``?`` or a line break (bullets and list lines are separate
  sentences). A full stop inside a number ("3.5") or a web address does not end one.
* **Words** are runs of letters or digits; an apostrophe ("didn't") or hyphen
  ("relapsing-remitting") keeps a word together, and the syllables of its parts add up.
  A number ("42", "3.5", "+44 20 7946 0000" counts as three numbers) is one word of one
  syllable, as a reader sees it at a glance.
* **Allowed terms** count as one-syllable proper nouns: EDSS, MS and its types (RRMS...),
  relapse, NCT numbers, ClinicalTrials.gov, and the names of MS drugs and their brands. They
  are words a person with MS meets in letters from their neurologist; the bot explains each
  the first time it uses it (``GLOSSARY``), so the formula should not count them as hard.
  The name of an MS type ("relapsing-remitting", "secondary progressive", "clinically
  isolated syndrome") counts as one such word: the MS-type question shows them as buttons and
  ``utter_ms_types`` explains them. A medical word of a trial's wording counts as one
  syllable in a text that explains it right beside it ('"Cytotoxic" means it kills cells.',
  ``MEDICAL_GLOSSES``): the trial's word stays visible, the gloss says it plainly.
  A short abbreviation in capitals (OK, CIS, ZIP) counts
  one syllable too.
* **Syllables** come from a small heuristic (vowel groups, silent final e, -ed and -es
  endings, a few known exceptions), tested against dictionary counts. No word list is
  downloaded; nothing here needs the network.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

# Terms the bot may use, each with the plain words it gives the first time (tests check that
# the first response in the conversation to use a term also explains it).
GLOSSARY: dict[str, str] = {
    "MS": "multiple sclerosis",
    "EDSS": "disability score",
    "relapse": "new or worsening",
}

# Medical words a patient may meet in a trial's wording, with a plain gloss. Where the matcher
# renders trial words (drug classes, a study's own summary), the gloss goes beside them.
MEDICAL_GLOSSES: dict[str, str] = {
    # Words of drug classes as the matcher names them (trials_db/lexicon/drugs.yml labels).
    "disease-modifying": "it aims to slow MS down",
    "immunosuppressive": "it weakens the immune system",
    "monoclonal antibody": "a lab-made protein that acts on the immune system",
    "immune reconstitution": "a short course of treatment that resets the immune system",
    "BTK inhibitor": "a pill that calms some immune cells",
    "cytotoxic": "it kills cells",
    # Words of a trial's own text.
    "contraindication": "a reason a treatment may not be safe for you",
    "contraindications": "reasons a treatment may not be safe for you",
    "contraindicated": "not safe for you to take",
    "immunosuppressant": "a medicine that weakens the immune system",
    "immunosuppressants": "medicines that weaken the immune system",
    "immunomodulatory": "it changes how the immune system works",
    "placebo": "a dummy treatment with no medicine in it",
    "randomized": "put in a group by chance",
    "randomised": "put in a group by chance",
    "double-blind": "you and the study team do not know which group you are in",
    "gadolinium": "a dye used in MRI scans",
    "lesions": "areas of damage",
    "efficacy": "how well it works",
    "subcutaneous": "under the skin",
    "intravenous": "into a vein",
}

_BASE_TERMS = {
    "ms",
    "edss",
    "rrms",
    "spms",
    "ppms",
    "cis",
    "ris",
    "rms",
    "prms",
    "nct",
    "mri",
    "relapse",
    "relapses",
    "relapsing",
    "relapsed",
    "clinicaltrials.gov",
    "tecfidera",
    "ocrevus",
    "zip",
}

_WORD = re.compile(
    r"(?:https?://\S+|[A-Za-z]+\.(?:gov|org|com)\b|NCT\d+|[+]?\d+(?:[.,:]\d+)*%?|"
    r"[A-Za-z\u00C0-\u024F]+(?:['\u2019-][A-Za-z\u00C0-\u024F]+)*)"
)
_SENTENCE_END = re.compile(r"(?<!\d)[.!?]+(?=\s|$|[\"')\]])|[.!?]+(?=\s)|\n+")


def _names_from_lexicon() -> set[str]:
    try:
        from .lexicon import load
    except Exception:  # pragma: no cover - the module works without the lexicon
        return set()
    lex = load()
    names: set[str] = set()
    for drug in lex.drugs.values():
        for n in (drug.name, *drug.brands, *drug.names, *drug.case_sensitive):
            names.update(
                w.lower() for w in re.findall(r"[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*", str(n))
            )
    return names


@functools.lru_cache(maxsize=1)
def allowed_phrases() -> tuple[str, ...]:
    """Names of MS types ("relapsing-remitting", "clinically isolated syndrome"), each counted
    as one word of one syllable: they are names, shown on the buttons of the MS-type question."""
    phrases = {
        "relapsing-remitting",
        "relapsing remitting",
        "secondary progressive",
        "primary progressive",
        "clinically isolated syndrome",
        "radiologically isolated syndrome",
    }
    try:
        from .lexicon import load

        for sub in load().subtypes.values():
            label = re.sub(r"\s*\(.*?\)", "", sub.label)
            phrases.add(re.sub(r"\s+MS$", "", label).strip())
    except Exception:  # pragma: no cover - the module works without the lexicon
        pass
    return tuple(sorted((p for p in phrases if p), key=len, reverse=True))


def _names_as_one_word(text: str) -> str:
    for phrase in allowed_phrases():
        text = re.sub(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", "MS", text, flags=re.IGNORECASE)
    return text


@functools.lru_cache(maxsize=1)
def allowed_terms() -> frozenset[str]:
    """Lower-cased words counted as one-syllable proper nouns (see the module's rules)."""
    # Drug names only: a class word such as "therapy" is not a proper noun.
    plain = {
        "therapy",
        "medicine",
        "oral",
        "acid",
        "and",
        "or",
        "the",
        "of",
        "other",
        "injections",
        "tablets",
    }
    return frozenset(_BASE_TERMS | (_names_from_lexicon() - plain))


# ------------------------------------------------------------------------------- syllables

# Words the vowel-group rule gets wrong, with their dictionary count.
_EXCEPTIONS = {
    "area": 3,
    "areas": 3,
    "idea": 3,
    "ideas": 3,
    "people": 2,
    "every": 2,
    "everyone": 3,
    "everything": 3,
    "evening": 2,
    "business": 2,
    "different": 3,
    "several": 3,
    "family": 3,
    "interest": 3,
    "interested": 4,
    "usually": 4,
    "actually": 4,
    "really": 2,
    "quiet": 2,
    "science": 2,
    "create": 2,
    "created": 3,
    "being": 2,
    "doing": 2,
    "going": 2,
    "seeing": 2,
    "ok": 2,
    "okay": 2,
    "email": 2,
    "emails": 2,
    "cooperate": 4,
    "video": 3,
    "radio": 3,
    "neurologist": 4,
    "neurologists": 4,
    "neurologist's": 4,
    "neurology": 4,
    "period": 3,
    "periods": 3,
    "serious": 3,
    "previous": 3,
    "various": 3,
    "medium": 3,
    "stadium": 3,
    "experience": 4,
    "science's": 2,
    "coordinator": 5,
    "coordinators": 5,
    "diet": 2,
    "create's": 2,
    "react": 2,
    "reaction": 3,
    "poem": 2,
    "poet": 2,
    "naive": 2,
    "lion": 2,
    "biology": 4,
    "diabetes": 4,
    "trial": 2,
    "trials": 2,
    "dial": 2,
    "fuel": 2,
    "cruel": 2,
    "real": 1,
    "deal": 1,
    "meal": 1,
    "ideal": 3,
    "being's": 2,
    "creating": 3,
    "theory": 3,
    "liable": 3,
    "via": 2,
    "trying": 2,
    "buying": 2,
    "saying": 2,
    "staying": 2,
    "playing": 2,
    "paying": 2,
    "flying": 2,
    "dying": 2,
    "lying": 2,
    "studying": 3,
    "carrying": 3,
    "worrying": 3,
    "skiing": 2,
    "agreeing": 3,
    "everybody": 4,
    "anyone": 3,
    "someone": 2,
    "somewhere": 2,
    "sometimes": 2,
    "something": 2,
    "maybe": 2,
    "whereas": 2,
    "therefore": 2,
    "themselves": 2,
    "yourself": 2,
    "yourselves": 2,
    "somehow": 2,
    "sure": 1,
    "though": 1,
    "through": 1,
    "rhythm": 2,
    "prism": 2,
    "chasm": 2,
    "schism": 2,
    "heaven": 2,
    "seven": 2,
    "pharmaceutical": 5,
    "fatigue": 2,
    "vague": 1,
    "league": 1,
    "tongue": 1,
    "unique": 2,
    "technique": 2,
    "antique": 2,
    "queue": 1,
    "issue": 2,
    "tissue": 2,
    "rescue": 2,
    "value": 2,
    "continue": 3,
    "argue": 2,
    "statue": 2,
    "virtue": 2,
    "hue": 1,
    "due": 1,
    "true": 1,
    "blue": 1,
    "clue": 1,
    "glue": 1,
    "sue": 1,
    "fire": 1,
    "hire": 1,
    "wire": 1,
    "tire": 1,
    "tired": 1,
    "tiredness": 2,
    "hour": 1,
    "hours": 1,
    "our": 1,
    "flour": 1,
    "power": 2,
    "shower": 2,
    "flower": 2,
    "lower": 2,
    "tower": 2,
    "towel": 2,
    "vowel": 2,
    "jewel": 2,
    "anemia": 4,
    "anaemia": 4,
    "pneumonia": 4,
    "insomnia": 3,
    "mania": 3,
    "media": 3,
    "india": 3,
    "california": 5,
    "patient": 2,
    "patients": 2,
    "ancient": 2,
    "sufficient": 3,
    "efficient": 3,
    "quotient": 2,
    "social": 2,
    "special": 2,
    "official": 3,
    "crucial": 2,
    "facial": 2,
    "initial": 3,
    "partial": 2,
    "financial": 3,
    "potential": 3,
    "essential": 3,
    "confidential": 4,
    "ocean": 2,
    "region": 2,
    "religion": 3,
    "million": 2,
    "billion": 2,
    "opinion": 3,
    "onion": 2,
    "union": 2,
    "companion": 3,
    "champion": 3,
    "medicine": 3,
    "medicines": 3,
    "vaccine": 2,
    "vaccines": 2,
    "engine": 2,
    "imagine": 3,
    "machine": 2,
    "routine": 2,
    "magazine": 3,
    "gasoline": 3,
    "questionnaire": 3,
    "naturally": 4,
    "wednesday": 2,
    "chocolate": 3,
    "camera": 3,
    "general": 3,
    "generally": 4,
    "favorite": 3,
    "favourite": 3,
    "mineral": 3,
    "several's": 3,
    "temperature": 4,
    "vegetable": 4,
    "comfortable": 4,
    "literature": 4,
    "average": 3,
    "beverage": 3,
    "coverage": 3,
    "europe": 2,
    "australia": 4,
    "italy": 3,
    "germany": 3,
    "ireland": 2,
    "georgia": 3,
    "contraception": 4,
    "contraceptive": 4,
    "contraindication": 6,
    "contraindications": 6,
    "immunosuppressive": 6,
    "immunosuppressant": 6,
    "intravenous": 5,
    "creatinine": 4,
    "scenario": 4,
    "audio": 3,
    "stereo": 3,
    "rodeo": 3,
    "museum": 3,
    "geography": 4,
    "geology": 4,
    "biopsy": 3,
    "violent": 3,
    "violence": 3,
    "science-based": 3,
    "diagnosed": 3,
    "diagnosis": 4,
    "diagnose": 3,
    "via's": 2,
    "deteriorate": 5,
    "deterioration": 6,
    "cooperation": 5,
    "coordinate": 4,
    "coordinated": 5,
    "reuse": 2,
    "preexisting": 4,
    "reenter": 3,
    "being-": 2,
    "gene": 1,
    "genes": 1,
    "scene": 1,
    "scheme": 1,
    "theme": 1,
    "eye": 1,
    "eyes": 1,
    "bye": 1,
    "goodbye": 2,
    "dye": 1,
    "aye": 1,
    "ayes": 1,
    "you're": 1,
    "we're": 1,
    "they're": 1,
    "you've": 1,
    "we've": 1,
    "i've": 1,
    "i'm": 1,
    "i'll": 1,
    "you'll": 1,
    "we'll": 1,
    "they'll": 1,
    "it'll": 2,
    "i'd": 1,
    "you'd": 1,
    "didn't": 2,
    "doesn't": 2,
    "isn't": 2,
    "wasn't": 2,
    "aren't": 1,
    "weren't": 1,
    "haven't": 2,
    "hasn't": 2,
    "hadn't": 2,
    "couldn't": 2,
    "wouldn't": 2,
    "shouldn't": 2,
    "can't": 1,
    "won't": 1,
    "don't": 1,
    "let's": 1,
    "that's": 1,
    "there's": 1,
    "here's": 1,
    "what's": 1,
    "it's": 1,
    "he's": 1,
    "she's": 1,
    "who's": 1,
}


def _syllables_one(word: str) -> int:
    """Syllables of one plain word: vowel groups, less silent endings, plus split pairs."""
    w = word.lower().strip("'")
    if w in _EXCEPTIONS:
        return _EXCEPTIONS[w]
    if w.endswith("'s") and w[:-2] in _EXCEPTIONS:
        return _EXCEPTIONS[w[:-2]]
    w = re.sub(r"[^a-z]", "", w)
    if len(w) <= 3:
        return 1
    count = len(re.findall(r"[aeiouy]+", w))
    # A silent final e (make, before), but not in -le after a consonant (table), -ee, -ie.
    if (
        w.endswith("e")
        and not w.endswith(("ee", "ye", "oe", "ie"))
        and not re.search(r"[^aeiouy]le$", w)
    ):
        count -= 1
    # -es and -ed are silent after most consonants (makes, asked), not after a hiss or t/d.
    elif re.search(r"[^aeiouy]es$", w) and not re.search(r"(?:[sxzcg]|ch|sh|[^aeiouy]l)es$", w):
        count -= 1
    elif (
        re.search(r"[^aeiouy]ed$", w)
        and not re.search(r"[td]ed$", w)
        and (not re.search(r"[^aeiouy]led$", w) or w.endswith("lled"))
    ):
        count -= 1
    # A silent e before a suffix (likely, statement, careful, homeless).
    count -= len(re.findall(r"[^aeiouy]e(?:ly|ment|ments|ful|ness|less)$", w))
    # Vowel pairs read as two syllables (trial, period, medium, video, usual), except in the
    # endings said as one (-tion, -cial, -cious) and after q/g (quality, language).
    count += len(re.findall(r"(?:ia|io|iu|eo|ua|uo|ii)", w))
    count -= len(re.findall(r"(?:[tsc]i(?:o|a|u)|[gq]u[aio]|[^aeiou]gi[ao]n)", w))
    if re.search(r"[aeiou]y[aou]", w):
        count += 1  # beyond, mayor: a y between vowels starts a syllable
    if re.search(r"[aeiouy]ing$", w):
        count += 1  # saying, going, being: the vowel before -ing is its own syllable
    if re.search(r"[^aeiouy]ism$", w):
        count += 1  # autism
    return max(1, count)


def syllables(word: str) -> int:
    """Syllables in one word; hyphenated parts add up; allowed terms and numbers count one."""
    low = word.lower()
    if (
        low in allowed_terms()
        or low.rstrip("'s") in allowed_terms()
        or re.fullmatch(r"[+]?[\d.,:%]+", word)
    ):
        return 1
    if re.match(r"https?://|nct\d", low) or re.fullmatch(r"[a-z]+\.(gov|org|com)", low):
        return 1
    if word.isupper() and len(word) <= 5:  # an abbreviation said letter by letter: count one
        return 1
    parts = [p for p in word.split("-") if p]
    if len(parts) > 1:
        return sum(syllables(p) for p in parts)
    return _syllables_one(word)


# ---------------------------------------------------------------------------- the score


@dataclass(frozen=True)
class Score:
    words: int
    sentences: int
    syllables: int

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade: 0.39 words/sentence + 11.8 syllables/word - 15.59."""
        if not self.words:
            return 0.0
        return round(
            0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59, 1
        )


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(text: str) -> list[str]:
    """The text cut into sentences (see the module's rules); empty pieces are dropped."""
    # Hide full stops that do not end a sentence: in numbers, web addresses, "e.g.", "i.e.".
    protected = re.sub(r"https?://\S+", lambda m: m.group(0).replace(".", "\x00"), text)
    protected = re.sub(
        r"\b[A-Za-z]+\.(?:gov|org|com)\b", lambda m: m.group(0).replace(".", "\x00"), protected
    )
    protected = re.sub(
        r"\b(e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms)\.", lambda m: m.group(0).replace(".", "\x00"), protected
    )
    protected = re.sub(r"(?<=\d)\.(?=\d)", "\x00", protected)
    pieces = re.split(r"(?<=[.!?])[\"')\]]*\s+|\n+", protected)
    return [p.replace("\x00", ".").strip() for p in pieces if words(p.replace("\x00", "."))]


def explained_words(text: str) -> set[str]:
    """Medical words that ``text`` itself explains ('"Cytotoxic" means it kills cells.')."""
    return {
        w.lower()
        for term in medical_words(text)
        if f'"{term[0].upper() + term[1:]}" means' in text
        for w in words(term)
    }


def score(text: str) -> Score:
    text = _names_as_one_word(text)
    found = words(text)
    explained = explained_words(text)
    return Score(
        len(found),
        max(len(sentences(text)), 1),
        sum(1 if w.lower() in explained else syllables(w) for w in found),
    )


def grade(text: str) -> float:
    """The Flesch-Kincaid grade of a whole text (all its sentences together)."""
    return score(text).grade


def hardest(texts: Iterable[str], limit: int = 5) -> list[tuple[float, str]]:
    """The texts with the highest grade, hardest first."""
    return sorted(((grade(t), t) for t in texts), reverse=True)[:limit]


# ------------------------------------------------------------------------------- glosses


def _gloss_pattern(term: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){re.escape(term)}(?![\w])", re.IGNORECASE)


def medical_words(text: str) -> list[str]:
    """The glossed medical words found in ``text``, in the order they appear, each once (a
    longer term wins over a word inside it)."""
    found: dict[str, int] = {}
    for term in sorted(MEDICAL_GLOSSES, key=len, reverse=True):
        hit = _gloss_pattern(term).search(text)
        if hit and not any(term.lower() in f.lower() for f in found):
            found[term] = hit.start()
    return sorted(found, key=found.__getitem__)


def gloss_sentences(text: str) -> list[str]:
    """One plain sentence per medical word in ``text``, to stand beside the trial's words
    (which stay as they are): '"Immunosuppressive" means it weakens the immune system.'"""
    return [
        f"\"{term[0].upper() + term[1:]}\" means {MEDICAL_GLOSSES[term]}."
        for term in medical_words(text)
    ]
