"""The value chain: mandate → core stages as chevrons (with portfolio and processes) → outcomes; supporting stages beneath.

>>> import opcc_model
>>> g = value_chain(opcc_model.load(opcc_model.example_root("minimal")))
>>> "stage.engage-consult" in g.source and "shape=cds" in g.source
True
"""

from __future__ import annotations

from typing import NamedTuple

import graphviz

from opcc_model.model import Model, Process, Stage
from opcc_model.render.bounds import diagram_limit, diagram_size
from opcc_model.render.draw import link_attrs, navigation, new_digraph, node_id, text_label
from opcc_model.render.escape import dot_text
from opcc_model.render.links import href_for

__all__ = ["HiddenProcesses", "top_processes", "value_chain", "value_chain_cap", "value_chain_hidden"]

_CHEVRON = {"fillcolor": "#1f4e79", "fontcolor": "#ffffff", "color": "#1f4e79"}
_SUPPORT = {"fillcolor": "#d9d9d9", "fontcolor": "#222222", "color": "#7f7f7f"}

BAND_WIDTH = 5
"""Boxes per row in the supporting band, so the value chain fits a screen."""


def top_processes(model: Model, stage_id: str, /) -> list[Process]:
    """The processes of a stage that no other process refines or opens (the entry points), in file order.

    >>> import opcc_model
    >>> [p.id for p in top_processes(opcc_model.load(opcc_model.example_root("minimal")), "engage-consult")]
    ['conduct-stakeholder-analysis']
    """

    def build(m: Model) -> dict[str, list[Process]]:
        opened = {a.process for a in m.activities if a.process}
        tops: dict[str, list[Process]] = {}
        for p in m.processes:
            if p.parent is None and p.id not in opened:
                tops.setdefault(p.stage, []).append(p)
        return tops

    return list(model.memo("r:top-processes", build).get(stage_id, ()))


class HiddenProcesses(NamedTuple):
    """What a summarised value chain leaves out of one stage's column: it draws ``shown`` of its ``total`` entry processes."""

    stage: str
    name: str
    shown: int
    total: int


