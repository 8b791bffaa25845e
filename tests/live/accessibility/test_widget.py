"""The chat widget on the demo page, in headless Chromium against the real bot (issue 14):
WCAG 2.2 AA checks by axe-core, a whole screening by key presses alone, reflow at 200 % zoom
and at 320 px, what a screen reader is told, no time pressure, larger text and high contrast.

The tests run in order on one browser and one conversation (like tests/live). Screenshots of
the reflowed chat are saved to docs/ (a11y-zoom-200.png, a11y-320px.png).
"""

from __future__ import annotations

import json
import time

import pytest

from tests.live.rasa_api import push_bot_message

from ..conftest import ROOT
from .axe import BLOCKING, blocking, counts, describe, run_axe
from .conftest import HAVE_CHROMIUM, NO_CHROMIUM, Widget

if HAVE_CHROMIUM:
    from selenium.webdriver.common.keys import Keys

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(not HAVE_CHROMIUM, reason=NO_CHROMIUM),
]

DOCS = ROOT / "docs"
ARTIFACTS = ROOT / "test-artifacts"
# Pages (and widget states) axe must have checked; filled by the tests, asserted at the end.
EXPECTED_PAGES = [
    "demo, widget closed",
    "demo, widget open",
    "demo, widget open (high contrast)",
    "demo, widget open (larger text, high contrast)",
    "demo, mid-conversation with chips",
    "demo, mid-conversation with chips (high contrast)",
    "demo, at the results",
    "demo, at the results (high contrast)",
    "demo, at the results (larger text)",
    "demo, 200 % zoom",
    "demo, 320 px wide",
    "demo, 320 px wide (larger text, high contrast)",
]
AXE: dict[str, list[dict]] = {}

# The screening by keyboard: the bot's question (a part of it) -> the answer. "chip:" answers
# are chosen among the suggested replies with the arrow keys; anything else is typed.
ANSWERS = [
    ("Is it OK for me to use your answers", "chip:Yes, that's OK"),
    ("How old are you", "I'm 34 with RRMS, EDSS 3.5"),
    ("what type of MS", "relapsing-remitting"),
    ("EDSS", "3.5"),
    ("Which MS treatments", "Tecfidera, it didn't work"),
    ("woman or a man", "chip:Woman"),
    ("pregnant or breastfeeding", "chip:No"),
    ("last have a relapse", "chip:1 to 3 months ago"),
    ("steroid", "chip:Never"),
    ("Where do you live", "Boston"),
]
RESULTS = "Here are the best matches"
CHIPS = [
    {"title": "What is EDSS?", "payload": "/ask_what_is_edss"},
    {"title": "What happens to my answers?", "payload": "/ask_privacy"},
    {"title": "No, thanks", "payload": "/goodbye"},
]
DETAILS = "What you meet"


def set_display(browser, large: bool, contrast: bool) -> None:
    """Sets the widget's display toggles by clicking them (element.click() keeps the focus)."""
    browser.execute_script(
        "const r = document.querySelector('[data-ms-chat-widget]').shadowRoot;"
        "for (const [key, on] of [['large', arguments[0]], ['contrast', arguments[1]]]) {"
        "  const b = r.querySelector(`[data-pref=${key}]`);"
        "  if ((b.getAttribute('aria-pressed') === 'true') !== on) b.click(); }",
        large,
        contrast,
    )


def check(browser, page: str, modes: tuple[tuple[bool, bool], ...] = ((False, False),)) -> None:
    """Runs axe on the page in each display mode (larger text, high contrast) and keeps it."""
    for large, contrast in modes:
        set_display(browser, large, contrast)
        extra = ", ".join(
            n for n, on in (("larger text", large), ("high contrast", contrast)) if on
        )
        AXE[f"{page} ({extra})" if extra else page] = run_axe(browser)
    set_display(browser, False, False)


