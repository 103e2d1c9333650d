"""``opcc schema --out DIR``: write the JSON Schema of every YAML file kind."""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cli.common import EXIT_OK, info
from opcc_model.schema import write_schemas

__all__ = ["register"]


def register(subparsers: Any) -> None:
    """Add ``schema`` to the ``opcc`` parser."""
    parser = subparsers.add_parser("schema", help="write the JSON Schema of every YAML file kind")
    parser.add_argument("--out", required=True, help="the folder to write <kind>.schema.json into")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Write the schemas and list them on stderr."""
    for path in write_schemas(args.out):
        info(f"wrote {path}")
    return EXIT_OK
