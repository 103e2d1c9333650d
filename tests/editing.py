"""Editing a writable copy of an example model in tests: copy it, replace text in a file, find a line."""

from __future__ import annotations

import builtins
import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import opcc_model

__all__ = ["copy_minimal", "edit", "edited_after_read", "line_of", "write_file"]


def copy_minimal(tmp_path: Path) -> Path:
    """A writable copy of the minimal example model under ``tmp_path``."""
    target = tmp_path / "model"
    shutil.copytree(opcc_model.example_root("minimal"), target)
    return target


def edit(root: Path, relative: str, old: str, new: str) -> None:
    """Replace ``old`` (which must be there) by ``new`` in one file of the model."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(root: Path, relative: str, needle: str) -> int:
    """The first line of the file holding ``needle``."""
    for number, line in enumerate((root / relative).read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {relative}")


def write_file(path: Path, text: str, *, in_place: bool) -> None:
    """Write ``text`` to ``path`` in place (same inode: only the times, maybe the size, change)
    or as an editor saves (a new file renamed over the old one)."""
    if in_place:
        with open(path, "r+b") as handle:
            handle.truncate(0)
            handle.write(text.encode("utf-8"))
    else:
        fresh = path.with_suffix(".tmp")
        fresh.write_text(text, encoding="utf-8")
        os.replace(fresh, path)


class _EditOnClose:
    """A file handle that, once the reader closes it, runs ``edit`` (the file changes right after a read)."""

    def __init__(self, handle: Any, edit: Callable[[], None] | None) -> None:
        self._handle, self._edit = handle, edit

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _EditOnClose:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._handle.close()
        edit, self._edit = self._edit, None
        if edit is not None:
            edit()


@contextlib.contextmanager
def edited_after_read(path: Path, edit: Callable[[], None]) -> Iterator[None]:
    """Within this block, the first binary read of ``path`` runs ``edit`` as soon as the file is closed
    (an edit racing a load, made deterministic)."""
    target = os.path.abspath(path)
    real_open = builtins.open
    armed = [True]

    def spying_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(file, mode, *args, **kwargs)
        if armed[0] and "b" in mode and isinstance(file, str | os.PathLike) and os.path.abspath(file) == target:
            armed[0] = False
            return _EditOnClose(handle, edit)
        return handle

    builtins.open = spying_open
    try:
        yield
    finally:
        builtins.open = real_open
