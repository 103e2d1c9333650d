"""The site's timeline page: per month what is due, who, the basis, linked to the activity pages; escaped; dated."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import main
from opcc_model.render.site.context import plan_site
from opcc_model.render.site.pages import render_activity, render_timeline


@pytest.fixture(scope="module")
def reference() -> opcc_model.Model:
    return opcc_model.load(opcc_model.reference_root())


def test_timeline_lists_the_precept_dates_with_links(reference: opcc_model.Model) -> None:
    site = plan_site(reference, diagrams=False, on=datetime.date(2027, 1, 1))
    html = render_timeline(site)
    assert "<h2>February 2027</h2>" in html
    assert '<a href="activity-propose-precept.html">Notify the Panel of the proposed precept</a>' in html
    assert html.index("February 2027") < html.index("November 2027")
    assert "SI 2012/2271 reg 3" in html


def test_activity_page_shows_obligation_window_and_outcomes(reference: opcc_model.Model) -> None:
    site = plan_site(reference, diagrams=False, on=datetime.date(2027, 1, 1))
    html = render_activity(site, "publish-pcc-inspection-response")
    assert "Obligation: <strong>duty</strong>" in html and "within 56 days of" in html
    html = render_activity(site, "panel-decide-precept-veto")
    assert "<strong>no veto</strong>" in html and 'href="activity-revise-precept.html"' in html


def test_model_text_is_escaped_on_the_timeline(tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "model"
    shutil.copytree(opcc_model.example_root("minimal"), root)
    path = root / "processes/engage-consult/conduct-stakeholder-analysis.yaml"
    text = path.read_text(encoding="utf-8").replace("name: Agree outcomes with partners", 'name: "Agree <script>x</script>"')
    path.write_text(text.replace("    after: [identify-stakeholders]", '    after: [identify-stakeholders]\n    deadlines: ["01-02"]'), encoding="utf-8")
    html = render_timeline(plan_site(opcc_model.load(root), diagrams=False, on=datetime.date(2027, 1, 1)))
    assert "&lt;script&gt;" in html and "<script>x" not in html


def test_site_command_takes_a_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert main(["site", str(opcc_model.example_root("minimal")), "--out", str(out), "--date", "2027-01-01"]) == 0
    assert "for the year of 2027-01-01" in (out / "timeline.html").read_text(encoding="utf-8")
