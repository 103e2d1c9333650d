"""The findings report (model-wide once, per area with waivers, per plan) and the Police and Crime Plan pages."""

from __future__ import annotations

import re

import pytest

import opcc_model
from opcc_model.cli import main
from opcc_model.plan import S7_CONTENTS
from opcc_model.queries import check
from opcc_model.render.site import plan_site, render_area, render_findings, render_home, render_plan
from opcc_model.render.site.linkcheck import broken_links
from render_site.conftest import FIXTURE
from render_site.markup import Page


@pytest.fixture(scope="module")
def site(site_model, site_plans, site_settings):
    return plan_site(site_model, diagrams=False, settings=site_settings, plans=site_plans)


def words(html: str) -> str:
    return " ".join(" ".join(Page(html).text).split())


def items(html: str, css_class: str) -> list[str]:
    """The text of each finding (an ``<li>`` with a badge) whose class list holds ``css_class``."""
    found = re.findall(r'<li class="([^"]*)">(.*?)</li>', html, flags=re.DOTALL)
    return [words(body) for classes, body in found if css_class in classes.split() and 'class="badge"' in body]


def section(html: str, heading_id: str) -> str:
    """The HTML from the heading with ``id`` to the next heading of the same or a higher level."""
    start = re.search(rf'<h([1-6]) id="{re.escape(heading_id)}"', html)
    assert start, heading_id
    end = re.compile(rf"<h[1-{start[1]}][ >]").search(html, start.end())
    return html[start.start(): end.start() if end else len(html)]


def test_a_waived_finding_is_shown_as_waived_with_its_reason_on_the_area_page(site):
    html = render_area(site, "example-area")
    waived = items(section(html, "OPCC-G103"), "is-waived")
    assert len(waived) == 1
    assert waived[0].startswith("waived ")
    assert "Waived: Planning is done by the force <i>only</i>" in waived[0]  # the reason, as text
    assert "&lt;i&gt;only&lt;/i&gt;" in html and "<i>only</i>" not in html
    assert ("glossary.html#code-1.2", "1.2") in Page(html).links
    assert "0 errors" in " ".join(Page(html).text) and "1 waived" in " ".join(Page(html).text)


def test_area_pages_show_only_their_own_findings_grouped_by_code(site_model, site):
    model_wide = [f for f in check(site_model) if f.area is None]
    assert [f.code for f in model_wide] == ["OPCC-G105"]
    for boundary in site_model.boundaries:
        html = render_area(site, boundary.area)
        own = {f.code for f in check(site_model, area=boundary.area) if f.area == boundary.area}
        headed = {text.split(":")[0] for level, text in Page(html).headings if level == 3}
        assert headed == own
        assert model_wide[0].message not in " ".join(Page(html).text)
        assert ("findings.html", "findings page") in Page(html).links


def test_settings_set_the_severity_shown(site_model, site_plans, site):
    shown = items(render_area(site, "welsh-area"), "sev-info")
    assert len(shown) == 1 and shown[0].startswith("info ") and "list-objectives" in shown[0]
    default = plan_site(site_model, diagrams=False, plans=site_plans)
    assert items(render_area(default, "welsh-area"), "sev-info") == []
    assert len(items(render_area(default, "welsh-area"), "sev-warning")) == 1


def test_model_wide_findings_are_listed_once_on_the_findings_page(site):
    html = render_findings(site)
    page = Page(html)
    assert page.h1() == "Findings"
    group = section(html, "OPCC-G105")
    assert "strategic-assessment" in group and "produce-assessment" in group
    assert ('artifact-strategic-assessment.html', "strategic-assessment") in Page(group).links
    assert "<code>processes/develop/assess-threats.yaml:11:15</code>" in group  # relative to the model root
    assert ("area-welsh-area.html", "Welsh Force Area") in page.links
    assert ("plan-site-plan.html", "Site <i>Plan</i>") in page.links


def test_home_counts_model_wide_findings_once_and_each_area_its_own(site):
    html = render_home(site)
    rows = re.findall(r'<tr[^>]*><th scope="row">(.*?)</th>(.*?)</tr>', html, flags=re.DOTALL)
    text = {words(head): words(cells) for head, cells in rows}
    assert [key for key in text] == ["The whole model", "Example Force Area", "Welsh Force Area", "Site <i>Plan</i>"]
    assert "0 errors 1 warning 0 infos 0 waived" in text["The whole model"]
    assert "0 errors 0 warnings 0 infos 1 waived" in text["Example Force Area"]
    assert "1 error 0 warnings 1 info 0 waived" in text["Welsh Force Area"]
    assert "1 error 3 warnings" in text["Site <i>Plan</i>"]
    assert words(html).count("OPCC-G105") == 1


