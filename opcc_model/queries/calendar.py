"""The statutory calendar: what is due when, by whom, on what basis, for one year (or the next days).

Dated entries come from activities' ``deadlines`` (``DD-MM`` every year, ``YYYY-MM-DD`` once)
and ``recurs`` (every month, quarter or year from an anchor). Windows relative to an event
(``within: 56 days``) have no date of their own and are not calendar entries.

>>> import opcc_model
>>> cal = statutory_calendar(opcc_model.load(opcc_model.example_root("minimal")), 2027)
>>> len(cal)
0
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from opcc_model.model import Activity, Model
from opcc_model.queries.index import area_activity_ids
from opcc_model.queries.table import Cell, Tabular
from opcc_model.timing import deadline_dates

__all__ = ["Entry", "Calendar", "statutory_calendar", "parse_horizon"]


@dataclass(frozen=True, order=True)
class Entry:
    """One dated item: the day, the activity, and what a practitioner needs to act on it."""

    date: datetime.date
    activity: str
    name: str
    kind: str
    """``deadline`` (a fixed deadline) or ``recurring`` (a date of a recurrence)."""
    who: str
    """The accountable role's name."""
    basis: tuple[str, ...]
    process: str
    obligation: str


@dataclass(frozen=True)
class Calendar(Tabular):
    """The entries of a calendar, in date order; prints as text, CSV, JSON, Markdown and iCalendar."""

    entries: tuple[Entry, ...]
    title: str = "Statutory calendar"
    columns: tuple[str, ...] = ("date", "kind", "activity", "name", "who", "obligation", "basis", "process")

    def table_rows(self) -> Sequence[Sequence[Cell]]:
        """One row per entry."""
        return [
            (e.date.isoformat(), e.kind, e.activity, e.name, e.who, e.obligation, "; ".join(e.basis), e.process)
            for e in self.entries
        ]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def parse_horizon(text: str) -> int:
    """Read ``--next``: a number of days such as ``90d`` (or ``90``).

    >>> parse_horizon("90d"), parse_horizon("7")
    (90, 7)
    >>> parse_horizon("3w")
    Traceback (most recent call last):
    ...
    ValueError: expected a number of days such as 90d, found '3w'
    """
    digits = text[:-1] if text.endswith("d") else text
    if not digits.isdigit():
        raise ValueError(f"expected a number of days such as 90d, found {text!r}")
    return int(digits)


def _dates(activity: Activity, year: int) -> Iterator[tuple[datetime.date, str]]:
    for deadline in activity.deadlines:
        for day in deadline_dates(deadline, year):
            yield day, "deadline"
    for recurrence in activity.recurs:
        for day in recurrence.dates(year):
            yield day, "recurring"


def _entries(model: Model, year: int, counted: frozenset[str] | None) -> Iterator[Entry]:
    names = {r.id: r.name for r in model.roles}
    for process in model.processes:
        for activity in process.activities:
            if counted is not None and activity.id not in counted:
                continue
            who = names.get(activity.accountable or "", activity.accountable or "")
            for day, kind in _dates(activity, year):
                yield Entry(day, activity.id, activity.name, kind, who, tuple(activity.basis or ()), process.id, activity.obligation or "")


def statutory_calendar(
    model: Model,
    year: int | None = None,
    /,
    *,
    area: str | None = None,
    start: datetime.date | None = None,
    days: int | None = None,
) -> Calendar:
    """The calendar of ``year``, or of the ``days`` from ``start`` (``--next``), for ``area`` (default every jurisdiction).

    An ``area`` keeps the activities that count in it: its jurisdiction's, without other
    areas' own processes or the shared activities it overrides (raises
    :class:`~opcc_model.errors.NotFound` for an unknown one). Entries are sorted by date,
    then activity and kind, so the same model gives the same calendar.

    >>> import opcc_model
    >>> statutory_calendar(opcc_model.load(opcc_model.example_root("minimal")), start=datetime.date(2027, 1, 1), days=30).entries
    ()
    """
    counted = area_activity_ids(model, area)
    if days is not None:
        first = start or datetime.date.today()
        last = first + datetime.timedelta(days=days)
        found = [
            e for y in range(first.year, last.year + 1) for e in _entries(model, y, counted) if first <= e.date <= last
        ]
        title = f"Due from {first.isoformat()} to {last.isoformat()}"
    else:
        chosen = year if year is not None else (start or datetime.date.today()).year
        found = list(_entries(model, chosen, counted))
        title = f"Statutory calendar {chosen}"
    if area is not None:
        title += f" ({area})"
    return Calendar(tuple(sorted(set(found))), title=title)
