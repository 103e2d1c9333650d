"""A transfer of the local policing body's functions: none lost, delegations settled, collective accountability named (OPCC-T1xx).

A *transfer* replaces the office holder of the local policing body, as the 2028 abolition of
Police and Crime Commissioners will (functions to a mayor, a policing and crime board, or in
Wales local government leaders; LAW.md section 11). :func:`opcc_model.transfer_findings`
describes a scenario's transfer as a :class:`Transfer` and compares the model before with the
model after; OPCC-T103 is also a check of any model (``opcc check``).

>>> t = Transfer(outgoing=frozenset({"pcc"}), renamed={"pcc": "mayor"}, areas={"a": "a"})
>>> t.rename("pcc"), t.rename("cc")
('mayor', 'cc')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from opcc_model.boundary import BODY_WORDS, COLLECTIVE_BODIES, Boundary
from opcc_model.findings import Finding, rule
from opcc_model.location import Location
from opcc_model.model import Model
from opcc_model.queries.index import label, where
from opcc_model.queries.rules import check_rule, finding
from opcc_model.scheme import Delegation

__all__ = [
    "Transfer",
    "BodyRequest",
    "lost_functions",
    "unsettled_delegations",
    "unnamed_collective_accountability",
    "mayors_in_wales",
]


@dataclass(frozen=True)
class Transfer:
    """What a transfer scenario does to the office holder, as plain data."""

    outgoing: frozenset[str]
    """The roles whose office ends: the outgoing holder, its deputies, every role the scenario replaces."""
    renamed: Mapping[str, str] = field(default_factory=dict)
    """What each replaced role became in the schemes (followed through the scenario)."""
    areas: Mapping[str, str | None] = field(default_factory=dict)
    """Each transferred area (before) and the area that holds its functions after (``None``: none)."""

    def rename(self, role: str, /) -> str:
        """The id ``role`` has after the transfer (itself when not replaced)."""
        return self.renamed.get(role, role)


@dataclass(frozen=True)
class BodyRequest:
    """A scenario's request that ``area`` take the kind of body ``body``, written at ``location``."""

    area: str
    body: str
    location: Location | None = None


def _people(model: Model, boundary: Boundary | None) -> dict[str, str]:
    """Every role and (in ``boundary``) officer id, with its side."""
    people: dict[str, str] = {r.id: r.side for r in model.roles}
    if boundary is not None:
        people.update({o.id: o.side for o in boundary.officers})
    return people


def _codes(model: Model, boundary: Boundary) -> list[str]:
    codes = [c.code for c in model.codes] + [c.code for c in boundary.codes]
    return sorted(set(codes), key=lambda c: tuple(int(p) for p in c.split(".")))


def _gone(transfer: Transfer, people: Mapping[str, str], who: str | None) -> bool:
    """Whether ``who`` cannot hold a function after the transfer: nobody, unknown, or an office that ends."""
    return who is None or who in transfer.outgoing or who not in people


def _why(transfer: Transfer, who: str | None) -> str:
    if who is None:
        return "no one"
    if who in transfer.outgoing:
        return f"'{who}', whose office ends with the transfer"
    return f"'{who}', who is not in the model after it"


@rule("OPCC-T101", "error", "a function the outgoing holder held or delegated has no holder after a transfer")
def lost_functions(before: Model, after: Model, transfer: Transfer, /) -> Iterator[Finding]:
    """Fires, after a scenario that replaces the office holder of the local policing body,
    for every function the outgoing holder held or delegated that has no holder in the new
    arrangement: an activity it was accountable for that the scenario removes, or whose
    accountable role is gone or is still an outgoing one; a glossary code the local policing
    body held in a transferred area whose new holder is no one (or is still the outgoing
    office holder); a consent, a ladder tier, a delegation still running, the area's deputy, a
    collective body's signatory, or a statutory duty (``law/duties.yaml``) still held by a
    role whose office ends. The outgoing offices are the office holder (the commissioner
    side's principal), every role the scenario replaces, and the deputy of each transferred
    area (a deputy's term ends with the office holder's: PCA 2017 s.121, LAW.md section 1).

    Why it matters: the local policing body's functions (PRSR 2011 s.1) are duties as well as
    powers; a function nobody holds on the first day of the new arrangement is a function the
    area stops performing, and a decision taken by an office that no longer exists is taken
    without authority. Legal basis: PRSR 2011 s.1 and PCA 2017 s.121 for today's offices; the
    2028 transfer rules themselves are not yet law (LAW.md section 11), so what the new holder
    takes is the scenario's assumption, and this check only asks that it says.

    Fix: give the function to a role of the new arrangement in the scenario (``replace-role``
    moves everything a role holds; ``reassign`` moves one letter; ``amend-scheme`` re-makes a
    delegation or names a new deputy), or keep the activity the scenario removes.

    Example: a scenario that replaces ``pcc`` by ``mayor`` and removes the activity
    ``issue-police-and-crime-plan`` gives "The outgoing holder's function 'Issue the police and
    crime plan' (issue-police-and-crime-plan) has no holder after the transfer: the scenario
    removes the activity."
    """
    yield from _lost_activities(before, after, transfer)
    for old_area, new_area in sorted(transfer.areas.items()):
        was = before.boundary(old_area)
        now = next((b for b in after.boundaries if b.area == new_area), None)
        yield from _lost_codes(before, after, transfer, was, now)
        if now is not None:
            yield from _lost_arrangements(after, transfer, now)
    people = _people(after, None)
    for duty in after.duties:
        if _gone(transfer, people, duty.holder):
            yield finding(
                "OPCC-T101", (duty.id,),
                f"The statutory duty {duty.name!r} ({duty.basis}) is held by {_why(transfer, duty.holder)}.",
                where(after, "duty", duty.id),
            )


