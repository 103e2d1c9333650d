"""The map of one process: swimlanes by side or role, activities by kind, artifacts as notes, the boundary in red.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> g = process_map(model, "conduct-stakeholder-analysis")
>>> "cluster_lane_commissioner" in g.source and "activity.agree-outcomes" in g.source
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal

import graphviz

from opcc_model.graph import consumers, is_cross_boundary, producers, side_of_activity
from opcc_model.model import Activity, Model, Process
from opcc_model.render.draw import (
    CROSS_STYLE,
    HIGHLIGHT_LEGEND,
    LANE_ORDER,
    SIDE_STYLE,
    activity_node,
    dependency_edge,
    outcome_edge,
    text_label,
    header_label,
    link_attrs,
    new_digraph,
    node_id,
    navigation,
)
from opcc_model.render.escape import dot_text
from opcc_model.render.links import href_for
from opcc_model.render.reduction import drawn_dependencies

__all__ = ["PROCESS_LEGEND", "LaneMode", "lane_title", "lanes_of", "parent_of", "process_map"]

LaneMode = Literal["side", "role"]

PIN_STRENGTH = 5
"""Parallel invisible edges from each lane's pin to its title.

Graphviz orders clusters by crossing minimisation and ignores flat edges between
clusters, so the lanes are held in order from outside: one invisible pin per lane
in the first rank, chained top to bottom (flat edges between nodes outside clusters
are honoured), each tied to its lane's title. Parallel edges add up their crossing
penalty, so swapping two lanes costs ``PIN_STRENGTH ** 2`` crossings; more edges pull
the lanes apart vertically (measured: 100 makes maps several times taller).
"""

PROCESS_LEGEND = (
    ("▭", "task"),
    ("◇", "decision"),
    ("○", "event"),
    ("⊞", "sub-process: double border, click to open its map"),
    ("▯", "artifact from or to another process"),
    ("→", "dependency, labelled with what flows where it first flows (hover for all)"),
    ("⇢", "red dashed: a hand-off between sides, at least one of them a principal's (OPCC-D101, D103, D104)"),
)


def lanes_of(model: Model, process: Process, /, *, lanes: LaneMode = "side") -> list[tuple[str | None, list[Activity]]]:
    """The lanes of ``process`` in drawing order, each ``(key, activities)``; only lanes in use.

    The key is a side (``lanes="side"``) or the accountable role id (``lanes="role"``);
    ``None`` collects activities nobody is accountable for, last.

    >>> import opcc_model
    >>> m = opcc_model.load(opcc_model.example_root("minimal"))
    >>> [(k, [a.id for a in acts]) for k, acts in lanes_of(m, m.process("conduct-stakeholder-analysis"))]
    [('commissioner', ['identify-stakeholders', 'agree-outcomes'])]
    """
    if lanes not in ("side", "role"):
        raise ValueError(f"lanes must be 'side' or 'role', found {lanes!r}")
    role_order = {r.id: i for i, r in enumerate(model.roles)}

    def key(activity: Activity) -> str | None:
        if lanes == "side":
            return side_of_activity(model, activity.id)
        return activity.accountable

    def order(k: str | None) -> tuple[int, int]:
        if k is None:
            return (len(LANE_ORDER), 0)
        side = k if lanes == "side" else model.role(k).side
        return (LANE_ORDER.index(side), role_order.get(k, 0) if lanes == "role" else 0)

    grouped: dict[str | None, list[Activity]] = {}
    for activity in process.activities:
        grouped.setdefault(key(activity), []).append(activity)
    return [(k, grouped[k]) for k in sorted(grouped, key=order)]


def parent_of(model: Model, process: Process, /) -> Process | None:
    """The process one level up: ``parent`` if set, else the process whose sub-process activity opens this one.

    >>> import opcc_model
    >>> m = opcc_model.load(opcc_model.example_root("minimal"))
    >>> parent_of(m, m.process("conduct-stakeholder-analysis")) is None
    True
    """
    if process.parent:
        return model.process(process.parent)
    openers = model.memo("r:openers", _openers).get(process.id)
    return model.process_of(openers[0]) if openers else None


def _openers(model: Model) -> dict[str, list[str]]:
    """Process id → the ids of the activities that open it as a sub-process, sorted."""
    found: dict[str, list[str]] = {}
    for activity in model.activities:
        if activity.process is not None:
            found.setdefault(activity.process, []).append(activity.id)
    return {process: sorted(ids) for process, ids in found.items()}


def lane_title(model: Model, key: str | None, lanes: LaneMode, /) -> tuple[str, str, str]:
    """``(fill, line colour, title)`` of the lane ``key``.

    >>> import opcc_model
    >>> lane_title(opcc_model.load(opcc_model.example_root("minimal")), "pcc", "role")[2]
    'Police and Crime Commissioner'
    """
    if lanes == "role" and key is not None:
        role = model.role(key)
        fill, line, _ = SIDE_STYLE[role.side]
        return fill, line, role.name
    return SIDE_STYLE[key]


def _navigation(model: Model, process: Process, page_suffix: str) -> list[tuple[str, str | None]]:
    links = [("⌂ Value chain", href_for("value-chain", page_suffix=page_suffix))]
    parent = parent_of(model, process)
    if parent is not None:
        links.append((f"↑ {parent.name}", href_for("process", parent.id, page_suffix=page_suffix)))
    stage = model.stage(process.stage)
    links.append((f"Stage: {stage.name}", href_for("stage", stage.id, page_suffix=page_suffix)))
    return links


def _artifact_node(graph: graphviz.Digraph, model: Model, artifact_id: str, tooltip: str, link: str | None) -> None:
    artifact = model.artifact(artifact_id)
    attrs = {
        "label": text_label(*_artifact_lines(artifact.name, artifact.kind), width=20),
        "shape": "note",
        "style": "filled",
        "fillcolor": "#fffdf0",
        "color": "#8c8c6c",
        "tooltip": dot_text(tooltip),
    }
    attrs.update(link_attrs(link))
    graph.node(node_id("artifact", artifact_id), **dict(sorted(attrs.items())))


def _external_edges(model: Model, process: Process) -> Iterator[tuple[str, str, str, str]]:
    """Artifacts crossing the process's edge: ``(direction, artifact, activity, other activity or "")``."""
    inside = {a.id for a in process.activities}
    made_by, used_by = producers(model), consumers(model)
    for activity in process.activities:
        for artifact in activity.inputs:
            makers = [p for p in made_by.get(artifact, ()) if p not in inside]
            if not any(p in inside for p in made_by.get(artifact, ())):
                for maker in makers or [""]:
                    yield "in", artifact, activity.id, maker
        for artifact in activity.outputs:
            users = [c for c in used_by.get(artifact, ()) if c not in inside]
            if not any(c in inside for c in used_by.get(artifact, ())):
                for user in users or [""]:
                    yield "out", artifact, activity.id, user


