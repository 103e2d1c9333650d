"""The briefing pack index: for each function the new holder takes, what to read and who produces it.

A function is a second-level glossary code (``1.1`` strategic direction and planning, ``1.3``
finance and resources...). For every activity the new holder is accountable for, the
artifacts it consumes (performance data, inspection reports, the plan, the budget, the
scheme: every kind but outcomes) are listed under its functions, with the activities that
produce them and their accountable roles (``processes/artifacts.yaml``, activities' ``outputs``).

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.reference_root())
>>> pack = briefing_pack(model, "example-england")
>>> [r.producers for r in pack if r.artifact == "hmicfrs-report"][:1]
[('inspect-force',)]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from opcc_model.errors import NotFound
from opcc_model.handover.items import role_name
from opcc_model.model import Model

__all__ = ["Reading", "briefing_pack", "new_holder"]

READ_KINDS = ("document", "plan", "report", "decision", "data", "agreement", "record", "budget")
"""The kinds of artifact a briefing lists (outcomes are not read)."""


@dataclass(frozen=True, order=True)
class Reading:
    """One artifact to read for one function: what it is, who produces it, which of the holder's activities need it."""

    function: str
    function_name: str
    artifact: str
    artifact_name: str
    kind: str
    producers: tuple[str, ...]
    """The activities that produce it (ids); empty when it comes from outside the model."""
    produced_by: str
    """Their accountable roles, by name."""
    needed_by: tuple[str, ...]
    """The holder's activities that consume it (ids)."""


def new_holder(model: Model, /) -> str:
    """The id of the commissioner side's principal role: the holder who takes the functions."""
    principal = model.principals().get("commissioner")
    if principal is None:
        raise NotFound("the model has no role on the commissioner side to take the functions")
    return principal.id


def _function(model: Model, code: str) -> tuple[str, str]:
    top = ".".join(code.split(".")[:2])
    try:
        return top, model.code(top).name
    except NotFound:
        return top, ""


def briefing_pack(model: Model, area: str, /) -> tuple[Reading, ...]:
    """The briefing index for the holder of the commissioner side in ``area`` of ``model``, by function then artifact."""
    boundary = model.boundary(area)
    holder = new_holder(model)
    applying = [
        (p, a) for p in model.processes if not p.areas or area in p.areas
        for a in p.activities if a.applies_in(boundary.jurisdiction)
    ]
    producers: dict[str, list[str]] = defaultdict(list)
    for _, activity in applying:
        for artifact_id in activity.outputs:
            producers[artifact_id].append(activity.id)
    kinds = {a.id: a for a in model.artifacts}
    needs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _, activity in applying:
        if activity.accountable != holder:
            continue
        functions = {_function(model, code) for code in activity.pag if boundary.holder_of(code) in ("commissioner", None)}
        for artifact_id in activity.inputs:
            artifact = kinds.get(artifact_id)
            if artifact is None or artifact.kind not in READ_KINDS:
                continue
            for function in functions:
                needs[(function[0], artifact_id)].add(activity.id)
    rows = []
    for (code, artifact_id), needed in needs.items():
        made = tuple(sorted(producers.get(artifact_id, ())))
        roles = sorted({role_name(model, boundary, model.activity(a).accountable or "") for a in made if model.activity(a).accountable})
        artifact = kinds[artifact_id]
        rows.append(Reading(code, _function(model, code)[1], artifact_id, artifact.name, artifact.kind, made, "; ".join(roles), tuple(sorted(needed))))
    return tuple(sorted(rows, key=lambda r: ([int(x) for x in r.function.split(".")], r.artifact)))
