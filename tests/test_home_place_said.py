"""Where a person lives, read from any message (trials_db/geo.home_place_said): the cue that
says it best wins, a town named in passing counts only when it is well known and written as a
name, and a state or region gives its country. Cases are built sentences."""

from __future__ import annotations

import pytest

from trials_db.facts import message_facts
from trials_db.geo import home_place_said, region_country
from trials_db.lexicon import load as load_lexicon


@pytest.mark.parametrize(
    "text, label",
    [
        ("I live in Dublin", "Dublin, Ireland"),
        ("im from brazil but living in lisbon now", "Lisbon, Portugal"),  # home beats origin
        ("Female, 60, PPMS, EDSS 6.5, Glasgow.", "Glasgow, United Kingdom"),  # a list item
        ("32, RRMS, on Ocrevus, in Vienna", "Vienna, Austria"),
        ("33F in texas with rrms", "Texas, United States"),  # a state, in lower case
        ("resident in Ontario.", "Ontario, Canada"),  # the province, not Ontario in California
        ("I live in Atlanta Georgia", "Atlanta, GA, United States"),  # "Town State"
        ("hi I'm from Toronto Canada I'm 45", "Toronto, Canada"),
        ("I am 57, male, from Graz in Austria.", "Graz, Austria"),
        ("woman from near Stuttgart. Since 2016 I have MS", "Stuttgart, Germany"),
        ("from brussels", "Brussels, Belgium"),  # a big city needs no capital after "from"
        ("I live in New York", "New York City, NY, United States"),  # the city, same country
        # a cue whose words name no place does not hide the next one
        ("edss went from 4 to 6 in the last 3 yrs even on ocrevus. in Dublin", "Dublin, Ireland"),
        ("He lives with me in Manchester.", "Manchester, United Kingdom"),
    ],
)
def test_a_place_said_with_a_cue_is_read(text, label):
    home = home_place_said(text)
    assert home is not None and home["label"] == label


@pytest.mark.parametrize(
    "text",
    [
        "I had a relapse in may",  # a month, not a town
        "relapsing in bath",  # a town of that name, but not written as one
        "in the last 2 years",
        "In March 2025 I started Ocrevus",
        "I was on Tysabri in 2019",
        "I write from Valencia",  # Valencia in Spain and in Venezuela: never guessed
        "from Springfield",  # a name many towns share: never guessed
        "originally from Dublin",  # where someone comes from is not where they live
        "RRMS, 40, on Ocrevus. Thanks, Austin",  # a name signing off
    ],
)
def test_no_place_is_guessed(text):
    assert home_place_said(text) is None


def test_the_country_follows_the_place_unless_one_was_said_or_is_known():
    facts = message_facts("38, RRMS, living in Auckland", "inform", None, {})
    assert facts["country"] == "New Zealand" and facts["home_place"]["country"] == "New Zealand"
    known = message_facts("38, RRMS, living in Auckland", "inform", None, {"country": "Canada"})
    assert "country" not in known


@pytest.mark.parametrize(
    "answer, country",
    [("bavaria", "Germany"), ("ontario", "Canada"), ("glasgow", "United Kingdom")],
)
def test_a_region_or_city_answers_the_country_question(answer, country):
    assert message_facts(answer, "inform", "country", {})["country"] == country


def test_every_region_belongs_to_a_country_of_the_lexicon():
    lex = load_lexicon()
    assert lex.regions and set(lex.regions.values()) <= set(lex.countries)
    assert region_country("Tamil Nadu") == ("Tamil Nadu", "India")


@pytest.mark.parametrize(
    "text, country", [("19 f 🇬🇧 rrms", "United Kingdom"), ("im 40 🇩🇪", "Germany")]
)
def test_a_flag_says_the_country(text, country):
    assert message_facts(text, "inform", None, {})["country"] == country


