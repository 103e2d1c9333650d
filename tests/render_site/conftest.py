"""Shared fixtures of the site tests: the fixture model, its plan and settings, and its site, built once."""

from __future__ import annotations

from pathlib import Path

import pytest

import opcc_model
from opcc_model.config import Settings, load_settings
from opcc_model.plan import Plan, load_plans
from opcc_model.render.site import build_site

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site-model"


@pytest.fixture(scope="session")
def site_model() -> opcc_model.Model:
    return opcc_model.load(FIXTURE)


@pytest.fixture(scope="session")
def site_plans(site_model: opcc_model.Model) -> tuple[Plan, ...]:
    return load_plans(FIXTURE, site_model)


@pytest.fixture(scope="session")
def site_settings() -> Settings:
    return load_settings(FIXTURE)


@pytest.fixture(scope="session")
def built_site(site_model, site_plans, site_settings, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(site_model, tmp_path_factory.mktemp("site") / "site", settings=site_settings, plans=site_plans)
