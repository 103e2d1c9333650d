"""Schemes of consent as data: instruments, delegations, threshold ladders and their tiers.

A boundary file (:class:`opcc_model.boundary.Boundary`) says who holds each function; these
types say how a real scheme of delegation and consent splits it further: who the local
policing body has arranged to exercise a function (a *delegation*, PRSR 2011 s.18/s.19),
and who decides at which amount (a *threshold ladder*).

>>> ladder = Ladder(pag="1.3.8.2", measure="money", currency="GBP", tiers=(
...     Tier(up_to=50000, decides="force-cfo"),
...     Tier(over=50000, decides="pcc"),
... ))
>>> ladder.tier_for(50000).decides, ladder.tier_for("50000.01").decides
('force-cfo', 'pcc')
"""

from __future__ import annotations

import re
import datetime as _dt
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, StringConstraints, model_validator

from opcc_model.vocabulary import Frozen as _Frozen
from opcc_model.vocabulary import PagCodeStr, Slug, Url

__all__ = [
    "FORMAT",
    "Relation",
    "Bound",
    "exact_bound",
    "SchemeInstrument",
    "as_instrument",
    "InstrumentField",
    "Delegation",
    "Tier",
    "Ladder",
    "Decision",
    "DefaultRule",
]

FORMAT = 2
"""The current version of the boundary file format (files without ``format:`` are version 1)."""

Relation = Literal["reserved", "own", "delegated", "consent"]
"""How a function is held: *reserved* (the local policing body keeps it, by statute or by
choice), *own* (the Chief Constable's own function), *delegated* (exercised for the body by
another person under PRSR 2011 s.18/s.19) or *consent* (the Chief Constable's own function,
exercised with the body's consent: PRSR 2011 Sch 2)."""

_DECIMAL = re.compile(r"^[0-9]+(\.[0-9]+)?$")


def exact_bound(value: Any) -> Any:
    """An exact amount (integer or quoted decimal string) as a :class:`~decimal.Decimal`; other strings are scale steps.

    >>> exact_bound(15000), exact_bound("1713091.17"), exact_bound("chief-superintendent")
    (Decimal('15000'), Decimal('1713091.17'), 'chief-superintendent')
    >>> exact_bound(15000.0)
    Traceback (most recent call last):
    ...
    ValueError: expected an exact amount: an integer such as 15000 or a quoted decimal string such as "15000.50", found the float 15000.0 (YAML floats are not exact)
    >>> exact_bound(-5)
    Traceback (most recent call last):
    ...
    ValueError: expected an amount of 0 or more, found -5
    """
    if isinstance(value, bool):
        raise ValueError(f"expected an amount or a step of the ladder's scale, found {value!r}")
    if isinstance(value, float):
        raise ValueError(
            "expected an exact amount: an integer such as 15000 or a quoted decimal string such as "
            f'"15000.50", found the float {value!r} (YAML floats are not exact)'
        )
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"expected an amount of 0 or more, found {value}")
        return Decimal(value)
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("-") and _DECIMAL.match(text[1:]):
            raise ValueError(f"expected an amount of 0 or more, found {value!r}")
        return Decimal(text) if _DECIMAL.match(text) else value
    return value


Bound = Annotated[Decimal | str, BeforeValidator(exact_bound)]
"""A tier boundary: an exact amount (integer, or quoted decimal string) or a step of the ladder's scale."""


class SchemeInstrument(_Frozen):
    """The document that makes an arrangement: a scheme, its clause, a decision record, a link.

    Written as a mapping, or as a plain string (the document's title).

    >>> str(SchemeInstrument(document="Scheme of Consent 2021", clause="4.2", decision="OPCC.D.028.21"))
    'Scheme of Consent 2021, 4.2, decision OPCC.D.028.21'
    """

    document: str
    """The title of the document: a scheme of consent, a governance framework, a decision record."""
    clause: str | None = None
    """The clause, paragraph or section of the document."""
    decision: str | None = None
    """The number of the decision record that made or changed the arrangement."""
    url: Url | None = None
    """Where the document is published."""
    date: _dt.date | None = None
    """The date of the document or decision."""

    def __str__(self) -> str:
        parts = [self.document]
        if self.clause:
            parts.append(self.clause)
        if self.decision:
            parts.append(f"decision {self.decision}")
        return ", ".join(parts)


def as_instrument(value: Any) -> Any:
    """A plain string names the document: ``"Scheme of Consent 4.2"`` → ``{document: ...}``.

    >>> as_instrument("Scheme of Consent 4.2")
    {'document': 'Scheme of Consent 4.2'}
    """
    return {"document": value} if isinstance(value, str) else value


InstrumentField = Annotated[
    SchemeInstrument | None, BeforeValidator(as_instrument, json_schema_input_type=SchemeInstrument | str | None)
]


