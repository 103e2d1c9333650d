"""The scenarios shipped in scenarios/: they read, and they apply to the reference model when it is present."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario_support import REPO, two_areas

import opcc_model
from opcc_model import integrity
from opcc_model.scenario import apply, diff, read_scenario

SHIPPED = sorted((REPO / "scenarios").glob("*.yaml"))
HAS_REFERENCE = (REPO / "processes" / "value-chain.yaml").is_file()


def test_scenarios_are_shipped() -> None:
    assert {p.name for p in SHIPPED} >= {
        "mayoral-model.yaml", "withdraw-budget-delegation.yaml", "merge-example-areas.yaml"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_each_shipped_scenario_reads_and_cites_its_basis(path: Path) -> None:
    scenario = read_scenario(path)
    assert scenario.name and scenario.description and scenario.basis and scenario.operations


def test_the_mayoral_scenario_replaces_the_office_holder_not_the_boundary() -> None:
    model = two_areas()
    applied = apply(model, read_scenario(REPO / "scenarios" / "mayoral-model.yaml"))
    new = applied.model
    assert new.principals()["commissioner"].id == "mayor"
    assert {"pcc", "dpcc"}.isdisjoint(r.id for r in new.roles)
    assert new.boundaries == model.boundaries
    assert not any(c.kind == "holder-changed" for c in diff(model, new))


@pytest.mark.skipif(not HAS_REFERENCE, reason="the reference model (processes/, pag/) is not on this branch yet")
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_each_shipped_scenario_applies_to_the_reference_model(path: Path) -> None:
    model = opcc_model.load(REPO)
    applied = apply(model, read_scenario(path))
    assert list(integrity.check(applied.model)) == []
    assert diff(model, applied.model)
