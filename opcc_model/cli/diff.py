"""``opcc diff OLD NEW`` or ``opcc diff --against REV PATH``: what changed between two models (exit 0)."""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cli.common import EXIT_OK, EXIT_USAGE, error
from opcc_model.cache import load_cached as load
from opcc_model.scenario.model_diff import diff
from opcc_model.scenario.revision import load_at_revision
from opcc_model.terminal import safe_text
from opcc_model.wording import count

__all__ = ["register", "handle"]


def register(subparsers: Any) -> None:
    """Add ``diff`` to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "diff",
        help="compare two models (or a model with itself at a git revision)",
        description="Compare two model roots, or with --against the model at PATH with itself in a git revision.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="OLD NEW, or with --against the one model root")
    parser.add_argument("--against", metavar="GIT_REV", help="compare PATH as it was in this git revision with PATH now")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="a summary by kind and role, or a JSON list of every change")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every change after the summary")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Load both models, print the changes."""
    wanted = 1 if args.against else 2
    if len(args.paths) != wanted:
        usage = "opcc diff --against GIT_REV PATH" if args.against else "opcc diff OLD NEW"
        error(f"expected {count(wanted, 'model path')} ({usage}), found {len(args.paths)}")
        return EXIT_USAGE
    if args.against:
        old, new = load_at_revision(args.paths[0], args.against), load(args.paths[0])
    else:
        old, new = load(args.paths[0]), load(args.paths[1])
    changes = diff(old, new)
    print(changes.to_json() if args.format == "json" else safe_text(changes.to_text(verbose=args.verbose)), end="")
    return EXIT_OK
