"""The crossings (OPCC-D101/D103/D104) and cycles (OPCC-D102) found without the dependency graph are the graph's.

``check`` used to group the edges of :func:`opcc_model.graph.dependencies` (a networkx graph
of every dependency) into crossings, and to find cycles with networkx's components and
``find_cycle`` on it. It now works from the activities' inputs and ``after`` lists (issue 17,
bar 1). The graph-based definitions are kept here, as they were, and both must give the same
crossings, the same findings (codes, subjects, messages, locations, order) on the shipped
models, a generated national-style model and small hypothesis models with sub-processes,
``after`` orderings and loops.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opcc_model
from bench.generate import generate
from opcc_model.graph import dependencies
from opcc_model.model import SIDES, Activity, Artifact, Model, PagCode, Process, Role, Stage
from opcc_model.queries import crossings as new
from opcc_model.queries.dependencies import cycles, cyclic_groups, dependency_location, dependents
from opcc_model.queries.index import activity_sides, label, where
from opcc_model.queries.rules import finding

# --- the graph-based definitions, as they were before this change -------------------------------------------------


def _old_location(model: Model, producer: str, consumer: str) -> opcc_model.Location | None:
    edge = dependencies(model).edges[producer, consumer]
    activity = model.activity(consumer)
    if edge["artifacts"]:
        return where(model, "activity", consumer, "inputs", activity.inputs.index(edge["artifacts"][0]))
    return where(model, "activity", consumer, "after", activity.after.index(producer))


def _old_crosses(source: str | None, target: str | None) -> bool:
    return source is not None and target is not None and new.crossing_code(source, target) is not None  # type: ignore[arg-type]


def _old_reported_inside(graph: nx.DiGraph, inner: dict[str, frozenset[str]], sides: dict, producer: str, consumer: str) -> bool:
    artifacts = set(graph.edges[producer, consumer]["artifacts"])
    if not artifacts:
        return False
    for inside in inner.get(producer, ()):
        if graph.has_edge(inside, consumer) and artifacts <= set(graph.edges[inside, consumer]["artifacts"]):
            if _old_crosses(sides[inside], sides[consumer]):
                return True
    for inside in inner.get(consumer, ()):
        if graph.has_edge(producer, inside) and artifacts <= set(graph.edges[producer, inside]["artifacts"]):
            if _old_crosses(sides[producer], sides[inside]):
                return True
    return False


def old_crossings(model: Model) -> list[new.BoundaryCrossing]:
    graph = dependencies(model)
    sides = activity_sides(model)
    inner = new._inner_activities(model)
    groups: dict[tuple, list[str]] = defaultdict(list)
    for producer, consumer, artifacts in graph.edges(data="artifacts"):
        source, target = sides[producer], sides[consumer]
        if source is None or target is None or new.crossing_code(source, target) is None:
            continue
        if _old_reported_inside(graph, inner, sides, producer, consumer):
            continue
        groups[(consumer, source, target, artifacts, "" if artifacts else producer)].append(producer)
    found = []
    for (consumer, source, target, artifacts, _), producers in sorted(groups.items()):
        code = new.crossing_code(source, target) or ""
        found.append(new.BoundaryCrossing(code, tuple(sorted(producers)), consumer, artifacts, source, target))
    return found


def old_crossing_findings(model: Model, code: str) -> Iterator[opcc_model.Finding]:
    for crossing in old_crossings(model):
        if crossing.code == code:
            yield finding(code, [*crossing.producers, crossing.consumer], new._message(model, crossing),
                          _old_location(model, crossing.producers[0], crossing.consumer))


def old_cycles(model: Model) -> Iterator[opcc_model.Finding]:
    graph = dependencies(model)
    groups = sorted(sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1)
    for members in groups:
        loop = [u for u, _ in nx.find_cycle(graph.subgraph(members), source=members[0])]
        names = [label(model, "activity", a) for a in members]
        if len(names) <= 6:
            listed = ", ".join(names[:-1]) + f" and {names[-1]}"
        else:
            listed = f"{len(names)} activities, including {', '.join(names[:2])} and {names[2]},"
        yield finding("OPCC-D102", members, f"{listed} depend on each other in a cycle: {' → '.join([*loop, loop[0]])}.",
                      where(model, "activity", members[0]))


# --- the comparison ---------------------------------------------------------------------------------------------------

RULES = {
    "OPCC-D101": new.crossings_between_principals,
    "OPCC-D103": new.crossings_with_oversight,
    "OPCC-D104": new.crossings_with_partners,
}


def assert_same(model: Model) -> int:
    """The new and the graph-based definitions agree on ``model``; the number of crossings compared."""
    fresh = model.model_copy()  # no memo shared between the two definitions
    assert new.boundary_crossings(fresh) == old_crossings(model)
    for code, rule in RULES.items():
        assert list(rule(fresh)) == list(old_crossing_findings(model, code)), code
    assert list(cycles(fresh)) == list(old_cycles(model))
    graph = dependencies(model)
    assert dependents(fresh) == {u: list(graph.successors(u)) for u in graph}
    for producer, consumer in list(graph.edges)[:200]:
        assert dependency_location(fresh, producer, consumer) == _old_location(model, producer, consumer)
    return len(old_crossings(model))


def test_reference_model() -> None:
    assert assert_same(opcc_model.load(opcc_model.reference_root())) > 50


def test_examples() -> None:
    for name in ("minimal",):
        assert_same(opcc_model.load(opcc_model.example_root(name)))


def test_generated_model_with_its_loop(tmp_path) -> None:
    """Two areas, a shared part: thousands of crossings, and one strongly connected group of most activities."""
    generate(str(tmp_path), areas=2, activities=300, shared=40, seed=3)
    model = opcc_model.load(str(tmp_path))
    assert assert_same(model) > 100
    assert len(list(cycles(model))) == 1


def test_cyclic_groups_are_networkx_components() -> None:
    successors = {"a": ["b"], "b": ["c", "d"], "c": ["a"], "d": ["e"], "e": ["d", "e"], "f": []}
    assert cyclic_groups(successors) == [["a", "b", "c"], ["d", "e"]]


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from("abcdefghij"), st.lists(st.sampled_from("abcdefghijkl"), max_size=4), max_size=10))
def test_cyclic_groups_match_networkx_on_any_graph(successors: dict[str, list[str]]) -> None:
    """Nodes named only as successors (k, l), self-loops and repeated edges included."""
    graph = nx.DiGraph()
    graph.add_nodes_from(successors)
    graph.add_edges_from((u, v) for u, vs in successors.items() for v in vs)
    expected = sorted(sorted(group) for group in nx.strongly_connected_components(graph) if len(group) > 1)
    assert cyclic_groups(successors) == expected


@st.composite
def small_models(draw: st.DrawFn) -> Model:
    """Activities on random sides (or nobody accountable), some opening sub-processes, with inputs, outputs and ``after``."""
    roles = tuple(Role(id=f"r-{side}", name=side, side=side) for side in SIDES)
    artifacts = tuple(Artifact(id=f"x{i}", name=f"X{i}", kind="document") for i in range(4))
    processes = [f"p{i}" for i in range(draw(st.integers(1, 4)))]
    count = draw(st.integers(2, 12))
    ids = [f"a{i}" for i in range(count)]
    artifact_ids = [a.id for a in artifacts]
    held: dict[str, list[Activity]] = defaultdict(list)
    for activity_id in ids:
        opens = draw(st.none() | st.sampled_from(processes))
        held[draw(st.sampled_from(processes))].append(
            Activity(
                id=activity_id,
                name=activity_id.upper(),
                kind="subprocess" if opens else draw(st.sampled_from(["task", "decision"])),
                process=opens,
                accountable=draw(st.none() | st.sampled_from([r.id for r in roles])),
                inputs=tuple(draw(st.lists(st.sampled_from(artifact_ids), max_size=3, unique=True))),
                outputs=tuple(draw(st.lists(st.sampled_from(artifact_ids), max_size=3, unique=True))),
                after=tuple(draw(st.lists(st.sampled_from(ids), max_size=2, unique=True))),
            )
        )
    parents = {p: draw(st.none() | st.sampled_from(processes[:i])) if i else None for i, p in enumerate(processes)}
    return Model(
        mandate="x0",
        outcomes=("x3",),
        stages=(Stage(id="s", name="S"),),
        roles=roles,
        artifacts=artifacts,
        processes=tuple(
            Process(id=p, name=p.upper(), stage="s", parent=parents[p], activities=tuple(held[p])) for p in processes
        ),
        codes=(PagCode(code="1", name="One"),),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_models())
def test_small_models(model: Model) -> None:
    assert_same(model)
