"""The site passes axe-core's automated WCAG 2.2 AA checks in a real browser (one page of every kind).

axe-core comes from npm (tests/bpmnjs/package.json; `make test` installs it). Automated checks
find part of WCAG's failures only; docs/site.md says what they do not cover.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.render_site.test_browser import browser, reference_site  # noqa: F401  (fixtures)

AXE = Path(__file__).resolve().parents[1] / "bpmnjs" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
KINDS = ("index", "value-chain", "stage-", "process-", "activity-", "artifact-", "role-", "area-",
         "raci-", "plan-", "glossary", "findings", "dependencies", "search")
RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`);
}"""


@pytest.fixture(scope="module")
def axe_source() -> Path:
    if not AXE.is_file():
        if os.environ.get("OPCC_REQUIRE_TOOLS"):
            pytest.fail(f"axe-core is not installed at {AXE} (make tests/bpmnjs/node_modules/.installed)")
        pytest.skip("axe-core is not installed (npm ci --prefix tests/bpmnjs)")
    return AXE


def _one_page_of_each_kind(site: Path) -> list[Path]:
    pages = sorted(site.glob("*.html"))
    chosen = [next(p for p in pages if p.name.startswith(kind)) for kind in KINDS]
    assert len(chosen) == len(KINDS)
    return chosen


def test_every_kind_of_page_passes_axe_wcag_2_2_aa(reference_site, browser, axe_source: Path) -> None:  # noqa: F811
    _, site = reference_site
    context = browser.new_context()
    page = context.new_page()
    found: dict[str, list[str]] = {}
    for html in _one_page_of_each_kind(site):
        page.goto(html.as_uri())
        page.add_script_tag(path=str(axe_source))
        violations = page.evaluate(RUN, TAGS)
        if violations:
            found[html.name] = violations
    context.close()
    assert found == {}


def test_axe_does_find_a_violation(browser, axe_source: Path, tmp_path: Path) -> None:  # noqa: F811
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html><head><title>x</title></head><body><img src="x.png"></body></html>', encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.goto(bad.as_uri())
    page.add_script_tag(path=str(axe_source))
    violations = page.evaluate(RUN, TAGS)
    context.close()
    assert any(v.startswith("image-alt") for v in violations) and any(v.startswith("html-has-lang") for v in violations)
