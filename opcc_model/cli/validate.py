"""``opcc validate PATH``: load a model and check its integrity (exit 0 or 2)."""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cli.common import EXIT_OK
from opcc_model.cache import load_cached as load

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``validate`` to the ``opcc`` parser."""
    parser = subparsers.add_parser("validate", help="load a model and check its integrity")
    parser.add_argument("path", help="the model root (a folder holding processes/ and pag/)")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Load the model; print ``OK`` with counts."""
    model = load(args.path)
    print(
        f"OK: {len(model.stages)} stages, {len(model.processes)} processes, {len(model.activities)} activities, "
        f"{len(model.codes)} codes, {len(model.boundaries)} areas"
    )
    return EXIT_OK
