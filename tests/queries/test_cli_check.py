"""``opcc check`` in-process: every format, every exit status, opcc.toml and waivers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import main

PROCESS = "processes/engage-consult/conduct-stakeholder-analysis.yaml"
BOUNDARY = "pag/boundaries/example-area.yaml"

HANDOFF = """\
  - id: brief-force
    name: Brief the force
    pag: ["2"]
    accountable: cc
    inputs: [stakeholder-map]
"""
UNACCOUNTABLE = """\
  - id: file-notes
    name: File the notes, 50% done
    pag: ["2"]
"""


def model_with(tmp_path: Path, *activities: str, toml: str | None = None, waivers: str | None = None) -> str:
    root = tmp_path / "model"
    shutil.copytree(opcc_model.example_root("minimal"), root)
    with open(root / PROCESS, "a", encoding="utf-8") as handle:
        handle.write("".join(activities))
    if toml is not None:
        (root / "opcc.toml").write_text(toml, encoding="utf-8")
    if waivers is not None:
        with open(root / BOUNDARY, "a", encoding="utf-8") as handle:
            handle.write(waivers)
    return str(root)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["check", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_a_clean_model_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, str(opcc_model.example_root("minimal")))
    assert (status, out, err.strip()) == (0, "", "no findings")


def test_text_lines_name_file_line_severity_message_and_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = model_with(tmp_path, UNACCOUNTABLE)
    status, out, err = run(capsys, root)
    assert status == 1
    line = next(l for l in out.splitlines() if "OPCC-G101" in l)
    text = Path(root, PROCESS).read_text().splitlines()
    number = next(i for i, l in enumerate(text, 1) if "id: file-notes" in l)
    assert line == f"{root}/{PROCESS}:{number}:5: [error] Nobody is accountable for 'File the notes, 50% done' (file-notes). (OPCC-G101)"
    assert "1 error" in err


def test_info_findings_pass_by_default_and_fail_at_fail_on_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = model_with(tmp_path, HANDOFF)
    status, out, _ = run(capsys, root)
    assert status == 0 and "[info]" in out and "(OPCC-D101)" in out
    assert run(capsys, root, "--fail-on", "info")[0] == 1
    assert run(capsys, root, "--fail-on", "warning")[0] == 0


def test_fail_on_never_exits_0_even_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, model_with(tmp_path, UNACCOUNTABLE), "--fail-on", "never")[0] == 0


def test_json_is_a_sorted_list_of_finding_objects(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, model_with(tmp_path, HANDOFF, UNACCOUNTABLE), "--format", "json")
    data = json.loads(out)
    assert status == 1
    assert {"code", "severity", "subject", "message", "location", "area", "waived"} <= set(data[0])
    assert sorted(d["code"] for d in data) == ["OPCC-D101", "OPCC-G101"]
    assert out == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_github_annotations_escape_percent_and_properties(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, model_with(tmp_path, HANDOFF, UNACCOUNTABLE), "--format", "github")
    lines = out.splitlines()
    error = next(l for l in lines if "OPCC-G101" in l)
    assert status == 1
    assert error.startswith("::error file=") and ",title=OPCC-G101::" in error
    assert "50%25 done" in error
    assert any(l.startswith("::notice file=") and "title=OPCC-D101" in l for l in lines)


def test_opcc_toml_override_changes_severity_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = model_with(tmp_path, HANDOFF, toml='[severity]\n"OPCC-D101" = "error"\n')
    status, out, _ = run(capsys, root)
    assert status == 1 and "[error]" in out and "(OPCC-D101)" in out


def test_a_bad_opcc_toml_is_a_located_load_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = model_with(tmp_path, toml='[severity]\n"OPCC-D101" = "warning"\n"OPCC-Z999" = "loud"\n')
    status, out, err = run(capsys, root)
    assert status == 2 and out == ""
    assert f"{Path(root, 'opcc.toml').as_posix()}:3:1: expected a finding code (OPCC-D101" in err


def test_waived_findings_are_marked_and_do_not_fail(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = model_with(tmp_path, toml=None)
    glossary = Path(other, "pag/glossary.yaml")
    glossary.write_text(glossary.read_text() + '  - {code: "3", name: Estates}\n')
    Path(other, BOUNDARY).write_text(
        Path(other, BOUNDARY).read_text() + 'waivers:\n  - {finding: OPCC-G102, subject: "3", reason: Estates are shared}\n'
    )
    status, out, err = run(capsys, other)
    assert status == 0
    assert out.rstrip().endswith("(OPCC-G102) (waived: Estates are shared)")
    assert "1 waived" in err


def test_unknown_area_exits_2_listing_the_areas(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, str(opcc_model.example_root("minimal")), "--area", "nowhere")
    assert status == 2 and "example-area" in err and out == ""


def test_area_option_checks_one_area(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, str(opcc_model.example_root("minimal")), "--area", "example-area")[0] == 0


def test_an_unloadable_model_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, str(tmp_path / "missing"))
    assert status == 2 and "no such folder" in err


def test_misuse_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, ".", "--format", "xml")[0] == 2
