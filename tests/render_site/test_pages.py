"""The pages of the site: headings, navigation, content, escaping."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opcc_model
from opcc_model.render.site import (
    plan_site,
    render_activity,
    render_area,
    render_artifact,
    render_findings,
    render_glossary,
    render_home,
    render_plan,
    render_process,
    render_raci,
    render_role,
    render_search,
    render_stage,
)
from opcc_model.render.site.raci import raci_csv
from opcc_model.terminal import UNSAFE, escape_controls, first_unsafe
from render_site.markup import Page


@pytest.fixture(scope="module")
def site(site_model, site_plans, site_settings):
    return plan_site(site_model, diagrams=False, settings=site_settings, plans=site_plans)


def all_pages(site):
    model = site.model
    yield "index.html", render_home(site)
    yield "glossary.html", render_glossary(site)
    yield "search.html", render_search(site)
    yield "findings.html", render_findings(site)
    for kind, items, render in (
        ("stage", [s.id for s in model.stages], render_stage),
        ("process", [p.id for p in model.processes], render_process),
        ("activity", [a.id for a in model.activities], render_activity),
        ("role", [r.id for r in model.roles], render_role),
        ("artifact", [a.id for a in model.artifacts], render_artifact),
        ("area", [b.area for b in model.boundaries], render_area),
        ("raci", [b.area for b in model.boundaries], render_raci),
        ("plan", [p.id for p in site.plans], render_plan),
    ):
        for key in items:
            yield f"{kind}-{key}.html", render(site, key)


def test_every_page_has_one_h1_headings_in_order_and_lang(site):
    for path, html in all_pages(site):
        page = Page(html)
        page.h1()
        levels = [level for level, _ in page.headings]
        assert levels[0] == 1, path
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), (path, levels)
        assert ("html", {"lang": "en"}) in page.attrs, path
        assert all(text for _, text in page.links), (path, "a link without text")


def test_process_page_links_activities_parent_children_stage_and_home(site):
    page = Page(render_process(site, "define-stakeholder-objectives"))
    hrefs = dict(page.targets("process-define-stakeholder-objectives.html"))
    assert page.h1() == "Define Stakeholder Objectives"
    assert hrefs["process-conduct-stakeholder-analysis.html"] == "Conduct Stakeholder Analysis"
    assert hrefs["stage-engage-consult.html"] == "Engage & Consult"
    assert hrefs["index.html"] == "Home"
    assert hrefs["activity-list-objectives.html"] == "List objectives"
    assert hrefs["role-opcc-chief-executive.html"] == "OPCC Chief Executive <b>x</b>"
    assert hrefs["artifact-draft-plan.html"] == 'Draft plan "a\\l"'
    parent = Page(render_process(site, "conduct-stakeholder-analysis"))
    assert ("process-define-stakeholder-objectives.html", "Define Stakeholder Objectives") in parent.targets(
        "process-conduct-stakeholder-analysis.html"
    )


def test_activity_page_shows_raci_codes_with_names_order_and_way_back(site):
    page = Page(render_activity(site, "agree-outcomes"))
    assert page.h1() == "Agree outcomes <script>alert(1)</script>"
    links = page.targets("activity-agree-outcomes.html")
    assert ("process-conduct-stakeholder-analysis.html", "Back to Conduct Stakeholder Analysis") in links
    assert ("activity-refine-objectives.html", "Refine stakeholder objectives") in links
    assert ("role-csp.html", "Community Safety Partnership") in links
    assert ("glossary.html#code-1.1.2.8", "1.1.2.8") in links
    assert "Conduct stakeholder analysis" in "".join(page.text)
    before = Page(render_activity(site, "identify-stakeholders"))
    assert ("activity-refine-objectives.html", "Refine stakeholder objectives") in before.targets(
        "activity-identify-stakeholders.html"
    )


def test_reference_links_are_http_and_noopener(site):
    page = Page(render_activity(site, "list-objectives"))
    external = [attrs for tag, attrs in page.attrs if tag == "a" and "//" in (attrs.get("href") or "")]
    assert external == [{"href": "https://example.org/guide?a=1&b=2", "rel": "noopener"}]


def test_role_page_groups_duties_by_letter(site):
    page = Page(render_role(site, "cc"))
    assert [text for level, text in page.headings if level == 2][:4] == [
        "Accountable for", "Responsible for", "Consulted for", "Informed for",
    ]
    text = "".join(page.text)
    accountable = text.split("Accountable for")[1].split("Responsible for")[0]
    responsible = text.split("Responsible for")[1].split("Consulted for")[0]
    assert "Produce strategic assessment" in accountable
    assert "List objectives" in responsible and "List objectives" not in accountable


def test_artifact_page_names_producers_and_consumers(site):
    page = Page(render_artifact(site, "stakeholder-map"))
    text = "".join(page.text)
    produced = text.split("Produced by")[1].split("Consumed by")[0]
    consumed = text.split("Consumed by")[1]
    assert "Identify stakeholders" in produced
    assert "List objectives" in consumed and "Agree outcomes" in consumed


def test_glossary_is_a_nested_tree_with_anchors(site):
    page = Page(render_glossary(site))
    ids = [attrs.get("id") for _, attrs in page.attrs if (attrs.get("id") or "").startswith("code-")]
    assert ids == ["code-1", "code-1.1", "code-1.1.2", "code-1.1.2.8", "code-1.2", "code-2", "code-2.1"]
    assert page.tags.count("details") == 4  # 1, 1.1, 1.1.2, 2 have children


def test_glossary_page_never_titles_open_codes_as_the_licensed_pag(site, site_model):
    page = Page(render_glossary(site))
    text = " ".join(page.text)
    assert "Glossary of functions (open reference, PAG format)" in text
    assert "Police Activities Glossary (licensed)" not in text
    assert "not the licensed Police Activities Glossary" in text
    assert text.count("open code") == len(site_model.codes)  # each code shows where it comes from
    licensed = site_model.model_copy(
        update={"codes": tuple(c.model_copy(update={"provenance": "licensed"}) for c in site_model.codes)}
    )
    licensed_page = Page(render_glossary(plan_site(licensed, diagrams=False)))
    licensed_text = " ".join(licensed_page.text)
    assert "Police Activities Glossary (licensed)" in licensed_text and "open code" not in licensed_text


def test_raci_page_and_csv_follow_the_area_jurisdiction(site_model, site):
    english = raci_csv(site_model, area="example-area").splitlines()
    welsh = raci_csv(site_model, area="welsh-area").splitlines()
    assert english[0] == "activity,name,process,pag,holder,pcc,opcc-chief-executive,cc,pcp,csp"
    assert not any(line.startswith("list-objectives,") for line in english)  # a Wales-only process
    assert "list-objectives,List objectives,define-stakeholder-objectives,1.1.2,commissioner,,A,R,," in welsh
    assert 'agree-outcomes,Agree outcomes <script>alert(1)</script>,conduct-stakeholder-analysis,1.1.2.8,commissioner,A,,,,C' in english
    page = Page(render_raci(site, "example-area"))
    assert ("raci-example-area.csv", "Download as CSV") in page.links


def test_search_index_is_json_that_cannot_close_its_script(site):
    html = render_search(site)
    body = html.split('<script type="application/json" id="search-index">')[1].split("</script>")[0]
    assert "<" not in body
    import json

    entries = json.loads(body)
    assert {"kind": "activity", "id": "agree-outcomes", "name": "Agree outcomes <script>alert(1)</script>",
            "context": "Conduct Stakeholder Analysis", "codes": ["1.1.2.8"],
            "href": "activity-agree-outcomes.html"} in entries


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
_NAMES = _TEXT.filter(lambda t: first_unsafe(t) is None)
"""Names a model may hold (control and bidi characters in a name are a load error); free text may hold anything."""


@settings(max_examples=50, deadline=None)
@given(name=_NAMES, guidance=_TEXT)
def test_any_text_from_the_model_is_text_never_markup(site_model, name, guidance):
    def pages_for(role_name, activity_name, text):
        roles = tuple(r.model_copy(update={"name": role_name}) if r.id == "cc" else r for r in site_model.roles)
        processes = tuple(
            p.model_copy(update={"activities": tuple(
                a.model_copy(update={"name": activity_name, "guidance": text}) if a.id == "produce-assessment" else a
                for a in p.activities)})
            for p in site_model.processes
        )
        site = plan_site(site_model.model_copy(update={"roles": roles, "processes": processes}), diagrams=False)
        return [Page(render_activity(site, "produce-assessment")), Page(render_process(site, "assess-threats")),
                Page(render_role(site, "cc"))]

    plain = pages_for("x", "y", "z")
    tricky = pages_for(name, name, guidance)
    for before, after in zip(plain, tricky):
        assert before.tags == after.tags  # the markup does not depend on the text
    activity = tricky[0]
    assert activity.h1() == name.strip()
    assert ("role-cc.html", name.strip()) in activity.links
    if guidance.strip():
        assert escape_controls(guidance.strip()) in "".join(activity.text)  # control characters as \\xNN
    assert not [c for c in "".join(activity.text) if UNSAFE.match(c) and c not in "\n\t"]


def test_script_and_quotes_in_names_are_escaped(site):
    html = render_process(site, "conduct-stakeholder-analysis")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and 'Draft plan &#34;a\\l&#34;' in html


@pytest.mark.parametrize("kind", ["process", "activity", "role", "artifact", "stage"])
def test_unknown_ids_raise_not_found(site, kind):
    render = {"process": render_process, "activity": render_activity, "role": render_role,
              "artifact": render_artifact, "stage": render_stage}[kind]
    with pytest.raises(opcc_model.NotFound):
        render(site, "no-such-" + kind)


def test_area_page_always_shows_coverage_handoffs_and_findings_from_the_queries(site_model, site):
    from opcc_model.queries import check, coverage, handoffs

    page = Page(render_area(site, "example-area"))
    assert [text for level, text in page.headings if level == 2] == ["Findings", "Scheme of delegation and consent", "Boundary", "Hand-offs between sides", "Coverage"]
    text = " ".join(page.text)
    assert coverage(site_model, area="example-area").title in text
    assert handoffs(site_model, area="example-area").title in text
    for finding in check(site_model, area="example-area"):
        if finding.area == "example-area":
            assert finding.message in text


def test_a_raci_matrix_over_the_page_limit_is_offered_as_csv_only(site, site_model, monkeypatch):
    from opcc_model.render.site import pages

    area = site_model.boundaries[0].area
    assert "<table class=\"raci-matrix\">" in render_raci(site, area)
    monkeypatch.setattr(pages, "RACI_PAGE_ROWS", 1)
    html = render_raci(site, area)
    assert "<table class=\"raci-matrix\">" not in html
    assert "CSV only" in html and f'href="raci-{area}.csv"' in html


def test_a_summarised_map_has_the_table_of_what_it_hides(site, site_model, monkeypatch):
    import dataclasses

    from opcc_model.render.site import render_stage

    site = dataclasses.replace(site, diagrams={f"stage-{s.id}": "<svg></svg>" for s in site_model.stages})
    stage = next(s for s in site_model.stages if any(p.stage == s.id for p in site_model.processes))
    assert "What the summarised map" not in render_stage(site, stage.id)
    monkeypatch.setenv("OPCC_DIAGRAM_LIMIT", "1")
    html = render_stage(site, stage.id)
    assert "What the summarised map of this stage hides" in html
    from opcc_model.render.summary import dependency_summary

    for row in dependency_summary(site_model, stage=stage.id)[1]:  # the level the summary is drawn at
        assert f"<th scope=\"row\">{row.name}</th>" in html or "&" in row.name
