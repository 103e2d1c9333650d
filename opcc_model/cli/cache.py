"""``opcc cache path`` and ``opcc cache clear``: where the validated-model cache lives, and emptying it.

The cache is ``$OPCC_CACHE_DIR``, else ``$XDG_CACHE_HOME/opcc-model``, else
``~/.cache/opcc-model`` (``OPCC_NO_CACHE=1`` turns it off); see docs/cli.md.
"""

from __future__ import annotations

import argparse
from typing import Any

from opcc_model.cache import cache_dir, clear_cache
from opcc_model.cli.common import EXIT_OK, info
from opcc_model.wording import count

__all__ = ["register", "handle_path", "handle_clear"]


def register(subparsers: Any) -> None:
    """Add ``cache path`` and ``cache clear`` to the ``opcc`` parser."""
    parser = subparsers.add_parser("cache", help="show where the validated-model cache is, or clear it")
    actions = parser.add_subparsers(dest="cache_command", metavar="ACTION", required=True)
    actions.add_parser("path", help="print the cache folder (or 'off' when OPCC_NO_CACHE is set)").set_defaults(
        handler=handle_path
    )
    actions.add_parser("clear", help="remove the cache files (the next load of each model is cold)").set_defaults(
        handler=handle_clear
    )


def handle_path(args: argparse.Namespace) -> int:
    """Print the cache folder.

    >>> import os; os.environ["OPCC_CACHE_DIR"] = "/tmp/opcc-cache"
    >>> handle_path(argparse.Namespace())
    /tmp/opcc-cache
    0
    >>> del os.environ["OPCC_CACHE_DIR"]
    """
    folder = cache_dir()
    print("off (OPCC_NO_CACHE is set)" if folder is None else folder)
    return EXIT_OK


def handle_clear(args: argparse.Namespace) -> int:
    """Remove the cache files; say how many."""
    removed = clear_cache()
    info(f"removed {count(len(removed), 'cache file')} from {cache_dir()}")
    return EXIT_OK
