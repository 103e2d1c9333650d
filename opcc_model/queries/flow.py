"""What an activity depends on, what depends on it, and the path between two activities.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> [row[0] for row in downstream(model, "identify-stakeholders")]
['agree-outcomes']
>>> path(model, "identify-stakeholders", "agree-outcomes").rows[0][3]
('stakeholder-map',)
"""

from __future__ import annotations

import networkx as nx

from opcc_model.errors import NotFound
from opcc_model.graph import dependencies
from opcc_model.model import Model
from opcc_model.queries.index import accountable_side
from opcc_model.queries.table import QueryResult

__all__ = ["NoPath", "upstream", "downstream", "path", "ACTIVITY_COLUMNS"]

ACTIVITY_COLUMNS = ("activity", "name", "process", "side", "distance")
"""The columns of :func:`upstream` and :func:`downstream`."""


class NoPath(NotFound):
    """No dependency path joins two activities."""


def _known(model: Model, activity_id: str) -> None:
    model.activity(activity_id)  # raises NotFound naming the id


def _reach(model: Model, activity_id: str, *, reverse: bool, title: str) -> QueryResult:
    _known(model, activity_id)
    graph = dependencies(model)
    distances = nx.single_source_shortest_path_length(graph.reverse(copy=False) if reverse else graph, activity_id)
    rows = []
    for other, distance in sorted(distances.items(), key=lambda item: (item[1], item[0])):
        if other == activity_id:
            continue
        activity = model.activity(other)
        rows.append((other, activity.name, model.process_of(other).id, accountable_side(model, activity), distance))
    return QueryResult(title=title, columns=ACTIVITY_COLUMNS, rows=tuple(rows))


def upstream(model: Model, activity_id: str, /) -> QueryResult:
    """Every activity ``activity_id`` depends on, directly or not, nearest first (networkx's ancestors).

    Raises :class:`~opcc_model.errors.NotFound` for an unknown activity.

    >>> import opcc_model
    >>> upstream(opcc_model.load(opcc_model.example_root("minimal")), "agree-outcomes").rows
    (('identify-stakeholders', 'Identify stakeholders', 'conduct-stakeholder-analysis', 'commissioner', 1),)
    """
    return _reach(model, activity_id, reverse=True, title=f"Upstream of {activity_id}")


def downstream(model: Model, activity_id: str, /) -> QueryResult:
    """Every activity that depends on ``activity_id``, directly or not, nearest first (networkx's descendants).

    Raises :class:`~opcc_model.errors.NotFound` for an unknown activity.
    """
    return _reach(model, activity_id, reverse=False, title=f"Downstream of {activity_id}")


def path(model: Model, source: str, target: str, /) -> QueryResult:
    """The shortest dependency path from ``source`` to ``target``: one row per step with the artifacts handed on.

    Columns: ``step``, ``from``, ``to``, ``artifacts`` (ids that flow), ``after`` (the step
    is also an ``after`` ordering). Raises :class:`NoPath` when ``target`` does not depend on
    ``source``, and :class:`~opcc_model.errors.NotFound` for an unknown activity.

    >>> import opcc_model
    >>> path(opcc_model.load(opcc_model.example_root("minimal")), "agree-outcomes", "identify-stakeholders")
    Traceback (most recent call last):
    ...
    opcc_model.queries.flow.NoPath: no dependency path from 'agree-outcomes' to 'identify-stakeholders'
    """
    _known(model, source)
    _known(model, target)
    graph = dependencies(model)
    try:
        nodes = nx.shortest_path(graph, source, target)
    except nx.NetworkXNoPath:
        raise NoPath(f"no dependency path from {source!r} to {target!r}") from None
    rows = tuple(
        (step, a, b, graph.edges[a, b]["artifacts"], graph.edges[a, b]["after"])
        for step, (a, b) in enumerate(zip(nodes, nodes[1:]), start=1)
    )
    return QueryResult(
        title=f"Path from {source} to {target}", columns=("step", "from", "to", "artifacts", "after"), rows=rows
    )
