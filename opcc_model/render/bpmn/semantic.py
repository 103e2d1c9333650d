"""What a process's BPMN diagram holds: a tiny value model built from the opcc model, before any XML.

Ids are derived from model ids (slugs are XML NCName-safe after a prefix), so the
same model always gives the same ids.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> d = bpmn_process(model, "conduct-stakeholder-analysis")
>>> [(n.id, n.tag) for n in d.nodes]  # doctest: +NORMALIZE_WHITESPACE
[('StartEvent_conduct-stakeholder-analysis', 'startEvent'), ('Activity_identify-stakeholders', 'userTask'),
 ('Activity_agree-outcomes', 'userTask'), ('EndEvent_conduct-stakeholder-analysis', 'endEvent')]
>>> [f.id for f in d.flows]
['StartFlow_identify-stakeholders', 'Flow_identify-stakeholders_agree-outcomes', 'EndFlow_agree-outcomes']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from opcc_model.graph import dependencies
from opcc_model.model import SIDES, Activity, Model
from opcc_model.render.ordering import roles_in_order

__all__ = ["LaneMode", "Lane", "Node", "Flow", "DataObject", "DataLink", "BpmnProcess", "bpmn_process"]

LaneMode = Literal["side", "role"]

_TAGS = {"task": "task", "decision": "task", "event": "intermediateThrowEvent", "subprocess": "callActivity"}
"""BPMN element of each activity kind: a decision is a task (the work of deciding), followed by an
exclusive gateway carrying its outcomes when it has any."""
_SIDE_NAMES = {
    "commissioner": "Commissioner",
    "chief-constable": "Chief Constable",
    "oversight": "Oversight",
    "partner": "Partners",
    "public": "Public",
}
UNASSIGNED = "LaneUnassigned"


@dataclass(frozen=True)
class Lane:
    """One lane of the pool: a side or a role, with the flow nodes it holds."""

    id: str
    name: str
    nodes: tuple[str, ...]


@dataclass(frozen=True)
class Node:
    """One flow node: a task, gateway, event or call activity (``tag`` is its BPMN element name)."""

    id: str
    tag: str
    name: str
    lane: str
    documentation: str | None = None
    called: str | None = None
    source: str | None = None  # the activity id it was built from


@dataclass(frozen=True)
class Flow:
    """A sequence flow between two flow nodes; ``name`` is a decision outcome's (the condition), if any."""

    id: str
    source: str
    target: str
    name: str = ""


@dataclass(frozen=True)
class DataObject:
    """An artifact used in the process: a dataObject and its dataObjectReference."""

    id: str
    reference: str
    name: str
    lane: str
    artifact: str


@dataclass(frozen=True)
class DataLink:
    """A data object read (``input``) or written (``output``) by a flow node.

    ``kind`` is the BPMN element: ``dataInputAssociation`` / ``dataOutputAssociation``
    for activities, a directed ``association`` for gateways and events (BPMN gives
    gateways no data associations).
    """

    id: str
    kind: str
    node: str
    data: str
    direction: Literal["input", "output"]

    @property
    def source(self) -> str:
        """The id the drawn edge starts from."""
        return self.data if self.direction == "input" else self.node

    @property
    def target(self) -> str:
        """The id the drawn edge ends at."""
        return self.node if self.direction == "input" else self.data


@dataclass(frozen=True)
class BpmnProcess:
    """Everything one process's ``.bpmn`` file draws."""

    id: str
    name: str
    documentation: str | None
    lanes: tuple[Lane, ...]
    nodes: tuple[Node, ...]
    flows: tuple[Flow, ...]
    data: tuple[DataObject, ...] = ()
    links: tuple[DataLink, ...] = field(default=())

    @property
    def process_id(self) -> str:
        """The BPMN id of the process element."""
        return f"Process_{self.id}"


def _lane_key(model: Model, activity: Activity, lanes: LaneMode) -> str | None:
    if activity.accountable is None:
        return None
    return activity.accountable if lanes == "role" else model.role(activity.accountable).side


