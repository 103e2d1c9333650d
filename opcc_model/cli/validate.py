"""``opcc validate PATH``: load a model and check its integrity (exit 0 or 2).

A warm run on an unchanged model prints the answer kept beside the cache
(:mod:`opcc_model.validated`) without importing the model; any change means a full load.
"""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cli.common import EXIT_OK

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``validate`` to the ``opcc`` parser."""
    parser = subparsers.add_parser("validate", help="load a model and check its integrity")
    parser.add_argument("path", help="the model root (a folder holding processes/ and pag/)")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Load the model (or recall the answer for it unchanged); print ``OK`` with counts."""
    from opcc_model import validated

    answer = validated.recall(args.path)
    if answer is None:
        from opcc_model.cache import load_cached
        from opcc_model.wording import count

        taken = validated.stamps(args.path)
        model = load_cached(args.path)
        answer = (
            f"OK: {count(len(model.stages), 'stage')}, {count(len(model.processes), 'process')}, "
            f"{count(len(model.activities), 'activity')}, {count(len(model.codes), 'code')}, "
            f"{count(len(model.boundaries), 'area')}"
        )
        validated.remember(args.path, taken, answer)
    print(answer)
    return EXIT_OK
