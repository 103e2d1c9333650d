"""The site in a real browser (Debian's chromium driven by Playwright): click down the value chain and back up.

Skipped, with the reason, only when chromium or playwright is missing. CI installs both
(``apt-get install chromium``; ``pip install playwright``; never ``playwright install``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
if CHROMIUM is None:
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} {r.failure}"))
    page.problems = problems
    yield page
    context.close()
    assert problems == []


def heading(page) -> str:
    return page.locator("h1").inner_text().strip()


def test_click_down_the_value_chain_and_back_up(built_site: Path, page, site_model):
    page.goto(built_site.joinpath("index.html").as_uri())
    assert heading(page) == "OPCC operating model"
    stage = site_model.stages[0]
    svg_stage = page.locator(f'figure.diagram svg a[href$="stage-{stage.id}.html"], '
                             f'figure.diagram svg a[*|href$="stage-{stage.id}.html"]')
    target = svg_stage.first if svg_stage.count() else page.locator(f'ol.stages a[href="stage-{stage.id}.html"]')
    target.click()
    page.wait_for_url(f"**/stage-{stage.id}.html")
    assert heading(page) == stage.name

    page.get_by_role("link", name="Conduct Stakeholder Analysis", exact=True).first.click()
    page.wait_for_url("**/process-conduct-stakeholder-analysis.html")
    assert heading(page) == "Conduct Stakeholder Analysis"

    page.get_by_role("link", name="Define Stakeholder Objectives").first.click()
    page.wait_for_url("**/process-define-stakeholder-objectives.html")
    assert heading(page) == "Define Stakeholder Objectives"

    page.locator("table.activities").get_by_role("link", name="List objectives").click()
    page.wait_for_url("**/activity-list-objectives.html")
    assert heading(page) == "List objectives"

    page.get_by_role("link", name="Back to Define Stakeholder Objectives").click()
    page.wait_for_url("**/process-define-stakeholder-objectives.html")
    assert heading(page) == "Define Stakeholder Objectives"

    page.locator("nav.crumbs").get_by_role("link", name="Conduct Stakeholder Analysis").click()
    page.wait_for_url("**/process-conduct-stakeholder-analysis.html")
    page.locator("nav.crumbs").get_by_role("link", name="Home").click()
    assert heading(page) == "OPCC operating model"


def test_search_filters_from_file_url(built_site: Path, page):
    page.goto(built_site.joinpath("search.html").as_uri())
    results = page.locator("#results li")
    total = results.count()
    assert total == 5 + 7  # activities and codes of the fixture
    page.fill("#q", "1.1.2")
    assert page.locator("#count").inner_text() == "6 matches"  # 4 activities, codes 1.1.2 and 1.1.2.8
    page.uncheck("input[value=code]")
    assert results.count() == 4
    page.fill("#q", "<script>")
    assert results.count() == 1
    assert results.first.locator("a").inner_text() == "Agree outcomes <script>alert(1)</script>"
    results.first.locator("a").click()
    page.wait_for_url("**/activity-agree-outcomes.html")


def test_glossary_fragment_opens_its_branch_and_links_are_keyboard_reachable(built_site: Path, page):
    page.goto(built_site.joinpath("activity-identify-stakeholders.html").as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.get_by_role("link", name="1.1.2.8").first.click()
    page.wait_for_url("**/glossary.html#code-1.1.2.8")
    assert page.locator("#code-1\\.1\\.2\\.8").is_visible()
