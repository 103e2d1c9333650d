"""A dependency map too large to lay out whole, drawn summarised: one box per process, counts on the arrows.

Each process of the map becomes one box (its sub-map collapsed), labelled with how many of
its activities and inner dependencies it hides and linking to its process map; each arrow
counts the dependencies from one process to another (red and dashed when some cross the
boundary). When even that is over the limit, processes are grouped by stage. The rows of
:func:`summary_rows` are the table of what the summary hides.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("process-maps"))
>>> graph, rows = dependency_summary(model, stage="develop")
>>> "draft-the-plan" in [r.process for r in rows], all(r.activities > 0 for r in rows)
(True, True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

import graphviz

from opcc_model.graph import is_cross_boundary
from opcc_model.model import Model
from opcc_model.render.bounds import diagram_limit
from opcc_model.render.dependencymap import dependency_edges
from opcc_model.render.draw import CROSS_STYLE, legend, link_attrs, navigation, new_digraph, text_label
from opcc_model.render.escape import dot_text
from opcc_model.render.links import href_for

__all__ = ["SummaryRow", "summary_rows", "dependency_summary"]


class SummaryRow(NamedTuple):
    """One box of a summarised map: the process (or stage) it stands for and what it hides."""

    process: str
    name: str
    activities: int
    inner: int
    outgoing: int
    crossing: int


def _grouping(model: Model, level: str) -> Callable[[str], tuple[str, str]]:
    """Activity id → ``(group id, group name)`` at ``level`` (``process`` or ``stage``)."""
    if level == "process":
        return lambda a: (model.process_of(a).id, model.process_of(a).name)

    def by_stage(activity: str) -> tuple[str, str]:
        stage = model.stage(model.process_of(activity).stage)
        return stage.id, stage.name

    return by_stage


def summary_rows(model: Model, /, *, stage: str | None = None, level: str = "process") -> list[SummaryRow]:
    """What a summarised map of ``stage`` (or the whole model) hides, one row per box, in model order.

    >>> import opcc_model
    >>> "engage-consult" in [r.process for r in summary_rows(opcc_model.load(opcc_model.example_root("minimal")), level="stage")]
    True
    """
    return list(model.memo(f"r:summary-rows:{stage}:{level}", lambda m: _summary_rows(m, stage, level)))


def _summary_rows(model: Model, stage: str | None, level: str) -> list[SummaryRow]:
    group = _grouping(model, level)
    edges = dependency_edges(model, stage=stage)
    members: dict[tuple[str, str], int] = {}
    shown = {x for a, b, _ in edges for x in (a, b)}
    for process in model.processes:
        for activity in process.activities:
            if activity.id in shown or stage in (None, process.stage):
                key = group(activity.id)
                members[key] = members.get(key, 0) + 1
    inner: Counter[str] = Counter()
    outgoing: Counter[str] = Counter()
    crossing: Counter[str] = Counter()
    for producer, consumer, _ in edges:
        source, target = group(producer)[0], group(consumer)[0]
        if source == target:
            inner[source] += 1
        else:
            outgoing[source] += 1
        if is_cross_boundary(model, producer, consumer):
            crossing[source] += 1
    return [
        SummaryRow(ident, name, count, inner[ident], outgoing[ident], crossing[ident])
        for (ident, name), count in members.items()
    ]


def _arrows(model: Model, stage: str | None, level: str) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """The summary's arrows at ``level``: dependencies per (source, target) pair, and how many of them cross."""
    group = _grouping(model, level)
    counts: Counter[tuple[str, str]] = Counter()
    crossings: Counter[tuple[str, str]] = Counter()
    for producer, consumer, _ in dependency_edges(model, stage=stage):
        pair = (group(producer)[0], group(consumer)[0])
        if pair[0] != pair[1]:
            counts[pair] += 1
            crossings[pair] += is_cross_boundary(model, producer, consumer)
    return counts, crossings


def dependency_summary(
    model: Model, /, *, stage: str | None = None, page_suffix: str = ".svg"
) -> tuple[graphviz.Digraph, list[SummaryRow]]:
    """The summarised dependency map of ``stage`` (or the whole model) and the rows of what it hides."""
    for level in ("process", "stage"):
        rows = summary_rows(model, stage=stage, level=level)
        counts, crossings = model.memo(f"r:summary-arrows:{stage}:{level}", lambda m: _arrows(m, stage, level))
        if len(rows) + len(counts) <= diagram_limit() or level == "stage":
            break
    hidden = sum(r.activities for r in rows)
    scope = f"stage {model.stage(stage).name}" if stage else "the whole model"
    title = (
        f"Dependencies of {scope}, summarised: {hidden} activities are too many to draw whole "
        f"(limit {diagram_limit()} nodes and edges); each box is a {level}, each arrow counts its dependencies"
    )
    name = f"stage-{stage}" if stage else "dependencies"
    graph = new_digraph(name, rankdir="LR", labelloc="t", labeljust="l", label=text_label(title, width=120))
    navigation(graph, [("⌂ Value chain", href_for("value-chain", page_suffix=page_suffix))])
    for row in rows:
        link = href_for(level, row.process, page_suffix=page_suffix)
        attrs = {
            "label": text_label(f"⊞ {row.name}", f"{row.activities} activities, {row.inner} dependencies inside"),
            "tooltip": dot_text(f"{row.name}: {row.activities} activities (open its map for them)"),
            "shape": "box",
            "style": "rounded",
            "peripheries": "2",
            **link_attrs(link),
        }
        graph.node(f"{level}.{row.process}", **dict(sorted(attrs.items())))
    for (source, target), count in sorted(counts.items()):
        crossed = crossings[(source, target)]
        attrs = dict(CROSS_STYLE) if crossed else {"color": "#555555", "fontcolor": "#555555"}
        attrs["label"] = dot_text(f"{count}" + (f" ({crossed} cross)" if crossed else ""))
        attrs["tooltip"] = dot_text(f"{count} dependencies" + (f", {crossed} crossing the boundary" if crossed else ""))
        graph.edge(f"{level}.{source}", f"{level}.{target}", **dict(sorted(attrs.items())))
    legend(graph, [("⊞", f"a {level}: open it for its activities"), ("→", "the number of dependencies"), ("⇢", "red dashed: some cross the boundary")])
    return graph, rows