def process_map(
    model: Model,
    process_id: str,
    /,
    *,
    lanes: LaneMode = "side",
    page_suffix: str = ".svg",
    highlight: Iterable[str] = (),
) -> graphviz.Digraph:
    """The map of process ``process_id``: swimlanes, activities, dependencies, artifacts, legend and links.

    ``highlight`` names activities (by id) drawn with a thick orange border and a "changed"
    legend row; ids of activities outside this process are ignored.
    Raises :class:`opcc_model.NotFound` when the process is not in the model.

    >>> import opcc_model
    >>> m = opcc_model.load(opcc_model.example_root("minimal"))
    >>> src = process_map(m, "conduct-stakeholder-analysis", highlight=["agree-outcomes"]).source
    >>> [line.split(" [")[0].strip() for line in src.splitlines() if "#e67e00" in line]
    ['"activity.agree-outcomes"']
    >>> "changed" in src
    True
    """
    process = model.process(process_id)
    changed = set(highlight) & {a.id for a in process.activities}
    stage = model.stage(process.stage)
    graph = new_digraph(
        f"process-{process.id}",
        rankdir="LR",
        newrank="true",
        nodesep="0.35",
        ranksep="0.5",
        labelloc="t",
        labeljust="l",
        fontsize="12",
        label=header_label(
            f"{process.name} — {stage.name} · process map",
            (*PROCESS_LEGEND, *_procedure_legend(process), *((HIGHLIGHT_LEGEND,) if changed else ())),
        ),
        tooltip=dot_text(process.guidance.strip() if process.guidance else process.name),
    )
    lane_list = lanes_of(model, process, lanes=lanes)
    for index, (key, activities) in enumerate(lane_list):
        fill, line, title = lane_title(model, key, lanes)
        with graph.subgraph(name=f"cluster_lane_{key or 'nobody'}") as lane:
            lane.attr(label="", style="filled", fillcolor=fill + "66", color=line)
            lane.node(
                f"lane.{index}",
                label=text_label(title, width=14),
                shape="plaintext",
                fontcolor=line,
                fontsize="13",
                tooltip=dot_text(title),
            )
            for activity in activities:
                activity_node(lane, model, activity, page_suffix=page_suffix, highlight=activity.id in changed)

    position = {a.id: i for i, a in enumerate(process.activities)}
    named: set[str] = set()
    branches: dict[tuple[str, str], str] = {}
    for decider in process.activities:
        for o in decider.outcomes:
            for t in o.then:  # outcomes leading to the same activity share one edge, "a / b"
                pair = (decider.id, t)
                branches[pair] = f"{branches[pair]} / {o.name}" if pair in branches else o.name
    drawn: set[tuple[str, str]] = set()
    for producer, consumer, artifacts in sorted(
        drawn_dependencies(model, process.id), key=lambda e: (position[e[0]], position[e[1]])
    ):
        if (producer, consumer) in branches:
            drawn.add((producer, consumer))  # the outcome's edge stands for this dependency
            continue
        fresh = [a for a in artifacts if a not in named]  # each artifact named once, where it first flows
        named.update(fresh)
        dependency_edge(graph, model, producer, consumer, artifacts, labelled=fresh)
    for (decision, target), name in branches.items():
        outcome_edge(graph, model, decision, target, name, page_suffix=page_suffix, dependency=(decision, target) in drawn)

    notes: dict[str, list[str]] = {}
    links: dict[str, str | None] = {}
    edges: set[tuple[str, str, str, bool]] = set()
    for direction, artifact, activity_id, other in _external_edges(model, process):
        cross = bool(other) and (
            is_cross_boundary(model, other, activity_id) if direction == "in" else is_cross_boundary(model, activity_id, other)
        )
        if other:
            verb = "from" if direction == "in" else "to"
            notes.setdefault(artifact, []).append(f"{verb} {model.activity(other).name} ({model.process_of(other).name})")
            links.setdefault(artifact, href_for("process", model.process_of(other).id, page_suffix=page_suffix))
        else:
            notes.setdefault(artifact, [])
        a, b = node_id("artifact", artifact), node_id("activity", activity_id)
        edges.add((a, b, artifact, cross) if direction == "in" else (b, a, artifact, cross))
    for artifact in sorted(notes):
        tooltip = "\n".join([model.artifact(artifact).name, *sorted(notes[artifact])])
        _artifact_node(graph, model, artifact, tooltip, links.get(artifact))
    crossing: dict[tuple[str, str], bool] = {}
    for tail, head, _, cross in edges:
        crossing[(tail, head)] = crossing.get((tail, head), False) or cross
    for (tail, head), cross in sorted(crossing.items()):
        style = dict(CROSS_STYLE) if cross else {"color": "#8c8c6c", "style": "dashed"}
        graph.edge(tail, head, **dict(sorted(style.items())))

    _pin_lanes(graph, len(lane_list), _navigation(model, process, page_suffix))
    return graph


