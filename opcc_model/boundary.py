"""Boundaries: how one force area splits its functions between the commissioner, the chief constable and the Panel.

A boundary file is an area's scheme of delegation and consent: allocations (who holds each
glossary code, and in which relation), delegations (s.18/s.19 arrangements, chains),
threshold ladders, named officers, local codes, a default rule and a decision register.

>>> Boundary(area="x", name="X", jurisdiction="wales").allocations
()
"""

from __future__ import annotations

import datetime as _dt
from typing import Annotated, Literal, TypeVar

from pydantic import StringConstraints, model_validator

from opcc_model.scheme import FORMAT, Decision, DefaultRule, Delegation, Ladder, _Dated
from opcc_model.vocabulary import Frozen as _Frozen
from opcc_model.vocabulary import Holder, Jurisdiction, PagCodeStr, Side, Slug

__all__ = [
    "Allocation",
    "Waiver",
    "Officer",
    "LocalCode",
    "CollectiveAccountability",
    "Boundary",
    "Body",
    "BODY_WORDS",
    "COLLECTIVE_BODIES",
    "ROLE_KEYS",
]

Body = Literal["pcc", "mayor", "mopac", "board", "leaders"]
"""The kind of local policing body: a PCC (or PFCC), a combined-authority mayor, the Mayor's
Office for Policing and Crime (London), a policing and crime board of council leaders, or (in
Wales) local government leaders. The last two were announced for 2028 with no statute yet
(LAW.md section 11): they are scenario assumptions, never law."""

BODY_WORDS: dict[str, str] = {
    "pcc": "a PCC",
    "mayor": "a mayor",
    "mopac": "the Mayor's Office for Policing and Crime",
    "board": "a policing and crime board",
    "leaders": "local government leaders",
}
"""Each kind of local policing body (``body:``) in words, for notes and messages."""

COLLECTIVE_BODIES: frozenset[str] = frozenset({"board", "leaders"})
"""The kinds of body that decide collectively, so must say who signs and who answers to the Panel."""


class Allocation(_Dated):
    """One line of an area's boundary: a glossary prefix, who holds it and how.

    >>> Allocation(pag="1.4.2", holder="joint", arrangement="Joint Audit Committee").holder
    'joint'
    >>> Allocation(pag="1.3.2.5", holder="chief-constable", relation="consent", consent_by="pcc").relation
    'consent'
    >>> from pydantic import ValidationError
    >>> try:
    ...     Allocation(pag="1.4", holder="joint")
    ... except ValidationError as exc:
    ...     print(exc.errors()[0]["msg"])
    Value error, holder 'joint' needs an 'arrangement' (or a 'forum') naming the joint arrangement
    """

    pag: PagCodeStr
    """The glossary code (and everything under it, unless a more specific line says otherwise)."""
    holder: Holder
    """Who holds it: ``commissioner``, ``chief-constable``, ``joint`` or ``oversight`` (the Panel's own powers)."""
    relation: Literal["reserved", "own", "consent"] | None = None
    """How it is held: ``reserved`` (the commissioner keeps it, by statute or by choice), ``own``
    (the Chief Constable's own function) or ``consent`` (the Chief Constable exercises it with
    the consent of ``consent_by``). Delegations are written under ``delegations:``."""
    consent_by: Slug | None = None
    """For ``relation: consent``: the role that consents (a role id, or ``commissioner`` for the principal)."""
    arrangement: str | None = None
    """For ``joint``: the joint arrangement in words."""
    forum: str | None = None
    """For ``joint``: the forum where the joint decision is taken (a joint management or governance board)."""
    delegated_by: Holder | None = None
    """Deprecated (format 1): ``delegated_by: commissioner`` on a chief-constable line is read as
    ``relation: consent, consent_by: commissioner``; ``opcc migrate`` rewrites it."""

    @model_validator(mode="after")
    def _relation_fits_holder(self) -> Allocation:
        if self.holder == "joint" and not (self.arrangement or self.forum):
            raise ValueError("holder 'joint' needs an 'arrangement' (or a 'forum') naming the joint arrangement")
        if self.delegated_by is not None and self.delegated_by == self.holder:
            raise ValueError(f"delegated_by {self.delegated_by!r} is the holder itself")
        if self.delegated_by == "commissioner" and self.holder == "chief-constable" and self.relation is None:
            object.__setattr__(self, "relation", "consent")
            if self.consent_by is None:
                object.__setattr__(self, "consent_by", "commissioner")
        wanted = {"reserved": "commissioner", "own": "chief-constable", "consent": "chief-constable"}
        if self.relation is not None and self.holder != wanted[self.relation]:
            raise ValueError(
                f"relation {self.relation!r} is for holder {wanted[self.relation]!r}, found holder {self.holder!r}"
            )
        if self.consent_by is not None and self.relation != "consent":
            raise ValueError("'consent_by' is only for relation: consent")
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


