"""What every subcommand shares: exit codes, stderr messages, loading a model."""

from __future__ import annotations

import sys

__all__ = ["EXIT_OK", "EXIT_FINDINGS", "EXIT_USAGE", "EXIT_INTERNAL", "error", "info"]

EXIT_OK = 0
"""Success; nothing at or above the failure threshold."""
EXIT_FINDINGS = 1
"""Findings at or above ``--fail-on``."""
EXIT_USAGE = 2
"""The model could not be loaded, or the command was misused."""
EXIT_INTERNAL = 3
"""A bug in opcc-model (reported without a traceback)."""


def error(message: str) -> None:
    """Print a diagnostic to stderr, prefixed ``opcc:`` unless it names a file location or is
    an indented continuation of the line before.

    >>> import contextlib, io
    >>> stream = io.StringIO()
    >>> with contextlib.redirect_stderr(stream):
    ...     error("no such area 'x'")
    ...     error("processes/roles.yaml:2:5: unknown key 'sidee'")
    >>> print(stream.getvalue(), end="")
    opcc: no such area 'x'
    processes/roles.yaml:2:5: unknown key 'sidee'
    """
    plain = message.startswith(" ") or ":" in message.split(" ", 1)[0]
    print(message if plain else f"opcc: {message}", file=sys.stderr)


def info(message: str) -> None:
    """Print a progress or status line to stderr (results go to stdout)."""
    print(message, file=sys.stderr)