def _procedure_legend(process: Process) -> tuple[tuple[str, str], ...]:
    """Legend rows for the outcome edges and clock lines, when the process has any."""
    rows: list[tuple[str, str]] = []
    if any(a.outcomes for a in process.activities):
        rows.append(("⇒", "a decision's outcome (bold purple), to what it leads"))
    if any(a.deadlines or a.windows or a.recurs for a in process.activities):
        rows.append(("◷", "deadline, window or frequency"))
    return tuple(rows)


def _pin_lanes(graph: graphviz.Digraph, count: int, links: list[tuple[str, str | None]]) -> None:
    """Hold the lanes in drawing order: the links, then one pin per lane, chained top to bottom in the first column, each pin tied to a lane title."""
    pins = [f"lanepin.{index}" for index in range(count)]
    with graph.subgraph(name="lane_headers") as column:
        column.attr(rank="min")
        chain = navigation(column, links)
        for pin in pins:
            column.node(pin, shape="point", style="invis", width="0")
        for tail, head in zip(chain, chain[1:]):
            column.edge(tail, head, style="invis")
        for tail, head in zip(pins, pins[1:]):
            column.edge(tail, head, style="invis")
    for index, pin in enumerate(pins):
        for _ in range(PIN_STRENGTH):
            graph.edge(pin, f"lane.{index}", style="invis")


def _artifact_lines(name: str, kind: str) -> tuple[str, ...]:
    """The lines of an artifact's note: its name, then its kind unless the name already says it.

    >>> _artifact_lines("Police and Crime Plan", "plan"), _artifact_lines("Stakeholder map", "document")
    (('Police and Crime Plan',), ('Stakeholder map', '(document)'))
    """
    return (name,) if name.lower().rstrip().endswith(kind) else (name, f"({kind})")