def _lost_activities(before: Model, after: Model, transfer: Transfer) -> Iterator[Finding]:
    now = {a.id: a for a in after.activities}
    people = _people(after, None)
    held = [a for a in before.activities if a.accountable in transfer.outgoing]
    held += [a for a in after.activities if a.accountable in transfer.outgoing and a.id not in {b.id for b in before.activities}]
    for activity in held:
        name = label(before, "activity", activity.id) if activity.id in {a.id for a in before.activities} else f"'{activity.id}'"
        successor = now.get(activity.id)
        if successor is None:
            why = "the scenario removes the activity"
        elif _gone(transfer, people, successor.accountable):
            why = f"it is held by {_why(transfer, successor.accountable)}"
        else:
            continue
        yield finding(
            "OPCC-T101", (activity.id,),
            f"The outgoing holder's function {name} has no holder after the transfer: {why}.",
            where(before, "activity", activity.id) or where(after, "activity", activity.id),
        )


def _lost_codes(before: Model, after: Model, transfer: Transfer, was: Boundary, now: Boundary | None) -> Iterator[Finding]:
    principal = after.principals().get("commissioner")
    lost: set[str] = set()
    for code in _codes(before, was):
        if was.holder_of(code) != "commissioner":
            continue
        holder = now.holder_of(code) if now is not None else None
        if now is None:
            why = f"the area '{was.area}' is gone"
        elif holder is None:
            why = "no allocation covers it and the scheme has no default rule"
        elif holder == "commissioner" and (principal is None or principal.id in transfer.outgoing):
            why = f"the local policing body is still {_why(transfer, principal.id if principal else None)}"
        else:
            continue
        lost.add(code)
        if code.rpartition(".")[0] in lost:
            continue  # reported once, at the top of the subtree
        allocation = was.allocation_for(code)
        yield finding(
            "OPCC-T101", (code,),
            f"In {was.name}, the function {label(before, 'code', code)} the local policing body held has no holder "
            f"after the transfer: {why}.",
            where(before, "allocation", f"{was.area}/{allocation.pag}") if allocation else where(before, "area", was.area),
            was.area,
        )


def _lost_arrangements(after: Model, transfer: Transfer, now: Boundary) -> Iterator[Finding]:
    people = _people(after, now)
    area = now.area

    def lost(subject: tuple[str, ...], what: str, who: str | None, at: Location | None) -> Finding:
        return finding("OPCC-T101", subject, f"In {now.name}, {what} is held by {_why(transfer, who)}.", at, area)

    for allocation in now.allocations:
        who = allocation.consent_by
        if allocation.relation == "consent" and who not in (None, "commissioner", "chief-constable") and _gone(transfer, people, who):
            yield lost((allocation.pag, "consent"), f"the consent for {label(after, 'code', allocation.pag)}", who,
                       where(after, "allocation", f"{area}/{allocation.pag}"))
    for index, ladder in enumerate(now.ladders):
        if ladder.until is not None:
            continue  # ended (a new ladder replaced it)
        for t, tier in enumerate(ladder.tiers):
            if _gone(transfer, people, tier.decides):
                yield lost((ladder.pag, f"tier {t + 1}"), f"tier {t + 1} of the ladder on {label(after, 'code', ladder.pag)}",
                           tier.decides, where(after, "ladder", f"{area}/{index}"))
    for index, delegation in enumerate(now.delegations):
        if delegation.until is not None:
            continue  # marked to lapse
        for who in (delegation.by, delegation.to):
            if _gone(transfer, people, who):
                yield lost((delegation.pag, delegation.by, delegation.to),
                           f"the delegation of {label(after, 'code', delegation.pag)} from '{delegation.by}' to '{delegation.to}'",
                           who, where(after, "delegation", f"{area}/{index}"))
                break
    if now.deputy is not None and _gone(transfer, people, now.deputy):
        yield lost(("deputy", now.deputy), "the deputy's office", now.deputy, where(after, "area", area, "deputy"))
    if now.collective is not None:
        for key in ("signs", "answers_to_panel"):
            who = getattr(now.collective, key)
            if _gone(transfer, people, who):
                yield lost(("collective", key), f"collective accountability ({key})", who,
                           where(after, "area", area, "collective"))


