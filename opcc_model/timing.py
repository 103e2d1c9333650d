"""Time in the law's procedures: annual deadlines, dated deadlines, windows, recurrences, branches.

Dates are read with :meth:`datetime.date.fromisoformat` and :func:`datetime.datetime.strptime`,
never split by hand; windows and recurrences are counted with ``python-dateutil``.

>>> annual_date("01-02", 2027)
datetime.date(2027, 2, 1)
>>> Window(within="3 weeks", of="notify-panel").span
Span(amount=3, unit='weeks')
>>> Window(within="3 weeks", of="notify-panel").span.add(datetime.date(2027, 1, 28))
datetime.date(2027, 2, 18)
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Literal, NamedTuple

from dateutil.relativedelta import relativedelta
from dateutil.rrule import FR, MO, TH, TU, WE, DAILY, rrule
from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from opcc_model.vocabulary import Frozen, Slug

__all__ = [
    "Obligation",
    "OBLIGATIONS",
    "DayMonth",
    "IsoDate",
    "DeadlineStr",
    "UNITS",
    "Span",
    "parse_span",
    "annual_date",
    "iso_date",
    "deadline_dates",
    "Window",
    "Recurrence",
    "Outcome",
]

Obligation = Literal["duty", "power", "good-practice"]
"""What the law makes of an activity: a ``duty`` (must), a ``power`` (may) or ``good-practice`` (neither)."""

OBLIGATIONS: tuple[Obligation, ...] = ("duty", "power", "good-practice")

UNITS = ("days", "working-days", "weeks", "months")
"""The units of a window, plural (``1 week`` is read as ``1 weeks``)."""

_SPAN = re.compile(r"^\s*([0-9]+)\s+([a-z -]+?)\s*$")


class Span(NamedTuple):
    """A length of time: ``amount`` of ``unit`` (one of :data:`UNITS`)."""

    amount: int
    unit: str

    def add(self, start: datetime.date) -> datetime.date:
        """The date this span after ``start`` (working days skip Saturdays and Sundays only).

        >>> Span(56, "days").add(datetime.date(2027, 3, 1))
        datetime.date(2027, 4, 26)
        >>> Span(2, "working-days").add(datetime.date(2027, 6, 4))  # a Friday
        datetime.date(2027, 6, 8)
        >>> Span(1, "months").add(datetime.date(2027, 1, 31))
        datetime.date(2027, 2, 28)
        """
        if self.unit == "working-days":
            days = rrule(DAILY, dtstart=start + datetime.timedelta(days=1), byweekday=(MO, TU, WE, TH, FR), count=self.amount)
            return days[-1].date() if self.amount else start
        if self.unit == "months":
            return start + relativedelta(months=self.amount)
        return start + datetime.timedelta(days=self.amount * (7 if self.unit == "weeks" else 1))


def parse_span(text: str) -> Span:
    """Read a window length such as ``"56 days"``, ``"3 weeks"``, ``"30 working days"``, ``"3 months"``.

    >>> parse_span("30 working days")
    Span(amount=30, unit='working-days')
    >>> parse_span("1 week")
    Span(amount=1, unit='weeks')
    >>> parse_span("3 fortnights")
    Traceback (most recent call last):
    ...
    ValueError: expected a length such as '56 days' with a unit of days, working days, weeks, months, found '3 fortnights'
    """
    match = _SPAN.match(text)
    unit = match.group(2).replace(" ", "-") if match else ""
    unit = unit if unit.endswith("s") else unit + "s"
    if match is None or unit not in UNITS:
        units = ", ".join(u.replace("-", " ") for u in UNITS)
        raise ValueError(f"expected a length such as '56 days' with a unit of {units}, found {text!r}")
    return Span(int(match.group(1)), unit)


def annual_date(day_month: str, year: int) -> datetime.date:
    """The date of the annual deadline ``DD-MM`` in ``year`` (29 February falls back to the 28th).

    >>> annual_date("29-02", 2027)
    datetime.date(2027, 2, 28)
    """
    try:
        return datetime.datetime.strptime(f"{day_month}-{year}", "%d-%m-%Y").date()
    except ValueError:
        if day_month == "29-02":
            return datetime.date(year, 2, 28)
        raise


def _check_day_month(text: str) -> str:
    """Accept ``DD-MM``, a day that exists in some year (``29-02`` is allowed, ``31-02`` is not).

    >>> _check_day_month("31-02")
    Traceback (most recent call last):
    ...
    ValueError: expected a day of the year as DD-MM (such as 01-02 for 1 February), found '31-02': day is out of range for month
    """
    if not re.fullmatch(r"[0-9]{2}-[0-9]{2}", text):
        raise ValueError(f"expected a day of the year as DD-MM (such as 01-02 for 1 February), found {text!r}")
    try:
        annual_date(text, 2000)  # a leap year: 29-02 exists
    except ValueError as exc:
        raise ValueError(f"expected a day of the year as DD-MM (such as 01-02 for 1 February), found {text!r}: {exc}") from None
    return text


def iso_date(text: str) -> datetime.date:
    """The date written ``YYYY-MM-DD``.

    >>> iso_date("2023-07-03")
    datetime.date(2023, 7, 3)
    """
    return datetime.date.fromisoformat(text)


def _check_iso(text: str) -> str:
    """Accept a date written ``YYYY-MM-DD``.

    >>> _check_iso("2023-02-30")
    Traceback (most recent call last):
    ...
    ValueError: expected a date as YYYY-MM-DD, found '2023-02-30': day is out of range for month
    """
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise ValueError(f"expected a date as YYYY-MM-DD, found {text!r}")
    try:
        iso_date(text)
    except ValueError as exc:
        raise ValueError(f"expected a date as YYYY-MM-DD, found {text!r}: {exc}") from None
    return text


def _check_deadline(text: str) -> str:
    """Accept an annual deadline ``DD-MM`` or a one-off date ``YYYY-MM-DD``.

    >>> _check_deadline("2027-11-30"), _check_deadline("01-02")
    ('2027-11-30', '01-02')
    """
    return _check_iso(text) if len(text) > 5 else _check_day_month(text)


DayMonth = Annotated[str, AfterValidator(_check_day_month)]
"""A day of every year, ``DD-MM`` (``01-02`` is 1 February)."""
def _date_as_text(value: object) -> object:
    """YAML reads an unquoted ``2023-07-03`` as a date: keep it as the text it was.

    >>> _date_as_text(datetime.date(2023, 7, 3)), _date_as_text(5)
    ('2023-07-03', 5)
    """
    return value.isoformat() if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime) else value


IsoDate = Annotated[str, BeforeValidator(_date_as_text), AfterValidator(_check_iso)]
"""One date, ``YYYY-MM-DD`` (kept as text, so cached and compared as written)."""
DeadlineStr = Annotated[str, BeforeValidator(_date_as_text), AfterValidator(_check_deadline)]
"""A deadline: ``DD-MM`` every year, or ``YYYY-MM-DD`` once."""


def deadline_dates(deadline: str, year: int) -> list[datetime.date]:
    """The dates of ``deadline`` falling in ``year`` (an annual one once; a dated one if in that year).

    >>> deadline_dates("01-02", 2027), deadline_dates("2027-11-30", 2027), deadline_dates("2026-02-27", 2027)
    ([datetime.date(2027, 2, 1)], [datetime.date(2027, 11, 30)], [])
    """
    if len(deadline) == 5:
        return [annual_date(deadline, year)]
    day = iso_date(deadline)
    return [day] if day.year == year else []


def _check_span(text: str) -> str:
    parse_span(text)
    return text


SpanStr = Annotated[str, AfterValidator(_check_span)]


class Window(Frozen):
    """A window relative to another activity (the event): ``within`` a time of it, or not before ``after`` a time.

    >>> Window(after="6 weeks", of="give-reasons-for-removal").span
    Span(amount=6, unit='weeks')
    >>> from pydantic import ValidationError
    >>> try:
    ...     Window(of="x")
    ... except ValidationError as exc:
    ...     print(exc.errors()[0]["msg"])
    Value error, expected exactly one of 'within' (a latest time) or 'after' (an earliest time), found neither
    """

    within: SpanStr | None = Field(default=None, description="The latest time after the event, such as '3 weeks' or '56 days'.")
    after: SpanStr | None = Field(default=None, description="The earliest time after the event, such as '6 weeks' (the activity may not come sooner).")
    of: Slug = Field(description="The activity whose completion starts the window (the event).")
    basis: tuple[str, ...] = Field(default=(), description="The provisions that set the window.")

    @model_validator(mode="after")
    def _one_bound(self) -> Window:
        if (self.within is None) == (self.after is None):
            found = "both" if self.within is not None else "neither"
            raise ValueError(f"expected exactly one of 'within' (a latest time) or 'after' (an earliest time), found {found}")
        return self

    @property
    def span(self) -> Span:
        """The window's length."""
        return parse_span(self.within or self.after or "")


