"""No function lost in a transfer: the transfer findings OPCC-T101..T104 of a scenario that replaces the office holder."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scenario_support import REPO, ops

import opcc_model
from opcc_model.cli import main
from opcc_model.model import Model
from opcc_model.queries import check
from opcc_model.scenario import OperationError, apply, read_scenario, transfer_findings, transfer_of

SHIPPED_2028 = ("mayoral-model.yaml", "policing-and-crime-board.yaml", "welsh-local-government-leaders.yaml")
TO_MAYOR = ("{op: replace-role, role: pcc, by: mayor, add: [{id: mayor, name: Mayor}]}", "{op: replace-role, role: dpcc, by: mayor}")


@cache
def reference() -> Model:
    return opcc_model.load(REPO)


def codes(found: object) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((f.code, f.subject) for f in found)  # type: ignore[attr-defined]


def removable() -> list[str]:
    """Activities the PCC is accountable for that no decision outcome or window names (so removing them applies)."""
    named = {then for a in reference().activities for o in a.outcomes for then in o.then}
    named |= {w.of for a in reference().activities for w in a.windows}
    return sorted(a.id for a in reference().activities if a.accountable == "pcc" and a.id not in named)


@pytest.mark.parametrize("name", SHIPPED_2028)
def test_the_shipped_2028_scenarios_lose_no_function_and_settle_every_delegation(name: str) -> None:
    scenario = read_scenario(REPO / "scenarios" / name)
    assert transfer_of(reference(), scenario) is not None
    assert list(transfer_findings(reference(), scenario)) == []


@pytest.mark.parametrize("name", ("withdraw-budget-delegation.yaml", "merge-example-areas.yaml"))
def test_a_scenario_that_keeps_the_office_holder_is_no_transfer(name: str) -> None:
    scenario = read_scenario(REPO / "scenarios" / name)
    assert transfer_of(reference(), scenario) is None
    assert list(transfer_findings(reference(), scenario)) == []


def test_a_planted_transfer_that_drops_a_function_is_an_error_located_where_the_function_was() -> None:
    found = transfer_findings(reference(), ops(*TO_MAYOR, "{op: remove-activity, activity: issue-police-and-crime-plan}"))
    lost = [f for f in found if f.code == "OPCC-T101"]
    assert [(f.severity, f.subject) for f in lost] == [("error", ("issue-police-and-crime-plan",))]
    assert lost[0].location is not None and lost[0].location.file == "processes/develop/police-and-crime-plan.yaml"
    assert "the scenario removes the activity" in lost[0].message


@settings(max_examples=12, deadline=None)
@given(st.data())
def test_any_subset_of_functions_a_transfer_removes_is_reported_exactly(data: st.DataObject) -> None:
    dropped = data.draw(st.sets(st.sampled_from(removable()[:30]), max_size=5))
    removals = [f"{{op: remove-activity, activity: {a}}}" for a in sorted(dropped)]
    found = transfer_findings(reference(), ops(*TO_MAYOR, *removals))
    assert {f.subject[0] for f in found if f.code == "OPCC-T101"} == dropped


def test_a_transfer_that_keeps_the_outgoing_holder_as_principal_loses_every_function_it_held() -> None:
    kept = ops("{op: replace-role, role: pcc, by: mayor, keep: true, add: [{id: mayor, name: Mayor}]}",
               "{op: replace-role, role: dpcc, by: mayor}")
    found = [f for f in transfer_findings(reference(), kept) if f.code == "OPCC-T101"]
    # the glossary: once per area, at the top of the commissioner's subtree
    assert {(f.area, f.subject) for f in found if f.area and f.subject == ("1",)} == {
        (b.area, ("1",)) for b in reference().boundaries
    }
    # the arrangements that still name the outgoing holder: a ladder tier, a delegation
    assert ("example-england", ("1.3.8.2", "tier 3")) in {(f.area, f.subject) for f in found}
    assert ("example-england", ("1.5.7", "pcc", "opcc-chief-executive")) in {(f.area, f.subject) for f in found}


def test_a_deputy_who_stays_when_the_office_holder_goes_holds_functions_nobody_may_exercise() -> None:
    found = transfer_findings(reference(), ops(TO_MAYOR[0], "{op: amend-scheme, area: example-england, body: mayor}"))
    lost = {(f.area, f.subject) for f in found if f.code == "OPCC-T101"}
    assert ("example-england", ("deputy", "dpcc")) in lost  # PCA 2017 s.121: the deputy's term ends with the holder's


def test_delegations_carried_over_unchanged_are_warnings_until_re_made_or_marked_to_lapse() -> None:
    carried = transfer_findings(reference(), ops(*TO_MAYOR, "{op: amend-scheme, area: example-england, body: mayor}"))
    assert codes(carried) == [
        ("OPCC-T102", ("1.3.4.3", "pcc", "head-of-estates")),
        ("OPCC-T102", ("1.5.7", "opcc-chief-executive", "head-of-governance")),
        ("OPCC-T102", ("1.5.7", "pcc", "opcc-chief-executive")),
    ]
    assert {f.severity for f in carried} == {"warning"}
    assert "carried over unchanged" in carried[0].message
    settled = ops(
        *TO_MAYOR,
        "{op: amend-scheme, area: example-england, body: mayor, lapse: [{pag: '1.5.7', until: 2028-05-07}],"
        " delegations: [{pag: '1.3.4.3', by: mayor, to: head-of-estates, from: 2028-05-08}]}",
    )
    assert list(transfer_findings(reference(), settled)) == []


def test_a_lapse_that_names_no_delegation_is_a_located_error() -> None:
    with pytest.raises(OperationError) as caught:
        apply(reference(), ops("{op: amend-scheme, area: example-england, lapse: [{pag: '1.1', until: 2028-05-07}]}"))
    assert str(caught.value.issues[0].location).startswith("s.yaml:3:")
    assert "no delegation of \"1.1\" in area 'example-england' to lapse" in caught.value.issues[0].message


def test_a_board_without_collective_accountability_is_a_finding_of_opcc_check_and_of_the_transfer() -> None:
    board = ops(*TO_MAYOR, "{op: amend-scheme, area: example-england, body: board}")
    after = apply(reference(), board).model
    assert [(f.code, f.subject) for f in check(after, area="example-england", on=None) if f.code == "OPCC-T103"] == [
        ("OPCC-T103", ("example-england",))
    ]
    found = [f for f in transfer_findings(reference(), board) if f.code == "OPCC-T103"]
    assert [(f.severity, str(f.location)) for f in found] == [("error", "s.yaml:5:53")]  # at the scenario's body:
    wrong_side = ops(*TO_MAYOR, "{op: amend-scheme, area: example-england, body: board, collective: {signs: mayor, answers_to_panel: cc}}")
    assert [f.subject for f in transfer_findings(reference(), wrong_side) if f.code == "OPCC-T103"] == [
        ("example-england", "answers_to_panel")
    ]


def test_a_scenario_that_gives_a_welsh_area_a_mayor_is_an_error_finding_and_exit_2(tmp_path: Path) -> None:
    text = "name: Welsh mayor\noperations:\n  - {op: amend-scheme, area: example-wales, body: mayor}\n"
    found = transfer_findings(reference(), ops("{op: amend-scheme, area: example-wales, body: mayor}"))
    assert [(f.code, f.severity, str(f.location)) for f in found] == [("OPCC-T104", "error", "s.yaml:3:51")]
    path = tmp_path / "welsh-mayor.yaml"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = main(["scenario", str(path), str(REPO)])
    assert status == 2 and out.getvalue() == ""
    assert f"{path.as_posix()}:3:51: The scenario makes the local policing body of " in err.getvalue()
    assert "(OPCC-T104)" in err.getvalue() and "Traceback" not in err.getvalue()
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        assert main(["check", str(REPO), "--scenario", str(path)]) == 2


def test_opcc_scenario_puts_the_transfer_in_its_verdict_and_json() -> None:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(io.StringIO()):
        assert main(["scenario", str(REPO / "scenarios" / "mayoral-model.yaml"), str(REPO)]) == 0
    assert "transfer: no function lost, every delegation settled" in out.getvalue().splitlines()[1]
    report = opcc_model.scenario_report(
        read_scenario(REPO / "scenarios" / "withdraw-budget-delegation.yaml"), reference(),
        apply(reference(), read_scenario(REPO / "scenarios" / "withdraw-budget-delegation.yaml")),
        opcc_model.diff(reference(), reference()),
    )
    assert report.to_dict()["transfer"] is None and "transfer" not in report.verdict()


def test_opcc_check_with_a_scenario_checks_the_model_after_it_with_its_transfer_findings(tmp_path: Path) -> None:
    planted = tmp_path / "planted.yaml"
    planted.write_text(
        (REPO / "scenarios" / "mayoral-model.yaml").read_text(encoding="utf-8")
        + "  - {op: remove-activity, activity: issue-police-and-crime-plan}\n",
        encoding="utf-8",
    )
    for scenario, status in ((REPO / "scenarios" / "mayoral-model.yaml", 0), (planted, 1)):
        out = io.StringIO()
        with redirect_stdout(out), redirect_stderr(io.StringIO()):
            got = main(["check", str(REPO), "--scenario", str(scenario), "--select", "T", "--format", "json", "--date", "2027-01-01"])
        assert got == status
        assert [(r["code"], r["subject"]) for r in json.loads(out.getvalue())] == (
            [] if status == 0 else [("OPCC-T101", ["issue-police-and-crime-plan"])]
        )


@pytest.mark.parametrize("name", SHIPPED_2028)
def test_the_shipped_2028_scenarios_add_no_finding_to_the_reference_model(name: str) -> None:
    import datetime

    from opcc_model.scenario.delta import findings_delta

    day = datetime.date(2027, 1, 1)  # before the change: its lapsed lines are not yet past their last day
    after = apply(reference(), read_scenario(REPO / "scenarios" / name)).model
    assert findings_delta(check(reference(), on=day), check(after, on=day)).new == ()
