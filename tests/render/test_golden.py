"""Golden DOT and Mermaid files for the process-maps example (OPCC_UPDATE_GOLDEN=1 rewrites them)."""

from __future__ import annotations

from pathlib import Path

import pytest

import opcc_model
from opcc_model.render.diagrams import diagrams, mermaid_diagrams
from tests.golden import assert_golden

GOLDEN = Path(__file__).parent / "golden"
MODEL = opcc_model.load(opcc_model.example_root("process-maps"))
OUTPUTS = {f"{n}.dot": g.source for n, g in diagrams(MODEL)} | {f"{n}.mmd": t for n, t in mermaid_diagrams(MODEL)}


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_output_matches_golden(name: str) -> None:
    assert_golden(GOLDEN / name, OUTPUTS[name])


def test_no_stale_golden_files() -> None:
    assert sorted(p.name for p in GOLDEN.iterdir()) == sorted(OUTPUTS)


def test_building_twice_gives_identical_dot() -> None:
    again = opcc_model.load(opcc_model.example_root("process-maps"))
    assert {f"{n}.dot": g.source for n, g in diagrams(again)} == {k: v for k, v in OUTPUTS.items() if k.endswith(".dot")}
