"""Fixtures for the plan tests: a copy of tests/fixtures/plan-model and helpers to plant plan files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

import opcc_model
from opcc_model.model import Model

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "plan-model"


@pytest.fixture(scope="session")
def fixture_model() -> Model:
    """The plan fixture model, loaded once."""
    return opcc_model.load(FIXTURE)


@pytest.fixture
def clean_plan() -> dict[str, Any]:
    """The clean plan's document, to plant problems in."""
    return yaml.safe_load((FIXTURE / "plans" / "clean-plan.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def model_root(tmp_path: Path) -> Path:
    """A writable copy of the fixture model, its plans/ folder emptied."""
    root = tmp_path / "model"
    shutil.copytree(FIXTURE, root)
    for plan in (root / "plans").iterdir():
        plan.unlink()
    return root


@pytest.fixture
def write_plan(model_root: Path) -> Callable[..., Path]:
    """Write a plan into the model copy, from a dict (dumped as YAML) or raw text; return its path."""

    def write(document: dict[str, Any] | str, name: str | None = None) -> Path:
        if isinstance(document, str):
            text = document
            stem = name or "clean-plan"
        else:
            text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
            stem = name or str(document.get("id", "clean-plan"))
        path = model_root / "plans" / f"{stem}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
