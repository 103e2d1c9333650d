"""What the site shows, computed once: the areas, the plans, their findings, the diagrams, and derived indexes.

>>> import opcc_model
>>> site = plan_site(opcc_model.load(opcc_model.example_root("minimal")), diagrams=False)
>>> [b.area for b in site.areas]
['example-area']
>>> [a.id for a in site.duties("cc")["C"]]
['identify-stakeholders']
>>> site.model_findings, site.plans
((), ())
"""

from __future__ import annotations

import datetime

import os
from collections import Counter
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from opcc_model.config import Settings
from opcc_model.errors import NotFound, OpccError
from opcc_model.handover import TransitionReport, transition
from opcc_model.findings import SEVERITIES, Finding, severity_rank
from opcc_model.model import Activity, Boundary, Model, PagCode, Process
from opcc_model.plan.model import Plan
from opcc_model.queries import check, coverage, handoffs
from opcc_model.queries.calendar import Calendar, statutory_calendar
from opcc_model.render.site.paths import page_path
from opcc_model.render.site.plans import is_plan_finding_code, plan_diagrams, plan_target

__all__ = ["Site", "plan_site", "subject_page", "finding_summary", "group_by_code"]

_LETTERS = ("A", "R", "C", "I")


@dataclass(frozen=True)
class Site:
    """The model with everything its pages need: areas and plans shown, their findings, SVG per diagram name.

    ``findings`` holds each area's own findings (those with that ``area``);
    ``model_findings`` those of the model-wide rules (no area), shown once;
    ``plan_findings`` each plan's OPCC-P1xx findings, by plan id.
    Diagram names follow :mod:`opcc_model.render.links` (``value-chain``, ``process-<id>``,
    ``boundary-<area>``) and ``plan-<id>``; each is shown inline on its pages and written as ``<name>.svg``.
    """

    model: Model
    areas: tuple[Boundary, ...]
    findings: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)
    diagrams: Mapping[str, str] = field(default_factory=dict)
    tables: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    model_findings: tuple[Finding, ...] = ()
    plans: tuple[Plan, ...] = ()
    plan_findings: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)
    failures: tuple[str, ...] = ()
    """Diagrams that could not be laid out (``name.svg: why``): shown as a placeholder, reported by ``build_site``."""
    on: datetime.date | None = None
    """The date the site was built for (``--date``): its findings and timeline are of that date."""
    timeline: Calendar | None = None
    """The statutory calendar of the year of ``on`` (the timeline page)."""
    transitions: Mapping[str, TransitionReport | str] = field(default_factory=dict)
    """Each area's transition report for a new holder elected on ``on`` (the transition page), or why there is none."""
    rendered: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Parts of pages the same on every page of a folder (the site's navigation), rendered once."""

    def plan(self, plan_id: str, /) -> Plan:
        """The plan shown with id ``plan_id``; raises :class:`~opcc_model.errors.NotFound` otherwise."""
        for plan in self.plans:
            if plan.id == plan_id:
                return plan
        raise NotFound(f"plan {plan_id!r} is not on the site; the plans are: {', '.join(p.id for p in self.plans) or '(none)'}")

    def fix_target(self, key: str, /) -> str | None:
        """The site path of the page (and anchor) where a finding's subject ``key`` is fixed, if any.

        A thing of the model first (:func:`subject_page`), then a plan or a node, measure or pillar of one.
        """
        found = subject_page(self.model, key)
        if found is not None:
            return found[1]
        for plan in self.plans:
            target = plan_target(plan, key)
            if target is not None:
                return target
        return None

    def processes_of_stage(self, stage_id: str, /) -> list[Process]:
        """The top-level processes of a stage (sub-processes are reached from their parent), in file order."""
        return list(self.model.memo("site:top-processes", _top_processes).get(stage_id, ()))

    def children(self, process_id: str, /) -> list[Process]:
        """The processes that refine ``process_id``, in file order."""
        return list(self.model.memo("site:children", _children).get(process_id, ()))

    def duties(self, role_id: str, /) -> dict[str, list[Activity]]:
        """For each RACI letter, the activities where ``role_id`` holds it (file order, each once)."""
        held = self.model.memo("site:duties", _duties).get(role_id, {})
        return {letter: list(held.get(letter, ())) for letter in _LETTERS}

    def warm(self) -> None:
        """Build every index the pages read now (before page workers are forked, so that they share them)."""
        from opcc_model.graph import consumers, producers

        for name, build in (("site:top-processes", _top_processes), ("site:children", _children),
                            ("site:duties", _duties), ("site:before", _before)):
            self.model.memo(name, build)
        producers(self.model), consumers(self.model)

    def before(self, activity_id: str, /) -> list[Activity]:
        """The activities that come after ``activity_id`` (those whose ``after`` names it), in file order."""
        return list(self.model.memo("site:before", _before).get(activity_id, ()))

    def code_children(self) -> dict[str | None, list[PagCode]]:
        """The glossary as a tree: each code's children, sorted by code number (``None``: the top level)."""
        tree: dict[str | None, list[PagCode]] = {}
        for code in self.model.codes:
            tree.setdefault(code.parent, []).append(code)
        for children in tree.values():
            children.sort(key=lambda c: tuple(int(part) for part in c.code.split(".")))
        return tree

    def activities_of_code(self) -> dict[str, list[Activity]]:
        """For each PAG code, the activities mapped to it (file order)."""
        found: dict[str, list[Activity]] = {}
        for activity in self.model.activities:
            for code in activity.pag:
                found.setdefault(code, []).append(activity)
        return found


def _top_processes(model: Model) -> dict[str, list[Process]]:
    found: dict[str, list[Process]] = {}
    for process in model.processes:
        if process.parent is None:
            found.setdefault(process.stage, []).append(process)
    return found


def _children(model: Model) -> dict[str, list[Process]]:
    found: dict[str, list[Process]] = {}
    for process in model.processes:
        if process.parent is not None:
            found.setdefault(process.parent, []).append(process)
    return found


def _duties(model: Model) -> dict[str, dict[str, list[Activity]]]:
    """Role → RACI letter → the activities where the role holds that letter, in file order, each once."""
    found: dict[str, dict[str, list[Activity]]] = {}
    for activity in model.activities:
        for letter, role in dict.fromkeys(activity.roles()):
            found.setdefault(role, {}).setdefault(letter, []).append(activity)
    return found


def _before(model: Model) -> dict[str, list[Activity]]:
    """Activity id → the activities whose ``after`` names it, in file order, each once."""
    found: dict[str, list[Activity]] = {}
    for activity in model.activities:
        for earlier in dict.fromkeys(activity.after):
            found.setdefault(earlier, []).append(activity)
    return found


def subject_page(model: Model, key: str, /) -> tuple[str, str] | None:
    """The ``(kind, site path)`` of the page where the subject ``key`` of a finding is fixed, if any.

    >>> import opcc_model
    >>> subject_page(opcc_model.load(opcc_model.example_root("minimal")), "1.1.2.8")
    ('code', 'glossary.html#code-1.1.2.8')
    """
    for kind in ("activity", "process", "artifact", "role", "stage", "area", "code"):
        try:
            getattr(model, "boundary" if kind == "area" else kind)(key)
        except KeyError:
            continue
        return kind, page_path(kind, key)
    return None


def finding_summary(findings: tuple[Finding, ...], /, *, top: int = 3) -> dict[str, object]:
    """Counts of open findings by severity, the waived count, and the most frequent codes.

    >>> f = Finding(code="OPCC-G101", severity="error", subject=("a",), message="m")
    >>> finding_summary((f, f))["top"]
    [('OPCC-G101', 2)]
    """
    open_ = [f for f in findings if not f.waived]
    by_severity = Counter(f.severity for f in open_)
    codes = Counter(f.code for f in open_)
    ranked = sorted(codes.items(), key=lambda item: (-item[1], item[0]))
    return {
        "counts": [(s, by_severity.get(s, 0)) for s in SEVERITIES],
        "waived": sum(1 for f in findings if f.waived),
        "top": ranked[:top],
    }


def group_by_code(findings: Iterable[Finding], /) -> list[tuple[str, list[Finding]]]:
    """``(code, findings)`` pairs sorted by code, each keeping the order of ``findings``.

    >>> f = Finding(code="OPCC-G101", severity="error", subject=("a",), message="m")
    >>> [(code, len(items)) for code, items in group_by_code([f, f])]
    [('OPCC-G101', 2)]
    """
    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    return sorted(by_code.items())


def _by_severity(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (severity_rank(f.severity), f.code, f.sort_key())))


