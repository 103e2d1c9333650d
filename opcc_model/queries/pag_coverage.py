"""Coverage of the glossary in an area: per PAG subtree, leaves held by each holder and leaves delivered.

>>> import opcc_model
>>> table = coverage(opcc_model.load(opcc_model.example_root("minimal")), area="example-area")
>>> table.columns
('code', 'name', 'provenance', 'level', 'leaves', 'commissioner', 'chief-constable', 'joint', 'oversight', 'undecided', 'unallocated', 'delivered')
>>> table.rows[0]
('1', 'Governance', 'open', 1, 1, 1, 0, 0, 0, 0, 0, 1)
"""

from __future__ import annotations

from collections import Counter

from opcc_model.model import Model
from opcc_model.queries.index import children, code_activities, code_order, resolved_allocations, scope_of, undecided_codes
from opcc_model.queries.table import Cell, QueryResult

__all__ = ["coverage", "COVERAGE_COLUMNS", "code_sort_key"]

_TALLIES = ("leaves", "commissioner", "chief-constable", "joint", "oversight", "undecided", "unallocated", "delivered")
COVERAGE_COLUMNS = ("code", "name", "provenance", "level", *_TALLIES)
"""The columns of :func:`coverage`."""


def code_sort_key(code: str) -> tuple[int, ...]:
    """Sort PAG codes numerically: ``"1.10"`` after ``"1.9"``.

    >>> sorted(["1.10", "1.9", "2", "1"], key=code_sort_key)
    ['1', '1.9', '1.10', '2']
    """
    return tuple(int(part) for part in code.split("."))


def coverage(model: Model, /, *, area: str) -> QueryResult:
    """For every glossary code, how many leaves below it each holder has in ``area``, and how many are delivered.

    Each row says where its code comes from (``provenance``: the open reference glossary,
    a licensed PAG file, or an area's local code). A leaf counts under its holder
    (``commissioner``, ``chief-constable``, ``joint``, ``oversight``),
    ``undecided`` (allocated twice to different holders, OPCC-O101) or ``unallocated``, and as ``delivered`` when an activity in scope for the area's
    jurisdiction maps to it; each code sums the leaves of its subtree (a leaf counts
    itself). Rows are in numeric code order. One walk up the tree: O(codes).

    Raises :class:`~opcc_model.errors.NotFound` for an unknown area.
    """
    boundary = model.boundary(area)
    resolved = resolved_allocations(model, area)
    undecided = undecided_codes(model, area)
    mapped = code_activities(model, scope_of(model, area))
    kids = children(model)
    tallies: dict[str, Counter[str]] = {}
    for code in reversed(code_order(model)):  # children before parents
        total: Counter[str] = Counter()
        if not kids[code]:
            allocation = resolved[code]
            total["leaves"] += 1
            holder = allocation.holder if allocation else "undecided" if code in undecided else "unallocated"
            total[holder] += 1
            total["delivered"] += code in mapped
        for kid in kids[code]:
            total.update(tallies[kid])
        tallies[code] = total
    entries = {c.code: c for c in model.codes}
    rows: tuple[tuple[Cell, ...], ...] = tuple(
        (code, entries[code].name, entries[code].provenance, code.count(".") + 1, *(tallies[code][t] for t in _TALLIES))
        for code in sorted(tallies, key=code_sort_key)
    )
    return QueryResult(title=f"Glossary coverage in {boundary.name}", columns=COVERAGE_COLUMNS, rows=rows)
