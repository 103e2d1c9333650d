"""Helpers of the scheme tests: a model with one planted area, its findings, a planted boundary file."""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

import opcc_model
from opcc_model.boundary import Boundary
from opcc_model.model import Model

__all__ = ["AREA", "HEAD", "with_area", "codes_found", "write_area"]

AREA = "planted"
HEAD = "format: 2\narea: planted\nname: Planted Area\njurisdiction: england\n"
"""The first lines of every planted boundary file."""


def with_area(model: Model, body: str) -> Model:
    """``model`` with one more area, ``planted``, whose boundary file is ``HEAD + body``."""
    boundary = Boundary.model_validate(yaml.safe_load(HEAD + body))
    return model.model_copy(update={"boundaries": (*model.boundaries, boundary)})


def codes_found(model: Model, code: str, *, on: str = "2026-01-31") -> list[tuple[str, ...]]:
    """The subjects of the ``code`` findings in the planted area, checked as on ``on``."""
    found = opcc_model.check(model, area=AREA, on=datetime.date.fromisoformat(on))
    return [f.subject for f in found if f.code == code]


def write_area(root: Path, body: str) -> Path:
    """Write ``pag/boundaries/planted.yaml`` (``HEAD + body``) into the model at ``root``."""
    path = root / "pag" / "boundaries" / "planted.yaml"
    path.write_text(HEAD + body, encoding="utf-8")
    return path
