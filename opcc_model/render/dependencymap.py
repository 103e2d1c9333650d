"""The activity dependency map, optionally one process, one stage, or only the edges that cross the boundary.

>>> import opcc_model
>>> g = dependency_map(opcc_model.load(opcc_model.example_root("minimal")))
>>> '"activity.identify-stakeholders" -> "activity.agree-outcomes"' in g.source
True
"""

from __future__ import annotations

import graphviz

from opcc_model.graph import dependencies, is_cross_boundary
from opcc_model.model import Model
from opcc_model.render.draw import (
    activity_node,
    dependency_edge,
    legend,
    link_attrs,
    navigation,
    new_digraph,
    text_label,
)
from opcc_model.render.escape import dot_text
from opcc_model.render.links import href_for

__all__ = ["DEPENDENCY_LEGEND", "dependency_map", "dependency_edges"]

DEPENDENCY_LEGEND = (
    ("▭", "activity, coloured by its accountable side; dashed groups are processes"),
    ("→", "dependency, labelled with what flows"),
    ("⇢", "red dashed: a hand-off between sides, at least one of them a principal's (OPCC-D101, D103, D104)"),
)


def dependency_edges(
    model: Model, /, *, process: str | None = None, stage: str | None = None, cross_boundary_only: bool = False
) -> list[tuple[str, str, tuple[str, ...]]]:
    """The dependency edges the map draws: ``(producer, consumer, artifacts)``, sorted.

    With ``process`` or ``stage``, an edge is kept when either end is in it.

    >>> import opcc_model
    >>> dependency_edges(opcc_model.load(opcc_model.example_root("minimal")), cross_boundary_only=True)
    []
    """
    if process is not None:
        model.process(process)
    if stage is not None:
        model.stage(stage)

    def keep(activity_id: str) -> bool:
        owner = model.process_of(activity_id)
        return (process is None or owner.id == process) and (stage is None or owner.stage == stage)

    def build(m: Model) -> list[tuple[str, str, tuple[str, ...]]]:
        return [
            edge  # the same tuples as the sorted list's: a national model has 430,000 edges
            for edge in _sorted_edges(m)
            if (keep(edge[0]) or keep(edge[1])) and (not cross_boundary_only or is_cross_boundary(m, edge[0], edge[1]))
        ]

    return list(model.memo(f"r:dependency-edges:{process}:{stage}:{cross_boundary_only}", build))


def _sorted_edges(model: Model) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every dependency edge ``(producer, consumer, artifacts)``, sorted: once per model."""
    return model.memo(
        "r:sorted-dependency-edges", lambda m: [(a, b, data["artifacts"]) for a, b, data in sorted(dependencies(m).edges(data=True))]
    )


def dependency_map(
    model: Model,
    /,
    *,
    process: str | None = None,
    stage: str | None = None,
    cross_boundary_only: bool = False,
    page_suffix: str = ".svg",
) -> graphviz.Digraph:
    """Activities grouped by process (each group links to its map), with their dependency edges.

    Raises :class:`opcc_model.NotFound` for an unknown ``process`` or ``stage``.
    """
    edges = dependency_edges(model, process=process, stage=stage, cross_boundary_only=cross_boundary_only)
    filtered = process is not None or stage is not None or cross_boundary_only
    shown = {x for a, b, _ in edges for x in (a, b)}
    for candidate in model.activities:
        owner = model.process_of(candidate.id)
        if not cross_boundary_only and (process in (None, owner.id)) and (stage in (None, owner.stage)):
            shown.add(candidate.id)
    scope = []
    if process:
        scope.append(f"process {model.process(process).name}")
    if stage:
        scope.append(f"stage {model.stage(stage).name}")
    if cross_boundary_only:
        scope.append("cross-boundary edges only")
    name = f"stage-{stage}" if stage and not process and not cross_boundary_only else "dependencies"
    graph = new_digraph(
        name,
        rankdir="LR",
        nodesep="0.3",
        ranksep="0.6",
        labelloc="t",
        labeljust="l",
        label=text_label("Dependencies" + (f": {', '.join(scope)}" if filtered else ""), width=120),
    )
    navigation(graph, [("⌂ Value chain", href_for("value-chain", page_suffix=page_suffix))])
    for owner in model.processes:
        members = [a for a in owner.activities if a.id in shown]
        if not members:
            continue
        with graph.subgraph(name=f"cluster_process_{owner.id}") as group:
            group.attr(
                label=dot_text(owner.name),
                style="rounded,dashed",
                color="#888888",
                fontcolor="#1f4e79",
                tooltip=dot_text(f"{owner.name} (click for its map)"),
                **link_attrs(href_for("process", owner.id, page_suffix=page_suffix)),
            )
            for activity in members:
                activity_node(group, model, activity, page_suffix=page_suffix)
    for producer, consumer, artifacts in edges:
        dependency_edge(graph, model, producer, consumer, artifacts)
    legend(graph, DEPENDENCY_LEGEND)
    return graph
