"""``opcc check PATH``: a summary of a model's findings by code, then the errors and warnings to fix.

Infos are counted, and listed with ``--min-severity info`` (waived findings too with ``-v``);
``--select`` and ``--ignore`` take codes or prefixes, as ruff's do. Exit 1 at ``--fail-on``.

>>> import opcc_model
>>> from opcc_model.cli import main
>>> main(["check", str(opcc_model.example_root("minimal"))])
no findings
0
"""

from __future__ import annotations

import argparse
import gc
import json
import os
from collections.abc import Iterable, Sequence
from typing import Any

from opcc_model.cache import load_cached as load
from opcc_model.cli.common import EXIT_FINDINGS, EXIT_OK, info
from opcc_model.cli.dates import add_date_option, chosen_date
from opcc_model.config import load_settings
from opcc_model.errors import OpccError
from opcc_model.findings import RULES, SEVERITIES, Finding, severity_rank
from opcc_model.location import Location
from opcc_model.plan import load_manifestos, load_plans
from opcc_model.queries import FindingList, at_or_above, check
from opcc_model.terminal import escape_json_controls, json_text, safe_text
from opcc_model.yamlsource import paused_gc

__all__ = [
    "register",
    "handle",
    "to_text",
    "to_json",
    "to_github",
    "github_escape",
    "summary",
    "report",
    "listed",
    "selected",
]

