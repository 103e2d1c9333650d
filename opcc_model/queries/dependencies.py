"""Dependencies as findings: cycles (OPCC-D102), and where a dependency is written (the crossings are in crossings.py).

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> list(cycles(model))
[]
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from opcc_model.findings import Finding
from opcc_model.graph import dependencies
from opcc_model.location import Location
from opcc_model.model import Model
from opcc_model.queries.index import label, where
from opcc_model.queries.rules import check_rule, finding

__all__ = ["SIDE_NAMES", "cycles", "dependency_location"]

SIDE_NAMES: dict[str, str] = {
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
