"""Checks of a Police and Crime Plan against PRSR 2011 s.7 and the value chain (finding codes ``OPCC-P1xx``).

Each check is a function registered with :func:`opcc_model.findings.rule`; its
docstring is the code's documentation (when it fires, why it matters, how to fix).

>>> import opcc_model
>>> from opcc_model.plan.model import Plan, Vision
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> plan = Plan(id="p", name="P", owner="pcc", vision=Vision(id="v", text="V", owner="pcc"))
>>> sorted({f.code for f in check_plan(model, plan)})
['OPCC-P101', 'OPCC-P104']
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from opcc_model.findings import RULES, Finding, rule
from opcc_model.graph import consumers, producers
from opcc_model.location import Location
from opcc_model.model import Model
from opcc_model.plan.loader import load_plans
from opcc_model.plan.model import S7_CONTENTS, Objective, Plan, Priority

__all__ = ["MONITOR_STAGE", "COMMISSION_STAGE", "PLAN_CHECKS", "check_plan", "check_plans", "stage_of"]

MONITOR_STAGE = "monitor"
"""The id of the value chain's Monitor stage (Scrutiny and Performance)."""

COMMISSION_STAGE = "commission"
"""The id of the value chain's Commission stage (Commissioning and Service Delivery)."""


def stage_of(model: Model, activity_id: str, /) -> str | None:
    """The stage id of the process holding ``activity_id``, or ``None`` when it is not in the model.

    >>> import opcc_model
    >>> stage_of(opcc_model.load(opcc_model.example_root("minimal")), "identify-stakeholders")
    'engage-consult'
    """
    try:
        return model.process_of(activity_id).stage
    except KeyError:
        return None


def _finding(code: str, plan: Plan, subject: tuple[str, ...], message: str, location: Location | None) -> Finding:
    return Finding(
        code=code,
        severity=RULES[code].severity,
        subject=(plan.id, *subject),
        message=message,
        location=location or plan.location_of("plan", ""),
    )


@rule("OPCC-P101", "error", "a plan does not say where it covers a content PRSR 2011 s.7 requires")
def s7_content_missing(model: Model, plan: Plan, /) -> Iterator[Finding]:
    """Fires when a plan's ``s7:`` mapping lacks one of the six keys ``objectives``, ``policing``,
    ``resources``, ``reporting``, ``performance``, ``grants``, or the key points to no plan node,
    artifact or activity.

    Why it matters: s.7 of the Police Reform and Social Responsibility Act 2011 says what a
    police and crime plan must contain — (a) the PCC's police and crime objectives, (b) the
    policing the Chief Constable is to provide, (c) the financial and other resources given to
    the Chief Constable, (d) how the Chief Constable reports to the PCC, (e) how the Chief
    Constable's performance is measured, (f) the crime and disorder reduction grants and their
    conditions. A plan that leaves one out is not the plan the Act requires, and the Panel
    will say so when it reviews the draft.

    Fix: add the key under ``s7:`` and list the plan nodes (``nodes:``), artifacts
    (``artifacts:``, such as the budget or a grant agreement) or activities (``activities:``)
    where the plan covers it.

    Example: a plan with no ``s7: grants`` key gives "The plan does not show where it covers
    s.7 (f) crime and disorder reduction grants and their conditions: 's7: grants' is missing."
    """
    for key, content in S7_CONTENTS.items():
        coverage = plan.s7.get(key)
        if coverage is not None and not coverage.is_empty():
            continue
        where = "points nowhere" if coverage is not None else "is missing"
        yield _finding(
            "OPCC-P101",
            plan,
            (f"s7:{key}",),
            f"The plan does not show where it covers s.7 {content}: 's7: {key}' {where}.",
            plan.location_of("s7", key) if coverage is not None else plan.location_of("s7", ""),
        )


def _monitor_artifacts(model: Model) -> set[str]:
    monitoring = {a.id for a in model.activities if stage_of(model, a.id) == MONITOR_STAGE}
    return {
        artifact
        for table in (producers(model), consumers(model))
        for artifact, activities in table.items()
        if monitoring.intersection(activities)
    }


def _is_monitored(model: Model, objective: Objective, reported: set[str]) -> bool:
    return any(
        any(stage_of(model, a) == MONITOR_STAGE for a in measure.monitored_by) or reported.intersection(measure.reported_in)
        for measure in objective.measures
    )


@rule("OPCC-P102", "warning", "an objective has no measure that a Monitor-stage activity watches")
def objective_unmonitored(model: Model, plan: Plan, /) -> Iterator[Finding]:
    """Fires when none of an objective's measures is monitored by an activity of the Monitor
    stage (``monitored_by``), nor reported in an artifact that a Monitor-stage activity
    produces or consumes (``reported_in``). An objective with no measures fires too.

    Why it matters: s.7(e) requires the plan to say how the Chief Constable's performance is
    measured, and s.1(7) makes the PCC hold the Chief Constable to account. An objective no
    one monitors cannot be held to account, and the Panel has nothing to scrutinise it by.

    Fix: give the objective a measure and name, in its ``monitored_by``, the Monitor
    activity that watches it (a performance board, a scrutiny meeting), or in its
    ``reported_in`` the performance report that carries it.

    Example: an objective whose only measure names no Monitor-stage activity gives "No
    Monitor-stage activity watches any measure of the objective 'Reduce repeat victimisation'."
    """
    reported = model.memo("plan-monitor-artifacts", _monitor_artifacts)
    for _, objective in plan.objectives():
        if not _is_monitored(model, objective, reported):
            yield _finding(
                "OPCC-P102",
                plan,
                (objective.id,),
                f"No Monitor-stage activity watches any measure of the objective {objective.text!r}.",
                plan.location_of("node", objective.id),
            )


