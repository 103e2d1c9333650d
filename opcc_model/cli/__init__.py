"""The ``opcc`` command: one module per subcommand, registered in :data:`COMMANDS`.

``main(argv)`` returns the exit status, so the CLI is tested in-process.

>>> main(["validate", str(__import__("opcc_model").example_root("minimal"))])  # doctest: +ELLIPSIS
OK: 4 stages, 1 processes, 2 activities, 5 codes, 1 areas
0
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from opcc_model.cli.common import EXIT_INTERNAL, EXIT_USAGE, error
from opcc_model.cli.outputs import check_out, os_error_sentence
from opcc_model.environment import check_environment
from opcc_model.errors import ModelLoadError, OpccError

__all__ = ["main", "run", "COMMANDS"]

COMMANDS: tuple[str, ...] = (
    "validate",
    "check",
    "query",
    "render",
    "site",
    "export",
    "schema",
    "plan",
    "diff",
    "scenario",
)
"""Subcommand modules under ``opcc_model.cli``; each defines ``register(subparsers)``."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered subcommand.

    >>> build_parser().prog
    'opcc'
    """
    parser = argparse.ArgumentParser(
        prog="opcc",
        description="Model, query and draw the operating model of an Office of the Police and Crime Commissioner.",
    )
    from opcc_model import __version__

    parser.add_argument("--version", action="version", version=f"opcc-model {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"opcc_model.cli.{name.replace('-', '_')}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``opcc`` with ``argv`` (default: the process's arguments); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on misuse, 0 on --help
        return int(exc.code or 0)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        check_environment()  # a bad OPCC_* value is one sentence and exit 2, before any work
        check_out(args)
        return int(args.handler(args))
    except ModelLoadError as exc:
        for issue in exc.issues:
            error(str(issue))
        were = "were" if exc.what.endswith("s") else "was"
        error(f"{len(exc.issues)} error{'s' if len(exc.issues) != 1 else ''}: {exc.what} {were} not loaded")
        return EXIT_USAGE
    except OpccError as exc:
        error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        error("interrupted")
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the file system said no (permission, disk full, read-only): not a bug
        if os.environ.get("OPCC_DEBUG"):
            raise
        error(os_error_sentence(exc))
        return EXIT_USAGE
    except RecursionError:
        if os.environ.get("OPCC_DEBUG"):
            raise
        error("the model nests too deeply to process (a chain of codes, processes or plans hundreds of levels deep)")
        return EXIT_USAGE
    except Exception as exc:  # never a traceback for a user; OPCC_DEBUG=1 shows it
        if os.environ.get("OPCC_DEBUG"):
            raise
        error(f"internal error: {type(exc).__name__}: {exc} (run with OPCC_DEBUG=1 for details, and please report it)")
        return EXIT_INTERNAL


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
