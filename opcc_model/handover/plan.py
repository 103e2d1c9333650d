"""The first 100 days: day 1, week 1, month 1 and the first 100 days, ordered by deadlines and dependencies.

The steps are activities of the new arrangement's model: those with a deadline in the first
100 days (from :func:`~opcc_model.handover.obligations.obligations`; not the monthly or
quarterly routine), those the transition
rules name (re-make the scheme, appoint a deputy), and the activities of the same process
that come before them in the dependency graph (``after:`` and artifacts). A step lands in the
latest bucket that ends on or before its deadline, and never before a step it depends on; a
step without a deadline takes its rule's bucket (``plan:``), or its dependant's.

>>> import datetime, opcc_model
>>> model = opcc_model.load(opcc_model.reference_root())
>>> from opcc_model.handover.obligations import obligations
>>> on = datetime.date(2028, 1, 10)
>>> steps = first_100_days(model, "example-england", on, "election", obligations(model, "example-england", on, "election"))
>>> [(s.activity, s.bucket) for s in steps if s.activity == "propose-precept"]
[('propose-precept', 'week-1')]
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import networkx as nx

from opcc_model.errors import NotFound
from opcc_model.graph import dependencies
from opcc_model.handover.items import role_name, rules_for
from opcc_model.handover.obligations import Obligation
from opcc_model.handover.years import BUCKETS, bucket_for, buckets
from opcc_model.law import PlanBucket, TransitionEvent
from opcc_model.model import Activity, Model

__all__ = ["Step", "first_100_days", "who_for"]

_INDEX = {name: i for i, (name, _) in enumerate(BUCKETS)}


@dataclass(frozen=True)
class Step:
    """One step of the plan: an activity, its bucket and the day it must be done by, who does it, what comes first."""

    activity: str
    name: str
    bucket: PlanBucket
    by: datetime.date
    """The last day of the step's bucket."""
    due: datetime.date | None
    """Its statutory deadline, when one falls in the first 100 days."""
    who: str
    after: tuple[str, ...]
    """The steps of the plan it depends on directly (activity ids)."""
    why: str


def who_for(model: Model, area: str, activity: Activity, on: datetime.date, /) -> str:
    """Who does ``activity``: its accountable role, the roles responsible, and a delegation of the area's scheme in force on ``on``."""
    boundary = model.boundary(area)
    if activity.accountable is None:
        return "nobody accountable"
    text = role_name(model, boundary, activity.accountable)
    if activity.responsible:
        text += " (R: " + ", ".join(role_name(model, boundary, r) for r in activity.responsible) + ")"
    delegated = sorted({
        role_name(model, boundary, d.to) for d in boundary.delegations
        if d.by == activity.accountable and d.in_force(on)
        and any(code == d.pag or code.startswith(d.pag + ".") for code in activity.pag)
    })
    if delegated:
        text += "; delegated to " + ", ".join(delegated)
    return text


def _applies(model: Model, area: str, activity_id: str) -> bool:
    try:
        activity, process = model.activity(activity_id), model.process_of(activity_id)
    except NotFound:
        return False
    return activity.applies_in(model.boundary(area).jurisdiction) and (not process.areas or area in process.areas)


def _routine(model: Model, item: Obligation) -> bool:
    """Whether the obligation recurs more often than yearly (a monthly publication is routine, not a transition step)."""
    return item.kind == "recurring" and any(r.every in ("month", "quarter") for r in model.activity(item.activity).recurs)


def _seeds(model: Model, area: str, on: datetime.date, event: TransitionEvent, due: tuple[Obligation, ...], route: str | None
           ) -> dict[str, tuple[datetime.date | None, int | None, str]]:
    """``{activity: (deadline, bucket index, why)}`` for each step the plan starts from."""
    seeds: dict[str, tuple[datetime.date | None, int | None, str]] = {}
    for item in due:
        bucket = bucket_for(on, item.date)
        if bucket is None or not item.activity or not _applies(model, area, item.activity) or _routine(model, item):
            continue
        old = seeds.get(item.activity)
        if old is None or (old[0] is not None and item.date < old[0]):
            seeds[item.activity] = (item.date, bucket.position, f"due {item.date.isoformat()} ({item.basis})")
    for rule in rules_for(model, event, route):
        if rule.plan is None or (rule.applies_to == "deputy" and not model.boundary(area).deputy):
            continue
        for activity_id in rule.activities:
            if _applies(model, area, activity_id) and activity_id not in seeds:
                seeds[activity_id] = (None, _INDEX[rule.plan], f"{rule.effect}: {rule.what}")
    return seeds


