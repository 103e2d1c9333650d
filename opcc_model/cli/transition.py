"""``opcc transition PATH --area A --date YYYY-MM-DD``: what lapses and must be re-made, the first year, the first 100 days, the briefing pack.

>>> import opcc_model, contextlib, io
>>> from opcc_model.cli import main
>>> out = io.StringIO()
>>> with contextlib.redirect_stdout(out):
...     status = main(["transition", str(opcc_model.reference_root()), "--area", "example-england", "--date", "2028-05-04"])
>>> status, out.getvalue().splitlines()[2].startswith("**Verdict:** 12 items")
(0, True)
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from opcc_model.atomic import write_bytes
from opcc_model.cache import load_cached as load
from opcc_model.cli.common import EXIT_OK, info
from opcc_model.cli.dates import parse_date
from opcc_model.handover import TARGETS, transition
from opcc_model.handover.formats import to_ics, to_markdown
from opcc_model.terminal import safe_text

__all__ = ["register", "handle", "FORMATS"]

FORMATS = ("md", "csv", "ics", "json")


def register(subparsers: Any) -> None:
    """Add ``transition`` to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "transition",
        help="plan the change of office holder: what lapses, what is due, the first 100 days, the briefing pack",
        description="The transition report of one area when its office holder changes on --date: what lapses, continues "
        "or must be re-made (law/transitions.yaml over the area's scheme), the dated obligations of the first year, a day 1 / "
        "week 1 / month 1 / first 100 days plan ordered by deadlines and dependencies, and the briefing pack. --to pcc is a "
        "new holder after an ordinary election; mayor, board and leaders apply the shipped 2028 scenario (assumptions, not "
        "law). Exit 0, or 2 for a bad model, area, date or target (a mayor in Wales). "
        "Example: opcc transition . --area example-england --date 2028-05-04",
    )
    parser.add_argument("path", metavar="PATH", help="the model root (a folder holding processes/ and pag/)")
    parser.add_argument("--area", required=True, help="the force area whose office holder changes")
    parser.add_argument("--date", required=True, type=parse_date, metavar="YYYY-MM-DD",
                        help="the day of the change: the poll (an election) or the day the functions transfer")
    parser.add_argument("--to", choices=TARGETS, default="pcc",
                        help="pcc (a new holder after an election; default), or the 2028 route: mayor, board, leaders (Wales)")
    parser.add_argument("--format", choices=FORMATS, default="md", help="md (the report; default), csv (one table), ics (dated items), json")
    parser.add_argument("--out", metavar="FILE", help="write the output to FILE instead of standard output")
    parser.set_defaults(handler=handle, out_kind="file")


def handle(args: argparse.Namespace) -> int:
    """Load the model, build the report, print or write it."""
    model = load(args.path)
    report = transition(model, area=args.area, date=args.date, to=args.to)
    if args.format == "ics":
        data = to_ics(report)
    elif args.format == "csv":
        data = report.to_csv().encode("utf-8")
    elif args.format == "json":
        data = report.to_json().encode("utf-8")
    else:
        data = to_markdown(report).encode("utf-8")
    if args.out:
        write_bytes(args.out, data)
        info(f"{report.verdict()} Written to {args.out}.")
    elif args.format in ("ics", "csv"):
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        print(safe_text(data.decode("utf-8")), end="")
    return EXIT_OK
