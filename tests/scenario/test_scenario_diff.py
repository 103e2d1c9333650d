"""Model diffs: empty for a model with itself, one plain sentence per change, stable JSON."""

from __future__ import annotations

import json

import opcc_model
from opcc_model.model import Allocation, Artifact, PagCode, Role, Stage, Waiver
from opcc_model.scenario import diff
from scenario_support import two_areas


def test_a_model_diffed_with_itself_is_empty() -> None:
    for model in (two_areas(), opcc_model.load(opcc_model.example_root("minimal"))):
        changes = diff(model, model)
        assert not changes and len(changes) == 0
        assert changes.to_json() == "[]\n" and changes.to_text() == "No changes.\n"


def test_a_model_diffed_with_a_fresh_load_of_itself_is_empty() -> None:
    from scenario_support import FIXTURE

    assert not diff(two_areas(), opcc_model.load(FIXTURE))


def _edited():
    model = two_areas()
    roles = tuple(r.model_copy(update={"side": "oversight"}) if r.id == "csp" else r for r in model.roles)
    roles += (Role(id="mayor", name="Mayor", side="commissioner"),)
    north = model.boundary("north")
    north = north.model_copy(update={
        "name": "North",
        "allocations": (*north.allocations, Allocation(pag="1.3", holder="joint", arrangement="Scrutiny Board")),
        "waivers": (Waiver(finding="OPCC-O102", subject="1.3", reason="joint board"),),
    })
    plan = model.process("issue-plan")
    moved = model.activity("review-custody").model_copy(update={"pag": ("1.3", "1.2"), "informed": ()})
    custody = model.process("scrutinise-custody")
    processes = (
        plan.model_copy(update={"activities": (*plan.activities, moved)}),
        custody.model_copy(update={"activities": custody.activities[:1]}),
    )
    return model, model.model_copy(update={
        "roles": roles,
        "stages": (*model.stages, Stage(id="outcomes", name="Outcomes")),
        "artifacts": tuple(a for a in model.artifacts if a.id != "custody-report") + (Artifact(id="custody-report", name="Custody Return", kind="report"),),
        "codes": (*model.codes, PagCode(code="2.4", name="Roads")),
        "boundaries": (north, model.boundary("south")),
        "processes": processes,
    })


def test_each_kind_of_change_is_reported_once_in_a_sentence() -> None:
    old, new = _edited()
    changes = {(c.kind, c.subject): c for c in diff(old, new)}
    assert set(changes) == {
        ("role-changed", ("csp", "side")),
        ("role-added", ("mayor",)),
        ("stage-added", ("outcomes",)),
        ("artifact-changed", ("custody-report", "name")),
        ("code-added", ("2.4",)),
        ("area-changed", ("north", "name")),
        ("holder-changed", ("north", "1.3")),
        ("waiver-added", ("north", "OPCC-O102", "1.3")),
        ("activity-moved", ("review-custody",)),
        ("raci-removed", ("review-custody", "pcp")),
        ("pag-added", ("review-custody", "1.2")),
    }
    assert changes[("holder-changed", ("north", "1.3"))].message == (
        "In North, accountability for 1.3 Scrutiny moves from the Commissioner to both jointly (Scrutiny Board)."
    )
    assert changes[("role-changed", ("csp", "side"))].before == "partner"
    assert changes[("activity-moved", ("review-custody",))].message == (
        "Activity 'review-custody' (Review custody performance) moves from process 'scrutinise-custody' to 'issue-plan'."
    )
    assert changes[("raci-removed", ("review-custody", "pcp"))].message.startswith("The Police and Crime Panel is no longer informed (I)")


def test_diff_json_is_a_stable_list_of_change_objects() -> None:
    old, new = _edited()
    text = diff(old, new).to_json()
    assert text == diff(old, new).to_json()
    data = json.loads(text)
    assert isinstance(data, list) and data
    assert all(set(item) == {"kind", "subject", "area", "before", "after", "message"} for item in data)
    backwards = diff(new, old)
    assert {c["kind"].rsplit("-", 1)[0] for c in data} >= {c.kind.rsplit("-", 1)[0] for c in backwards if c.kind.endswith("added")}


def test_a_collective_bodys_signatory_and_panel_answerer_are_reported_field_by_field() -> None:
    from opcc_model.boundary import CollectiveAccountability

    model = two_areas()
    north = model.boundary("north")
    board = north.model_copy(update={"collective": CollectiveAccountability(signs="board-chair", answers_to_panel="lead")})
    named = model.model_copy(update={"boundaries": (board, model.boundary("south"))})
    added = {c.subject: c for c in diff(model, named)}
    assert added[("north", "collective.signs")].message == f"{north.name}: who signs its decisions changes from (no one named) to board-chair."
    assert (added[("north", "collective.answers_to_panel")].before, added[("north", "collective.answers_to_panel")].after) == (None, "lead")
    chair = board.model_copy(update={"collective": CollectiveAccountability(signs="mayor", answers_to_panel="lead")})
    changed = diff(named, model.model_copy(update={"boundaries": (chair, model.boundary("south"))}))
    assert [(c.kind, c.subject, c.before, c.after) for c in changed] == [("area-changed", ("north", "collective.signs"), "board-chair", "mayor")]
    assert {c.subject for c in diff(named, model)} == {("north", "collective.signs"), ("north", "collective.answers_to_panel")}
