"""Fixtures for the procedure tests: a writable copy of the minimal model."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.editing import copy_minimal

PROCESS = "processes/engage-consult/conduct-stakeholder-analysis.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A writable copy of the minimal example model."""
    return copy_minimal(tmp_path)


def write(root: Path, relative: str, text: str) -> None:
    """Write a (new) file of the model."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
