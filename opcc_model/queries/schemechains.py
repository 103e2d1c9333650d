"""Scheme checks of a scheme's own shape: ladder gaps and overlaps, wrong-side deciders, broken chains, lapsed arrangements (OPCC-S103 to S106).

Ladders are checked with one sort and one pass (O(tiers log tiers)); chains with one
depth-first traversal that finds every cycle. The date of :func:`schemeindex.as_of` decides
which temporary arrangements have lapsed.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.reference_root())
>>> list(ladder_gaps(model, "example-england"))
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from opcc_model.findings import Finding
from opcc_model.model import Model
from opcc_model.queries.index import label, where
from opcc_model.queries.rules import check_rule, finding
from opcc_model.queries.schemeindex import area_sides, as_of, covers, principal_id
from opcc_model.queries.schemes import SIDE_NAMES
from opcc_model.boundary import Allocation
from opcc_model.scheme import Delegation, Ladder, Tier

__all__ = [
    "ladder_problems",
    "ladder_gaps",
    "wrong_side_deciders",
    "broken_chains",
    "expired_arrangements",
]

def _edges(ladder: Ladder) -> list[tuple[Decimal | None, bool, Decimal | None, bool, int]]:
    """Each tier as ``(low, low inclusive, high, high inclusive, index)``, sorted by its lower end."""
    rows = []
    for index, tier in enumerate(ladder.tiers):
        low, high = tier.lower, tier.upper
        rows.append(
            (
                ladder.position(low[0]) if low else None,
                low[1] if low else True,
                ladder.position(high[0]) if high else None,
                high[1] if high else True,
                index,
            )
        )
    rows.sort(key=lambda r: (r[0] is not None, r[0] if r[0] is not None else Decimal(0), not r[1]))
    return rows


def _show(ladder: Ladder, tier: Tier, at: Decimal) -> str:
    if ladder.measure == "money":
        return f"{ladder.currency} {at:,}"
    return ladder.scale[int(at)]


def ladder_problems(ladder: Ladder) -> Iterator[tuple[str, int]]:
    """Every gap or overlap of ``ladder`` as ``(what, tier index)``: one sort and one pass, O(t log t).

    >>> from opcc_model.scheme import Tier
    >>> lad = Ladder(pag="1", currency="GBP", tiers=(Tier(up_to=100, decides="a"), Tier(over=200, decides="b")))
    >>> list(ladder_problems(lad))
    [('a gap: nobody decides above GBP 100 and up to GBP 200', 1)]
    """
    rows = _edges(ladder)
    discrete = ladder.measure != "money"
    first = rows[0]
    if first[0] is not None and first[0] > 0:
        yield f"a gap: nobody decides below {_show(ladder, ladder.tiers[first[4]], first[0])}", first[4]
    for before, after in zip(rows, rows[1:]):
        tier = ladder.tiers[after[4]]
        high, high_in, low, low_in = before[2], before[3], after[0], after[1]
        if high is None or low is None:
            yield "an overlap: two tiers both cover the same amounts (one has no bound)", after[4]
            continue
        if low < high or (low == high and high_in and low_in):
            yield f"an overlap: two tiers both decide at {_show(ladder, tier, low)}", after[4]
        elif discrete and low == high + 1 and high_in and low_in:
            continue
        elif low > high or (low == high and not high_in and not low_in):
            shown_high, shown_low = _show(ladder, tier, high), _show(ladder, tier, low)
            span = f"at exactly {shown_low}" if low == high else f"above {shown_high} and {'up to' if not low_in else 'below'} {shown_low}"
            yield f"a gap: nobody decides {span}", after[4]
    last = rows[-1]
    highest = max(rows, key=lambda r: (r[2] is None, r[2] or Decimal(0)))
    if highest[2] is not None:
        yield f"a gap: nobody decides above {_show(ladder, ladder.tiers[highest[4]], highest[2])}", last[4]


@check_rule("OPCC-S103", "error", "a threshold ladder has a gap or an overlap", scope="area")
def ladder_gaps(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for an amount at which nobody, or two tiers, decide on a ladder.

    Tiers are sorted by their lower bound and each compared with the next: ``up_to: X``
    (≤) meets ``over: X`` (>) and ``below: X`` (<) meets ``from: X`` (≥); anything else at
    the same amount is an overlap or a gap. The last tier must be unbounded above. On a scale
    (such as ranks) ``up_to`` one step meets ``from`` the next. Why it matters: a real scheme
    with a gap leaves decisions nobody may take; an overlap leaves two deciders. Legal basis:
    the scheme of consent (FMCP 2018 s.5) must say who decides. One sort and one pass per
    ladder: O(tiers log tiers).

    Fix: make each tier start where the one below ends.

    Example: tiers ``{up_to: 50000}`` and ``{over: 60000}`` give "In Example Force Area, the
    ladder on 'Award contracts' (1.3.8.2) has a gap: nobody decides above GBP 50,000 and up to
    GBP 60,000."
    """
    boundary = model.boundary(area)
    for index, ladder in enumerate(boundary.ladders):
        for what, tier in ladder_problems(ladder):
            yield finding(
                "OPCC-S103",
                [ladder.pag, str(tier)],
                f"In {boundary.name}, the ladder on {label(model, 'code', ladder.pag)} has {what}.",
                where(model, "ladder", f"{area}/{index}"),
                area,
            )


