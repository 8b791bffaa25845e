"""How bot replies are shaped for messaging channels: markup, splitting, numbered options."""

from __future__ import annotations

import pytest

from bot.channels.platforms import platform, wording
from bot.channels.rendering import (
    needs_numbers,
    numbered_options,
    parse_choice,
    plain_text,
    split_text,
    text_units,
)

CRITERION = (
    "Diagnosis of Relapsing-Remitting MS (RRMS) (≥1 clinically documented relapse in "
    "the past 12 months) or Secondary Progressive MS (SPMS) (EDSS ≤ 5.0). "
)


def test_plain_text_drops_markup_but_keeps_comparisons():
    text = (
        "**Good news**: see [the study](https://clinicaltrials.gov/study/NCT05532943).<br>"
        "<b>EDSS</b> < 6.5 and > 2, AST & ALT > 5X ULN"
    )
    assert plain_text(text) == (
        "Good news: see the study (https://clinicaltrials.gov/study/NCT05532943).\n"
        "EDSS < 6.5 and > 2, AST & ALT > 5X ULN"
    )


@pytest.mark.parametrize("name, limit", [("telegram", 4096), ("slack", 3000), ("facebook", 2000)])
def test_long_explanation_is_split_under_each_platform_limit(name, limit):
    assert platform(name).text_limit == limit
    paragraphs = [f"{i}. {CRITERION * 3}".strip() for i in range(1, 40)]
    text = "\n\n".join(paragraphs)
    chunks = split_text(text, limit)
    assert len(chunks) > 1
    assert all(text_units(c) <= limit for c in chunks)
    # Nothing lost, nothing reordered, no paragraph cut in two (each fits on its own).
    assert "\n\n".join(chunks) == text
    # Packed: the next paragraph would not have fitted into the message before it.
    for current, following in zip(chunks, chunks[1:]):
        assert text_units(current + "\n\n" + following.split("\n\n")[0]) > limit


def test_a_paragraph_over_the_limit_is_cut_at_sentence_ends_then_words():
    text = CRITERION * 40  # one paragraph, ~5,000 characters
    chunks = split_text(text, 2000)
    assert all(text_units(c) <= 2000 for c in chunks)
    assert all(c.endswith(".") for c in chunks[:-1])
    assert " ".join(chunks).split() == text.split()
    word = "x" * 4500  # no break anywhere: cut hard
    assert [len(c) for c in split_text(word, 2000)] == [2000, 2000, 500]


def test_emoji_count_double_so_no_platform_sees_too_many_characters():
    text = "😀" * 3000  # 3,000 code points, 6,000 UTF-16 units
    chunks = split_text(text, 4096)
    assert [text_units(c) for c in chunks] == [4096, 1904]
    assert "".join(chunks) == text


def test_blank_text_gives_no_message():
    assert split_text("  \n\n ", 4096) == []


def test_buttons_are_numbered_only_where_the_platform_cannot_show_them():
    subtypes = [
        {"title": "Relapsing-remitting MS", "payload": "/inform{\"ms_subtype\":\"RRMS\"}"},
        {"title": "Secondary progressive MS", "payload": "/inform{\"ms_subtype\":\"SPMS\"}"},
    ]
    yes_no = [{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
    assert needs_numbers(subtypes, platform("facebook"))  # quick reply titles: 20 characters
    assert not needs_numbers(subtypes, platform("slack"))
    assert not needs_numbers(subtypes, platform("telegram"))
    assert not needs_numbers(yes_no, platform("facebook"))
    long_payload = [{"title": "Yes", "payload": "/inform" + "x" * 60}]
    assert needs_numbers(long_payload, platform("telegram"))  # callback_data: 64 bytes
    many = [{"title": f"Option {i}", "payload": f"/o{i}"} for i in range(14)]
    assert needs_numbers(many, platform("facebook")) and not needs_numbers(many, platform("slack"))


def test_numbered_options_text_and_replies():
    buttons = [{"title": "**Yes**", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
    text = numbered_options("Do you agree?", buttons)
    assert text == f"Do you agree?\n\n1. Yes\n2. No\n\n{wording('numbered_hint')}"
    assert [parse_choice(s) for s in ("2", " 2. ", "#1", "2)", "two", "2 please", "", None)] == [
        2,
        2,
        1,
        2,
        None,
        None,
        None,
        None,
    ]
