"""The hand-offs across the boundary: one row per crossing, as ``opcc check`` reports them.

A crossing is one thing handed across sides, at the level where it happens (see
:mod:`opcc_model.queries.crossings`): producers of the same artifacts for one consumer are
one row, and a sub-process that hands on what an activity inside it hands on is reported
at the inner activity. Each row says which kind of crossing it is: between the principals
(``OPCC-D101``), with oversight (``OPCC-D103``) or with partners (``OPCC-D104``).

>>> import opcc_model
>>> handoffs(opcc_model.load(opcc_model.example_root("minimal"))).rows
()
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import ClassVar

from opcc_model.model import SIDES, Model
from opcc_model.queries.crossings import boundary_crossings
from opcc_model.queries.index import area_activity_ids
from opcc_model.queries.table import QueryResult, Tabular
from opcc_model.wording import count as counted

__all__ = ["CROSSING_KINDS", "HandoffTable", "handoffs"]

CROSSING_KINDS = {"OPCC-D101": "principals", "OPCC-D103": "oversight", "OPCC-D104": "partners"}
"""The kind of a crossing by its finding code: between the two principals, with oversight, with partners."""

_KIND_WORDS = {"principals": "between the principals", "oversight": "with oversight", "partners": "with partners"}
_KIND_ORDER = {kind: i for i, kind in enumerate(CROSSING_KINDS.values())}
_SIDE_ORDER = {side: i for i, side in enumerate(SIDES)}


@dataclass(frozen=True)
class HandoffTable(QueryResult):
    """Rows ``(kind, finding, from, to, consumer, producers, artifacts)``, one per crossing (``finding``: its code).

    ``kind`` is ``principals``, ``oversight`` or ``partners``; ``from`` and ``to`` are sides;
    ``producers`` are the activities on ``from`` that hand ``artifacts`` (empty: their
    completion, an ``after`` ordering) to the ``consumer`` on ``to``.
    """

    categories: ClassVar[dict[str, tuple[str, ...]]] = {"kind": tuple(CROSSING_KINDS.values())}

    def count(self, source: str, target: str) -> int:
        """How many crossings run from side ``source`` to side ``target``."""
        return sum(1 for row in self.rows if row[2:4] == (source, target))

    def kinds(self) -> dict[str, int]:
        """How many crossings of each kind (every kind listed, in order)."""
        found = Counter(str(row[0]) for row in self.rows)
        return {kind: found[kind] for kind in CROSSING_KINDS.values()}

    def summary(self) -> str:
        """One sentence: how many crossings, of which kind.

        >>> HandoffTable(title="t", columns=(), rows=()).summary()
        '0 crossings: 0 between the principals, 0 with oversight, 0 with partners.'
        """
        parts = ", ".join(f"{n} {_KIND_WORDS[kind]}" for kind, n in self.kinds().items())
        return f"{counted(len(self.rows), 'crossing')}: {parts}."

    def to_text(self, **options: int) -> str:
        """The summary sentence, then the crossings as an aligned table."""
        return f"{self.summary()}\n\n{Tabular.to_text(self, **options)}"


def handoffs(model: Model, /, *, area: str | None = None) -> HandoffTable:
    """Every crossing of the boundary, one row each, grouped by kind then sides (as ``opcc check`` reports them).

    The crossings are those of the findings OPCC-D101, D103 and D104
    (:func:`opcc_model.queries.crossings.boundary_crossings`): activities on one side hand
    something to an activity on another, at least one of the sides a principal's. With
    ``area``, only activities in scope for the area count (its jurisdiction, without
    other areas' own processes or the shared activities it overrides) (a crossing keeps
    the producers in scope, and goes if none is). Rows: principals, then oversight, then
    partners; within a kind by side order (:data:`opcc_model.model.SIDES`), then consumer.

    Raises :class:`~opcc_model.errors.NotFound` for an unknown area.

    >>> import opcc_model
    >>> table = handoffs(opcc_model.load(opcc_model.example_root("minimal")), area="example-area")
    >>> table.count("commissioner", "chief-constable"), table.kinds()["principals"]
    (0, 0)
    """
    scoped = area_activity_ids(model, area)
    rows = []
    for crossing in boundary_crossings(model):
        if scoped is not None and crossing.consumer not in scoped:
            continue
        producers = crossing.producers if scoped is None else tuple(p for p in crossing.producers if p in scoped)
        if producers:
            kind = CROSSING_KINDS[crossing.code]
            rows.append((kind, crossing.code, crossing.source, crossing.target, crossing.consumer, producers, crossing.artifacts))
    rows.sort(key=lambda r: (_KIND_ORDER[r[0]], _SIDE_ORDER[r[2]], _SIDE_ORDER[r[3]], r[4], r[6], r[5]))
    title = f"Hand-offs across the boundary in {area}" if area else "Hand-offs across the boundary"
    return HandoffTable(title=title, columns=("kind", "finding", "from", "to", "consumer", "producers", "artifacts"), rows=tuple(rows))
