"""Model → networkx graphs: the typed model graph and the activity dependency graph.

Node keys of the model graph are ``"kind:id"`` (``"activity:identify-stakeholders"``,
``"code:1.1"``); every node has ``kind``, ``id`` and ``name`` attributes, every edge a
``kind`` (``contains``, ``opens``, ``precedes``, ``produces``, ``consumes``,
``maps-to``, ``reports-to``, ``accountable``, ``responsible``, ``consulted``,
``informed``; RACI edges also carry their ``letter``).

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> g = build(model)
>>> g.nodes["activity:identify-stakeholders"]["kind"]
'activity'
>>> sorted(d["kind"] for _, _, d in g.out_edges("activity:identify-stakeholders", data=True))
['maps-to', 'precedes', 'produces']
>>> list(dependencies(model).edges(data="artifacts"))
[('identify-stakeholders', 'agree-outcomes', ('stakeholder-map',))]
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from opcc_model.model import PRINCIPAL_SIDES, Model, Side

__all__ = [
    "NODE_KINDS",
    "EDGE_KINDS",
    "RACI_EDGES",
    "node_key",
    "build",
    "dependencies",
    "producers",
    "consumers",
    "activity_sides",
    "side_of_activity",
    "is_cross_boundary",
]

NODE_KINDS = ("stage", "process", "activity", "artifact", "role", "code")
RACI_EDGES = {"A": "accountable", "R": "responsible", "C": "consulted", "I": "informed"}
EDGE_KINDS = ("contains", "opens", "precedes", "produces", "consumes", "maps-to", "reports-to", *RACI_EDGES.values())


def node_key(kind: str, id: str) -> str:
    """The key of a node in :func:`build`'s graph.

    >>> node_key("code", "1.1")
    'code:1.1'
    """
    return f"{kind}:{id}"


def build(model: Model, /) -> nx.MultiDiGraph:
    """The typed graph of the whole model (built once per model and shared: do not mutate it).

    Edges: stage -contains-> process, process -contains-> activity, parent process
    -contains-> child process, code -contains-> child code, subprocess activity -opens->
    process, earlier activity -precedes-> later (from ``after``), activity -produces->
    artifact -consumes-> activity, activity -maps-to-> code, role -reports-to-> role,
    role -accountable/responsible/consulted/informed-> activity.
    """
    return model.memo("graph", _build)


class _Edges:
    """Adds the edges of :func:`build` with shared, read-only attribute dicts.

    A national model has hundreds of thousands of edges, and ``add_edge`` gives each a key
    dict and an attribute dict of its own (~0.4 KB each). Here node pairs whose edges have
    the same attributes share one key dict (made once per distinct list of attributes),
    written straight into the adjacency so nothing else is held meanwhile, and node keys
    are made once per node (the graph is shared and must not be mutated, as :func:`build` says).
    """

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        self.keys: dict[str, dict[str, str]] = defaultdict(dict)
        self.shared: dict[tuple[tuple[tuple[str, str], ...], ...], dict[int, dict[str, str]]] = {}
        self.signatures: dict[int, tuple[tuple[tuple[str, str], ...], ...]] = {}

    def node(self, kind: str, id: str, /, **attrs: str) -> str:
        key = self.keys[kind][id] = node_key(kind, id)
        self.graph.add_node(key, kind=kind, id=id, **attrs)
        return key

    def key(self, kind: str, id: str, /) -> str:
        return self.keys[kind].get(id) or node_key(kind, id)

    def add(self, u: str, v: str, /, **attrs: str) -> None:
        g = self.graph
        for node in (u, v):
            if node not in g._node:
                g.add_node(node)
        row = g._succ[u]
        current = row.get(v)
        signature: tuple[tuple[tuple[str, str], ...], ...] = (tuple(attrs.items()),)
        if current is not None:
            signature = self.signatures[id(current)] + signature
        keydict = self.shared.get(signature)
        if keydict is None:
            keydict = self.shared[signature] = {i: dict(items) for i, items in enumerate(signature)}
            self.signatures[id(keydict)] = signature
        row[v] = keydict
        g._pred[v][u] = keydict


def _build(model: Model) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    edges = _Edges(g)
    for stage in model.stages:
        edges.node("stage", stage.id, name=stage.name)
    for role in model.roles:
        edges.node("role", role.id, name=role.name, side=role.side)
    for artifact in model.artifacts:
        edges.node("artifact", artifact.id, name=artifact.name)
    for code in model.codes:
        edges.node("code", code.code, name=code.name)
    for process in model.processes:
        edges.node("process", process.id, name=process.name)
        for activity in process.activities:
            edges.node("activity", activity.id, name=activity.name)

    key, add = edges.key, edges.add
    for role in model.roles:
        if role.reports_to:
            add(key("role", role.id), key("role", role.reports_to), kind="reports-to")
    for code in model.codes:
        if code.parent:
            add(key("code", code.parent), key("code", code.code), kind="contains")
    for process in model.processes:
        pkey = key("process", process.id)
        add(key("stage", process.stage), pkey, kind="contains")
        if process.parent:
            add(key("process", process.parent), pkey, kind="contains")
        for activity in process.activities:
            akey = key("activity", activity.id)
            add(pkey, akey, kind="contains")
            if activity.process:
                add(akey, key("process", activity.process), kind="opens")
            for before in activity.after:
                add(key("activity", before), akey, kind="precedes")
            for made in activity.outputs:
                add(akey, key("artifact", made), kind="produces")
            for used in activity.inputs:
                add(key("artifact", used), akey, kind="consumes")
            for mapped in activity.pag:
                add(akey, key("code", mapped), kind="maps-to")
            for letter, role_id in activity.roles():
                add(key("role", role_id), akey, kind=RACI_EDGES[letter], letter=letter)
    return g


def producers(model: Model, /) -> dict[str, tuple[str, ...]]:
    """For each artifact id, the ids of the activities that produce it (file order).

    >>> import opcc_model
    >>> producers(opcc_model.load(opcc_model.example_root("minimal")))["stakeholder-map"]
    ('identify-stakeholders',)
    """
    return model.memo("producers", lambda m: _by_artifact(m, "outputs"))


def consumers(model: Model, /) -> dict[str, tuple[str, ...]]:
    """For each artifact id, the ids of the activities that consume it (file order)."""
    return model.memo("consumers", lambda m: _by_artifact(m, "inputs"))


def _by_artifact(model: Model, field: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = defaultdict(list)
    for activity in model.activities:
        for artifact in getattr(activity, field):
            if activity.id not in found[artifact]:
                found[artifact].append(activity.id)
    return {k: tuple(v) for k, v in found.items()}


def dependencies(model: Model, /) -> nx.DiGraph:
    """The activity dependency graph: ``A → B`` when B consumes what A produces, or B is ``after`` A.

    Each edge has ``artifacts`` (the sorted ids that flow from A to B, maybe empty) and
    ``after`` (True when B lists A in ``after``). Nodes are activity ids, in file order.
    Built once per model and shared: do not mutate it.
    """
    return model.memo("dependencies", _dependencies)


def _dependencies(model: Model) -> nx.DiGraph:
    g = nx.DiGraph()
    g.add_nodes_from(a.id for a in model.activities)
    made_by = producers(model)
    flows: dict[tuple[str, str], set[str]] = defaultdict(set)
    ordered: set[tuple[str, str]] = set()
    for activity in model.activities:
        for artifact in activity.inputs:
            for producer in made_by.get(artifact, ()):
                if producer != activity.id:
                    flows[(producer, activity.id)].add(artifact)
        for before in activity.after:
            ordered.add((before, activity.id))
    succ, pred, nodes, get = g._succ, g._pred, g._node, flows.get
    for edge in sorted(flows.keys() | ordered):  # written straight into the adjacency, as add_edge would
        u, v = edge
        if u not in nodes or v not in nodes:  # an ``after`` naming an unknown activity (a validation error elsewhere)
            g.add_nodes_from(edge)
        found = get(edge)
        artifacts = () if not found else tuple(found) if len(found) == 1 else tuple(sorted(found))
        succ[u][v] = pred[v][u] = {"artifacts": artifacts, "after": edge in ordered}
    return g


def activity_sides(model: Model, /) -> dict[str, Side | None]:
    """For each activity id, the side of its accountable role (``None``: nobody, or an unknown role).

    Built once per model and shared: do not mutate it.
    """

    def build(m: Model) -> dict[str, Side | None]:
        role_side = {r.id: r.side for r in m.roles}
        return {a.id: role_side.get(a.accountable) if a.accountable else None for a in m.activities}

    return model.memo("activity-sides", build)


def side_of_activity(model: Model, activity_id: str, /) -> Side | None:
    """The side of the activity's accountable role, or ``None`` when nobody is accountable.

    Raises :class:`~opcc_model.errors.NotFound` for an unknown activity.

    >>> import opcc_model
    >>> side_of_activity(opcc_model.load(opcc_model.example_root("minimal")), "agree-outcomes")
    'commissioner'
    """
    sides = activity_sides(model)
    if activity_id not in sides:
        model.activity(activity_id)  # raises NotFound with the usual message
    return sides[activity_id]


def is_cross_boundary(model: Model, producer: str, consumer: str, /) -> bool:
    """Whether a dependency from ``producer`` to ``consumer`` crosses the boundary.

    True when both activities have an accountable role, the two sides differ, and at
    least one of them is a principal side (commissioner or chief constable).
    """
    a, b = side_of_activity(model, producer), side_of_activity(model, consumer)
    return a is not None and b is not None and a != b and (a in PRINCIPAL_SIDES or b in PRINCIPAL_SIDES)