def bpmn_process(model: Model, process_id: str, /, *, lanes: LaneMode = "side") -> BpmnProcess:
    """The BPMN content of one process: lanes, flow nodes, sequence flows, data objects and links."""
    process = model.process(process_id)
    activity_ids = [a.id for a in process.activities]
    inside = set(activity_ids)
    deps = dependencies(model).subgraph(activity_ids)

    lane_of = {a.id: _lane_key(model, a, lanes) for a in process.activities}
    order = roles_in_order(model) if lanes == "role" else list(SIDES)
    used = [k for k in order if k in lane_of.values()]
    lane_ids = {k: f"Lane_{k}" for k in used}
    lane_ids[None] = UNASSIGNED  # type: ignore[index]

    def lane(activity_id: str) -> str:
        return lane_ids[lane_of[activity_id]]  # type: ignore[index]

    nodes: list[Node] = []
    flows: list[Flow] = []
    sources = [a for a in activity_ids if not any(p in inside for p in deps.predecessors(a))]
    sinks = [a for a in activity_ids if not any(s in inside for s in deps.successors(a))]
    default_lane = lane(activity_ids[0]) if activity_ids else UNASSIGNED
    start, end = f"StartEvent_{process.id}", f"EndEvent_{process.id}"
    nodes.append(Node(start, "startEvent", "Start", lane(sources[0]) if sources else default_lane))
    for a in process.activities:
        tag = _TAGS[a.kind]
        if tag == "task" and (a.accountable or a.responsible):
            tag = "userTask"
        called = f"Process_{a.process}" if a.process else None
        nodes.append(Node(f"Activity_{a.id}", tag, a.name, lane(a.id), a.guidance, called, a.id))
    nodes.append(Node(end, "endEvent", "End", lane(sinks[-1]) if sinks else default_lane))
    branching = {a.id for a in process.activities if a.outcomes}

    flows.extend(Flow(f"StartFlow_{a}", start, f"Activity_{a}") for a in sources)
    for u, v in sorted(deps.edges, key=lambda e: (activity_ids.index(e[0]), activity_ids.index(e[1]))):
        if u != v:
            flows.append(Flow(f"Flow_{u}_{v}", f"Activity_{u}", f"Activity_{v}"))
    flows.extend(Flow(f"EndFlow_{a}", f"Activity_{a}", end) for a in sinks if a not in branching)
    if not activity_ids:
        flows.append(Flow(f"Flow_{process.id}", start, end))
    for a in process.activities:
        if a.outcomes:
            nodes, flows = _branch(model, a, inside, nodes, flows, lane(a.id))
    if branching and not any(f.target == end for f in flows):
        nodes = [n for n in nodes if n.id != end]  # every way out ends at an outcome's own end event

    nodes, flows = _explicit_gateways(nodes, flows)
    data: dict[str, DataObject] = {}
    links: list[DataLink] = []
    for a in process.activities:
        node = f"Activity_{a.id}"
        for direction, artifacts in (("input", a.inputs), ("output", a.outputs)):
            for artifact_id in dict.fromkeys(artifacts):
                if artifact_id not in data:
                    name = model.artifact(artifact_id).name
                    data[artifact_id] = DataObject(
                        f"DataObject_{artifact_id}", f"DataObjectReference_{artifact_id}", name, lane(a.id), artifact_id
                    )
                kind = _link_kind(_TAGS[a.kind], direction)
                prefix = "DataInput" if direction == "input" else "DataOutput"
                links.append(
                    DataLink(f"{prefix}_{a.id}_{artifact_id}", kind, node, data[artifact_id].reference, direction)  # type: ignore[arg-type]
                )

    lane_values = [Lane(lane_ids[k], _lane_name(model, k, lanes), tuple(n.id for n in nodes if n.lane == lane_ids[k])) for k in used]
    if any(n.lane == UNASSIGNED for n in nodes):
        lane_values.append(Lane(UNASSIGNED, "Unassigned", tuple(n.id for n in nodes if n.lane == UNASSIGNED)))
    return BpmnProcess(process.id, process.name, process.guidance, tuple(lane_values), tuple(nodes), tuple(flows), tuple(data.values()), tuple(links))