def open_by_keyboard(widget: Widget) -> None:
    """From the top of the page, Tab to the launcher and press Enter."""
    widget.tab_to(lambda f: f["inWidget"] and "launcher" in f["cls"], limit=60)
    widget.press(Keys.ENTER)
    widget.wait(widget.is_open)
    assert widget.focus()["id"] == "message"  # opening moves the focus to the text box


def choose_chip(widget: Widget, title: str, seen: list[dict]) -> None:
    """Shift+Tab from the text box to the suggested replies, arrows to ``title``, Enter."""
    focus = widget.tab_to(lambda f: f["inWidget"] and f["chip"], back=True, limit=6)
    seen.append(focus)
    titles = [c.text for c in widget.all(".chips button:enabled")]
    assert title in titles, f"no chip {title!r} among {titles}"
    for _ in range(len(titles)):
        if widget.focus()["text"] == title:
            break
        widget.press(Keys.ARROW_RIGHT)
        seen.append(widget.focus())
    assert widget.focus()["text"] == title
    widget.press(Keys.ENTER)


def screen_by_keyboard(widget: Widget, browser, seen: list[dict]) -> list[str]:
    """The whole screening, answered with key presses; returns the bot's messages."""
    before = 0
    widget.press("hello", Keys.ENTER)
    for _turn in range(16):
        replies = widget.wait_for_replies(before)
        before += len(replies)
        if any(RESULTS in r for r in replies):
            return widget.bot_texts()
        if "demo, mid-conversation with chips" not in AXE and widget.all(".chips button:enabled"):
            check(browser, "demo, mid-conversation with chips", ((False, False), (False, True)))
        question = replies[-1]
        answer = next((a for q, a in ANSWERS if q.lower() in question.lower()), None)
        assert answer, f"the test has no answer to the bot's question: {question!r}"
        if answer.startswith("chip:"):
            choose_chip(widget, answer[5:], seen)
        else:
            assert widget.focus()["id"] == "message"
            widget.press(answer, Keys.ENTER)
    raise AssertionError(f"no results after 16 turns:\n{widget.bot_texts()}")


def test_axe_on_the_demo_page_with_the_widget_closed_and_open(browser, live_stack):
    browser.get(f"{live_stack.web_url}/")
    widget = Widget(browser)
    assert not widget.is_open()
    check(browser, "demo, widget closed")
    browser.execute_script("window.msTrialsChat.open()")
    widget.wait(widget.is_open)
    check(browser, "demo, widget open", ((False, False), (False, True), (True, True)))
    # A fresh page for the keyboard test: closed, no conversation yet.
    browser.execute_script("localStorage.clear(); sessionStorage.clear()")


def test_a_whole_screening_by_keyboard_alone(browser, live_stack):
    browser.get(f"{live_stack.web_url}/")
    widget = Widget(browser)
    seen: list[dict] = []
    open_by_keyboard(widget)
    bots = screen_by_keyboard(widget, browser, seen)
    assert any(RESULTS in b for b in bots)
    check(browser, "demo, at the results", ((False, False), (False, True), (True, False)))
    # The results end with the alerts offer: its second chip ("No, thanks") by arrow keys.
    titles = [c.text for c in widget.all(".chips button:enabled")]
    assert any(t.startswith("Details") for t in titles) and titles[-2:] == [
        "Yes, tell me",
        "No, thanks",
    ]
    before = len(widget.bot_texts())
    choose_chip(widget, "No, thanks", seen)
    assert any("won't keep anything" in r for r in widget.wait_for_replies(before))

    # Every control shows where the focus is: walk the widget with Tab and Shift+Tab.
    assert widget.focus()["id"] == "message"  # after Enter on a chip: back in the text box
    controls = [widget.focus()]
    while True:  # backwards from the text box to the first control of the widget
        widget.tab_to(lambda f: True, back=True, limit=1)
        focus = widget.focus()
        if not focus["inWidget"]:
            break
        controls.append(focus)
        assert len(controls) < 80, "Shift+Tab never leaves the widget"
    widget.tab_to(lambda f: f["id"] == "message", limit=len(controls) + 3)
    for _ in range(2):  # Send, then the launcher
        controls.append(widget.tab_to(lambda f: True, limit=1))
    controls += seen
    kinds = {
        "chip" if c["chip"] else c["id"] or (c["cls"].split() or [c["tag"]])[0] for c in controls
    }
    assert {
        "restart",
        "close",
        "pref",
        "log",
        "chip",
        "message",
        "send",
        "launcher",
    } <= kinds, kinds
    invisible = [c for c in controls if c["inWidget"] and not (c["outline"] or c["shadow"])]
    assert not invisible, f"focus not visible on: {invisible}"
    assert all(c["focusVisible"] for c in controls if c["inWidget"])

    # Escape closes the chat and puts the focus back on the launcher.
    widget.tab_to(lambda f: f["id"] == "message", back=True, limit=2)
    widget.press(Keys.ESCAPE)
    widget.wait(lambda: not widget.is_open())
    assert widget.focus()["cls"].startswith("launcher") and widget.focus()["outline"]
    widget.press(Keys.ENTER)
    widget.wait(widget.is_open)


