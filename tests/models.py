"""tests: writable copies of the example models, for tests that edit or break a model."""

from __future__ import annotations

import shutil
from pathlib import Path

import opcc_model

__all__ = ["minimal_copy"]


def minimal_copy(folder: Path, name: str = "model") -> Path:
    """A writable copy of the minimal example model at ``folder / name``."""
    target = folder / name
    shutil.copytree(opcc_model.example_root("minimal"), target)
    return target
