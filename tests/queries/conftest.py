"""Fixtures of tests/queries."""

import pytest

from queries_fixtures import base_model
from opcc_model.model import Model


@pytest.fixture
def model() -> Model:
    return base_model()