class _Dated(_Frozen):
    """What every arrangement of a scheme may carry: conditions, dates, the instrument and its source."""

    condition: str | None = None
    """A condition in words, including an end with no date ("until a substantive appointment")."""
    from_date: _dt.date | None = Field(default=None, alias="from")
    """The first day the arrangement applies (written ``from:``)."""
    until: _dt.date | None = None
    """The last day the arrangement applies (a temporary arrangement)."""
    instrument: InstrumentField = None
    """The document that makes the arrangement (a string, or document/clause/decision/url/date)."""
    source: str | None = None
    """Where this row was read: an evidence row, a page of the published scheme."""

    model_config = _Frozen.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _until_after_from(self) -> Any:
        if self.from_date and self.until and self.until < self.from_date:
            raise ValueError(f"expected 'until' ({self.until}) on or after 'from' ({self.from_date}), found it before")
        return self

    def in_force(self, on: _dt.date, /) -> bool:
        """Whether the arrangement applies on the day ``on``.

        >>> Delegation(pag="1", by="pcc", to="ceo", until=_dt.date(2025, 3, 31)).in_force(_dt.date(2025, 4, 1))
        False
        """
        return (self.from_date is None or self.from_date <= on) and (self.until is None or on <= self.until)


class Delegation(_Dated):
    """An arrangement for another person to exercise a function (PRSR 2011 s.18; s.19 in London).

    >>> Delegation(pag="1.5.7", by="pcc", to="opcc-chief-executive").onward
    False
    >>> from pydantic import ValidationError
    >>> try:
    ...     Delegation(pag="1", by="pcc", to="pcc")
    ... except ValidationError as exc:
    ...     print(exc.errors()[0]["msg"])
    Value error, expected a delegation to someone else, found 'pcc' delegating to itself
    """

    pag: PagCodeStr
    """The function delegated: a glossary code (and everything under it)."""
    by: Slug
    """The role that delegates: the local policing body, or a delegate allowed to delegate onward."""
    to: Slug
    """The role that exercises the function: a deputy, the chief executive, the CFO, a named officer."""
    onward: bool = False
    """Whether ``to`` may delegate the function onward (sub-delegation)."""

    @model_validator(mode="after")
    def _not_to_oneself(self) -> Delegation:
        if self.by == self.to:
            raise ValueError(f"expected a delegation to someone else, found {self.by!r} delegating to itself")
        return self


class Tier(_Frozen):
    """One tier of a threshold ladder: its bounds and who decides, consults, agrees, is told.

    A lower bound is ``over`` (>) or ``from`` (≥), an upper bound ``up_to`` (≤) or ``below``
    (<); the first tier may have no lower bound and the last no upper bound.

    >>> Tier(over=50000, up_to=250000, decides="cc", agree=("opcc-cfo",)).agree
    ('opcc-cfo',)
    """

    over: Bound | None = None
    """Lower bound, exclusive: the tier applies to amounts above it."""
    from_: Bound | None = Field(default=None, alias="from")
    """Lower bound, inclusive (written ``from:``): the tier applies from this amount."""
    up_to: Bound | None = None
    """Upper bound, inclusive: the tier applies up to and including it."""
    below: Bound | None = None
    """Upper bound, exclusive: the tier applies below it."""
    decides: Slug
    """The role that decides in this tier."""
    relation: Relation | None = None
    """How the decider holds the function here (default: from the decider's side and the code's holder)."""
    consulted: tuple[Slug, ...] = ()
    """Roles that must be consulted before the decision."""
    agree: tuple[Slug, ...] = ()
    """Roles that must agree to the decision."""
    told: tuple[Slug, ...] = ()
    """Roles that must be told of the decision."""
    report_to: tuple[Slug, ...] = ()
    """Roles that must receive a report after the decision (such as the Panel)."""
    condition: str | None = None
    """A condition in words."""
    source: str | None = None
    """Where this tier was read."""

    model_config = _Frozen.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _each_bound_once(self) -> Tier:
        if self.over is not None and self.from_ is not None:
            raise ValueError("a tier's lower bound is written twice: give either 'over' (>) or 'from' (>=), not both")
        if self.up_to is not None and self.below is not None:
            raise ValueError("a tier's upper bound is written twice: give either 'up_to' (<=) or 'below' (<), not both")
        return self

    @property
    def lower(self) -> tuple[Bound, bool] | None:
        """``(bound, inclusive)`` of the lower end, or ``None`` (no lower bound)."""
        if self.over is not None:
            return self.over, False
        return (self.from_, True) if self.from_ is not None else None

    @property
    def upper(self) -> tuple[Bound, bool] | None:
        """``(bound, inclusive)`` of the upper end, or ``None`` (no upper bound)."""
        if self.up_to is not None:
            return self.up_to, True
        return (self.below, False) if self.below is not None else None


