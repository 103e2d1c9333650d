"""``opcc validate PATH``: load a model and check its integrity (exit 0 or 2)."""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cli.common import EXIT_OK
from opcc_model.cache import load_cached as load
from opcc_model.wording import count

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
        f"OK: {count(len(model.stages), 'stage')}, {count(len(model.processes), 'process')}, "
        f"{count(len(model.activities), 'activity')}, {count(len(model.codes), 'code')}, "
        f"{count(len(model.boundaries), 'area')}"
    )
    return EXIT_OK
