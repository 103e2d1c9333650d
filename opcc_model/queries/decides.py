"""Who decides: for a function, an amount and an area, the chain of people and the instrument for each step.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.reference_root())
>>> answer = who_decides(model, "1.3.8.2", amount=20000, area="example-england")
>>> answer.decider
'force-director-of-finance'
>>> answer.columns[:3]
('step', 'part', 'role')
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal

from opcc_model.errors import NotFound, OpccError
from opcc_model.model import Model
from opcc_model.queries.index import allocation_of
from opcc_model.queries.schemeindex import area_names, area_sides, consenter, delegations_from, principal_id
from opcc_model.queries.table import Cell, Tabular

__all__ = ["Step", "WhoDecides", "who_decides"]


@dataclass(frozen=True)
class Step:
    """One step of the answer: a role and its part (decides, delegated to, consulted, must agree, told, report to)."""

    part: str
    role: str
    name: str
    side: str
    relation: str
    instrument: str = ""
    condition: str = ""


@dataclass(frozen=True)
class WhoDecides(Tabular):
    """The answer of :func:`who_decides`: the steps in order, the final decider first among equals.

    ``decider`` is the role that takes the decision at the end of any delegation chain.
    """

    area: str
    code: str
    amount: Decimal | None
    decider: str | None
    steps: tuple[Step, ...] = field(default=())
    title: str = ""
    columns: tuple[str, ...] = ("step", "part", "role", "name", "side", "relation", "instrument", "condition")

    def table_rows(self) -> list[tuple[Cell, ...]]:
        """One row per step, numbered from 1."""
        return [
            (i, s.part, s.role, s.name, s.side, s.relation, s.instrument, s.condition)
            for i, s in enumerate(self.steps, start=1)
        ]


def _code_of(model: Model, area: str, code_or_activity: str) -> str:
    codes = {c.code for c in model.codes} | {c.code for c in model.boundary(area).codes}
    if code_or_activity in codes:
        return code_or_activity
    try:
        activity = model.activity(code_or_activity)
    except NotFound:
        raise NotFound(f"{code_or_activity!r} is neither a glossary code nor an activity of the model") from None
    if not activity.pag:
        raise OpccError(f"activity {code_or_activity!r} maps to no glossary code, so no scheme covers it")
    return activity.pag[0]


def who_decides(
    model: Model,
    code_or_activity: str,
    /,
    *,
    area: str,
    amount: int | str | Decimal | None = None,
    on: _dt.date | None = None,
) -> WhoDecides:
    """Who decides ``code_or_activity`` (a glossary code, or an activity: its first code) in ``area`` at ``amount``.

    The holder of the code (or the area's default rule) gives the principal; a threshold
    ladder on the code (or a prefix) gives the tier's decider, with who must be consulted,
    agree, be told and receive a report. Without a ladder, every delegation in force on ``on``
    (default today) from the principal onward is followed to the person who exercises it. Amounts are
    exact: an integer or a decimal string, in the ladder's currency.

    Raises :class:`~opcc_model.errors.NotFound` for an unknown area or code, and
    :class:`~opcc_model.errors.OpccError` for an amount that is not exact (a float) or not on the scale.
    """
    boundary = model.boundary(area)
    code = _code_of(model, area, code_or_activity)
    when = on or _dt.date.today()
    sides, names = area_sides(model, area), area_names(model, area)

    def step(part: str, role: str, relation: str, instrument: object = None, condition: str | None = None) -> Step:
        return Step(part, role, names.get(role, role), sides.get(role, ""), relation, str(instrument or ""), condition or "")

    steps: list[Step] = []
    allocation = allocation_of(model, area, code)
    holder = allocation.holder if allocation else (boundary.default.holder if boundary.default else None)
    relation = (allocation.relation if allocation else None) or ("reserved" if holder == "commissioner" else "own")
    decider: str | None = None
    ladder = boundary.ladder_for(code, when)
    value: Decimal | None = None
    if ladder is not None and ladder.in_force(when) and amount is not None:
        try:
            value = ladder.position(amount)
            tier = ladder.tier_for(amount)
        except ValueError as exc:
            raise OpccError(f"--amount: {exc}") from None
        if tier is not None:
            decider = tier.decides
            tier_relation = tier.relation or ("reserved" if decider == principal_id(model, "commissioner") else
                                              "delegated" if sides.get(decider) == "commissioner" else
                                              "consent" if holder == "commissioner" or relation == "consent" else "own")
            steps.append(step("decides", decider, tier_relation, ladder.instrument, tier.condition))
            steps += [step("consulted", r, "", ladder.instrument) for r in tier.consulted]
            steps += [step("must agree", r, "", ladder.instrument) for r in tier.agree]
            steps += [step("told", r, "", ladder.instrument) for r in tier.told]
            steps += [step("report to", r, "", ladder.instrument) for r in tier.report_to]
    if decider is None and holder in ("commissioner", "chief-constable"):
        decider = principal_id(model, holder)
        if decider is not None:
            steps.append(step("decides", decider, relation, allocation.instrument if allocation else None,
                              allocation.condition if allocation else None))
            if relation == "consent" and allocation is not None:
                giver = consenter(model, allocation.consent_by)
                if giver:
                    steps.append(step("consents", giver, "consent", allocation.instrument, allocation.condition))
    elif decider is None and holder == "joint" and allocation is not None:
        for side in ("commissioner", "chief-constable"):
            role = principal_id(model, side)
            if role:
                steps.append(step("decides jointly", role, "joint", allocation.forum or allocation.arrangement))
    seen = {decider}
    while decider is not None and value is None:  # a ladder's tier names its decider: no chain beyond it
        onward = next(iter(delegations_from(model, area, decider, code, when)), None)
        if onward is None or onward.to in seen:
            break
        steps.append(step("delegated to", onward.to, "delegated", onward.instrument, onward.condition))
        decider = onward.to
        seen.add(decider)
    shown = f" at {ladder.currency + ' ' if ladder and ladder.currency else ''}{amount}" if amount is not None else ""
    return WhoDecides(
        area=area,
        code=code,
        amount=value,
        decider=decider,
        steps=tuple(steps),
        title=f"Who decides {code} in {boundary.name}{shown}",
    )
