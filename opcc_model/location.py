"""Where something was written: a file, a line and a column (both 1-based)."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Location"]


class Location(NamedTuple):
    """A place in a source file; prints as ``file:line:col``.

    >>> str(Location("processes/roles.yaml", 3, 5))
    'processes/roles.yaml:3:5'
    >>> Location("a.yaml", 2, 1) < Location("a.yaml", 10, 1)
    True
    """

    file: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"
