"""OPCC-G101..G105: planted gaps fire; their negatives do not."""

from __future__ import annotations

from queries_fixtures import found, with_activity, with_boundary

from opcc_model.model import Allocation, Model, PagCode
from opcc_model.queries import check


def test_g101_fires_for_an_activity_nobody_is_accountable_for(model: Model) -> None:
    planted = with_activity(model, "respond", accountable=None)
    assert found(planted, "OPCC-G101") == [(None, ("respond",))]
    message = next(f.message for f in check(planted) if f.code == "OPCC-G101")
    assert message == "Nobody is accountable for 'Respond to calls' (respond)."


def test_g101_does_not_fire_for_accountable_partner_activities(model: Model) -> None:
    assert found(with_activity(model, "respond", accountable="csp"), "OPCC-G101") == []


def test_g102_fires_per_unallocated_leaf_per_area(model: Model) -> None:
    planted = with_boundary(model, "north", allocations=(Allocation(pag="1", holder="commissioner"),))
    assert found(planted, "OPCC-G102") == [("north", ("2.1",)), ("north", ("2.2",))]


def test_g102_does_not_fire_when_a_prefix_covers_the_leaf(model: Model) -> None:
    planted = with_boundary(
        model,
        "north",
        allocations=(Allocation(pag="1", holder="commissioner"), Allocation(pag="2.1", holder="chief-constable"), Allocation(pag="2.2", holder="joint", arrangement="Joint board")),
    )
    assert found(planted, "OPCC-G102") == []


def test_g103_fires_once_for_the_topmost_undelivered_commissioner_code(model: Model) -> None:
    codes = (*model.codes, PagCode(code="1.3", name="Audit"), PagCode(code="1.3.1", name="Internal audit"))
    planted = model.model_copy(update={"codes": codes})
    assert found(planted, "OPCC-G103") == [("gwent", ("1.3",)), ("north", ("1.3",))]


def test_g103_does_not_fire_for_delivered_or_chief_constable_codes(model: Model) -> None:
    codes = (*model.codes, PagCode(code="2.3", name="Custody"))  # held by the chief constable, undelivered
    assert found(model.model_copy(update={"codes": codes}), "OPCC-G103") == []


def test_g103_honours_a_welsh_areas_jurisdiction(model: Model) -> None:
    planted = with_activity(model, "set-budget", jurisdictions=("england",))
    assert found(planted, "OPCC-G103") == [("gwent", ("1.2",))]


def test_g104_fires_for_an_input_nobody_produces(model: Model) -> None:
    planted = with_activity(model, "respond", inputs=("budget",))
    assert found(planted, "OPCC-G104") == [(None, ("budget",))]


def test_g104_never_fires_for_the_mandate(model: Model) -> None:
    assert found(model, "OPCC-G104") == []
    assert "mandate" in model.activity("write-plan").inputs


def test_g105_fires_for_an_output_nobody_uses(model: Model) -> None:
    planted = with_activity(model, "respond", outputs=("report", "spare"))
    assert found(planted, "OPCC-G105") == [(None, ("spare",))]


def test_g105_never_fires_for_an_outcome(model: Model) -> None:
    planted = with_activity(model, "respond", outputs=("report", "outcome"))
    assert found(planted, "OPCC-G105") == []
