"""Scheme checks against the law: non-delegable functions, barred delegates, consents, statutory holders, old keys (OPCC-S101, S102, S107, S108, S110).

The statutory lists come from :func:`opcc_model.statute.delegation_law` (data with basis and
evidence tags). Ladders and chains are checked in :mod:`opcc_model.queries.schemechains`, the
decision register in :mod:`opcc_model.queries.register`.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.reference_root())
>>> list(non_delegable_functions(model, "example-england"))
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from opcc_model.findings import Finding
from opcc_model.model import Model
from opcc_model.queries.index import label, resolved_allocations, where
from opcc_model.queries.rules import check_rule, finding
from opcc_model.queries.schemeindex import area_sides, consenter, covers, principal_id
from opcc_model.statute import delegation_law

__all__ = [
    "SIDE_NAMES",
    "non_delegable_functions",
    "barred_delegates",
    "consents_without_consenter",
    "swept_statutory_codes",
    "deprecated_keys",
]

SIDE_NAMES = {"commissioner": "the commissioner", "chief-constable": "the chief constable", "joint": "both jointly", "oversight": "the Panel"}


def _codes(model: Model, area: str) -> set[str]:
    return {c.code for c in model.codes} | {c.code for c in model.boundary(area).codes}


@check_rule("OPCC-S101", "error", "a function the law keeps with the local policing body is delegated, consented or given away", scope="area")
def non_delegable_functions(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires when an area lets someone other than the local policing body exercise a non-delegable function.

    The functions are those of PRSR 2011 s.18(7): issuing the police and crime plan,
    determining the objectives, attending the Panel, preparing the annual report, appointing,
    suspending or removing the Chief Constable, and calculating the council tax requirement.
    It fires for a delegation covering one of them (to anyone but the area's ``deputy``, and to
    the deputy for the plan, the council tax requirement and the Chief Constable's appointment
    and removal), for a ladder tier on one whose decider is not the principal, and when the
    area's allocation gives one to the Chief Constable or jointly (a "consent" to the Chief
    Constable). The deputy's limits depend on the area's ``body``: a PCC's deputy (published
    schemes, [S]), a combined-authority mayor's deputy for policing and crime (Levelling-up and
    Regeneration Act 2023 Sch 3 para 3(4), [V]) or London's Deputy Mayor for Policing and Crime
    (PRSR 2011 s.19(3), [V]). Legal basis: the s.18(7) list rests on two published schemes that
    agree ([S]); the Act's section text was not read, and its (7)(e)/(f) lettering is not certain.
    Codes are those of the open glossary: on another glossary the check says nothing.

    Why it matters: an arrangement the Act forbids is void; decisions taken under it can be
    challenged. Fix: take the function back to the principal (``relation: reserved``) or, where
    the law allows, delegate it to the deputy.

    Example: ``{pag: "1.1.1.8", by: pcc, to: opcc-chief-executive}`` gives "In Example Force
    Area, 'Issue and vary the plan' (1.1.1.8) is delegated to opcc-chief-executive, but PRSR 2011
    s.18(7)(a) keeps 'Issue the police and crime plan' with the local policing body."
    """
    boundary = model.boundary(area)
    law = delegation_law()
    known = _codes(model, area)
    limits = law.deputy_limits.get(boundary.body)
    principal = principal_id(model, "commissioner")
    resolved = resolved_allocations(model, area)
    for entry in law.non_delegable:
        for code in (c for c in entry.codes if c in known):
            deputy_may = entry.deputy_may and not (limits and entry.id in limits.ids)
            for index, delegation in enumerate(boundary.delegations):
                if not (covers(delegation.pag, code) or covers(code, delegation.pag)):
                    continue
                if delegation.to == boundary.deputy and deputy_may:
                    continue
                who = "the deputy" if delegation.to == boundary.deputy else delegation.to
                yield finding(
                    "OPCC-S101",
                    [code, delegation.to],
                    f"In {boundary.name}, {label(model, 'code', code)} is delegated to {who}, but {entry.basis} "
                    f"keeps '{entry.function}' with the local policing body"
                    + (f" ({limits.basis} bars the deputy)." if delegation.to == boundary.deputy and limits else "."),
                    where(model, "delegation", f"{area}/{index}"),
                    area,
                )
            for index, ladder in enumerate(boundary.ladders):
                if covers(ladder.pag, code):
                    for tier in ladder.tiers:
                        if tier.decides != principal and not (tier.decides == boundary.deputy and deputy_may):
                            yield finding(
                                "OPCC-S101",
                                [code, tier.decides],
                                f"In {boundary.name}, a tier of the ladder on {label(model, 'code', code)} lets "
                                f"{tier.decides} decide, but {entry.basis} keeps '{entry.function}' with the local policing body.",
                                where(model, "ladder", f"{area}/{index}"),
                                area,
                            )
            allocation = resolved.get(code)
            if allocation is not None and allocation.holder in ("chief-constable", "joint"):
                yield finding(
                    "OPCC-S101",
                    [code, allocation.pag],
                    f"In {boundary.name}, {label(model, 'code', code)} is given to {SIDE_NAMES[allocation.holder]}"
                    f" (by the line for {allocation.pag}), but {entry.basis} keeps '{entry.function}' with the local policing body.",
                    where(model, "allocation", f"{area}/{allocation.pag}"),
                    area,
                )


