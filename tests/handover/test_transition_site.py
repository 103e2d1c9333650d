"""The transition page of each area: the first 100 days as a picture, the lapse / re-make table, the briefing index with links."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest

import opcc_model
from opcc_model.handover import transition
from opcc_model.render.backend import choose_backend, layout
from opcc_model.render.site import build_site, plan_site, render_transition
from opcc_model.render.site.linkcheck import broken_links
from opcc_model.render.transitionmap import transition_map

ROOT = opcc_model.reference_root()
ON = datetime.date(2028, 1, 10)


@pytest.fixture(scope="module")
def model() -> opcc_model.Model:
    return opcc_model.load(ROOT)


@pytest.fixture(scope="module")
def site(model: opcc_model.Model, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(model, tmp_path_factory.mktemp("transition") / "site", on=ON)


def test_every_area_has_a_transition_page_with_its_timeline(model: opcc_model.Model, site: Path) -> None:
    for boundary in model.boundaries:
        page = (site / f"transition-{boundary.area}.html").read_text(encoding="utf-8")
        report = transition(model, area=boundary.area, date=ON)
        assert "<svg role=\"img\"" in page and (site / f"transition-{boundary.area}.svg").is_file()
        assert report.verdict().replace("'", "&#39;") in page
        for step in report.steps:
            assert f'href="activity-{step.activity}.html"' in page
        for row in report.briefing:
            assert f'href="artifact-{row.artifact}.html"' in page
        assert page.count("<tr>") >= len(report.lapses) + len(report.steps) + len(report.briefing)
        area_page = (site / f"area-{boundary.area}.html").read_text(encoding="utf-8")
        assert f'href="transition-{boundary.area}.html"' in area_page


def test_the_timeline_links_steps_to_their_pages_and_every_link_resolves(site: Path) -> None:
    svg = (site / "transition-example-england.svg").read_text(encoding="utf-8")
    assert 'href="activity-propose-precept.html"' in svg and "Week 1" in svg
    assert broken_links(site) == []


def test_a_date_the_model_does_not_know_says_so_on_the_page(model: opcc_model.Model) -> None:
    page = render_transition(plan_site(model, diagrams=False, on=datetime.date(2035, 1, 1)), "example-england")
    assert "No transition report: --date 2035-01-01 is outside every financial year the model knows" in page


def test_the_timeline_escapes_model_text(model: opcc_model.Model) -> None:
    hostile = '<script>alert("x")</script> \\ & "quoted"'
    boundaries = tuple(b.model_copy(update={"name": hostile}) if b.area == "example-england" else b for b in model.boundaries)
    changed = model.model_copy(update={"boundaries": boundaries})
    report = transition(changed, area="example-england", date=ON)
    svg = layout(transition_map(changed, report, page_suffix=".html").source, "svg", backend=choose_backend("svg")).decode("utf-8")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    page = render_transition(plan_site(changed, diagrams=False, on=ON), "example-england")
    assert "<script>alert" not in page and re.search(r"&lt;script&gt;alert\(&(#34|quot);x&(#34|quot);\)", page)
