"""Fixtures of the accessibility tests: the live stack (the same fixture as tests/live), a
headless Chromium, and the chat widget reached by key presses."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable, Iterator

import pytest


from .axe import axe_source

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
HAVE_CHROMIUM = Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()
NO_CHROMIUM = (
    "Chromium/chromedriver not installed (make test installs them with "
    "scripts/ensure_chromium.sh; Debian: apt install chromium chromium-driver)"
)

if HAVE_CHROMIUM:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

# The computed style of the focused element: a focus indicator is an outline of 2 px or more,
# or a box-shadow.
FOCUS_STYLE_JS = """
const a = document.activeElement;
const el = a && a.shadowRoot && a.shadowRoot.activeElement ? a.shadowRoot.activeElement : a;
if (!el || el === document.body) return null;
const s = getComputedStyle(el);
return {tag: el.tagName.toLowerCase(), id: el.id, cls: String(el.className || ''),
        text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 60),
        inWidget: !!(a.shadowRoot && a.shadowRoot.activeElement), chip: !!el.closest('.chips'),
        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
        shadow: s.boxShadow !== 'none', outlineCss: s.outline, shadowCss: s.boxShadow,
        focusVisible: el.matches(':focus-visible')};
"""


@pytest.fixture(scope="session")
def axe_js() -> str:
    return axe_source()


def chrome(profile: Path, size: str = "1280,900") -> "webdriver.Chrome":
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
        f"--window-size={size}",
        "--force-device-scale-factor=1",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator["webdriver.Chrome"]:
    if not HAVE_CHROMIUM:
        pytest.skip(NO_CHROMIUM)
    driver = chrome(tmp_path_factory.mktemp("chromium-a11y"))
    yield driver
    driver.quit()


class Widget:
    """The chat widget on the page (in its open shadow root), driven by keys where it matters."""

    def __init__(self, driver: "webdriver.Chrome") -> None:
        self.driver = driver
        self.root = driver.find_element(By.CSS_SELECTOR, "[data-ms-chat-widget]").shadow_root

    def find(self, css: str):
        return self.root.find_element(By.CSS_SELECTOR, css)

    def all(self, css: str) -> list:
        return self.root.find_elements(By.CSS_SELECTOR, css)

    def wait(self, condition: Callable[[], object], timeout: float = 30) -> object:
        return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(lambda _: condition())

    def is_open(self) -> bool:
        return self.find(".panel").is_displayed()

    def bot_texts(self) -> list[str]:
        return [e.get_attribute("textContent") for e in self.all(".msg.bot .bubble")]

    def session(self) -> str:
        return self.driver.execute_script("return window.msTrialsChat.session()")

    # ---- the keyboard ------------------------------------------------------------------------
    def press(self, *keys: str) -> None:
        """Key presses sent to whatever has the focus (as a person at a keyboard would)."""
        ActionChains(self.driver).send_keys(*keys).perform()

    def focus(self) -> dict | None:
        """What has the focus, and whether it shows a focus indicator."""
        return self.driver.execute_script(FOCUS_STYLE_JS)

    def tab_to(self, matches: Callable[[dict], bool], back: bool = False, limit: int = 40) -> dict:
        for _ in range(limit):
            if back:
                ActionChains(self.driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(
                    Keys.SHIFT
                ).perform()
            else:
                self.press(Keys.TAB)
            focus = self.focus()
            if focus and matches(focus):
                return focus
        raise AssertionError("Tab never reached the element")

    def wait_for_replies(self, before: int, quiet: float = 1.2, timeout: float = 30) -> list[str]:
        """Wait for the bot's reply (new messages, then ``quiet`` s without more)."""
        import time

        self.wait(lambda: len(self.bot_texts()) > before, timeout)
        count, since = len(self.bot_texts()), time.monotonic()
        while time.monotonic() - since < quiet:
            time.sleep(0.1)
            if len(self.bot_texts()) != count:
                count, since = len(self.bot_texts()), time.monotonic()
        return self.bot_texts()[before:]
