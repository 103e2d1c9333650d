"""``opcc explain CODE``: print a finding code's documentation (when it fires, why it matters, the fix).

>>> from opcc_model.cli import main
>>> main(["explain", "g101"])  # doctest: +ELLIPSIS
OPCC-G101 (error): an activity has no accountable role
<BLANKLINE>
Fires for ...
0
"""

from __future__ import annotations

import argparse
import difflib
import inspect
from typing import Any

import opcc_model.queries  # noqa: F401  (registers every finding code)
from opcc_model.cli.common import EXIT_OK
from opcc_model.errors import NotFound
from opcc_model.findings import RULES, Rule

__all__ = ["register", "handle", "explain"]


def register(subparsers: Any) -> None:
    """Add ``explain`` to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "explain",
        help="print what a finding code means, why it matters and how to fix it",
        description="Print the documentation of a finding code (as in docs/findings.md); without a code, list every code.",
    )
    parser.add_argument("code", nargs="?", help="a finding code, such as OPCC-D101 (case and the OPCC- prefix optional)")
    parser.set_defaults(handler=handle)


def _rule(code: str) -> Rule:
    wanted = code.strip().upper()
    wanted = wanted if wanted.startswith("OPCC-") else f"OPCC-{wanted}"
    if wanted in RULES:
        return RULES[wanted]
    close = difflib.get_close_matches(wanted, sorted(RULES), n=3)
    hint = f"; did you mean {' or '.join(close)}?" if close else "; `opcc explain` lists every code"
    raise NotFound(f"expected a finding code, found {code!r}{hint}")


def explain(code: str, /) -> str:
    """The documentation of finding ``code``: a heading line, then its text.

    Raises :class:`~opcc_model.errors.NotFound` for an unknown code, suggesting close ones.

    >>> explain("OPCC-D102").splitlines()[0]
    'OPCC-D102 (warning): activities depend on each other in a cycle'
    """
    found = _rule(code)
    return f"{found.code} ({found.severity}): {found.title}\n\n{inspect.cleandoc(found.doc)}\n"


def handle(args: argparse.Namespace) -> int:
    """Print the code's documentation, or every code with its title."""
    if args.code:
        print(explain(args.code), end="")
        return EXIT_OK
    for found in sorted(RULES.values(), key=lambda r: r.code):
        print(f"{found.code}  {found.severity:<7}  {found.title}")
    return EXIT_OK
