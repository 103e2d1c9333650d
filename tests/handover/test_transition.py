"""The transition report: lapses and re-makes with their basis, the first year, the 100-days plan, formats, bad input."""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opcc_model
from opcc_model.cli import main
from opcc_model.graph import dependencies
from opcc_model.handover import ROUTES, DateOutOfRange, TransitionReport, TransitionUsageError, transition
from opcc_model.handover.formats import dated_items, to_ics, to_markdown
from opcc_model.handover.report import COLUMNS
from opcc_model.handover.years import bucket_for, known_years
from opcc_model.model import Model
from opcc_model.queries.table import Result

ROOT = opcc_model.reference_root()
ELECTION = datetime.date(2028, 5, 4)
TRANSFER = datetime.date(2028, 5, 8)


@pytest.fixture(scope="module")
def model() -> Model:
    return opcc_model.load(ROOT)


def shipped_routes() -> list[tuple[str, str]]:
    """Each shipped 2028 route with each area it may take (no mayor in Wales)."""
    pairs = [("mayor", "example-england"), ("board", "example-england"), ("board", "example-wales")]
    if (ROOT / "scenarios" / ROUTES["leaders"]).is_file():
        pairs.append(("leaders", "example-wales"))
    return pairs


def run(*argv: str) -> tuple[int, bytes, str]:
    out, err = io.BytesIO(), io.StringIO()
    text = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    with contextlib.redirect_stdout(text), contextlib.redirect_stderr(err):
        status = main(list(argv))
        text.flush()
    return status, out.getvalue(), err.getvalue()


# --- what lapses and must be re-made ------------------------------------------------------


def test_after_an_election_the_deputy_lapses_and_the_scheme_is_re_made(model: Model) -> None:
    report = transition(model, area="example-england", date=ELECTION)
    boundary = model.boundary("example-england")
    deputy = [i for i in report.lapses if i.kind == "deputy"]
    assert [(i.subject, i.effect, i.due) for i in deputy] == [("dpcc", "lapses", ELECTION + datetime.timedelta(days=6))]
    assert deputy[0].basis == "PCA 2017 s.121; PRSR 2011 Sch 1 para 8(3)" and deputy[0].tag == "V"
    remade = [i for i in report.lapses if i.rule == "scheme-reaffirmed"]
    assert sorted(i.subject for i in remade if i.kind == "delegation") == sorted(d.pag for d in boundary.delegations)
    assert sorted(i.subject for i in remade if i.kind == "ladder") == sorted(lad.pag for lad in boundary.ladders)
    assert {i.subject for i in remade if i.kind == "consent"} == {a.pag for a in boundary.allocations if a.relation == "consent"}
    standing = {i.subject for i in report.lapses if i.rule == "decisions-stand"}
    assert standing == {d.reference for d in boundary.decisions}
    assert all(i.effect == "continues" for i in report.lapses if i.rule in ("agreements-stand", "decisions-stand", "office-continues"))
    assert {i.status for i in report.lapses} == {"law"} and not report.findings


def test_every_lapse_has_its_basis_on_the_reference_model_and_each_2028_route(model: Model) -> None:
    reports = [transition(model, area=b.area, date=ELECTION) for b in model.boundaries]
    reports += [transition(model, area=area, date=TRANSFER, to=route) for route, area in shipped_routes()]
    for report in reports:
        assert report.acting(), report.title
        for item in report.lapses:
            assert item.basis and item.item and item.effect, item
            assert item.status == "scheme" or item.tag in ("V", "S"), item
        if report.to != "pcc":  # the 2028 transfer is never presented as law
            assert {i.status for i in report.lapses} <= {"assumption", "scheme"}
            assert any("ASSUMPTION" in note for note in report.notes)


def test_the_transfer_lists_everything_the_body_is_party_to(model: Model) -> None:
    report = transition(model, area="example-england", date=TRANSFER, to="mayor")
    kinds = {i.kind for i in report.lapses if i.effect == "transfer"}
    assert {"office", "delegation", "consent", "ladder", "agreement", "decision", "officer"} <= kinds
    assert report.holder == "Mayor (local policing body)"
    assert all(s.who.startswith(("Mayor", "Police and Crime Panel", "Chief Constable", "OPCC", "Deputy Mayor")) for s in report.steps)


