"""What every subcommand shares: exit codes, stderr messages, loading a model."""

from __future__ import annotations

import re
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


_LOCATED = re.compile(r"[^\n]+?:\d+:\d+: ")
"""A message that starts with ``file:line:col:`` names its place and needs no ``opcc:``."""


def error(message: str) -> None:
    """Print a diagnostic to stderr, prefixed ``opcc:`` unless it names a file location or is
    an indented continuation of the line before.

    >>> import contextlib, io
    >>> stream = io.StringIO()
    >>> with contextlib.redirect_stderr(stream):
    ...     error("no such area 'x'")
    ...     error("processes/roles.yaml:2:5: unknown key 'sidee'")
    ...     error("'main:x' is not a commit")
    >>> print(stream.getvalue(), end="")
    opcc: no such area 'x'
    processes/roles.yaml:2:5: unknown key 'sidee'
    opcc: 'main:x' is not a commit
    """
    from opcc_model.terminal import safe_text  # here: ``opcc --version`` imports no more than it needs

    message = safe_text(message)  # messages quote model text and file names: never a control character
    plain = message.startswith(" ") or _LOCATED.match(message)  # an indented line continues the one above
    print(message if plain else f"opcc: {message}", file=sys.stderr)


def info(message: str) -> None:
    """Print a progress or status line to stderr (results go to stdout)."""
    from opcc_model.terminal import safe_text

    print(safe_text(message), file=sys.stderr)
