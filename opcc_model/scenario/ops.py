"""The operations of a scenario: frozen values, one per kind of change, discriminated on ``op``.

>>> from pydantic import TypeAdapter
>>> op = TypeAdapter(Operation).validate_python({"op": "move-allocation", "area": "a", "pag": "2.3", "holder": "commissioner"})
>>> type(op).__name__, op.holder
('MoveAllocation', 'commissioner')
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from opcc_model.boundary import Body, CollectiveAccountability
from opcc_model.model import Activity, Holder, Jurisdiction, PagCodeStr, Process, Side, Slug
from opcc_model.scheme import Delegation, Ladder

__all__ = [
    "Letter",
    "MoveAllocation",
    "AmendScheme",
    "LapsedDelegation",
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
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class MoveAllocation(_Op):
    """Give a PAG subtree of one area to another holder; more specific lines under it are dropped.

    >>> MoveAllocation(area="a", pag="2.3", holder="commissioner").delegated_by is None
    True
    """

    op: Literal["move-allocation"] = "move-allocation"
    """The operation: this value selects the operation's other keys."""
    area: Slug
    """The area whose boundary changes."""
    pag: PagCodeStr
    """The PAG code whose subtree moves."""
    holder: Holder
    """The new holder: commissioner, chief-constable, joint or oversight."""
    relation: Literal["reserved", "own", "consent"] | None = None
    """How the new holder holds it (``consent`` for the Chief Constable with the commissioner's consent)."""
    consent_by: Slug | None = None
    """For ``relation: consent``: the consenting role (or ``commissioner``)."""
    arrangement: str | None = None
    """The joint arrangement (required when the new holder is joint, unless a forum is given)."""
    forum: str | None = None
    """The forum of a joint holding (a joint board)."""
    delegated_by: Holder | None = None
    """Deprecated: ``delegated_by: commissioner`` on the chief constable is read as a consent."""
    instrument: str | None = None
    """The instrument that makes the new allocation."""
    keep_more_specific: bool = False
    """True to keep the more specific lines under the code (default: the whole subtree moves)."""


class Reassign(_Op):
    """Give one RACI letter of the selected activities to another role.

    The selector fields (``activities``, ``process``, ``stage``, ``pag``, ``role``) combine
    with *and*; ``role`` picks activities where that role holds ``letter`` and is the role
    replaced. Without ``role``, letter A is overwritten and R/C/I gain ``to``.

    >>> Reassign(letter="A", to="pcc", pag="2.3").letter
    'A'
    """

    op: Literal["reassign"] = "reassign"
    """The operation: this value selects the operation's other keys."""
    letter: Letter = "A"
    """The RACI letter that moves: A (default), R, C or I."""
    to: Slug
    """The id of the role that takes the letter."""
    activities: tuple[Slug, ...] = ()
    """Select these activities (ids)."""
    process: Slug | None = None
    """Select the activities of this process."""
    stage: Slug | None = None
    """Select the activities of this stage."""
    pag: PagCodeStr | None = None
    """Select the activities with a PAG code under this prefix."""
    role: Slug | None = None
    """Select the activities where this role holds the letter; it is the role replaced."""

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
    """The id: lowercase letters, digits and hyphens, unique among its kind; other files refer to it by this."""
    name: str
    """The name shown in diagrams, tables and the site."""
    side: Side | None = None
    """Its side of the boundary (default: the replaced role's)."""
    reports_to: Slug | None = None
    """The id of the role it reports to."""
    principal: bool | None = None
    """True for the principal role of its side (default: as the replaced role)."""
    description: str | None = None
    """A plain-language description (shown on the site and as hover help)."""
    basis: tuple[str, ...] = ()
    """The legal or other basis, one citation per entry (such as 'PRSR 2011 s.5')."""


class ReplaceRole(_Op):
    """Move everything ``role`` holds (A/R/C/I, ``reports_to``, waiver subjects, duties) to ``by``; drop ``role``.

    ``add`` declares new roles (such as a mayor and a deputy mayor for policing); the
    first takes the replaced role's place in the roles list. ``by`` must be on the same side.

    >>> ReplaceRole(role="pcc", by="mayor", add=(NewRole(id="mayor", name="Mayor"),)).keep
    False
    """

    op: Literal["replace-role"] = "replace-role"
    """The operation: this value selects the operation's other keys."""
    role: Slug
    """The id of the role replaced."""
    by: Slug
    """The id of the role that takes everything it holds (on the same side)."""
    add: tuple[NewRole, ...] = ()
    """New roles to declare (the first takes the replaced role's place in the list)."""
    keep: bool = False
    """True to keep the replaced role in the model (default: it is dropped)."""