def _settled_key(delegation: Delegation) -> str:
    """A delegation's content apart from its ``until`` (so a carried copy marked to lapse still matches)."""
    return delegation.model_copy(update={"until": None}).model_dump_json()


@rule("OPCC-T102", "warning", "a delegation of the outgoing scheme is neither re-made nor marked to lapse")
def unsettled_delegations(before: Model, after: Model, transfer: Transfer, /) -> Iterator[Finding]:
    """Fires, after a scenario that replaces the office holder of the local policing body,
    for every delegation of a transferred area's outgoing scheme (``delegations:`` made by a
    role or officer on the commissioner side) that the new arrangement neither re-makes (a
    delegation the scenario adds on the same code to the same delegate, or to the role that
    replaced it: ``amend-scheme`` ``delegations:``) nor marks to lapse (``amend-scheme``
    ``lapse:`` gives it an ``until`` date). A delegation with its own ``until`` ends by itself
    and is settled. A delegation carried over unchanged (``replace-role`` renames the
    delegating role in the scheme) or dropped (as a merger drops them) fires.

    Why it matters: s.18 arrangements (PRSR 2011 s.18; s.19 in London) are made by the local
    policing body. In 2028 the body itself changes, so the outgoing holder's arrangements bind
    the new body only if a transfer provision keeps them, and no Bill has been published
    (LAW.md section 11); after an ordinary election the scheme is re-affirmed or re-made as the
    area's scheme says. Until the scenario says which, nobody can tell who may exercise the
    function on day 1. It is a **warning**, not an error: the function itself is not lost (it
    stays with the body, which holds everything it has not arranged for others to exercise);
    what is uncertain is the delegate's authority. Carrying the scheme over is an assumption
    the scenario should state.

    Fix: in the scenario's ``amend-scheme`` for the area, either add the delegation again as
    the new body's (``delegations:``, with its ``from`` date and instrument) or list it under
    ``lapse:`` (``{pag, to, until}``), or both (the old one lapses, the new one starts).

    Example: the example English area's delegation of 1.5.7 from the PCC to the chief executive,
    in a scenario that only replaces ``pcc`` by ``mayor``, gives "In Example Force Area
    (England), the delegation of ... from 'mayor' to 'opcc-chief-executive' under the outgoing
    scheme is carried over unchanged: the scenario neither re-makes it nor marks it to lapse."
    """
    for old_area, new_area in sorted(transfer.areas.items()):
        was = before.boundary(old_area)
        now = next((b for b in after.boundaries if b.area == new_area), None)
        sides = _people(before, was)
        carried = {_settled_key(_renamed(d, transfer)) for d in was.delegations}
        kept = {_settled_key(d): d for d in (now.delegations if now else ())}
        remade = {(d.pag, d.to) for d in (now.delegations if now else ()) if _settled_key(d) not in carried}
        for index, delegation in enumerate(was.delegations):
            if sides.get(delegation.by) != "commissioner" or delegation.until is not None:
                continue
            copy = _renamed(delegation, transfer)
            successor = kept.get(_settled_key(copy))
            if (copy.pag, copy.to) in remade or (successor is not None and successor.until is not None):
                continue
            fate = "is carried over unchanged" if successor is not None else "disappears from the scheme"
            yield finding(
                "OPCC-T102", (delegation.pag, delegation.by, delegation.to),
                f"In {was.name}, the delegation of {label(before, 'code', delegation.pag)} from '{delegation.by}' to "
                f"'{delegation.to}' under the outgoing scheme {fate}: the scenario neither re-makes it nor marks it to lapse.",
                where(before, "delegation", f"{old_area}/{index}"),
                old_area,
            )


