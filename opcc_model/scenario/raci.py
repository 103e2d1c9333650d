"""Operations on who does what: reassign a RACI letter of selected activities, replace an office holder.

>>> from opcc_model.model import Activity, Model, Process, Role, Stage
>>> m = Model(mandate="m", stages=(Stage(id="s", name="S"),),
...           roles=(Role(id="pcc", name="PCC", side="commissioner"), Role(id="cc", name="CC", side="chief-constable")),
...           processes=(Process(id="p", name="P", stage="s", activities=(Activity(id="a", name="A", accountable="cc"),)),))
>>> reassign(m, Reassign(letter="A", to="pcc", process="p")).model.activity("a").accountable
'pcc'
"""

from __future__ import annotations

from opcc_model.model import Activity, Model, Role
from opcc_model.scenario.ops import Reassign, ReplaceRole
from opcc_model.scenario.step import Problem, Step, map_activities

__all__ = ["reassign", "replace_role", "selected"]

_FIELDS = {"A": "accountable", "R": "responsible", "C": "consulted", "I": "informed"}


def _holds(activity: Activity, letter: str, role: str) -> bool:
    value = getattr(activity, _FIELDS[letter])
    return value == role if letter == "A" else role in value


def selected(model: Model, op: Reassign, /) -> list[str]:
    """The ids of the activities ``op`` selects; a :class:`Problem` for unknown ids or no match."""
    known = {a.id for a in model.activities}
    for index, activity_id in enumerate(op.activities):
        if activity_id not in known:
            raise Problem(f"activity '{activity_id}' is not in the model", "activities", index)
    if op.process is not None and op.process not in {p.id for p in model.processes}:
        raise Problem(f"process '{op.process}' is not in the model", "process")
    if op.stage is not None and op.stage not in {s.id for s in model.stages}:
        raise Problem(f"stage '{op.stage}' is not in the model", "stage")
    if op.pag is not None and op.pag not in {c.code for c in model.codes}:
        raise Problem(f"PAG code \"{op.pag}\" is not in the glossary", "pag")
    if op.role is not None and op.role not in {r.id for r in model.roles}:
        raise Problem(f"role '{op.role}' is not in the model", "role")
    chosen = []
    for process in model.processes:
        if op.process is not None and process.id != op.process:
            continue
        if op.stage is not None and process.stage != op.stage:
            continue
        for activity in process.activities:
            if op.activities and activity.id not in op.activities:
                continue
            if op.pag is not None and not any(c == op.pag or c.startswith(op.pag + ".") for c in activity.pag):
                continue
            if op.role is not None and not _holds(activity, op.letter, op.role):
                continue
            chosen.append(activity.id)
    if not chosen:
        criteria = [f"activities {', '.join(op.activities)}"] if op.activities else []
        criteria += [f"{name} {getattr(op, name)}" for name in ("process", "stage", "pag") if getattr(op, name)]
        criteria += [f"role {op.role} holding {op.letter}"] if op.role else []
        raise Problem(f"the selector matches no activity ({' and '.join(criteria)})")
    return chosen


def _swap(values: tuple[str, ...], old: str | None, new: str) -> tuple[str, ...]:
    """Put ``new`` in place of ``old`` (or at the end), once."""
    out: list[str] = []
    for value in values:
        value = new if value == old else value
        if value not in out:
            out.append(value)
    if new not in out:
        out.append(new)
    return tuple(out)


def reassign(model: Model, op: Reassign, /) -> Step:
    """Give letter ``op.letter`` of the selected activities to ``op.to``."""
    chosen = set(selected(model, op))
    if op.to not in {r.id for r in model.roles}:
        raise Problem(f"role '{op.to}' is not in the model (add it with replace-role, or in roles.yaml)", "to")
    field = _FIELDS[op.letter]

    def change(activity: Activity) -> Activity:
        if activity.id not in chosen:
            return activity
        value = op.to if op.letter == "A" else _swap(getattr(activity, field), op.role, op.to)
        return activity.model_copy(update={field: value})

    return Step(model=map_activities(model, change))


def _new_roles(model: Model, op: ReplaceRole, old: Role) -> list[Role]:
    existing = {r.id for r in model.roles}
    roles = []
    for index, new in enumerate(op.add):
        if new.id in existing:
            raise Problem(f"role '{new.id}' already exists: add only new roles", "add", index, "id")
        fields = new.model_dump()
        fields["side"] = new.side or old.side
        if new.id == op.by and new.principal is None and not op.keep:
            fields["principal"] = old.principal
        if fields["reports_to"] == old.id and not op.keep:
            fields["reports_to"] = op.by
        roles.append(Role(**fields))
    return roles


def replace_role(model: Model, op: ReplaceRole, /) -> Step:
    """Move everything ``op.role`` holds to ``op.by``, keeping the side; drop ``op.role`` unless kept.

    The statutory duties the role holds (``law/duties.yaml``) move with it.
    """
    roles = {r.id: r for r in model.roles}
    if op.role not in roles:
        raise Problem(f"role '{op.role}' is not in the model", "role")
    if op.by == op.role:
        raise Problem(f"cannot replace role '{op.role}' by itself", "by")
    old = roles[op.role]
    added = _new_roles(model, op, old)
    by = next((r for r in added if r.id == op.by), roles.get(op.by))
    if by is None:
        raise Problem(f"role '{op.by}' is not in the model: declare it under add:", "by")
    if by.side != old.side:
        raise Problem(
            f"role '{op.by}' is on the {by.side} side but '{op.role}' is on the {old.side} side: "
            "a replacement keeps the side", "by",
        )
    listed: list[Role] = []
    for role in model.roles:
        if role.id == op.role:
            listed += ([role] if op.keep else []) + added
            continue
        if role.reports_to == op.role and not op.keep:
            role = role.model_copy(update={"reports_to": None if role.id == op.by else op.by})
        listed.append(role)
    moved = 0

    def change(activity: Activity) -> Activity:
        nonlocal moved
        update: dict[str, object] = {}
        if activity.accountable == op.role:
            update["accountable"] = op.by
        for letter in "RCI":
            values = getattr(activity, _FIELDS[letter])
            if op.role in values:
                update[_FIELDS[letter]] = _swap(values, op.role, op.by)
        moved += len(update)
        return activity.model_copy(update=update) if update else activity

    result = map_activities(model.model_copy(update={"roles": tuple(listed)}), change)
    boundaries = tuple(
        b.model_copy(update={"waivers": tuple(w.model_copy(update={"subject": op.by}) if w.subject == op.role else w for w in b.waivers)})
        if any(w.subject == op.role for w in b.waivers) else b
        for b in result.boundaries
    )
    duties = tuple(d.model_copy(update={"holder": op.by}) if d.holder == op.role else d for d in result.duties)
    if not op.keep:  # the scheme's delegations, ladders, decisions and consents follow the role
        boundaries = tuple(b.with_role_renamed(op.role, op.by) for b in boundaries)
    result = result.model_copy(update={"boundaries": boundaries, "duties": duties})
    note = f"{moved} RACI entr{'y' if moved == 1 else 'ies'} moved from '{op.role}' to '{op.by}'"
    return Step(model=result, notes=(note,), placed=tuple(f"role:{r.id}" for r in added))
