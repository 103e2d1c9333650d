"""Derived indexes the queries share, computed once per model (``model.memo``) in linear time.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> leaves(model)
('1.1.2.8', '2')
>>> resolved_allocations(model, "example-area")["1.1.2.8"].pag
'1'
>>> code_activities(model, "england")["1.1.2.8"]
('identify-stakeholders', 'agree-outcomes')
"""

from __future__ import annotations

import heapq
import os
from collections import defaultdict
from collections.abc import Callable
from operator import itemgetter

from opcc_model.errors import NotFound
from opcc_model.graph import activity_sides
from opcc_model.location import Location
from opcc_model.model import PRINCIPAL_SIDES, Activity, Allocation, Model, Process, Side

__all__ = [
    "relative_location",
    "code_order",
    "children",
    "leaves",
    "in_scope",
    "scoped_activities",
    "scope_of",
    "replaced_in",
    "area_activity_ids",
    "code_activities",
    "code_sides",
    "resolved_allocations",
    "allocation_of",
    "undecided_codes",
    "role_sides",
    "accountable_side",
    "activity_sides",
    "other_principal",
    "names",
    "label",
    "where",
    "locator",
]


def code_order(model: Model, /) -> tuple[str, ...]:
    """Every glossary code, parents before children (by level, then file order)."""
    return model.memo(
        "q:code-order", lambda m: tuple(c.code for c in sorted(m.codes, key=lambda c: c.code.count(".")))
    )


def children(model: Model, /) -> dict[str, tuple[str, ...]]:
    """For each glossary code, its child codes (file order); leaves map to ``()``."""

    def build(m: Model) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {c.code: [] for c in m.codes}
        for c in m.codes:
            if c.parent in found:
                found[c.parent].append(c.code)
        return {k: tuple(v) for k, v in found.items()}

    return model.memo("q:children", build)


def leaves(model: Model, /) -> tuple[str, ...]:
    """The glossary codes with no children, in file order."""
    return model.memo("q:leaves", lambda m: tuple(c for c, kids in children(m).items() if not kids))


def in_scope(activity: Activity, jurisdiction: str | None) -> bool:
    """Whether ``activity`` applies in ``jurisdiction`` (``None``: every jurisdiction).

    >>> in_scope(Activity(id="a", name="A", jurisdictions=("england",)), "wales")
    False
    >>> in_scope(Activity(id="a", name="A"), "wales")
    True
    """
    return activity.applies_in(jurisdiction)


def scope_of(model: Model, area: str, /) -> str:
    """The scope of ``area``'s findings: its jurisdiction, and the area itself when some process is area-scoped.

    Per-area results are computed once per scope, so a model with no area-scoped process
    computes them once per jurisdiction, as before.

    >>> import opcc_model
    >>> scope_of(opcc_model.load(opcc_model.reference_root()), "example-wales")
    'wales'
    """

    def build(m: Model) -> bool:
        return any(p.areas for p in m.processes)

    jurisdiction = model.boundary(area).jurisdiction
    return f"{jurisdiction}@{area}" if model.memo("q:area-scoped", build) else jurisdiction


def _area_processes(model: Model) -> tuple[tuple[tuple[int, Process], ...], dict[str, tuple[tuple[int, Process], ...]]]:
    """The shared processes (no ``areas``) and each area's own processes, each with its place in file order.

    Built once, so that each area's views cost what the shared part and the area's own part
    hold, not a pass over every area's processes.
    """

    def build(m: Model) -> tuple[tuple[tuple[int, Process], ...], dict[str, tuple[tuple[int, Process], ...]]]:
        shared: list[tuple[int, Process]] = []
        own: dict[str, list[tuple[int, Process]]] = defaultdict(list)
        for place, process in enumerate(m.processes):
            if not process.areas:
                shared.append((place, process))
            for area in dict.fromkeys(process.areas):
                own[area].append((place, process))
        return tuple(shared), {area: tuple(held) for area, held in own.items()}

    return model.memo("q:area-processes", build)


def scoped_activities(model: Model, jurisdiction: str | None, /) -> tuple[Activity, ...]:
    """The activities that apply in ``jurisdiction`` (all of them for ``None``), in file order.

    ``jurisdiction`` may be a scope from :func:`scope_of` (``"england@area"``): then the
    activities of processes scoped to other areas are left out.
    """

    def build(m: Model) -> tuple[Activity, ...]:
        place, _, area = (jurisdiction or "").partition("@")
        if not area:
            return tuple(a for a in m.activities if in_scope(a, jurisdiction))
        hidden = replaced_in(m, area)
        shared, own = _area_processes(m)
        return tuple(
            a
            for _, p in heapq.merge(shared, own.get(area, ()), key=_PLACE)
            for a in p.activities
            if in_scope(a, place) and a.id not in hidden
        )

    return model.memo(f"q:scoped:{jurisdiction}", build)


