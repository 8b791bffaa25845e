"""Headless Chromium logs in to the running review app and reads a transcript."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest


from .builders import SCRIPT_TAG, standard
from .helpers import review_server as serve_review

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
PASSWORD = "browser test password"


@pytest.fixture
def chrome():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip("chromium/chromedriver not installed (make browser installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="review-chrome-")
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
        f"--user-data-dir={profile}",
        "--window-size=1400,1600",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
async def review_server(tmp_path, now):
    """``python -m review serve`` over a tracker store with the built conversations."""
    async with serve_review(
        tmp_path, list(standard(now).values()), "bea", "coordinator", PASSWORD
    ) as url:
        yield url


def test_coordinator_logs_in_and_reads_a_transcript(chrome, review_server):
    from selenium.common.exceptions import NoAlertPresentException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(chrome, 20)  # a click that submits a form does not wait for the page

    chrome.get(f"{review_server}/conversations?q=pwned")
    assert "/login" in chrome.current_url
    chrome.find_element(By.NAME, "name").send_keys("bea")
    chrome.find_element(By.NAME, "password").send_keys(PASSWORD)
    chrome.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    wait.until(ec.url_contains("/conversations?q=pwned"))  # back where she wanted to go
    rows = wait.until(ec.presence_of_all_elements_located((By.CSS_SELECTOR, "table.list tbody tr")))
    assert len(rows) == 1
    rows[0].find_element(By.TAG_NAME, "a").click()

    wait.until(ec.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Conversation P-"))
    first = chrome.find_element(By.CSS_SELECTOR, ".msg.user .bubble")
    assert first.text == SCRIPT_TAG  # the markup is shown as the text the patient typed
    assert chrome.find_elements(By.CSS_SELECTOR, ".transcript script, .transcript img") == []
    with pytest.raises(NoAlertPresentException):
        chrome.switch_to.alert.text  # nothing ran
    bubbles = [b.text for b in chrome.find_elements(By.CSS_SELECTOR, ".msg .bubble")]
    assert "Where do you live?" in bubbles and "<b>Canada</b>" in bubbles
    assert "Possibly eligible" in chrome.find_element(By.CSS_SELECTOR, "section.results").text

    # a form post from the real browser (CSRF token, Origin, SameSite cookie) flags a message
    chrome.find_element(By.CSS_SELECTOR, ".msg.user details.flagger summary").click()
    chrome.find_element(By.CSS_SELECTOR, ".msg.user details.flagger input[name=reason]").send_keys(
        "markup in a message"
    )
    chrome.find_element(By.CSS_SELECTOR, ".msg.user details.flagger button").click()
    flagged = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".msg.user.flagged")))
    assert "flagged by bea: markup in a message" in flagged.text

    ARTIFACTS.mkdir(exist_ok=True)
    assert chrome.save_screenshot(str(ARTIFACTS / "review-transcript.png"))

    chrome.find_element(By.CSS_SELECTOR, ".who button").click()  # log out
    wait.until(ec.url_contains("/login"))
    chrome.get(f"{review_server}/conversations")
    assert "/login" in chrome.current_url
