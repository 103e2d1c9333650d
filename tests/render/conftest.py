"""Shared fixtures for the render tests: the process-maps example model and the Graphviz backends present."""

from __future__ import annotations

import pytest

import opcc_model
from opcc_model.render.backend import available_backends


@pytest.fixture(scope="session")
def model() -> opcc_model.Model:
    return opcc_model.load(opcc_model.example_root("process-maps"))


@pytest.fixture(params=["wasm", "system"])
def backend(request: pytest.FixtureRequest) -> str:
    """Each Graphviz backend in turn; a missing one is skipped with the reason."""
    if request.param not in available_backends():
        pytest.skip(f"Graphviz backend {request.param!r} is not installed here")
    return str(request.param)
