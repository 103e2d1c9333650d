"""The bundled reference OPCC model: statutory coverage, RACI, reachability, example areas."""

from __future__ import annotations

import datetime

from pathlib import Path

import re

import pytest
import networkx as nx

import opcc_model
import opcc_model.config
import opcc_model.plan
import opcc_model.queries
from opcc_model import Model
from opcc_model.law import cites

HOME_OFFICE_FUNCTIONS = [
    "Local Policing",
    "Dealing with the Public",
    "Criminal Justice Arrangements",
    "Road Policing",
    "Operational Support",
    "Intelligence",
    "Investigations",
    "Public Protection",
    "Investigative Support",
    "National Policing",
    "Support Functions",
    "Other",
]


@pytest.fixture(scope="module")
def model() -> Model:
    return opcc_model.load(opcc_model.reference_root())


def _citing(model: Model, cite: str) -> list[opcc_model.Activity]:
    """The activities whose basis cites ``cite`` or a sub-provision of it."""
    return [a for a in model.activities if any(cites(b, cite) for b in a.basis or ())]


# --- statutory coverage -------------------------------------------------------------------


@pytest.mark.parametrize("letter", list("abcdef"))
def test_each_s7_plan_content_is_drafted_by_a_commissioner_activity(model: Model, letter: str) -> None:
    cite = f"PRSR 2011 s.7(1)({letter})"
    delivering = _citing(model, cite)
    assert delivering, f"no activity cites {cite}"
    assert any(
        model.side_of(a.accountable) == "commissioner"
        and ({"draft-police-and-crime-plan", "police-and-crime-objectives"} & set(a.outputs))
        for a in delivering
        if a.accountable
    ), f"{cite} is cited but no commissioner activity puts it into the draft plan"


@pytest.mark.parametrize(
    "cite",
    ["PRSR 2011 s.1(6)", "PRSR 2011 s.1(7)"]
    + [f"PRSR 2011 s.1(8)({x})" for x in "abcd"],
)
def test_each_pcc_accountability_function_is_delivered_by_the_commissioner(model: Model, cite: str) -> None:
    delivering = _citing(model, cite)
    assert delivering, f"no activity cites {cite}"
    assert all(model.side_of(a.accountable) == "commissioner" for a in delivering if a.accountable)


def _panel_activities(model: Model, cite: str) -> list[opcc_model.Activity]:
    return [a for a in _citing(model, cite) if a.accountable == "pcp"]


def test_panel_reviews_the_draft_plan(model: Model) -> None:
    found = [a for a in _panel_activities(model, "PRSR 2011 s.28") if "panel-plan-report" in a.outputs]
    assert found
    assert any("draft-police-and-crime-plan" in a.inputs for a in _panel_activities(model, "PRSR 2011 s.28"))


def test_panel_holds_public_meeting_on_annual_report(model: Model) -> None:
    found = [
        a
        for a in _panel_activities(model, "PRSR 2011 s.28")
        if "annual-report" in a.inputs and "public" in a.informed
    ]
    assert found


def test_panel_may_veto_the_precept(model: Model) -> None:
    found = [
        a
        for a in _panel_activities(model, "PRSR 2011 Sch 5")
        if a.kind == "decision" and "panel-precept-report" in a.outputs
    ]
    assert found
    outcomes = {o.name: o.then for o in found[0].outcomes}
    assert outcomes == {"no veto": ("respond-to-panel-precept-report",), "veto": ("revise-precept",)}
    assert found[0].deadlines == ("08-02",)
    # the precept cannot be set before the Panel has reported, and answers either outcome
    setting = model.activity("set-budget-and-precept")
    assert "open-panel-precept-review" in setting.after
    assert {"pcc-precept-response", "panel-revised-precept-report"} <= set(setting.inputs)


def test_panel_confirmation_hearing_may_veto_chief_constable_candidate(model: Model) -> None:
    found = [
        a
        for a in _panel_activities(model, "PRSR 2011 Sch 8")
        if a.kind == "decision" and "panel-confirmation-report" in a.outputs
    ]
    assert found
    decide = model.activity("decide-on-panel-recommendation")
    assert "panel-confirmation-report" in decide.inputs
    assert decide.accountable == "pcc"


def test_chief_constable_must_have_regard_to_the_plan(model: Model) -> None:
    (activity,) = [a for a in _citing(model, "PRSR 2011 s.8(2)") if a.accountable == "cc" and "police-and-crime-plan" in a.inputs]
    assert model.side_of(activity.accountable) == "chief-constable"


# --- RACI and basis -----------------------------------------------------------------------


def test_every_activity_has_exactly_one_accountable_role_and_a_basis(model: Model) -> None:
    roles = {r.id for r in model.roles}
    for activity in model.activities:
        assert isinstance(activity.accountable, str) and activity.accountable in roles, activity.id
        assert activity.basis, f"{activity.id} has no basis"
        assert all(cite.strip() for cite in activity.basis), activity.id