def test_an_arrangement_ending_in_the_first_year_falls_due(model: Model) -> None:
    boundary = model.boundary("example-england")
    ending = boundary.delegations[0].model_copy(update={"until": datetime.date(2028, 9, 30)})
    changed = model.model_copy(update={"boundaries": tuple(
        b.model_copy(update={"delegations": (ending, *b.delegations[1:])}) if b.area == "example-england" else b for b in model.boundaries
    )})
    due = [i for i in transition(changed, area="example-england", date=ELECTION).lapses if i.effect == "falls-due"]
    assert [(i.subject, i.due, i.status) for i in due] == [(ending.pag, datetime.date(2028, 9, 30), "scheme")]


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_the_shipped_routes_lose_no_function_and_add_no_finding(model: Model, route: str) -> None:
    area = "example-wales" if route == "leaders" else "example-england"
    report = transition(model, area=area, date=TRANSFER, to=route)
    assert list(report.findings) == [] and list(report.resolved) == []


def test_the_findings_section_holds_what_the_transfer_scenario_adds_and_its_transfer_findings(
    model: Model, tmp_path: Path
) -> None:
    planted = tmp_path / "planted.yaml"  # the board route, dropping a function of the outgoing holder
    planted.write_text((ROOT / "scenarios" / ROUTES["board"]).read_text(encoding="utf-8")
                       + "  - {op: remove-activity, activity: issue-police-and-crime-plan}\n", encoding="utf-8")
    scenario = opcc_model.read_scenario(planted)
    applied = opcc_model.apply_scenario(model, scenario)
    expected = opcc_model.scenario_report(
        scenario, model, applied, opcc_model.diff(model, applied.model), area="example-england", check=opcc_model.check
    ).findings
    report = transition(model, area="example-england", date=TRANSFER, to="board", scenario=planted)
    transfer = opcc_model.transfer_findings(model, scenario, area="example-england")
    assert expected is not None and list(report.resolved) == list(expected.resolved)
    assert {(f.code, f.subject) for f in report.findings} == {(f.code, f.subject) for f in (*expected.new, *transfer)}
    assert ("OPCC-T101", ("issue-police-and-crime-plan",)) in {(f.code, f.subject) for f in report.findings}
    assert report.findings and all(row[0] != "finding" or row[3] == f.code for row, f in zip(
        [r for r in report.table_rows() if r[0] == "finding"], [*report.findings, *report.resolved]))


def test_a_scenario_that_gives_a_welsh_area_a_mayor_is_refused_at_its_line(model: Model, tmp_path: Path) -> None:
    planted = tmp_path / "welsh-mayor.yaml"
    planted.write_text("name: x\noperations:\n  - {op: amend-scheme, area: example-wales, body: mayor}\n", encoding="utf-8")
    with pytest.raises(opcc_model.scenario.OperationError) as caught:
        transition(model, area="example-wales", date=TRANSFER, to="leaders", scenario=planted)
    assert str(caught.value.issues[0].location).endswith("welsh-mayor.yaml:3:51")
    assert caught.value.issues[0].message.endswith("(OPCC-T104)")


# --- the first year and the 100 days ------------------------------------------------------


def test_the_first_year_holds_the_plan_the_precept_and_the_accounts(model: Model) -> None:
    report = transition(model, area="example-england", date=datetime.date(2028, 1, 10))
    due = {o.activity: o for o in report.obligations}
    assert due["issue-police-and-crime-plan"].date == datetime.date(2028, 3, 31)
    assert due["issue-police-and-crime-plan"].basis == "PRSR 2011 s.5"
    assert due["propose-precept"].date == datetime.date(2028, 2, 1) and "SI 2012/2271 reg 3" in due["propose-precept"].basis
    assert due["publish-pcc-audited-accounts"].date == datetime.date(2028, 11, 30)
    assert "prepare-annual-report" in due
    assert any("before 1 March" in note for note in report.notes)
    assert all(o.who and o.basis for o in report.obligations)


def check_plan(model: Model, report: TransitionReport) -> None:
    """The plan's order agrees with the dependency graph and with the calendar."""
    steps = report.steps
    position = {s.activity: i for i, s in enumerate(steps)}
    rank = {name: i for i, name in enumerate(("day-1", "week-1", "month-1", "first-100-days"))}
    graph = dependencies(model)
    for step in steps:
        assert step.by == bucket_for(report.date, step.by).end  # type: ignore[union-attr]
        if step.due is not None:  # a deadline is met: the step's bucket ends on or before it
            assert step.by <= step.due, step
        for other in steps:
            if other is step or other.activity not in nx.descendants(graph, step.activity):
                continue
            if step.activity in nx.descendants(graph, other.activity):
                continue  # a cycle of the model (OPCC-D102): no order exists
            assert rank[step.bucket] <= rank[other.bucket], (step.activity, other.activity)
            assert position[step.activity] < position[other.activity], (step.activity, other.activity)
        for before in step.after:
            assert before in nx.ancestors(graph, step.activity)
    routine = ("month", "quarter")
    for item in report.obligations:
        activity = model.activity(item.activity) if item.activity else None
        if activity is None or bucket_for(report.date, item.date) is None:
            continue
        if item.kind == "recurring" and any(r.every in routine for r in activity.recurs):
            continue
        if activity.applies_in(model.boundary(report.area).jurisdiction):
            assert item.activity in position, f"{item.activity} is due {item.date} but not in the plan"


