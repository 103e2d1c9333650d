"""Overlaps: where the commissioner and the chief constable both claim, or disagree about, a capability (OPCC-O1xx).

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> list(side_mismatches(model, "example-area"))
[]
"""

from __future__ import annotations

from collections.abc import Iterator

from opcc_model.findings import Finding
from opcc_model.model import PRINCIPAL_SIDES, Model
from opcc_model.queries.index import (
    scope_of,
    accountable_side,
    allocation_of,
    code_sides,
    label,
    where,
    other_principal,
    role_sides,
    scoped_activities,
)
from opcc_model.queries.rules import check_rule, finding

__all__ = ["conflicting_allocations", "shared_accountability", "side_mismatches", "undelegated_splits"]

_SIDE_NAMES = {
    "commissioner": "the commissioner",
    "chief-constable": "the chief constable",
    "joint": "both jointly",
    "oversight": "the Police and Crime Panel (oversight)",
}


@check_rule(
    "OPCC-O101", "error", "a PAG code is allocated twice, at the same specificity, to different holders", scope="area"
)
def conflicting_allocations(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires when an area lists the same PAG code twice with different holders.

    Why it matters: the most specific allocation decides who holds a code; two at the
    same specificity leave it undecided (the loader keeps the first, silently).

    Fix: delete one of the two lines in ``pag/boundaries/<area>.yaml``, or make the
    code ``joint`` with an ``arrangement``. It points at the second line.

    Example: ``{pag: "2.3", holder: chief-constable}`` and ``{pag: "2.3", holder:
    commissioner}`` give "Example Force Area allocates 'Finance' (2.3) both to the
    chief constable and to the commissioner." (holders in alphabetical order)
    """
    boundary = model.boundary(area)
    holders: dict[str, list[str]] = {}
    for allocation in boundary.allocations:
        holders.setdefault(allocation.pag, []).append(allocation.holder)
    for pag, listed in sorted(holders.items()):
        distinct = sorted(set(listed))
        if len(distinct) < 2:
            continue
        second = next(i for i, h in enumerate(listed) if h != listed[0])
        names = [_SIDE_NAMES[h] for h in distinct]
        yield finding(
            "OPCC-O101",
            [pag],
            f"{boundary.name} allocates {label(model, 'code', pag)} both to "
            f"{', '.join(names[:-1])} and to {names[-1]}.",
            where(model, "allocation", f"{area}/{pag}#{second}") or where(model, "allocation", f"{area}/{pag}"),
            area,
        )


def _shared_codes(model: Model, jurisdiction: str | None) -> tuple[tuple[str, list[str], list[str]], ...]:
    """``(code, commissioner activities, chief constable activities)`` for codes both sides are accountable for."""

    def build(m: Model) -> tuple[tuple[str, list[str], list[str]], ...]:
        return tuple(
            (code, sorted(sides[PRINCIPAL_SIDES[0]]), sorted(sides[PRINCIPAL_SIDES[1]]))
            for code, sides in sorted(code_sides(m, jurisdiction).items())
            if len(sides) == 2
        )

    return model.memo(f"q:shared-codes:{jurisdiction}", build)


@check_rule(
    "OPCC-O102",
    "warning",
    "activities on both sides are accountable for one PAG code that is not allocated `joint`",
    scope="area",
)
def shared_accountability(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for a PAG code that activities accountable on both principal sides map to, unless the area holds it jointly.

    Only activities in scope for the area's jurisdiction count. Why it matters: two
    corporations sole answering for one capability is a duplication or a disagreement
    about the boundary, unless a joint arrangement (a joint audit committee, a s.22A
    collaboration) says how they share it.

    Fix: make one side accountable for the activities, split the code, or allocate it
    ``holder: joint`` with its ``arrangement``; or waive it in the area:
    ``{finding: OPCC-O102, subject: "3.1.4", reason: Collaboration agreement under s.22A}``.

    Example: ``set-budget`` (accountable ``pcc``) and ``plan-budget`` (accountable
    ``cc``) both mapped to ``"2.3"`` give "In Example Force Area both the commissioner
    (set-budget) and the chief constable (plan-budget) are accountable for 'Finance' (2.3)."
    """
    boundary = model.boundary(area)
    for code, ours, theirs in _shared_codes(model, scope_of(model, area)):
        allocation = allocation_of(model, area, code)
        if allocation is not None and allocation.holder == "joint":
            continue
        fix_at = (
            where(model, "allocation", f"{area}/{allocation.pag}")
            if allocation
            else where(model, "activity", theirs[0], "accountable")
        )
        yield finding(
            "OPCC-O102",
            [code, *ours, *theirs],
            f"In {boundary.name}, both the commissioner ({', '.join(ours)}) and the chief constable "
            f"({', '.join(theirs)}) are accountable for {label(model, 'code', code)}.",
            fix_at,
            area,
        )


@check_rule(
    "OPCC-O103", "warning", "an activity's accountable side differs from its PAG code's holder in an area", scope="area"
)
def side_mismatches(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for an activity accountable on one principal side mapped to a code the area gives the other.

    Codes held ``joint``, by the oversight side (the Panel's own powers) or by nobody
    (that is OPCC-G102) do not fire, nor do activities a partner, the panel or the public
    is accountable for, nor the commissioner's activities on a code the Chief Constable holds
    by ``relation: consent`` (giving or refusing the consent is the commissioner's part of it). Why it matters: the process
    map and the area's boundary disagree about who answers for the work.

    Fix: change the activity's ``accountable``, map it to the right code, or change the
    area's allocation; or waive it: ``{finding: OPCC-O103, subject: <activity id>, reason: ...}``.

    Example: ``set-precept`` accountable ``cc`` mapped to ``"1.2"`` held by the
    commissioner gives "In Example Force Area 'Set precept' (set-precept) is the chief
    constable's, but the area gives 'Budget' (1.2) to the commissioner."
    """
    boundary = model.boundary(area)
    for code, sides in code_sides(model, scope_of(model, area)).items():
        allocation = allocation_of(model, area, code)
        if allocation is None or allocation.holder not in PRINCIPAL_SIDES:
            continue
        if allocation.relation == "consent":  # the commissioner's activity on a consent line is the consenting itself
            continue
        for activity_id in sides.get(other_principal(allocation.holder), ()):  # type: ignore[call-overload]
            yield finding(
                "OPCC-O103",
                [activity_id, code],
                f"In {boundary.name}, {label(model, 'activity', activity_id)} is "
                f"{_SIDE_NAMES[other_principal(allocation.holder)]}'s, but the area gives "
                f"{label(model, 'code', code)} to {_SIDE_NAMES[allocation.holder]}.",
                where(model, "activity", activity_id, "accountable"),
                area,
            )


def _splits(model: Model, jurisdiction: str | None) -> tuple[tuple[str, str, str], ...]:
    """``(activity, code, responsible side)`` for activities accountable on one principal side, responsible on the other."""

    def build(m: Model) -> tuple[tuple[str, str, str], ...]:
        sides = role_sides(m)
        found: list[tuple[str, str, str]] = []
        for activity in scoped_activities(m, jurisdiction):
            side = accountable_side(m, activity)
            if side not in PRINCIPAL_SIDES:
                continue
            other = other_principal(side)  # type: ignore[arg-type]
            if any(sides.get(r) == other for r in activity.responsible):
                found.extend((activity.id, code, other) for code in dict.fromkeys(activity.pag))
        return tuple(found)

    return model.memo(f"q:splits:{jurisdiction}", build)


@check_rule(
    "OPCC-O104",
    "warning",
    "an activity is accountable on one side and responsible on the other, and the area records no consent or arrangement for its code",
    scope="area",
)
def undelegated_splits(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for an activity accountable on one principal side with a responsible role on the other, per code with no recorded arrangement.

    An arrangement is, for the code in the area: a *consent* (``relation: consent`` on the
    allocation deciding it: the Chief Constable exercising their own function with the
    commissioner's consent), a joint holding, or a delegation or ladder tier naming one of the
    responsible roles. Activities with no code cannot be checked against an area and do not
    fire. Why it matters: one corporation sole doing work the other answers for needs a recorded
    basis, or accountability is blurred. Legal basis: PRSR 2011 Sch 2 (consents) and the
    scheme of consent (FMCP 2018 s.5). Until format 2 this finding asked for a *delegation*
    (``delegated_by: commissioner``); the Chief Constable and force staff appear to be within
    PRSR 2011 s.18(6) (LAW.md §1), so published schemes record these arrangements as consents,
    and so does this check.

    Fix: record the consent on the allocation (``holder: chief-constable, relation: consent,
    consent_by: pcc, instrument: Scheme of Consent 4.2``), or move the responsibility; or waive
    it: ``{finding: OPCC-O104, subject: <activity id>, reason: ...}``.

    Example: ``audit-accounts`` accountable ``pcc``, responsible ``[cc]``, mapped to
    ``"2.3"`` with no consent gives "In Example Force Area the chief constable does 'Audit
    accounts' (audit-accounts) for the commissioner, but no consent or arrangement for
    'Finance' (2.3) is recorded."
    """
    boundary = model.boundary(area)
    named = _arranged_people(model, area)
    for activity_id, code, doer in _splits(model, scope_of(model, area)):
        allocation = allocation_of(model, area, code)
        if allocation is not None and (allocation.relation == "consent" or allocation.holder == "joint"):
            continue
        responsible = model.activity(activity_id).responsible
        if any(person in named.get(prefix, ()) for prefix in _prefixes(code) for person in responsible):
            continue
        yield finding(
            "OPCC-O104",
            [activity_id, code],
            f"In {boundary.name}, {_SIDE_NAMES[doer]} does {label(model, 'activity', activity_id)} for "
            f"{_SIDE_NAMES[other_principal(doer)]}, but no consent or arrangement for {label(model, 'code', code)} is recorded.",
            where(model, "allocation", f"{area}/{allocation.pag}")
            if allocation
            else where(model, "activity", activity_id, "responsible"),
            area,
        )


def _prefixes(code: str) -> list[str]:
    """``"1.3.2"`` → ``["1", "1.3", "1.3.2"]``."""
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def _arranged_people(model: Model, area: str) -> dict[str, set[str]]:
    """For each code of the area's delegations and ladders, the roles they name as delegates or deciders."""

    def build(m: Model) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        boundary = m.boundary(area)
        for delegation in boundary.delegations:
            found.setdefault(delegation.pag, set()).add(delegation.to)
        for ladder in boundary.ladders:
            found.setdefault(ladder.pag, set()).update(t.decides for t in ladder.tiers)
        return found

    return model.memo(f"q:arranged:{area}", build)