def test_screen_readers_hear_each_new_message_once(browser, live_stack):
    widget = Widget(browser)
    log = widget.find(".log")
    assert (
        log.get_attribute("role"),
        log.get_attribute("aria-live"),
        log.get_attribute("aria-relevant"),
    ) == ("log", "polite", "additions")
    # The typing indicator is hidden from screen readers and is not in a live region.
    typing = widget.find(".typing")
    assert typing.get_attribute("aria-hidden") == "true" and typing.get_attribute("role") is None
    assert browser.execute_script("return arguments[0].closest('[aria-live]')", typing) is None
    # Every button has a name; the widget says which language it speaks.
    unnamed = browser.execute_script(
        "const r = document.querySelector('[data-ms-chat-widget]').shadowRoot;"
        "return [...r.querySelectorAll('button')].filter(b => !(b.getAttribute('aria-label')"
        " || b.textContent).trim()).map(b => b.outerHTML)"
    )
    assert unnamed == []
    host = browser.find_element("css selector", "[data-ms-chat-widget]")
    assert host.get_attribute("lang") == "en" and widget.find(".root").get_attribute("lang") == "en"

    # Watch the live region while the person asks something and the bot pushes chips.
    browser.execute_script(
        """
        const log = arguments[0]; window.__live = [];
        new MutationObserver(list => list.forEach(m => window.__live.push({
            type: m.type, target: m.target === log ? 'log' : m.target.nodeName,
            added: [...m.addedNodes].map(n => n.nodeType === 1 ? n.className : '#text'),
            removed: m.removedNodes.length, attr: m.attributeName}))
        ).observe(log, {childList: true, subtree: true, characterData: true});""",
        log,
    )
    rows = len(widget.all(".log > *"))
    before = len(widget.bot_texts())
    widget.find("#message").send_keys("what is EDSS?", Keys.ENTER)
    replies = widget.wait_for_replies(before)
    push_bot_message(
        live_stack,
        widget.session(),
        "socketio",
        "Anything else?",
        [{"title": "No, thanks", "payload": "/goodbye"}],
    )
    widget.wait(lambda: widget.bot_texts()[-1] == "Anything else?")
    browser.execute_script("arguments[0].click()", widget.all(".chips button:enabled")[0])
    widget.wait_for_replies(before + len(replies) + 1)
    live = browser.execute_script("return window.__live")
    # Only whole new rows are added at the end of the log; nothing already there is removed,
    # re-added or rewritten (choosing a chip only disables the old ones: an attribute).
    assert all(
        m["type"] == "childList" and m["target"] == "log" and not m["removed"] for m in live
    ), live
    added = [cls for m in live for cls in m["added"]]
    assert all(cls.startswith("msg ") for cls in added), added
    new_rows = len(widget.all(".log > *")) - rows
    assert len(added) == new_rows  # each message announced once
    assert added.count("msg user") == 2 and added.count("msg bot") == new_rows - 2


