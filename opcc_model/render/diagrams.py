"""The registry of diagrams to render: a name (the file's base name, see :mod:`opcc_model.render.links`) and a graph.

>>> import opcc_model
>>> [d.name for d in diagrams(opcc_model.load(opcc_model.example_root("minimal")))][:3]
['value-chain', 'stage-engage-consult', 'stage-develop']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

import graphviz

from opcc_model.findings import Finding
from opcc_model.model import Model
from opcc_model.render.boundarymap import boundary_map
from opcc_model.render.bounds import diagram_limit
from opcc_model.render.dependencymap import dependency_edges, dependency_map
from opcc_model.render.links import diagram_name
from opcc_model.render.mermaid import process_mermaid
from opcc_model.render.processmap import LaneMode, process_map
from opcc_model.render.summary import dependency_summary
from opcc_model.render.valuechain import value_chain

__all__ = ["Diagram", "diagrams", "mermaid_diagrams", "bounded_dependency_map", "dependency_map_size"]


class Diagram(NamedTuple):
    """One diagram to render: unpacks as ``(name, graph)``."""

    name: str
    graph: graphviz.Digraph


def diagrams(
    model: Model,
    /,
    *,
    area: str | None = None,
    lanes: LaneMode = "side",
    findings: Iterable[Finding] = (),
    page_suffix: str = ".svg",
    boundaries: bool = True,
) -> Iterator[Diagram]:
    """Every diagram of the model, in a stable order: the value chain, one dependency map per stage,
    one map per process, one boundary map per area (only ``area`` when given; none when
    ``boundaries`` is false), the whole dependency map.
    A dependency map over the size limit is drawn summarised (:func:`bounded_dependency_map`).

    Raises :class:`opcc_model.NotFound` for an unknown ``area``.
    """
    areas = [model.boundary(area)] if area is not None else list(model.boundaries)
    found = tuple(findings)
    yield Diagram(diagram_name("value-chain"), value_chain(model, page_suffix=page_suffix))
    for stage in model.stages:
        yield Diagram(diagram_name("stage", stage.id), bounded_dependency_map(model, stage=stage.id, page_suffix=page_suffix))
    for process in model.processes:
        yield Diagram(
            diagram_name("process", process.id), process_map(model, process.id, lanes=lanes, page_suffix=page_suffix)
        )
    for boundary in areas if boundaries else ():
        yield Diagram(
            diagram_name("boundary", boundary.area),
            boundary_map(model, boundary.area, findings=found, page_suffix=page_suffix),
        )
    yield Diagram(diagram_name("dependencies"), bounded_dependency_map(model, page_suffix=page_suffix))


def dependency_map_size(model: Model, /, *, stage: str | None = None) -> int:
    """Nodes plus edges of the whole dependency map of ``stage`` (or the model), counted without drawing it.

    >>> import opcc_model
    >>> dependency_map_size(opcc_model.load(opcc_model.example_root("minimal"))) > 0
    True
    """

    def count(m: Model) -> int:
        edges = dependency_edges(m, stage=stage)
        shown = {x for a, b, _ in edges for x in (a, b)}
        shown.update(a.id for p in m.processes if stage in (None, p.stage) for a in p.activities)
        return len(shown) + len(edges)

    return model.memo(f"r:dependency-map-size:{stage}", count)


def bounded_dependency_map(model: Model, /, *, stage: str | None = None, page_suffix: str = ".svg") -> graphviz.Digraph:
    """The dependency map of ``stage`` (or the model), summarised when it is over the size limit (:mod:`opcc_model.render.bounds`).

    >>> import opcc_model
    >>> "summarised" in bounded_dependency_map(opcc_model.load(opcc_model.example_root("minimal"))).source
    False
    """
    if dependency_map_size(model, stage=stage) > diagram_limit():
        return dependency_summary(model, stage=stage, page_suffix=page_suffix)[0]
    return dependency_map(model, stage=stage, page_suffix=page_suffix)


def mermaid_diagrams(model: Model, /, *, lanes: LaneMode = "side") -> Iterator[tuple[str, str]]:
    """``(name, Mermaid text)`` for every process map, in model order.

    >>> import opcc_model
    >>> [n for n, _ in mermaid_diagrams(opcc_model.load(opcc_model.example_root("minimal")))]
    ['process-conduct-stakeholder-analysis']
    """
    for process in model.processes:
        yield diagram_name("process", process.id), process_mermaid(model, process.id, lanes=lanes)
