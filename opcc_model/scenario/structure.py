"""Operations on the value chain's structure: add, remove or replace a process or an activity.

>>> from opcc_model.model import Activity, Model, Process, Stage
>>> m = Model(mandate="m", stages=(Stage(id="s", name="S"),), processes=(Process(id="p", name="P", stage="s"),))
>>> step = add_activity(m, AddActivity(process="p", activity=Activity(id="a", name="A")))
>>> [a.id for a in step.model.process("p").activities]
['a']
"""

from __future__ import annotations

from opcc_model.model import Model, Process
from opcc_model.scenario.ops import (
    AddActivity,
    AddProcess,
    RemoveActivity,
    RemoveProcess,
    ReplaceActivity,
    ReplaceProcess,
)
from opcc_model.scenario.step import Problem, Step, forget, with_activities

__all__ = [
    "add_process",
    "remove_process",
    "replace_process",
    "add_activity",
    "remove_activity",
    "replace_activity",
]


def _process_ids(model: Model) -> set[str]:
    return {p.id for p in model.processes}


def _require_process(model: Model, process_id: str, *fields: str | int) -> Process:
    for process in model.processes:
        if process.id == process_id:
            return process
    raise Problem(f"process '{process_id}' is not in the model", *fields)


def _with_process(model: Model, new: Process) -> Model:
    return model.model_copy(update={"processes": tuple(new if p.id == new.id else p for p in model.processes)})


def _new_activity_ids(model: Model, ids: list[str], *fields: str | int) -> None:
    known = {a.id for a in model.activities}
    for activity_id in ids:
        if activity_id in known:
            owner = model.process_of(activity_id).id
            raise Problem(f"activity '{activity_id}' already exists (in process '{owner}'): ids are unique", *fields)


def add_process(model: Model, op: AddProcess, /) -> Step:
    """Add ``op.process`` at the end of the processes."""
    if op.process.id in _process_ids(model):
        raise Problem(f"process '{op.process.id}' already exists: use replace-process to change it", "process", "id")
    _new_activity_ids(model, [a.id for a in op.process.activities], "process", "activities")
    placed = (f"process:{op.process.id}", *(f"activity:{a.id}" for a in op.process.activities))
    return Step(model=model.model_copy(update={"processes": (*model.processes, op.process)}), placed=placed)


def remove_process(model: Model, op: RemoveProcess, /) -> Step:
    """Remove the process ``op.process`` and its activities; links to them are dropped."""
    gone = _require_process(model, op.process, "process")
    kept = model.model_copy(update={"processes": tuple(p for p in model.processes if p.id != op.process)})
    result, notes = forget(kept, {gone.id} | {a.id for a in gone.activities})
    return Step(model=result, notes=notes)


def replace_process(model: Model, op: ReplaceProcess, /) -> Step:
    """Put ``op.process`` in place of the process with the same id."""
    old = _require_process(model, op.process.id, "process", "id")
    old_ids = {a.id for a in old.activities}
    _new_activity_ids(model, [a.id for a in op.process.activities if a.id not in old_ids], "process", "activities")
    result, notes = forget(_with_process(model, op.process), old_ids - {a.id for a in op.process.activities})
    return Step(model=result, notes=notes, placed=(f"process:{op.process.id}",))


def add_activity(model: Model, op: AddActivity, /) -> Step:
    """Add ``op.activity`` to ``op.process``, before ``op.before`` or at the end."""
    process = _require_process(model, op.process, "process")
    _new_activity_ids(model, [op.activity.id], "activity", "id")
    activities = list(process.activities)
    if op.before is None:
        activities.append(op.activity)
    else:
        at = next((i for i, a in enumerate(activities) if a.id == op.before), None)
        if at is None:
            raise Problem(f"activity '{op.before}' is not in process '{op.process}'", "before")
        activities.insert(at, op.activity)
    new = with_activities(process, activities)
    return Step(model=_with_process(model, new), placed=(f"activity:{op.activity.id}",))


def remove_activity(model: Model, op: RemoveActivity, /) -> Step:
    """Remove the activity ``op.activity``; other activities' ``after:`` links to it are dropped."""
    if op.activity not in {a.id for a in model.activities}:
        raise Problem(f"activity '{op.activity}' is not in the model", "activity")
    process = model.process_of(op.activity)
    new = process.model_copy(update={"activities": tuple(a for a in process.activities if a.id != op.activity)})
    result, notes = forget(_with_process(model, new), {op.activity})
    return Step(model=result, notes=notes)


def replace_activity(model: Model, op: ReplaceActivity, /) -> Step:
    """Put ``op.activity`` in place of the activity with the same id, in its process."""
    if op.activity.id not in {a.id for a in model.activities}:
        raise Problem(f"activity '{op.activity.id}' is not in the model: use add-activity to add it", "activity", "id")
    process = model.process_of(op.activity.id)
    activities = [op.activity if a.id == op.activity.id else a for a in process.activities]
    return Step(model=_with_process(model, with_activities(process, activities)), placed=(f"activity:{op.activity.id}",))
