"""Every exported .bpmn opens in bpmn-js (headless Chromium): every element drawn, no import warning.

Needs Debian's ``chromium`` and ``npm install`` in tests/bpmnjs (see docs/interchange.md).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

etree = pytest.importorskip("lxml.etree")

PAGE = Path(__file__).resolve().parent.parent / "bpmnjs" / "viewer.html"
BUNDLE = PAGE.parent / "node_modules" / "bpmn-js" / "dist" / "bpmn-viewer.development.js"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}
DRAWN = ("startEvent", "endEvent", "task", "userTask", "callActivity", "exclusiveGateway", "parallelGateway",
         "intermediateThrowEvent", "dataObjectReference", "lane", "participant")
CONNECTIONS = ("sequenceFlow", "dataInputAssociation", "dataOutputAssociation", "association")


@pytest.fixture(scope="module")
def browser_page():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    if not BUNDLE.exists():
        pytest.skip("bpmn-js is not installed (npm install --prefix tests/bpmnjs)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"],
        )
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(PAGE.as_uri())
        page.wait_for_function("typeof window.importBpmn === 'function'")
        yield page, errors
        browser.close()


def test_bpmn_js_draws_every_element_without_warnings(browser_page, bpmn_files):
    page, errors = browser_page
    for path in bpmn_files:
        doc = etree.parse(str(path))
        expected = sorted(e.get("id") for name in DRAWN for e in doc.iterfind(f".//bpmn:{name}", NS))
        connections = sorted(e.get("id") for name in CONNECTIONS for e in doc.iterfind(f".//bpmn:{name}", NS))
        result = page.evaluate("xml => window.importBpmn(xml)", path.read_text(encoding="utf-8"))
        assert "error" not in result, f"{path.name}: {result}"
        assert result["warnings"] == [], f"{path.name}: {result['warnings']}"
        assert result["shapes"] == expected, path.name
        assert result["connections"] == connections, path.name
    assert errors == []
