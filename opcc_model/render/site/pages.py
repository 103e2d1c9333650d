"""The pages of the site, each rendered to a string from a Jinja2 template (autoescaped).

>>> import opcc_model
>>> site = plan_site(opcc_model.load(opcc_model.example_root("minimal")), diagrams=False)
>>> html = render_activity(site, "agree-outcomes")
>>> "<h1>Agree outcomes with partners</h1>" in html, 'href="process-conduct-stakeholder-analysis.html"' in html
(True, True)
"""

from __future__ import annotations

import posixpath
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context, select_autoescape
from markupsafe import Markup

from opcc_model.findings import RULES
from opcc_model.graph import consumers, dependencies, is_cross_boundary, producers
from opcc_model.plan.model import S7_CONTENTS
from opcc_model.render.site.scheme import area_ladders, code_names, comparison_svg, scheme_rows
from opcc_model.render.bounds import diagram_limit
from opcc_model.render.diagrams import dependency_map_size
from opcc_model.render.site.context import Site, finding_summary, group_by_code, plan_site
from opcc_model.render.site.diagrams import inline_svg
from opcc_model.render.site.paths import code_anchor, csv_path, page_path, relative, role_csv_path, root_of
from opcc_model.render.site.plans import plan_anchor
from opcc_model.render.site.raci import raci_rows
from opcc_model.render.site.search import search_index
from opcc_model.render.summary import SummaryRow, dependency_summary
from opcc_model.render.valuechain import value_chain_hidden
from opcc_model.terminal import UNSAFE, escape_controls

__all__ = [
    "render_home",
    "render_value_chain",
    "render_dependencies",
    "render_stage",
    "render_process",
    "render_activity",
    "render_role",
    "render_artifact",
    "render_glossary",
    "render_timeline",
    "render_area",
    "render_raci",
    "render_transition",
    "RACI_PAGE_ROWS",
    "PAGE_ROWS",
    "role_over_limit",
    "render_search",
    "render_plan",
    "render_findings",
    "plan_site",
]


@pass_context
def _link(context: Any, kind: str, key: str = "") -> str:
    return relative(context["page"], page_path(kind, key))


@pass_context
def _asset(context: Any, path: str) -> str:
    return relative(context["page"], path)


@pass_context
def _fix_link(context: Any, key: str) -> str | None:
    target = context["site"].fix_target(key)
    return None if target is None else relative(context["page"], target)


@pass_context
def _site_nav(context: Any) -> Markup:
    """The site's navigation (every page's header): rendered once per folder of pages, as its links are relative."""
    site, page = context["site"], context["page"]
    key = f"nav:{posixpath.dirname(page)}"
    if key not in site.rendered:
        site.rendered[key] = Markup(environment().get_template("nav.html").render(site=site, page=page))
    return site.rendered[key]  # type: ignore[no-any-return]


def _printable(value: Any) -> Any:
    """Every value a page prints, with control and bidi characters written as ``\\xNN`` (then autoescaped).

    >>> str(_printable("a\\x1b[31m\\x00")), _printable(3)
    ('a\\\\x1b[31m\\\\x00', 3)
    """
    if not isinstance(value, str) or not UNSAFE.search(value):
        return value
    text = escape_controls(value)
    return Markup(text) if isinstance(value, Markup) else text


