"""axe-core (from the widget's npm devDependencies) run inside a Selenium-driven Chromium page.

The rules are WCAG 2.0/2.1/2.2 A and AA; a page fails on any violation of impact serious or
critical. Works offline: the script is read from web/widget/node_modules after `npm ci`.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
AXE_FILE = ROOT / "web" / "widget" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = ("serious", "critical")


def axe_source() -> str:
    if not AXE_FILE.is_file():
        raise FileNotFoundError(
            f"{AXE_FILE} is missing: run `make widget` (npm ci in web/widget installs axe-core)"
        )
    return AXE_FILE.read_text(encoding="utf-8")


def run_axe(driver, source: str | None = None) -> list[dict]:
    """All WCAG A/AA violations on the page as it is now (axe's result objects)."""
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(source or axe_source())
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "window.axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
        " resultTypes: ['violations']})"
        ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify("
        "{error: String(e)})));",
        WCAG_TAGS,
    )
    parsed = json.loads(result)
    if isinstance(parsed, dict):
        raise RuntimeError(f"axe failed: {parsed['error']}")
    return parsed


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v.get("impact") in BLOCKING]


def counts(violations: list[dict]) -> dict[str, int]:
    """Violating nodes per impact, e.g. {"serious": 3, "critical": 0}."""
    out = {impact: 0 for impact in BLOCKING}
    for v in violations:
        if v.get("impact") in out:
            out[v["impact"]] += len(v["nodes"])
    return out


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])} nodes]")
        for node in v["nodes"][:5]:
            lines.append(
                f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}"
            )
    return "\n".join(lines)