@pytest.mark.parametrize(
    "text, country",
    [  # built: a town as a list item of its own, in any script, in lower case when big, or
        # after the words of a short profile
        ("I'm 57, EDSS 6, male, Kraków.", "Poland"),
        ("RRMS, 44 year old man, Łódź. Last relapse 2017", "Poland"),
        ("27 m rrms dx 2023, delhi", "India"),
        ("26f. nothing yet. bristol", "United Kingdom"),
        ("39 F RRMS Brisbane.", "Australia"),
        ("RRMS, 38, MALE, ON NOTHING. ISTANBUL.", "Turkey (Türkiye)"),  # "MALE" is not Malé
        ("On Briumvi now. Auckland NZ. female", "New Zealand"),  # a country qualifying it
        # never: a small town in lower case, a word after other words, a name signing off
        ("26f. nothing yet. paisley", None),
        ("RRMS, 40, on Ocrevus. Thanks, Bristol", None),
        ("I am so Tired.", None),
        ("we go to Split.", None),
        ("38, RRMS, MALE.", None),
    ],
)
def test_a_town_as_a_list_item_of_its_own(text, country):
    assert message_facts(text, "inform", None, {}).get("country") == country


@pytest.mark.parametrize(
    "text, country",
    [
        # built after fresh9
        ("Dear Coordinator, I, Mrs. Farida Khan, 39 years, r/o Lucknow, RRMS", "India"),
        ("I am Mr. Rajesh Iyer, aged forty one years, residing at Chennai.", "India"),
        ("G'day, 36 y/o bloke from Geelong here.", "Australia"),
        ("29, RRMS. newcastle nsw", "Australia"),  # a region after the town
        ("I live in Qxwmbe NSW", "Australia"),  # a made-up town: the region still says it
        ("edss 6.5. tassie.", "Australia"),
        ("SPMS now, 57, woman, EDSS 6, Vancouver Island.", "Canada"),
        ("29 m btw, rrms, nyc", "United States"),  # a three-letter name of a city of millions
        # and what names no place
        ("Dear Mrs Smith, I am 45, RRMS", None),  # a title is no town ("MRS" is an airport)
        ("I'm 40 and work in a bank", None),
        ("I'm living at home with my parents", None),
    ],
)
def test_places_said_in_letters_and_with_a_region_after_them(text, country):
    assert message_facts(text, None, None, {}).get("country") == country


@pytest.mark.parametrize(
    "text, asked, country, label",
    [
        # built after fresh14: a US address's state code and ZIP, a region whose name holds a
        # country's ("new south wales"), a Canadian province's code, home over where treated
        ("Birmingham, AL 35203", "country", "United States", "Birmingham, AL, United States"),
        (
            "47 female, rrms. Birmingham, AL 35203",
            None,
            "United States",
            "Birmingham, AL, United States",
        ),
        ("47 female, rrms. Birmingham, UK", None, "United Kingdom", "Birmingham, United Kingdom"),
        ("new south wales 🦘", "country", "Australia", None),
        ("Raleigh NC 27601", "country", "United States", None),
        ("treated in Seattle but I live in Vancouver BC", "country", "Canada", "Vancouver, Canada"),
        ("Wales", "country", "United Kingdom", None),
    ],
)
def test_states_provinces_and_regions_that_hold_a_country_name(text, asked, country, label):
    got = message_facts(text, "inform", asked, {})
    assert got.get("country") == country
    if label:
        assert got["home_place"]["label"] == label


def test_a_slash_profile_names_the_town_and_no_unknown_treatment():
    # found trying the bot: "Chicago" was said back as an unknown MS treatment
    from trials_db.facts import unrecognised_treatments

    text = "30/F/Chicago, rrms dx 2020, on ocrevus w/o any relapses since starting. edss 2"
    assert unrecognised_treatments(text) == []
    assert unrecognised_treatments("Zorblax and Tecfidera") == ["Zorblax"]
    got = message_facts(text, "inform", "age", {})
    assert got["home_place"]["label"] == "Chicago, IL, United States"
    assert (got["age"], got["sex"], got["edss"]) == (30, "female", 2.0)


