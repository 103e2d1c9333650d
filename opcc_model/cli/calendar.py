"""``opcc calendar PATH``: the statutory year (or what is due soon) as iCalendar, CSV, Markdown, text or JSON.

>>> import opcc_model, contextlib, io
>>> from opcc_model.cli import main
>>> out = io.StringIO()
>>> with contextlib.redirect_stdout(out):
...     status = main(["calendar", str(opcc_model.example_root("minimal")), "--year", "2027", "--date", "2027-01-01", "--format", "csv"])
>>> status, out.getvalue()
(0, 'date,kind,activity,name,who,obligation,basis,process\\n')
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from opcc_model.cache import load_cached as load
from opcc_model.cli.common import EXIT_OK
from opcc_model.cli.dates import add_date_option, chosen_date
from opcc_model.queries.calendar import parse_horizon, statutory_calendar
from opcc_model.render.calendar import to_ics, to_markdown

__all__ = ["register", "handle"]

FORMATS = ("text", "ics", "csv", "md", "json")


def _horizon(text: str) -> int:
    try:
        return parse_horizon(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _year(text: str) -> int:
    if not text.isdigit() or not 1900 <= int(text) <= 2200:
        raise argparse.ArgumentTypeError(f"expected a year such as 2027, found {text!r}")
    return int(text)


def register(subparsers: Any) -> None:
    """Add ``calendar`` to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "calendar",
        help="print the statutory calendar: what is due when, who, on what basis",
        description="Deadlines and recurrences of the model's activities for one year (--year, default the "
        "year of --date) or for the days after --date (--next 90d). Exit 0, or 2 when the model cannot be "
        "loaded or the command is misused. Example: opcc calendar . --year 2027 --format ics > 2027.ics",
    )
    parser.add_argument("path", help="the model root (a folder holding processes/ and pag/)")
    parser.add_argument("--year", type=_year, help="the calendar year (default: the year of --date)")
    parser.add_argument("--next", type=_horizon, metavar="DAYS", help="only what is due in the next DAYS days from --date, such as 90d")
    parser.add_argument("--area", help="only activities that apply in this force area's jurisdiction")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    add_date_option(parser)
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Load the model, build the calendar, print it."""
    model = load(args.path)
    today = chosen_date(args)
    if args.next is not None:
        calendar = statutory_calendar(model, area=args.area, start=today, days=args.next)
    else:
        calendar = statutory_calendar(model, args.year or today.year, area=args.area)
    if args.format == "ics":
        sys.stdout.flush()
        sys.stdout.buffer.write(to_ics(calendar, stamp=today))
        sys.stdout.buffer.flush()
    elif args.format == "csv":
        print(calendar.to_csv(), end="")
    elif args.format == "json":
        print(calendar.to_json(), end="")
    elif args.format == "md":
        print(to_markdown(calendar), end="")
    else:
        print(calendar.to_text() if len(calendar) else f"{calendar.title}: nothing is due.")
    return EXIT_OK