FORMATS = ("text", "json", "github")
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def register(subparsers: Any) -> None:
    """Add ``check`` to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "check",
        help="print the gaps, overlaps and dependencies of a model as findings",
        description="Print a summary of the findings by code, then each error and warning as FILE:LINE:COL "
        "(relative to the model root). Exit 0 when nothing unwaived is at or above --fail-on, 1 when something is, "
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
    parser.add_argument(
        "--min-severity",
        choices=SEVERITIES,
        help="list findings at or above this severity (default: warning; json lists every finding)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every finding, infos and waived ones too")
    parser.add_argument("-q", "--quiet", action="store_true", help="print the listed findings only, no summary")
    for option, verb in (("--select", "only these"), ("--ignore", "not these")):
        parser.add_argument(
            option,
            action="append",
            default=[],
            metavar="CODES",
            help=f"{verb} codes or code prefixes, comma-separated (OPCC-D101, OPCC-G, D10); repeatable",
        )
    parser.add_argument(
        "--scenario", metavar="FILE",
        help="check the model as the scenario FILE would leave it, with its transfer findings (OPCC-T1xx); the files are not changed",
    )
    add_date_option(parser)
    parser.set_defaults(handler=handle)


def _prefixes(values: Iterable[str]) -> list[str]:
    """Comma-separated codes or prefixes, upper-cased, ``OPCC-`` added when left out; each must name a code.

    >>> _prefixes(["d101, OPCC-G"])
    ['OPCC-D101', 'OPCC-G']
    >>> _prefixes(["X9"])
    Traceback (most recent call last):
    ...
    opcc_model.errors.OpccError: expected a finding code or prefix (such as OPCC-D101 or OPCC-G), found 'X9'
    """
    found = []
    for value in values:
        for part in filter(None, (p.strip() for p in value.split(","))):
            prefix = part.upper() if part.upper().startswith("OPCC-") else "OPCC-" + part.upper()
            if not any(code.startswith(prefix) for code in RULES):
                raise OpccError(f"expected a finding code or prefix (such as OPCC-D101 or OPCC-G), found {part!r}")
            found.append(prefix)
    return found


def selected(findings: Iterable[Finding], select: Sequence[str] = (), ignore: Sequence[str] = ()) -> FindingList:
    """The findings whose code starts with a ``select`` prefix (any, when none) and with no ``ignore`` prefix.

    >>> f = Finding(code="OPCC-D101", severity="info", subject=("a", "b"), message="m")
    >>> len(selected([f], ["OPCC-D"])), len(selected([f], ignore=["OPCC-D101"]))
    (1, 0)
    """
    return FindingList(
        f
        for f in findings
        if (not select or f.code.startswith(tuple(select))) and not f.code.startswith(tuple(ignore))
    )


def listed(findings: FindingList, min_severity: str = "warning", *, verbose: bool = False) -> FindingList:
    """The findings a report lists: unwaived ones at or above ``min_severity``; every one when ``verbose``.

    >>> f = Finding(code="OPCC-D101", severity="info", subject=("a", "b"), message="m")
    >>> len(listed(FindingList([f]))), len(listed(FindingList([f]), "info")), len(listed(FindingList([f.model_copy(update={"waived": True})]), "info"))
    (0, 1, 0)
    """
    if verbose:
        return findings
    return FindingList(at_or_above(findings, min_severity))


def _where(finding: Finding, path: str) -> Location:
    return finding.location or Location(path, 1, 1)


def _waived(finding: Finding) -> str:
    return f" (waived: {finding.reason})" if finding.waived else ""


def to_text(findings: Iterable[Finding], path: str) -> str:
    """``file:line:col: [severity] message (CODE)`` lines, waived ones marked.

    >>> f = Finding(code="OPCC-G101", severity="error", subject=("a",), message="Nobody is accountable for 'A' (a).")
    >>> print(to_text(FindingList([f]), "model"), end="")
    model:1:1: [error] Nobody is accountable for 'A' (a). (OPCC-G101)
    """
    return "".join(f"{_where(f, path)}: [{f.severity}] {f.message} ({f.code}){_waived(f)}\n" for f in findings)


def to_json(findings: FindingList) -> str:
    """A JSON list of finding objects (sorted keys, indented).

    Written directly, byte for byte what :func:`opcc_model.terminal.json_text` writes for
    ``findings.records()`` (the indenting encoder of ``json.dumps`` is pure Python and took
    longer than the national model's checks); strings go through json's own encoder, and
    DEL, C1, line separators and bidi controls are escaped as there (in each string that is
    not ASCII: the layout around them is).

    >>> f = Finding(code="OPCC-G101", severity="error", subject=("a",), message="Nobody.")
    >>> to_json(FindingList([f])) == json_text(FindingList([f]).records())
    True
    """
    if not findings:
        return "[]\n"
    encode = _json_string

    def text(value: str) -> str:  # each string escaped on its own: one non-ASCII message no longer means a scan of it all
        encoded = encode(value)
        return encoded if encoded.isascii() and "\x7f" not in encoded else escape_json_controls(encoded)

    parts = []
    for f in findings:
        subject = "[\n" + ",\n".join(["      " + text(s) for s in f.subject]) + "\n    ]" if f.subject else "[]"
        parts.append(
            f'  {{\n    "area": {"null" if f.area is None else text(f.area)},\n    "code": {text(f.code)},\n'
            f'    "location": {text(str(f.location)) if f.location else "null"},\n    "message": {text(f.message)},\n'
            + ("" if f.reason is None else f'    "reason": {text(f.reason)},\n')
            + f'    "severity": {text(f.severity)},\n    "subject": {subject},\n'
            f'    "waived": {"true" if f.waived else "false"}\n  }}'
        )
    return "[\n" + ",\n".join(parts) + "\n]\n"  # the rest is ASCII: nothing else to escape


_json_string = json.encoder.encode_basestring
"""A JSON string as ``json.dumps(..., ensure_ascii=False)`` writes it (C-accelerated)."""


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


def _in_repository(file: str, root: str) -> str:
    """A finding's file (relative to the model root) as a path from the working folder, as annotations need.

    >>> _in_repository("processes/a.yaml", "model"), _in_repository("processes/a.yaml", ".")
    ('model/processes/a.yaml', 'processes/a.yaml')
    """
    if file.startswith("<") or os.path.isabs(file):
        return file
    return os.path.normpath(os.path.join(root, file)).replace(os.sep, "/")


def to_github(findings: Iterable[Finding], path: str) -> str:
    """One workflow annotation per finding: ``::error file=F,line=L,col=C,title=CODE::message``.

    Files are relative to the working folder (the model root ``path`` joined in front).
    Info findings are notices; waived findings (listed only with ``-v``) are notices marked as waived.
    """
    lines = []
    for f in findings:
        where = _where(f, path)
        level = "notice" if f.waived else _GITHUB_LEVEL[f.severity]
        props = ",".join(
            f"{k}={github_escape(str(v), property=True)}"
            for k, v in (
                ("file", _in_repository(where.file, path)),
                ("line", where.line),
                ("col", where.column),
                ("title", f.code),
            )
        )
        lines.append(f"::{level} {props}::{github_escape(f.message + _waived(f))}\n")
    return "".join(lines)


def _count(counts: dict[str, int]) -> str:
    plural = {"error": "errors", "warning": "warnings", "info": "infos", "waived": "waived"}
    return ", ".join(f"{n} {word if n == 1 else plural[word]}" for word, n in counts.items() if n)


def summary(findings: FindingList) -> str:
    """One line counting the findings by severity, waived ones apart.

    >>> summary(FindingList())
    'no findings'
    >>> summary(FindingList([Finding(code="OPCC-D101", severity="info", subject=("a", "b"), message="m")]))
    '0 errors, 0 warnings, 1 info'
    """
    counts = findings.counts()
    if not any(counts.values()):
        return "no findings"
    line = ", ".join(_count({s: counts[s]}) or f"0 {s}s" for s in SEVERITIES)
    return line + (f", {counts['waived']} waived" if counts["waived"] else "")


def report(findings: FindingList, shown: FindingList, path: str) -> str:
    """The text report: the summary, the counts by code, the listed findings, and what was left unlisted.

    >>> f = Finding(code="OPCC-G101", severity="error", subject=("a",), message="Nobody is accountable for 'A' (a).")
    >>> print(report(FindingList([f]), FindingList([f]), "."), end="")
    1 error, 0 warnings, 0 infos
      OPCC-G101  1 error  an activity has no accountable role
    <BLANKLINE>
    .:1:1: [error] Nobody is accountable for 'A' (a). (OPCC-G101)
    """
    if not findings:
        return "no findings\n"
    by_code = findings.by_code()
    width = max(len(_count(c)) for c in by_code.values())
    lines = [summary(findings)]
    lines += [f"  {code}  {_count(c).ljust(width)}  {RULES[code].title if code in RULES else ''}".rstrip() for code, c in by_code.items()]
    if shown:
        lines += ["", to_text(shown, path).rstrip("\n")]
    left = FindingList(f for f in findings if f not in set(shown)).counts()
    if any(left.values()):
        hint = "--min-severity info lists the infos, -v every finding" if left["info"] else "-v lists them"
        lines += ["", f"Not listed: {_count(left)} ({hint})."]
    return "\n".join(lines) + "\n"


def _findings(args: argparse.Namespace) -> FindingList:
    select, ignore = _prefixes(args.select), _prefixes(args.ignore)  # misuse fails before the model is read
    with paused_gc():  # the model lives to the end of the command: the collector need never walk it (see handle)
        model = load(args.path)
        gc.freeze()
    plans = load_plans(args.path, model)
    has_until = any(item.until for b in model.boundaries for item in (*b.allocations, *b.delegations, *b.ladders))
    on = chosen_date(args, announce=bool(model.instruments) or has_until)  # the date matters with law data or temporary arrangements
    manifestos = load_manifestos(args.path, model, plans)
    checked, transfer = (model, FindingList()) if not args.scenario else _after_scenario(model, args.scenario, args.area)
    with paused_gc():
        found = check(checked, area=args.area, settings=load_settings(args.path), plans=plans, on=on, manifestos=manifestos)
        gc.freeze()
    if transfer:
        found = FindingList(sorted({*found, *transfer}, key=Finding.sort_key))
    return selected(found, select, ignore)  # check's list is sorted and has no duplicates


def _after_scenario(model: Any, file: str, area: str | None) -> tuple[Any, FindingList]:
    """The model as the scenario at ``file`` leaves it, and the scenario's transfer findings (a Welsh mayor: exit 2)."""
    from opcc_model.scenario import apply, read_scenario
    from opcc_model.scenario.transfer import refuse_mayors_in_wales, transfer_findings

    scenario = read_scenario(file)
    refuse_mayors_in_wales(model, scenario)
    applied = apply(model, scenario)
    return applied.model, transfer_findings(model, scenario, area=area, applied=applied)


def handle(args: argparse.Namespace) -> int:
    """Load, check, print; the exit status follows ``--fail-on``.

    The model and the findings are moved out of the collector's sight once made
    (:func:`gc.freeze`; they hold no cycles): a national model is millions of objects, and
    each collection that walked them cost about a second. They are handed back at the end.
    """
    try:
        return _report(args, _findings(args))
    finally:
        gc.unfreeze()


def _report(args: argparse.Namespace, findings: FindingList) -> int:
    default = "info" if args.format == "json" else "warning"
    shown = listed(findings, args.min_severity or default, verbose=args.verbose or (args.format == "json" and not args.min_severity))
    if args.format == "json":
        print(to_json(shown), end="")
    elif args.format == "github":
        print(to_github(shown, args.path), end="")
    elif args.quiet:
        print(to_text(shown, args.path), end="")
    else:
        print(safe_text(report(findings, shown, args.path)), end="")
    return EXIT_FINDINGS if at_or_above(findings, args.fail_on) else EXIT_OK
