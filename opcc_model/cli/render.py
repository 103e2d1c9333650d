"""``opcc render PATH --out DIR``: draw every diagram of a model (SVG, PNG, DOT or Mermaid)."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from opcc_model.cli.common import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, error, info
from opcc_model.render.formats import FORMATS
from opcc_model.wording import count

__all__ = ["register", "handle", "progress_bar", "load"]


def load(path: str) -> Any:
    """The model at ``path`` through the cache, imported only when there is work (a run with nothing changed is a stat pass)."""
    from opcc_model.cache import load_cached

    return load_cached(path)


def register(subparsers: Any) -> None:
    """Add ``render`` to the ``opcc`` parser."""
    parser = subparsers.add_parser("render", help="draw the value chain, process maps, boundary and dependency maps")
    parser.add_argument("path", help="the model root (a folder holding processes/ and pag/)")
    parser.add_argument("--out", required=True, help="the folder to write diagrams into")
    parser.add_argument("--format", choices=FORMATS, default="svg", help="output format (default: svg)")
    parser.add_argument("--only", metavar="ID", help="render only this diagram, or those of this stage, process or area id")
    parser.add_argument("--lanes", choices=("side", "role"), default="side", help="swimlanes of process maps")
    parser.add_argument(
        "--clean", action="store_true", help="remove diagrams an earlier render wrote that the model no longer has"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 listing stale, missing or orphan diagrams"
    )
    parser.add_argument("-j", "--jobs", type=int, default=None, help="parallel layouts (default: CPU count)")
    parser.set_defaults(handler=handle)


def progress_bar(done: int, total: int) -> None:
    """Draw a one-line progress bar on stderr (redrawn in place; a newline once ``done`` reaches ``total``).

    Hand-written on purpose: neither rich nor tqdm is a dependency, and a bar is not worth one.

    >>> import contextlib, io
    >>> err = io.StringIO()
    >>> with contextlib.redirect_stderr(err):
    ...     progress_bar(1, 4); progress_bar(4, 4)
    >>> err.getvalue()
    '\\rrendering [#######.......................] 1/4\\rrendering [##############################] 4/4\\n'
    """
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\rrendering [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


def handle(args: argparse.Namespace) -> int:
    """Load the model, render its diagrams, report what was written."""
    if args.jobs is not None and args.jobs < 1:
        error("-j must be at least 1")
        return EXIT_USAGE
    from opcc_model.render.noop import Stamp

    stamp = Stamp(args.path, args.out, "render", [args.format, args.only, args.lanes, args.clean])
    if stamp.current():
        info(f"nothing changed: the diagrams in {args.out} are up to date")
        return EXIT_OK
    from opcc_model.render.write import check_diagrams, write_diagrams

    model = load(args.path)
    if args.check:
        found = check_diagrams(model, args.out, fmt=args.format, only=args.only, lanes=args.lanes)
        for line in found.lines():
            print(f"{args.out}: {line}")
        if not found.ok:
            error(f"{count(len(found.lines()), 'diagram')} out of date in {args.out}; run the same command without --check")
            return EXIT_FINDINGS
        info(f"diagrams in {args.out} are up to date")
        return EXIT_OK
    result = write_diagrams(
        model,
        args.out,
        fmt=args.format,
        only=args.only,
        jobs=args.jobs,
        lanes=args.lanes,
        clean=args.clean,
        progress=progress_bar if _interactive() else None,
    )
    if result.fallback:
        error(result.fallback)
    else:
        stamp.record()
    cached = f" ({len(result.unchanged)} unchanged)" if result.unchanged else ""
    for path in result.removed:
        info(f"removed {path} (no longer in the model)")
    info(f"rendered {count(len(result.written) + len(result.unchanged), 'diagram')}{cached} into {args.out}")
    return EXIT_OK
