"""Findings and hand-off deltas, and the scenario report built from them (with hand-made findings)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from scenario_support import ops, two_areas

from opcc_model.findings import Finding
from opcc_model.location import Location
from opcc_model.model import Model
from opcc_model.queries import handoffs
from opcc_model.scenario import apply, diff
from opcc_model.scenario.delta import finding_key, findings_delta, items_delta
from opcc_model.scenario.report import scenario_report


def _finding(code: str, subject: str, area: str | None = None, message: str = "m", line: int = 1) -> Finding:
    return Finding(code=code, severity="warning", subject=(subject,), message=message, area=area,
                   location=Location("f.yaml", line, 1))


def test_findings_are_the_same_by_code_subject_and_area_not_message_or_line() -> None:
    before = [_finding("OPCC-O103", "a", "north", "old words", 3), _finding("OPCC-O103", "a", "south")]
    after = [_finding("OPCC-O103", "a", "north", "new words", 9), _finding("OPCC-G101", "b")]
    delta = findings_delta(before, after)
    assert [f.message for f in delta.unchanged] == ["new words"]
    assert [(f.code, f.area) for f in delta.new] == [("OPCC-G101", None)]
    assert [(f.code, f.area) for f in delta.resolved] == [("OPCC-O103", "south")]
    assert set(delta.to_json()) == {"new", "resolved", "unchanged"}


findings = st.lists(
    st.builds(_finding, st.sampled_from(["OPCC-G101", "OPCC-O103", "OPCC-D101"]), st.sampled_from("abc"),
              st.sampled_from([None, "north", "south"])),
    max_size=8,
)


@settings(max_examples=50, deadline=None)
@given(findings, findings)
def test_findings_delta_partitions_both_lists(before: list[Finding], after: list[Finding]) -> None:
    delta = findings_delta(before, after)
    keys = lambda fs: {finding_key(f) for f in fs}  # noqa: E731
    assert keys(delta.new) | keys(delta.unchanged) == keys(after)
    assert keys(delta.resolved) | keys(delta.unchanged) == keys(before)
    assert not keys(delta.new) & keys(before) and not keys(delta.resolved) & keys(after)
    assert findings_delta(before, after) == findings_delta(list(reversed(before)), list(reversed(after)))
    assert not findings_delta(after, after).new and not findings_delta(after, after).resolved


def test_items_delta() -> None:
    delta = items_delta([("pcc", "cc"), ("cc", "pcp")], [("cc", "pcp"), ("pcc", "csp")], key=lambda x: x)
    assert delta.appear == (("pcc", "csp"),) and delta.disappear == (("pcc", "cc"),)


def _check(model: Model, /, *, area: str | None = None) -> list[Finding]:
    """A stand-in query: one finding per activity the principal Chief Constable is accountable for."""
    return [_finding("OPCC-X001", a.id, area) for a in model.activities if a.accountable == "cc"]


def test_report_shows_new_and_resolved_findings_and_handoffs() -> None:
    model = two_areas()
    scenario = ops("{op: reassign, letter: A, to: pcc, activities: [run-custody]}",
                   "{op: reassign, letter: A, to: cc, activities: [assess-need]}")
    applied = apply(model, scenario)
    report = scenario_report(scenario, model, applied, diff(model, applied.model), check=_check, handoffs=handoffs)
    assert report.findings is not None and report.handoffs is not None
    assert [f.subject for f in report.findings.new] == [("assess-need",)]
    assert [f.subject for f in report.findings.resolved] == [("run-custody",)]
    pairs = lambda crossings: [(c.source, c.target, c.producer, c.consumer) for c in crossings]  # noqa: E731
    assert pairs(report.handoffs.appear) == [("chief-constable", "commissioner", "assess-need", "draft-plan")]
    assert pairs(report.handoffs.disappear) == [
        ("chief-constable", "commissioner", "run-custody", "review-custody"),
        ("commissioner", "chief-constable", "draft-plan", "run-custody"),
    ]
    text = report.to_text()
    assert "Findings new (1):\n  [warning] m (OPCC-X001)\n" in text
    assert (
        "Hand-offs that appear (1):\n  'Assess need' (assess-need) (chief-constable) hands on to "
        "'Draft the plan' (draft-plan) (commissioner).\n" in text
    )
    assert [h["producer"] for h in report.to_dict()["handoffs"]["disappear"]] == ["run-custody", "draft-plan"]