def test_plan_page_shows_the_tree_with_its_activities_and_artifacts(site, site_plans):
    plan = site_plans[0]
    html = render_plan(site, plan.id)
    page = Page(html)
    assert page.h1() == "Site <i>Plan</i>"
    headings = [text for _, text in page.headings]
    assert "Vision: Safer <script>places</script>" in headings and "<script>places" not in html
    assert "Strategic theme: Listening to communities" in headings and "Aim: Hear everyone who has a stake" in headings
    for _, node in plan.walk():
        assert f'id="node-{node.id}"' in html
    links = Page(section(html, "node-hear-everyone")).links
    assert ("activity-identify-stakeholders.html", "Identify stakeholders") in links
    assert ("artifact-stakeholder-map.html", "Stakeholder Map") in links
    assert ("artifact-community-outcome-framework.html", "Community Outcome Framework") in links
    assert "Delivered by Identify stakeholders Resourced by none Monitored by Agree outcomes" in words(html)


def test_plan_page_s7_table_names_each_content_or_missing(site):
    html = render_plan(site, "site-plan")
    rows = dict(re.findall(r'<tr id="s7-([a-z]+)">(.*?)</tr>', html, flags=re.DOTALL))
    assert list(rows) == list(S7_CONTENTS)
    assert "missing" in Page(rows["grants"]).text
    for key in S7_CONTENTS:
        assert S7_CONTENTS[key] in " ".join(Page(rows[key]).text)
        if key != "grants":
            assert "missing" not in Page(rows[key]).text and Page(rows[key]).links
    assert ("#node-agreed-outcomes", "Outcomes are agreed with partners") in Page(rows["objectives"]).links


def test_plan_page_shows_pillars_and_its_findings_linked_to_their_anchors(site):
    html = render_plan(site, "site-plan")
    pillars = dict(re.findall(r'<tr id="pillar-([a-z-]+)">(.*?)</tr>', html, flags=re.DOTALL))
    assert ("#node-listening", "Listening to communities") in Page(pillars["community-pillar"]).links
    assert "no plan section" in " ".join(Page(pillars["empty-pillar"]).text)
    codes = [text.split(":")[0] for level, text in Page(html).headings if level == 3 and text.startswith("OPCC-")]
    assert codes == ["OPCC-P101", "OPCC-P102", "OPCC-P103", "OPCC-P105"]
    assert ("plan-site-plan.html#s7-grants", "s7:grants") in Page(section(html, "OPCC-P101")).links
    assert ("plan-site-plan.html#pillar-empty-pillar", "empty-pillar") in Page(section(html, "OPCC-P105")).links


def test_plans_are_linked_from_home_and_every_page_navigation(site):
    for html in (render_home(site), render_area(site, "welsh-area"), render_findings(site)):
        nav = re.search(r'<nav aria-label="Site">(.*?)</nav>', html, flags=re.DOTALL)[1]
        assert ("plan-site-plan.html", "Site <i>Plan</i>") in Page(nav).links
        assert ("findings.html", "Findings") in Page(nav).links


def test_unknown_plan_raises_not_found(site):
    with pytest.raises(opcc_model.NotFound, match="site-plan"):
        render_plan(site, "no-such-plan")


def test_built_plan_page_has_its_diagram_inline_and_every_link_resolves(built_site):
    html = (built_site / "plan-site-plan.html").read_text()
    svg = re.search(r"<svg ([^>]*)>", html)
    assert svg and 'role="img"' in svg[1] and 'aria-label="The plan tree of Site &lt;i&gt;Plan&lt;/i&gt;' in svg[1]
    assert (built_site / "plan-site-plan.svg").read_text().lstrip().startswith("<?xml")
    assert broken_links(built_site) == []


def test_cli_reads_plans_and_settings_from_the_model_root(tmp_path):
    assert main(["site", str(FIXTURE), "--out", str(tmp_path / "all")]) == 0
    assert (tmp_path / "all" / "plan-site-plan.html").is_file()
    welsh = (tmp_path / "all" / "area-welsh-area.html").read_text()
    assert len(items(welsh, "sev-info")) == 1
    assert main(["site", str(FIXTURE), "--out", str(tmp_path / "welsh"), "--area", "welsh-area"]) == 0
    assert not (tmp_path / "welsh" / "plan-site-plan.html").exists()  # a plan of another area
    assert broken_links(tmp_path / "welsh") == []


def test_cli_bad_plan_exits_2_and_writes_nothing(tmp_path, capsys):
    import shutil

    root = tmp_path / "model"
    shutil.copytree(FIXTURE, root)
    plan = root / "plans" / "site-plan.yaml"
    plan.write_text(plan.read_text().replace("delivered_by: [identify-stakeholders]", "delivered_by: [identify-stakeholderz]"))
    assert main(["site", str(root), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "site-plan.yaml:" in err and "identify-stakeholderz" in err
    assert not (tmp_path / "out").exists()
