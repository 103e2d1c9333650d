"""The one result protocol: every result type prints as text, CSV, JSON and HTML, converts to a frame, and has a short repr."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

import opcc_model
from opcc_model.model import Activity, Artifact, Model, Process, Role, Stage
from opcc_model.queries.table import QueryResult, Result, text_table


@pytest.fixture(scope="module")
def model() -> Model:
    return opcc_model.load(opcc_model.reference_root())


def results(model: Model) -> dict[str, Result]:
    """One of each result type, from the reference model."""
    from opcc_model.render.raci import raci

    scenario = opcc_model.read_scenario(opcc_model.reference_root() / "scenarios" / "mayoral-model.yaml")
    applied = opcc_model.apply_scenario(model, scenario)
    changes = opcc_model.diff(model, applied.model)
    return {
        "findings": opcc_model.check(model),
        "query": opcc_model.downstream(model, "issue-police-and-crime-plan"),
        "handoffs": opcc_model.handoffs(model),
        "raci": raci(model, process=model.processes[0].id),
        "diff": changes,
        "applied": applied,
        "report": opcc_model.scenario_report(
            scenario, model, applied, changes, check=opcc_model.check, handoffs=opcc_model.handoffs
        ),
    }


def test_the_mayoral_report_leads_with_the_verdict_and_groups_the_changes(model: Model) -> None:
    report = results(model)["report"]
    lines = report.to_text().splitlines()
    count = len(results(model)["diff"].changes)
    assert lines[1].startswith("Verdict: ") and f"; {count} changes;" in lines[1] and count > 100
    moved = sum(1 for a in model.activities if a.accountable == "pcc")
    assert f"  {moved} accountabilities move from the Local policing body (Police and Crime Commissioner) to the Mayor (local policing body)." in lines
    assert len(lines) < 30  # one change a line only with -v
    assert len(report.to_text(verbose=True).splitlines()) > count
    assert "60 accountabilities" not in report._repr_html_() and f"{moved} accountabilities" in report._repr_html_()


def test_every_result_type_follows_the_protocol(model: Model) -> None:
    for name, result in results(model).items():
        assert isinstance(result, Result), name
        text, html = result.to_text(), result._repr_html_()
        assert text.strip() and "<table" in html or "<h" in html, name
        json.loads(result.to_json())
        assert result.to_json().endswith("\n"), name
        rows = list(csv.reader(io.StringIO(result.to_csv())))
        frame = result.to_frame()
        assert list(frame.columns) == rows[0] and len(frame) == len(rows) - 1, name
        assert len(repr(result)) < 200, (name, repr(result)[:300])


def test_a_model_repr_is_short(model: Model) -> None:
    assert repr(model) == (
        f"<Model 'commissioner-mandate': {len(model.stages)} stages, {len(model.roles)} roles, "
        f"{len(model.artifacts)} artifacts, {len(model.processes)} processes, {len(model.activities)} activities, "
        f"{len(model.codes)} codes, {len(model.boundaries)} areas>"
    )


def test_findings_are_relative_to_the_model_root_and_severity_is_ordered(model: Model) -> None:
    found = opcc_model.check(model)
    files = {f.location.file for f in found if f.location}
    assert files and all(not f.startswith("/") and f.split("/")[0] in {"processes", "pag", "plans", "law"} for f in files)
    frame = found.to_frame()
    assert frame["severity"].cat.ordered and list(frame["severity"].cat.categories) == ["error", "warning", "info"]
    assert frame.sort_values("severity")["severity"].iloc[0] == "warning"  # warnings before infos, not alphabetical


def test_filter_by_severity_code_prefix_area_and_waived(model: Model) -> None:
    found = opcc_model.check(model)
    assert found.filter() == found
    assert {f.severity for f in found.filter(severity="warning")} == {"warning"}
    assert {f.code[:6] for f in found.filter(code="OPCC-O")} == {"OPCC-O"}
    assert {f.area for f in found.filter(area="example-wales")} == {"example-wales"}
    waived, open_ = found.filter(waived=True), found.filter(waived=False)
    assert len(waived) + len(open_) == len(found) and all(f.waived for f in waived)
    assert found.filter(severity=("error", "warning"), waived=False).counts()["waived"] == 0


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=150), min_size=1, max_size=4))
def test_text_tables_wrap_long_cells_and_never_cut_them(cells: list[str]) -> None:
    text = text_table([f"c{i}" for i in range(len(cells))], [cells], width=20)
    for cell in cells:
        for word in cell.split():
            assert word in text  # every word is shown whole, however long the cell


def test_to_text_keeps_a_long_message_whole(model: Model) -> None:
    found = opcc_model.check(model)
    longest = max(found, key=lambda f: len(f.message))
    assert len(longest.message) > 60
    assert all(word in found.to_text() for word in longest.message.split())


def test_query_result_repr_is_short() -> None:
    table = QueryResult(title="Demo", columns=("a", "b"), rows=(("x", "y"),) * 1000)
    assert repr(table) == "<QueryResult 'Demo': 1000 rows × a, b>"


def _dangling() -> Model:
    return Model(
        mandate="m",
        stages=(Stage(id="s", name="S"),),
        artifacts=(Artifact(id="m", name="M"),),
        roles=(Role(id="pcc", name="PCC", side="commissioner"),),
        processes=(
            Process(id="p", name="P", stage="s", activities=(Activity(id="a", name="A", accountable="pcc", after=("gone",)),)),
        ),
    )


def test_validate_raises_the_loaders_located_errors_for_a_model_built_in_code() -> None:
    with pytest.raises(opcc_model.ModelLoadError) as caught:
        opcc_model.validate(_dangling())
    assert [str(i) for i in caught.value.issues] == [
        "<activity a>:1:1: after: expected a declared activity id, found 'gone' (declare it in a process file)"
    ]
    loaded = opcc_model.load(opcc_model.example_root("minimal"))
    assert opcc_model.validate(loaded) is loaded


def test_check_of_a_dangling_model_raises_the_located_error_not_a_key_error() -> None:
    with pytest.raises(opcc_model.ModelLoadError, match="found 'gone'"):
        opcc_model.check(_dangling())
