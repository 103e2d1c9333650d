"""What lapses, continues or must be re-made in one area when its office holder changes.

The rules come from ``law/transitions.yaml`` (:class:`~opcc_model.law.TransitionRule`); each is
expanded over the area's scheme (its boundary file): the deputy and what is delegated to or by
the deputy, every delegation, consent and ladder, the joint arrangements and agreements, the
decision register, the statutory officers. Arrangements whose ``until`` falls in the first year
are added from the scheme itself (they fall due whatever the law says).

>>> import datetime, opcc_model
>>> model = opcc_model.load(opcc_model.reference_root())
>>> found = lapses(model, model, "example-england", datetime.date(2028, 5, 4), "election")
>>> [i.item for i in found if i.rule == "deputy-term-ends"][0]
'Deputy Police and Crime Commissioner (dpcc)'
>>> [i.due.isoformat() for i in found if i.rule == "deputy-term-ends"][0]
'2028-05-10'
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass

from opcc_model.boundary import Allocation, Boundary
from opcc_model.errors import NotFound
from opcc_model.law import TransitionEvent, TransitionRule
from opcc_model.model import Model
from opcc_model.scheme import Delegation, Ladder

__all__ = ["Lapse", "lapses", "missing_ids", "rules_for", "who_does", "role_name"]

YEAR = datetime.timedelta(days=365)


@dataclass(frozen=True)
class Lapse:
    """One thing of the area and what happens to it: continues, lapses, re-make, transfer, due or falls-due."""

    rule: str
    """The rule of law/transitions.yaml (``scheme-end-date`` for an arrangement's own ``until``)."""
    kind: str
    """office, deputy, delegation, consent, ladder, scheme, arrangement, agreement, decision or officer."""
    subject: str
    """What it is about: a code, a role, an artifact or a decision reference."""
    item: str
    """The thing, in words."""
    effect: str
    """continues, lapses, re-make, transfer or falls-due."""
    due: datetime.date | None
    """When it lapses or falls due, if the law or the scheme dates it."""
    who: str
    """Who acts (the RACI of the activities the rule names), if anyone must."""
    basis: str
    """The provision, the announcement (an assumption) or the scheme's instrument."""
    tag: str
    """The evidence tag of the basis: V or S (empty for the scheme's own dates)."""
    status: str
    """law, assumption (the 2028 transfer) or scheme (the area's own arrangement)."""
    source: str
    """Where the rule or the arrangement was read."""


def rules_for(model: Model, event: TransitionEvent, route: str | None, /) -> list[TransitionRule]:
    """The rules of ``event`` (and of ``route``, for the transfer), in file order."""
    return [r for r in model.transitions if r.event == event and (not r.routes or route in r.routes)]


def missing_ids(model: Model, event: TransitionEvent, route: str | None, /) -> list[str]:
    """A note for each role, artifact or activity a rule names that ``model`` lacks (the rule skips it).

    >>> import opcc_model
    >>> missing_ids(opcc_model.load(opcc_model.reference_root()), "election", None)
    []
    """
    known = {"roles": {r.id for r in model.roles}, "artifacts": {a.id for a in model.artifacts},
             "activities": {a.id for a in model.activities}}
    return [
        f"law/transitions.yaml: rule '{rule.id}' names {field[:-1] if field != 'activities' else 'activity'} '{key}', "
        "which is not in the model: skipped"
        for rule in rules_for(model, event, route) for field in ("roles", "artifacts", "activities")
        for key in getattr(rule, field) if key not in known[field]
    ]


def role_name(model: Model, boundary: Boundary | None, role_id: str, /) -> str:
    """The name of a role or of one of the area's officers (``commissioner``: the principal's)."""
    if role_id == "commissioner":
        principal = model.principals().get("commissioner")
        return principal.name if principal else role_id
    try:
        return model.role(role_id).name
    except NotFound:
        officers = {o.id: o.name for o in boundary.officers} if boundary else {}
        return officers.get(role_id, role_id)


def who_does(model: Model, activity_ids: tuple[str, ...], /) -> str:
    """The accountable roles of the activities (present in ``model``), by name, once each."""
    names: list[str] = []
    for activity_id in activity_ids:
        try:
            accountable = model.activity(activity_id).accountable
        except NotFound:
            continue
        if accountable and role_name(model, None, accountable) not in names:
            names.append(role_name(model, None, accountable))
    return "; ".join(names)


def _code(model: Model, boundary: Boundary, code: str) -> str:
    local = {c.code: c.name for c in boundary.codes}
    try:
        name = model.code(code).name
    except NotFound:
        name = local.get(code, "")
    return f"{code} ({name})" if name else code


def _made_by(instrument: object) -> str:
    return f" [{instrument}]" if instrument else ""


def _delegation(model: Model, b: Boundary, d: Delegation) -> str:
    condition = f"; {d.condition}" if d.condition else ""
    return (f"Delegation of {_code(model, b, d.pag)} from {role_name(model, b, d.by)} to "
            f"{role_name(model, b, d.to)}{condition}{_made_by(d.instrument)}")


def _subjects(model: Model, b: Boundary, rule: TransitionRule, on: datetime.date) -> Iterator[tuple[str, str, str]]:
    """``(kind, subject, item)`` for each thing of the area ``rule`` applies to."""
    deputy = b.deputy
    if rule.applies_to == "office":
        yield "office", b.area, f"The local policing body of {b.name}"
    elif rule.applies_to == "deputy" and deputy:
        yield "deputy", deputy, f"{role_name(model, b, deputy)} ({deputy})"
        for d in b.delegations:
            if deputy in (d.by, d.to) and d.in_force(on):
                yield "delegation", d.pag, _delegation(model, b, d)
    elif rule.applies_to == "scheme":
        for d in b.delegations:
            if deputy not in (d.by, d.to) and d.in_force(on):
                yield "delegation", d.pag, _delegation(model, b, d)
        for a in b.allocations:
            if a.relation == "consent" and a.in_force(on):
                condition = f"; {a.condition}" if a.condition else ""
                yield "consent", a.pag, (f"Consent: the Chief Constable exercises {_code(model, b, a.pag)} with the consent of "
                                         f"{role_name(model, b, a.consent_by or 'commissioner')}{condition}{_made_by(a.instrument)}")
        for ladder in b.ladders:
            if ladder.in_force(on):
                yield "ladder", ladder.pag, f"Thresholds on {_code(model, b, ladder.pag)}: {len(ladder.tiers)} tiers{_made_by(ladder.instrument)}"
        yield "scheme", "scheme", _how_remade(model, b, rule)
    elif rule.applies_to == "agreements":
        for a in b.allocations:
            if a.holder == "joint":
                yield "agreement", a.pag, f"Joint arrangement on {_code(model, b, a.pag)}: {a.arrangement or a.forum}"
        known = {x.id: x.name for x in model.artifacts}
        for artifact_id in rule.artifacts:
            if artifact_id in known:
                yield "agreement", artifact_id, f"{known[artifact_id]} ({artifact_id})"
    elif rule.applies_to == "decisions":
        for decision in sorted(b.decisions, key=lambda x: (x.date, x.reference or "", x.title)):
            if decision.date <= on:
                amount = f", {decision.amount}" if decision.amount is not None else ""
                reference = decision.reference or decision.date.isoformat()
                yield "decision", reference, (f"Decision {reference} of {decision.date.isoformat()}: {decision.title}{amount} "
                                              f"(by {role_name(model, b, decision.decided_by)})")
    elif rule.applies_to == "officers":
        for role_id in rule.roles:
            yield "officer", role_id, f"{role_name(model, b, role_id)} ({role_id})"


def _how_remade(model: Model, b: Boundary, rule: TransitionRule) -> str:
    """What the area's scheme says about re-making itself: its lines on the codes of the rule's activities."""
    codes = [code for activity_id in rule.activities if activity_id in {a.id for a in model.activities}
             for code in model.activity(activity_id).pag]
    lines: list[Allocation | Delegation] = [*b.allocations, *b.delegations]
    said = [
        f"{_code(model, b, line.pag)}: {line.condition}{_made_by(line.instrument)}"
        for line in lines
        if line.condition and any(code == line.pag or code.startswith(line.pag + ".") for code in codes)
    ]
    if said:
        return "The area's scheme on its own making: " + "; ".join(said)
    return "The area's scheme says nothing on how it is re-affirmed: re-affirm or re-make it by a recorded decision"


def _end_dates(model: Model, b: Boundary, on: datetime.date) -> Iterator[Lapse]:
    """Arrangements whose ``until`` falls in the year from ``on``."""
    lines: list[tuple[str, str, Allocation | Delegation | Ladder]] = [("allocation", a.pag, a) for a in b.allocations]
    lines += [("delegation", d.pag, d) for d in b.delegations]
    lines += [("ladder", lad.pag, lad) for lad in b.ladders]
    for kind, pag, line in lines:
        if line.until is not None and on <= line.until < on + YEAR:
            text = _delegation(model, b, line) if isinstance(line, Delegation) else f"The {kind} on {_code(model, b, pag)}{_made_by(line.instrument)}"
            yield Lapse("scheme-end-date", "arrangement", pag, f"{text} (until {line.until.isoformat()})", "falls-due",
                        line.until, "", str(line.instrument) if line.instrument else "the area's scheme", "", "scheme", line.source or "")


def lapses(before: Model, after: Model, area: str, on: datetime.date, event: TransitionEvent, /, *, route: str | None = None) -> tuple[Lapse, ...]:
    """Every item of ``area`` (as the outgoing ``before`` model has it) and what happens to it on ``on``.

    ``after`` is the model of the new arrangement: who acts comes from its RACI.
    """
    boundary = before.boundary(area)
    found: list[Lapse] = []
    for rule in rules_for(before, event, route):
        if rule.applies_to == "obligation":
            continue
        due = rule.span.add(on) if rule.span else None
        who = who_does(after, rule.activities) if rule.effect != "continues" else ""
        for kind, subject, item in _subjects(before, boundary, rule, on):
            found.append(Lapse(rule.id, kind, subject, item, rule.effect, due, who, rule.basis, rule.evidence, rule.status, rule.source))
    found += sorted(_end_dates(before, boundary, on), key=lambda x: (x.due or on, x.subject, x.item))
    return tuple(found)
