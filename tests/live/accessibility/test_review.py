"""The coordinator review app in headless Chromium, checked by axe-core (WCAG 2.2 A/AA): the
login page, the conversation list, every transcript of the built conversations (with their
"Flag" forms opened) and the dashboard. Fails on any serious or critical violation."""

from __future__ import annotations

import json

import pytest

from tests.review.builders import standard
from tests.review.helpers import review_server

from ..conftest import ROOT
from .axe import blocking, counts, describe, run_axe
from .conftest import HAVE_CHROMIUM, NO_CHROMIUM

if HAVE_CHROMIUM:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not HAVE_CHROMIUM, reason=NO_CHROMIUM)]

PASSWORD = "accessibility test password"
OPEN_DETAILS = "document.querySelectorAll('details').forEach(d => d.open = true)"


@pytest.fixture
async def review_app(tmp_path):
    """``python -m review serve`` over a tracker store with the built conversations."""
    async with review_server(tmp_path, list(standard().values()), "ada", "admin", PASSWORD) as url:
        yield url


def test_review_app_pages_have_no_serious_or_critical_axe_violations(browser, review_app, capsys):
    results: dict[str, list[dict]] = {}
    browser.get(f"{review_app}/login")
    results["review, login"] = run_axe(browser)
    browser.find_element(By.NAME, "name").send_keys("ada")
    browser.find_element(By.NAME, "password").send_keys(PASSWORD)
    browser.find_element(By.CSS_SELECTOR, "form.stack button[type=submit]").click()
    WebDriverWait(browser, 20).until(ec.url_contains("/conversations"))
    rows = WebDriverWait(browser, 20).until(
        ec.presence_of_all_elements_located((By.CSS_SELECTOR, "table.list tbody tr"))
    )
    results["review, conversation list"] = run_axe(browser)
    links = [r.find_element(By.TAG_NAME, "a").get_attribute("href") for r in rows]
    assert len(links) >= 3
    for link in links:
        browser.get(link)
        browser.execute_script(OPEN_DETAILS)  # the "Flag" forms and every result set
        results[f"review, transcript {link.rsplit('/', 1)[-1]}"] = run_axe(browser)
    browser.get(f"{review_app}/dashboard")
    results["review, dashboard"] = run_axe(browser)

    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts" / "axe-review.json").write_text(json.dumps(results, indent=1))
    with capsys.disabled():
        print("\naxe-core, WCAG 2.2 A/AA, violating nodes (serious/critical):")
        for page, violations in results.items():
            c = counts(violations)
            print(f"  {page:55} {c['serious']}/{c['critical']}")
    bad = {page: blocking(v) for page, v in results.items() if blocking(v)}
    assert not bad, "\n".join(f"{page}:\n{describe(v)}" for page, v in bad.items())
