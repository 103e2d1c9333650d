"""upstream, downstream, path, handoffs, impact and coverage on the fixture model."""

from __future__ import annotations

import json

import pytest
from queries_fixtures import with_activity, with_boundary

from opcc_model.errors import NotFound, OpccError
from opcc_model.model import Allocation, Model
from opcc_model.queries import NoPath, coverage, downstream, handoffs, impact, path, upstream


def chained(model: Model) -> Model:
    """write-plan -> set-budget -> respond (budget) -> report-back."""
    return with_activity(model, "respond", inputs=("outcome",))


def test_upstream_and_downstream_are_transitive_nearest_first(model: Model) -> None:
    m = chained(model)
    assert [(r[0], r[4]) for r in upstream(m, "report-back")] == [("respond", 1), ("set-budget", 2), ("write-plan", 3)]
    assert [r[0] for r in downstream(m, "write-plan")] == ["set-budget", "respond", "report-back"]
    assert list(downstream(m, "report-back")) == []


def test_unknown_activity_is_not_found(model: Model) -> None:
    with pytest.raises(NotFound):
        upstream(model, "nope")


def test_path_lists_each_step_with_its_artifacts(model: Model) -> None:
    steps = path(chained(model), "write-plan", "report-back").rows
    assert steps == (
        (1, "write-plan", "set-budget", ("plan",), False),
        (2, "set-budget", "respond", ("outcome",), False),
        (3, "respond", "report-back", ("report",), True),
    )
    with pytest.raises(NoPath, match="no dependency path from 'report-back' to 'write-plan'"):
        path(model, "report-back", "write-plan")


def test_handoffs_count_the_crossings_with_their_artifacts(model: Model) -> None:
    table = handoffs(chained(model))
    assert table.rows == (("principals", "OPCC-D101", "commissioner", "chief-constable", "respond", ("set-budget",), ("outcome",)),)
    assert table.count("commissioner", "chief-constable") == 1 and table.count("chief-constable", "commissioner") == 0
    welsh = with_activity(chained(model), "respond", jurisdictions=("england",))
    assert handoffs(welsh, area="gwent").rows == () and handoffs(welsh, area="north").count("commissioner", "chief-constable") == 1


def test_impact_of_an_activity_and_of_a_role(model: Model) -> None:
    removed = [(r[0], r[2]) for r in impact(chained(model), "set-budget")]
    assert removed == [("loses its producer", "outcome"), ("loses an input", "respond")]
    assert [(r[0], r[2]) for r in impact(model, "cc")] == [
        ("loses its accountable role", "report-back"),
        ("loses its accountable role", "respond"),
    ]
    with pytest.raises(NotFound):
        impact(model, "nobody")


def test_impact_asks_for_a_kind_when_an_id_is_both(model: Model) -> None:
    clash = with_activity(model, "cc", accountable="pcc")
    with pytest.raises(OpccError, match="activity:cc"):
        impact(clash, "cc")
    assert impact(clash, "role:cc").rows[0][0] == "loses its accountable role"


def test_coverage_rolls_leaves_up_the_tree(model: Model) -> None:
    m = with_boundary(model, "north", allocations=(Allocation(pag="1", holder="commissioner"), Allocation(pag="2.1", holder="chief-constable")))
    m = with_activity(m, "report-back", pag=())
    table = coverage(m, area="north")
    assert {r[2] for r in table} == {"open"}  # every code says where it comes from
    rows = {r[0]: r[4:] for r in table}
    # leaves, commissioner, chief-constable, joint, oversight, undecided, unallocated, delivered
    assert rows["1"] == (2, 2, 0, 0, 0, 0, 0, 2)
    assert rows["2"] == (2, 0, 1, 0, 0, 0, 1, 1)
    assert rows["2.2"] == (1, 0, 0, 0, 0, 0, 1, 0)
    panel = with_boundary(model, "north", allocations=(Allocation(pag="1", holder="oversight"), Allocation(pag="2", holder="chief-constable")))
    assert {r[0]: r[4:] for r in coverage(panel, area="north")}["1"][4] == 2  # the Panel's own powers count as oversight


def test_results_convert_to_csv_json_html_and_frames(model: Model) -> None:
    table = handoffs(chained(model))
    assert table.to_csv().splitlines()[1] == "principals,OPCC-D101,commissioner,chief-constable,respond,set-budget,outcome"
    assert json.loads(table.to_json())[0]["artifacts"] == ["outcome"]
    assert "<table>" in table._repr_html_() and "set-budget" in table._repr_html_()
    assert list(table.to_frame().columns) == list(table.columns)
