"""Where a BPMN diagram's shapes and edges go: Graphviz lays the process out, lanes become bands.

The process is written as a DOT graph (``rankdir=LR``, one cluster per lane, no text
from the YAML: node names are the BPMN ids and labels are empty) and laid out by
:func:`opcc_model.render.backend.layout` as JSON. Graphviz's y axis points up, BPMN's
down, so y is flipped. Lanes that Graphviz put side by side are pushed apart into
horizontal bands; edge points move with the lanes of their ends.

>>> import opcc_model
>>> from opcc_model.render.bpmn.semantic import bpmn_process
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> d = bpmn_process(model, "conduct-stakeholder-analysis")
>>> geometry = layout_process(d)
>>> geometry.shapes["Activity_identify-stakeholders"].width
100
>>> len(geometry.edges["Flow_identify-stakeholders_agree-outcomes"]) >= 2
True
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from opcc_model.errors import OpccError
from opcc_model.render.backend import layout
from opcc_model.render.bpmn.semantic import BpmnProcess

__all__ = ["Bounds", "Geometry", "SIZES", "EXTERNAL_LABELS", "label_height", "to_dot", "layout_process"]

SIZES = {
    "startEvent": (36, 36),
    "endEvent": (36, 36),
    "intermediateThrowEvent": (36, 36),
    "exclusiveGateway": (50, 50),
    "parallelGateway": (50, 50),
    "task": (100, 80),
    "userTask": (100, 80),
    "callActivity": (100, 80),
    "dataObjectReference": (36, 50),
}
"""Width and height of each kind of shape, in BPMN pixels (the sizes bpmn.io uses)."""

EXTERNAL_LABELS = frozenset({"startEvent", "endEvent", "intermediateThrowEvent", "exclusiveGateway", "parallelGateway", "dataObjectReference"})
"""Shapes whose name bpmn-js draws outside them (beneath); space for it is reserved in the layout."""

LABEL_WIDTH = 90
LABEL_LINE = 14
LABEL_CHAR = 6
LABEL_GAP = 4
EDGE_LABEL_SIZE = 11


def label_height(name: str, /) -> int:
    """The height of an external label for ``name`` wrapped at :data:`LABEL_WIDTH` (0 for no name).

    >>> label_height(""), label_height("End"), label_height("Published specified information for the public")
    (0, 14, 56)
    """
    if not name:
        return 0
    return LABEL_LINE * max(1, math.ceil(len(name) * LABEL_CHAR / LABEL_WIDTH))


POOL_HEADER = 30
LANE_HEADER = 30
MARGIN = 20


@dataclass(frozen=True)
class Bounds:
    """A rectangle: top-left corner, width and height (integers, y pointing down)."""

    x: int
    y: int
    width: int
    height: int


@dataclass(frozen=True)
class Geometry:
    """Shapes (by BPMN id: flow nodes, data references, lanes, the pool) and edge waypoints (by id)."""

    shapes: dict[str, Bounds]
    edges: dict[str, tuple[tuple[int, int], ...]]
    labels: dict[str, Bounds] = field(default_factory=dict)
    """Where the external labels go (events, gateways, data objects, named flows), by element id."""


def _edges(d: BpmnProcess) -> list[tuple[str, str, str]]:
    return [(f.id, f.source, f.target) for f in d.flows] + [(k.id, k.source, k.target) for k in d.links]


def to_dot(d: BpmnProcess, /) -> str:
    """The DOT graph Graphviz lays out for ``d`` (ids only: every name is a BPMN id).

    >>> import opcc_model
    >>> from opcc_model.render.bpmn.semantic import bpmn_process
    >>> model = opcc_model.load(opcc_model.example_root("minimal"))
    >>> print(to_dot(bpmn_process(model, "conduct-stakeholder-analysis")).splitlines()[1])
      graph [rankdir=LR, nodesep=0.5, ranksep=0.6, margin=0];
    """
    lines = ["digraph bpmn {", "  graph [rankdir=LR, nodesep=0.5, ranksep=0.6, margin=0];", '  node [label="", fixedsize=true];']
    tags = {n.id: n.tag for n in d.nodes}
    names = _names(d)
    for lane in d.lanes:
        lines.append(f'  subgraph "cluster_{lane.id}" {{')
        lines.append("    graph [margin=20];")
        for node_id in lane.nodes:
            lines.append(_node(node_id, tags[node_id], names[node_id]))
        for data in d.data:
            if data.lane == lane.id:
                lines.append(_node(data.reference, "dataObjectReference", data.name))
        lines.append("  }")
    flow_names = {f.id: f.name for f in d.flows}
    for edge_id, source, target in _edges(d):
        weight = 0 if edge_id.startswith(("DataInput", "DataOutput")) else 1
        # a named flow reserves room for its name: a placeholder as long, never the text itself
        label = f', label="{"n" * min(len(flow_names[edge_id]), 30)}", fontsize={EDGE_LABEL_SIZE}' if flow_names.get(edge_id) else ""
        lines.append(f'  "{source}" -> "{target}" [id="{edge_id}", weight={weight}{label}];')
    lines.append("}")
    return "\n".join(lines) + "\n"


def _names(d: BpmnProcess) -> dict[str, str]:
    return {n.id: n.name for n in d.nodes} | {r.reference: r.name for r in d.data}


def _box(kind: str, name: str) -> tuple[int, int]:
    """The space a shape takes in the layout: the shape, and its external label beneath it."""
    width, height = SIZES[kind]
    if kind in EXTERNAL_LABELS and name:
        return max(width, LABEL_WIDTH), height + LABEL_GAP + label_height(name)
    return width, height


def _node(node_id: str, kind: str, name: str) -> str:
    width, height = _box(kind, name)
    return f'    "{node_id}" [shape=box, width={width / 72:.4f}, height={height / 72:.4f}];'


def _floats(text: str) -> list[float]:
    return [float(v) for v in text.split(",")]


def _bezier(points: list[list[float]]) -> list[tuple[float, float]]:
    """A polyline through a cubic B-spline's segment ends and midpoints."""
    out = [(points[0][0], points[0][1])]
    for i in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[i : i + 4]
        mid = tuple(0.125 * (p0[k] + 3 * p1[k] + 3 * p2[k] + p3[k]) for k in (0, 1))
        out.extend([(mid[0], mid[1]), (p3[0], p3[1])])
    return out


