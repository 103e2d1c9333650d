"""A small clean model and helpers that plant one finding at a time (shared by tests/queries)."""

from __future__ import annotations

from typing import Any

from opcc_model.model import Activity, Allocation, Artifact, Boundary, Model, PagCode, Process, Role, Stage


def base_model() -> Model:
    """A clean model: no finding of any code, in an English and a Welsh area."""
    roles = (
        Role(id="pcc", name="Police and Crime Commissioner", side="commissioner"),
        Role(id="ce", name="OPCC Chief Executive", side="commissioner", reports_to="pcc"),
        Role(id="cc", name="Chief Constable", side="chief-constable"),
        Role(id="pcp", name="Police and Crime Panel", side="oversight"),
        Role(id="csp", name="Community Safety Partnership", side="partner"),
    )
    artifacts = tuple(
        Artifact(id=i, name=i.replace("-", " ").title())
        for i in ("mandate", "plan", "outcome", "report", "spare", "budget")
    )
    codes = tuple(
        PagCode(code=c, name=n)
        for c, n in (("1", "Governance"), ("1.1", "Planning"), ("1.2", "Finance"), ("2", "Policing"), ("2.1", "Response"), ("2.2", "Reporting"))
    )
    activities = (
        Activity(id="write-plan", name="Write the plan", pag=("1.1",), accountable="pcc", responsible=("ce",), inputs=("mandate",), outputs=("plan",)),
        Activity(id="set-budget", name="Set the budget", pag=("1.2",), accountable="pcc", inputs=("plan",), outputs=("outcome",)),
        Activity(id="respond", name="Respond to calls", pag=("2.1",), accountable="cc", outputs=("report",)),
        Activity(id="report-back", name="Report back", pag=("2.2",), accountable="cc", inputs=("report",), after=("respond",)),
    )
    allocations = (Allocation(pag="1", holder="commissioner"), Allocation(pag="2", holder="chief-constable"))
    return Model(
        mandate="mandate",
        outcomes=("outcome",),
        stages=(Stage(id="develop", name="Develop"),),
        roles=roles,
        artifacts=artifacts,
        processes=(Process(id="core", name="Core", stage="develop", activities=activities),),
        codes=codes,
        boundaries=(
            Boundary(area="north", name="North Force Area", jurisdiction="england", allocations=allocations),
            Boundary(area="gwent", name="Gwent", jurisdiction="wales", allocations=allocations),
        ),
    )


def with_activity(model: Model, activity_id: str, /, **changes: Any) -> Model:
    """The model with one activity changed (``changes``) or, if new, appended to the process."""
    process = model.processes[0]
    ids = [a.id for a in process.activities]
    if activity_id in ids:
        acts = tuple(a.model_copy(update=changes) if a.id == activity_id else a for a in process.activities)
    else:
        acts = (*process.activities, Activity(id=activity_id, name=activity_id.replace("-", " ").capitalize(), **changes))
    return model.model_copy(update={"processes": (Process(**{**process.model_dump(exclude={"activities"}), "activities": acts}),)})


def with_boundary(model: Model, area: str, /, **changes: Any) -> Model:
    """The model with one area's boundary changed."""
    return model.model_copy(
        update={"boundaries": tuple(b.model_copy(update=changes) if b.area == area else b for b in model.boundaries)}
    )


def found(model: Model, code: str, **options: Any) -> list[tuple[str | None, tuple[str, ...]]]:
    """``(area, subject)`` of every finding of ``code``."""
    from opcc_model.queries import check

    return [(f.area, f.subject) for f in check(model, **options) if f.code == code]

