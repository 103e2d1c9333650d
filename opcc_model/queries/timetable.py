"""Timetables that cannot be kept: deadline chains and deadlines out of order (OPCC-L104, OPCC-L105).

Annual deadlines (``DD-MM``) are compared within one police financial year, 1 April to
31 March (LGFA 1992 s.32/s.43 calculations are for the year beginning 1 April), so the
precept timetable 1 Feb → 8 Feb → 15 Feb → 22 Feb → 1 Mar runs in order.

>>> fy_date("01-02"), fy_date("30-11")
(datetime.date(2028, 2, 1), datetime.date(2027, 11, 30))
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

import networkx as nx

from opcc_model.findings import Finding
from opcc_model.graph import dependencies
from opcc_model.model import Model
from opcc_model.queries.index import label, where
from opcc_model.queries.rules import check_rule, finding
from opcc_model.timing import Span, annual_date, parse_span

__all__ = ["fy_date", "annual_deadline", "timetable_graph", "infeasible_chains", "deadlines_out_of_order"]

_FY_START = 2027
"""The financial year deadlines are laid out in to compare them (any year works; 2027-28 has no 29 February)."""


def fy_date(day_month: str, /) -> datetime.date:
    """The date of ``DD-MM`` in the financial year 2027-28 (April to March).

    >>> fy_date("01-04") < fy_date("31-03")
    True
    """
    day = annual_date(day_month, _FY_START)
    return day if day.month >= 4 else annual_date(day_month, _FY_START + 1)


def annual_deadline(model: Model, activity_id: str, /) -> datetime.date | None:
    """The earliest annual deadline of the activity in the financial year, if it has one.

    >>> import opcc_model
    >>> annual_deadline(opcc_model.load(opcc_model.example_root("minimal")), "identify-stakeholders") is None
    True
    """
    annual = [fy_date(d) for d in model.activity(activity_id).deadlines if len(d) == 5]
    return min(annual) if annual else None


def timetable_graph(model: Model, /) -> nx.DiGraph:
    """The dependency graph plus an edge for every window; each edge carries ``waits``, the minimum spans.

    >>> import opcc_model
    >>> sorted(timetable_graph(opcc_model.load(opcc_model.example_root("minimal"))).edges)
    [('identify-stakeholders', 'agree-outcomes')]
    """
    graph = nx.DiGraph()
    graph.add_nodes_from(dependencies(model).nodes)
    graph.add_edges_from(dependencies(model).edges, waits=())
    for activity in model.activities:
        for window in activity.windows:
            waits = graph.edges[window.of, activity.id]["waits"] if graph.has_edge(window.of, activity.id) else ()
            extra = (parse_span(window.after),) if window.after else ()
            graph.add_edge(window.of, activity.id, waits=(*waits, *extra))
    return graph


def _after(start: datetime.date, waits: tuple[Span, ...]) -> datetime.date:
    return max((span.add(start) for span in waits), default=start)


def _reach(model: Model, graph: nx.DiGraph, source: str, start: datetime.date) -> Iterator[tuple[str, datetime.date, datetime.date]]:
    """Each dated activity reached from ``source`` without passing another dated one: ``(id, deadline, earliest date)``."""
    earliest = {source: start}
    reached = nx.descendants(graph, source)
    for node in nx.topological_sort(graph.subgraph(reached | {source})):
        if node not in earliest:
            continue
        due = annual_deadline(model, node) if node != source else None
        if due is not None:
            yield node, due, earliest[node]
            continue
        for succ in graph.successors(node):
            when = _after(earliest[node], graph.edges[node, succ]["waits"])
            if when > earliest.get(succ, datetime.date.min):
                earliest[succ] = when


def _chains(model: Model) -> tuple[tuple[str, datetime.date, str, datetime.date, datetime.date], ...]:
    """``(predecessor, its deadline, dependant, its deadline, the dependant's earliest date)`` for each dated pair.

    Computed once per model (both timetable rules read it); a model with no annual deadline has no chain.
    """
    return model.memo("q:deadline-chains", lambda m: tuple(_dated_pairs(m)))


def _dated_pairs(model: Model) -> Iterator[tuple[str, datetime.date, str, datetime.date, datetime.date]]:
    dated = [(a.id, start) for a in model.activities if a.deadlines and (start := annual_deadline(model, a.id)) is not None]
    if not dated:
        return  # nothing to lay out: no graph to build
    graph = timetable_graph(model)
    if not nx.is_directed_acyclic_graph(graph):
        return  # a cycle is OPCC-D102's finding; no chain can be laid out in time
    for activity_id, start in dated:
        for node, due, earliest in _reach(model, graph, activity_id, start):
            yield activity_id, start, node, due, earliest


def _day(day: datetime.date) -> str:
    return f"{day.day} {day:%B}"


def _found(model: Model, code: str, after: str, before: str, middle: str, end: str) -> Finding:
    """A timetable finding on ``after`` (located at its deadlines): "<after> <middle> <before><end>"."""
    space = "" if end.startswith(",") else " "
    return finding(
        code,
        [after, before],
        f"{label(model, 'activity', after)} {middle} {label(model, 'activity', before)}{space}{end}",
        where(model, "activity", after, "deadlines") or where(model, "activity", after),
    )


@check_rule("OPCC-L104", "error", "a deadline chain cannot be met", scope="model")
def infeasible_chains(model: Model, /) -> Iterator[Finding]:
    """Fires when the minimum waits between two dated activities exceed the time between their deadlines.

    An activity with ``windows: [{after: 6 weeks, of: X}]`` cannot come sooner than six
    weeks after X; when X may lawfully take until its own deadline, the waits along the
    path to the next dated activity must fit before that activity's deadline. Why it
    matters: a timetable that cannot be kept in a year when every step takes the time the
    law allows is unlawful in that year (the precept timetable of SI 2012/2271 regs 3-5,
    1 Feb → 8 Feb → 15 Feb, leaves one week for each step).

    Fix: correct the deadline or the window; if the law really leaves no time, say so in
    the activity's guidance and waive nothing: change the timetable.

    Example: the Panel's report due 8 February and a revised precept due 15 February
    with ``windows: [{after: 10 days, of: panel-report}]`` gives "'Revise the precept'
    is due by 15 February, but the waits after 'Panel report' (due 8 February) reach 18 February."
    """
    for before, start, after, due, earliest in _chains(model):
        if start <= due < earliest:
            yield _found(model, "OPCC-L104", after, before, f"is due by {_day(due)}, but the waits after", f"(due {_day(start)}) reach {_day(earliest)}.")


@check_rule("OPCC-L105", "error", "an activity is due after a dependant's deadline", scope="model")
def deadlines_out_of_order(model: Model, /) -> Iterator[Finding]:
    """Fires when an activity comes after another (``after``, inputs or a window) but is due before it.

    Both deadlines are laid out in one financial year (April to March). Why it matters:
    the dependant cannot meet its deadline when its predecessor uses the time the law
    gives it; the precept cannot be revised (15 February) before the Panel's report (8 February).

    Fix: correct the order (``after``, ``inputs``) or the deadlines.

    Example: ``revise-precept`` with ``deadlines: ["05-02"]`` after ``panel-report-on-precept``
    (``"08-02"``) gives "'Revise the precept' (revise-precept) is due by 5 February but
    comes after 'Report on the proposed precept' (...), due by 8 February."
    """
    for before, start, after, due, _ in _chains(model):
        if due < start:
            yield _found(model, "OPCC-L105", after, before, f"is due by {_day(due)} but comes after", f", due by {_day(start)}.")
