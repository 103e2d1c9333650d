"""check(): waivers, severity overrides, ordering, de-duplication, and its display as a table."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from queries_fixtures import base_model, found, with_activity, with_boundary

from opcc_model.config import Settings
from opcc_model.errors import NotFound, OpccError
from opcc_model.model import Allocation, Model, Waiver
from opcc_model.queries import FindingList, at_or_above, check

ACTIVITIES = ("write-plan", "set-budget", "respond", "report-back")


def test_a_waiver_silences_one_subject_and_keeps_it_visible(model: Model) -> None:
    planted = with_boundary(model, "north", allocations=(Allocation(pag="1", holder="commissioner"),))
    waived = with_boundary(
        planted,
        "north",
        waivers=(Waiver(finding="OPCC-G102", subject="2.1", reason="Held by the regional unit"),),
    )
    g102 = [f for f in check(waived) if f.code == "OPCC-G102"]
    assert [(f.subject, f.waived, f.reason) for f in g102] == [
        (("2.1",), True, "Held by the regional unit"),
        (("2.2",), False, None),
    ]
    assert len(check(waived)) == len(check(planted))


def test_a_waiver_applies_in_its_own_area_only(model: Model) -> None:
    planted = with_activity(model, "set-budget", accountable="cc")
    waived = with_boundary(planted, "north", waivers=(Waiver(finding="OPCC-O103", subject="set-budget", reason="r"),))
    assert {(f.area, f.waived) for f in check(waived) if f.code == "OPCC-O103"} == {("north", True), ("gwent", False)}


def test_severity_override_changes_the_severity_and_the_threshold(model: Model) -> None:
    planted = with_activity(model, "respond", inputs=("plan",))
    default = check(planted)
    raised = check(planted, settings=Settings(severity={"OPCC-D101": "error"}))
    assert [f.severity for f in default] == ["info"]
    assert [f.severity for f in raised] == ["error"]
    assert at_or_above(default, "error") == [] and len(at_or_above(raised, "error")) == 1


def test_an_unknown_area_is_not_found_and_names_the_areas(model: Model) -> None:
    with pytest.raises(NotFound, match="gwent, north"):
        check(model, area="south")


def test_area_option_runs_per_area_rules_for_that_area_only(model: Model) -> None:
    planted = with_activity(model, "set-budget", accountable="cc", responsible=("pcc",))
    assert {f.area for f in check(planted, area="gwent")} <= {None, "gwent"}
    assert {f.area for f in check(planted)} >= {"gwent", "north"}


def _shuffled(model: Model, seed: int) -> Model:
    rng = random.Random(seed)

    def shuffle(items: tuple) -> tuple:  # type: ignore[type-arg]
        items = list(items)
        rng.shuffle(items)
        return tuple(items)

    processes = tuple(p.model_copy(update={"activities": shuffle(p.activities)}) for p in model.processes)
    boundaries = tuple(b.model_copy(update={"allocations": shuffle(b.allocations)}) for b in shuffle(model.boundaries))
    return model.model_copy(
        update={
            "roles": shuffle(model.roles),
            "artifacts": shuffle(model.artifacts),
            "codes": shuffle(model.codes),
            "processes": processes,
            "boundaries": boundaries,
        }
    )


def _messy() -> Model:
    planted = with_activity(base_model(), "set-budget", accountable="cc", responsible=("pcc",), after=("report-back",))
    planted = with_activity(planted, "respond", inputs=("plan", "budget"), outputs=("report", "spare"), after=("set-budget",))
    planted = with_activity(planted, "extra", accountable="pcc", pag=("2.2",))
    return with_boundary(
        planted, "north", allocations=(Allocation(pag="1", holder="commissioner"), Allocation(pag="1", holder="chief-constable"))
    )


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000))
def test_findings_are_identical_whatever_the_order_of_list_items(seed: int) -> None:
    model = _messy()
    assert check(_shuffled(model, seed)) == check(model)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ACTIVITIES), st.sampled_from(["pcc", "ce", "cc", "pcp", "csp"]), st.integers(0, 1000))
def test_giving_an_activity_an_accountable_role_never_adds_a_g101(activity: str, role: str, seed: int) -> None:
    model = with_activity(_shuffled(_messy(), seed), activity, accountable=None)
    before = set(found(model, "OPCC-G101"))
    after = set(found(with_activity(model, activity, accountable=role), "OPCC-G101"))
    assert after <= before and (None, (activity,)) not in after


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["1.1", "1.2", "2.1", "2.2"]), unique=True, min_size=1), st.data())
def test_allocating_an_unallocated_leaf_removes_its_g102_only(kept: list[str], data: st.DataObject) -> None:
    model = with_boundary(base_model(), "north", allocations=tuple(Allocation(pag=c, holder="commissioner") for c in kept))
    missing = sorted({"1.1", "1.2", "2.1", "2.2"} - set(kept))
    before = set(found(model, "OPCC-G102", area="north"))
    assert before == {("north", (leaf,)) for leaf in missing}
    if not missing:
        return
    leaf = data.draw(st.sampled_from(missing))
    allocated = with_boundary(
        model, "north", allocations=(*model.boundary("north").allocations, Allocation(pag=leaf, holder="chief-constable"))
    )
    assert set(found(allocated, "OPCC-G102", area="north")) == before - {("north", (leaf,))}


@settings(max_examples=30, deadline=None)
@given(st.lists(st.sampled_from(ACTIVITIES), min_size=2, max_size=4, unique=True))
def test_a_cycle_finding_names_exactly_the_activities_on_the_cycle(ring: list[str]) -> None:
    model = base_model()
    for before, later in zip(ring, ring[1:] + ring[:1]):
        model = with_activity(model, later, after=(*model.activity(later).after, before))
    # the base model's own edges lead out of the ring and never back, so the ring is the whole cycle
    assert found(model, "OPCC-D102") == [(None, tuple(sorted(ring)))]


def test_finding_list_displays_as_an_escaped_html_table_and_a_frame(model: Model) -> None:
    planted = with_activity(model, "respond", accountable=None, name="<b>Respond</b>")
    findings = check(planted)
    html = findings._repr_html_()
    assert "&lt;b&gt;Respond&lt;/b&gt;" in html and "<b>Respond" not in html
    frame = findings.to_frame()
    assert list(frame["code"]) == [f.code for f in findings]
    assert isinstance(findings, FindingList) and isinstance(findings, tuple)


def test_to_frame_without_pandas_says_how_to_install_it(model: Model, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(OpccError, match=r"pip install 'opcc-model\[notebook\]'"):
        check(model).to_frame()


def test_findings_alike_but_for_the_message_keep_one_order() -> None:
    """Two findings of one code at one place about one subject (a decision breaking two scheme rules) sort by message,
    whatever order they came in (the order used to follow the hash of the set they were gathered in)."""
    from opcc_model.findings import Finding
    from opcc_model.location import Location

    at = Location("pag/boundaries/x.yaml", 9, 5)
    a, b = (Finding(code="OPCC-S109", severity="error", subject=("2025/4",), message=m, location=at, area="x") for m in "ab")
    assert sorted([b, a], key=Finding.sort_key) == sorted([a, b], key=Finding.sort_key) == [a, b]
