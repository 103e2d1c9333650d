"""Dependencies as findings: cycles (OPCC-D102), and where a dependency is written (the crossings are in crossings.py).

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> list(cycles(model))
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from opcc_model.findings import Finding
from opcc_model.graph import producers
from opcc_model.location import Location
from opcc_model.model import Model
from opcc_model.queries.index import label, where
from opcc_model.queries.rules import check_rule, finding

__all__ = ["SIDE_NAMES", "cycles", "cyclic_groups", "dependency_location", "dependents"]

SIDE_NAMES: dict[str, str] = {
    "commissioner": "the commissioner's side",
    "chief-constable": "the chief constable's side",
    "oversight": "the oversight side",
    "partner": "a partner's side",
    "public": "the public's side",
}


def dependency_location(model: Model, producer: str, consumer: str, /) -> Location | None:
    """Where the consumer states its dependency on the producer: the input or the ``after`` entry.

    The first (by id) of the artifacts the consumer takes from the producer, else the ``after``
    entry; raises ``KeyError`` when the consumer does not depend on the producer.

    >>> import opcc_model
    >>> model = opcc_model.load(opcc_model.example_root("minimal"))
    >>> dependency_location(model, "identify-stakeholders", "agree-outcomes").file
    'processes/engage-consult/conduct-stakeholder-analysis.yaml'
    """
    activity = model.activity(consumer)
    made_by = producers(model)
    flowing = [a for a in activity.inputs if producer in made_by.get(a, ())] if producer != consumer else []
    if flowing:
        return where(model, "activity", consumer, "inputs", activity.inputs.index(min(flowing)))
    if producer in activity.after:
        return where(model, "activity", consumer, "after", activity.after.index(producer))
    raise KeyError((producer, consumer))


def dependents(model: Model, /) -> dict[str, list[str]]:
    """For each activity id (and each unknown id an ``after`` names), the activities that depend on it, sorted.

    The successors of :func:`opcc_model.graph.dependencies` in the graph's order, as plain
    lists (no graph built). Built once per model and shared: do not mutate it.

    >>> import opcc_model
    >>> dependents(opcc_model.load(opcc_model.example_root("minimal")))["identify-stakeholders"]
    ['agree-outcomes']
    """
    return model.memo("q:dependents", _dependents)


def _dependents(model: Model) -> dict[str, list[str]]:
    made_by = producers(model)
    found: dict[str, set[str]] = {a.id: set() for a in model.activities}
    for activity in model.activities:
        consumer = activity.id
        for artifact in activity.inputs:
            for producer in made_by.get(artifact, ()):
                if producer != consumer:
                    found[producer].add(consumer)
        for before in activity.after:
            found.setdefault(before, set()).add(consumer)
    return {node: sorted(after) if len(after) > 1 else list(after) for node, after in found.items()}


def cyclic_groups(successors: Mapping[str, Sequence[str]], /) -> list[list[str]]:
    """The strongly connected components with more than one member, each sorted, in sorted order (Tarjan, iterative).

    The walk runs on positions (each node numbered once, its successors as lists of
    numbers), not on the ids: a national model has ~86,000 activities and ~430,000
    dependencies, and a list indexed by number costs less than a dictionary keyed by id.

    >>> cyclic_groups({"a": ["b"], "b": ["a", "c"], "c": [], "d": ["d"]})
    [['a', 'b']]
    """
    nodes = list(successors)
    roots = len(nodes)
    position = {node: i for i, node in enumerate(nodes)}
    adjacency: list[list[int]] = []
    for name in successors:
        row = []
        for successor in successors[name]:
            at = position.get(successor)
            if at is None:  # named only as a successor: a node without successors of its own
                at = position[successor] = len(nodes)
                nodes.append(successor)
            row.append(at)
        adjacency.append(row)
    adjacency.extend([] for _ in range(len(nodes) - roots))
    index = [-1] * len(nodes)
    low = [0] * len(nodes)
    on_stack = bytearray(len(nodes))
    stack: list[int] = []
    groups: list[list[str]] = []
    counter = 0
    for root in range(roots):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        work = [(root, iter(adjacency[root]))]
        while work:
            node, children = work[-1]
            for child in children:
                if index[child] < 0:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack[child] = 1
                    work.append((child, iter(adjacency[child])))
                    break
                if on_stack[child] and index[child] < low[node]:
                    low[node] = index[child]
            else:
                work.pop()
                if work and low[node] < low[work[-1][0]]:
                    low[work[-1][0]] = low[node]
                if low[node] == index[node]:
                    member = stack.pop()
                    on_stack[member] = 0
                    if member == node:
                        continue
                    members = [member]
                    while member != node:
                        member = stack.pop()
                        on_stack[member] = 0
                        members.append(member)
                    groups.append(sorted([nodes[i] for i in members]))
    return sorted(groups)


def _loop(successors: Mapping[str, Sequence[str]], members: list[str]) -> list[str]:
    """One cycle through ``members`` from the first, the one :func:`networkx.find_cycle` finds on the graph's subgraph.

    The same walk as networkx's (a depth-first walk of the edges from the first member, each
    member's dependents in the graph's order; the active path is cut back on backtracking;
    the first edge to reach the active path closes the loop), on plain lists: the message
    names the same loop without building a graph of the group.
    """
    inside = set(members)
    start = members[0]
    walks: dict[str, Iterator[str]] = {}
    stack = [start]
    path: list[tuple[str, str]] = []  # the edges of the active path
    active = {start}
    previous: str | None = None
    while stack:
        tail = stack[-1]
        if tail not in walks:
            walks[tail] = (v for v in successors.get(tail, ()) if v in inside)
        head = next(walks[tail], None)
        if head is None:
            stack.pop()
            continue
        stack.append(head)
        if previous is not None and tail != previous:  # backtracked: cut the path back to ``tail``
            while True:
                if not path:
                    active = {tail}
                    break
                active.remove(path.pop()[1])
                if path and path[-1][1] == tail:
                    break
        path.append((tail, head))
        if head in active:
            first = next(i for i, (u, _) in enumerate(path) if u == head)
            return [u for u, _ in path[first:]]
        active.add(head)
        previous = head
    raise ValueError(f"no cycle through {start!r}")  # the members are a strongly connected group: never


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
    successors = dependents(model)
    for members in cyclic_groups(successors):
        loop = _loop(successors, members)
        names = [label(model, "activity", a) for a in (members if len(members) <= _NAMED_IN_FULL else members[:3])]
        if len(members) <= _NAMED_IN_FULL:
            listed = ", ".join(names[:-1]) + f" and {names[-1]}"
        else:  # a chief executive reads the loop; the subject still lists every member (only the named are labelled)
            listed = f"{len(members)} activities, including {', '.join(names[:2])} and {names[2]},"
        yield finding(
            "OPCC-D102",
            members,
            f"{listed} depend on each other in a cycle: {' → '.join([*loop, loop[0]])}.",
            where(model, "activity", members[0]),
        )