_PLACE = itemgetter(0)


def replaced_in(model: Model, area: str, /) -> frozenset[str]:
    """The shared activities ``area`` overrides: every activity of a process its own process
    ``replaces``, and each activity one of its own activities ``replaces``.

    >>> import opcc_model
    >>> replaced_in(opcc_model.load(opcc_model.reference_root()), "example-wales")
    frozenset()
    """

    def build(m: Model) -> frozenset[str]:
        hidden: set[str] = set()
        for _, process in _area_processes(m)[1].get(area, ()):
            if process.replaces is not None:
                try:
                    hidden.update(a.id for a in m.process(process.replaces).activities)
                except NotFound:
                    pass  # a missing id is the loader's located error, not this view's
            hidden.update(a.replaces for a in process.activities if a.replaces is not None)
        return frozenset(hidden)

    return model.memo(f"q:replaced:{area}", build)


def area_activity_ids(model: Model, area: str | None, /) -> frozenset[str] | None:
    """The ids of the activities that count in ``area`` (``None`` for no area: every activity counts).

    Its jurisdiction's, without other areas' own processes and without the shared activities
    the area overrides (:func:`replaced_in`).
    """
    if area is None:
        return None
    return model.memo(f"q:area-ids:{area}", lambda m: frozenset(a.id for a in scoped_activities(m, scope_of(m, area))))


def code_activities(model: Model, jurisdiction: str | None, /) -> dict[str, tuple[str, ...]]:
    """For each PAG code, the in-scope activities that map to it (file order)."""

    def build(m: Model) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = defaultdict(list)
        for activity in scoped_activities(m, jurisdiction):
            for code in dict.fromkeys(activity.pag):
                found[code].append(activity.id)
        return {k: tuple(v) for k, v in found.items()}

    return model.memo(f"q:code-activities:{jurisdiction}", build)


def role_sides(model: Model, /) -> dict[str, Side]:
    """For each role id, its side."""
    return model.memo("q:role-sides", lambda m: {r.id: r.side for r in m.roles})


def accountable_side(model: Model, activity: Activity, /) -> Side | None:
    """The side of ``activity``'s accountable role, or ``None`` (nobody, or an unknown role)."""
    return role_sides(model).get(activity.accountable) if activity.accountable else None


def code_sides(model: Model, jurisdiction: str | None, /) -> dict[str, dict[Side, tuple[str, ...]]]:
    """For each PAG code, the in-scope activities mapping to it grouped by principal accountable side."""

    def build(m: Model) -> dict[str, dict[Side, tuple[str, ...]]]:
        found: dict[str, dict[Side, list[str]]] = defaultdict(lambda: defaultdict(list))
        for activity in scoped_activities(m, jurisdiction):
            side = accountable_side(m, activity)
            if side in PRINCIPAL_SIDES:
                for code in dict.fromkeys(activity.pag):
                    found[code][side].append(activity.id)  # type: ignore[index]
        return {code: {s: tuple(ids) for s, ids in sides.items()} for code, sides in found.items()}

    return model.memo(f"q:code-sides:{jurisdiction}", build)


def _resolve(model: Model, area: str) -> tuple[dict[str, Allocation | None], frozenset[str]]:
    exact: dict[str, Allocation] = {}
    holders: dict[str, set[str]] = defaultdict(set)
    for allocation in model.boundary(area).allocations:
        exact.setdefault(allocation.pag, allocation)
        holders[allocation.pag].add(allocation.holder)
    codes = {c.code: c for c in model.codes}
    resolved: dict[str, Allocation | None] = {}
    undecided: set[str] = set()
    for code in code_order(model):
        parent = codes[code].parent
        if code in exact:
            conflict = len(holders[code]) > 1
            resolved[code] = None if conflict else exact[code]
            if conflict:
                undecided.add(code)
        else:
            resolved[code] = resolved.get(parent) if parent else None
            if parent in undecided:
                undecided.add(code)
    return resolved, frozenset(undecided)


def resolved_allocations(model: Model, area: str, /) -> dict[str, Allocation | None]:
    """For every glossary code, the allocation that decides its holder in ``area`` (or ``None``).

    One walk down the glossary tree: a code's own allocation wins, else its parent's;
    the same answer as :meth:`Boundary.allocation_for`, in linear time, except that a code
    allocated twice to different holders (OPCC-O101) and what it covers is undecided:
    ``None`` here, and listed by :func:`undecided_codes`, whatever the order of the lines.
    """
    return model.memo(f"q:resolved:{area}", lambda m: _resolve(m, area))[0]


