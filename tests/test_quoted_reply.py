"""A reply that quotes (trials_db.quoted_reply): quoted lines are someone else's words, and the
writer's lines under a quoted question of the bot answer it, in order. Built after fresh59:
"> Are you currently pregnant or breastfeeding?\\nbreastfeeding yes, pregnant no" stored
pregnant = yes, and a forum member's quoted EDSS became the writer's."""

from __future__ import annotations

from trials_db.facts import message_facts
from trials_db.quoted_reply import Part, own_parts


def facts(text: str, asked: str | None = None) -> dict:
    return message_facts(text, "inform", asked, {})


def test_a_message_that_quotes_nothing_is_read_whole():
    assert own_parts("I'm 45\nRRMS, on Ocrevus") is None


def test_answers_under_quoted_questions_answer_them_in_order():
    text = "> Are you pregnant?\n> Are you breastfeeding?\n\nNo.\nYes, my son is 5 months."
    assert own_parts(text) == [
        Part("pregnant", "No."),
        Part("breastfeeding", "Yes, my son is 5 months."),
    ]
    got = facts(text, "breastfeeding")
    assert got["pregnant"] is False and got["breastfeeding"] is True


def test_a_form_pasted_back_with_its_answers():
    text = (
        "> What is your age?\n33\n> Where do you live?\nGalway\n"
        "> Are you currently pregnant or breastfeeding?\nbreastfeeding yes, pregnant no"
    )
    got = facts(text)
    assert got["age"] == 33 and got["country"] == "Ireland"
    assert got["pregnant"] is False and got["breastfeeding"] is True


def test_another_members_quoted_words_set_nothing_for_the_writer():
    text = (
        "@dave_k wrote:\n> anyone else here on Ocrevus with PPMS and EDSS 6.5?\n\n"
        "not me - I'm SPMS, EDSS 5.5, on Mayzent since 2022. 61, male, Ontario"
    )
    got = facts(text)
    assert got["edss"] == 5.5 and got["ms_subtype"] == "SPMS"
    assert got["prior_therapies"] == ["siponimod"]  # not the quoted Ocrevus
    quote = "Quote from MSmum_Kate:\n> I'm 38, RRMS, on Kesimpta\n\nI'm a bit older, 47, SPMS."
    assert facts(quote)["age"] == 47


def test_the_writers_own_earlier_words_count_and_the_new_ones_correct_them():
    text = (
        "Sorry, correction to what I sent yesterday:\n> I'm 41, RRMS since 2015, on Gilenya\n"
        "Zeposia since 2022, Gilenya was before that."
    )
    got = facts(text)
    assert got["age"] == 41 and got["ms_subtype"] == "RRMS"
    assert got["current_therapy"] == "ozanimod"


def test_no_facts_beside_a_crisis_in_a_quoting_reply():
    text = "> How old are you?\n45\nI don't want to live anymore"
    assert facts(text) == {}