def test_the_plan_respects_every_deadline_and_dependency_on_the_reference_model(model: Model) -> None:
    for day in (ELECTION, datetime.date(2028, 1, 10), datetime.date(2027, 12, 20)):
        report = transition(model, area="example-england", date=day)
        check_plan(model, report)
        assert report.steps
    january = transition(model, area="example-england", date=datetime.date(2028, 1, 10))
    by = {s.activity: s for s in january.steps}
    assert by["propose-precept"].due == datetime.date(2028, 2, 1) and by["propose-precept"].bucket == "week-1"
    assert by["cfo-budget-advice"].bucket in ("day-1", "week-1")  # before the proposed precept


@pytest.mark.parametrize("route, area", shipped_routes())
def test_each_2028_plan_respects_deadlines_and_dependencies(model: Model, route: str, area: str) -> None:
    report = transition(model, area=area, date=TRANSFER, to=route)
    scenario = opcc_model.read_scenario(ROOT / "scenarios" / ROUTES[route])
    check_plan(opcc_model.apply_scenario(model, scenario).model, report)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.dates(datetime.date(2025, 4, 1), datetime.date(2029, 3, 31)), area=st.sampled_from(["example-england", "example-wales", "hampshire-published"]))
def test_the_plan_respects_deadlines_and_dependencies_on_any_date(model: Model, day: datetime.date, area: str) -> None:
    check_plan(model, transition(model, area=area, date=day))


# --- the briefing pack ----------------------------------------------------------------------


def test_the_briefing_pack_names_what_to_read_and_who_produces_it(model: Model) -> None:
    report = transition(model, area="example-england", date=ELECTION)
    read = {(r.function, r.artifact): r for r in report.briefing}
    assert read[("1.5", "hmicfrs-report")].producers == ("inspect-force",)
    assert "Chief Constable" in read[("1.5", "performance-data")].produced_by
    assert {"police-and-crime-plan", "budget-and-precept", "scheme-of-consent"} <= {r.artifact for r in report.briefing}
    for row in report.briefing:
        for producer in row.producers:
            assert row.artifact in model.activity(producer).outputs
        for activity_id in row.needed_by:
            assert model.activity(activity_id).accountable == "pcc" and row.artifact in model.activity(activity_id).inputs


# --- formats --------------------------------------------------------------------------------


def test_the_report_follows_the_result_protocol(model: Model) -> None:
    report = opcc_model.transition(model, area="example-england", date=ELECTION)
    assert isinstance(report, Result) and isinstance(report, opcc_model.TransitionReport)
    rows = list(csv.reader(io.StringIO(report.to_csv())))
    assert tuple(rows[0]) == COLUMNS and {r[0] for r in rows[1:]} == {"lapse", "obligation", "step", "briefing"}
    frame = report.to_frame()
    assert list(frame.columns) == rows[0] and len(frame) == len(rows) - 1
    data = json.loads(report.to_json())
    assert data["verdict"] == report.verdict() and len(data["plan"]) == len(report.steps)
    assert report.to_text().splitlines()[1].startswith("Verdict: ")
    assert "<h3>" in report._repr_html_() and len(repr(report)) < 200


@pytest.mark.parametrize("fmt", ["md", "csv", "ics", "json"])
def test_every_format_is_byte_identical_on_rerun(fmt: str) -> None:
    argv = ("transition", str(ROOT), "--area", "example-england", "--date", "2028-01-10", "--format", fmt)
    first, second = run(*argv), run(*argv)
    assert first[0] == 0 and first[1] and first == second


def test_the_ics_parses_with_vobject_and_holds_every_dated_item(model: Model) -> None:
    report = transition(model, area="example-england", date=ELECTION)
    calendar = vobject.readOne(to_ics(report).decode("utf-8"))
    events = calendar.contents["vevent"]
    assert len(events) == len({uid for uid, *_ in dated_items(report)})
    starts = {(e.summary.value, e.dtstart.value) for e in events}
    assert any(s.startswith("lapses: Deputy") and d == datetime.date(2028, 5, 10) for s, d in starts)
    assert any(s.startswith("Due: Issue the police and crime plan") and d == datetime.date(2029, 3, 31) for s, d in starts)


