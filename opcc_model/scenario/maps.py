"""Which maps a scenario changes: areas whose allocations moved (with the codes) and processes whose activities changed.

>>> import opcc_model
>>> from opcc_model.scenario import apply, diff, parse_scenario
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> s = parse_scenario("name: x\\noperations:\\n  - {op: reassign, letter: A, to: cc, activities: [agree-outcomes]}\\n")
>>> new = apply(model, s).model
>>> changed_maps(model, new, diff(model, new))
ChangedMaps(areas={}, processes={'conduct-stakeholder-analysis': ('agree-outcomes',)})
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from opcc_model.model import Model
from opcc_model.scenario.model_diff import Change
from opcc_model.scenario.step import code_key, describe_holder

__all__ = ["ACTIVITY_CHANGES", "ChangedMaps", "changed_maps"]

ACTIVITY_CHANGES = frozenset(
    {"activity-added", "activity-moved", "activity-changed", "accountable-changed", "raci-added", "raci-removed",
     "pag-added", "pag-removed"}
)
"""Change kinds whose first subject is an activity drawn differently after the scenario."""


@dataclass(frozen=True)
class ChangedMaps:
    """Areas (to the PAG codes whose holder changed) and processes (to the changed activities), sorted."""

    areas: dict[str, tuple[str, ...]] = field(default_factory=dict)
    processes: dict[str, tuple[str, ...]] = field(default_factory=dict)


def _moved_codes(old: Model, new: Model, area: str) -> tuple[str, ...]:
    now = new.boundary(area)
    was = next((b for b in old.boundaries if b.area == area), None)
    codes = sorted({c.code for c in new.codes}, key=code_key)
    if was is None:  # a new area (a merger): everything it allocates is new
        return tuple(c for c in codes if now.allocation_for(c) is not None)
    return tuple(c for c in codes if describe_holder(was.allocation_for(c)) != describe_holder(now.allocation_for(c)))


def changed_maps(old: Model, new: Model, changes: Iterable[Change], /, *, area: str | None = None) -> ChangedMaps:
    """The maps of ``new`` that ``changes`` (from :func:`opcc_model.scenario.diff`) touch, with what to highlight.

    An area counts when a PAG code's resolved holder differs or the area is new; ``area``
    keeps that one only. A process counts when one of its activities is added, moved or
    changed (its accountable role, RACI letters, PAG codes or fields), or one was removed
    from it (nothing to highlight then).
    """
    areas: set[str] = set()
    activities: set[str] = set()
    touched: set[str] = set()
    new_activities = {a.id for a in new.activities}
    new_processes = {p.id for p in new.processes}
    for change in changes:
        if change.kind == "holder-changed" or change.kind == "area-added":
            areas.add(change.subject[0])
        elif change.kind in ACTIVITY_CHANGES and change.subject[0] in new_activities:
            activities.add(change.subject[0])
            touched.add(new.process_of(change.subject[0]).id)
        elif change.kind == "activity-removed" and change.before in new_processes:
            touched.add(str(change.before))
    if area is not None:
        areas &= {area}
    by_process: dict[str, list[str]] = {p: [] for p in touched}
    for activity_id in sorted(activities):
        by_process[new.process_of(activity_id).id].append(activity_id)
    return ChangedMaps(
        areas={a: _moved_codes(old, new, a) for a in sorted(areas)},
        processes={p: tuple(by_process[p]) for p in sorted(by_process)},
    )
