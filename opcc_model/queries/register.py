"""The decision register against the scheme: each published decision checked against the scheme in force on its date (OPCC-S109).

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.reference_root())
>>> [f.subject for f in out_of_scheme_decisions(model, "example-england")]
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from opcc_model.findings import Finding
from opcc_model.model import Model
from opcc_model.queries.index import resolved_allocations, where
from opcc_model.queries.rules import check_rule, finding
from opcc_model.queries.schemeindex import delegations_from, principal_id
from opcc_model.scheme import Decision

__all__ = [
    "out_of_scheme_decisions",
]

@check_rule("OPCC-S109", "error", "a decision in the register was taken outside the scheme in force on its date", scope="area")
def out_of_scheme_decisions(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for a published decision its decider was not empowered to take, or taken without a required agreement or consultation.

    Each decision of the area's ``decisions:`` register is checked against the scheme in force
    on its date: the ladder on its code (a prefix counts) gives the tier for its amount, whose
    ``decides`` must be the decider, whose ``agree`` roles must be in ``agreed_by`` and whose
    ``consulted`` roles in ``consulted`` or ``agreed_by``; without a ladder, the code's holder's
    principal, or anyone a delegation in force on that day reaches from them, may decide.
    Ladders, allocations and delegations outside their ``from``/``until`` do not count. Why it
    matters: a decision outside the scheme of delegation and consent may be unlawful, and the
    Panel and auditors test exactly this. Legal basis: the scheme of consent (FMCP 2018 s.5)
    and PRSR 2011 s.18. Fix: record the missing agreement, correct the register, or amend the
    scheme (and say from when).

    Example: a decision ``{date: 2025-06-01, pag: "1.3.8.2", amount: 60000, decided_by:
    force-director-of-finance}`` under a ladder whose £50,000-£250,000 tier is the Chief
    Constable's gives "In Example Force Area, 'Award the fleet contract' (2025-06-01, GBP 60000)
    was decided by force-director-of-finance, but the scheme in force gives it to cc."
    """
    boundary = model.boundary(area)
    for index, decision in enumerate(boundary.decisions):
        problems = _decision_problems(model, area, decision)
        for problem in problems:
            yield finding(
                "OPCC-S109",
                [decision.reference or f"decision {index + 1}", decision.pag],
                f"In {boundary.name}, '{decision.title}' ({decision.date}"
                + (f", {decision.amount}" if decision.amount is not None else "")
                + f") {problem}.",
                where(model, "decision", f"{area}/{index}"),
                area,
            )


def _decision_problems(model: Model, area: str, decision: Decision) -> list[str]:
    boundary = model.boundary(area)
    on = decision.date
    ladder = boundary.ladder_for(decision.pag, on)
    if ladder is not None and ladder.in_force(on) and decision.amount is not None:
        tier = ladder.tier_for(decision.amount)
        if tier is None:
            return ["falls in no tier of the scheme in force"]
        problems = []
        if decision.decided_by != tier.decides:
            problems.append(f"was decided by {decision.decided_by}, but the scheme in force gives it to {tier.decides}")
        missing = [r for r in tier.agree if r not in decision.agreed_by]
        if missing:
            problems.append(f"records no agreement of {', '.join(missing)}, which the scheme requires")
        unheard = [r for r in tier.consulted if r not in decision.consulted and r not in decision.agreed_by]
        if unheard:
            problems.append(f"records no consultation of {', '.join(unheard)}, which the scheme requires")
        return problems
    allocation = resolved_allocations(model, area).get(decision.pag) or boundary.allocation_for(decision.pag)
    if allocation is not None and not allocation.in_force(on):
        allocation = None
    holder = allocation.holder if allocation else (boundary.default.holder if boundary.default else None)
    empowered: set[str] = set()
    start = [principal_id(model, h) for h in (("commissioner", "chief-constable") if holder == "joint" else (holder,)) if h in ("commissioner", "chief-constable")]
    pending = [p for p in start if p]
    while pending:
        person = pending.pop()
        if person in empowered:
            continue
        empowered.add(person)
        pending.extend(d.to for d in delegations_from(model, area, person, decision.pag, on))
    if decision.decided_by in empowered:
        return []
    allowed = ", ".join(sorted(empowered)) or "nobody"
    return [f"was decided by {decision.decided_by}, but the scheme in force on that day empowers {allowed}"]
