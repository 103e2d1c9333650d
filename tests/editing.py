"""Editing a writable copy of an example model in tests: copy it, replace text in a file, find a line."""

from __future__ import annotations

import shutil
from pathlib import Path

import opcc_model

__all__ = ["copy_minimal", "edit", "line_of"]


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
