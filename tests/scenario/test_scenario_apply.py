"""Applying operations: each kind does what it says, leaves the original alone, and round-trips."""

from __future__ import annotations

import pytest
from scenario_support import ops, two_areas

from opcc_model import integrity
from opcc_model.scenario import apply, diff


def test_empty_scenario_changes_nothing() -> None:
    model = two_areas()
    applied = apply(model, ops())
    assert applied.model == model
    assert not diff(model, applied.model)
    assert applied.conflicts == () and applied.notes == ()
    assert applied.model.location_of("activity", "draft-plan") == model.location_of("activity", "draft-plan")


def test_original_model_is_untouched() -> None:
    model = two_areas()
    before = model.model_dump()
    apply(model, ops("{op: replace-role, role: pcc, by: mayor, add: [{id: mayor, name: Mayor}]}"))
    assert model.model_dump() == before


def test_move_allocation_moves_the_subtree_and_drops_more_specific_lines() -> None:
    model = two_areas()
    applied = apply(model, ops("{op: move-allocation, area: south, pag: '2', holder: commissioner}"))
    south = applied.model.boundary("south")
    assert [(a.pag, a.holder) for a in south.allocations] == [("1", "commissioner"), ("2", "commissioner")]
    assert len(applied.notes) == 2 and "2.3.2" in applied.notes[1]
    messages = [c.message for c in diff(model, applied.model)]
    assert "In South Area, accountability for 2 Operational policing moves from the Chief Constable to the Commissioner." in messages
    assert any(m.startswith("In South Area, accountability for 2.3.2 Detainee care moves from both jointly") for m in messages)


def test_move_allocation_with_delegation_reads_as_a_sentence() -> None:
    model = two_areas()
    applied = apply(model, ops(
        "{op: move-allocation, area: north, pag: '2.3.1', holder: commissioner, keep_more_specific: true}"))
    [change] = diff(model, applied.model)
    assert change.kind == "holder-changed" and change.subject == ("north", "2.3.1")
    assert change.message == (
        "In North Area, accountability for 2.3.1 Custody suites moves from the Chief Constable "
        "(with the consent of the Commissioner under Scheme of Consent 4.2) to the Commissioner."
    )


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("activities: [draft-plan]", {"draft-plan"}),
        ("process: scrutinise-custody", {"run-custody", "review-custody"}),
        ("stage: develop", {"assess-need", "draft-plan"}),
        ("pag: '1.2'", {"assess-need", "draft-plan"}),
        ("role: pcc", {"assess-need", "draft-plan", "review-custody"}),
        ("role: pcc, stage: monitor", {"review-custody"}),
    ],
)
def test_reassign_accountable_by_each_selector(selector: str, expected: set[str]) -> None:
    model = two_areas()
    applied = apply(model, ops(f"{{op: reassign, letter: A, to: dpcc, {selector}}}"))
    changed = {c.subject[0] for c in diff(model, applied.model) if c.kind == "accountable-changed"}
    assert changed == expected - {a.id for a in model.activities if a.accountable == "dpcc"}
    assert all(applied.model.activity(a).accountable == "dpcc" for a in expected)


def test_reassign_r_c_i_replaces_in_place_or_adds() -> None:
    model = two_areas()
    applied = apply(model, ops(
        "{op: reassign, letter: C, role: cc, to: force-cfo, process: issue-plan}",
        "{op: reassign, letter: I, to: csp, activities: [run-custody]}",
    ))
    assert applied.model.activity("assess-need").consulted == ("force-cfo", "csp")
    assert applied.model.activity("run-custody").informed == ("csp",)
    kinds = sorted(c.kind for c in diff(model, applied.model))
    assert kinds == ["raci-added"] * 3 + ["raci-removed"] * 2


def test_replace_role_moves_everything_and_keeps_the_side() -> None:
    model = two_areas()
    applied = apply(model, ops(
        "{op: replace-role, role: pcc, by: mayor, add: [{id: mayor, name: Mayor}, "
        "{id: deputy-mayor, name: Deputy Mayor for Policing, reports_to: pcc}]}"
    ))
    new = applied.model
    assert "pcc" not in {r.id for r in new.roles}
    assert new.role("mayor").side == "commissioner" and new.role("mayor").principal is True
    assert new.role("deputy-mayor").reports_to == "mayor" and new.role("dpcc").reports_to == "mayor"
    assert new.principals()["commissioner"].id == "mayor"
    assert not any(role == "pcc" for a in new.activities for _, role in a.roles())
    assert [r.id for r in new.roles][:2] == ["mayor", "deputy-mayor"]
    assert str(new.location_of("role", "mayor")) == "s.yaml:3:5"
    assert list(integrity.check(new)) == []


