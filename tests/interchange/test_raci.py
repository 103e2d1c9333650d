"""RACI matrices: golden CSV and Markdown for examples/minimal, areas, XLSX bytes, the CLI.

Set OPCC_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import main
from opcc_model.render.raci import raci
from tests.golden import assert_golden

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.mark.parametrize("fmt", ["csv", "md"])
def test_minimal_example_matches_golden(minimal, fmt):
    matrix = raci(minimal, process="conduct-stakeholder-analysis")
    assert_golden(GOLDEN / f"minimal-raci.{fmt}", matrix.to_csv() if fmt == "csv" else matrix.to_markdown())


def test_cells_match_the_activities_roles(model):
    matrix = raci(model)
    rows = list(csv.DictReader(io.StringIO(matrix.to_csv())))
    assert [r["activity"] for r in rows] == [a.id for a in model.activities]
    for row in rows:
        activity = model.activity(row["activity"])
        for role in matrix.roles:
            letters = [letter for letter, r in activity.roles() if r == role]
            assert set(filter(None, row[role].split("/"))) == set(letters)


def test_columns_are_roles_in_side_order_then_file_order(model):
    # roles.yaml lists cc (chief-constable) before opcc-chief-executive (commissioner)
    assert raci(model).roles == ("pcc", "opcc-chief-executive", "cc", "pcp", "csp")
    assert raci(model, process="review-plan").roles == ("pcc", "cc", "pcp")


def test_area_scope_follows_jurisdictions(model):
    assert [r.activity for r in raci(model, area="welsh-area").rows] == ["hold-hearing", "report-performance"]
    assert len(raci(model, area="example-area").rows) == len(model.activities)
    with pytest.raises(opcc_model.NotFound):
        raci(model, area="nowhere")


def test_xlsx_holds_the_table_and_has_stable_bytes(model):
    openpyxl = pytest.importorskip("openpyxl")
    matrix = raci(model)
    data = matrix.to_xlsx()
    assert data == raci(opcc_model.load(Path(__file__).resolve().parent.parent / "fixtures" / "interchange")).to_xlsx()
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    values = [[c.value or "" for c in row] for row in sheet.iter_rows()]
    assert values[0] == matrix.header()
    assert values[1][3:] == list(matrix.role_names)
    assert values[2:] == [[r.process, r.activity, r.name, *r.cells] for r in matrix.rows]


def test_xlsx_without_openpyxl_says_how_to_install(model, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_openpyxl(name, *args, **kwargs):
        if name.startswith("openpyxl"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    with pytest.raises(opcc_model.OpccError, match=r"pip install 'opcc-model\[xlsx\]'"):
        raci(model).to_xlsx()


@pytest.mark.parametrize("fmt", ["csv", "md", "xlsx"])
def test_cli_writes_one_matrix_per_process_and_area(tmp_path, fmt):
    root = str(Path(__file__).resolve().parent.parent / "fixtures" / "interchange")
    assert main(["export", "raci", root, "--out", str(tmp_path), "--format", fmt, "--area", "welsh-area"]) == 0
    names = ["raci", "raci-area-welsh-area", "raci-develop-plan", "raci-review-plan"]
    assert {p.name for p in tmp_path.iterdir()} == {f"{n}.{fmt}" for n in names}
    assert main(["export", "raci", root, "--out", str(tmp_path / "x"), "--area", "nowhere"]) == 2
    assert not (tmp_path / "x").exists()