def test_no_time_pressure_and_a_reload_keeps_the_conversation(browser, live_stack):
    widget = Widget(browser)
    session, bots = widget.session(), widget.bot_texts()
    # The only timer of the widget waits for the bot: it is stopped once the bot has answered,
    # so nothing happens while the person is thinking.
    browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument",
        {
            "source": """
        window.__timers = new Map(); window.__started = 0;
        const set = window.setTimeout, clear = window.clearTimeout;
        window.setTimeout = function (fn, ms, ...rest) {
          const stack = new Error().stack || '';
          const id = set.call(window, function () {
            window.__timers.delete(id); return fn.apply(this, arguments);
          }, ms, ...rest);
          if (stack.includes('waitForReply')) { window.__timers.set(id, ms); window.__started++; }
          return id; };
        window.clearTimeout = function (id) {
          window.__timers.delete(id); return clear.call(window, id); };
    """
        },
    )
    # The person thought for three hours with the tab open: the time saved with the
    # conversation is that old, and the page is reloaded.
    key = browser.execute_script(
        "return Object.keys(localStorage).find(k => k.startsWith('ms-trials-chat:http'))"
    )
    saved = json.loads(browser.execute_script("return localStorage.getItem(arguments[0])", key))
    saved["updated"] -= 3 * 3600 * 1000
    browser.execute_script(
        "localStorage.setItem(arguments[0], arguments[1])", key, json.dumps(saved)
    )
    browser.refresh()
    widget = Widget(browser)
    widget.wait(widget.is_open)  # it was open before the reload
    assert (widget.session(), widget.bot_texts()) == (session, bots)
    before = len(bots)
    widget.find("#message").send_keys("what is EDSS?", Keys.ENTER)
    widget.wait_for_replies(before)
    assert browser.execute_script("return window.__started") >= 1  # it waited for the bot
    time.sleep(0.5)
    assert browser.execute_script("return window.__timers.size") == 0  # nothing counts down
    assert not widget.all(".note")  # no "has not answered" while the person reads
    assert widget.find("#message").is_enabled() and widget.session() == session


def reflow(browser, widget: Widget, page: str, shot: str | None) -> None:
    """No horizontal scrolling on the page or in the chat; every control can be reached."""
    time.sleep(0.4)
    sizes = browser.execute_script(
        """
        const d = document.documentElement, r = arguments[0].shadowRoot;
        const box = e => e.getBoundingClientRect();
        return {page: [d.scrollWidth, d.clientWidth], viewport: innerWidth,
                panel: [r.querySelector('.panel').scrollWidth,
                        r.querySelector('.panel').clientWidth],
                log: [r.querySelector('.log').scrollWidth, r.querySelector('.log').clientWidth],
                outside: [...r.querySelectorAll('.panel button, .panel input, .bubble')]
                    .filter(e => box(e).width &&
                                 (box(e).left < 0 || box(e).right > innerWidth + 0.5))
                    .map(e => e.className || e.id),
                small: [...r.querySelectorAll('button, input')].filter(e => box(e).width)
                    .filter(e => box(e).width < 24 || box(e).height < 24).map(e => e.outerHTML),
                lowChips: [...r.querySelectorAll('.chips button')].filter(e => box(e).width)
                    .filter(e => box(e).height < 44).map(e => e.textContent)};
    """,
        browser.find_element("css selector", "[data-ms-chat-widget]"),
    )
    for name in ("page", "panel", "log"):
        scroll, client = sizes[name]
        assert scroll <= client, f"{page}: horizontal scrolling in the {name}: {sizes}"
    assert sizes["outside"] == [], f"{page}: controls outside the screen: {sizes['outside']}"
    assert sizes["small"] == [], f"{page}: targets under 24x24 CSS px: {sizes['small']}"
    assert sizes["lowChips"] == [], f"{page}: chips under 44 px tall: {sizes['lowChips']}"
    # Still usable: the newest message can be scrolled into view, the text box takes a message.
    assert (
        widget.find("#message").is_displayed() and widget.find("button[type=submit]").is_displayed()
    )
    if shot:
        path = DOCS / shot
        browser.save_screenshot(str(path))
        print(f"\nscreenshot: {path.relative_to(ROOT)}")