def _reached(graph: nx.DiGraph, sources: set[str], *, forward: bool) -> set[str]:
    """Every node reached from any of ``sources`` (one walk for them all), the sources included."""
    step = graph.successors if forward else graph.predecessors
    seen, todo = set(sources), list(sources)
    while todo:
        for nxt in step(todo.pop()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _order(graph: nx.DiGraph, chosen: set[str]) -> nx.DiGraph:
    """``u -> v`` for every pair of ``chosen`` where ``v`` is reachable from ``u`` in ``graph``.

    A path between two chosen nodes runs only through nodes both reachable from one and reaching
    one, so the walks stay inside that part of the graph (small, on a national model too).
    """
    between = graph.subgraph(_reached(graph, chosen, forward=True) & _reached(graph, chosen, forward=False))
    order = nx.DiGraph()
    order.add_nodes_from(chosen)
    order.add_edges_from((u, v) for u in sorted(chosen) for v in nx.descendants(between, u) & chosen)
    return order


def first_100_days(model: Model, area: str, on: datetime.date, event: TransitionEvent, due: tuple[Obligation, ...], /,
                   *, route: str | None = None) -> tuple[Step, ...]:
    """The plan's steps for ``area`` from ``on``, in order: by bucket, then dependencies first, then id."""
    seeds = _seeds(model, area, on, event, due, route)
    graph = dependencies(model)
    chosen = set(seeds)
    for activity_id in seeds:
        process = model.process_of(activity_id).id
        chosen |= {a for a in nx.ancestors(graph, activity_id) if _applies(model, area, a) and model.process_of(a).id == process}
    order = _order(graph, chosen)
    groups = nx.condensation(order)
    members = {n: sorted(groups.nodes[n]["members"]) for n in groups}
    topo = list(nx.lexicographical_topological_sort(groups, key=lambda n: members[n][0]))
    last = len(BUCKETS) - 1
    latest: dict[int, int] = {}
    default: dict[int, int | None] = {}
    for n in reversed(topo):
        after = list(groups.successors(n))
        own = [p for a in members[n] if a in seeds and seeds[a][0] is not None for p in (seeds[a][1],) if p is not None]
        latest[n] = min([*own, *(latest[s] for s in after)], default=last)
        given = [p for a in members[n] if a in seeds for p in (seeds[a][1],) if p is not None]
        inherited = [p for s in after for p in (default[s],) if p is not None]
        default[n] = min(given or inherited) if (given or inherited) else None
    placed: dict[int, int] = {}
    for n in topo:
        earliest = max((placed[p] for p in groups.predecessors(n)), default=0)
        wanted = default[n]
        placed[n] = max(earliest, min(wanted if wanted is not None else latest[n], latest[n]))
    reduced = nx.transitive_reduction(groups)
    ends = buckets(on)
    steps = []
    for rank, n in enumerate(topo):
        for activity_id in members[n]:
            activity = model.activity(activity_id)
            deadline, _, why = seeds.get(activity_id, (None, None, ""))
            if not why:
                dependants = sorted(a for s in nx.descendants(groups, n) for a in members[s] if a in seeds)
                why = "comes before " + ", ".join(dependants[:3]) + (" ..." if len(dependants) > 3 else "")
            before = tuple(a for p in sorted(reduced.predecessors(n), key=topo.index) for a in members[p])
            bucket = ends[placed[n]]
            steps.append((placed[n], rank, activity_id, Step(activity_id, activity.name, bucket.name, bucket.end, deadline,
                                                             who_for(model, area, activity, on), before, why)))
    return tuple(step for *_, step in sorted(steps, key=lambda s: s[:3]))