class Ladder(_Dated):
    """Ordered tiers on one function: who decides at which amount (or rank, or another measure).

    >>> from pydantic import ValidationError
    >>> try:
    ...     Ladder(pag="1", measure="money", tiers=(Tier(up_to=5, decides="a"),))
    ... except ValidationError as exc:
    ...     print(exc.errors()[0]["msg"])
    Value error, a money ladder needs its 'currency' (such as GBP), stated once on the ladder
    """

    pag: PagCodeStr
    """The function the ladder splits: a glossary code."""
    measure: Slug = "money"
    """What the tiers measure: ``money``, or another measure named here (such as ``rank``) with its ``scale``."""
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")] | None = None
    """For money: the currency of every amount, stated once (ISO code, such as GBP)."""
    unit: Literal["pounds", "pence"] = "pounds"
    """For money: whether integers are pounds (the default) or pence."""
    scale: tuple[Slug, ...] = ()
    """For another measure: its steps in order, lowest first (such as ranks)."""
    tiers: Annotated[tuple[Tier, ...], Field(min_length=1)]
    """The tiers, lowest first."""

    @model_validator(mode="after")
    def _one_measure(self) -> Ladder:
        bounds = [b for t in self.tiers for b in (t.over, t.from_, t.up_to, t.below) if b is not None]
        if self.measure == "money":
            if self.currency is None:
                raise ValueError("a money ladder needs its 'currency' (such as GBP), stated once on the ladder")
            steps = [b for b in bounds if not isinstance(b, Decimal)]
            if steps:
                raise ValueError(f"expected amounts on a money ladder, found the step {steps[0]!r} (mixed measures)")
        else:
            if self.currency is not None:
                raise ValueError(f"a {self.measure} ladder has no currency, found {self.currency!r} (mixed measures)")
            if not self.scale:
                raise ValueError(f"a {self.measure} ladder needs its 'scale': its steps in order, lowest first")
            unknown = [b for b in bounds if not isinstance(b, str) or b not in self.scale]
            if unknown:
                raise ValueError(
                    f"expected steps of the {self.measure} scale ({', '.join(self.scale)}), found {unknown[0]!r} (mixed measures)"
                )
        return self

    def position(self, value: Bound | int | str) -> Decimal:
        """Where ``value`` sits on the measure: pounds for money, the step's index otherwise.

        >>> Ladder(pag="1", currency="GBP", unit="pence", tiers=(Tier(decides="a"),)).position(150)
        Decimal('1.5')
        """
        if self.measure == "money":
            amount = exact_bound(value)
            if not isinstance(amount, Decimal):
                raise ValueError(f"expected an exact amount (an integer or a decimal such as 20000.50), found {value!r}")
            return amount / 100 if self.unit == "pence" else amount
        if str(value) not in self.scale:
            raise ValueError(f"expected a step of the {self.measure} scale ({', '.join(self.scale)}), found {value!r}")
        return Decimal(self.scale.index(str(value)))

    def tier_for(self, value: Bound | int | str, /) -> Tier | None:
        """The first tier whose bounds hold ``value`` (``None`` when no tier does)."""
        at = self.position(value)
        for tier in self.tiers:
            low, high = tier.lower, tier.upper
            if low is not None and (at < self.position(low[0]) or (at == self.position(low[0]) and not low[1])):
                continue
            if high is not None and (at > self.position(high[0]) or (at == self.position(high[0]) and not high[1])):
                continue
            return tier
        return None


class Decision(_Frozen):
    """One published decision: what was decided, when, for how much, by whom, under what reference.

    >>> Decision(date=_dt.date(2024, 5, 1), title="Award contract", pag="1.3.8.2", amount=323501, decided_by="pcc").amount
    Decimal('323501')
    """

    date: _dt.date
    """The day the decision was taken."""
    title: str
    """The decision's title as published."""
    pag: PagCodeStr
    """The function decided: a glossary code."""
    amount: Bound | None = None
    """The amount decided, exact (integer or quoted decimal string), in the ladder's currency."""
    decided_by: Slug
    """The role that took the decision."""
    consulted: tuple[Slug, ...] = ()
    """Roles recorded as consulted."""
    agreed_by: tuple[Slug, ...] = ()
    """Roles recorded as agreeing."""
    reference: str | None = None
    """The decision record's number."""
    url: Url | None = None
    """Where the decision record is published."""
    source: str | None = None
    """Where this row was read."""


class DefaultRule(_Frozen):
    """What happens to a function the scheme does not mention: "whatever is not delegated stays with the PCC".

    >>> DefaultRule(holder="commissioner").holder
    'commissioner'
    """

    holder: Literal["commissioner", "chief-constable"] = "commissioner"
    """Who holds every code no allocation covers."""
    text: str | None = None
    """The rule in the scheme's words."""
    instrument: InstrumentField = None
    """Where the rule is written."""
