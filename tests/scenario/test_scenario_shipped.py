"""The scenarios shipped in scenarios/: they read, and they apply to the reference model when it is present."""

from __future__ import annotations

import datetime

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


@pytest.mark.skipif(not HAS_REFERENCE, reason="the reference model (processes/, pag/) is not on this branch yet")
def test_the_mayoral_scenario_replaces_the_office_holder_and_gives_the_deputy_a_mayoral_share() -> None:
    model = opcc_model.load(REPO)
    new = apply(model, read_scenario(REPO / "scenarios" / "mayoral-model.yaml")).model
    assert new.principals()["commissioner"].id == "mayor"
    assert {"pcc", "dpcc"}.isdisjoint(r.id for r in new.roles)
    england, wales = new.boundary("example-england"), new.boundary("example-wales")
    assert (england.body, england.deputy) == ("mayor", "deputy-mayor-for-policing")
    assert wales.body == "pcc"  # Wales has no mayoral route
    assert [(a.pag, a.holder) for a in england.allocations] == [(a.pag, a.holder) for a in model.boundary("example-england").allocations]
    assert not any(c.kind == "holder-changed" for c in diff(model, new))
    after = datetime.date(2028, 6, 1)
    assert opcc_model.who_decides(new, "1.3.8.2", amount=300000, area="example-england", on=after).decider == "deputy-mayor-for-policing"
    assert opcc_model.who_decides(new, "1.3.8.2", amount=300000, area="example-england", on=datetime.date(2026, 1, 1)).decider == "mayor"
    found = opcc_model.check(new, area="example-england", on=after)
    assert [f for f in found if f.code in ("OPCC-S101", "OPCC-S105", "OPCC-S109")] == []  # within LURA 2023 Sch 3 para 3(4)


@pytest.mark.skipif(not HAS_REFERENCE, reason="the reference model (processes/, pag/) is not on this branch yet")
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_each_shipped_scenario_applies_to_the_reference_model(path: Path) -> None:
    model = opcc_model.load(REPO)
    applied = apply(model, read_scenario(path))
    assert list(integrity.check(applied.model)) == []
    assert diff(model, applied.model)


@pytest.mark.skipif(not HAS_REFERENCE, reason="the reference model (processes/, pag/) is not on this branch yet")
def test_the_welsh_scenario_gives_the_welsh_area_to_local_government_leaders_with_explicit_collective_accountability() -> None:
    model = opcc_model.load(REPO)
    new = apply(model, read_scenario(REPO / "scenarios" / "welsh-local-government-leaders.yaml")).model
    assert new.principals()["commissioner"].id == "local-government-leaders"
    assert "pcc" not in {r.id for r in new.roles}
    assert not any("dpcc" in (a.accountable, *a.responsible, *a.consulted, *a.informed) for a in new.activities)
    wales, england = new.boundary("example-wales"), new.boundary("example-england")
    assert (wales.body, wales.deputy) == ("leaders", None)
    assert wales.collective is not None
    assert (wales.collective.signs, wales.collective.answers_to_panel) == ("leaders-policing-chair", "leaders-policing-chair")
    assert (england.body, england.deputy) == ("pcc", "dpcc")  # only the Welsh scheme changes
    assert [(a.pag, a.holder) for a in wales.allocations] == [(a.pag, a.holder) for a in model.boundary("example-wales").allocations]
    on = datetime.date(2028, 6, 1)
    before = {(f.code, f.subject) for f in opcc_model.check(model, area="example-wales", on=on)}
    after = [f for f in opcc_model.check(new, area="example-wales", on=on) if (f.code, f.subject) not in before]
    # a clean result: nothing appears in the Welsh area but the reminder that the outgoing
    # scheme's lapsed delegation is past its last day (OPCC-S106, as it should be after the change)
    assert [(f.code, f.subject) for f in after] == [("OPCC-S106", ("1.5.7", "2028-05-07"))]


@pytest.mark.skipif(not HAS_REFERENCE, reason="the reference model (processes/, pag/) is not on this branch yet")
def test_a_scenario_leaves_an_area_without_a_deputy_only_by_writing_deputy_null() -> None:
    from scenario_support import ops

    model = opcc_model.load(REPO)
    assert model.boundary("example-england").deputy == "dpcc"
    kept = apply(model, ops("{op: amend-scheme, area: example-england, body: board}")).model.boundary("example-england")
    cleared = apply(model, ops("{op: amend-scheme, area: example-england, deputy: null}")).model.boundary("example-england")
    assert (kept.body, kept.deputy) == ("board", "dpcc")
    assert cleared.deputy is None
