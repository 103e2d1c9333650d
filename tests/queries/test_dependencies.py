"""OPCC-D101, D103, D104 (crossings of the boundary, each reported once) and D102 (cycles)."""

from __future__ import annotations

from queries_fixtures import found, with_activity

from opcc_model.model import Activity, Model, Process
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


def test_crossings_to_oversight_and_partners_have_their_own_codes(model: Model) -> None:
    planted = with_activity(model, "scrutinise", accountable="pcp", inputs=("plan",))
    planted = with_activity(planted, "deliver", accountable="csp", inputs=("report",))
    assert found(planted, "OPCC-D101") == []
    assert found(planted, "OPCC-D103") == [(None, ("write-plan", "scrutinise"))]
    assert found(planted, "OPCC-D104") == [(None, ("respond", "deliver"))]
    message = next(f.message for f in check(planted) if f.code == "OPCC-D104")
    assert message == (
        "'Deliver' (deliver) on a partner's side depends on 'Respond to calls' (respond) "
        "on the chief constable's side for 'Report' (report)."
    )


def test_many_producers_of_one_artifact_for_one_consumer_are_one_crossing(model: Model) -> None:
    planted = with_activity(model, "scrutinise", accountable="pcp", inputs=("plan",))
    for number in range(6):
        planted = with_activity(planted, f"decide-{number}", accountable="pcc", outputs=("plan",))
    crossings = [f for f in check(planted) if f.code == "OPCC-D103"]
    assert [f.subject for f in crossings] == [(*sorted(f"decide-{n}" for n in range(6)), "write-plan", "scrutinise")]
    assert "depends on 7 activities ('Decide 0' (decide-0), 'Decide 1' (decide-1), 'Decide 2' (decide-2) and 4 more)" in crossings[0].message


def with_sub_process(model: Model, **flows: tuple[str, ...]) -> Model:
    """The model with a Panel sub-process 'open-review' opening process 'review', whose one activity has the same ``flows``."""
    inner = Activity(id="panel-review", name="Panel review", pag=("1.1",), accountable="pcp", **flows)
    planted = with_activity(model, "open-review", kind="subprocess", process="review", accountable="pcp", **flows)
    review = Process(id="review", name="Review", stage="develop", activities=(inner,))
    return planted.model_copy(update={"processes": (*planted.processes, review)})


def test_a_sub_process_and_its_inner_activity_producing_the_artifact_are_one_crossing_at_the_inner_one(
    model: Model,
) -> None:
    planted = with_sub_process(with_activity(model, "respond", inputs=("spare",)), outputs=("spare",))
    assert found(planted, "OPCC-D103") == [(None, ("panel-review", "respond"))]


def test_a_sub_process_consuming_what_its_inner_activity_consumes_is_reported_at_the_inner_one(model: Model) -> None:
    planted = with_sub_process(model, inputs=("plan",))
    assert found(planted, "OPCC-D103") == [(None, ("write-plan", "panel-review"))]


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
