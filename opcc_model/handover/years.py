"""The transition's calendar: the financial years a model knows, a year's end, the plan's buckets.

>>> financial_year(datetime.date(2028, 5, 4))
(datetime.date(2028, 4, 1), datetime.date(2029, 3, 31))
>>> [(b.name, b.end.isoformat()) for b in buckets(datetime.date(2028, 5, 4))]
[('day-1', '2028-05-04'), ('week-1', '2028-05-10'), ('month-1', '2028-06-02'), ('first-100-days', '2028-08-11')]
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from opcc_model.errors import OpccError
from opcc_model.law import PlanBucket
from opcc_model.model import Model

__all__ = ["BUCKETS", "Bucket", "buckets", "bucket_for", "financial_year", "known_years", "check_date", "DateOutOfRange"]

BUCKETS: tuple[tuple[PlanBucket, int], ...] = (("day-1", 1), ("week-1", 7), ("month-1", 30), ("first-100-days", 100))
"""Each bucket of the first 100 days and its length in days, counting the day of the change as day 1."""


class DateOutOfRange(OpccError):
    """The transition date falls outside every financial year the model knows."""


class Bucket(NamedTuple):
    """One bucket of the plan: its name, position (0 = day 1) and last day."""

    name: PlanBucket
    position: int
    end: datetime.date


def buckets(start: datetime.date, /) -> tuple[Bucket, ...]:
    """The buckets of the first 100 days from ``start`` (the day of the change is day 1)."""
    return tuple(Bucket(name, i, start + datetime.timedelta(days=days - 1)) for i, (name, days) in enumerate(BUCKETS))


def bucket_for(start: datetime.date, due: datetime.date, /) -> Bucket | None:
    """The latest bucket ending on or before ``due`` (``None`` when ``due`` is after the 100 days or before ``start``).

    >>> bucket_for(datetime.date(2028, 5, 4), datetime.date(2028, 5, 10)).name
    'week-1'
    >>> bucket_for(datetime.date(2028, 5, 4), datetime.date(2028, 5, 9)).name
    'day-1'
    """
    fitting = [b for b in buckets(start) if b.end <= due]
    last = buckets(start)[-1]
    return fitting[-1] if fitting and due <= last.end else None


def financial_year(day: datetime.date, /) -> tuple[datetime.date, datetime.date]:
    """The police financial year holding ``day``: 1 April to 31 March."""
    first = day.year if day.month >= 4 else day.year - 1
    return datetime.date(first, 4, 1), datetime.date(first + 1, 3, 31)


def known_years(model: Model, /) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of the financial years the model knows: from the year of its earliest
    dated deadline (``YYYY-MM-DD``) to the year of its latest; ``None`` when it has none.

    >>> import opcc_model
    >>> known_years(opcc_model.load(opcc_model.reference_root()))
    (datetime.date(2025, 4, 1), datetime.date(2029, 3, 31))
    """
    dated = [datetime.date.fromisoformat(d) for a in model.activities for d in a.deadlines if len(d) == 10]
    if not dated:
        return None
    return financial_year(min(dated))[0], financial_year(max(dated))[1]


def check_date(model: Model, day: datetime.date, /) -> None:
    """Raise :class:`DateOutOfRange` unless ``day`` falls in a financial year the model knows.

    >>> import opcc_model
    >>> check_date(opcc_model.load(opcc_model.reference_root()), datetime.date(2031, 5, 8))
    Traceback (most recent call last):
    ...
    opcc_model.handover.years.DateOutOfRange: --date 2031-05-08 is outside every financial year the model knows: expected a date from 2025-04-01 to 2029-03-31 (the years of its dated deadlines, such as the audited accounts' backstops)
    """
    years = known_years(model)
    if years is None:
        raise DateOutOfRange(
            f"--date {day.isoformat()}: the model knows no financial year (no activity has a dated deadline YYYY-MM-DD, "
            "such as the audited accounts' backstops), so a first year cannot be laid out"
        )
    if not years[0] <= day <= years[1]:
        raise DateOutOfRange(
            f"--date {day.isoformat()} is outside every financial year the model knows: expected a date from "
            f"{years[0].isoformat()} to {years[1].isoformat()} (the years of its dated deadlines, such as the audited accounts' backstops)"
        )