class Officer(_Frozen):
    """A named officer of one area (a head of estates, a force director), on one side.

    >>> Officer(id="head-of-estates", name="Head of Estates", side="commissioner").side
    'commissioner'
    """

    id: Slug
    """The officer's id, used by this area's delegations, ladders and decisions."""
    name: str
    """The post's title."""
    side: Side
    """The side the post sits on."""
    reports_to: Slug | None = None
    """The role or officer the post reports to."""
    description: str | None = None
    """More about the post."""


class LocalCode(_Frozen):
    """A code an area adds for itself under an existing parent, marked local (the shared glossary is unchanged).

    >>> LocalCode(code="1.3.8.2.1", name="Settlement tiers").parent
    '1.3.8.2'
    """

    code: PagCodeStr
    """The local code: an existing code's children, such as ``"1.3.8.2.1"``."""
    name: str
    """What the local code stands for."""
    description: str | None = None
    """More about the code."""
    basis: tuple[str, ...] = ()
    """What the code rests on."""

    @property
    def parent(self) -> str | None:
        """The code one level up."""
        head, sep, _ = self.code.rpartition(".")
        return head if sep else None

    @property
    def provenance(self) -> str:
        """Always ``local``."""
        return "local"


class CollectiveAccountability(_Frozen):
    """Who answers for a collective body's decisions: who signs them, and who answers to the Police and Crime Panel.

    A PCC is one person: the PCC signs every decision and attends the Panel (PRSR 2011 s.29).
    A board of council leaders (or the Welsh local government leaders) decides together, so
    a scheme for one must name both; no statute says who yet (scenario assumptions).

    >>> CollectiveAccountability(signs="board-chair", answers_to_panel="police-and-crime-lead").signs
    'board-chair'
    """

    signs: Slug
    """The role or officer who signs the body's decisions on its behalf (such as the board's chair)."""
    answers_to_panel: Slug
    """The role or officer who attends the Police and Crime Panel and answers for the body's decisions."""
    condition: str | None = None
    """A condition in words (such as "after a vote of the board")."""
    source: str | None = None
    """Where this was read, or the assumption it rests on (with its source)."""


_Coded = TypeVar("_Coded", Allocation, Ladder)


def _most_specific(items: tuple[_Coded, ...], code: str) -> _Coded | None:
    """The item whose ``pag`` is the longest prefix of ``code`` (first listed on a tie).

    >>> _most_specific((Allocation(pag="1", holder="commissioner"), Allocation(pag="1.2", holder="joint", forum="F")), "1.2.3").pag
    '1.2'
    """
    best: _Coded | None = None
    for item in items:
        if code == item.pag or code.startswith(item.pag + "."):
            if best is None or item.pag.count(".") > best.pag.count("."):
                best = item
    return best


