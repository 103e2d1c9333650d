"""What each office holds in an area, and how areas' schemes compare: tables built on the shared result protocol.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.reference_root())
>>> table = holdings(model, area="example-england", role="opcc-chief-executive")
>>> sorted({row[5] for row in table})
['delegated']
>>> compare(model).columns[:4]
('code', 'name', 'example-england', 'example-wales')
"""

from __future__ import annotations

from opcc_model.model import Model
from opcc_model.queries.index import names
from opcc_model.queries.schemeindex import area_names, area_sides, consenter, principal_id
from opcc_model.queries.table import Cell, QueryResult
from opcc_model.scheme import Ladder, Tier

__all__ = ["HOLDINGS_COLUMNS", "holdings", "compare", "tier_range"]

HOLDINGS_COLUMNS = ("role", "name", "side", "code", "function", "relation", "how", "condition", "instrument")
"""The columns of :func:`holdings`."""


def tier_range(ladder: Ladder, tier: Tier) -> str:
    """A tier's bounds in words: ``"over GBP 50000 up to GBP 250000"``.

    >>> from opcc_model.scheme import Ladder, Tier
    >>> lad = Ladder(pag="1", currency="GBP", tiers=(Tier(up_to=5, decides="a"), Tier(over=5, decides="b")))
    >>> tier_range(lad, lad.tiers[0]), tier_range(lad, lad.tiers[1])
    ('up to GBP 5', 'over GBP 5')
    """
    unit = f"{ladder.currency} " if ladder.measure == "money" else ""
    parts = []
    for word, bound in (("over", tier.over), ("from", tier.from_), ("up to", tier.up_to), ("below", tier.below)):
        if bound is not None:
            parts.append(f"{word} {unit}{bound}")
    return " ".join(parts) or "any amount"


def holdings(model: Model, /, *, area: str, role: str | None = None) -> QueryResult:
    """For each role (or only ``role``) of ``area``: what it holds — reserved, its own, consented, delegated, joint, ladder tiers.

    One row per holding, sorted by role then code. Raises :class:`~opcc_model.errors.NotFound`
    for an unknown area.
    """
    boundary = model.boundary(area)
    sides, people = area_sides(model, area), area_names(model, area)
    functions = {**names(model, "code"), **{c.code: c.name for c in boundary.codes}}
    rows: list[tuple[Cell, ...]] = []

    def add(who: str | None, code: str, relation: str, how: str, condition: str | None, instrument: object) -> None:
        if who is None or (role is not None and who != role):
            return
        rows.append(
            (who, people.get(who, who), sides.get(who, ""), code, functions.get(code, ""), relation, how,
             condition or "", str(instrument or ""))
        )

    for allocation in boundary.allocations:
        if allocation.holder == "joint":
            for side in ("commissioner", "chief-constable"):
                add(principal_id(model, side), allocation.pag, "joint", allocation.forum or allocation.arrangement or "",
                    allocation.condition, allocation.instrument)
            continue
        if allocation.holder == "oversight":
            continue
        relation = allocation.relation or ("reserved" if allocation.holder == "commissioner" else "own")
        add(principal_id(model, allocation.holder), allocation.pag, relation, "holds", allocation.condition, allocation.instrument)
        if relation == "consent":
            add(consenter(model, allocation.consent_by), allocation.pag, "consent", "gives consent", allocation.condition,
                allocation.instrument)
    for delegation in boundary.delegations:
        add(delegation.to, delegation.pag, "delegated", f"delegated by {delegation.by}" + (" (may delegate onward)" if delegation.onward else ""),
            delegation.condition, delegation.instrument)
    for ladder in boundary.ladders:
        for tier in ladder.tiers:
            add(tier.decides, ladder.pag, tier.relation or "", f"decides {tier_range(ladder, tier)}", tier.condition, ladder.instrument)
    rows.sort(key=lambda r: (str(r[0]), tuple(int(p) for p in str(r[3]).split("."))))
    who = f" ({role})" if role else ""
    return QueryResult(title=f"What each office holds in {boundary.name}{who}", columns=HOLDINGS_COLUMNS, rows=tuple(rows))


def _cell(model: Model, area: str, code: str) -> str:
    boundary = model.boundary(area)
    parts = []
    exact = [a for a in boundary.allocations if a.pag == code]
    if exact:
        a = exact[0]
        parts.append(a.holder + (f" ({a.relation})" if a.relation else ""))
    ladders = [lad for lad in boundary.ladders if lad.pag == code]
    if ladders:
        parts.append("; ".join(f"{tier_range(ladders[0], t)}: {t.decides}" for t in ladders[0].tiers))
    delegated = [d for d in boundary.delegations if d.pag == code]
    if delegated:
        parts.append("delegated to " + ", ".join(d.to for d in delegated))
    if not parts:
        held = boundary.holder_of(code)
        parts.append(f"{held} (by a broader line)" if held else "not allocated")
    return " | ".join(parts)


def compare(model: Model, /, *, areas: tuple[str, ...] | None = None) -> QueryResult:
    """Areas × functions: for every code any area's scheme names, each area's holder, relation, tiers and delegations.

    One column per area (sorted); one row per code named by an allocation, a ladder or a
    delegation of any of them, in code order. For a national user comparing schemes.
    """
    chosen = tuple(sorted(areas if areas is not None else (b.area for b in model.boundaries)))
    codes: set[str] = set()
    for area in chosen:
        boundary = model.boundary(area)
        codes.update(a.pag for a in boundary.allocations)
        codes.update(lad.pag for lad in boundary.ladders)
        codes.update(d.pag for d in boundary.delegations)
    functions = names(model, "code")
    ordered = sorted(codes, key=lambda c: tuple(int(p) for p in c.split(".")))
    rows = tuple((code, functions.get(code, ""), *(_cell(model, area, code) for area in chosen)) for code in ordered)
    return QueryResult(title="Schemes compared across areas", columns=("code", "name", *chosen), rows=rows)