class AddProcess(_Op):
    """Add a process (at the end of the list)."""

    op: Literal["add-process"] = "add-process"
    """The operation: this value selects the operation's other keys."""
    process: Process
    """The process, written as a process file."""


class RemoveProcess(_Op):
    """Remove a process and its activities."""

    op: Literal["remove-process"] = "remove-process"
    """The operation: this value selects the operation's other keys."""
    process: Slug
    """The id of the process to remove."""


class ReplaceProcess(_Op):
    """Replace the process with the same id, in place."""

    op: Literal["replace-process"] = "replace-process"
    """The operation: this value selects the operation's other keys."""
    process: Process
    """The process as it becomes (its id names the one replaced)."""


class AddActivity(_Op):
    """Add an activity to a process, before the activity ``before`` or at the end."""

    op: Literal["add-activity"] = "add-activity"
    """The operation: this value selects the operation's other keys."""
    process: Slug
    """The id of the process to add the activity to."""
    activity: Activity
    """The activity, written as in a process file."""
    before: Slug | None = None
    """The id of the activity to add it before (default: at the end)."""


class RemoveActivity(_Op):
    """Remove an activity; other activities' ``after:`` links to it are dropped (and reported)."""

    op: Literal["remove-activity"] = "remove-activity"
    """The operation: this value selects the operation's other keys."""
    activity: Slug
    """The id of the activity to remove."""


class ReplaceActivity(_Op):
    """Replace the activity with the same id, in place, in its process."""

    op: Literal["replace-activity"] = "replace-activity"
    """The operation: this value selects the operation's other keys."""
    activity: Activity
    """The activity as it becomes (its id names the one replaced)."""


class MergedArea(_Op):
    """The area two areas merge into."""

    area: Slug
    """The merged area's id."""
    name: str
    """The merged area's name."""
    jurisdiction: Jurisdiction | None = None
    """england or wales; required when the two areas differ."""


class MergeAreas(_Op):
    """Merge two areas into one; conflicting allocations are kept side by side and reported.

    >>> MergeAreas(areas=("a", "b"), into=MergedArea(area="ab", name="AB")).areas
    ('a', 'b')
    """

    op: Literal["merge-areas"] = "merge-areas"
    """The operation: this value selects the operation's other keys."""
    areas: tuple[Slug, Slug]
    """The two areas to merge (area ids)."""
    into: MergedArea
    """The merged area: its id, name and (when the two differ) jurisdiction."""


class LapsedDelegation(_Op):
    """A delegation of the scheme that ends on ``until`` (the outgoing holder's, in a transfer).

    >>> LapsedDelegation(pag="1.5.7", until=datetime.date(2028, 5, 7)).to is None
    True
    """

    pag: PagCodeStr
    """The code of the delegation(s) that lapse."""
    to: Slug | None = None
    """The delegate, when only the delegation to it lapses (default: every delegation of the code)."""
    until: datetime.date
    """Its last day (the day before the new arrangements start)."""


class AmendScheme(_Op):
    """Change an area's scheme: the kind of body, the deputy, delegations and ladders added (a ladder replaces one on the same code).

    >>> AmendScheme(area="a", body="mayor").delegations
    ()
    """

    op: Literal["amend-scheme"] = "amend-scheme"
    """The operation: this value selects the operation's other keys."""
    area: Slug
    """The area whose scheme changes."""
    body: Body | None = None
    """The new kind of local policing body (pcc, mayor, mopac, board, leaders); a Welsh area cannot become mayoral."""
    deputy: Slug | None = None
    """The role that becomes the area's deputy; ``deputy: null``, written out, leaves the area with none."""
    collective: CollectiveAccountability | None = None
    """For a collective body (board, leaders): who signs its decisions and who answers to the Panel."""
    delegations: tuple[Delegation, ...] = ()
    """Delegations added to the area's scheme (after any ``lapse``: a delegation added here never lapses by it)."""
    lapse: tuple[LapsedDelegation, ...] = ()
    """Delegations of the scheme that end: each gets its ``until`` (a transfer marks the outgoing scheme's to lapse)."""
    ladders: tuple[Ladder, ...] = ()
    """Ladders added; one on a code that already has a ladder replaces it (from its ``from`` date, if given)."""


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
