"""Shared fixtures of the interchange tests: a model with every activity kind, and its BPMN files."""

from __future__ import annotations

from pathlib import Path

import pytest

import opcc_model
from opcc_model.render.bpmn import write_bpmn

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "interchange"


@pytest.fixture(scope="session")
def model() -> opcc_model.Model:
    return opcc_model.load(FIXTURE)


@pytest.fixture(scope="session")
def minimal() -> opcc_model.Model:
    return opcc_model.load(opcc_model.example_root("minimal"))


@pytest.fixture(scope="session", params=["side", "role"])
def bpmn_files(request: pytest.FixtureRequest, model: opcc_model.Model, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Every process of the fixture model and of examples/minimal, exported with lanes by side and by role."""
    out = tmp_path_factory.mktemp(f"bpmn-{request.param}")
    paths = write_bpmn(model, out, lanes=request.param)
    paths += write_bpmn(opcc_model.load(opcc_model.example_root("minimal")), out, lanes=request.param)
    return paths