@check_rule("OPCC-S102", "warning", "a function is delegated to a person the statute bars from being a delegate", scope="area")
def barred_delegates(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for a delegation from the commissioner side to a role on the Chief Constable's side.

    PRSR 2011 s.18(6) (s.19(6) in London) bars a constable, another PCC, the Mayor of London,
    the Common Council, any other body maintaining a force, and the staff of any of them from
    being a delegate. The Chief Constable is a constable; reading force staff as "staff of a
    constable" is an inference (LAW.md §1, [I]). Published schemes therefore give the Chief
    Constable *consents*, not delegations, yet some still delegate to the force's CFO
    (Surrey-Sussex 2017, [S]). So this is a **warning, not an error**: the evidence that force
    staff are barred is an inference, and real schemes differ; an error would call lawful-looking
    published schemes unlawful on an unread reading.

    Why it matters: if the reading is right the arrangement is void. Fix: write it as a consent
    (``holder: chief-constable, relation: consent, consent_by: pcc``) or delegate to an OPCC officer.

    Example: ``{pag: "1.3.8.2", by: pcc, to: force-cfo}`` gives "In Example Force Area, pcc
    delegates 'Award contracts' (1.3.8.2) to force-cfo, on the chief constable's side: PRSR 2011
    s.18(6) bars a constable or a constable's staff from being a delegate; write it as a consent."
    """
    boundary = model.boundary(area)
    sides = area_sides(model, area)
    barred = {b.side: b for b in delegation_law().barred_sides}
    for index, delegation in enumerate(boundary.delegations):
        by_side, to_side = sides.get(delegation.by), sides.get(delegation.to)
        if by_side == "commissioner" and to_side in barred:
            yield finding(
                "OPCC-S102",
                [delegation.pag, delegation.to],
                f"In {boundary.name}, {delegation.by} delegates {label(model, 'code', delegation.pag)} to "
                f"{delegation.to}, on {SIDE_NAMES[to_side]}'s side: {barred[to_side].basis} bars "
                f"{barred[to_side].reading} from being a delegate; write it as a consent.",
                where(model, "delegation", f"{area}/{index}"),
                area,
            )


@check_rule("OPCC-S107", "error", "a consent names no consenting role on the commissioner's side", scope="area")
def consents_without_consenter(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for a ``relation: consent`` allocation whose ``consent_by`` is missing or not on the commissioner's side.

    A consent is the Chief Constable exercising their own function with the local policing
    body's consent (PRSR 2011 Sch 2 paras 7 and 7A): somebody on the commissioner's side must
    give it. Why it matters: a consent nobody gives is a function handed over. Fix: add
    ``consent_by: pcc`` (or the role the scheme names).

    Example: ``{pag: "1.3.4.2", holder: chief-constable, relation: consent}`` gives "In Example
    Force Area, the consent for 'Acquire and dispose of property other than land' (1.3.4.2)
    names no consenting role on the commissioner's side."
    """
    boundary = model.boundary(area)
    sides = area_sides(model, area)
    for allocation in boundary.allocations:
        if allocation.relation != "consent":
            continue
        who = consenter(model, allocation.consent_by)
        if who is not None and sides.get(who) == "commissioner":
            continue
        named = f" ({allocation.consent_by} is not)" if allocation.consent_by else ""
        yield finding(
            "OPCC-S107",
            [allocation.pag],
            f"In {boundary.name}, the consent for {label(model, 'code', allocation.pag)} names no consenting role "
            f"on the commissioner's side{named}.",
            where(model, "allocation", f"{area}/{allocation.pag}"),
            area,
        )


@check_rule("OPCC-S108", "warning", "a broad allocation sweeps in a code the law gives the other side", scope="area")
def swept_statutory_codes(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires when a code the law gives one side is held by the other through an allocation of a broader prefix.

    The statutory holders (``opcc_model/statute/delegation.yaml``): land vests in the local policing
    body (PRSR 2011 Sch 1 para 14, Sch 2 para 7; [S]); operational leadership is the Chief
    Constable's (Policing Protocol Order 2023 para 23; [V]). Why it matters: ``{pag: "1.3",
    holder: chief-constable}`` silently hands the Chief Constable the estate. Fix: add a line
    for the swept code giving it to the side the law names.

    Example: ``{pag: "1.3.4", holder: chief-constable}`` gives "In Example Force Area, the line
    for 1.3.4 gives 'Acquire and dispose of land and buildings' (1.3.4.1) to the chief constable,
    but land (PRSR 2011 Sch 1 para 14; Sch 2 para 7) is the commissioner's."
    """
    boundary = model.boundary(area)
    resolved = resolved_allocations(model, area)
    known = _codes(model, area)
    for entry in delegation_law().statutory_holders:
        for code in (c for c in entry.codes if c in known):
            allocation = resolved.get(code)
            if allocation is None or allocation.pag == code or allocation.holder == entry.holder:
                continue
            if allocation.holder not in ("commissioner", "chief-constable"):
                continue
            yield finding(
                "OPCC-S108",
                [code, allocation.pag],
                f"In {boundary.name}, the line for {allocation.pag} gives {label(model, 'code', code)} to "
                f"{SIDE_NAMES[allocation.holder]}, but {entry.function} ({entry.basis}) is {SIDE_NAMES[entry.holder]}'s.",
                where(model, "allocation", f"{area}/{allocation.pag}"),
                area,
            )


@check_rule("OPCC-S110", "warning", "a boundary file uses a key of an older format (`delegated_by`)", scope="area")
def deprecated_keys(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for each allocation still written with ``delegated_by:`` (format 1).

    Format 2 writes what the law calls it: the local policing body's arrangements with the
    Chief Constable are *consents* (the Chief Constable and force staff are within PRSR 2011
    s.18(6), LAW.md §1), so ``holder: chief-constable, delegated_by: commissioner`` is read as
    ``relation: consent, consent_by: commissioner``. The old key is accepted, with this
    warning, for one minor version. Why it matters: the old key calls a consent a delegation,
    which the law does not allow for the Chief Constable. Fix: run ``opcc migrate PATH``, which rewrites the file.

    Example: ``{pag: "1.3.2.5", holder: chief-constable, delegated_by: commissioner}`` gives
    "In Example Force Area, the line for 1.3.2.5 uses 'delegated_by' (format 1): run opcc
    migrate to write it as a consent."
    """
    boundary = model.boundary(area)
    for allocation in boundary.allocations:
        if allocation.delegated_by is not None:
            yield finding(
                "OPCC-S110",
                [allocation.pag],
                f"In {boundary.name}, the line for {allocation.pag} uses 'delegated_by' (format 1): run opcc "
                f"migrate to write it as a consent.",
                where(model, "allocation", f"{area}/{allocation.pag}", "delegated_by")
                or where(model, "allocation", f"{area}/{allocation.pag}"),
                area,
            )
