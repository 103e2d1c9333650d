"""``opcc query QUESTION PATH ...``: print a dependency or coverage table (text, CSV or JSON).

>>> import opcc_model
>>> from opcc_model.cli import main
>>> main(["query", "downstream", str(opcc_model.example_root("minimal")), "identify-stakeholders", "--format", "csv"])
activity,name,process,side,distance
agree-outcomes,Agree outcomes with partners,conduct-stakeholder-analysis,commissioner,1
0
"""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cli.dates import parse_date
from opcc_model.cli.common import EXIT_FINDINGS, EXIT_OK, error
from opcc_model.cache import load_cached as load
from opcc_model.queries import NoPath, coverage, downstream, handoffs, impact, path, upstream, who_decides
from opcc_model.queries.scheme_tables import compare, holdings
from opcc_model.queries.table import Tabular
from opcc_model.terminal import safe_text

__all__ = ["register", "handle", "QUESTIONS"]

QUESTIONS = ("upstream", "downstream", "path", "handoffs", "impact", "coverage", "who-decides", "holdings", "compare")


def register(subparsers: Any) -> None:
    """Add ``query`` and its questions to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "query",
        help="ask a dependency or coverage question and print the table",
        description="Exit 0 with a table; 1 when 'path' finds no path; 2 when the model cannot be loaded, "
        "an id is unknown or the command is misused.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("path", help="the model root (a folder holding processes/ and pag/)")
    common.add_argument("--format", choices=("text", "csv", "json"), default="text", help="output format")
    questions = parser.add_subparsers(dest="question", metavar="QUESTION", required=True)
    for name, helptext in (("upstream", "every activity this one depends on"), ("downstream", "every activity that depends on this one")):
        sub = questions.add_parser(name, parents=[common], help=helptext)
        sub.add_argument("activity", help="an activity id")
    sub = questions.add_parser("path", parents=[common], help="the shortest dependency path between two activities")
    sub.add_argument("source", help="the activity the path starts from")
    sub.add_argument("target", help="the activity the path ends at")
    sub = questions.add_parser("handoffs", parents=[common], help="every crossing of the boundary, one row each, by kind (principals, oversight, partners), as opcc check reports them")
    sub.add_argument("--area", help="only activities in scope for this area's jurisdiction")
    sub = questions.add_parser("impact", parents=[common], help="what breaks if an activity or role is removed")
    sub.add_argument("id", help="an activity or role id (or activity:ID / role:ID)")
    sub = questions.add_parser("coverage", parents=[common], help="PAG leaves held and delivered, per subtree, in an area")
    sub.add_argument("--area", required=True, help="the force area")
    sub = questions.add_parser(
        "who-decides", parents=[common], help="who decides a function at an amount in an area, with the chain and instruments"
    )
    sub.add_argument("function", help="a glossary code (such as 1.3.8.2) or an activity id")
    sub.add_argument("--area", required=True, help="the force area")
    sub.add_argument("--amount", help="the amount, exact: an integer or a decimal such as 20000.50 (or a step of a rank ladder)")
    sub.add_argument("--date", type=parse_date, help="the scheme in force on this day, YYYY-MM-DD (default: today)")
    sub = questions.add_parser("holdings", parents=[common], help="what each office holds in an area (reserved, delegated, consented, joint)")
    sub.add_argument("--area", required=True, help="the force area")
    sub.add_argument("--role", help="only this role or officer")
    sub = questions.add_parser("compare", parents=[common], help="areas x functions: each area's holder, tiers and delegations")
    parser.set_defaults(handler=handle)


def _answer(args: argparse.Namespace) -> Tabular:
    model = load(args.path)
    if args.question == "upstream":
        return upstream(model, args.activity)
    if args.question == "downstream":
        return downstream(model, args.activity)
    if args.question == "path":
        return path(model, args.source, args.target)
    if args.question == "handoffs":
        return handoffs(model, area=args.area)
    if args.question == "impact":
        return impact(model, args.id)
    if args.question == "who-decides":
        return who_decides(model, args.function, area=args.area, amount=args.amount, on=args.date)
    if args.question == "holdings":
        return holdings(model, area=args.area, role=args.role)
    if args.question == "compare":
        return compare(model)
    return coverage(model, area=args.area)


def handle(args: argparse.Namespace) -> int:
    """Answer the question and print its table."""
    try:
        table = _answer(args)
    except NoPath as exc:
        error(str(exc))
        return EXIT_FINDINGS
    if args.format == "csv":
        print(table.to_csv(), end="")
    elif args.format == "json":
        print(table.to_json(), end="")
    else:
        print(safe_text(table.to_text()))
    return EXIT_OK