class Boundary(_Frozen):
    """One force area's scheme: who holds each function, delegations, ladders, officers and decisions.

    >>> b = Boundary(area="x", name="X", jurisdiction="england",
    ...              allocations=(Allocation(pag="1", holder="commissioner"),))
    >>> b.holder_of("1.2.3")
    'commissioner'
    >>> b.holder_of("2") is None
    True
    """

    format: int = 1
    """The version of the file format; files without it are version 1 (``opcc migrate`` updates them)."""
    area: Slug
    """The area's id."""
    name: str
    """The area's name (say "illustrative" for an example)."""
    jurisdiction: Jurisdiction
    """``england`` or ``wales``."""
    status: Literal["illustrative", "published"] | None = None
    """``illustrative`` for an example scheme, ``published`` for one encoded from a real published scheme."""
    body: Body = "pcc"
    """The kind of local policing body, which decides the statutory delegation limits that apply."""
    deputy: Slug | None = None
    """The role that is the deputy (deputy PCC, deputy mayor for policing and crime), if any."""
    collective: CollectiveAccountability | None = None
    """For a collective body (``body: board`` or ``leaders``): who signs its decisions and who answers to the Panel."""
    default: DefaultRule | None = None
    """The scheme's default rule for a function it does not mention."""
    officers: tuple[Officer, ...] = ()
    """Named officers of this area (beyond the shared roles)."""
    codes: tuple[LocalCode, ...] = ()
    """Local codes of this area, each under an existing parent."""
    allocations: tuple[Allocation, ...] = ()
    """Who holds each glossary code; the most specific matching prefix wins."""
    delegations: tuple[Delegation, ...] = ()
    """Arrangements for another person to exercise a function (PRSR 2011 s.18/s.19)."""
    ladders: tuple[Ladder, ...] = ()
    """Threshold ladders: who decides at which amount."""
    decisions: tuple[Decision, ...] = ()
    """The decision register as published, checked against the scheme in force on each date."""
    waivers: tuple[Waiver, ...] = ()
    """Findings the area has accepted, with reasons."""

    @model_validator(mode="after")
    def _known_format(self) -> Boundary:
        if self.format > FORMAT or self.format < 1:
            raise ValueError(f"expected format 1 to {FORMAT}, found format {self.format} (a newer opcc-model wrote it?)")
        if self.jurisdiction == "wales" and self.body in ("mayor", "mopac"):
            raise ValueError(
                f"body: a Welsh area has no mayoral route (no mayors in Wales; functions go to local government "
                f"leaders, LAW.md section 11), found body {self.body!r}"
            )
        return self

    def allocation_for(self, code: str) -> Allocation | None:
        """The most specific allocation whose prefix covers ``code`` (first listed on a tie)."""
        return _most_specific(self.allocations, code)

    def holder_of(self, code: str) -> Holder | None:
        """Who holds ``code`` in this area: its allocation's holder, else the default rule's, else ``None``.

        >>> Boundary(area="x", name="X", jurisdiction="england", default=DefaultRule()).holder_of("9")
        'commissioner'
        """
        allocation = self.allocation_for(code)
        if allocation is not None:
            return allocation.holder
        return self.default.holder if self.default else None

    def ladder_for(self, code: str, on: _dt.date | None = None) -> Ladder | None:
        """The ladder on the most specific prefix of ``code`` (first listed on a tie), in force on ``on`` if given."""
        ladders = self.ladders if on is None else tuple(lad for lad in self.ladders if lad.in_force(on))
        return _most_specific(ladders, code)

    def with_role_renamed(self, old: str, new: str, /) -> Boundary:
        """This boundary with every mention of the role ``old`` (delegations, ladders, decisions, deputy, consents) as ``new``.

        >>> from opcc_model.scheme import Delegation
        >>> b = Boundary(area="a", name="A", jurisdiction="england", deputy="dpcc",
        ...              delegations=(Delegation(pag="1", by="pcc", to="dpcc"),))
        >>> r = b.with_role_renamed("pcc", "mayor")
        >>> r.delegations[0].by, r.deputy
        ('mayor', 'dpcc')
        """
        data = self.model_dump(mode="json", by_alias=True, exclude_unset=True)
        return Boundary.model_validate(_renamed(data, old, new))

    @property
    def uses_deprecated_keys(self) -> bool:
        """Whether a line still uses a key of format 1 (``delegated_by``)."""
        return any(a.delegated_by is not None for a in self.allocations)


ROLE_KEYS = frozenset(
    {
        "by", "to", "decides", "consulted", "agree", "told", "report_to", "decided_by", "agreed_by", "deputy",
        "consent_by", "reports_to", "signs", "answers_to_panel",
    }
)
"""The keys of a boundary file whose values are role (or officer) ids."""


def _renamed(data: object, old: str, new: str) -> object:
    """``data`` (a boundary's JSON) with the role id ``old`` replaced by ``new`` under :data:`ROLE_KEYS`."""
    if isinstance(data, list):
        return [_renamed(item, old, new) for item in data]
    if not isinstance(data, dict):
        return data
    out: dict[str, object] = {}
    for key, value in data.items():
        if key in ROLE_KEYS and value == old:
            out[key] = new
        elif key in ROLE_KEYS and isinstance(value, list):
            out[key] = [new if v == old else v for v in value]
        else:
            out[key] = _renamed(value, old, new)
    return out
