"""OPCC-D101 and D102: boundary-crossing dependencies and cycles."""

from __future__ import annotations

from queries_fixtures import found, with_activity

from opcc_model.model import Model
from opcc_model.queries import check


def test_d101_fires_for_a_hand_off_across_the_boundary(model: Model) -> None:
    planted = with_activity(model, "respond", inputs=("plan",))
    assert found(planted, "OPCC-D101") == [(None, ("write-plan", "respond"))]
    finding = next(f for f in check(planted) if f.code == "OPCC-D101")
    assert finding.severity == "info"
    assert "'Respond to calls' (respond) on the chief constable's side depends on 'Write the plan'" in finding.message


def test_d101_does_not_fire_within_a_side_or_with_a_partner_to_oversight(model: Model) -> None:
    assert found(model, "OPCC-D101") == []  # write-plan -> set-budget, respond -> report-back: same sides
    planted = with_activity(with_activity(model, "respond", accountable="csp"), "report-back", accountable="pcp")
    assert found(planted, "OPCC-D101") == []


def test_d102_names_exactly_the_activities_on_the_cycle(model: Model) -> None:
    planted = with_activity(model, "write-plan", after=("set-budget",))
    assert found(planted, "OPCC-D102") == [(None, ("set-budget", "write-plan"))]
    message = next(f.message for f in check(planted) if f.code == "OPCC-D102")
    assert "'Set the budget' (set-budget) and 'Write the plan' (write-plan) depend on each other" in message


def test_d102_reports_each_cycle_once_and_nothing_for_a_chain(model: Model) -> None:
    assert found(model, "OPCC-D102") == []
    planted = with_activity(model, "write-plan", after=("set-budget",))
    planted = with_activity(planted, "respond", after=("report-back",))
    assert found(planted, "OPCC-D102") == [(None, ("report-back", "respond")), (None, ("set-budget", "write-plan"))]
