"""Properties: any sequence of operations applies to a valid model or fails with a clear OpccError."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from scenario_support import two_areas

from opcc_model import integrity
from opcc_model.scenario import Operation, OperationError, Scenario, apply, diff

MODEL = two_areas()
ROLES = [r.id for r in MODEL.roles] + ["mayor", "nobody"]
ACTIVITIES = [a.id for a in MODEL.activities] + ["ghost"]
PROCESSES = [p.id for p in MODEL.processes] + ["ghost-process"]
STAGES = [s.id for s in MODEL.stages] + ["ghost-stage"]
CODES = [c.code for c in MODEL.codes] + ["9"]
AREAS = [b.area for b in MODEL.boundaries] + ["east"]
ARTIFACTS = [a.id for a in MODEL.artifacts] + ["ghost-artifact"]

ids = st.sampled_from
maybe = lambda s: st.none() | s  # noqa: E731

activity = st.fixed_dictionaries(
    {"id": ids(ACTIVITIES + ["new-a", "new-b"]), "name": st.text(min_size=1, max_size=8)},
    optional={
        "accountable": ids(ROLES),
        "responsible": st.lists(ids(ROLES), max_size=2),
        "pag": st.lists(ids(CODES), max_size=2),
        "inputs": st.lists(ids(ARTIFACTS), max_size=2),
        "outputs": st.lists(ids(ARTIFACTS), max_size=2),
        "after": st.lists(ids(ACTIVITIES + ["new-a"]), max_size=2),
    },
)

operations = st.one_of(
    st.fixed_dictionaries(
        {"op": st.just("move-allocation"), "area": ids(AREAS), "pag": ids(CODES),
         "holder": ids(["commissioner", "chief-constable", "joint"])},
        optional={"arrangement": st.just("Board"), "delegated_by": ids(["commissioner", "chief-constable"]),
                  "instrument": st.just("Scheme 1"), "keep_more_specific": st.booleans()},
    ),
    st.fixed_dictionaries(
        {"op": st.just("reassign"), "letter": ids("ARCI"), "to": ids(ROLES)},
        optional={"activities": st.lists(ids(ACTIVITIES), min_size=1, max_size=2), "process": ids(PROCESSES),
                  "stage": ids(STAGES), "pag": ids(CODES), "role": ids(ROLES)},
    ),
    st.fixed_dictionaries(
        {"op": st.just("replace-role"), "role": ids(ROLES), "by": ids(ROLES)},
        optional={"add": st.lists(st.fixed_dictionaries({"id": ids(ROLES), "name": st.just("New")},
                                                        optional={"side": ids(["commissioner", "oversight"])}), max_size=2),
                  "keep": st.booleans()},
    ),
    st.fixed_dictionaries({"op": st.just("add-process"),
                           "process": st.fixed_dictionaries({"id": ids(PROCESSES + ["new-p"]), "name": st.just("P"),
                                                             "stage": ids(STAGES), "activities": st.lists(activity, max_size=2)})}),
    st.fixed_dictionaries({"op": st.just("remove-process"), "process": ids(PROCESSES)}),
    st.fixed_dictionaries({"op": st.just("replace-process"),
                           "process": st.fixed_dictionaries({"id": ids(PROCESSES), "name": st.just("P"), "stage": ids(STAGES),
                                                             "activities": st.lists(activity, max_size=2)})}),
    st.fixed_dictionaries({"op": st.just("add-activity"), "process": ids(PROCESSES), "activity": activity},
                          optional={"before": ids(ACTIVITIES)}),
    st.fixed_dictionaries({"op": st.just("remove-activity"), "activity": ids(ACTIVITIES)}),
    st.fixed_dictionaries({"op": st.just("replace-activity"), "activity": activity}),
    st.fixed_dictionaries({"op": st.just("merge-areas"), "areas": st.tuples(ids(AREAS), ids(AREAS)),
                           "into": st.fixed_dictionaries({"area": ids(AREAS + ["merged"]), "name": st.just("M")})}),
)

ADAPTER: TypeAdapter[Any] = TypeAdapter(Operation)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operations, max_size=4))
def test_random_operations_yield_a_valid_model_or_a_clear_error(raw: list[dict[str, Any]]) -> None:
    try:
        ops = tuple(ADAPTER.validate_python(op) for op in raw)
    except ValidationError:
        assume(False)
    scenario = Scenario(name="random", operations=ops)
    before = MODEL.model_dump()
    try:
        applied = apply(MODEL, scenario)
    except OperationError as exc:
        assert exc.issues and all(str(i).startswith("<scenario>:1:1: operations[") for i in exc.issues)
        return
    finally:
        assert MODEL.model_dump() == before
    assert list(integrity.check(applied.model)) == []
    changes = diff(MODEL, applied.model)
    assert changes.to_json() == diff(MODEL, applied.model).to_json()
    if applied.model == MODEL:
        assert not changes
    assert not diff(applied.model, applied.model)
