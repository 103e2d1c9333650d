"""``transition(model, area=..., date=..., to=...)``: the transition report of one area.

``to="pcc"`` is the change of holder after an ordinary election (the corporation sole
continues); ``mayor``, ``board`` and ``leaders`` apply the shipped 2028 scenario of that route
(``scenarios/``) through the scenario machinery, and report on the new arrangement.

>>> import opcc_model
>>> report = transition(opcc_model.load(opcc_model.reference_root()), area="example-england", date="2028-05-04")
>>> report
<TransitionReport example-england 2028-05-04 (pcc): 12 to act on, 9 dated, 7 steps>
>>> transition(opcc_model.load(opcc_model.reference_root()), area="example-wales", date="2028-05-08", to="mayor")
Traceback (most recent call last):
...
opcc_model.handover.build.TransitionUsageError: --to mayor: 'example-wales' is a Welsh area, and Wales has no mayoral route (its policing functions pass to local government leaders, LAW.md section 11); use --to leaders
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

from opcc_model.errors import NotFound, OpccError
from opcc_model.findings import Finding
from opcc_model.handover.briefing import briefing_pack, new_holder
from opcc_model.handover.items import lapses, missing_ids
from opcc_model.handover.obligations import obligations, precept_note
from opcc_model.handover.plan import first_100_days
from opcc_model.handover.report import TransitionReport
from opcc_model.handover.years import check_date
from opcc_model.law import TransitionEvent
from opcc_model.model import Model
from opcc_model.queries import check
from opcc_model.queries.checking import FindingList
from opcc_model.resources import reference_root
from opcc_model.scenario import Scenario, apply, diff, read_scenario, scenario_report, transfer_findings
from opcc_model.scenario.delta import finding_key
from opcc_model.scenario.transfer import refuse_mayors_in_wales

__all__ = ["ROUTES", "TARGETS", "TransitionUsageError", "route_scenario", "transition"]

ROUTES = {
    "mayor": "mayoral-model.yaml",
    "board": "policing-and-crime-board.yaml",
    "leaders": "welsh-local-government-leaders.yaml",
}
"""Each 2028 route and its shipped scenario file (under the reference model's ``scenarios/``)."""

TARGETS = ("pcc", *ROUTES)
"""What ``to`` may be: ``pcc`` (an election) or a 2028 route."""

ASSUMED = ("Every rule of the 2028 transfer is an ASSUMPTION until the law is made (LAW.md section 11: the announcement of "
           "13 November 2025 and the White Paper); none is presented as law.")


class TransitionUsageError(OpccError):
    """A transition the area cannot take (a mayor in Wales) or an unknown target."""


def route_scenario(route: str, /) -> Scenario:
    """The shipped 2028 scenario of ``route`` (``mayor``, ``board`` or ``leaders``)."""
    path = reference_root() / "scenarios" / ROUTES[route]
    if not path.is_file():
        raise TransitionUsageError(f"--to {route}: the scenario of this route (scenarios/{ROUTES[route]}) is not shipped with this version")
    return read_scenario(path)


def _area(model: Model, area: str) -> None:
    try:
        model.boundary(area)
    except NotFound:
        known = ", ".join(b.area for b in model.boundaries) or "none"
        raise NotFound(f"--area {area}: no such area in the model (areas: {known})") from None


def transition(
    model: Model,
    /,
    *,
    area: str,
    date: datetime.date | str,
    to: str = "pcc",
    scenario: Scenario | str | os.PathLike[str] | None = None,
) -> TransitionReport:
    """The transition report of ``area`` when its office holder changes on ``date``.

    ``to``: ``pcc`` (a new holder after an ordinary election), or the 2028 route ``mayor``,
    ``board`` or ``leaders``, whose shipped scenario is applied (``scenario`` gives another).
    Raises :class:`TransitionUsageError` for an unknown ``to`` or a mayor in a Welsh area,
    :class:`~opcc_model.errors.NotFound` for an unknown area, and
    :class:`~opcc_model.handover.years.DateOutOfRange` for a date outside every financial
    year the model knows.
    """
    day = date if isinstance(date, datetime.date) else datetime.date.fromisoformat(date)
    if to not in TARGETS:
        raise TransitionUsageError(f"--to: expected one of {', '.join(TARGETS)}, found {to!r}")
    _area(model, area)
    boundary = model.boundary(area)
    if to == "mayor" and boundary.jurisdiction == "wales":
        raise TransitionUsageError(
            f"--to mayor: '{area}' is a Welsh area, and Wales has no mayoral route (its policing functions pass to "
            "local government leaders, LAW.md section 11); use --to leaders"
        )
    check_date(model, day)
    after, route, name = model, None, None
    event: TransitionEvent = "election"
    findings = resolved = FindingList(())
    notes = [precept_note(day)]
    if to != "pcc":
        chosen = scenario if isinstance(scenario, Scenario) else read_scenario(Path(scenario)) if scenario else route_scenario(to)
        refuse_mayors_in_wales(model, chosen)  # OPCC-T104: a scenario giving a Welsh area a mayor cannot apply
        applied = apply(model, chosen)
        after, route, event, name = applied.model, to, "transfer-2028", chosen.name
        transfer = transfer_findings(model, chosen, area=area, applied=applied)  # OPCC-T1xx: no function lost
        report = scenario_report(chosen, model, applied, diff(model, after), area=area, check=check, transfer=transfer)
        if report.findings is not None:
            findings, resolved = _with_transfer(report.findings.new, transfer), FindingList(report.findings.resolved)
        notes.append(ASSUMED)
    notes += missing_ids(after, event, route)
    due = obligations(after, area, day, event, route=route)
    holder = after.role(new_holder(after)).name
    label = "an ordinary election: the holder changes, the corporation sole continues" if to == "pcc" else f"the 2028 transfer to {to}"
    return TransitionReport(
        area=area,
        area_name=boundary.name,
        date=day,
        to=to,
        event=label,
        holder=holder,
        lapses=lapses(model, after, area, day, event, route=route),
        obligations=due,
        steps=first_100_days(after, area, day, event, due, route=route),
        briefing=briefing_pack(after, area),
        findings=findings,
        resolved=resolved,
        scenario=name,
        notes=tuple(notes),
    )


def _with_transfer(new: tuple[Finding, ...], transfer: FindingList) -> FindingList:
    """The findings a scenario adds and its transfer findings, once each (OPCC-T103 is both), sorted."""
    merged = {finding_key(f): f for f in (*new, *transfer)}
    return FindingList(sorted(merged.values(), key=Finding.sort_key))
