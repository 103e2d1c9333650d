"""Boundaries: how one force area allocates the PAG between the commissioner and the chief constable.

>>> Boundary(area="x", name="X", jurisdiction="wales").allocations
()
"""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints, model_validator

from opcc_model.vocabulary import Frozen as _Frozen
from opcc_model.vocabulary import Holder, Jurisdiction, PagCodeStr, Slug

__all__ = ["Allocation", "Waiver", "Boundary"]


class Allocation(_Frozen):
    """One line of an area's boundary: a PAG prefix and who holds it.

    >>> Allocation(pag="1.4.2", holder="joint", arrangement="Joint Audit Committee").holder
    'joint'
    >>> from pydantic import ValidationError
    >>> try:
    ...     Allocation(pag="1.4", holder="joint")
    ... except ValidationError as exc:
    ...     print(exc.errors()[0]["msg"])
    Value error, holder 'joint' needs an 'arrangement' naming the joint arrangement
    """

    pag: PagCodeStr
    """The PAG code whose whole subtree this line allocates (a more specific line overrides it)."""
    holder: Holder
    """Who holds the subtree in this area: commissioner, chief-constable, joint, oversight or undecided."""
    arrangement: str | None = None
    """The joint arrangement (required when the holder is joint), such as a Joint Audit Committee."""
    delegated_by: Holder | None = None
    """When the holder acts by delegation or consent: the holder it comes from."""
    instrument: str | None = None
    """The instrument that makes the allocation, such as a paragraph of the scheme of consent."""

    @model_validator(mode="after")
    def _joint_needs_arrangement(self) -> Allocation:
        if self.holder == "joint" and not self.arrangement:
            raise ValueError("holder 'joint' needs an 'arrangement' naming the joint arrangement")
        if self.delegated_by is not None and self.delegated_by == self.holder:
            raise ValueError(f"delegated_by {self.delegated_by!r} is the holder itself")
        return self


class Waiver(_Frozen):
    """A finding an area has accepted for one subject, with its reason.

    >>> Waiver(finding="OPCC-O102", subject="3.1.4", reason="s.22A agreement").finding
    'OPCC-O102'
    """

    finding: Annotated[str, StringConstraints(pattern=r"^OPCC-[A-Z][0-9]{3}$")]
    """The finding code waived, such as OPCC-O101."""
    subject: str
    """The id the finding is about (an activity, role, artifact, process, stage or PAG code)."""
    reason: Annotated[str, StringConstraints(min_length=1)]
    """Why the finding is accepted (shown in the findings report)."""


class Boundary(_Frozen):
    """One force area's allocation of the PAG between the commissioner and the chief constable.

    >>> b = Boundary(area="x", name="X", jurisdiction="england",
    ...              allocations=(Allocation(pag="1", holder="commissioner"),))
    >>> b.holder_of("1.2.3")
    'commissioner'
    >>> b.holder_of("2") is None
    True
    """

    area: Slug
    """The force area's id (the file is pag/boundaries/<area>.yaml)."""
    name: str
    """The force area's name."""
    jurisdiction: Jurisdiction
    """england or wales: activities limited to the other jurisdiction do not apply here."""
    allocations: tuple[Allocation, ...] = ()
    """The allocation of the PAG between the holders: one line per PAG prefix."""
    waivers: tuple[Waiver, ...] = ()
    """Findings accepted for this area, each with its reason."""

    def allocation_for(self, code: str) -> Allocation | None:
        """The most specific allocation whose prefix covers ``code`` (first listed on a tie)."""
        best: Allocation | None = None
        for allocation in self.allocations:
            if code == allocation.pag or code.startswith(allocation.pag + "."):
                if best is None or allocation.pag.count(".") > best.pag.count("."):
                    best = allocation
        return best

    def holder_of(self, code: str) -> Holder | None:
        """Who holds ``code`` in this area, or ``None`` when nothing covers it."""
        allocation = self.allocation_for(code)
        return allocation.holder if allocation else None
