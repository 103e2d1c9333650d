"""Fixtures of the scheme tests: the reference model and a writable minimal copy."""

from __future__ import annotations

from pathlib import Path

import pytest

import opcc_model
from opcc_model.model import Model
from tests.editing import copy_minimal


@pytest.fixture(scope="session")
def reference() -> Model:
    """The reference model (open glossary, shared roles, the two example areas)."""
    return opcc_model.load(opcc_model.reference_root())


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A writable copy of the minimal example model."""
    return copy_minimal(tmp_path)
