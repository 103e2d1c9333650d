"""The law as data: the instruments a model cites (with their dates) and the statutory duties it must deliver.

``law/instruments.yaml`` lists every Act, order, regulation and guidance document the
``basis:`` lists cite, with the prefixes they are cited by and when they were made, came
into force and were revoked. ``law/duties.yaml`` lists the statutory duties an operating
model must deliver, each with the provision that imposes it. Both are optional.

>>> ppo = Instrument(id="ppo-2011", title="Policing Protocol Order 2011", cited_as=("Policing Protocol Order 2011",),
...                  kind="order", made="2011-11-22", revoked="2023-07-03", evidence="V", source="LAW.md §9")
>>> ppo.cites("Policing Protocol Order 2011 para 24"), ppo.cites("Policing Protocol Order 20111")
(True, False)
>>> ppo.revoked_on(datetime.date(2024, 1, 1))
True
"""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field, model_validator

from opcc_model.timing import IsoDate, Span, iso_date, parse_span
from opcc_model.vocabulary import Frozen, Jurisdiction, Slug, Url

__all__ = [
    "Evidence",
    "Instrument",
    "Duty",
    "cites",
    "TransitionEvent",
    "TransitionSubject",
    "TransitionEffect",
    "PlanBucket",
    "TransferRoute",
    "TransitionRule",
]

Evidence = Literal["V", "S"]
"""How a fact was established: ``V`` read in the primary source, ``S`` from a secondary source."""


def cites(basis: str, prefix: str, /) -> bool:
    """Whether the citation ``basis`` names ``prefix`` (whole words: ``s.5`` does not cite ``s.55``).

    >>> cites("PRSR 2011 s.5(1)", "PRSR 2011 s.5"), cites("PRSR 2011 s.55", "PRSR 2011 s.5")
    (True, False)
    """
    if not basis.startswith(prefix):
        return False
    rest = basis[len(prefix):]
    return rest == "" or rest[0] in " ,;(" or not (prefix[-1].isalnum() and rest[0].isalnum())


class Instrument(Frozen):
    """An Act, statutory instrument, order or guidance document, with its dates."""

    id: Slug = Field(description="The instrument's id.")
    title: str = Field(description="Its title, such as 'Policing Protocol Order 2023'.")
    cited_as: tuple[str, ...] = Field(description="The prefixes a basis cites it by, such as 'PRSR 2011' or 'Policing Protocol Order 2023'.")
    kind: Literal["act", "regulations", "order", "code", "guidance"] = Field(
        description="Act, regulations, order, code (a statutory code of practice: regard must be had to it), or guidance (not law)."
    )
    citation: str | None = Field(default=None, description="The official citation, such as 'SI 2023/649'.")
    made: IsoDate | None = Field(default=None, description="When it was made or passed (YYYY-MM-DD).")
    in_force: IsoDate | None = Field(default=None, description="When it came into force (YYYY-MM-DD), where one date is known.")
    revoked: IsoDate | None = Field(default=None, description="When it was revoked or repealed (YYYY-MM-DD).")
    revoked_by: Slug | None = Field(default=None, description="The instrument that revoked it.")
    jurisdictions: tuple[Jurisdiction, ...] = Field(default=("england", "wales"), description="Where it runs.")
    url: Url | None = Field(default=None, description="Where to read it.")
    evidence: Evidence = Field(description="V: read in the primary source; S: from a secondary source.")
    source: str = Field(description="Where the dates and extent come from (LAW.md section and source key).")

    @model_validator(mode="after")
    def _dates_in_order(self) -> Instrument:
        start = self.made or self.in_force
        if self.revoked is not None and start is not None and iso_date(self.revoked) < iso_date(start):
            raise ValueError(f"revoked: expected a date on or after {'made' if self.made else 'in_force'} ({start}), found {self.revoked}")
        if self.made and self.in_force and iso_date(self.in_force) < iso_date(self.made):
            raise ValueError(f"in_force: expected a date on or after made ({self.made}), found {self.in_force}")
        return self

    def cites(self, basis: str, /) -> bool:
        """Whether ``basis`` cites this instrument (by one of its ``cited_as`` prefixes)."""
        return any(cites(basis, prefix) for prefix in self.cited_as)

    def revoked_on(self, day: datetime.date, /) -> bool:
        """Whether the instrument has been revoked by ``day``."""
        return self.revoked is not None and iso_date(self.revoked) <= day


class Duty(Frozen):
    """A statutory duty the operating model must deliver: some activity marked ``obligation: duty`` cites it.

    >>> Duty(id="issue-plan", name="Issue a police and crime plan", basis="PRSR 2011 s.5", evidence="V", source="LAW.md §4").holder
    'pcc'
    """

    id: Slug = Field(description="The duty's id.")
    name: str = Field(description="What must be done, in plain words.")
    basis: str = Field(description="The provision that imposes it, as activities cite it (such as 'PRSR 2011 s.5').")
    holder: Slug = Field(default="pcc", description="The role the duty falls on.")
    jurisdictions: tuple[Jurisdiction, ...] = Field(default=("england", "wales"), description="Where the duty runs.")
    responds_to: tuple[Slug, ...] = Field(
        default=(), description="Artifacts the duty answers (a Panel report the PCC must respond to): the delivering activity must consume one."
    )
    evidence: Evidence = Field(description="V: read in the primary source; S: from a secondary source.")
    source: str = Field(description="Where the duty is established (LAW.md section and source key).")