def test_the_markdown_leads_with_the_verdict(model: Model) -> None:
    text = to_markdown(transition(model, area="example-england", date=ELECTION))
    lines = text.splitlines()
    assert lines[0].startswith("# Transition: ") and lines[2].startswith("**Verdict:** ")
    assert text.index("## What lapses") < text.index("## Dated obligations") < text.index("## The first 100 days") < text.index("## Briefing pack")


def test_model_text_is_escaped_in_every_format(tmp_path: Path) -> None:
    for folder in ("processes", "pag", "law"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    boundary = tmp_path / "pag" / "boundaries" / "example-england.yaml"
    text = boundary.read_text(encoding="utf-8")
    hostile = '<script>alert(1)</script> | [x](javascript:1) =cmd'
    boundary.write_text(text.replace("name: Example Force Area (England) - illustrative only", f"name: '{hostile}'"), encoding="utf-8")
    hostile_model = opcc_model.load(tmp_path)
    report = transition(hostile_model, area="example-england", date=ELECTION)
    assert "<script>" not in to_markdown(report) and "&lt;script&gt;" in to_markdown(report) and "\\|" in to_markdown(report)
    assert "<script>" not in report._repr_html_()
    rows = list(csv.reader(io.StringIO(report.to_csv())))
    assert all(not cell.startswith("=") for row in rows for cell in row)
    vobject.readOne(to_ics(report).decode("utf-8"))


def test_the_output_is_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "transition.ics"
    status, printed, err = run("transition", str(ROOT), "--area", "example-england", "--date", "2028-05-08", "--to", "mayor",
                               "--format", "ics", "--out", str(out))
    assert status == 0 and not printed and "Written to" in err
    assert vobject.readOne(out.read_text(encoding="utf-8")).contents["vevent"]


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("argv, message", [
    (["--area", "example-wales", "--date", "2028-05-08", "--to", "mayor"], "Wales has no mayoral route"),
    (["--area", "nowhere", "--date", "2028-05-08"], "--area nowhere: no such area in the model (areas: example-england"),
    (["--area", "example-england", "--date", "2031-05-08"], "outside every financial year the model knows: expected a date from 2025-04-01 to 2029-03-31"),
    (["--area", "example-england", "--date", "2028-02-30"], "expected a date as YYYY-MM-DD"),
    (["--area", "example-england", "--date", "2028-05-08", "--to", "king"], "invalid choice: 'king'"),
])
def test_bad_input_is_one_clear_sentence_and_exit_2(argv: list[str], message: str) -> None:
    status, out, err = run("transition", str(ROOT), *argv)
    assert status == 2 and not out and message in err and "Traceback" not in err


def test_bad_input_from_python_raises_named_errors(model: Model) -> None:
    with pytest.raises(TransitionUsageError, match="Wales has no mayoral route"):
        transition(model, area="example-wales", date=TRANSFER, to="mayor")
    with pytest.raises(TransitionUsageError, match="expected one of pcc, mayor, board, leaders"):
        transition(model, area="example-wales", date=TRANSFER, to="king")
    with pytest.raises(DateOutOfRange):
        transition(model, area="example-wales", date="2024-05-02")
    assert known_years(opcc_model.load(opcc_model.example_root("minimal"))) is None


def test_a_2028_rule_marked_as_law_is_a_located_load_error(tmp_path: Path) -> None:
    for folder in ("processes", "pag", "law"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    law = tmp_path / "law" / "transitions.yaml"
    text = law.read_text(encoding="utf-8")
    law.write_text(text.replace("    status: assumption\n", "    status: law\n", 1), encoding="utf-8")
    status, _, err = run("validate", str(tmp_path))
    assert status == 2 and "law/transitions.yaml:" in err and "a rule of the 2028 transfer is an assumption until the law is made" in err


def test_an_activity_a_rule_names_that_the_model_lacks_is_noted_and_skipped(model: Model) -> None:
    rules = tuple(r.model_copy(update={"activities": ("appoint-deputy",)}) if r.id == "deputy-term-ends" else r for r in model.transitions)
    report = transition(model.model_copy(update={"transitions": rules}), area="example-england", date=ELECTION)
    assert "law/transitions.yaml: rule 'deputy-term-ends' names activity 'appoint-deputy', which is not in the model: skipped" in report.notes
    assert "appoint-deputy-pcc" not in {s.activity for s in report.steps}


def test_the_readme_transition_example_runs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    block = next(b for b in blocks if "transition(" in b)
    monkeypatch.chdir(Path(__file__).parents[2])
    exec(compile(block, "README.md", "exec"), {})
    assert "Verdict: " in capsys.readouterr().out
    command = next(line for line in readme.splitlines() if line.startswith("opcc transition "))
    assert "--area" in command and "--date" in command