_RELATION_SIDE = {"reserved": "commissioner", "delegated": "commissioner", "consent": "chief-constable", "own": "chief-constable"}


@check_rule("OPCC-S104", "warning", "a ladder tier's decider sits on the wrong side for the tier's relation", scope="area")
def wrong_side_deciders(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for a tier whose ``relation`` says one side and whose ``decides`` sits on the other.

    ``reserved`` and ``delegated`` tiers are decided on the commissioner's side (the body or
    its delegates, PRSR 2011 s.18); ``consent`` and ``own`` tiers by the Chief Constable's side
    (PRSR 2011 Sch 2). Why it matters: a consent decided by an OPCC officer, or a delegation
    decided by a force officer, is not what the scheme's words say. Fix: correct the relation
    or the decider.

    Example: ``{over: 50000, decides: cc, relation: delegated}`` gives "In Example Force Area,
    a tier of the ladder on 'Award contracts' (1.3.8.2) is 'delegated' but cc, who decides it,
    is on the chief constable's side."
    """
    boundary = model.boundary(area)
    sides = area_sides(model, area)
    for index, ladder in enumerate(boundary.ladders):
        for tier in ladder.tiers:
            side = sides.get(tier.decides)
            if tier.relation is None or side is None or side == _RELATION_SIDE[tier.relation]:
                continue
            yield finding(
                "OPCC-S104",
                [ladder.pag, tier.decides],
                f"In {boundary.name}, a tier of the ladder on {label(model, 'code', ladder.pag)} is "
                f"'{tier.relation}' but {tier.decides}, who decides it, is on {SIDE_NAMES.get(side, side)}'s side.",
                where(model, "ladder", f"{area}/{index}"),
                area,
            )


@check_rule("OPCC-S105", "error", "a delegation chain is broken: onward delegation not allowed, nothing to delegate, or a cycle", scope="area")
def broken_chains(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for a delegation its delegator may not make, and for a cycle of delegations.

    A delegation by a principal (the commissioner or the Chief Constable) needs nothing more.
    A delegation by anyone else needs a delegation to them covering the code with ``onward:
    true`` (PRSR 2011 s.19(4)-(5) lets London's deputy delegate onward; published schemes say
    whether a delegate may sub-delegate). A chain that comes back to a role already in it is a
    cycle. One traversal of each area's delegations with three colours finds every cycle.

    Why it matters: a sub-delegation nobody authorised is no authority at all. Fix: allow
    onward delegation on the delegation above (``onward: true``), or delegate from the principal.

    Example: ``{by: pcc, to: opcc-chief-executive, pag: "1.5.7"}`` then ``{by:
    opcc-chief-executive, to: head-of-governance, pag: "1.5.7"}`` gives "In Example Force Area,
    opcc-chief-executive delegates 'Complaints ...' (1.5.7) onward to head-of-governance, but the
    delegation to opcc-chief-executive does not allow onward delegation."
    """
    boundary = model.boundary(area)
    principals = {principal_id(model, "commissioner"), principal_id(model, "chief-constable")}
    incoming: dict[str, list[int]] = {}
    for index, delegation in enumerate(boundary.delegations):
        incoming.setdefault(delegation.to, []).append(index)
    for index, delegation in enumerate(boundary.delegations):
        if delegation.by in principals:
            continue
        above = [boundary.delegations[i] for i in incoming.get(delegation.by, ()) if covers(boundary.delegations[i].pag, delegation.pag)]
        if any(d.onward for d in above):
            continue
        reason = (
            f"the delegation to {delegation.by} does not allow onward delegation"
            if above
            else f"nothing of it was delegated to {delegation.by}"
        )
        yield finding(
            "OPCC-S105",
            [delegation.pag, delegation.by],
            f"In {boundary.name}, {delegation.by} delegates {label(model, 'code', delegation.pag)} onward to "
            f"{delegation.to}, but {reason}.",
            where(model, "delegation", f"{area}/{index}"),
            area,
        )
    # one depth-first traversal over the delegation graph (by -> to), three colours
    edges: dict[str, list[tuple[str, int]]] = {}
    for index, delegation in enumerate(boundary.delegations):
        edges.setdefault(delegation.by, []).append((delegation.to, index))
    colour: dict[str, int] = {}
    for start in sorted(edges):
        if colour.get(start):
            continue
        stack: list[tuple[str, Iterator[tuple[str, int]]]] = [(start, iter(edges.get(start, ())))]
        path = [start]
        colour[start] = 1
        while stack:
            node, children = stack[-1]
            step = next(children, None)
            if step is None:
                colour[node] = 2
                stack.pop()
                path.pop()
                continue
            target, index = step
            if colour.get(target) == 1:
                loop = path[path.index(target):] + [target]
                yield finding(
                    "OPCC-S105",
                    [boundary.delegations[index].pag, target],
                    f"In {boundary.name}, delegations go round in a cycle: {' -> '.join(loop)}.",
                    where(model, "delegation", f"{area}/{index}"),
                    area,
                )
            elif not colour.get(target):
                colour[target] = 1
                path.append(target)
                stack.append((target, iter(edges.get(target, ()))))


