"""The value chain: mandate → core stages as chevrons (with portfolio and processes) → outcomes; supporting stages beneath.

>>> import opcc_model
>>> g = value_chain(opcc_model.load(opcc_model.example_root("minimal")))
>>> "stage.engage-consult" in g.source and "shape=cds" in g.source
True
"""

from __future__ import annotations

import graphviz

from opcc_model.model import Model, Process, Stage
from opcc_model.render.draw import link_attrs, navigation, new_digraph, node_id, text_label
from opcc_model.render.escape import dot_text
from opcc_model.render.links import href_for

__all__ = ["top_processes", "value_chain"]

_CHEVRON = {"fillcolor": "#1f4e79", "fontcolor": "#ffffff", "color": "#1f4e79"}
_SUPPORT = {"fillcolor": "#d9d9d9", "fontcolor": "#222222", "color": "#7f7f7f"}


def top_processes(model: Model, stage_id: str, /) -> list[Process]:
    """The processes of a stage that no other process refines or opens (the entry points), in file order.

    >>> import opcc_model
    >>> [p.id for p in top_processes(opcc_model.load(opcc_model.example_root("minimal")), "engage-consult")]
    ['conduct-stakeholder-analysis']
    """
    opened = {a.process for a in model.activities if a.process}
    return [p for p in model.processes if p.stage == stage_id and p.parent is None and p.id not in opened]


def _stage(graph: graphviz.Digraph, model: Model, stage: Stage, page_suffix: str, style: dict[str, str]) -> list[str]:
    name = node_id("stage", stage.id)
    detail = stage.portfolio or stage.description or ""
    attrs = {
        "label": text_label(stage.name, detail, width=18),
        "shape": "cds" if not stage.supporting else "box",
        "style": "filled" if not stage.supporting else "filled,rounded",
        "margin": "0.25,0.1",
        "id": f"stage-{stage.id}",
        "tooltip": dot_text(stage.description or f"{stage.name}: {detail}"),
        **style,
        **link_attrs(href_for("stage", stage.id, page_suffix=page_suffix)),
    }
    graph.node(name, **dict(sorted(attrs.items())))
    drawn = [name]
    for process in top_processes(model, stage.id):
        child = node_id("process", process.id)
        graph.node(
            child,
            **dict(
                sorted(
                    {
                        "label": text_label(process.name, f"{len(process.activities)} activit{'y' if len(process.activities) == 1 else 'ies'}", width=20),
                        "shape": "box",
                        "style": "rounded,filled",
                        "fillcolor": "#ffffff",
                        "color": style["color"],
                        "fontsize": "9",
                        "id": f"process-{process.id}",
                        "tooltip": dot_text(process.guidance.strip() if process.guidance else process.name),
                        **link_attrs(href_for("process", process.id, page_suffix=page_suffix)),
                    }.items()
                )
            ),
        )
        graph.edge(name, child, arrowhead="none", color="#999999", style="dotted")
        drawn.append(child)
    return drawn


def _artifact(graph: graphviz.Digraph, model: Model, artifact_id: str) -> str:
    name = node_id("artifact", artifact_id)
    try:
        title = model.artifact(artifact_id).name
    except KeyError:
        title = artifact_id
    graph.node(name, label=text_label(title, width=18), shape="note", style="filled", fillcolor="#fffdf0", color="#8c8c6c")
    return name


def value_chain(model: Model, /, *, page_suffix: str = ".svg") -> graphviz.Digraph:
    """The value-chain overview: every stage links to its stage map, every entry process to its process map."""
    graph = new_digraph(
        "value-chain",
        rankdir="TB",
        newrank="true",
        nodesep="0.25",
        ranksep="0.45",
        labelloc="t",
        labeljust="l",
        label=text_label("OPCC value chain — click a stage for its dependencies, a process for its map", width=120),
    )
    navigation(graph, [("→ Dependency map", href_for("dependencies", page_suffix=page_suffix))])
    core = [s for s in model.stages if not s.supporting]
    support = [s for s in model.stages if s.supporting]
    row = [_artifact(graph, model, model.mandate)]
    row += [_stage(graph, model, s, page_suffix, _CHEVRON)[0] for s in core]
    row += [_artifact(graph, model, o) for o in model.outcomes]
    with graph.subgraph(name="chain") as chain:
        chain.attr(rank="same")
        for name in row:
            chain.node(name)
    for tail, head in zip(row, row[1:]):
        graph.edge(tail, head, color="#1f4e79", penwidth="1.5")
    if support:
        with graph.subgraph(name="cluster_supporting") as sub:
            sub.attr(label="Supporting processes", style="dashed,rounded", color="#7f7f7f", fontcolor="#555555")
            below = [_stage(sub, model, s, page_suffix, _SUPPORT)[0] for s in support]
        anchor = node_id("stage", core[len(core) // 2].id) if core else row[0]
        for name in below:
            graph.edge(anchor, name, style="invis", weight="0", minlen="3")
    return graph
