"""``opcc scenario FILE PATH``: apply a what-if scenario, print the changes, findings delta and hand-offs."""

from __future__ import annotations

import argparse
import importlib
import json
from typing import Any

from opcc_model.cli.common import EXIT_OK, info
from opcc_model.cache import load_cached as load
from opcc_model.scenario.apply import apply
from opcc_model.scenario.diff import diff
from opcc_model.scenario.report import scenario_report
from opcc_model.scenario.scenario import read_scenario

__all__ = ["register", "handle"]


def register(subparsers: Any) -> None:
    """Add ``scenario`` to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "scenario",
        help="apply a what-if scenario to a model and show what it changes",
        description="Apply the operations of a scenario file to the model at PATH (the files are not changed) "
        "and print the changes, the findings that appear or are resolved, and the hand-offs that appear or go.",
    )
    parser.add_argument("file", metavar="FILE", help="the scenario file (YAML)")
    parser.add_argument("path", metavar="PATH", help="the model root (a folder holding processes/ and pag/)")
    parser.add_argument("--area", help="report findings, hand-offs and boundary changes for this area only")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--out", metavar="DIR", help="render the changed boundary and process maps into DIR")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Apply the scenario and print its report."""
    model = load(args.path)
    scenario = read_scenario(args.file)
    applied = apply(model, scenario)
    queries = importlib.import_module("opcc_model.queries")
    report = scenario_report(
        scenario, model, applied, diff(model, applied.model), area=args.area,
        check=getattr(queries, "check", None), handoffs=getattr(queries, "handoffs", None),
    )
    if args.format == "json":
        print(json.dumps(report.to_json(), indent=2, sort_keys=True, ensure_ascii=False))
    else:
        print(report.to_text(), end="")
    if args.out:
        info("--out: rendering changed maps is not available yet (the renderer has not landed)")
    return EXIT_OK
