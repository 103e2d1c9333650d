"""OPCC-O101..O104: planted overlaps fire; their negatives do not."""

from __future__ import annotations

from queries_fixtures import found, with_activity, with_boundary

from opcc_model.model import Allocation, Model
from opcc_model.queries import check

ALLOCATIONS = (Allocation(pag="1", holder="commissioner"), Allocation(pag="2", holder="chief-constable"))


def test_o101_fires_for_the_same_code_given_to_two_holders(model: Model) -> None:
    planted = with_boundary(model, "north", allocations=(*ALLOCATIONS, Allocation(pag="2", holder="commissioner")))
    assert found(planted, "OPCC-O101") == [("north", ("2",))]
    message = next(f.message for f in check(planted) if f.code == "OPCC-O101")
    assert message == "North Force Area allocates 'Policing' (2) both to the chief constable and to the commissioner."


def test_o101_does_not_fire_for_a_repeat_with_the_same_holder_or_a_more_specific_code(model: Model) -> None:
    planted = with_boundary(
        model,
        "north",
        allocations=(*ALLOCATIONS, Allocation(pag="2", holder="chief-constable"), Allocation(pag="2.1", holder="commissioner")),
    )
    assert found(planted, "OPCC-O101") == []


def test_o102_fires_when_both_sides_are_accountable_for_one_code(model: Model) -> None:
    planted = with_activity(model, "respond", pag=("2.1", "1.2"))
    assert ("north", ("1.2", "set-budget", "respond")) in found(planted, "OPCC-O102")


def test_o102_does_not_fire_for_a_joint_code(model: Model) -> None:
    planted = with_activity(model, "respond", pag=("2.1", "1.2"))
    joint = (*ALLOCATIONS, Allocation(pag="1.2", holder="joint", arrangement="Joint Audit Committee"))
    planted = with_boundary(with_boundary(planted, "north", allocations=joint), "gwent", allocations=joint)
    assert found(planted, "OPCC-O102") == []


def test_o103_fires_when_the_accountable_side_differs_from_the_holder(model: Model) -> None:
    planted = with_activity(model, "set-budget", accountable="cc")
    assert found(planted, "OPCC-O103") == [("gwent", ("set-budget", "1.2")), ("north", ("set-budget", "1.2"))]


def test_o103_does_not_fire_for_partners_or_joint_codes(model: Model) -> None:
    assert found(with_activity(model, "set-budget", accountable="csp"), "OPCC-O103") == []
    joint = (*ALLOCATIONS, Allocation(pag="1.2", holder="joint", arrangement="Joint board"))
    planted = with_activity(model, "set-budget", accountable="cc")
    planted = with_boundary(with_boundary(planted, "north", allocations=joint), "gwent", allocations=joint)
    assert found(planted, "OPCC-O103") == []


def test_o103_is_out_of_scope_in_a_welsh_area_for_an_english_activity(model: Model) -> None:
    planted = with_activity(model, "set-budget", accountable="cc", jurisdictions=("england",))
    assert found(planted, "OPCC-O103") == [("north", ("set-budget", "1.2"))]


def test_o104_fires_for_a_split_without_a_delegation(model: Model) -> None:
    planted = with_activity(model, "set-budget", responsible=("cc",))
    assert found(planted, "OPCC-O104", area="north") == [("north", ("set-budget", "1.2"))]


def test_o104_is_silenced_by_a_consent_of_the_code(model: Model) -> None:
    planted = with_activity(model, "set-budget", responsible=("cc",))
    consented = (*ALLOCATIONS, Allocation(pag="1.2", holder="chief-constable", relation="consent", consent_by="pcc", instrument="Scheme of Consent 4.2"))
    planted = with_boundary(planted, "north", allocations=consented)
    assert found(planted, "OPCC-O104", area="north") == []
    assert found(planted, "OPCC-O104", area="gwent") == [("gwent", ("set-budget", "1.2"))]


def test_o104_is_not_silenced_by_a_format_1_delegation_the_other_way(model: Model) -> None:
    # format 1's delegated_by on a commissioner line is no consent: the finding stays
    planted = with_activity(model, "set-budget", responsible=("cc",))
    old = (*ALLOCATIONS, Allocation(pag="1.2", holder="commissioner", delegated_by="chief-constable"))
    assert found(with_boundary(planted, "north", allocations=old), "OPCC-O104", area="north") == [("north", ("set-budget", "1.2"))]