def _commission_delivered(model: Model, priority: Priority) -> bool:
    if any(stage_of(model, a) == COMMISSION_STAGE for a in (*priority.delivered_by, *priority.resourced_by)):
        return True
    made = producers(model)
    return any(stage_of(model, a) == COMMISSION_STAGE for artifact in priority.artifacts for a in made.get(artifact, ()))


@rule("OPCC-P103", "warning", "a priority for action has no Commission-stage activity that resources or delivers it")
def priority_uncommissioned(model: Model, plan: Plan, /) -> Iterator[Finding]:
    """Fires when no activity of the Commission stage is named in a priority's ``delivered_by``
    or ``resourced_by``, and none produces an artifact in its ``artifacts`` (a grant agreement,
    a commissioning contract, the force's funding settlement).

    Why it matters: a priority for action is the SMART end of the plan; if nothing commissions,
    funds or delivers it, it is a wish, not an action, and the plan's s.7(c) and s.7(f)
    contents (resources, grants) do not reach it.

    Fix: link the priority to the Commission activity that funds or delivers it, or to
    the artifact (agreement, grant) such an activity produces.

    Example: a priority with ``delivered_by: []`` and ``resourced_by: []`` gives "No
    Commission-stage activity resources or delivers the priority 'Fund specialist support'."
    """
    for _, priority in plan.priorities():
        if not _commission_delivered(model, priority):
            yield _finding(
                "OPCC-P103",
                plan,
                (priority.id,),
                f"No Commission-stage activity resources or delivers the priority {priority.text!r}.",
                plan.location_of("node", priority.id),
            )


@rule("OPCC-P104", "warning", "an outcome of the value chain is served by no objective of the plan")
def outcome_unserved(model: Model, plan: Plan, /) -> Iterator[Finding]:
    """Fires for each outcome of the value chain (``outcomes:`` in ``processes/value-chain.yaml``)
    that no objective of the plan serves: no shared outcome with objectives lists it in
    ``serves:``.

    Why it matters: the value chain exists to deliver its outcomes (the Community Outcome
    Framework); the plan's objectives are how the PCC commits to them. An outcome no objective
    serves is one the plan has quietly dropped.

    Fix: list the outcome in the ``serves:`` of the shared outcome that contributes to
    it (and give that shared outcome objectives), or say in the plan why it is out of scope.

    Example: a value chain whose outcomes include ``crime-reduced`` that no shared outcome
    ``serves:`` gives "No objective of the plan serves the value chain outcome 'crime-reduced'."
    """
    served: set[str] = set()
    empty: dict[str, str] = {}
    for level, node in plan.walk():
        if level == "outcome":
            for outcome in node.serves:  # type: ignore[union-attr]
                if node.objectives:  # type: ignore[union-attr]
                    served.add(outcome)
                else:
                    empty.setdefault(outcome, node.id)
    for outcome in model.outcomes:
        if outcome in served:
            continue
        at = empty.get(outcome, plan.vision.id)
        yield _finding(
            "OPCC-P104",
            plan,
            (outcome,),
            f"No objective of the plan serves the value chain outcome {outcome!r}.",
            plan.location_of("node", at),
        )


@rule("OPCC-P105", "warning", "a Panel scrutiny pillar names no section of the plan")
def pillar_without_section(model: Model, plan: Plan, /) -> Iterator[Finding]:
    """Fires when a scrutiny pillar of the Police and Crime Panel (``scrutiny_pillars:``)
    names no theme of the plan (its ``themes:`` is empty).

    Why it matters: Panels organise their scrutiny by the plan's pillars, with a member leading
    each ("Pillar Leads"). A pillar with no plan section has nothing to scrutinise delivery
    against, and the quarterly reports cannot be tied to it.

    Fix: list the plan themes the pillar scrutinises, or drop the pillar.

    Example: ``scrutiny_pillars: [{id: p, name: Working with communities, themes: []}]``
    gives "The Panel's scrutiny pillar 'Working with communities' names no section of the plan."
    """
    for pillar in plan.scrutiny_pillars:
        if not pillar.themes:
            yield _finding(
                "OPCC-P105",
                plan,
                (pillar.id,),
                f"The Panel's scrutiny pillar {pillar.name!r} names no section of the plan.",
                plan.location_of("pillar", pillar.id),
            )


PLAN_CHECKS: tuple[Callable[[Model, Plan], Iterator[Finding]], ...] = (
    s7_content_missing,
    objective_unmonitored,
    priority_uncommissioned,
    outcome_unserved,
    pillar_without_section,
)
"""Every plan check, in code order."""


def check_plan(model: Model, plan: Plan, /) -> list[Finding]:
    """Every finding of every plan check on ``plan`` against ``model``, sorted by location."""
    found = [finding for check in PLAN_CHECKS for finding in check(model, plan)]
    return sorted(found, key=Finding.sort_key)


def check_plans(model: Model, root: str | os.PathLike[str], /) -> list[Finding]:
    """Load the plans under ``root/plans/`` (see :func:`~opcc_model.plan.load_plans`) and check each; sorted.

    Raises :class:`~opcc_model.plan.PlanLoadError` when a plan file cannot be loaded.

    >>> import opcc_model
    >>> root = opcc_model.example_root("minimal")
    >>> check_plans(opcc_model.load(root), root)
    []
    """
    found = [finding for plan in load_plans(root, model) for finding in check_plan(model, plan)]
    return sorted(found, key=Finding.sort_key)
