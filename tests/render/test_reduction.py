"""minimal_equivalent keeps reachability, drops every implied edge, and is the transitive reduction on a DAG."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from opcc_model.render.reduction import minimal_equivalent

EDGES = st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=25)


def _reach(g: nx.DiGraph) -> set[tuple[int, int]]:
    return {(a, b) for a in g for b in nx.descendants(g, a)}


@settings(max_examples=60, deadline=None)
@given(EDGES)
def test_same_reachability_and_minimal(edges: list[tuple[int, int]]) -> None:
    g = nx.DiGraph([(a, b) for a, b in edges if a != b])
    g.add_nodes_from(range(8))
    reduced = minimal_equivalent(g, position={n: n for n in g})
    assert set(reduced.edges()) <= set(g.edges())
    assert _reach(reduced) == _reach(g)
    for a, b in list(reduced.edges()):
        rest = reduced.copy()
        rest.remove_edge(a, b)
        assert not nx.has_path(rest, a, b)


@settings(max_examples=60, deadline=None)
@given(EDGES, st.permutations(list(range(8))))
def test_transitive_reduction_on_a_dag(edges: list[tuple[int, int]], order: list[int]) -> None:
    g = nx.DiGraph([(min(a, b), max(a, b)) for a, b in edges if a != b])
    g.add_nodes_from(range(8))
    reduced = minimal_equivalent(g, position={n: order[n] for n in g})
    assert set(reduced.edges()) == set(nx.transitive_reduction(g).edges())
