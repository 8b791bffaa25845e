"""The chat widget in a real browser (headless Debian Chromium) on the demo page, talking to the
real Rasa server: what a person sees and can do, by mouse, keyboard, screen reader and phone.

Screenshots go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

import pytest
import yaml

from ..conftest import ROOT
from .rasa_api import push_bot_message, response_text

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = ROOT / "test-artifacts"
CONVERSATION = Path(__file__).with_name("widget_conversation.yml")
# Chips the tests push: answers that don't depend on where the conversation is.
QUESTION_GOODBYE = [
    {"title": "What is EDSS?", "payload": "/ask_what_is_edss"},
    {"title": "Say goodbye", "payload": "/goodbye"},
]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.browser,
    pytest.mark.skipif(
        not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
        reason="Chromium/chromedriver not installed (make test installs them "
        "with scripts/ensure_chromium.sh; Debian: apt install chromium "
        "chromium-driver)",
    ),
]

if Path(CHROMIUM).exists():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.remote.webelement import WebElement
    from selenium.webdriver.support.ui import WebDriverWait


@dataclass(frozen=True)
class Step:
    """One turn of the scripted conversation: what the person does, what the bot must say."""

    expect: str
    say: str | None = None
    click: str | None = None


def conversation() -> list[Step]:
    steps = [Step(**raw) for raw in yaml.safe_load(CONVERSATION.read_text(encoding="utf-8"))]
    assert all((s.say is None) != (s.click is None) for s in steps), "say or click, not both"
    return steps


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator["webdriver.Chrome"]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


class Widget:
    """The widget on the page, reached through its (open) shadow root."""

    def __init__(self, driver: "webdriver.Chrome") -> None:
        self.driver = driver
        self.root = driver.find_element(By.CSS_SELECTOR, "[data-ms-chat-widget]").shadow_root

    def find(self, css: str) -> "WebElement":
        return self.root.find_element(By.CSS_SELECTOR, css)

    def all(self, css: str) -> list["WebElement"]:
        return self.root.find_elements(By.CSS_SELECTOR, css)

    def wait(self, condition: Callable[[], object], timeout: float = 30) -> object:
        return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(lambda _: condition())

    def is_open(self) -> bool:
        return self.find(".panel").is_displayed()

    def open(self) -> None:
        if not self.is_open():
            self.find(".launcher").click()
        self.wait(self.is_open)

    def bot_texts(self) -> list[str]:
        return [e.text for e in self.all(".msg.bot .bubble")]

    def user_texts(self) -> list[str]:
        return [e.text for e in self.all(".msg.user .bubble")]

    def say(self, text: str) -> None:
        self.find("#message").send_keys(text, Keys.ENTER)

    def chip(self, title: str) -> "WebElement":
        """The quick-reply button ``title``, once drawn: buttons come just after their text, and
        on a loaded machine a test may look between the two."""
        self.wait(lambda: any(c.text == title for c in self.all(".chips button")), timeout=15)
        return next(c for c in self.all(".chips button") if c.text == title)

    def wait_for_bot(self, expected: str, after: int) -> str:
        """Wait for a bot message after the first ``after`` ones that contains ``expected``."""
        self.wait(lambda: any(expected in t for t in self.bot_texts()[after:]))
        return next(t for t in self.bot_texts()[after:] if expected in t)

    def focused(self) -> str:
        """Id or class of the focused element inside the widget ("" if focus is outside)."""
        return self.driver.execute_script(
            "const a = document.activeElement;"
            "const inner = a && a.shadowRoot ? a.shadowRoot.activeElement : null;"
            "return inner ? (inner.id || inner.className) : '';"
        )

    def session(self) -> str:
        return self.driver.execute_script("return window.msTrialsChat.session()")


def test_conversation_on_the_demo_page(browser, live_stack):
    browser.get(f"{live_stack.web_url}/")
    assert "Allogeneic Umbilical Cord Mesenchymal Stem Cells" in browser.title
    widget = Widget(browser)
    assert not widget.is_open()
    widget.open()
    assert widget.focused() == "message"  # opening moves focus into the text box
    browser.execute_script(  # note every time the typing indicator shows
        "window.__typingShown = 0; const t = arguments[0];"
        "new MutationObserver(() => { if (!t.hidden) window.__typingShown++; })"
        ".observe(t, {attributes: true});",
        widget.find(".typing"),
    )
    for step in conversation():
        before = len(widget.bot_texts())
        if step.say is not None:
            widget.say(step.say)
        else:
            widget.chip(step.click).click()
        widget.wait_for_bot(step.expect, after=before)
        assert widget.user_texts()[-1] == (step.say or step.click)
    assert browser.execute_script("return window.__typingShown") >= len(conversation())
    assert not widget.find(".typing").is_displayed()
    times = widget.all(".msg time")
    assert len(times) == len(widget.bot_texts()) + len(widget.user_texts()) and all(
        t.text for t in times
    )
    assert times[0].get_attribute("datetime").endswith("Z")
    browser.save_screenshot(str(ARTIFACTS / "widget-conversation.png"))


def test_markup_typed_by_the_person_is_shown_as_text(browser, live_stack):
    widget = Widget(browser)
    widget.open()
    attack = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> **hi**'
    widget.say(attack)
    widget.wait(lambda: widget.user_texts()[-1:] == [attack])
    assert browser.execute_script("return window.__pwned") is None
    assert widget.all(".log script, .log img, .msg.user strong") == []
    bubble = widget.all(".msg.user .bubble")[-1]
    assert "&lt;script&gt;" in bubble.get_attribute("innerHTML")


def test_chips_from_the_bot_are_clickable_by_mouse_and_keyboard(browser, live_stack):
    widget = Widget(browser)
    widget.open()
    session = widget.session()
    before = len(widget.bot_texts())
    push_bot_message(live_stack, session, "socketio", "Anything else?", QUESTION_GOODBYE)
    widget.wait_for_bot("Anything else?", after=before)
    chips = widget.all(".chips button")[-2:]
    assert [c.text for c in chips] == ["What is EDSS?", "Say goodbye"]
    assert widget.find(".chips").get_attribute("role") == "group"
    browser.save_screenshot(str(ARTIFACTS / "widget-chips.png"))
    widget.chip("What is EDSS?").click()  # mouse
    widget.wait_for_bot(response_text("utter_what_is_edss"), after=before + 1)
    assert widget.user_texts()[-1] == "What is EDSS?"  # the title is shown, the payload is sent
    assert all(not c.is_enabled() for c in chips)  # an answered question can't be answered again
    assert "chosen" in chips[0].get_attribute("class")

    before = len(widget.bot_texts())
    push_bot_message(live_stack, session, "socketio", "And now?", QUESTION_GOODBYE)
    widget.wait_for_bot("And now?", after=before)
    widget.all(".chips button")[-1].send_keys(Keys.ENTER)  # keyboard
    widget.wait_for_bot(response_text("utter_goodbye"), after=before + 1)
    assert widget.focused() == "message"  # back in the text box after choosing


def test_reload_keeps_the_conversation(browser, live_stack):
    widget = Widget(browser)
    widget.open()
    session, bots, users = widget.session(), widget.bot_texts(), widget.user_texts()
    assert len(bots) >= 2
    browser.refresh()
    widget = Widget(browser)
    widget.wait(widget.is_open)  # it was open before the reload
    assert (widget.session(), widget.bot_texts(), widget.user_texts()) == (session, bots, users)
    assert not any(c.is_enabled() for c in widget.all(".chips button"))
    widget.say("what is EDSS?")
    widget.wait_for_bot(response_text("utter_what_is_edss"), after=len(bots))


def test_keyboard_and_screen_reader_semantics(browser, live_stack):
    widget = Widget(browser)
    widget.open()
    log = widget.find(".log")
    assert (log.get_attribute("role"), log.get_attribute("aria-live")) == ("log", "polite")
    assert widget.find("label[for=message]").get_attribute("textContent") == "Your message"
    panel = widget.find(".panel")
    assert panel.get_attribute("role") == "dialog" and panel.get_attribute("aria-labelledby")
    launcher = widget.find(".launcher")
    assert launcher.get_attribute("aria-expanded") == "true"
    widget.find("#message").send_keys(Keys.ESCAPE)
    widget.wait(lambda: not widget.is_open())
    assert launcher.get_attribute("aria-expanded") == "false"
    assert widget.focused() == "launcher"  # focus goes back to the button that opened it
    launcher.send_keys(Keys.ENTER)
    widget.wait(widget.is_open)
    widget.find("#message").send_keys(Keys.ENTER)  # nothing typed: a kind hint, nothing sent
    assert widget.find(".status").text == "Please type a message first."


def test_phone_sized_screen(browser, live_stack):
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{live_stack.web_url}/")
        widget = Widget(browser)
        widget.open()
        width = browser.execute_script("return document.documentElement.clientWidth")
        rect = widget.find(".panel").rect
        assert rect["x"] == 0 and rect["width"] >= width  # the chat takes the whole screen
        assert not widget.find(".launcher").is_displayed()
        assert widget.find(".close").is_displayed()
        browser.save_screenshot(str(ARTIFACTS / "widget-phone.png"))
        widget.find(".close").click()
        widget.wait(lambda: not widget.is_open())
    finally:
        browser.set_window_size(1280, 900)


NEAR_BOSTON = [  # a screening by someone who says where they live in their first answer
    Step(say="hello", expect="find clinical trials"),
    Step(click="Yes, that's OK", expect="How old are you?"),
    Step(say="I'm 34 with RRMS, EDSS 3.5. I live near Boston", expect="Which MS treatments"),
    Step(say="Tecfidera, it didn't work", expect="Are you a woman or a man?"),
    Step(click="Woman", expect="pregnant or breastfeeding"),
    Step(click="No", expect="last have a relapse"),
    Step(click="1 to 3 months ago", expect="When "),
    Step(say="5 years ago", expect="miles"),
]


def test_results_show_the_nearest_open_site_in_miles(browser, live_stack):
    """A place said in passing is used: each study shows its nearest open site and how far it is.
    The screenshot is the README's picture (copied to docs/widget-results-near.png)."""
    browser.execute_script("localStorage.clear(); sessionStorage.clear();")
    browser.get(f"{live_stack.web_url}/")
    widget = Widget(browser)
    widget.open()
    for step in NEAR_BOSTON:
        before = len(widget.bot_texts())
        if step.say is not None:
            widget.say(step.say)
        else:
            widget.chip(step.click).click()
        reply = widget.wait_for_bot(step.expect, after=before)
    assert "Boston" in " ".join(widget.bot_texts())  # the place was said back
    distances = [int(m.replace(",", "")) for m in re.findall(r"about ([\d,]+) miles", reply)]
    assert distances and all(d > 0 for d in distances)
    assert "Bethesda" in reply  # the NIH studies' open site, the nearest recruiting one to Boston
    bubble = next(e for e in widget.all(".msg.bot .bubble") if "miles" in e.text)
    browser.execute_script(  # the chat's own log scrolls to the results; the page stays put
        "const log = arguments[1];"
        "log.scrollTop = arguments[0].getBoundingClientRect().top"
        " - log.getBoundingClientRect().top + log.scrollTop - 8;",
        bubble,
        widget.find(".log"),
    )
    browser.save_screenshot(str(ARTIFACTS / "widget-results-near.png"))
