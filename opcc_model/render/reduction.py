"""The dependency edges a process map draws: the fewest edges that keep every dependency reachable.

An edge implied by a longer path (``A → B → C`` implies ``A → C``) is not drawn. On an
acyclic graph this is the transitive reduction; with a cycle (a draft that goes round
the Chief Constable and the Panel and back) it is a minimal equivalent graph: edges are
dropped one at a time, longest jumps backwards first, while the rest still connects
their ends, so every dependency stays a path of drawn edges.

>>> import opcc_model
>>> m = opcc_model.load(opcc_model.example_root("minimal"))
>>> [(a, b) for a, b, _ in drawn_dependencies(m, "conduct-stakeholder-analysis")]
[('identify-stakeholders', 'agree-outcomes')]
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import networkx as nx

from opcc_model.graph import dependencies
from opcc_model.model import Model

__all__ = ["drawn_dependencies", "minimal_equivalent"]


def minimal_equivalent(graph: nx.DiGraph, /, *, position: Mapping[Hashable, int]) -> nx.DiGraph:
    """A subgraph of ``graph`` with the same reachability and no edge implied by the others.

    Edges are tried for removal backward ones first (by ``position``, the drawing order),
    then forward ones, the longest jumps first within each; a tried edge goes when its
    head is still reachable from its tail without it. On a DAG the result is the
    transitive reduction whatever the order. Nodes and edge attributes are kept.

    >>> g = nx.DiGraph([(1, 2), (2, 3), (1, 3), (3, 1)])
    >>> sorted(minimal_equivalent(g, position={1: 0, 2: 1, 3: 2}).edges())
    [(1, 2), (2, 3), (3, 1)]
    """
    reduced = graph.copy()

    def order(edge: tuple[Hashable, Hashable]) -> tuple[bool, int, int, int]:
        tail, head = position[edge[0]], position[edge[1]]
        return (head > tail, -abs(head - tail), tail, head)

    for tail, head in sorted(graph.edges(), key=order):
        if tail == head:
            continue
        data = reduced.edges[tail, head]
        reduced.remove_edge(tail, head)
        if not nx.has_path(reduced, tail, head):
            reduced.add_edge(tail, head, **data)
    return reduced


def drawn_dependencies(model: Model, process_id: str, /) -> list[tuple[str, str, tuple[str, ...]]]:
    """The dependencies between activities of ``process_id`` that its map draws, ``(producer, consumer, artifacts)``, sorted.

    Every dependency inside the process is a path of these edges; none of them is implied
    by the others. Raises :class:`opcc_model.NotFound` when the process is not in the model.

    >>> import opcc_model
    >>> m = opcc_model.load(opcc_model.example_root("minimal"))
    >>> drawn_dependencies(m, "conduct-stakeholder-analysis")[0][2]
    ('stakeholder-map',)
    """
    process = model.process(process_id)
    position: dict[Hashable, int] = {a.id: i for i, a in enumerate(process.activities)}
    inside = dependencies(model).subgraph(position)
    reduced = minimal_equivalent(nx.DiGraph(inside), position=position)
    return sorted((a, b, data["artifacts"]) for a, b, data in reduced.edges(data=True))