def test_good_practice_is_typed_and_never_presented_as_law(model: Model) -> None:
    """An activity resting on guidance alone is typed good practice; a duty or power cites law."""
    assert not [a.id for a in model.activities for cite in a.basis or () if cite.startswith("Good practice:")]
    for activity in model.activities:
        cited = [model.instrument_cited_by(cite) for cite in activity.basis or ()]
        assert all(cited), (activity.id, activity.basis)
        law = [i for i in cited if i is not None and i.kind != "guidance"]
        if activity.obligation in ("duty", "power"):
            assert law, (activity.id, activity.basis)
        elif not law and not any("Ministry of Justice" in cite for cite in activity.basis or ()):
            assert activity.obligation == "good-practice", (activity.id, activity.basis)


def test_every_process_and_activity_names_a_pag_code(model: Model) -> None:
    codes = {c.code for c in model.codes}
    for activity in model.activities:
        assert activity.pag, activity.id
        assert set(activity.pag) <= codes


# --- structure ----------------------------------------------------------------------------


def test_value_chain_stages_and_portfolios(model: Model) -> None:
    assert [(s.id, s.portfolio) for s in model.stages if not s.supporting] == [
        ("engage-consult", "Information"),
        ("develop", "Strategy and Resource Planning"),
        ("commission", "Commissioning and Service Delivery"),
        ("monitor", "Scrutiny and Performance"),
    ]
    assert [s.id for s in model.stages if s.supporting] == ["governance"]
    assert model.mandate == "commissioner-mandate"


def test_six_outcomes_are_outcome_artifacts_each_delivered(model: Model) -> None:
    assert len(model.outcomes) == 6
    produced = {o for a in model.activities for o in a.outputs}
    for outcome in model.outcomes:
        assert model.artifact(outcome).kind == "outcome"
        assert outcome in produced, f"nothing delivers {outcome}"


def test_every_consumed_artifact_is_produced(model: Model) -> None:
    produced = {o for a in model.activities for o in a.outputs}
    consumed = {i for a in model.activities for i in a.inputs}
    assert consumed <= produced, sorted(consumed - produced)


def test_every_process_is_reachable_from_the_value_chain(model: Model) -> None:
    stages = {s.id for s in model.stages}
    reached = {p.id for p in model.processes if p.parent is None and p.stage in stages}
    frontier = list(reached)
    while frontier:
        process = model.process(frontier.pop())
        for activity in process.activities:
            if activity.kind == "subprocess" and activity.process not in reached:
                reached.add(activity.process)
                frontier.append(activity.process)
    assert reached == {p.id for p in model.processes}


def test_each_drill_down_is_opened_by_its_parent(model: Model) -> None:
    for process in model.processes:
        if process.parent is not None:
            parent = model.process(process.parent)
            assert any(a.process == process.id for a in parent.activities), process.id
            assert parent.stage == process.stage


def test_every_stage_has_a_top_level_process(model: Model) -> None:
    for stage in model.stages:
        assert any(p.stage == stage.id and p.parent is None for p in model.processes), stage.id


def test_activity_order_has_no_cycles(model: Model) -> None:
    graph = nx.DiGraph()
    for activity in model.activities:
        graph.add_node(activity.id)
        for before in activity.after:
            graph.add_edge(before, activity.id)
    assert nx.is_directed_acyclic_graph(graph)


def test_roles_cover_both_principals_and_the_panel(model: Model) -> None:
    principals = model.principals()
    assert principals["commissioner"].id == "pcc"
    assert principals["chief-constable"].id == "cc"
    assert "2028" in (model.role("pcc").description or "")
    assert model.side_of("pcp") == "oversight"


def test_references_come_from_public_http_links(model: Model) -> None:
    for process in model.processes:
        for ref in process.references:
            assert ref.url.startswith(("http://", "https://")), (process.id, ref.url)


# --- England and Wales --------------------------------------------------------------------


def test_s10_2_cooperation_differs_in_wales(model: Model) -> None:
    by_jurisdiction = {
        a.id: set(a.jurisdictions or ()) for a in _citing(model, "PRSR 2011 s.10(2)")
    }
    assert {"england"} in by_jurisdiction.values()
    assert {"wales"} in by_jurisdiction.values()
    psb = model.activity("participate-in-public-services-board")
    assert psb.jurisdictions == ("wales",)
    assert model.side_of("public-services-board") == "partner"


def test_both_example_areas_load_and_one_is_welsh(model: Model) -> None:
    everything = {b.area: b for b in model.boundaries}
    assert set(everything) == {"example-england", "example-wales", "hampshire-published"}
    published = everything["hampshire-published"]
    assert published.status == "published" and all(a.source for a in published.allocations)  # each row cites its source
    areas = {k: v for k, v in everything.items() if k.startswith("example-")}
    assert {a.status for a in areas.values()} == {"illustrative"}
    assert areas["example-england"].jurisdiction == "england"
    assert areas["example-wales"].jurisdiction == "wales"
    for boundary in areas.values():
        assert boundary.holder_of("1.1.1.1") == "commissioner"
        assert boundary.holder_of("2.7") == "chief-constable"
        assert boundary.holder_of("1.3.3.1") == "joint"
        assert boundary.allocation_for("1.3.3.1").arrangement
        delegated = [a for a in boundary.allocations if a.relation == "consent"]
        assert delegated and all(a.instrument for a in delegated)
        assert boundary.waivers and all(w.reason for w in boundary.waivers)


