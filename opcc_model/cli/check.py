"""``opcc check PATH``: print a model's findings (text, JSON or GitHub annotations); exit 1 at ``--fail-on``.

>>> import opcc_model
>>> from opcc_model.cli import main
>>> main(["check", str(opcc_model.example_root("minimal"))])
0
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from opcc_model.cli.common import EXIT_FINDINGS, EXIT_OK, info
from opcc_model.config import load_settings
from opcc_model.findings import SEVERITIES, Finding
from opcc_model.cache import load_cached as load
from opcc_model.plan import load_plans
from opcc_model.location import Location
from opcc_model.queries import FindingList, at_or_above, check
from opcc_model.terminal import safe_text

__all__ = ["register", "handle", "to_text", "to_json", "to_github", "github_escape", "summary"]

FORMATS = ("text", "json", "github")
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def register(subparsers: Any) -> None:
    """Add ``check`` to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "check",
        help="print the gaps, overlaps and dependencies of a model as findings",
        description="Exit 0 when nothing unwaived is at or above --fail-on, 1 when something is, "
        "2 when the model cannot be loaded or the command is misused.",
    )
    parser.add_argument("path", help="the model root (a folder holding processes/ and pag/, and maybe opcc.toml)")
    parser.add_argument("--area", help="check this force area only (default: every area)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    parser.add_argument(
        "--fail-on",
        choices=(*SEVERITIES, "never"),
        default="error",
        help="exit 1 when an unwaived finding is at or above this severity (default: error)",
    )
    parser.set_defaults(handler=handle)


def _where(finding: Finding, path: str) -> Location:
    return finding.location or Location(path, 1, 1)


def _waived(finding: Finding) -> str:
    return f" (waived: {finding.reason})" if finding.waived else ""


def to_text(findings: FindingList, path: str) -> str:
    """``file:line:col: [severity] message (CODE)`` lines, waived ones marked.

    >>> f = Finding(code="OPCC-G101", severity="error", subject=("a",), message="Nobody is accountable for 'A' (a).")
    >>> print(to_text(FindingList([f]), "model"), end="")
    model:1:1: [error] Nobody is accountable for 'A' (a). (OPCC-G101)
    """
    return "".join(f"{_where(f, path)}: [{f.severity}] {f.message} ({f.code}){_waived(f)}\n" for f in findings)


def to_json(findings: FindingList) -> str:
    """A JSON list of finding objects (sorted keys, indented)."""
    return json.dumps(findings.records(), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def github_escape(text: str, *, property: bool = False) -> str:
    """Escape for a GitHub workflow command: ``%``, CR and LF; in properties also ``:`` and ``,``.

    >>> github_escape("50% done\\nnext")
    '50%25 done%0Anext'
    >>> github_escape("a:b,c", property=True)
    'a%3Ab%2Cc'
    """
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def to_github(findings: FindingList, path: str) -> str:
    """One workflow annotation per finding: ``::error file=F,line=L,col=C,title=CODE::message``.

    Info findings are notices; waived findings are notices marked as waived.
    """
    lines = []
    for f in findings:
        where = _where(f, path)
        level = "notice" if f.waived else _GITHUB_LEVEL[f.severity]
        props = ",".join(
            f"{k}={github_escape(str(v), property=True)}"
            for k, v in (("file", where.file), ("line", where.line), ("col", where.column), ("title", f.code))
        )
        lines.append(f"::{level} {props}::{github_escape(f.message + _waived(f))}\n")
    return "".join(lines)


def summary(findings: FindingList) -> str:
    """One line counting the findings by severity.

    >>> summary(FindingList())
    'no findings'
    """
    counts = findings.counts()
    if not any(counts.values()):
        return "no findings"
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in SEVERITIES]
    return ", ".join(parts) + (f" ({counts['waived']} waived)" if counts["waived"] else "")


def handle(args: argparse.Namespace) -> int:
    """Load, check, print; the exit status follows ``--fail-on``."""
    model = load(args.path)
    plans = load_plans(args.path, model)
    findings = check(model, area=args.area, settings=load_settings(args.path), plans=plans)
    if args.format == "json":
        print(to_json(findings), end="")
    elif args.format == "github":
        print(to_github(findings, args.path), end="")
    else:
        print(safe_text(to_text(findings, args.path)), end="")
    info(summary(findings))
    return EXIT_FINDINGS if at_or_above(findings, args.fail_on) else EXIT_OK