@pytest.mark.parametrize(
    "text, asked, country",
    [
        # a story of places ends where they are now
        (
            "Born in Poland, grew up in Chicago, did my PhD in Edinburgh, now in Melbourne for "
            "the last 6 years",
            None,
            "Australia",
        ),
        (
            "We moved around a lot - Texas, then Germany for 3 years, then back - and now we're in "
            "Ohio near Columbus",
            "country",
            "United States",
        ),
        # the country they left is not where they live
        ("We've been in Brisbane since 2009 when we emigrated from Scotland", None, "Australia"),
    ],
)
def test_where_a_story_of_places_ends_is_home(text, asked, country):
    assert message_facts(text, "inform", asked, {})["country"] == country


@pytest.mark.parametrize(
    "text, country",
    [  # built: a town as a cell of a table or after a pictograph; home in another language
        ("34 | RRMS | EDSS 2 | 📍Lisbon", "Portugal"),
        ("RRMS | Zeposia ✔ | 31 | Brisbane", "Australia"),
        ("🎂 30 | 🏠 Cape Town", "South Africa"),
        ("Age: 37 / Dx: SPMS / Location: Köln", "Germany"),
        ("tengo 31 años, mujer, vivo en Sevilla", "Spain"),
        ("44 anos, masculino, moro em Lisboa", "Portugal"),
        ("Born in Kraków, studied in Berlin, and I've lived in Dublin since 2014", "Ireland"),
    ],
)
def test_the_home_in_a_table_a_pictograph_list_or_another_language(text, country):
    assert message_facts(text, "inform", None, {}).get("country") == country


@pytest.mark.parametrize(
    "text, asked, country",
    [  # built: where someone moved to, a sentence that opens on "just outside", slang names
        ("Moved from Leeds to Calgary last year. 38, RRMS since 2012, male.", None, "Canada"),
        ("I moved to Calgary last year", None, "Canada"),
        ("Just outside Hobart. 55, SPMS, Female.", None, "Australia"),
        ("Near Lyon, 44, RRMS", None, "France"),
        ("Oz", "country", "Australia"),
        ("a small village in Himachal Pradesh", "country", "India"),
        # the town they left is not home
        ("I moved from Leeds", None, None),
    ],
)
def test_where_they_moved_and_the_town_they_are_just_outside(text, asked, country):
    assert message_facts(text, "inform", asked, {}).get("country") == country


def test_a_home_that_was_is_no_home():
    """Built after fresh64: "I used to live in Dublin" names no home now."""
    home = home_place_said("I used to live in Dublin but I've been in Liverpool ever since uni")
    assert home is None or home["country"] != "Ireland"
    assert home_place_said("used to live in Paris, now in Lyon")["label"].startswith("Lyon")
    assert home_place_said("I live in Dublin")["country"] == "Ireland"


@pytest.mark.parametrize(
    "text, asked, country",
    [
        # built after fresh72: the place they moved from was taken as home
        ("Buffalo - we moved down from Ontario last year", "country", None),
        ("Toronto, moved from Leeds in 2010", "country", "Canada"),
        ("I'm from Dublin, moved back from London in 2020", None, "Ireland"),
        ("44, RRMS, grew up in Cork, live in Boston", None, "United States"),
        # where they went, after the place they left, is home
        ("moved from Leeds to Calgary last year. 44, RRMS", None, "Canada"),
    ],
)
def test_the_place_moved_from_is_no_home(text, asked, country):
    assert message_facts(text, "inform", asked, {}).get("country") == country


@pytest.mark.parametrize(
    "text, country",
    [
        # built after fresh71: a record's address label named no home
        ("Age: 47   Sex: Female\nAddress: Sacramento, CA", "United States"),
        ("City: Toronto", "Canada"),
        # a pharmacy's address is not the patient's
        ("Preferred pharmacy: Boots, Oxford Street, London W1", None),
    ],
)
def test_a_records_address_label_names_the_home(text, country):
    assert message_facts(text, "inform", None, {}).get("country") == country