def value_chain_cap(model: Model, /) -> int | None:
    """How many entry processes each stage's column draws when the whole value chain is over the
    size limit (:func:`opcc_model.render.bounds.diagram_limit`); ``None`` when it is drawn whole.

    A stage with more than the cap shows that many and one "more" box linking to the stage's
    page (which lists them all). The cap is the largest that keeps the drawn DOT within the
    limit (at least 1: a limit below a chain of one process a stage is not met). The DOT is
    built, never laid out, to measure it.

    >>> import opcc_model
    >>> value_chain_cap(opcc_model.load(opcc_model.example_root("minimal"))) is None
    True
    """

    def size(cap: int | None) -> int:
        return sum(diagram_size(_draw(model, ".svg", cap).source))

    def build(m: Model) -> int | None:
        limit = diagram_limit()
        if size(None) <= limit:
            return None
        one, two = size(1), size(2)
        cap = max(1, 1 + (limit - one) // max(two - one, 1))
        while cap > 1 and size(cap) > limit:
            cap -= 1
        return cap

    return model.memo(f"r:value-chain-cap:{diagram_limit()}", build)


def value_chain_hidden(model: Model, /) -> list[HiddenProcesses]:
    """The stages whose column a summarised value chain cuts short (empty when drawn whole), in model order.

    >>> import opcc_model
    >>> value_chain_hidden(opcc_model.load(opcc_model.example_root("minimal")))
    []
    """
    cap = value_chain_cap(model)
    if cap is None:
        return []
    rows = [HiddenProcesses(s.id, s.name, min(cap, n), n) for s in model.stages if (n := len(top_processes(model, s.id))) > cap]
    return rows


def _stage(graph: graphviz.Digraph, stage: Stage, page_suffix: str, style: dict[str, str]) -> str:
    name = node_id("stage", stage.id)
    detail = stage.portfolio if not stage.supporting else ""  # descriptions go in the tooltip
    attrs = {
        "label": text_label(stage.name, detail or "", width=18),
        "shape": "cds" if not stage.supporting else "box",
        "style": "filled" if not stage.supporting else "filled,rounded",
        "margin": "0.25,0.1",
        "id": f"stage-{stage.id}",
        "tooltip": dot_text(stage.description or f"{stage.name}: {stage.portfolio or ''}"),
        **style,
        **link_attrs(href_for("stage", stage.id, page_suffix=page_suffix)),
    }
    graph.node(name, **dict(sorted(attrs.items())))
    return name


def _processes(graph: graphviz.Digraph, model: Model, stage: Stage, page_suffix: str, color: str, cap: int | None) -> list[str]:
    """The entry processes of ``stage`` as small linked boxes, returned in file order (at most ``cap``,
    then one box counting the rest and linking to the stage's page)."""
    drawn = []
    every = top_processes(model, stage.id)
    for process in every[:cap] if cap is not None else every:
        count = len(process.activities)
        attrs = {
            "label": text_label(process.name, f"{count} activit{'y' if count == 1 else 'ies'}", width=20),
            "shape": "box",
            "style": "rounded,filled",
            "fillcolor": "#ffffff",
            "color": color,
            "fontsize": "9",
            "id": f"process-{process.id}",
            "tooltip": dot_text(process.guidance.strip() if process.guidance else process.name),
            **link_attrs(href_for("process", process.id, page_suffix=page_suffix)),
        }
        child = node_id("process", process.id)
        graph.node(child, **dict(sorted(attrs.items())))
        drawn.append(child)
    if cap is not None and len(every) > cap:
        more = len(every) - cap
        attrs = {
            "label": text_label(f"⊞ {more} more processes", "open the stage for all of them", width=20),
            "shape": "box",
            "style": "rounded,dashed",
            "color": color,
            "fontsize": "9",
            "tooltip": dot_text(f"{stage.name}: {len(every)} processes, {more} not drawn here"),
            **link_attrs(href_for("stage", stage.id, page_suffix=page_suffix)),
        }
        name = node_id("more", stage.id)
        graph.node(name, **dict(sorted(attrs.items())))
        drawn.append(name)
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
    """The value-chain overview: every stage links to its stage map, every entry process to its process map.

    The chain runs in one row; each core stage's processes hang beneath it in a column;
    supporting stages and their processes make a band below. Over the size limit each column
    is cut short (:func:`value_chain_cap`): a "more" box links to the stage, and the title says so.
    """
    return _draw(model, page_suffix, value_chain_cap(model))


def _draw(model: Model, page_suffix: str, cap: int | None) -> graphviz.Digraph:
    """The value chain with at most ``cap`` entry processes a stage (``None``: all of them)."""
    title = "OPCC value chain — click a stage for its dependencies, a process for its map"
    if cap is not None:
        title += f" (summarised: at most {cap} processes a stage; the stage pages list them all)"
    graph = new_digraph(
        "value-chain",
        rankdir="TB",
        newrank="true",
        nodesep="0.25",
        ranksep="0.3",
        labelloc="t",
        labeljust="l",
        label=text_label(title, width=120),
    )
    core = [s for s in model.stages if not s.supporting]
    support = [s for s in model.stages if s.supporting]
    row = [_artifact(graph, model, model.mandate)]
    row += [_stage(graph, s, page_suffix, _CHEVRON) for s in core]
    outcomes = [_artifact(graph, model, o) for o in model.outcomes]
    with graph.subgraph(name="chain") as chain:
        chain.attr(rank="same")
        for name in row + outcomes[:1]:
            chain.node(name)
    for tail, head in zip(row, row[1:] + outcomes[:1]):
        graph.edge(tail, head, color="#1f4e79", penwidth="1.5")
    for tail, head in zip(outcomes, outcomes[1:]):  # the outcomes stacked in one column
        graph.edge(tail, head, style="invis")
    for link in navigation(graph, [("→ Dependency map", href_for("dependencies", page_suffix=page_suffix))]):
        graph.edge(row[0], link, style="invis")
    bottoms = []
    for stage in core:  # a column under each chevron
        column = [node_id("stage", stage.id), *_processes(graph, model, stage, page_suffix, _CHEVRON["color"], cap)]
        for tail, head in zip(column, column[1:]):
            graph.edge(tail, head, arrowhead="none", color="#999999", style="dotted" if tail == column[0] else "invis")
        bottoms.append(column[-1])
    if support:
        with graph.subgraph(name="cluster_supporting") as band:
            band.attr(label="Supporting processes", style="dashed,rounded", color="#7f7f7f", fontcolor="#555555")
            for stage in support:
                band_row = [_stage(band, stage, page_suffix, _SUPPORT)]
                band_row += _processes(band, model, stage, page_suffix, _SUPPORT["color"], cap)
                for start in range(0, len(band_row), BAND_WIDTH):  # rows of a few boxes
                    line = band_row[start : start + BAND_WIDTH]
                    with band.subgraph() as same:
                        same.attr(rank="same")
                        for name in line:
                            same.node(name)
                    for tail, head in zip(line, line[1:]):
                        graph.edge(tail, head, style="invis")
                    for bottom in bottoms:
                        graph.edge(bottom, line[0], style="invis", weight="0")
                    bottoms = line[:1]
    return graph
