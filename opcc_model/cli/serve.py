"""``opcc serve PATH [--area A] [--port 8000]``: a live preview of the site on 127.0.0.1, rebuilt on every edit."""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cli.common import EXIT_OK, EXIT_USAGE, error, info

__all__ = ["register", "handle"]


def register(subparsers: Any) -> None:
    """Add ``serve`` to the ``opcc`` parser."""
    parser = subparsers.add_parser(
        "serve",
        help="serve the site on 127.0.0.1 and rebuild it (reloading the browser page) whenever a model file changes",
        description="Build the site into a temporary folder, serve it on 127.0.0.1 only, watch the model and rebuild "
        "what changed; the open page reloads itself. A model that does not load shows its errors; Ctrl-C stops.",
    )
    parser.add_argument("path", help="the model root (a folder holding processes/ and pag/, maybe plans/ and opcc.toml)")
    parser.add_argument("--area", help="show only this force area (default: every area)")
    parser.add_argument("--port", type=int, default=8000, help="the port on 127.0.0.1 (default 8000; 0 picks a free one)")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    """Serve until Ctrl-C; exit 0 then, 2 when watchfiles is missing, the folder is wrong or the port is taken."""
    if not 0 <= args.port <= 65535:
        error(f"--port: expected a port number from 0 to 65535, found {args.port}")
        return EXIT_USAGE
    try:
        from opcc_model.serve import serve
        import watchfiles  # noqa: F401
    except ImportError:
        error("opcc serve needs watchfiles: pip install 'opcc-model[serve]'")
        return EXIT_USAGE
    try:
        serve(args.path, area=args.area, port=args.port, say=info)
    except KeyboardInterrupt:
        pass
    info("stopped")
    return EXIT_OK