def test_every_glossary_leaf_is_held_in_each_area(model: Model) -> None:
    parents = {c.parent for c in model.codes}
    leaves = [c.code for c in model.codes if c.code not in parents]
    for boundary in model.boundaries:
        assert all(boundary.holder_of(code) for code in leaves), boundary.area


# --- the open glossary --------------------------------------------------------------------


def test_glossary_governance_codes_cite_a_basis(model: Model) -> None:
    for code in model.codes:
        if code.code == "1" or code.code.startswith("1."):
            assert code.basis, code.code


def test_operational_branch_is_the_home_office_function_categories(model: Model) -> None:
    level_two = [c.name for c in model.codes if c.parent == "2"]
    assert level_two == HOME_OFFICE_FUNCTIONS
    for code in model.codes:
        if code.code.startswith("2.") and code.level > 2:
            assert "not a Home Office code" in (code.description or ""), code.code


def test_glossary_header_says_it_is_not_the_licensed_pag() -> None:
    text = (opcc_model.reference_root() / "pag" / "glossary.yaml").read_text(encoding="utf-8")
    assert "NOT THE LICENSED POLICE ACTIVITIES GLOSSARY" in text
    assert text.startswith("# yaml-language-server: $schema=../schemas/glossary.schema.json")


# --- findings: none undocumented ----------------------------------------------------------

FINDINGS_SECTION = "## Findings on the reference model"
REFERENCE_DOC = Path(__file__).resolve().parent.parent / "docs" / "reference-model.md"


def _documented_findings() -> dict[tuple[str, str, str | None], bool]:
    """``(code, subject, area) -> waived`` from the table in docs/reference-model.md."""
    text = REFERENCE_DOC.read_text(encoding="utf-8")
    assert FINDINGS_SECTION in text, f"docs/reference-model.md has no '{FINDINGS_SECTION}' section"
    section = text.split(FINDINGS_SECTION, 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| OPCC-")]
    documented: dict[tuple[str, str, str | None], bool] = {}
    for row in rows:
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        assert len(cells) == 5 and cells[4], f"a row needs code, subject, area, waived and a reason: {row}"
        code, subject, area, waived = cells[0], cells[1].strip("`"), cells[2], cells[3]
        assert waived in {"yes", "no"}, row
        key = (code, subject, None if area == "-" else area)
        assert key not in documented, f"listed twice: {key}"
        documented[key] = waived == "yes"
    return documented


CHECKED_ON = datetime.date(2027, 1, 1)
"""The date the reference model is checked on (revocations are judged at this date)."""


@pytest.fixture(scope="module")
def findings(model: Model) -> opcc_model.queries.FindingList:
    root = opcc_model.reference_root()
    return opcc_model.queries.check(
        model,
        settings=opcc_model.config.load_settings(root),
        plans=opcc_model.plan.load_plans(root, model),
        on=CHECKED_ON,
    )


def test_reference_model_has_no_errors(findings) -> None:
    assert [f.message for f in findings if f.severity == "error"] == []


def test_every_warning_is_documented_with_its_reason(findings) -> None:
    documented = _documented_findings()
    warnings = [f for f in findings if f.severity == "warning"]
    open_warnings = {(f.code, f.subject[0], f.area) for f in warnings if not f.waived}
    waived_warnings = {(f.code, f.subject[0], f.area) for f in warnings if f.waived}
    assert open_warnings == {key for key, waived in documented.items() if not waived}
    assert waived_warnings == {key for key, waived in documented.items() if waived}


def test_every_waiver_silences_a_finding(model: Model, findings) -> None:
    used = {(f.area, f.code, f.subject[0]) for f in findings if f.waived}
    for boundary in model.boundaries:
        for waiver in boundary.waivers:
            assert (boundary.area, waiver.finding, waiver.subject) in used, (boundary.area, waiver)


def test_one_planning_cycle_has_no_dependency_cycle(findings) -> None:
    assert [f.message for f in findings if f.code == "OPCC-D102"] == []


def test_the_crossing_counts_in_the_docs_are_the_models(findings) -> None:
    """docs/reference-model.md gives how many crossings of each kind the model has; they must stay true."""
    section = REFERENCE_DOC.read_text(encoding="utf-8").split(FINDINGS_SECTION, 1)[1].split("\n## ", 1)[0]
    documented = {code: int(count) for code, count in re.findall(r"`(OPCC-D10[134])` \((\d+) infos?\)", " ".join(section.split()))}
    actual = {code: len(findings.filter(code=code)) for code in ("OPCC-D101", "OPCC-D103", "OPCC-D104")}
    assert documented == actual
