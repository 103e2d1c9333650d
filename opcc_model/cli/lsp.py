"""``opcc lsp``: the language server of the model's YAML files, on stdin and stdout (pygls)."""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cli.common import EXIT_OK, EXIT_USAGE, error

__all__ = ["register", "handle"]


def register(subparsers: Any) -> None:
    """Add ``lsp`` to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "lsp",
        help="run the language server for the model's YAML (stdio): diagnostics, go-to, references, hover, completion, rename",
        description="A Language Server Protocol server on stdin/stdout for editors (see docs/editors.md). "
        "The workspace folder the editor opens is the model root.",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Serve the protocol on stdio until the editor asks it to exit; 2 when pygls is missing."""
    try:
        from opcc_model.lsp.server import run_stdio
    except ImportError as exc:
        error(f"opcc lsp needs pygls: pip install 'opcc-model[lsp]' ({exc})")
        return EXIT_USAGE
    run_stdio()
    return EXIT_OK
