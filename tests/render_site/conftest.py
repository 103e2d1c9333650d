"""Shared fixtures of the site tests: the fixture model and its site, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

import opcc_model
from opcc_model.render.site import build_site

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site-model"


@pytest.fixture(scope="session")
def site_model() -> opcc_model.Model:
    return opcc_model.load(FIXTURE)


@pytest.fixture(scope="session")
def built_site(site_model: opcc_model.Model, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(site_model, tmp_path_factory.mktemp("site") / "site")
