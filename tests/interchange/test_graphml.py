"""GraphML of the model graph reads back with networkx, same nodes, edges and attributes, same bytes."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

import opcc_model
from opcc_model.cli import main
from opcc_model.graph import build
from opcc_model.render.graphml import to_graphml


def test_reads_back_with_the_model_graphs_nodes_and_edges(model):
    g = nx.read_graphml(io.BytesIO(to_graphml(model)), force_multigraph=True)
    source = build(model)
    assert set(g.nodes) == set(source.nodes)
    for node, data in source.nodes(data=True):
        assert g.nodes[node] == {k: str(v) for k, v in data.items()}
    read = sorted((u, v, d["kind"], d.get("letter", "")) for u, v, d in g.edges(data=True))
    want = sorted((u, v, d["kind"], d.get("letter", "")) for u, v, d in source.edges(data=True))
    assert read == want


def test_nodes_and_edges_are_sorted_and_bytes_stable(model):
    data = to_graphml(model)
    assert data == to_graphml(opcc_model.load(Path(__file__).resolve().parent.parent / "fixtures" / "interchange"))
    g = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert list(g.nodes) == sorted(g.nodes)
    assert [(u, v) for u, v in g.edges()] == sorted((u, v) for u, v in g.edges())


def test_cli_writes_the_file(tmp_path):
    out = tmp_path / "model.graphml"
    assert main(["export", "graphml", str(opcc_model.example_root("minimal")), "--out", str(out)]) == 0
    assert out.read_bytes() == to_graphml(opcc_model.load(opcc_model.example_root("minimal")))
    assert main(["export", "graphml", str(tmp_path / "missing"), "--out", str(tmp_path / "x.graphml")]) == 2
    assert not (tmp_path / "x.graphml").exists()
