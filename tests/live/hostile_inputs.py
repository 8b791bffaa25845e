"""A generated set of hostile or odd messages: what people, scripts and broken clients send.

Deterministic (a fixed seed): the same messages on every run, so a failure can be replayed.
"""

from __future__ import annotations

import json
import random

LONG = 10_000

EMOJI = ["🙂", "🙂🙂🙂", "👍", "❤️‍🔥", "🧠💊🏥", "🇩🇪🇹🇼", "👩🏽‍⚕️", "🤷‍♀️", "😡" * 50, "🫠🫨"]
RIGHT_TO_LEFT = [
    "عمري ٣٤ سنة ولدي التصلب المتعدد",
    "אני בת 34 ויש לי טרשת נפוצה",
    "\u202eI'm 34 with RRMS",
    "٣٤",
    "EDSS ٣٫٥",
    "\u200fنعم\u200f",
    "مرحبا",
    "\u202b34\u202c years",
    "אולי",
    "لا",
]
CONTROL = [
    "\x00",
    "34\x00",
    "\x00" * 200,
    "hi\x00there",
    "\x07\x08\x1b[31mred\x1b[0m",
    "\r\n\r\n",
    "\t\t\t",
    "\u200b\u200b",
    "\ufeffyes",
    "\x1f\x7f\x85",
    "ye\x00s",
    "3\x005",
    "\u2028\u2029",
    "\ud800",
    "a\udfffb",
]
MARKUP = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg/onload=alert(1)>",
    "javascript:alert(document.cookie)",
    "<iframe src='https://evil.example'></iframe>",
    "{{7*7}}",
    "${7*7}",
    "%s%s%s%n",
    "../../../../etc/passwd",
    "[click me](javascript:alert(1))",
    "**bold** _it_ `code`",
    "<b>34</b>",
    "&lt;script&gt;",
    "<!--",
    "]]>",
]
SQL = [
    "'; DROP TABLE events; --",
    "1 OR 1=1",
    "' UNION SELECT * FROM events --",
    "Robert'); DROP TABLE students;--",
    "34; DELETE FROM events",
    "\" OR \"\"=\"",
    "1; SELECT pg_sleep(10)",
    "admin'--",
    "'; UPDATE events SET data = NULL; --",
    "%' OR '1'='1",
]
JSON_LIKE = [
    '{"sender": "someone-else", "message": "hi"}',
    "[1, 2, 3]",
    '{"age": 34}',
    "null",
    "true",
    '/inform{"age": 999}',
    '/inform{"age": "<script>"}',
    "/affirm",
    "/nonexistent_intent",
    '/trial_details{"nct_id":"NCT00000000"}',
    '/trial_details{"nct_id": "\'; DROP TABLE events"}',
    "/trial_details{broken",
    '/trial_details{"nct_id": [1,2]}',
    "{{{{",
    "\"\"\"",
    json.dumps({"a": {"b": {"c": [None] * 20}}}),
]
NUMBERS = [
    "-5",
    "0",
    "999",
    "1e308",
    "-1e308",
    "NaN",
    "Infinity",
    "12345678901234567890123",
    "34.5.6",
    "EDSS 99",
    "EDSS -3",
    "EDSS 3.14159",
    "I'm 250 years old",
    "0.0000001",
    "1/0",
    "3 billion months ago",
    "in 1066",
    "in 9999",
    "500 years ago",
    "-2 years ago",
    "2**64",
    "0x22",
    "Ⅻ",
    "thirty-four thousand",
    "34" * 400,
]
NONSENSE = [
    "my age is purple",
    "I have type Z MS",
    "EDSS banana",
    "I took aspirin and unicorn tears",
    "I'm a teapot",
    "maybe pregnant maybe not",
    "my last relapse is tomorrow",
    "diagnosed before I was born",
    "I live on Mars",
    "yes no yes no maybe",
    "asdfghjkl",
    "the the the the the",
    "?",
    "...",
    "!!!!!!",
    "no yes",
    "42 RRMS PPMS SPMS CIS",
    "I'm 34 and 35 and 36",
    "Tecfidera Ocrevus Kesimpta Tysabri Mavenclad Lemtrada Gilenya " * 5,
    "woman man both neither",
    "pregnant breastfeeding never always",
    "EDSS 3.5 EDSS 8 EDSS 0",
]
SCRIPTS = [
    "我三十四岁",
    "私は34歳です",
    "मैं 34 साल की हूँ",
    "Ｉ'ｍ ３４",
    "𝓘'𝓶 34",
    "Z̷̢̛a̸l̴g̶o̵ ̷t̶e̸x̵t̷",
    "Я 34 года",
    "Ελληνικά 34",
    "ü" * 300,
    "ß\u0301\u0301\u0301",
]
WHITESPACE = ["", " ", "\n\n\n", "   \t  "]


def long_messages(rng: random.Random) -> list[str]:
    """Messages of 10,000 characters: one letter, digits, words, emoji, right-to-left, lines."""
    words = "MS EDSS relapse Tecfidera years ago I am woman not sure maybe".split()
    return [
        "a" * LONG,
        "9" * LONG,
        " ".join(rng.choice(words) for _ in range(3000))[:LONG],
        "🙂" * LONG,
        ("عمري ٣٤ " * 2000)[:LONG],
        "\n" * LONG,
        ("<script>" * 2000)[:LONG],
        "".join(chr(rng.randint(0x20, 0xD7FF)) for _ in range(LONG)),
    ]


def hostile_messages(minimum: int = 300, seed: int = 7) -> list[str]:
    """At least ``minimum`` messages: every kind above, then mixtures of them, shuffled."""
    rng = random.Random(seed)
    base = (
        EMOJI
        + RIGHT_TO_LEFT
        + CONTROL
        + MARKUP
        + SQL
        + JSON_LIKE
        + NUMBERS
        + NONSENSE
        + SCRIPTS
        + WHITESPACE
        + long_messages(rng)
    )
    messages = list(base)
    short = [m for m in base if len(m) < 200]
    while len(messages) < minimum:
        parts = rng.sample(short, rng.randint(2, 3))
        messages.append(rng.choice([" ", "", "\n", " and "]).join(parts))
    rng.shuffle(messages)
    return messages