def _renamed(delegation: Delegation, transfer: Transfer) -> Delegation:
    return delegation.model_copy(update={"by": transfer.rename(delegation.by), "to": transfer.rename(delegation.to)})


@check_rule(
    "OPCC-T103", "error", "a collective body names no one who signs its decisions or answers for them to the Panel",
    scope="area",
)
def unnamed_collective_accountability(model: Model, area: str, /) -> Iterator[Finding]:
    """Fires for an area whose local policing body decides collectively (``body: board``, a
    policing and crime board of council leaders, or ``body: leaders``, the Welsh local
    government leaders) when its scheme has no ``collective:`` naming who signs the body's
    decisions (``signs``) and who answers for them to the Police and Crime Panel
    (``answers_to_panel``), or names someone who is not on the commissioner side.

    Why it matters: a PCC is one person, who signs every decision and must attend the Panel
    when required (PRSR 2011 s.29, a function s.18(7) keeps from any delegate). A board
    decides together: unless the scheme says who signs and who answers, a decision has no
    named accountable person and the Panel no one to summon; collective accountability must be
    made explicit. Legal basis: **assumption** - the 2028 boards and the Welsh route have no
    statute yet (LAW.md section 11, sources X1, X2); the check asks for what s.29 gives a
    single office holder.

    Fix: add ``collective: {signs: ROLE, answers_to_panel: ROLE, source: ...}`` to the area's
    scheme (in a scenario: ``amend-scheme`` ``collective:``), naming roles or officers on the
    commissioner side (the board's chair, the appointed lead).

    Example: ``{op: amend-scheme, area: example-england, body: board}`` with no ``collective:``
    gives "In Example Force Area (England), the local policing body is a policing and crime
    board deciding collectively, but the scheme names no one who signs its decisions or answers
    for them to the Panel (collective:)."
    """
    boundary = model.boundary(area)
    if boundary.body not in COLLECTIVE_BODIES:
        return
    if boundary.collective is None:
        yield finding(
            "OPCC-T103", (area,),
            f"In {boundary.name}, the local policing body is {BODY_WORDS[boundary.body]} deciding collectively, but the "
            "scheme names no one who signs its decisions or answers for them to the Panel (collective:).",
            where(model, "area", area, "body") or where(model, "area", area), area,
        )
        return
    sides = _people(model, boundary)
    for key in ("signs", "answers_to_panel"):
        who = getattr(boundary.collective, key)
        if sides.get(who) != "commissioner":
            yield finding(
                "OPCC-T103", (area, key),
                f"In {boundary.name}, collective accountability names '{who}' ({key}), who is not on the "
                f"commissioner side: the body's decisions need someone of its own to sign and answer for them.",
                where(model, "area", area, "collective", key) or where(model, "area", area), area,
            )


@rule("OPCC-T104", "error", "a scenario gives a Welsh area a mayor")
def mayors_in_wales(model: Model, requests: Iterable[BodyRequest], /) -> Iterator[Finding]:
    """Fires for every scenario operation that gives an area in Wales (boundary ``jurisdiction:
    wales``) a mayoral body (``body: mayor`` or ``mopac``).

    Why it matters: Wales has no mayors; when PCCs end in 2028 a Welsh area's functions go to
    local government leaders (LAW.md section 11, source X2, read in the source). A scenario that
    makes a Welsh area mayoral simulates something the announced policy rules out. The
    scenario cannot apply (the boundary refuses it), so ``opcc scenario`` reports this finding
    at the scenario's line and exits 2. Legal basis: LAW.md section 11 [V] (X2).

    Fix: use ``body: leaders`` (the Welsh route) or ``board`` for the Welsh area, or give the
    mayor only English areas.

    Example: ``{op: amend-scheme, area: example-wales, body: mayor}`` gives "The scenario makes
    the local policing body of Example Force Area (Wales) - illustrative only (example-wales), an
    area in Wales, a mayor: there are no mayors in Wales; its functions go to local government
    leaders (body: leaders)."
    """
    names = {b.area: b.name for b in model.boundaries}
    for request in requests:
        yield finding(
            "OPCC-T104", (request.area, request.body),
            f"The scenario makes the local policing body of {names.get(request.area, request.area)} ({request.area}), an area "
            f"in Wales, {BODY_WORDS.get(request.body, request.body)}: there are no mayors in Wales; its functions go to local "
            "government leaders (body: leaders).",
            request.location, request.area,
        )