def layout_process(d: BpmnProcess, /) -> Geometry:
    """Lay ``d`` out with Graphviz and return the bounds of every shape and the waypoints of every edge."""
    graph = json.loads(layout(to_dot(d), "json"))
    top = _floats(graph["bb"])[3]
    objects = graph.get("objects", [])
    centres: dict[str, tuple[float, float]] = {}
    bands: dict[str, list[float]] = {}
    lane_of: dict[str, str] = {}
    for obj in objects:
        if "nodes" in obj and obj["name"].startswith("cluster_"):
            lane_id = obj["name"][len("cluster_") :]
            x0, y0, x1, y1 = _floats(obj["bb"])
            bands[lane_id] = [top - y1, top - y0]
            for index in obj.get("nodes", []):
                lane_of[objects[index]["name"]] = lane_id
        elif "pos" in obj:
            x, y = _floats(obj["pos"])
            centres[obj["name"]] = (x, top - y)

    shift = _separate(bands)
    dx = POOL_HEADER + LANE_HEADER + MARGIN
    shapes: dict[str, Bounds] = {}
    labels: dict[str, Bounds] = {}
    kinds = {n.id: n.tag for n in d.nodes} | {r.reference: "dataObjectReference" for r in d.data}
    names = _names(d)
    for node_id, kind in kinds.items():
        if node_id not in centres:
            raise OpccError(f"Graphviz left {node_id} out of the layout")
        width, height = SIZES[kind]
        box_height = _box(kind, names[node_id])[1]
        cx, cy = centres[node_id]
        cy += shift[lane_of[node_id]]
        top = round(cy - box_height / 2)
        shapes[node_id] = Bounds(round(cx - width / 2) + dx, top, width, height)
        if box_height > height:
            labels[node_id] = Bounds(round(cx - LABEL_WIDTH / 2) + dx, top + height + LABEL_GAP, LABEL_WIDTH, box_height - height - LABEL_GAP)

    edges: dict[str, tuple[tuple[int, int], ...]] = {}
    for edge in graph.get("edges", []):
        spline = next((op["points"] for op in edge.get("_draw_", []) if op["op"] == "b"), None)
        edge_id = edge.get("id")
        if spline is None or edge_id is None:
            continue
        source, target = objects[edge["tail"]]["name"], objects[edge["head"]]["name"]
        points = _bezier(spline)
        s0, s1 = shift[lane_of[source]], shift[lane_of[target]]
        n = max(len(points) - 1, 1)
        moved = [(x, top - y + s0 + (s1 - s0) * i / n) for i, (x, y) in enumerate(points)]
        edges[edge_id] = _attach(moved, shapes[source], shapes[target], dx)
        if "lp" in edge:
            width = next((op.get("width", 0) for op in edge.get("_ldraw_", []) if op["op"] == "T"), 0)
            lx, ly = _floats(edge["lp"])
            ly = top - ly + (s0 + s1) / 2
            labels[edge_id] = Bounds(round(lx - width / 2) + dx, round(ly - EDGE_LABEL_SIZE / 2 - 2), round(width), EDGE_LABEL_SIZE + 4)

    width = max((b.x + b.width for b in shapes.values()), default=dx) + MARGIN
    lane_ids = [lane.id for lane in d.lanes]
    ordered = sorted(lane_ids, key=lambda k: (bands[k][0] + shift[k], lane_ids.index(k)))
    edges_y = [bands[k][0] + shift[k] for k in ordered] + [bands[ordered[-1]][1] + shift[ordered[-1]]]
    for i, lane_id in enumerate(ordered):
        y0 = round(edges_y[i])
        y1 = round(edges_y[i + 1])
        shapes[lane_id] = Bounds(POOL_HEADER, y0, width - POOL_HEADER, y1 - y0)
    pool_top = round(edges_y[0])
    shapes[f"Participant_{d.id}"] = Bounds(0, pool_top, width, round(edges_y[-1]) - pool_top)
    return Geometry(shapes, edges, labels)