def _split(
    found: Iterable[Finding], areas: tuple[Boundary, ...], plans: tuple[Plan, ...]
) -> tuple[dict[str, tuple[Finding, ...]], tuple[Finding, ...], dict[str, tuple[Finding, ...]]]:
    """Findings per area, model-wide ones, and per plan; each sorted by severity, code, then location."""
    per_area: dict[str, list[Finding]] = {b.area: [] for b in areas}
    per_plan: dict[str, list[Finding]] = {p.id: [] for p in plans}
    model_wide: list[Finding] = []
    for f in found:
        if f.area is not None:
            per_area.setdefault(f.area, []).append(f)
        elif is_plan_finding_code(f.code) and f.subject and f.subject[0] in per_plan:
            per_plan[f.subject[0]].append(f)
        else:
            model_wide.append(f)
    return (
        {area: _by_severity(items) for area, items in per_area.items()},
        _by_severity(model_wide),
        {plan: _by_severity(items) for plan, items in per_plan.items()},
    )


def _tables(model: Model, areas: tuple[Boundary, ...]) -> dict[str, dict[str, Any]]:
    return {b.area: {"coverage": coverage(model, area=b.area), "handoffs": handoffs(model, area=b.area)} for b in areas}


def plan_site(
    model: Model,
    /,
    *,
    area: str | None = None,
    diagrams: bool = True,
    settings: Settings | None = None,
    plans: Iterable[Plan] = (),
    reuse: str | os.PathLike[str] | None = None,
    on: datetime.date | None = None,
) -> Site:
    """Compute what the site of ``model`` shows: every area (or only ``area``), the plans, findings, diagrams.

    Findings come from :func:`opcc_model.queries.check` with ``settings`` (severities, see
    :func:`opcc_model.config.load_settings`) and ``plans`` (from :func:`opcc_model.plan.load_plans`).
    With ``area``, a plan of another area is left out. ``reuse``: a site built before, whose
    diagrams are reused where their layout is unchanged. ``on`` (default today) is the date
    the findings are judged on and whose year the timeline shows. Raises
    :class:`~opcc_model.errors.NotFound` when ``area`` is not in the model.
    """
    areas = (model.boundary(area),) if area is not None else tuple(sorted(model.boundaries, key=lambda b: b.area))
    shown = tuple(sorted((p for p in plans if area is None or p.area in (None, area)), key=lambda p: p.id))
    findings, model_findings, plan_findings = _split(
        check(model, area=area, settings=settings, plans=shown, on=on), areas, shown
    )
    day = on or datetime.date.today()
    reports = _transitions(model, areas, day)
    plan_svgs = plan_diagrams(model, shown) if diagrams else {}
    svgs: MutableMapping[str, str] = {}
    failures: list[str] = []
    if diagrams:
        from opcc_model.render.site.diagrams import site_diagrams
        from opcc_model.render.transitionmap import transition_map

        timelines = [(f"transition-{area}", transition_map(model, r, page_suffix=".html"))
                     for area, r in reports.items() if isinstance(r, TransitionReport)]
        svgs = site_diagrams(model, areas, findings=findings, reuse=reuse, failures=failures, extra=timelines)
        svgs.update(plan_svgs)
    return Site(
        model=model,
        areas=areas,
        findings=findings,
        diagrams=svgs,
        tables=_tables(model, areas),
        model_findings=model_findings,
        plans=shown,
        plan_findings=plan_findings,
        failures=tuple(failures),
        on=day,
        timeline=statutory_calendar(model, day.year, area=area),
        transitions=reports,
    )


def _transitions(model: Model, areas: tuple[Boundary, ...], day: datetime.date) -> dict[str, TransitionReport | str]:
    """Each area's transition report for a holder elected on ``day``, or the sentence saying why there is none."""
    found: dict[str, TransitionReport | str] = {}
    for boundary in areas:
        try:
            found[boundary.area] = transition(model, area=boundary.area, date=day)
        except OpccError as exc:
            found[boundary.area] = str(exc)
    return found