@cache
def environment() -> Environment:
    """The Jinja2 environment of the site: package templates, autoescape on, undefined names are errors."""
    env = Environment(
        loader=PackageLoader("opcc_model.render.site", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_printable,
    )
    env.globals.update(
        link=_link,
        asset=_asset,
        fix_link=_fix_link,
        site_nav=_site_nav,
        code_anchor=code_anchor,
        plan_anchor=plan_anchor,
        rules=RULES,
        inline_svg=inline_svg,
        s7_contents=S7_CONTENTS,
    )
    return env


def _render(site: Site, template: str, page: str, title: str, **values: Any) -> str:
    return environment().get_template(template).render(
        site=site, model=site.model, page=page, root=root_of(page), title=title, page_rows=PAGE_ROWS, **values
    )


def _summaries(site: Site) -> dict[str, Any]:
    """The headline counts: per area (its own findings), model-wide (once), per plan."""
    return {
        "summaries": {b.area: finding_summary(site.findings.get(b.area, ())) for b in site.areas},
        "model_summary": finding_summary(site.model_findings),
        "plan_summaries": {p.id: finding_summary(site.plan_findings.get(p.id, ())) for p in site.plans},
    }


def render_home(site: Site, /) -> str:
    """The home page: the value chain, its stages and processes, the headline findings per area, model-wide and per plan."""
    return _render(
        site, "home.html", page_path("index"), "OPCC operating model", comparison=comparison_svg(site.model), **_summaries(site)
    )


def render_value_chain(site: Site, /) -> str:
    """The value chain page: the chain drawn, and every stage with its processes and sub-processes."""
    hidden = value_chain_hidden(site.model) if site.diagrams else []
    return _render(site, "value-chain.html", page_path("value-chain"), "The value chain", hidden=hidden)


def render_dependencies(site: Site, /) -> str:
    """The dependency page: the whole dependency map, and every dependency that crosses the boundary."""
    model = site.model
    graph = dependencies(model)
    edges = [(model.activity(a), model.activity(b), data) for a, b, data in graph.edges(data=True)]
    crossing = [(a, b, data) for a, b, data in edges if is_cross_boundary(model, a.id, b.id)]
    return _render(
        site,
        "dependencies.html",
        page_path("dependencies"),
        "Dependencies",
        crossing=crossing[:PAGE_ROWS],
        crossing_total=len(crossing),
        total=len(edges),
        hidden=_hidden(site, None),
    )


def _hidden(site: Site, stage_id: str | None) -> list[SummaryRow]:
    """What the summarised dependency map of ``stage_id`` (or the model) hides; empty when it is drawn whole."""
    if not site.diagrams or dependency_map_size(site.model, stage=stage_id) <= diagram_limit():
        return []
    return dependency_summary(site.model, stage=stage_id)[1]  # by process, or by stage when the summary is drawn so


def render_stage(site: Site, stage_id: str, /) -> str:
    """The page of one stage of the value chain: its processes."""
    stage = site.model.stage(stage_id)
    return _render(site, "stage.html", page_path("stage", stage_id), stage.name, stage=stage, hidden=_hidden(site, stage_id))


def render_process(site: Site, process_id: str, /) -> str:
    """The page of one process: its map, its activities with RACI, codes, inputs and outputs."""
    process = site.model.process(process_id)
    parent = site.model.process(process.parent) if process.parent else None
    return _render(
        site,
        "process.html",
        page_path("process", process_id),
        process.name,
        process=process,
        parent=parent,
        stage=site.model.stage(process.stage),
        children=site.children(process_id),
    )


def render_activity(site: Site, activity_id: str, /) -> str:
    """The page of one activity: guidance, RACI, codes, inputs and outputs, order, references."""
    model = site.model
    activity = model.activity(activity_id)
    before = site.before(activity_id)
    return _render(
        site,
        "activity.html",
        page_path("activity", activity_id),
        activity.name,
        activity=activity,
        process=model.process_of(activity_id),
        before=before,
    )


def render_role(site: Site, role_id: str, /) -> str:
    """The page of one role: what it is accountable, responsible, consulted and informed for.

    A letter held on more than :data:`PAGE_ROWS` activities lists the first of them, says how
    many there are, and links the role's CSV (:func:`~opcc_model.render.site.raci.role_csv`).
    """
    role = site.model.role(role_id)
    reports = [r for r in site.model.roles if r.reports_to == role_id]
    duties = site.duties(role_id)
    return _render(
        site,
        "role.html",
        page_path("role", role_id),
        role.name,
        role=role,
        duties={letter: items[:PAGE_ROWS] for letter, items in duties.items()},
        totals={letter: len(items) for letter, items in duties.items()},
        limit=PAGE_ROWS,
        csv=relative(page_path("role", role_id), role_csv_path(role_id)) if role_over_limit(site, role_id) else None,
        reports=reports,
    )


def role_over_limit(site: Site, role_id: str, /) -> bool:
    """Whether the page of ``role_id`` lists only part of a letter's activities (so the site writes its CSV)."""
    return any(len(items) > PAGE_ROWS for items in site.duties(role_id).values())


def render_artifact(site: Site, artifact_id: str, /) -> str:
    """The page of one artifact: the activities that produce it and those that consume it."""
    model = site.model
    artifact = model.artifact(artifact_id)
    return _render(
        site,
        "artifact.html",
        page_path("artifact", artifact_id),
        artifact.name,
        artifact=artifact,
        producers=[model.activity(a) for a in producers(model).get(artifact_id, ())],
        consumers=[model.activity(a) for a in consumers(model).get(artifact_id, ())],
    )


def render_timeline(site: Site, /) -> str:
    """The statutory year of the site's date: per month, what is due, who, the basis, linked to the activity pages."""
    months: dict[str, list[Any]] = {}
    for entry in site.timeline or ():
        months.setdefault(entry.date.strftime("%B %Y"), []).append(entry)
    year = site.on.year if site.on else None
    return _render(site, "timeline.html", page_path("timeline"), f"Statutory timeline {year}", months=months, on=site.on)


def render_glossary(site: Site, /) -> str:
    """The glossary as a tree of nested lists, each code with its name, provenance, basis and activities.

    The title says what the glossary is: it is called the Police Activities Glossary only
    when every code is from a licensed PAG file; the shipped open glossary never is.
    """
    provenances = {c.provenance for c in site.model.codes}
    title = "Police Activities Glossary (licensed)" if provenances == {"licensed"} else "Glossary of functions (open reference, PAG format)"
    return _render(
        site,
        "glossary.html",
        page_path("glossary"),
        title,
        tree=site.code_children(),
        mapped=site.activities_of_code(),
        provenances=sorted(provenances),
    )


def render_area(site: Site, area: str, /) -> str:
    """The page of one force area: its scheme, ladders, decisions, boundary, coverage, hand-offs and findings."""
    boundary = site.model.boundary(area)
    findings = site.findings.get(area, ())
    return _render(
        site,
        "area.html",
        page_path("area", area),
        boundary.name,
        boundary=boundary,
        by_code=group_by_code(findings),
        summary=finding_summary(findings),
        tables=site.tables[area],
        scheme=scheme_rows(site.model, area),
        ladders=area_ladders(site.model, area),
        names=code_names(site.model, area),
        model_codes={c.code for c in site.model.codes},
    )


def render_findings(site: Site, /) -> str:
    """The findings report: the model-wide findings once, grouped by code, then the counts per area and per plan."""
    return _render(
        site,
        "findings.html",
        page_path("findings"),
        "Findings",
        by_code=group_by_code(site.model_findings),
        **_summaries(site),
    )


def render_plan(site: Site, plan_id: str, /) -> str:
    """The page of one Police and Crime Plan: its tree, s.7 coverage, scrutiny pillars and findings."""
    plan = site.plan(plan_id)
    findings = site.plan_findings.get(plan_id, ())
    return _render(
        site,
        "plan.html",
        page_path("plan", plan_id),
        plan.name,
        plan=plan,
        by_code=group_by_code(findings),
        summary=finding_summary(findings),
    )


RACI_PAGE_ROWS = 2000
"""A RACI matrix of more activities than this is offered as CSV only (a page of tens of thousands of rows × every role is too big to open)."""
PAGE_ROWS = 2000
"""A list longer than this shows its first rows and says how many there are: the dependencies across
the boundary, a role's activities of one RACI letter (with the role's CSV), the findings of one code."""


def render_raci(site: Site, area: str, /) -> str:
    """The RACI matrix page of one area (activities × roles), linking its CSV download; CSV only over :data:`RACI_PAGE_ROWS`."""
    boundary = site.model.boundary(area)
    rows = raci_rows(site.model, area=area)
    return _render(
        site,
        "raci.html",
        page_path("raci", area),
        f"RACI matrix: {boundary.name}",
        boundary=boundary,
        rows=rows if len(rows) <= RACI_PAGE_ROWS else [],
        total=len(rows),
        limit=RACI_PAGE_ROWS,
        csv=relative(page_path("raci", area), csv_path(area)),
    )


def render_transition(site: Site, area: str, /) -> str:
    """The transition page of one area: the first 100 days as a timeline, the lapse / re-make table, the briefing index."""
    boundary = site.model.boundary(area)
    report = site.transitions.get(area)
    return _render(
        site,
        "transition.html",
        page_path("transition", area),
        f"Transition: {boundary.name}",
        boundary=boundary,
        report=report if not isinstance(report, str) else None,
        reason=report if isinstance(report, str) else "the site was built without transition reports",
        on=site.on,
    )


def render_search(site: Site, /) -> str:
    """The search page: a filter over activities and PAG codes, its index embedded as JSON."""
    return _render(site, "search.html", page_path("search"), "Search activities and codes", index=search_index(site.model))
