"""Edge labels never overlap each other or a node, measured on Graphviz's own layout of every reference process map.

Boxes come from the layout JSON: a node is its ``pos`` ± half its ``width`` and
``height``; a label is the union of its text lines (``_ldraw_`` text operations:
anchor, alignment, width and font size). Invisible nodes are skipped.
"""

from __future__ import annotations

import json
from itertools import combinations

import pytest

import opcc_model
from opcc_model.render.backend import layout
from opcc_model.render.processmap import process_map

REFERENCE = opcc_model.load(opcc_model.reference_root())

Box = tuple[float, float, float, float]

SLACK = 1.0
"""Points two boxes may share before they count as overlapping (rounding in the layout)."""


def text_box(ops: list[dict]) -> Box | None:
    """The box around the text operations of one ``_ldraw_`` list (y up), or None without text."""
    size, boxes = 10.0, []
    for op in ops:
        if op["op"] == "F":
            size = float(op["size"])
        elif op["op"] == "T" and op["text"].strip():
            x, y, w = float(op["pt"][0]), float(op["pt"][1]), float(op["width"])
            left = {"l": x, "r": x - w}.get(op["align"], x - w / 2)
            boxes.append((left, y - 0.25 * size, left + w, y + 0.8 * size))
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def node_box(obj: dict) -> Box | None:
    """The box of a laid-out node, or None for an invisible or zero-size one."""
    if "invis" in obj.get("style", "") or "pos" not in obj:
        return None
    x, y = (float(v) for v in obj["pos"].split(","))
    w, h = float(obj["width"]) * 36, float(obj["height"]) * 36
    return None if w == 0 or h == 0 else (x - w, y - h, x + w, y + h)


def overlap(a: Box, b: Box) -> bool:
    """True when the boxes share more than :data:`SLACK` points both ways."""
    return min(a[2], b[2]) - max(a[0], b[0]) > SLACK and min(a[3], b[3]) - max(a[1], b[1]) > SLACK


def overlaps(data: dict) -> list[str]:
    """Every overlapping pair (label, label) and (label, node) in a laid-out graph, named."""
    nodes = {o["name"]: box for o in data["objects"] if "nodes" not in o and (box := node_box(o))}
    names = {o["_gvid"]: o["name"] for o in data["objects"]}
    labels = {}
    for edge in data.get("edges", []):
        box = text_box(edge.get("_ldraw_", []))
        if box:
            labels[f"edge {names[edge['tail']]}->{names[edge['head']]}"] = box
    found = [f"{a} / {b}" for (a, x), (b, y) in combinations(sorted(labels.items()), 2) if overlap(x, y)]
    found += [f"{a} / {n}" for a, x in sorted(labels.items()) for n, y in sorted(nodes.items()) if overlap(x, y)]
    found += [f"{a} / {b}" for (a, x), (b, y) in combinations(sorted(nodes.items()), 2) if overlap(x, y)]
    return found


def test_overlap_is_measured() -> None:
    data = json.loads(layout('digraph { rankdir=LR; a -> b [label="a long label here"]; a -> b [label="a long label here"] }', "json"))
    assert overlaps(data) == []
    crowded = {"objects": [{"_gvid": 0, "name": "a", "pos": "10,10", "width": "1", "height": "1"},
                           {"_gvid": 1, "name": "b", "pos": "20,10", "width": "1", "height": "1"}]}
    assert overlaps(crowded) == ["a / b"]


@pytest.mark.parametrize("process_id", [p.id for p in REFERENCE.processes])
def test_no_label_overlaps_in_reference_maps(backend: str, process_id: str) -> None:
    data = json.loads(layout(process_map(REFERENCE, process_id).source, "json", backend=backend))
    assert overlaps(data) == []
