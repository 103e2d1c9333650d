"""What the site shows, computed once: the areas, their findings, the diagrams, and derived indexes.

>>> import opcc_model
>>> site = plan_site(opcc_model.load(opcc_model.example_root("minimal")), diagrams=False)
>>> [b.area for b in site.areas]
['example-area']
>>> [a.id for a in site.duties("cc")["C"]]
['identify-stakeholders']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from opcc_model.findings import SEVERITIES, Finding, severity_rank
from opcc_model.model import Activity, Boundary, Model, PagCode, Process
from opcc_model.queries import check, coverage, handoffs
from opcc_model.render.site.paths import page_path

__all__ = ["Site", "plan_site", "subject_page", "finding_summary"]

_LETTERS = ("A", "R", "C", "I")


@dataclass(frozen=True)
class Site:
    """The model with everything its pages need: areas shown, findings per area, SVG per diagram name.

    Diagram names follow :mod:`opcc_model.render.links` (``value-chain``, ``process-<id>``,
    ``boundary-<area>``); each is shown inline on its pages and written as ``<name>.svg``.
    """

    model: Model
    areas: tuple[Boundary, ...]
    findings: Mapping[str, tuple[Finding, ...]] = field(default_factory=dict)
    diagrams: Mapping[str, str] = field(default_factory=dict)
    tables: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    def processes_of_stage(self, stage_id: str, /) -> list[Process]:
        """The top-level processes of a stage (sub-processes are reached from their parent), in file order."""
        return [p for p in self.model.processes if p.stage == stage_id and p.parent is None]

    def children(self, process_id: str, /) -> list[Process]:
        """The processes that refine ``process_id``, in file order."""
        return [p for p in self.model.processes if p.parent == process_id]

    def duties(self, role_id: str, /) -> dict[str, list[Activity]]:
        """For each RACI letter, the activities where ``role_id`` holds it (file order)."""
        found: dict[str, list[Activity]] = {letter: [] for letter in _LETTERS}
        for activity in self.model.activities:
            for letter, role in activity.roles():
                if role == role_id and activity not in found[letter]:
                    found[letter].append(activity)
        return found

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


def _findings(model: Model, areas: tuple[Boundary, ...]) -> dict[str, tuple[Finding, ...]]:
    return {
        b.area: tuple(sorted(check(model, area=b.area), key=lambda f: (severity_rank(f.severity), f.code, f.sort_key())))
        for b in areas
    }


def _tables(model: Model, areas: tuple[Boundary, ...]) -> dict[str, dict[str, Any]]:
    return {b.area: {"coverage": coverage(model, area=b.area), "handoffs": handoffs(model, area=b.area)} for b in areas}


def plan_site(model: Model, /, *, area: str | None = None, diagrams: bool = True) -> Site:
    """Compute what the site of ``model`` shows: every area (or only ``area``), findings, diagrams.

    Raises :class:`~opcc_model.errors.NotFound` when ``area`` is not in the model.
    """
    areas = (model.boundary(area),) if area is not None else tuple(sorted(model.boundaries, key=lambda b: b.area))
    findings = _findings(model, areas)
    svgs: dict[str, str] = {}
    if diagrams:
        from opcc_model.render.site.diagrams import site_diagrams

        svgs = site_diagrams(model, areas, findings=findings)
    return Site(model=model, areas=areas, findings=findings, diagrams=svgs, tables=_tables(model, areas))
