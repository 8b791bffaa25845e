"""A reply of "2" after numbered options means the second option, read back from the tracker."""

from __future__ import annotations

from types import SimpleNamespace

from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.facebook import FacebookOutput
from bot.channels.replies import ReplyResolver, offered_buttons

SUBTYPES = [
    {"title": "Relapsing-remitting MS", "payload": '/inform{"ms_subtype": "RRMS"}'},
    {"title": "Secondary progressive MS", "payload": '/inform{"ms_subtype": "SPMS"}'},
    {"title": "Primary progressive MS", "payload": '/inform{"ms_subtype": "PPMS"}'},
]


def bot_asks(buttons):
    return [
        UserUttered("hi"),
        BotUttered("Which type of MS do you have?", {"buttons": buttons}),
        BotUttered("You can also type it."),
        ActionExecuted("action_listen"),
    ]


async def resolver_with(events) -> ReplyResolver:
    store = InMemoryTrackerStore(Domain.empty())
    await store.save(DialogueStateTracker.from_events("pat", events))
    resolver = ReplyResolver(FacebookOutput.shown_numbered, {"/start": "hello"})
    resolver.app = SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(tracker_store=store)))
    return resolver


def test_offered_buttons_are_those_of_the_bots_latest_turn():
    assert offered_buttons(bot_asks(SUBTYPES)) == SUBTYPES
    assert offered_buttons(bot_asks(SUBTYPES) + [UserUttered("2")]) == []
    assert offered_buttons([BotUttered("Hello")]) == []


async def test_number_maps_to_the_option_shown_numbered():
    resolver = await resolver_with(bot_asks(SUBTYPES))  # titles > 20 chars: numbered on Messenger
    assert await resolver.resolve("2", "pat") == SUBTYPES[1]["payload"]
    assert await resolver.resolve(" 3. ", "pat") == SUBTYPES[2]["payload"]
    assert await resolver.resolve("4", "pat") == "4"  # no such option: the bot gets the text
    assert await resolver.resolve("relapsing", "pat") == "relapsing"
    assert await resolver.resolve("2", "someone-else") == "2"


async def test_number_is_left_alone_when_the_buttons_were_shown_natively():
    resolver = await resolver_with(
        bot_asks([{"title": "Yes", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}])
    )
    assert await resolver.resolve("2", "pat") == "2"  # e.g. an EDSS of 2


async def test_commands_are_mapped_before_nlu():
    resolver = await resolver_with([])
    assert await resolver.resolve("/start", "pat") == "hello"
