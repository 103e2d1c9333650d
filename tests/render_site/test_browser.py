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
    # a request the browser aborts because the test navigated on is not a broken resource
    # (the link checker proves every resource exists); every other failure is a problem
    page.on(
        "requestfailed",
        lambda r: problems.append(f"request failed: {r.url} {r.failure}") if "ERR_ABORTED" not in (r.failure or "") else None,
    )
    page.problems = problems
    yield page
    context.close()
    assert problems == []


def heading(page) -> str:
    return page.locator("h1").inner_text().strip()


def svg_link(page, href: str):
    """The link to ``href`` inside the page's inline diagram (Graphviz writes ``xlink:href``)."""
    return page.locator(f'figure.diagram svg a[*|href="{href}"]').first


@pytest.fixture(scope="module")
def reference_site(tmp_path_factory):
    import opcc_model
    from opcc_model.config import load_settings
    from opcc_model.plan import load_plans
    from opcc_model.render.site import build_site

    root = opcc_model.reference_root()
    model = opcc_model.load(root)
    out = tmp_path_factory.mktemp("reference") / "site"
    return model, build_site(model, out, settings=load_settings(root), plans=load_plans(root, model))


def test_reference_model_click_stage_in_svg_process_activity_and_back(reference_site, page):
    model, site = reference_site
    page.goto(site.joinpath("index.html").as_uri())
    assert heading(page) == "OPCC operating model"
    stage = next(s for s in model.stages if any(p.stage == s.id and p.parent is None for p in model.processes))
    svg_link(page, f"stage-{stage.id}.html").click()
    page.wait_for_url(f"**/stage-{stage.id}.html")
    assert heading(page) == stage.name

    process = next(p for p in model.processes if p.stage == stage.id and p.parent is None and p.activities)
    page.locator("main ul").get_by_role("link", name=process.name, exact=True).first.click()
    page.wait_for_url(f"**/process-{process.id}.html")
    assert heading(page) == process.name

    activity = process.activities[0]
    svg_link(page, f"activity-{activity.id}.html").click()  # the process map is clickable
    page.wait_for_url(f"**/activity-{activity.id}.html")
    assert heading(page) == activity.name

    page.get_by_role("link", name=f"Back to {process.name}", exact=True).click()
    page.wait_for_url(f"**/process-{process.id}.html")
    assert heading(page) == process.name


def test_click_down_to_a_sub_process_and_back_up(built_site: Path, page, site_model):
    page.goto(built_site.joinpath("index.html").as_uri())
    assert heading(page) == "OPCC operating model"
    stage = site_model.stages[0]
    svg_link(page, f"stage-{stage.id}.html").click()
    page.wait_for_url(f"**/stage-{stage.id}.html")
    assert heading(page) == stage.name

    page.get_by_role("link", name="Conduct Stakeholder Analysis", exact=True).first.click()
    page.wait_for_url("**/process-conduct-stakeholder-analysis.html")
    assert heading(page) == "Conduct Stakeholder Analysis"

    svg_link(page, "process-define-stakeholder-objectives.html").click()  # the sub-process node of the map
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


def test_reference_model_plan_page_from_the_navigation_to_a_delivering_activity(reference_site, page):
    import opcc_model
    from opcc_model.plan import load_plans

    model, site = reference_site
    plan = load_plans(opcc_model.reference_root(), model)[0]
    page.goto(site.joinpath("index.html").as_uri())
    page.locator('nav[aria-label="Site"]').get_by_role("link", name=plan.name, exact=True).click()
    page.wait_for_url(f"**/plan-{plan.id}.html")
    assert heading(page) == plan.name
    assert page.locator('figure.diagram svg[role="img"]').count() == 1
    assert page.locator("table.s7 tbody tr").count() == 6
    _, priority = next(plan.priorities())
    activity = model.activity(priority.delivered_by[0])
    page.locator(f"#node-{priority.id} dl").get_by_role("link", name=activity.name, exact=True).first.click()
    page.wait_for_url(f"**/activity-{activity.id}.html")
    assert heading(page) == activity.name


def test_reference_model_findings_from_home_to_the_thing_to_fix(reference_site, page):
    model, site = reference_site
    page.goto(site.joinpath("index.html").as_uri())
    page.get_by_role("link", name="The findings report", exact=True).click()
    page.wait_for_url("**/findings.html")
    assert heading(page) == "Findings"
    first = page.locator("ul.findings li").first
    target = first.locator("a").first
    href = target.get_attribute("href")
    target.click()
    page.wait_for_url(f"**/{href}")
    page.wait_for_load_state("load")
    assert heading(page)
    area = sorted(b.area for b in model.boundaries)[0]
    page.goto(site.joinpath(f"area-{area}.html").as_uri())
    page.get_by_role("link", name="Boundary", exact=True).click()
    assert page.evaluate("location.hash") == "#boundary"


@pytest.mark.parametrize("width", [800, 1400])
def test_every_diagram_fits_its_frame_with_a_link_to_it_full_size(reference_site, browser, width):
    model, site = reference_site
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    widest = max(model.processes, key=lambda p: len(p.activities))
    pages = ["index.html", f"process-{widest.id}.html", f"stage-{model.stages[0].id}.html", "dependencies.html",
             f"area-{model.boundaries[0].area}.html", "value-chain.html"]
    for name in pages:
        page.goto(site.joinpath(name).as_uri())
        figure = page.locator("figure.diagram").first
        frame, picture = figure.bounding_box(), figure.locator("svg").first.bounding_box()
        assert frame and picture and picture["width"] > 50, name
        assert picture["x"] >= frame["x"] - 0.5 and picture["x"] + picture["width"] <= frame["x"] + frame["width"] + 0.5, name
        link = figure.locator("figcaption a", has_text="full size")
        href = link.get_attribute("href")
        assert href and href.endswith(".svg") and site.joinpath(href).is_file(), name
    context.close()
