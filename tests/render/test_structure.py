"""Structure checked on Graphviz's own layout (both backends): lanes, dependency edges, links that resolve."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from opcc_model.cli import main
from opcc_model.graph import dependencies, side_of_activity
from opcc_model.render.backend import layout
from opcc_model.render.dependencymap import dependency_edges, dependency_map
from opcc_model.render.draw import node_id
from opcc_model.render.processmap import process_map


def _laid_out(source: str, backend: str) -> dict:
    return json.loads(layout(source, "json", backend=backend))


@pytest.mark.parametrize("lanes", ["side", "role"])
def test_every_activity_drawn_once_in_its_lane(model, backend: str, lanes: str) -> None:
    for process in model.processes:
        data = _laid_out(process_map(model, process.id, lanes=lanes).source, backend)
        objects = data["objects"]
        names = [o["name"] for o in objects]
        for activity in process.activities:
            key = node_id("activity", activity.id)
            assert names.count(key) == 1, (process.id, key)
            lane_key = side_of_activity(model, activity.id) if lanes == "side" else activity.accountable
            holding = [o["name"] for o in objects if "nodes" in o and names.index(key) in o["nodes"]]
            assert holding == [f"cluster_lane_{lane_key}"], (key, holding)


@pytest.mark.parametrize("which", ["example", "reference"])
def test_every_dependency_is_a_path_of_drawn_edges(model, backend: str, which: str) -> None:
    """Each drawn edge is a dependency not implied by the others; each dependency is a path of drawn edges."""
    import networkx as nx

    import opcc_model

    model = model if which == "example" else opcc_model.load(opcc_model.reference_root())
    implied = 0
    for process in model.processes:
        data = _laid_out(process_map(model, process.id).source, backend)
        names = {o["_gvid"]: o["name"] for o in data["objects"]}
        ids = {a.id for a in process.activities}
        drawn = nx.DiGraph()
        drawn.add_nodes_from(ids)
        drawn.add_edges_from(
            (t[len("activity.") :], h[len("activity.") :])
            for t, h in ((names[e["tail"]], names[e["head"]]) for e in data.get("edges", []) if not e.get("id", "").startswith("outcome-"))
            if t.startswith("activity.") and h.startswith("activity.")
        )
        inside = dependencies(model).subgraph(ids)
        assert set(drawn.edges()) <= set(inside.edges()), process.id
        for a, b in inside.edges():  # every dependency still reads off the map
            assert nx.has_path(drawn, a, b), (process.id, a, b)
            implied += (a, b) not in drawn.edges()
        for a, b in drawn.edges():  # and no drawn edge is implied by the other drawn edges
            rest = drawn.copy()
            rest.remove_edge(a, b)
            assert not nx.has_path(rest, a, b), (process.id, a, b)
        if nx.is_directed_acyclic_graph(inside):
            assert set(drawn.edges()) == set(nx.transitive_reduction(inside).edges()), process.id
    assert implied or which == "example", "the reference model has dependencies implied by longer paths"


def test_dependency_map_draws_every_dependency(model, backend: str) -> None:
    data = _laid_out(dependency_map(model).source, backend)
    names = {o["_gvid"]: o["name"] for o in data["objects"]}
    drawn = {(names[e["tail"]], names[e["head"]]) for e in data["edges"]}
    assert {(node_id("activity", a), node_id("activity", b)) for a, b, _ in dependency_edges(model)} <= drawn
    assert len(dependency_edges(model)) == dependencies(model).number_of_edges()


def test_cross_boundary_filter_keeps_only_crossing_edges(model) -> None:
    from opcc_model.graph import is_cross_boundary

    crossing = dependency_edges(model, cross_boundary_only=True)
    assert crossing and all(is_cross_boundary(model, a, b) for a, b, _ in crossing)


def test_every_link_resolves_after_render(model, backend: str, tmp_path: Path, monkeypatch) -> None:
    from opcc_model import example_root

    monkeypatch.setenv("OPCC_GRAPHVIZ", backend)
    assert main(["render", str(example_root("process-maps")), "--out", str(tmp_path), "-j", "2"]) == 0
    svgs = sorted(tmp_path.glob("*.svg"))
    assert len(svgs) == len(model.processes) + len(model.stages) + len(model.boundaries) + 2
    links = set()
    for svg in svgs:
        for href in re.findall(r'xlink:href="([^"]+)"', svg.read_text(encoding="utf-8")):
            links.add(href)
            if not href.startswith(("http://", "https://")):
                assert (tmp_path / href).is_file(), f"{svg.name} links to missing {href}"
    for process in model.processes:  # every process map is reachable by a link
        assert f"process-{process.id}.svg" in links
