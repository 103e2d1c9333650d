"""``opcc migrate PATH``: rewrite the model's old-format files in the current format (``--check``: only list them).

>>> import opcc_model
>>> from opcc_model.cli import main
>>> main(["migrate", "--check", str(opcc_model.example_root("minimal"))])
0
"""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cli.common import EXIT_FINDINGS, EXIT_OK, info
from opcc_model.migration import migrate

__all__ = ["register", "handle"]


def register(subparsers: Any) -> None:
    """Add ``migrate`` to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "migrate",
        help="rewrite old-format files (boundary files of format 1) in the current format",
        description="Every file is migrated in memory and validated before any is written; comments and "
        "layout are kept. Exit 0 when done (or, with --check, when nothing needs migrating), 1 with --check "
        "when files need it, 2 when a file cannot be migrated.",
    )
    parser.add_argument("path", help="the model root (a folder holding processes/ and pag/)")
    parser.add_argument("--check", action="store_true", help="write nothing; list the files that need migrating")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Migrate (or list) the files; one line per file."""
    changes = migrate(args.path, check=args.check)
    verb = "needs migrating" if args.check else "migrated"
    for change in changes:
        print(f"{change.shown}: {verb} from format {change.before} to {change.after}")
    count = f"{len(changes)} file{'s' if len(changes) != 1 else ''}"
    info(f"{count} to migrate" if args.check or not changes else f"{count} migrated")
    return EXIT_FINDINGS if args.check and changes else EXIT_OK