TransitionEvent = Literal["election", "transfer-2028"]
"""What changes the office holder: an ordinary ``election`` (the corporation sole continues) or
the announced ``transfer-2028`` of the functions to a mayor, a board or local government leaders."""

TransitionSubject = Literal["office", "deputy", "scheme", "agreements", "decisions", "officers", "obligation"]
"""What a transition rule applies to in an area: the office itself, the deputy (and what is delegated
to or by the deputy), the scheme (delegations, consents, ladders), the agreements (joint arrangements
and the artifacts named), the decision register, the roles named (statutory officers), or a dated
obligation of the new holder."""

TransitionEffect = Literal["continues", "lapses", "re-make", "transfer", "due"]
"""What happens to it: it ``continues`` (stands), ``lapses``, must be re-affirmed or re-made
(``re-make``), needs a transfer provision (``transfer``), or falls ``due``."""

PlanBucket = Literal["day-1", "week-1", "month-1", "first-100-days"]
"""The buckets of the first 100 days: the day of the change, its first 7 days, 30 days, 100 days."""

TransferRoute = Literal["mayor", "board", "leaders"]
"""Where the 2028 functions go: a mayor, a police and crime board, or (Wales) local government leaders."""


class TransitionRule(Frozen):
    """What lapses, continues or must be re-made when the office holder changes (``law/transitions.yaml``).

    A rule of the 2028 transfer is an assumption until the law is made (LAW.md section 11).

    >>> r = TransitionRule(id="deputy-term-ends", event="election", applies_to="deputy", effect="lapses",
    ...                    what="The Deputy PCC's term ends", within="6 days", basis="PCA 2017 s.121",
    ...                    evidence="V", source="LAW.md section 1 (C9)")
    >>> r.status, r.span
    ('law', Span(amount=6, unit='days'))
    >>> from pydantic import ValidationError
    >>> try:
    ...     TransitionRule(id="x", event="transfer-2028", applies_to="office", effect="transfer", what="x",
    ...                    basis="announcement", evidence="V", source="LAW.md section 11")
    ... except ValidationError as exc:
    ...     print(exc.errors()[0]["msg"])
    Value error, a rule of the 2028 transfer is an assumption until the law is made: expected status: assumption, found 'law'
    """

    id: Slug = Field(description="The rule's id.")
    event: TransitionEvent = Field(description="election (the holder changes, the corporation sole continues) or transfer-2028.")
    applies_to: TransitionSubject = Field(
        description="What the rule applies to in an area: office, deputy, scheme, agreements, decisions, officers or obligation."
    )
    effect: TransitionEffect = Field(description="continues, lapses, re-make (re-affirm or re-make), transfer (needs a transfer provision) or due.")
    what: str = Field(min_length=1, description="What happens, in plain words.")
    basis: str = Field(min_length=1, description="The provision (or, for an assumption, the announcement) it rests on.")
    evidence: Evidence = Field(description="V: read in the primary source; S: from a secondary source.")
    status: Literal["law", "assumption"] = Field(
        default="law", description="law (made and read), or assumption (announced, no law yet: every 2028 rule)."
    )
    source: str = Field(description="Where it is established (LAW.md section and source key).")
    within: str | None = Field(default=None, description="For a deadline: how long after the change, such as '6 days'.")
    due: Literal["financial-year-end"] | None = Field(
        default=None, description="For an obligation: financial-year-end, the 31 March of the financial year of the change."
    )
    roles: tuple[Slug, ...] = Field(default=(), description="For officers: the roles (statutory officers) it names.")
    artifacts: tuple[Slug, ...] = Field(default=(), description="For agreements: the artifacts (agreements, contracts) it names.")
    activities: tuple[Slug, ...] = Field(
        default=(), description="The activities that carry out what must be done (the plan's steps; their 'who' is their RACI)."
    )
    plan: PlanBucket | None = Field(
        default=None, description="When the first-100-days plan schedules those activities: a planning default, not a deadline."
    )
    routes: tuple[TransferRoute, ...] = Field(default=(), description="For the 2028 transfer: the routes it applies to (default: every one).")

    @model_validator(mode="after")
    def _assumed_until_law(self) -> TransitionRule:
        if self.event == "transfer-2028" and self.status != "assumption":
            raise ValueError(
                f"a rule of the 2028 transfer is an assumption until the law is made: expected status: assumption, found {self.status!r}"
            )
        if self.routes and self.event != "transfer-2028":
            raise ValueError("'routes' are only for event: transfer-2028")
        if self.within is not None:
            parse_span(self.within)
        return self

    @property
    def span(self) -> Span | None:
        """The ``within`` length, read."""
        return parse_span(self.within) if self.within is not None else None