def undecided_codes(model: Model, area: str, /) -> frozenset[str]:
    """The codes whose holder in ``area`` is undecided: allocated twice to different holders, or below such a code."""
    return model.memo(f"q:resolved:{area}", lambda m: _resolve(m, area))[1]


def allocation_of(model: Model, area: str, code: str, /) -> Allocation | None:
    """The allocation deciding ``code`` in ``area``, also for codes missing from the glossary."""
    resolved = resolved_allocations(model, area)
    if code in resolved:
        return resolved[code]
    return model.boundary(area).allocation_for(code)


def other_principal(side: str) -> str:
    """The principal side that is not ``side``.

    >>> other_principal("commissioner")
    'chief-constable'
    """
    return PRINCIPAL_SIDES[1] if side == PRINCIPAL_SIDES[0] else PRINCIPAL_SIDES[0]


def names(model: Model, kind: str, /) -> dict[str, str]:
    """For each id of ``kind`` (``activity``, ``artifact``, ``code``, ``role``, ``process``), its name."""

    def build(m: Model) -> dict[str, str]:
        if kind == "activity":
            return {a.id: a.name for a in m.activities}
        if kind == "code":
            return {c.code: c.name for c in m.codes}
        return {x.id: x.name for x in getattr(m, f"{kind}es" if kind == "process" else f"{kind}s")}

    return model.memo(f"q:names:{kind}", build)


def label(model: Model, kind: str, key: str, /) -> str:
    """A thing's name and id for a message: ``'Identify stakeholders' (identify-stakeholders)``.

    >>> import opcc_model
    >>> label(opcc_model.load(opcc_model.example_root("minimal")), "code", "2")
    "'Operational policing' (2)"
    """
    name = names(model, kind).get(key)
    return f"'{key}'" if name is None else f"'{name}' ({key})"


def where(model: Model, kind: str, key: str, /, *fields: str | int) -> Location | None:
    """:meth:`Model.location_of` with the file relative to the model's root (findings ask for many: fetched once).

    >>> import opcc_model
    >>> where(opcc_model.load(opcc_model.example_root("minimal")), "activity", "agree-outcomes").file
    'processes/engage-consult/conduct-stakeholder-analysis.yaml'
    """
    locations = model.memo("q:locations", lambda m: m.locations)
    locate = getattr(locations, "locate", None)
    if fields and locate is not None:
        found = locate(f"{kind}:{key}", *fields)
    else:
        found = locations.get(f"{kind}:{key}")
    return relative_location(model, found)


def locator(model: Model, /) -> Callable[..., Location | None]:
    """:func:`where` for many look-ups: the locations and the root fetched once (a national check locates tens of thousands).

    >>> import opcc_model
    >>> model = opcc_model.load(opcc_model.example_root("minimal"))
    >>> locator(model)("activity", "agree-outcomes", "inputs", 0) == where(model, "activity", "agree-outcomes", "inputs", 0)
    True
    """
    locations = model.memo("q:locations", lambda m: m.locations)
    locate = getattr(locations, "locate", None)
    prefix = model.memo("q:root-prefix", _root_prefix)
    cut = len(prefix)

    def located(kind: str, key: str, /, *fields: str | int) -> Location | None:
        found = locate(f"{kind}:{key}", *fields) if fields and locate is not None else locations.get(f"{kind}:{key}")
        if found is None or not prefix or not found.file.startswith(prefix):
            return found
        return Location(found.file[cut:], found.line, found.column)

    return located


def relative_location(model: Model, location: Location | None, /) -> Location | None:
    """``location`` with its file relative to ``model``'s root folder, when the model was loaded from one.

    >>> import opcc_model
    >>> model = opcc_model.load(opcc_model.example_root("minimal"))
    >>> relative_location(model, model.location_of("role", "pcc")).file
    'processes/roles.yaml'
    """
    if location is None:
        return None
    prefix = model.memo("q:root-prefix", _root_prefix)
    if prefix and location.file.startswith(prefix):
        return Location(location.file[len(prefix) :], location.line, location.column)
    return location


def _root_prefix(model: Model) -> str:
    root = getattr(model.locations, "root", None)
    if root in (None, "", "."):
        return ""
    return os.path.normpath(root).replace(os.sep, "/").rstrip("/") + "/"
