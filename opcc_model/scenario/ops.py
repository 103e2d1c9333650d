"""The operations of a scenario: frozen values, one per kind of change, discriminated on ``op``.

>>> from pydantic import TypeAdapter
>>> op = TypeAdapter(Operation).validate_python({"op": "move-allocation", "area": "a", "pag": "2.3", "holder": "commissioner"})
>>> type(op).__name__, op.holder
('MoveAllocation', 'commissioner')
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from opcc_model.boundary import Body
from opcc_model.model import Activity, Holder, Jurisdiction, PagCodeStr, Process, Side, Slug
from opcc_model.scheme import Delegation, Ladder

__all__ = [
    "Letter",
    "MoveAllocation",
    "AmendScheme",
    "Reassign",
    "NewRole",
    "ReplaceRole",
    "AddProcess",
    "RemoveProcess",
    "ReplaceProcess",
    "AddActivity",
    "RemoveActivity",
    "ReplaceActivity",
    "MergedArea",
    "MergeAreas",
    "Operation",
    "OPERATION_TYPES",
]

Letter = Literal["A", "R", "C", "I"]
"""A RACI letter: Accountable, Responsible, Consulted, Informed."""


class _Op(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class MoveAllocation(_Op):
    """Give a PAG subtree of one area to another holder; more specific lines under it are dropped.

    >>> MoveAllocation(area="a", pag="2.3", holder="commissioner").delegated_by is None
    True
    """

    op: Literal["move-allocation"] = "move-allocation"
    area: Slug
    pag: PagCodeStr
    holder: Holder
    relation: Literal["reserved", "own", "consent"] | None = None
    """How the new holder holds it (``consent`` for the Chief Constable with the commissioner's consent)."""
    consent_by: Slug | None = None
    """For ``relation: consent``: the consenting role (or ``commissioner``)."""
    arrangement: str | None = None
    forum: str | None = None
    delegated_by: Holder | None = None
    """Deprecated: ``delegated_by: commissioner`` on the chief constable is read as a consent."""
    instrument: str | None = None
    keep_more_specific: bool = False


class Reassign(_Op):
    """Give one RACI letter of the selected activities to another role.

    The selector fields (``activities``, ``process``, ``stage``, ``pag``, ``role``) combine
    with *and*; ``role`` picks activities where that role holds ``letter`` and is the role
    replaced. Without ``role``, letter A is overwritten and R/C/I gain ``to``.

    >>> Reassign(letter="A", to="pcc", pag="2.3").letter
    'A'
    """

    op: Literal["reassign"] = "reassign"
    letter: Letter = "A"
    to: Slug
    activities: tuple[Slug, ...] = ()
    process: Slug | None = None
    stage: Slug | None = None
    pag: PagCodeStr | None = None
    role: Slug | None = None

    @model_validator(mode="after")
    def _selects_something(self) -> Reassign:
        if not (self.activities or self.process or self.stage or self.pag or self.role):
            raise ValueError(
                "a reassign needs a selector: one or more of activities, process, stage, pag, role"
            )
        return self


class NewRole(_Op):
    """A role a :class:`ReplaceRole` adds; ``side`` and ``principal`` default to the replaced role's."""

    id: Slug
    name: str
    side: Side | None = None
    reports_to: Slug | None = None
    principal: bool | None = None
    description: str | None = None
    basis: tuple[str, ...] = ()


class ReplaceRole(_Op):
    """Move everything ``role`` holds (A/R/C/I, ``reports_to``, waiver subjects) to ``by``; drop ``role``.

    ``add`` declares new roles (such as a mayor and a deputy mayor for policing); the
    first takes the replaced role's place in the roles list. ``by`` must be on the same side.

    >>> ReplaceRole(role="pcc", by="mayor", add=(NewRole(id="mayor", name="Mayor"),)).keep
    False
    """

    op: Literal["replace-role"] = "replace-role"
    role: Slug
    by: Slug
    add: tuple[NewRole, ...] = ()
    keep: bool = False


class AddProcess(_Op):
    """Add a process (at the end of the list)."""

    op: Literal["add-process"] = "add-process"
    process: Process


class RemoveProcess(_Op):
    """Remove a process and its activities."""

    op: Literal["remove-process"] = "remove-process"
    process: Slug


class ReplaceProcess(_Op):
    """Replace the process with the same id, in place."""

    op: Literal["replace-process"] = "replace-process"
    process: Process


class AddActivity(_Op):
    """Add an activity to a process, before the activity ``before`` or at the end."""

    op: Literal["add-activity"] = "add-activity"
    process: Slug
    activity: Activity
    before: Slug | None = None


class RemoveActivity(_Op):
    """Remove an activity; other activities' ``after:`` links to it are dropped (and reported)."""

    op: Literal["remove-activity"] = "remove-activity"
    activity: Slug


class ReplaceActivity(_Op):
    """Replace the activity with the same id, in place, in its process."""

    op: Literal["replace-activity"] = "replace-activity"
    activity: Activity


class MergedArea(_Op):
    """The area two areas merge into."""

    area: Slug
    name: str
    jurisdiction: Jurisdiction | None = None


class MergeAreas(_Op):
    """Merge two areas into one; conflicting allocations are kept side by side and reported.

    >>> MergeAreas(areas=("a", "b"), into=MergedArea(area="ab", name="AB")).areas
    ('a', 'b')
    """

    op: Literal["merge-areas"] = "merge-areas"
    areas: tuple[Slug, Slug]
    into: MergedArea


class AmendScheme(_Op):
    """Change an area's scheme: the kind of body, the deputy, delegations and ladders added (a ladder replaces one on the same code).

    >>> AmendScheme(area="a", body="mayor").delegations
    ()
    """

    op: Literal["amend-scheme"] = "amend-scheme"
    area: Slug
    body: Body | None = None
    deputy: Slug | None = None
    delegations: tuple[Delegation, ...] = ()
    ladders: tuple[Ladder, ...] = ()


Operation = Annotated[
    MoveAllocation
    | AmendScheme
    | Reassign
    | ReplaceRole
    | AddProcess
    | RemoveProcess
    | ReplaceProcess
    | AddActivity
    | RemoveActivity
    | ReplaceActivity
    | MergeAreas,
    Field(discriminator="op"),
]
"""Any operation, told apart by its ``op`` key."""

OPERATION_TYPES: tuple[type[_Op], ...] = (
    MoveAllocation,
    AmendScheme,
    Reassign,
    ReplaceRole,
    AddProcess,
    RemoveProcess,
    ReplaceProcess,
    AddActivity,
    RemoveActivity,
    ReplaceActivity,
    MergeAreas,
)
"""Every operation type, in the order docs/scenarios.md lists them."""
