"""``opcc plan check PATH`` and ``opcc plan render PATH --out DIR``: check and draw the Police and Crime Plans of a model.

Plans are ``plans/<plan-id>.yaml`` at the model root (see docs/plans.md).
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from opcc_model.atomic import write_bytes, write_text
from opcc_model.cache import load_cached as load
from opcc_model.cli.check import summary, to_github, to_json, to_text
from opcc_model.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, info
from opcc_model.findings import SEVERITIES, Finding
from opcc_model.queries import FindingList, at_or_above
from opcc_model.plan.checks import check_plan
from opcc_model.plan.diagram import plan_diagram
from opcc_model.plan.loader import PLANS_FOLDER, load_plans
from opcc_model.plan.manifesto import load_manifestos
from opcc_model.plan.manifesto_checks import check_manifestos
from opcc_model.render.backend import layout
from opcc_model.terminal import safe_text
from opcc_model.wording import count

__all__ = ["register", "handle_check", "handle_render"]

FORMATS = ("text", "json", "github")
FAIL_ON = (*SEVERITIES, "never")


def register(subparsers: Any) -> None:
    """Add ``plan check`` and ``plan render`` to the ``opcc`` parser."""
    parser = subparsers.add_parser("plan", help="check and draw the Police and Crime Plans under plans/")
    actions = parser.add_subparsers(dest="plan_command", metavar="ACTION")
    check = actions.add_parser(
        "check", help="check each plan against PRSR 2011 s.7 and the value chain, and each manifesto (manifestos/) against its plan"
    )
    check.add_argument("path", help="the model root (a folder holding processes/, pag/ and plans/)")
    check.add_argument("--format", choices=FORMATS, default="text", help="text (default), json or github")
    check.add_argument("--fail-on", choices=FAIL_ON, default="error", help="exit 1 when a finding is at or above this")
    check.set_defaults(handler=handle_check)
    render = actions.add_parser("render", help="draw each plan's tree, vision to priorities, with its activities")
    render.add_argument("path", help="the model root (a folder holding processes/, pag/ and plans/)")
    render.add_argument("--out", required=True, help="the folder to write <plan-id>.svg (or .dot) into")
    render.add_argument("--format", choices=("svg", "dot"), default="svg", help="svg (default) or dot")
    render.set_defaults(handler=handle_render)
    parser.set_defaults(handler=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return EXIT_USAGE


def _load(path: str) -> tuple[Any, Any]:
    model = load(path)
    plans = load_plans(path, model)  # a PlanLoadError is reported by the CLI with every location
    if not plans:
        info(f"no plans in {os.path.join(path, PLANS_FOLDER)}")
    return model, plans


def handle_check(args: argparse.Namespace) -> int:
    """Check every plan and every manifesto (manifestos/) against its plan; print the findings as ``opcc check`` does.

    Exit 1 when one is at or above ``--fail-on``; a manifesto that cannot be loaded is exit 2.
    """
    model, plans = _load(args.path)
    manifestos = load_manifestos(args.path, model, plans)  # a ManifestoLoadError is reported with every location
    found = [*(f for plan in plans for f in check_plan(model, plan)), *check_manifestos(model, manifestos, plans)]
    findings = FindingList(sorted(found, key=Finding.sort_key))
    printers = {"json": lambda: to_json(findings), "github": lambda: to_github(findings, args.path)}
    print(printers.get(args.format, lambda: safe_text(to_text(findings, args.path)))(), end="")
    info(f"{count(len(plans), 'plan')}: {summary(findings)}")
    return EXIT_FINDINGS if at_or_above(findings, args.fail_on) else EXIT_OK


def handle_render(args: argparse.Namespace) -> int:
    """Write ``<plan-id>.svg`` (or ``.dot``) for every plan into ``--out``."""
    model, plans = _load(args.path)
    outputs = []
    for plan in plans:  # lay out every plan first: nothing is written when one fails
        source = plan_diagram(model, plan).source
        outputs.append((plan.id, source if args.format == "dot" else layout(source, "svg")))
    for plan_id, data in outputs:
        target = os.path.join(args.out, f"{plan_id}.{args.format}")
        if isinstance(data, str):
            write_text(target, data)
        else:
            write_bytes(target, data)
        info(f"wrote {target}")
    return EXIT_OK