def _separate(bands: dict[str, list[float]]) -> dict[str, float]:
    """How far down each lane moves so no two lanes share a y range (Graphviz order kept)."""
    shift: dict[str, float] = {}
    floor = None
    for lane_id in sorted(bands, key=lambda k: (bands[k][0], k)):
        y0, y1 = bands[lane_id]
        move = 0.0 if floor is None or y0 >= floor else floor - y0
        shift[lane_id] = move
        floor = y1 + move
    return shift


def _attach(points: list[tuple[float, float]], source: Bounds, target: Bounds, dx: int) -> tuple[tuple[int, int], ...]:
    """Integer waypoints, with the ends on the source's and target's borders."""
    inner = [(round(x) + dx, round(y)) for x, y in points]
    first = _border(source, inner[1] if len(inner) > 1 else inner[0])
    last = _border(target, inner[-2] if len(inner) > 1 else inner[-1])
    out = [first, *inner[1:-1], last]
    return tuple(p for i, p in enumerate(out) if i == 0 or p != out[i - 1]) if len(out) > 2 else tuple(out)


def _border(box: Bounds, towards: tuple[int, int]) -> tuple[int, int]:
    """Where the segment from the centre of ``box`` towards a point leaves the box."""
    cx, cy = box.x + box.width / 2, box.y + box.height / 2
    vx, vy = towards[0] - cx, towards[1] - cy
    if vx == 0 and vy == 0:
        return round(cx), round(cy)
    scale = min(box.width / 2 / abs(vx) if vx else float("inf"), box.height / 2 / abs(vy) if vy else float("inf"))
    return round(cx + vx * min(scale, 1.0)), round(cy + vy * min(scale, 1.0))