def test_structure_operations() -> None:
    model = two_areas()
    applied = apply(model, ops(
        "{op: add-activity, process: issue-plan, before: draft-plan, activity: {id: consult-public, name: Consult the public, accountable: pcc}}",
        "{op: remove-activity, activity: run-custody}",
        "{op: replace-activity, activity: {id: assess-need, name: Assess need again, accountable: dpcc}}",
        "{op: add-process, process: {id: audit, name: Audit, stage: monitor}}",
        "{op: replace-process, process: {id: audit, name: Joint audit, stage: monitor}}",
        "{op: remove-process, process: audit}",
    ))
    new = applied.model
    assert [a.id for a in new.process("issue-plan").activities] == ["assess-need", "consult-public", "draft-plan"]
    assert new.activity("consult-public").basis == ("PRSR 2011 s.5",)
    assert new.activity("review-custody").after == ()
    assert any("no longer waits for 'run-custody'" in note for note in applied.notes)
    assert new.boundary("south").waivers == ()
    assert any("waiver of OPCC-O103 for 'run-custody' is dropped" in note for note in applied.notes)
    assert new.activity("assess-need").accountable == "dpcc"
    assert "audit" not in {p.id for p in new.processes}


def test_merge_keeps_conflicting_lines_and_reports_them() -> None:
    model = two_areas()
    applied = apply(model, ops("{op: merge-areas, areas: [north, south], into: {area: merged, name: Merged}}"))
    merged = applied.model.boundary("merged")
    assert {b.area for b in applied.model.boundaries} == {"merged"}
    lines_23 = [a.holder for a in merged.allocations if a.pag == "2.3"]
    assert lines_23 == ["chief-constable", "commissioner"]
    assert [c.pag for c in applied.conflicts] == ["2.3", "2.3.2"]
    assert applied.conflicts[0].holders[1] == ("south", "the Commissioner")
    assert merged.waivers == model.boundary("south").waivers


INVERSES = [
    (
        ["{op: move-allocation, area: north, pag: '2.3', holder: commissioner}"],
        ["{op: move-allocation, area: north, pag: '2.3', holder: chief-constable, delegated_by: commissioner, instrument: Scheme of Consent 4.2}"],
    ),
    (
        ["{op: move-allocation, area: south, pag: '2.3.1', holder: chief-constable}"],
        ["{op: move-allocation, area: south, pag: '2.3', holder: commissioner}",
         "{op: move-allocation, area: south, pag: '2.3.2', holder: joint, arrangement: Custody Board}"],
    ),
    (
        ["{op: reassign, letter: A, to: dpcc, stage: develop}"],
        ["{op: reassign, letter: A, to: pcc, activities: [assess-need, draft-plan]}"],
    ),
    (
        ["{op: replace-role, role: pcc, by: mayor, add: [{id: mayor, name: Mayor}]}"],
        ["{op: replace-role, role: mayor, by: pcc, add: [{id: pcc, name: Police and Crime Commissioner, principal: true}]}"],
    ),
    (
        ["{op: remove-activity, activity: draft-plan}"],
        ["{op: add-activity, process: issue-plan, activity: {id: draft-plan, name: Draft the plan, pag: ['1.2.1'], accountable: pcc, "
         "responsible: [dpcc], consulted: [cc], informed: [pcp], inputs: [needs-assessment], outputs: [police-and-crime-plan], after: [assess-need]}}"],
    ),
    (
        ["{op: replace-process, process: {id: issue-plan, name: Issue, stage: develop}}"],
        [],  # filled below from the fixture's own process
    ),
]


@pytest.mark.parametrize(("forward", "backward"), INVERSES)
def test_a_scenario_then_its_inverse_restores_the_model(forward: list[str], backward: list[str]) -> None:
    model = two_areas()
    once = apply(model, ops(*forward)).model
    assert once != model
    if not backward:
        import json

        process = json.dumps(model.process("issue-plan").model_dump(mode="json", exclude_defaults=True))
        backward = [f"{{op: replace-process, process: {process}}}"]
    assert apply(once, ops(*backward)).model == model