@pytest.mark.parametrize(
    "view, width, height, scale, shot",
    [
        ("200 % zoom", 640, 450, 2, "a11y-zoom-200.png"),  # a 1280x900 window zoomed to 200 %
        ("320 px wide", 320, 640, 2, "a11y-320px.png"),  # WCAG 1.4.10's 320 CSS px
    ],
)
def test_reflow_without_horizontal_scrolling(
    browser, live_stack, view, width, height, scale, shot, capsys
):
    widget = Widget(browser)
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": scale, "mobile": False},
    )
    try:
        browser.refresh()
        widget = Widget(browser)
        widget.wait(widget.is_open)
        before = len(widget.bot_texts())
        push_bot_message(live_stack, widget.session(), "socketio", "Anything else?", CHIPS)
        widget.wait_for_replies(before, quiet=0.3)
        with capsys.disabled():
            reflow(browser, widget, f"demo, {view}", shot)
        AXE[f"demo, {view}"] = run_axe(browser)
        if width == 320:  # the biggest text in the narrowest screen still reflows
            set_display(browser, True, True)
            reflow(browser, widget, f"demo, {view}, larger text", None)
            AXE[f"demo, {view} (larger text, high contrast)"] = run_axe(browser)
            set_display(browser, False, False)
        # and the chat is usable there: a suggested reply chosen and answered
        before = len(widget.bot_texts())
        widget.all(".chips button:enabled")[0].send_keys(Keys.ENTER)
        widget.wait_for_replies(before)
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_larger_text_and_high_contrast_are_remembered(browser, live_stack):
    browser.get(f"{live_stack.web_url}/")
    widget = Widget(browser)
    widget.wait(widget.is_open)
    size = lambda: browser.execute_script(  # noqa: E731
        "return parseFloat(getComputedStyle(arguments[0]).fontSize)", widget.find(".bubble")
    )
    normal = size()
    large, contrast = widget.find("[data-pref=large]"), widget.find("[data-pref=contrast]")
    assert (large.text, contrast.text) == ("Larger text", "High contrast")
    large.send_keys(Keys.ENTER)  # keyboard
    contrast.click()  # mouse
    assert large.get_attribute("aria-pressed") == "true" == contrast.get_attribute("aria-pressed")
    assert size() >= normal * 1.2
    browser.refresh()
    widget = Widget(browser)
    widget.wait(widget.is_open)
    assert {"large", "contrast"} <= set(widget.find(".root").get_attribute("class").split())
    assert widget.find("[data-pref=large]").get_attribute("aria-pressed") == "true"
    bubble = browser.execute_script(
        "const s = getComputedStyle(arguments[0]); return [s.color, s.backgroundColor]",
        widget.find(".msg.bot .bubble"),
    )
    assert bubble == ["rgb(0, 0, 0)", "rgb(255, 255, 255)"]
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "widget-larger-text-high-contrast.png"))
    set_display(browser, False, False)
    assert size() == normal


def test_no_serious_or_critical_axe_violations(capsys):
    missing = [p for p in EXPECTED_PAGES if p not in AXE]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "axe-widget.json").write_text(json.dumps(AXE, indent=1))
    with capsys.disabled():
        print("\naxe-core, WCAG 2.2 A/AA, violating nodes (serious/critical):")
        for page, violations in AXE.items():
            c = counts(violations)
            print(f"  {page:55} {c['serious']}/{c['critical']}")
    assert not missing, f"axe never ran on: {missing} (an earlier test failed)"
    bad = {page: blocking(v) for page, v in AXE.items() if blocking(v)}
    assert not bad, (
        "\n".join(f"{page}:\n{describe(v)}" for page, v in bad.items())
        + f"\n(impacts that fail: {', '.join(BLOCKING)})"
    )
