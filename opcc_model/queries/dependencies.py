"""Dependencies as findings: hand-offs across the boundary, and cycles (OPCC-D1xx).

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> list(cycles(model))
[]
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from opcc_model.findings import Finding
from opcc_model.graph import dependencies, is_cross_boundary
from opcc_model.location import Location
from opcc_model.model import Model
from opcc_model.queries.index import activity_sides, label, where
from opcc_model.queries.rules import check_rule, finding

__all__ = ["cross_boundary_dependencies", "cycles", "dependency_location"]

_SIDE_NAMES = {
    "commissioner": "the commissioner's side",
    "chief-constable": "the chief constable's side",
    "oversight": "the oversight side",
    "partner": "a partner's side",
    "public": "the public's side",
}


def dependency_location(model: Model, producer: str, consumer: str, /) -> Location | None:
    """Where the consumer states its dependency on the producer: the input or the ``after`` entry."""
    edge = dependencies(model).edges[producer, consumer]
    activity = model.activity(consumer)
    if edge["artifacts"]:
        return where(model, "activity", consumer, "inputs", activity.inputs.index(edge["artifacts"][0]))
    return where(model, "activity", consumer, "after", activity.after.index(producer))


@check_rule(
    "OPCC-D101", "info", "a dependency crosses the boundary (producer and consumer on different sides)", scope="model"
)
def cross_boundary_dependencies(model: Model, /) -> Iterator[Finding]:
    """Fires for every dependency whose producer and consumer are accountable on different sides.

    A dependency is ``A → B`` when B consumes what A produces or B is ``after`` A; it
    crosses when the two accountable sides differ and one of them is the commissioner or
    the chief constable.

    Why it matters: it is information, not a fault: these are the hand-offs the two
    offices must agree (an information-sharing protocol, a reporting timetable).

    Fix: nothing to fix; make one side accountable for both ends to remove it, or raise
    it to a warning in ``opcc.toml`` (``[severity] "OPCC-D101" = "warning"``) to review
    every hand-off.

    Example: ``set-budget`` (accountable ``pcc``) outputs ``budget`` that
    ``plan-deployment`` (accountable ``cc``) inputs: "'Plan deployment' (plan-deployment)
    on the chief constable's side depends on 'Set budget' (set-budget) on the
    commissioner's side for 'Budget' (budget)."
    """
    graph = dependencies(model)
    sides = activity_sides(model)
    for producer, consumer, artifacts in graph.edges(data="artifacts"):
        made, used = sides[producer], sides[consumer]
        # same side or nobody accountable never crosses: skip those before asking the graph layer
        if made == used or made is None or used is None or not is_cross_boundary(model, producer, consumer):
            continue
        what = ", ".join(label(model, "artifact", a) for a in artifacts) if artifacts else "its completion"
        yield finding(
            "OPCC-D101",
            [producer, consumer],
            f"{label(model, 'activity', consumer)} on {_SIDE_NAMES[used]} "
            f"depends on {label(model, 'activity', producer)} on {_SIDE_NAMES[made]} for {what}.",
            dependency_location(model, producer, consumer),
        )


_NAMED_IN_FULL = 6
"""Cycles with more members than this name a few of them in the message (all are in ``subject``)."""


@check_rule("OPCC-D102", "warning", "activities depend on each other in a cycle", scope="model")
def cycles(model: Model, /) -> Iterator[Finding]:
    """Fires once for each group of activities that depend on each other in a cycle.

    A group is a strongly connected component of the dependency graph with more than one
    activity: each of them waits, directly or through the others, for itself. The
    finding names exactly the activities of the group (sorted), and one cycle through them.
    Found in linear time (Tarjan's components), never by searching the whole graph for cycles.

    Why it matters: a plan that waits for the report that waits for the plan cannot start;
    usually one edge is really "the previous cycle's" output.

    Fix: remove the ``after`` entry or input that closes the loop (model last year's
    report as its own artifact).

    Example: ``a`` after ``b`` and ``b`` after ``a`` gives "'A' (a) and 'B' (b) depend on
    each other in a cycle: a → b → a."
    """
    graph = dependencies(model)
    groups = sorted(sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1)
    for members in groups:
        loop = [u for u, _ in nx.find_cycle(graph.subgraph(members), source=members[0])]
        names = [label(model, "activity", a) for a in members]
        if len(names) <= _NAMED_IN_FULL:
            listed = ", ".join(names[:-1]) + f" and {names[-1]}"
        else:  # a chief executive reads the loop; the subject still lists every member
            listed = f"{len(names)} activities, including {', '.join(names[:2])} and {names[2]},"
        yield finding(
            "OPCC-D102",
            members,
            f"{listed} depend on each other in a cycle: {' → '.join([*loop, loop[0]])}.",
            where(model, "activity", members[0]),
        )
