"""``opcc export bpmn|raci|graphml PATH --out …``: the model in the formats other tools open."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from opcc_model.atomic import write_bytes, write_text
from opcc_model.cli.common import EXIT_OK, info
from opcc_model.cache import load_cached as load

__all__ = ["register", "handle_bpmn", "handle_raci", "handle_graphml"]


def register(subparsers: Any) -> None:
    """Add ``export`` and its formats to the ``opcc`` parser."""
    parser = subparsers.add_parser("export", help="export the model as BPMN 2.0, RACI matrices or GraphML")
    formats = parser.add_subparsers(dest="format_name", metavar="FORMAT")

    bpmn = formats.add_parser("bpmn", help="one BPMN 2.0 file (with diagram) per process")
    bpmn.add_argument("path", help="the model's root folder")
    bpmn.add_argument("--out", required=True, help="the folder to write <process-id>.bpmn into")
    bpmn.add_argument("--only", metavar="ID", help="export only this process")
    bpmn.add_argument("--lanes", choices=("side", "role"), default="side", help="one lane per side (default) or per role")
    bpmn.set_defaults(handler=handle_bpmn)

    raci = formats.add_parser("raci", help="RACI matrices: one per process and one for the model (or an area)")
    raci.add_argument("path", help="the model's root folder")
    raci.add_argument("--out", required=True, help="the folder to write the matrices into")
    raci.add_argument("--format", choices=("csv", "md", "xlsx"), default="csv", help="file format (default csv)")
    raci.add_argument("--area", help="also write the matrix of the activities in scope for this area")
    raci.set_defaults(handler=handle_raci)

    graphml = formats.add_parser("graphml", help="the model graph as GraphML (Gephi, yEd)")
    graphml.add_argument("path", help="the model's root folder")
    graphml.add_argument("--out", required=True, help="the .graphml file to write")
    graphml.set_defaults(handler=handle_graphml, out_kind="file")


def handle_bpmn(args: argparse.Namespace) -> int:
    """Write the BPMN files and list them on stderr."""
    from opcc_model.render.bpmn import write_bpmn

    for path in write_bpmn(load(args.path), args.out, only=args.only, lanes=args.lanes):
        info(f"wrote {path}")
    return EXIT_OK


def handle_raci(args: argparse.Namespace) -> int:
    """Write ``raci.<ext>`` for the model, ``raci-<process>.<ext>`` per process, ``raci-area-<area>.<ext>``."""
    from opcc_model.render.raci import raci

    model = load(args.path)
    matrices = {"raci": raci(model)}
    matrices |= {f"raci-{p.id}": raci(model, process=p.id) for p in sorted(model.processes, key=lambda p: p.id)}
    if args.area:
        matrices[f"raci-area-{model.boundary(args.area).area}"] = raci(model, area=args.area)
    rendered: dict[Path, bytes | str] = {}
    for name, matrix in matrices.items():
        path = Path(args.out) / f"{name}.{args.format}"
        if args.format == "xlsx":
            rendered[path] = matrix.to_xlsx()
        else:
            rendered[path] = matrix.to_csv() if args.format == "csv" else matrix.to_markdown()
    for path, data in rendered.items():
        written = write_bytes(path, data) if isinstance(data, bytes) else write_text(path, data)
        info(f"wrote {written}")
    return EXIT_OK


def handle_graphml(args: argparse.Namespace) -> int:
    """Write the model graph's GraphML."""
    from opcc_model.render.graphml import write_graphml

    info(f"wrote {write_graphml(load(args.path), args.out)}")
    return EXIT_OK
