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

from opcc_model.timing import IsoDate, iso_date
from opcc_model.vocabulary import Frozen, Jurisdiction, Slug, Url

__all__ = ["Evidence", "Instrument", "Duty", "cites"]

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
