"""``opcc plan check PATH`` and ``opcc plan render PATH --out DIR``: check and draw the Police and Crime Plans of a model.

Plans are ``plans/<plan-id>.yaml`` at the model root (see docs/plans.md).
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Sequence
from typing import Any

from opcc_model.atomic import write_bytes, write_text
from opcc_model.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, error, info
from opcc_model.findings import SEVERITIES, Finding, severity_rank
from opcc_model.cache import load_cached as load
from opcc_model.plan.checks import check_plan
from opcc_model.plan.diagram import plan_diagram
from opcc_model.plan.loader import PLANS_FOLDER, PlanLoadError, load_plans
from opcc_model.render.backend import layout

__all__ = ["register", "handle_check", "handle_render", "format_findings"]

FORMATS = ("text", "json", "github")
FAIL_ON = (*SEVERITIES, "never")


def register(subparsers: Any) -> None:
    """Add ``plan check`` and ``plan render`` to the ``opcc`` parser."""
    parser = subparsers.add_parser("plan", help="check and draw the Police and Crime Plans under plans/")
    actions = parser.add_subparsers(dest="plan_command", metavar="ACTION")
    check = actions.add_parser("check", help="check each plan against PRSR 2011 s.7 and the value chain")
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


def format_findings(findings: Sequence[Finding], fmt: str) -> str:
    """The findings as ``text`` (``file:line:col: [severity] message (CODE)``), ``json`` or ``github`` annotations.

    >>> from opcc_model.location import Location
    >>> f = Finding(code="OPCC-P105", severity="warning", subject=("p", "x"), message="M.", location=Location("plans/p.yaml", 3, 5))
    >>> print(format_findings([f], "text"))
    plans/p.yaml:3:5: [warning] M. (OPCC-P105)
    >>> print(format_findings([f], "github"))
    ::warning file=plans/p.yaml,line=3,col=5,title=OPCC-P105::M.
    """
    if fmt == "json":
        return json.dumps([f.to_json() for f in findings], indent=2, ensure_ascii=False)
    lines = []
    for f in findings:
        loc = f.location
        if fmt == "github":
            level = "notice" if f.severity == "info" else f.severity
            where = f"file={loc.file},line={loc.line},col={loc.column}," if loc else ""
            message = f.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            lines.append(f"::{level} {where}title={f.code}::{message}")
        else:
            lines.append(f"{loc or '<plan>'}: [{f.severity}] {f.message} ({f.code})")
    return "\n".join(lines)


def _load(path: str) -> tuple[Any, Any] | None:
    model = load(path)
    try:
        plans = load_plans(path, model)
    except PlanLoadError as exc:
        for issue in exc.issues:
            error(str(issue))
        error(f"{len(exc.issues)} error{'s' if len(exc.issues) != 1 else ''}: the plans were not loaded")
        return None
    if not plans:
        info(f"no plans in {os.path.join(path, PLANS_FOLDER)}")
    return model, plans


def handle_check(args: argparse.Namespace) -> int:
    """Check every plan; print the findings; exit 1 when one is at or above ``--fail-on``."""
    loaded = _load(args.path)
    if loaded is None:
        return EXIT_USAGE
    model, plans = loaded
    findings = sorted((f for plan in plans for f in check_plan(model, plan)), key=Finding.sort_key)
    text = format_findings(findings, args.format)
    if text:
        print(text)
    if args.format == "text":
        counts = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES}
        info(f"{len(plans)} plan{'s' if len(plans) != 1 else ''}: " + ", ".join(f"{n} {s}" for s, n in counts.items()))
    if args.fail_on == "never":
        return EXIT_OK
    threshold = severity_rank(args.fail_on)
    return EXIT_FINDINGS if any(severity_rank(f.severity) <= threshold for f in findings) else EXIT_OK


def handle_render(args: argparse.Namespace) -> int:
    """Write ``<plan-id>.svg`` (or ``.dot``) for every plan into ``--out``."""
    loaded = _load(args.path)
    if loaded is None:
        return EXIT_USAGE
    model, plans = loaded
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
