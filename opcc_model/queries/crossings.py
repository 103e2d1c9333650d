"""Crossings of the boundary as findings: between the principals (OPCC-D101), to oversight (D103), to partners (D104).

A crossing is one thing handed across: an artifact (or a completion, for ``after``) that
one consuming activity takes from activities on another side. It is reported once:

- several producers of the same artifacts on one side, for one consumer, are one crossing
  (twelve decisions that each publish a decision record, read by one Panel activity, are one
  finding naming the twelve);
- a sub-process activity and an activity inside the process it opens that both produce (or
  both consume) the artifacts are one crossing, reported at the inner activity, where the
  work happens.

>>> import opcc_model
>>> [c.code for c in boundary_crossings(opcc_model.load(opcc_model.example_root("minimal")))]
[]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import networkx as nx

from opcc_model.findings import Finding
from opcc_model.graph import dependencies
from opcc_model.model import PRINCIPAL_SIDES, Model, Side
from opcc_model.queries.dependencies import SIDE_NAMES, dependency_location
from opcc_model.queries.index import activity_sides, label, names
from opcc_model.queries.rules import check_rule, finding

__all__ = [
    "BoundaryCrossing",
    "boundary_crossings",
    "crossing_code",
    "crossings_between_principals",
    "crossings_with_oversight",
    "crossings_with_partners",
]

_NAMED_PRODUCERS = 4
"""A crossing with more producers than this names three of them in its message (all are in ``subject``)."""


@dataclass(frozen=True)
class BoundaryCrossing:
    """Activities ``producers`` on side ``source`` hand ``artifacts`` (empty: their completion) to ``consumer`` on ``target``."""

    code: str
    producers: tuple[str, ...]
    consumer: str
    artifacts: tuple[str, ...]
    source: Side
    target: Side


def crossing_code(source: Side, target: Side, /) -> str | None:
    """The finding code of a dependency from side ``source`` to side ``target`` (None: not a crossing).

    >>> crossing_code("commissioner", "chief-constable"), crossing_code("oversight", "commissioner")
    ('OPCC-D101', 'OPCC-D103')
    >>> crossing_code("commissioner", "partner"), crossing_code("oversight", "partner"), crossing_code("cc", "cc")
    ('OPCC-D104', None, None)
    """
    if source == target or not (source in PRINCIPAL_SIDES or target in PRINCIPAL_SIDES):
        return None
    if source in PRINCIPAL_SIDES and target in PRINCIPAL_SIDES:
        return "OPCC-D101"
    return "OPCC-D103" if "oversight" in (source, target) else "OPCC-D104"


def _inner_activities(model: Model) -> dict[str, frozenset[str]]:
    """For each sub-process activity, every activity inside the process it opens (and its child processes), at any depth."""
    children: dict[str, list[str]] = defaultdict(list)
    for process in model.processes:
        if process.parent:
            children[process.parent].append(process.id)
    direct: dict[str, set[str]] = defaultdict(set)  # process -> the activities and sub-processes it holds
    opens: dict[str, str] = {}
    for process in model.processes:
        for activity in process.activities:
            direct[process.id].add(activity.id)
            if activity.kind == "subprocess" and activity.process:
                opens[activity.id] = activity.process
    inner: dict[str, frozenset[str]] = {}
    for activity_id, opened in opens.items():
        seen_processes, found, todo = {opened}, set(), [opened]
        while todo:
            current = todo.pop()
            for held in direct.get(current, ()):
                found.add(held)
                nested = opens.get(held)
                if nested and nested not in seen_processes:
                    seen_processes.add(nested)
                    todo.append(nested)
            for child in children.get(current, ()):
                if child not in seen_processes:
                    seen_processes.add(child)
                    todo.append(child)
        found.discard(activity_id)
        inner[activity_id] = frozenset(found)
    return inner


def _reported_inside(
    graph: nx.DiGraph, inner: dict[str, frozenset[str]], sides: dict[str, Side | None], producer: str, consumer: str
) -> bool:
    """Whether an inner activity of ``producer`` (or of ``consumer``) crosses with the same artifacts: report that one."""
    artifacts = set(graph.edges[producer, consumer]["artifacts"])
    if not artifacts:
        return False
    for inside in inner.get(producer, ()):
        if graph.has_edge(inside, consumer) and artifacts <= set(graph.edges[inside, consumer]["artifacts"]):
            if _crosses(sides[inside], sides[consumer]):
                return True
    for inside in inner.get(consumer, ()):
        if graph.has_edge(producer, inside) and artifacts <= set(graph.edges[producer, inside]["artifacts"]):
            if _crosses(sides[producer], sides[inside]):
                return True
    return False


def _crosses(source: Side | None, target: Side | None) -> bool:
    return source is not None and target is not None and crossing_code(source, target) is not None


def boundary_crossings(model: Model, /) -> list[BoundaryCrossing]:
    """Every crossing of the boundary, each once (see the module's rules), sorted by consumer, side and artifacts.

    Built once per model (memoized): O(dependencies × inner activities of sub-processes).
    """
    return model.memo("q:crossings", _crossings)


def _crossings(model: Model) -> list[BoundaryCrossing]:
    graph = dependencies(model)
    sides = activity_sides(model)
    inner = _inner_activities(model)
    groups: dict[tuple[str, Side, Side, tuple[str, ...], str], list[str]] = defaultdict(list)
    for producer, consumer, artifacts in graph.edges(data="artifacts"):
        source, target = sides[producer], sides[consumer]
        if source is None or target is None or crossing_code(source, target) is None:
            continue
        if _reported_inside(graph, inner, sides, producer, consumer):
            continue
        # producers of the same artifacts are one crossing; an ``after`` ordering is its own
        groups[(consumer, source, target, artifacts, "" if artifacts else producer)].append(producer)
    found = []
    for (consumer, source, target, artifacts, _), producers in sorted(groups.items()):
        code = crossing_code(source, target) or ""
        found.append(BoundaryCrossing(code, tuple(sorted(producers)), consumer, artifacts, source, target))
    return found


def _labeller(model: Model, kind: str) -> Callable[[str], str]:
    """:func:`label` for one kind, its names fetched once (a national check labels tens of thousands)."""
    known = names(model, kind)

    def labelled(key: str) -> str:
        name = known.get(key)
        return f"'{key}'" if name is None else f"'{name}' ({key})"

    return labelled


def _message(model: Model, crossing: BoundaryCrossing, activity: Callable[[str], str] | None = None,
             artifact: Callable[[str], str] | None = None) -> str:
    activity = activity or _labeller(model, "activity")
    artifact = artifact or _labeller(model, "artifact")
    what = ", ".join(map(artifact, crossing.artifacts)) if crossing.artifacts else "its completion"
    names = [activity(p) for p in crossing.producers]
    if len(names) == 1:
        whom = names[0]
    elif len(names) <= _NAMED_PRODUCERS:
        whom = f"{len(names)} activities ({', '.join(names[:-1])} and {names[-1]})"
    else:
        whom = f"{len(names)} activities ({', '.join(names[:3])} and {len(names) - 3} more)"
    return (
        f"{activity(crossing.consumer)} on {SIDE_NAMES[crossing.target]} "
        f"depends on {whom} on {SIDE_NAMES[crossing.source]} for {what}."
    )


def _findings(model: Model, code: str) -> Iterator[Finding]:
    activity, artifact = _labeller(model, "activity"), _labeller(model, "artifact")
    for crossing in boundary_crossings(model):
        if crossing.code == code:
            yield finding(
                code,
                [*crossing.producers, crossing.consumer],
                _message(model, crossing, activity, artifact),
                dependency_location(model, crossing.producers[0], crossing.consumer),
            )


@check_rule("OPCC-D101", "info", "a hand-off between the commissioner and the chief constable", scope="model")
def crossings_between_principals(model: Model, /) -> Iterator[Finding]:
    """Fires once for each hand-off between the two principals: the commissioner's side and the chief constable's.

    A dependency is ``A → B`` when B consumes what A produces or B is ``after`` A. It is a
    hand-off when the accountable sides of A and B are the commissioner and the chief
    constable (either way round). Each hand-off is reported once: one finding names every
    activity on the other side that produces the same artifacts for B, and a sub-process
    that produces what an activity inside it produces is reported at the inner activity.
    The ``subject`` is the producers (sorted) then the consumer.

    Why it matters: it is information, not a fault. These are the hand-offs the two
    corporations sole must agree (an information-sharing protocol, a reporting
    timetable, the scheme of consent); the chief constable's direction and control of the
    force and the commissioner's duty to hold the chief constable to account (PRSR 2011
    s.1) meet here.

    Fix: nothing to fix; make one side accountable for both ends to remove it, or raise it
    to a warning in ``opcc.toml`` (``[severity] "OPCC-D101" = "warning"``) to review
    every hand-off. ``opcc check --ignore OPCC-D101`` leaves it out of a report.

    Example: ``set-budget`` (accountable ``pcc``) outputs ``budget`` that
    ``plan-deployment`` (accountable ``cc``) inputs: "'Plan deployment' (plan-deployment)
    on the chief constable's side depends on 'Set budget' (set-budget) on the
    commissioner's side for 'Budget' (budget)."
    """
    return _findings(model, "OPCC-D101")


@check_rule("OPCC-D103", "info", "a hand-off between a principal and oversight (the Panel, inspectors, audit)", scope="model")
def crossings_with_oversight(model: Model, /) -> Iterator[Finding]:
    """Fires once for each hand-off between the commissioner or the chief constable and the oversight side.

    The oversight side holds the bodies that scrutinise the principals: the Police and
    Crime Panel, HMICFRS, the joint audit committee, the auditors. A hand-off is a
    dependency between an activity accountable on a principal side and one accountable on
    the oversight side, reported once per consuming activity and artifacts (as OPCC-D101):
    every decision that publishes a decision record read by one Panel activity is one
    finding naming them, not one finding each.

    Why it matters: information. These are the statutory touchpoints of scrutiny: the
    Panel reviews the draft plan and reports on it (PRSR 2011 s.28(3)), the proposed
    precept goes to the Panel and may be vetoed (PRSR 2011 Sch 5), and the commissioner
    publishes comments on an inspection report (Police Act 1996 s.55). They are kept apart
    from the hand-offs between the principals so that a report on the boundary between the
    commissioner and the chief constable is not buried under them.

    Fix: nothing to fix. ``opcc check --min-severity info --select OPCC-D103`` lists them;
    ``opcc.toml`` can raise them to warnings.

    Example: 'Review and report on the PCC's decisions' (accountable ``pcp``) inputs the
    ``decision-record`` that twelve commissioner decisions output: one finding, "… on the
    oversight side depends on 12 activities ('Allocate the police fund …', … and 9 more)
    on the commissioner's side for 'Decision record' (decision-record)."
    """
    return _findings(model, "OPCC-D103")


@check_rule("OPCC-D104", "info", "a hand-off between a principal and a partner or the public", scope="model")
def crossings_with_partners(model: Model, /) -> Iterator[Finding]:
    """Fires once for each hand-off between the commissioner or the chief constable and a partner or the public.

    Partners are the bodies the principals work with but do not direct: community safety
    partnerships, criminal justice bodies, commissioned services, collaboration partners,
    independent custody visitors. A hand-off is a dependency between an activity
    accountable on a principal side and one accountable on the partner (or public) side,
    reported once per consuming activity and artifacts (as OPCC-D101).

    Why it matters: information. These are the hand-offs an information-sharing agreement
    or a grant condition must cover, for instance custody visitors' reports to the local
    policing body (Police Reform Act 2002 s.51).

    Fix: nothing to fix. ``opcc check --min-severity info --select OPCC-D104`` lists them.

    Example: ``agree-outcomes`` (accountable ``pcc``) inputs the ``partner-plan`` that
    ``write-partner-plan`` (accountable ``csp``) outputs: "'Agree outcomes' (agree-outcomes)
    on the commissioner's side depends on 'Write partner plan' (write-partner-plan) on a
    partner's side for 'Partner plan' (partner-plan)."
    """
    return _findings(model, "OPCC-D104")
