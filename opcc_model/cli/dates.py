"""The ``--date`` option every date-dependent command shares: the day checks and outputs are judged on.

The default is today, printed to stderr so a run can be repeated; a test or CI passes a
date, and the same model and date give byte-identical output.

>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> add_date_option(parser)
>>> chosen_date(parser.parse_args(["--date", "2027-01-31"]), announce=False)
datetime.date(2027, 1, 31)
"""

from __future__ import annotations

import argparse
import datetime

from opcc_model.cli.common import info

__all__ = ["add_date_option", "chosen_date", "parse_date"]


def parse_date(text: str) -> datetime.date:
    """Read ``--date``: ``YYYY-MM-DD`` (an argparse type; a bad date is a usage error, exit 2).

    >>> parse_date("2027-02-30")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: expected a date as YYYY-MM-DD, found '2027-02-30' (day is out of range for month)
    """
    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, found {text!r} ({exc})") from None


def add_date_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--date YYYY-MM-DD`` to ``parser`` (default: today, printed when used)."""
    parser.add_argument(
        "--date",
        type=parse_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the date to judge by (revoked instruments, what is due next); default today, printed",
    )


def chosen_date(args: argparse.Namespace, *, announce: bool = True) -> datetime.date:
    """The date of ``--date``, or today; when defaulted (and ``announce``), print ``date: YYYY-MM-DD`` to stderr.

    Commands announce the date when it can change their output (``opcc check`` when the
    model has ``law/instruments.yaml``; ``opcc calendar`` always).
    """
    given: datetime.date | None = getattr(args, "date", None)
    if given is not None:
        return given
    today = datetime.date.today()
    if announce:
        info(f"date: {today.isoformat()} (today; pass --date for a repeatable run)")
    return today
