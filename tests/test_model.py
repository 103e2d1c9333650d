"""The model types: defaults from the process, canonical order, lookups, equality, copies."""

from __future__ import annotations

import pytest

import opcc_model
from opcc_model.model import Activity, Allocation, Boundary, Model, Process, Stage


def test_an_activity_takes_its_process_jurisdictions_and_basis_unless_it_says_otherwise() -> None:
    process = Process.model_validate(
        {
            "id": "p",
            "name": "P",
            "stage": "s",
            "jurisdictions": ["wales"],
            "basis": ["PRSR 2011 s.14"],
            "activities": [{"id": "a", "name": "A"}, {"id": "b", "name": "B", "basis": ["PRSR 2011 s.12"]}],
        }
    )
    first, second = process.activities
    assert (first.jurisdictions, first.basis) == (("wales",), ("PRSR 2011 s.14",))
    assert (second.jurisdictions, second.basis) == (("wales",), ("PRSR 2011 s.12",))


def test_an_activity_object_shared_by_two_processes_is_never_changed() -> None:
    shared = Activity(id="a", name="A")
    england = Process(id="p", name="P", stage="s", jurisdictions=("england",), activities=(shared,))
    wales = Process(id="q", name="Q", stage="s", jurisdictions=("wales",), activities=(shared,))
    assert england.activities[0].jurisdictions == ("england",)
    assert wales.activities[0].jurisdictions == ("wales",)
    assert shared.jurisdictions is None


def test_processes_and_boundaries_are_kept_in_canonical_order() -> None:
    model = Model(
        mandate="m",
        stages=(Stage(id="s", name="S"),),
        processes=(Process(id="b", name="B", stage="s"), Process(id="a", name="A", stage="s")),
        boundaries=(Boundary(area="z", name="Z", jurisdiction="wales"), Boundary(area="y", name="Y", jurisdiction="england")),
    )
    assert [p.id for p in model.processes] == ["a", "b"]
    assert [b.area for b in model.boundaries] == ["y", "z"]


def test_a_copy_with_changes_rebuilds_its_indexes() -> None:
    model = opcc_model.load(opcc_model.example_root("minimal"))
    assert model.role("pcc").side == "commissioner"
    changed = model.model_copy(update={"roles": tuple(r for r in model.roles if r.id != "pcc")})
    with pytest.raises(opcc_model.NotFound):
        changed.role("pcc")
    assert model.role("pcc").side == "commissioner"  # the original keeps its own index


def test_equality_ignores_where_a_model_was_read_from(tmp_path) -> None:
    from opcc_model.dump import write_model

    model = opcc_model.load(opcc_model.example_root("minimal"))
    write_model(model, tmp_path)
    again = opcc_model.load(tmp_path)
    assert again == model
    assert again.location_of("role", "pcc") != model.location_of("role", "pcc")


def test_most_specific_allocation_wins() -> None:
    boundary = Boundary(
        area="x",
        name="X",
        jurisdiction="england",
        allocations=(
            Allocation(pag="1", holder="commissioner"),
            Allocation(pag="1.2.3", holder="chief-constable", delegated_by="commissioner", instrument="Scheme 4.2"),
            Allocation(pag="1.2", holder="joint", arrangement="Joint Audit Committee"),
        ),
    )
    assert boundary.holder_of("1.1") == "commissioner"
    assert boundary.holder_of("1.2.1") == "joint"
    assert boundary.holder_of("1.2.3.4") == "chief-constable"
    assert boundary.holder_of("1.20") == "commissioner"  # "1.2" is not a prefix of "1.20"
    assert boundary.holder_of("2") is None


def test_field_locations_point_at_the_key() -> None:
    model = opcc_model.load(opcc_model.example_root("minimal"))
    whole = model.location_of("activity", "identify-stakeholders")
    accountable = model.location_of("activity", "identify-stakeholders", "accountable")
    assert whole is not None and accountable is not None
    assert accountable.line > whole.line and accountable.file == whole.file


def test_instances_given_the_same_fields_share_one_set_of_their_names_and_copies_never_touch_it() -> None:
    """Memory (issue 17 bar 6): one set of given field names per distinct set, not one per instance."""
    model = opcc_model.load(opcc_model.reference_root())
    objects = [*model.activities, *model.processes, *model.roles, *(a for b in model.boundaries for a in b.allocations)]
    by_names: dict[frozenset[str], set[int]] = {}
    for obj in objects:
        by_names.setdefault(frozenset(obj.model_fields_set), set()).add(id(obj.model_fields_set))
    assert len(objects) > 200 and all(len(ids) == 1 for ids in by_names.values())
    alike = [a for a in model.activities if a.model_fields_set == model.activities[0].model_fields_set]
    first, second = alike[:2]
    before = set(second.model_fields_set)
    new = next(name for name in Activity.model_fields if name not in before)
    changed = first.model_copy(update={new: None})
    assert new in changed.model_fields_set and changed.model_fields_set is not first.model_fields_set
    assert first.model_fields_set == second.model_fields_set == before and new not in before
    assert opcc_model.load(opcc_model.reference_root()) == model
