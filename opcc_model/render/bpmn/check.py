"""The BPMN exporter checks itself before it writes: nothing drawn is missing, nothing is dropped."""

from __future__ import annotations

from opcc_model.errors import OpccError
from opcc_model.model import Model
from opcc_model.render.bpmn.layout import Geometry
from opcc_model.render.bpmn.semantic import BpmnProcess

__all__ = ["check_diagram"]


def check_diagram(model: Model, d: BpmnProcess, geometry: Geometry, /) -> None:
    """Raise :class:`OpccError` unless every element of ``d`` is drawn and every activity and artifact is in ``d``.

    Checks: each activity of the process is a flow node and each artifact it reads or
    writes a data object; each flow node sits in exactly one lane; each flow node, data
    object, lane and the pool has a shape; each sequence flow and data link has an edge
    of at least two waypoints; each flow joins two flow nodes of the diagram.

    >>> import opcc_model
    >>> from opcc_model.render.bpmn.semantic import bpmn_process
    >>> from opcc_model.render.bpmn.layout import Geometry
    >>> model = opcc_model.load(opcc_model.example_root("minimal"))
    >>> d = bpmn_process(model, "conduct-stakeholder-analysis")
    >>> check_diagram(model, d, Geometry({}, {}))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    opcc_model.errors.OpccError: BPMN export of process 'conduct-stakeholder-analysis' is incomplete: no shape for ...
    """
    problems: list[str] = []
    process = model.process(d.id)
    sources = {n.source for n in d.nodes if n.source}
    problems += [f"activity {a.id} is not a flow node" for a in process.activities if a.id not in sources]
    artifacts = {data.artifact for data in d.data}
    used = {x for a in process.activities for x in (*a.inputs, *a.outputs)}
    problems += [f"artifact {x} is not a data object" for x in sorted(used - artifacts)]
    node_ids = [n.id for n in d.nodes]
    in_lanes = [n for lane in d.lanes for n in lane.nodes]
    problems += [f"flow node {n} is in {in_lanes.count(n)} lanes" for n in node_ids if in_lanes.count(n) != 1]
    shaped = [f"Participant_{d.id}", *(lane.id for lane in d.lanes), *node_ids, *(r.reference for r in d.data)]
    problems += [f"no shape for {s}" for s in shaped if s not in geometry.shapes]
    for flow in d.flows:
        if flow.source not in node_ids or flow.target not in node_ids:
            problems.append(f"sequence flow {flow.id} does not join two flow nodes")
    for edge_id in [*(f.id for f in d.flows), *(k.id for k in d.links)]:
        if len(geometry.edges.get(edge_id, ())) < 2:
            problems.append(f"no edge for {edge_id}")
    ids = [*shaped, *(f.id for f in d.flows), *(k.id for k in d.links), *(x.id for x in d.data)]
    problems += [f"id {i} is used twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    if problems:
        raise OpccError(f"BPMN export of process {d.id!r} is incomplete: " + "; ".join(problems))
