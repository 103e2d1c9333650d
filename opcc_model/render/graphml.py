"""GraphML of the model graph (for Gephi and yEd): sorted nodes and edges, attributes as text.

>>> import opcc_model, io, networkx as nx
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> g = nx.read_graphml(io.BytesIO(to_graphml(model)))
>>> g.nodes["activity:agree-outcomes"]["name"]
'Agree outcomes with partners'
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import networkx as nx

from opcc_model.atomic import write_bytes
from opcc_model.graph import build
from opcc_model.model import Model
from opcc_model.render.xmltext import xml_clean

__all__ = ["graphml_graph", "to_graphml", "write_graphml"]


def _text(value: object) -> str:
    if isinstance(value, (tuple, list)):
        return xml_clean(" ".join(map(str, value)))
    return xml_clean(str(value))


def graphml_graph(model: Model, /) -> nx.MultiDiGraph:
    """A copy of :func:`opcc_model.graph.build` with sorted nodes and edges and every attribute a string.

    Edge keys are ``kind`` (plus ``-N`` when one kind joins a pair twice).

    >>> import opcc_model
    >>> g = graphml_graph(opcc_model.load(opcc_model.example_root("minimal")))
    >>> next(iter(g.nodes))
    'activity:agree-outcomes'
    """
    source = build(model)
    g = nx.MultiDiGraph()
    for node in sorted(source.nodes):
        g.add_node(xml_clean(node), **{k: _text(v) for k, v in sorted(source.nodes[node].items())})
    edges = sorted(
        (u, v, tuple(sorted((k, _text(x)) for k, x in data.items()))) for u, v, data in source.edges(data=True)
    )
    seen: dict[tuple[str, str, str], int] = {}
    for u, v, attributes in edges:
        data = dict(attributes)
        base = (u, v, data["kind"])
        seen[base] = seen.get(base, 0) + 1
        key = data["kind"] if seen[base] == 1 else f"{data['kind']}-{seen[base]}"
        g.add_edge(xml_clean(u), xml_clean(v), key=key, **data)
    return g


def to_graphml(model: Model, /) -> bytes:
    """The model graph as GraphML bytes (UTF-8, the same bytes for the same model)."""
    buffer = io.BytesIO()
    nx.write_graphml_xml(graphml_graph(model), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def write_graphml(model: Model, out: str | os.PathLike[str], /) -> Path:
    """Write the model graph's GraphML to ``out`` (atomically); return the path.

    >>> import opcc_model, tempfile, pathlib
    >>> path = write_graphml(opcc_model.load(opcc_model.example_root("minimal")), pathlib.Path(tempfile.mkdtemp()) / "m.graphml")
    >>> path.read_bytes()[:5]
    b'<?xml'
    """
    return write_bytes(out, to_graphml(model))
