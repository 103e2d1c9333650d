"""Shared helpers of the scenario tests: the two-area fixture model and scenario text."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from opcc_model import Model, load
from opcc_model.scenario import Scenario, parse_scenario

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "two-areas"
REPO = Path(__file__).resolve().parents[2]


@cache
def two_areas() -> Model:
    """The two-area fixture model (loaded once)."""
    return load(FIXTURE)


def ops(*lines: str, file: str = "s.yaml") -> Scenario:
    """A scenario whose operations are the YAML flow mappings ``lines``."""
    body = "".join(f"  - {line}\n" for line in lines)
    return parse_scenario(f"name: test\noperations:\n{body}" if lines else "name: test\n", file)
