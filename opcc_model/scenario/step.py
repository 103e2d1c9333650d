"""What one operation returns, and the small edits operations share.

>>> from opcc_model.model import Activity, Process
>>> p = Process(id="p", name="P", stage="s", basis=("PRSR 2011 s.5",))
>>> with_activities(p, (Activity(id="a", name="A"),)).activities[0].basis
('PRSR 2011 s.5',)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import BaseModel, ConfigDict

from opcc_model.model import Activity, Allocation, Model, Process

__all__ = [
    "Problem",
    "Conflict",
    "Step",
    "with_activities",
    "map_activities",
    "code_key",
    "describe_holder",
    "forget",
]


class Problem(Exception):
    """An operation cannot apply; ``fields`` is the key path inside the operation to point at."""

    def __init__(self, message: str, *fields: str | int) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields


class Conflict(BaseModel):
    """Two areas disagree about a PAG code, and the merged boundary keeps both answers.

    >>> Conflict(area="ab", pag="2.3", holders=(("a", "chief-constable"), ("b", "commissioner")), message="m").pag
    '2.3'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    area: str
    pag: str
    holders: tuple[tuple[str, str], ...]
    message: str


class Step(BaseModel):
    """The result of one operation: the new model, conflicts kept, notes, and ids it placed."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    model: Model
    conflicts: tuple[Conflict, ...] = ()
    notes: tuple[str, ...] = ()
    placed: tuple[str, ...] = ()


def with_activities(process: Process, activities: Sequence[Activity]) -> Process:
    """``process`` with ``activities`` (new activities inherit its jurisdictions and basis)."""
    fields = {name: getattr(process, name) for name in Process.model_fields}
    fields["activities"] = tuple(activities)
    return Process(**fields)


def map_activities(model: Model, change: Callable[[Activity], Activity]) -> Model:
    """``model`` with ``change`` applied to every activity (processes that change are rebuilt)."""
    processes = []
    for process in model.processes:
        activities = tuple(change(a) for a in process.activities)
        processes.append(process if activities == process.activities else process.model_copy(update={"activities": activities}))
    return model.model_copy(update={"processes": tuple(processes)})


def code_key(code: str) -> tuple[int, ...]:
    """Sort PAG codes as numbers: ``"1.10"`` after ``"1.9"``.

    >>> sorted(["1.10", "1.9", "1"], key=code_key)
    ['1', '1.9', '1.10']
    """
    return tuple(int(part) for part in code.split("."))


_HOLDERS = {
    "commissioner": "the Commissioner",
    "chief-constable": "the Chief Constable",
    "oversight": "the Police and Crime Panel (oversight)",
}


def describe_holder(allocation: Allocation | None) -> str:
    """Say who holds an allocation, in words.

    >>> describe_holder(Allocation(pag="2", holder="chief-constable", relation="consent", consent_by="pcc"))
    'the Chief Constable (with the consent of pcc)'
    >>> describe_holder(None)
    'no one'
    """
    if allocation is None:
        return "no one"
    if allocation.holder == "joint":
        text = f"both jointly ({allocation.arrangement or allocation.forum})"
    else:
        text = _HOLDERS[allocation.holder]
    if allocation.relation == "consent":
        by = allocation.consent_by or "nobody named"
        text += f" (with the consent of {_HOLDERS.get(by, by)}"
        text += f" under {allocation.instrument})" if allocation.instrument else ")"
    return text


def forget(model: Model, gone: set[str]) -> tuple[Model, tuple[str, ...]]:
    """Drop ``after:`` links to and waivers about the removed things ``gone``; one note each."""
    notes: list[str] = []

    def drop(activity: Activity) -> Activity:
        kept = tuple(a for a in activity.after if a not in gone)
        if kept == activity.after:
            return activity
        for removed in activity.after:
            if removed in gone:
                notes.append(f"'{activity.id}' no longer waits for '{removed}' (removed)")
        return activity.model_copy(update={"after": kept})

    result = map_activities(model, drop)
    boundaries = []
    for boundary in result.boundaries:
        waivers = tuple(w for w in boundary.waivers if w.subject not in gone)
        for waiver in boundary.waivers:
            if waiver.subject in gone:
                notes.append(f"{boundary.area}: the waiver of {waiver.finding} for '{waiver.subject}' is dropped (removed)")
        boundaries.append(boundary if waivers == boundary.waivers else boundary.model_copy(update={"waivers": waivers}))
    return result.model_copy(update={"boundaries": tuple(boundaries)}), tuple(notes)
