"""The ``OPCC_*`` environment variables: each read in one place and checked, with one sentence when wrong.

A wrong value is a user error (:class:`~opcc_model.errors.OpccError`, exit 2), never a traceback.

>>> import os
>>> os.environ["OPCC_MAX_FILE_MB"] = "abc"
>>> try:
...     max_file_bytes()
... except OpccError as exc:
...     print(exc)
OPCC_MAX_FILE_MB must be a whole number of megabytes from 1 to 4096, found 'abc'
>>> os.environ["OPCC_MAX_FILE_MB"] = "2"; max_file_bytes()
2097152
>>> del os.environ["OPCC_MAX_FILE_MB"]; max_file_bytes() == DEFAULT_MAX_FILE_MB * 1024 * 1024
True
"""

from __future__ import annotations

import os
from pathlib import Path

from opcc_model.errors import OpccError

__all__ = ["DEFAULT_MAX_FILE_MB", "GRAPHVIZ_CHOICES", "max_file_bytes", "load_workers", "graphviz_choice", "check_environment", "cache_folder"]

DEFAULT_MAX_FILE_MB = 64
"""The largest model file read, in MB, unless ``OPCC_MAX_FILE_MB`` says otherwise."""

GRAPHVIZ_CHOICES = ("wasm", "system")
"""The values ``OPCC_GRAPHVIZ`` may take (empty: choose the best available)."""


def _whole(name: str, default: int, low: int, high: int, unit: str) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        raise OpccError(f"{name} must be a whole number of {unit} from {low} to {high}, found {raw[:40]!r}")
    return int(raw)


def max_file_bytes() -> int:
    """The largest model file read, in bytes (``OPCC_MAX_FILE_MB``, default 64)."""
    return _whole("OPCC_MAX_FILE_MB", DEFAULT_MAX_FILE_MB, 1, 4096, "megabytes") * 1024 * 1024


def load_workers() -> int:
    """How many processes read changed files in a cached load (``OPCC_LOAD_WORKERS``, default 1).

    >>> load_workers()
    1
    """
    return _whole("OPCC_LOAD_WORKERS", 1, 1, 256, "processes")


def graphviz_choice() -> str:
    """The Graphviz backend forced by ``OPCC_GRAPHVIZ`` (``""``: none forced).

    >>> os.environ["OPCC_GRAPHVIZ"] = "bogus"
    >>> try:
    ...     graphviz_choice()
    ... except OpccError as exc:
    ...     print(exc)
    OPCC_GRAPHVIZ must be 'wasm' or 'system' (or unset), found 'bogus'
    >>> del os.environ["OPCC_GRAPHVIZ"]; graphviz_choice()
    ''
    """
    raw = os.environ.get("OPCC_GRAPHVIZ", "").strip().lower()
    if raw and raw not in GRAPHVIZ_CHOICES:
        raise OpccError(f"OPCC_GRAPHVIZ must be 'wasm' or 'system' (or unset), found {raw[:40]!r}")
    return raw


def check_environment() -> None:
    """Check every ``OPCC_*`` variable that takes a value; the CLI calls this before any command.

    >>> check_environment()
    """
    max_file_bytes()
    load_workers()
    graphviz_choice()


def cache_folder() -> Path | None:
    """The user cache folder of opcc-model (``OPCC_CACHE_DIR``, else the XDG cache), ``None`` under ``OPCC_NO_CACHE``.

    Light on purpose (no model import): the no-op stamps of ``opcc render``/``opcc site`` and
    the model cache both live under it.

    >>> os.environ["OPCC_CACHE_DIR"] = "/tmp/x"; str(cache_folder())
    '/tmp/x'
    >>> del os.environ["OPCC_CACHE_DIR"]
    """
    if os.environ.get("OPCC_NO_CACHE", "") not in ("", "0"):
        return None
    if os.environ.get("OPCC_CACHE_DIR"):
        return Path(os.environ["OPCC_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "opcc-model"