class Recurrence(Frozen):
    """How often an activity recurs: ``every`` month, quarter, year or term, from an ``anchor``.

    ``anchor`` is the first date of the cycle, ``DD-MM`` (a month's day for ``month``), or
    ``election`` for ``term`` (once per term, after each ordinary election).

    >>> Recurrence(every="quarter", anchor="01-04").dates(2027)[:2]
    [datetime.date(2027, 1, 1), datetime.date(2027, 4, 1)]
    >>> from pydantic import ValidationError
    >>> try:
    ...     Recurrence(every="month")
    ... except ValidationError as exc:
    ...     print(exc.errors()[0]["loc"], exc.errors()[0]["msg"])
    ('anchor',) Field required
    """

    every: Literal["month", "quarter", "year", "term"] = Field(description="The period: month, quarter, year or term (of office).")
    anchor: str = Field(description="Where the cycle starts: a day DD-MM, or 'election' for once a term.")
    basis: tuple[str, ...] = Field(default=(), description="The provisions that set the frequency.")

    @model_validator(mode="after")
    def _anchor_fits(self) -> Recurrence:
        if self.every == "term":
            if self.anchor != "election":
                raise ValueError(f"anchor: expected 'election' for once a term, found {self.anchor!r}")
        else:
            _check_day_month(self.anchor)
        return self

    def dates(self, year: int) -> list[datetime.date]:
        """Every date of the cycle in ``year`` (none for ``term``: it follows elections, not the calendar).

        >>> len(Recurrence(every="month", anchor="15-04").dates(2027))
        12
        """
        if self.every == "term":
            return []
        start = annual_date(self.anchor, year)
        step = {"month": 1, "quarter": 3, "year": 12}[self.every]
        first = start - relativedelta(months=step * ((start.month - 1) // step))
        found = [first + relativedelta(months=step * i) for i in range(12 // step)]
        return sorted(d for d in found if d.year == year)


class Outcome(Frozen):
    """One outcome of a decision (``veto``, ``no veto``...) and the activities it leads to.

    >>> Outcome(name="veto", then=("revise-precept",)).then
    ('revise-precept',)
    """

    name: str = Field(description="The outcome, as the law names it (such as 'veto' or 'no veto').")
    then: tuple[Slug, ...] = Field(description="The activities this outcome leads to.")
    basis: tuple[str, ...] = Field(default=(), description="The provisions that attach this consequence.")
