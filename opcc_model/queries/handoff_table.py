"""The hand-off matrix: dependencies between sides, with the artifacts that cross.

>>> import opcc_model
>>> handoffs(opcc_model.load(opcc_model.example_root("minimal"))).rows
()
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from opcc_model.graph import dependencies
from opcc_model.model import SIDES, Model
from opcc_model.queries.index import accountable_side, in_scope
from opcc_model.queries.table import QueryResult

__all__ = ["HandoffTable", "handoffs", "UNASSIGNED"]

UNASSIGNED = "unassigned"
"""The side shown for an activity nobody is accountable for."""

_ORDER = {side: i for i, side in enumerate((*SIDES, UNASSIGNED))}


@dataclass(frozen=True)
class HandoffTable(QueryResult):
    """Rows ``(from side, to side, count, artifacts, pairs)``; ``pairs`` are ``"producer>consumer"`` ids."""

    def count(self, source: str, target: str) -> int:
        """How many dependencies run from side ``source`` to side ``target``."""
        return next((int(row[2]) for row in self.rows if row[:2] == (source, target)), 0)  # type: ignore[arg-type]


def handoffs(model: Model, /, *, area: str | None = None) -> HandoffTable:
    """Every dependency between activities accountable on different sides, grouped by side pair.

    A dependency is an edge of :func:`opcc_model.graph.dependencies` (an artifact handed
    on, or an ``after`` ordering). With ``area``, only activities in scope for the area's
    jurisdiction count. Rows follow the side order of :data:`opcc_model.model.SIDES`.
    One pass over the dependency edges: O(activities + dependencies).

    Raises :class:`~opcc_model.errors.NotFound` for an unknown area.

    >>> import opcc_model
    >>> table = handoffs(opcc_model.load(opcc_model.example_root("minimal")), area="example-area")
    >>> table.count("commissioner", "chief-constable")
    0
    """
    jurisdiction = model.boundary(area).jurisdiction if area is not None else None
    graph = dependencies(model)
    count: dict[tuple[str, str], int] = defaultdict(int)
    artifacts: dict[tuple[str, str], set[str]] = defaultdict(set)
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for producer, consumer, flowing in graph.edges(data="artifacts"):
        made, used = model.activity(producer), model.activity(consumer)
        if not (in_scope(made, jurisdiction) and in_scope(used, jurisdiction)):
            continue
        key = (accountable_side(model, made) or UNASSIGNED, accountable_side(model, used) or UNASSIGNED)
        if key[0] == key[1]:
            continue
        count[key] += 1
        artifacts[key].update(flowing)
        pairs[key].append(f"{producer}>{consumer}")
    rows = tuple(
        (a, b, count[(a, b)], tuple(sorted(artifacts[(a, b)])), tuple(sorted(pairs[(a, b)])))
        for a, b in sorted(count, key=lambda k: (_ORDER[k[0]], _ORDER[k[1]]))
    )
    title = f"Hand-offs between sides in {area}" if area else "Hand-offs between sides"
    return HandoffTable(title=title, columns=("from", "to", "count", "artifacts", "pairs"), rows=rows)