def _branch(model: Model, activity: Activity, inside: set[str], nodes: list[Node], flows: list[Flow], lane: str) -> tuple[list[Node], list[Flow]]:
    """Put an exclusive gateway after the decision ``activity``, one named flow per outcome.

    An outcome leading to activities of this process flows to them (outcomes that lead to
    the same activity share one flow, named "a / b"); one leading elsewhere ends in its own
    end event, named after where it leads. Other flows out of the decision leave from the task.
    """
    task, gateway = f"Activity_{activity.id}", f"Decision_{activity.id}"
    at = next(i for i, n in enumerate(nodes) if n.id == task)
    added = [Node(gateway, "exclusiveGateway", "", lane, source=activity.id)]
    named: dict[str, list[str]] = {}
    outside: list[tuple[int, str, tuple[str, ...]]] = []
    for index, outcome in enumerate(activity.outcomes):
        here = [t for t in outcome.then if t in inside]
        for target in here:
            named.setdefault(target, []).append(outcome.name)
        if not here:
            outside.append((index, outcome.name, outcome.then))
    kept: list[Flow] = []
    for f in flows:
        if f.source != task:
            kept.append(f)
        elif f.target.removeprefix("Activity_") not in named:
            kept.append(f)  # not an outcome: it leaves the task (in parallel with the decision), not the gateway
    kept.append(Flow(f"DecisionFlow_{activity.id}", task, gateway))
    for target, names in named.items():
        kept.append(Flow(f"Outcome_{activity.id}_{target}", gateway, f"Activity_{target}", " / ".join(names)))
    for index, name, then in outside:
        end = f"OutcomeEnd_{activity.id}_{index + 1}"
        leads = ", ".join(model.activity(t).name for t in then) or "the end of the process"
        added.append(Node(end, "endEvent", leads, lane))
        kept.append(Flow(f"OutcomeFlow_{activity.id}_{index + 1}", gateway, end, name))
    return nodes[: at + 1] + added + nodes[at + 1 :], kept


def _explicit_gateways(nodes: list[Node], flows: list[Flow]) -> tuple[list[Node], list[Flow]]:
    """Make implicit splits and joins explicit: a parallel gateway after a node with several
    outgoing flows and before one with several incoming (exclusive gateways split and merge themselves)."""
    outs = {n.id: [f for f in flows if f.source == n.id] for n in nodes}
    ins = {n.id: [f for f in flows if f.target == n.id] for n in nodes}
    result_nodes: list[Node] = []
    moved_source: dict[str, str] = {}
    moved_target: dict[str, str] = {}
    extra: list[Flow] = []
    for n in nodes:
        if len(ins[n.id]) > 1 and n.tag != "exclusiveGateway":
            join = f"Join_{n.id}"
            result_nodes.append(Node(join, "parallelGateway", "", n.lane))
            moved_target.update({f.id: join for f in ins[n.id]})
            extra.append(Flow(f"JoinFlow_{n.id}", join, n.id))
        result_nodes.append(n)
        if len(outs[n.id]) > 1 and n.tag != "exclusiveGateway":
            split = f"Split_{n.id}"
            result_nodes.append(Node(split, "parallelGateway", "", n.lane))
            moved_source.update({f.id: split for f in outs[n.id]})
            extra.append(Flow(f"SplitFlow_{n.id}", n.id, split))
    result_flows = [Flow(f.id, moved_source.get(f.id, f.source), moved_target.get(f.id, f.target), f.name) for f in flows]
    return result_nodes, result_flows + extra


def _link_kind(tag: str, direction: str) -> str:
    if tag in ("exclusiveGateway", "intermediateThrowEvent"):
        return "association"
    return "dataInputAssociation" if direction == "input" else "dataOutputAssociation"


def _lane_name(model: Model, key: str, lanes: LaneMode) -> str:
    return model.role(key).name if lanes == "role" else _SIDE_NAMES[key]
