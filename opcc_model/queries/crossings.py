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

from opcc_model.findings import Finding
from opcc_model.graph import producers
from opcc_model.model import PRINCIPAL_SIDES, SIDES, Model, Side
from opcc_model.queries.dependencies import SIDE_NAMES
from opcc_model.queries.index import activity_sides, label, locator, names
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


_CODES: dict[tuple[Side | None, Side | None], str] = {
    (source, target): code for source in SIDES for target in SIDES if (code := crossing_code(source, target)) is not None
}
"""The finding code of each pair of sides (source, target) that crosses; a pair with ``None`` (nobody accountable) never does."""


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


def _crossings(model: Model) -> list[BoundaryCrossing]:
    """The crossings, from the activities' inputs and ``after`` lists: only the dependencies that cross are kept.

    The same crossings as grouping the edges of :func:`opcc_model.graph.dependencies` (an
    edge's ``artifacts`` are every artifact the consumer takes from that producer), without
    building the graph: a national model has about five dependencies per activity, and
    only the crossing ones are grouped and worded.
    """
    sides = activity_sides(model)
    made_by = producers(model)
    flows: dict[tuple[str, str], set[str]] = defaultdict(set)  # crossing (producer, consumer) -> the artifacts
    ordered: dict[tuple[str, str], None] = {}  # crossing ``after`` pairs (in file order: the sort below finds runs)
    for activity in model.activities:
        consumer = activity.id
        target = sides[consumer]
        for artifact in activity.inputs:
            for producer in made_by.get(artifact, ()):
                if producer != consumer and (sides[producer], target) in _CODES:
                    flows[(producer, consumer)].add(artifact)
        for before in activity.after:
            if (sides[before], target) in _CODES:  # an unknown id: KeyError, and check() reports the located error
                ordered[(before, consumer)] = None
    edges: dict[tuple[str, str], tuple[str, ...]] = dict.fromkeys(ordered, ())
    edges.update((edge, tuple(made) if len(made) == 1 else tuple(sorted(made))) for edge, made in flows.items())
    inner = _inner_activities(model)
    groups: dict[tuple[str, Side, Side, tuple[str, ...], str], list[str]] = defaultdict(list)
    for (producer, consumer), artifacts in edges.items():
        if artifacts and _reported_inside(edges, inner, producer, consumer, artifacts):
            continue
        # producers of the same artifacts are one crossing; an ``after`` ordering is its own
        source, target = sides[producer], sides[consumer]
        groups[(consumer, source, target, artifacts, "" if artifacts else producer)].append(producer)  # type: ignore[index]
    return [
        BoundaryCrossing(_CODES[(source, target)], tuple(sorted(producers_)), consumer, artifacts, source, target)
        for (consumer, source, target, artifacts, _), producers_ in sorted(groups.items())
    ]


def _reported_inside(
    edges: dict[tuple[str, str], tuple[str, ...]], inner: dict[str, frozenset[str]], producer: str, consumer: str,
    artifacts: tuple[str, ...],
) -> bool:
    """Whether an inner activity of ``producer`` (or of ``consumer``) crosses with the same ``artifacts``: report that one.

    ``edges`` holds the crossing dependencies only, so a dependency found there crosses.
    """
    wanted = set(artifacts)
    for inside in inner.get(producer, ()):
        there = edges.get((inside, consumer))
        if there and wanted.issubset(there):
            return True
    for inside in inner.get(consumer, ()):
        there = edges.get((producer, inside))
        if there and wanted.issubset(there):
            return True
    return False


def boundary_crossings(model: Model, /) -> list[BoundaryCrossing]:
    """Every crossing of the boundary, each once (see the module's rules), sorted by consumer, side and artifacts.

    Built once per model (memoized): O(dependencies + crossings × inner activities of sub-processes).
    """
    return model.memo("q:crossings", _crossings)


class _Labels(dict[str, str]):
    """:func:`label` for one kind, each key labelled once (a national check labels tens of thousands)."""

    def __init__(self, model: Model, kind: str) -> None:
        super().__init__()
        self.known = names(model, kind)

    def __missing__(self, key: str) -> str:
        name = self.known.get(key)
        made = self[key] = f"'{key}'" if name is None else f"'{name}' ({key})"
        return made


def _labeller(model: Model, kind: str) -> Callable[[str], str]:
    """:func:`label` for one kind, its names fetched once and each label made once."""
    return _Labels(model, kind).__getitem__


def _message(model: Model, crossing: BoundaryCrossing, activity: Callable[[str], str] | None = None,
             artifact: Callable[[str], str] | None = None) -> str:
    activity = activity or _labeller(model, "activity")
    artifact = artifact or _labeller(model, "artifact")
    what = ", ".join(map(artifact, crossing.artifacts)) if crossing.artifacts else "its completion"
    producers = crossing.producers
    names = [activity(p) for p in (producers if len(producers) <= _NAMED_PRODUCERS else producers[:3])]
    if len(producers) == 1:
        whom = names[0]
    elif len(producers) <= _NAMED_PRODUCERS:
        whom = f"{len(names)} activities ({', '.join(names[:-1])} and {names[-1]})"
    else:
        whom = f"{len(producers)} activities ({', '.join(names)} and {len(producers) - 3} more)"
    return (
        f"{activity(crossing.consumer)} on {SIDE_NAMES[crossing.target]} "
        f"depends on {whom} on {SIDE_NAMES[crossing.source]} for {what}."
    )


def _findings(model: Model, code: str) -> Iterator[Finding]:
    activity, artifact = _labeller(model, "activity"), _labeller(model, "artifact")
    located, activities = locator(model), model.activity
    for crossing in boundary_crossings(model):
        if crossing.code == code:
            # where the consumer names the first producer: its edge's artifacts are the crossing's (grouped by them)
            consumer = activities(crossing.consumer)
            if crossing.artifacts:
                location = located("activity", consumer.id, "inputs", consumer.inputs.index(crossing.artifacts[0]))
            else:
                location = located("activity", consumer.id, "after", consumer.after.index(crossing.producers[0]))
            yield finding(code, [*crossing.producers, crossing.consumer], _message(model, crossing, activity, artifact),
                          location)


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
