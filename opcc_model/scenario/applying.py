"""Apply a scenario to a model: each operation in order, each leaving a valid model, the original untouched.

>>> import opcc_model
>>> from opcc_model.scenario.scenario import parse_scenario
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> s = parse_scenario("name: x\\noperations:\\n  - {op: move-allocation, area: example-area, pag: '1.1', holder: chief-constable}\\n")
>>> applied = apply(model, s)
>>> applied.model.boundary("example-area").holder_of("1.1.2.8"), model.boundary("example-area").holder_of("1.1.2.8")
('chief-constable', 'commissioner')
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from opcc_model import integrity
from opcc_model.errors import LoadIssue
from opcc_model.location import Location
from opcc_model.model import Model
from opcc_model.queries.table import QueryResult, Summarised
from opcc_model.scenario import boundaries, raci, structure
from opcc_model.scenario.errors import OperationError
from opcc_model.scenario.ops import (
    AddActivity,
    AddProcess,
    MergeAreas,
    AmendScheme,
    MoveAllocation,
    Reassign,
    RemoveActivity,
    RemoveProcess,
    ReplaceActivity,
    ReplaceProcess,
    ReplaceRole,
)
from opcc_model.scenario.scenario import Scenario
from opcc_model.scenario.step import Conflict, Problem, Step

__all__ = ["Applied", "apply", "apply_operation"]

_HANDLERS: dict[type, Callable[[Model, Any], Step]] = {
    MoveAllocation: boundaries.move_allocation,
    AmendScheme: boundaries.amend_scheme,
    MergeAreas: boundaries.merge_areas,
    Reassign: raci.reassign,
    ReplaceRole: raci.replace_role,
    AddProcess: structure.add_process,
    RemoveProcess: structure.remove_process,
    ReplaceProcess: structure.replace_process,
    AddActivity: structure.add_activity,
    RemoveActivity: structure.remove_activity,
    ReplaceActivity: structure.replace_activity,
}


class Applied(BaseModel, Summarised):
    """The result of a scenario: the new model, the conflicts it keeps open, and notes of side effects."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    model: Model
    conflicts: tuple[Conflict, ...] = ()
    notes: tuple[str, ...] = ()
    title: ClassVar[str] = "Scenario applied"

    def details(self) -> QueryResult:
        """The conflicts kept open and the notes: kind, area, PAG code, message."""
        rows = tuple(("conflict", c.area, c.pag, c.message) for c in self.conflicts) + tuple(
            ("note", None, None, note) for note in self.notes
        )
        return QueryResult(title=self.title, columns=("kind", "area", "pag", "message"), rows=rows)

    def to_text(self) -> str:
        """The new model, then the conflicts kept open and the notes, one a line."""
        return f"{self.model!r}\n" + (self.details().to_text() + "\n" if self.conflicts or self.notes else "")

    def to_json(self) -> str:
        """The conflicts and notes as a JSON list of objects (kind, area, pag, message)."""
        return self.details().to_json()

    def heading_html(self) -> str:
        """The new model and the counts."""
        return f"<p>{html.escape(repr(self))}</p>"

    def __repr__(self) -> str:
        return f"<Applied: {self.model!r}; {len(self.conflicts)} conflicts kept open, {len(self.notes)} notes>"


def apply_operation(model: Model, op: Any, /) -> Step:
    """Apply one operation; raise :class:`~opcc_model.scenario.step.Problem` if it cannot apply."""
    return _HANDLERS[type(op)](model, op)


def apply(model: Model, scenario: Scenario, /) -> Applied:
    """Apply every operation of ``scenario`` to ``model`` in order; return the new model and its report.

    Raises :class:`~opcc_model.scenario.errors.OperationError` at the first operation that
    names something the model lacks, selects nothing, or leaves the model invalid, with
    the scenario file's line.
    """
    current = model
    conflicts: list[Conflict] = []
    notes: list[str] = []
    placed: dict[str, Location] = {}
    for index, op in enumerate(scenario.operations):
        label = f"operations[{index}] ({op.op})"
        try:
            step = apply_operation(current, op)
        except Problem as problem:
            raise OperationError([LoadIssue(scenario.locate(index, *problem.fields), f"{label}: {problem.message}")]) from None
        problems = list(integrity.check(step.model))
        if problems:
            raise OperationError(
                LoadIssue(scenario.locate(index), f"{label} leaves the model invalid: {message}")
                for _, message in problems
            )
        current = step.model
        conflicts.extend(step.conflicts)
        notes.extend(f"{label}: {note}" for note in step.notes)
        placed.update({key: scenario.locate(index) for key in step.placed})
    if not scenario.operations:
        return Applied(model=model)
    return Applied(
        model=current.with_locations({**model.locations, **placed}),
        conflicts=tuple(conflicts),
        notes=tuple(notes),
    )