@check_rule("OPCC-S106", "warning", "a temporary arrangement is past its `until` date", scope="area")
def expired_arrangements(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for an allocation, delegation or ladder whose ``until`` is before the check date.

    The check date is ``opcc check --date`` (default today, printed with the findings;
    :func:`opcc_model.queries.check` takes ``on=``). Why it matters: an interim arrangement
    (an interim chief executive, a temporary Chief Constable, a time-limited consent) that has
    lapsed leaves the function with the default holder, whatever the scheme still says. Legal
    basis: the instrument that made it (a decision record) sets its term. Fix: renew it with a
    new ``until`` and instrument, or remove it.

    Example: ``{pag: "1.5.7", by: pcc, to: interim-ceo, until: 2025-03-31}`` checked on
    2026-01-31 gives "In Example Force Area, the delegation of 'Complaints ...' (1.5.7) to
    interim-ceo ended on 2025-03-31 (checked on 2026-01-31)."
    """
    boundary = model.boundary(area)
    on = as_of()
    dated: list[tuple[str, str, str, Allocation | Delegation | Ladder]] = [
        ("allocation", f"{area}/{a.pag}", f"the allocation of {label(model, 'code', a.pag)}", a) for a in boundary.allocations
    ]
    dated += [
        ("delegation", f"{area}/{i}", f"the delegation of {label(model, 'code', d.pag)} to {d.to}", d)
        for i, d in enumerate(boundary.delegations)
    ]
    dated += [
        ("ladder", f"{area}/{i}", f"the ladder on {label(model, 'code', lad.pag)}", lad) for i, lad in enumerate(boundary.ladders)
    ]
    for kind, key, what, item in dated:
        if item.until is not None and item.until < on:
            yield finding(
                "OPCC-S106",
                [item.pag, str(item.until)],
                f"In {boundary.name}, {what} ended on {item.until} (checked on {on}).",
                where(model, kind, key),
                area,
            )
