"""What breaks if an activity or a role is removed: orphaned artifacts, starved activities, unaccountable work.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> [(row[0], row[2]) for row in impact(model, "identify-stakeholders")]
[('loses its producer', 'stakeholder-map'), ('loses an input', 'agree-outcomes'), ('loses a predecessor', 'agree-outcomes')]
"""

from __future__ import annotations

from opcc_model.errors import NotFound, OpccError
from opcc_model.graph import consumers, dependencies, producers
from opcc_model.model import Model
from opcc_model.queries.table import Cell, QueryResult

__all__ = ["impact", "IMPACT_COLUMNS"]

IMPACT_COLUMNS = ("effect", "kind", "id", "name", "because")
"""The columns of :func:`impact`."""


def _resolve(model: Model, target: str) -> tuple[str, str]:
    kind, sep, key = target.partition(":")
    if sep and kind in ("role", "activity"):
        getattr(model, kind)(key)  # NotFound if unknown
        return kind, key
    found = [k for k in ("activity", "role") if _exists(model, k, target)]
    if not found:
        raise NotFound(f"{target!r} is neither an activity nor a role of the model")
    if len(found) > 1:
        raise OpccError(f"{target!r} is both an activity and a role: say 'activity:{target}' or 'role:{target}'")
    return found[0], target


def _exists(model: Model, kind: str, key: str) -> bool:
    try:
        getattr(model, kind)(key)
    except NotFound:
        return False
    return True


def _activity_impact(model: Model, activity_id: str) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    made_by, used_by = producers(model), consumers(model)
    for artifact in sorted(set(model.activity(activity_id).outputs)):
        if made_by.get(artifact) == (activity_id,):
            rows.append(("loses its producer", "artifact", artifact, model.artifact(artifact).name, activity_id))
            for user in sorted(set(used_by.get(artifact, ())) - {activity_id}):
                rows.append(("loses an input", "activity", user, model.activity(user).name, artifact))
    for later in sorted(dependencies(model).successors(activity_id)):
        if activity_id in model.activity(later).after:
            rows.append(("loses a predecessor", "activity", later, model.activity(later).name, activity_id))
    return rows


def _role_impact(model: Model, role_id: str) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = []
    for activity in sorted(model.activities, key=lambda a: a.id):
        if activity.accountable == role_id:
            rows.append(("loses its accountable role", "activity", activity.id, activity.name, role_id))
        elif activity.responsible and set(activity.responsible) == {role_id}:
            rows.append(("loses its responsible role", "activity", activity.id, activity.name, role_id))
    for role in sorted(model.roles, key=lambda r: r.id):
        if role.reports_to == role_id:
            rows.append(("loses the role it reports to", "role", role.id, role.name, role_id))
    return rows


def impact(model: Model, role_or_activity: str, /) -> QueryResult:
    """What loses its producer, an input, a predecessor or its accountable role if ``role_or_activity`` is removed.

    For an activity: the artifacts only it produces, the activities that consume them,
    and the activities that come ``after`` it. For a role: the activities it is
    accountable for (or the only responsible role of), and the roles that report to it.
    Say ``activity:ID`` or ``role:ID`` when an id is both. Raises
    :class:`~opcc_model.errors.NotFound` for an unknown id.

    >>> import opcc_model
    >>> [row[2] for row in impact(opcc_model.load(opcc_model.example_root("minimal")), "pcc")]
    ['agree-outcomes', 'identify-stakeholders', 'opcc-chief-executive']
    """
    kind, key = _resolve(model, role_or_activity)
    rows = _activity_impact(model, key) if kind == "activity" else _role_impact(model, key)
    return QueryResult(title=f"Impact of removing {kind} {key}", columns=IMPACT_COLUMNS, rows=tuple(rows))
