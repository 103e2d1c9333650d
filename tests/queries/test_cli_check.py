"""``opcc check`` in-process: every format, every exit status, opcc.toml and waivers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import main
from tests.golden import assert_golden

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
    assert (status, out, err) == (0, "no findings\n", "")


def test_text_lines_name_file_line_severity_message_and_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = model_with(tmp_path, UNACCOUNTABLE)
    status, out, err = run(capsys, root)
    assert status == 1
    line = next(l for l in out.splitlines() if "(OPCC-G101)" in l)
    text = Path(root, PROCESS).read_text().splitlines()
    number = next(i for i, l in enumerate(text, 1) if "id: file-notes" in l)
    assert line == f"{PROCESS}:{number}:5: [error] Nobody is accountable for 'File the notes, 50% done' (file-notes). (OPCC-G101)"
    assert out.splitlines()[0].startswith("1 error, 0 warnings")


def test_the_summary_comes_first_counting_by_code_and_infos_are_only_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = model_with(tmp_path, HANDOFF, UNACCOUNTABLE)
    status, out, _ = run(capsys, root)
    lines = out.splitlines()
    assert status == 1
    assert lines[0] == "1 error, 0 warnings, 1 info"
    assert lines[1].split()[:3] == ["OPCC-G101", "1", "error"] and lines[2].split()[:3] == ["OPCC-D101", "1", "info"]
    assert "[info]" not in out and lines[-1].startswith("Not listed: 1 info (--min-severity info")
    status, out, _ = run(capsys, root, "--min-severity", "info")
    assert "[info]" in out and "(OPCC-D101)" in out and "Not listed" not in out


def test_quiet_prints_only_the_listed_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = model_with(tmp_path, HANDOFF, UNACCOUNTABLE)
    status, out, err = run(capsys, root, "--quiet")
    assert status == 1 and err == ""
    assert [line.rsplit(" ", 1)[-1] for line in out.splitlines()] == ["(OPCC-G101)"]
    assert run(capsys, str(opcc_model.example_root("minimal")), "-q")[1:] == ("", "")


def test_select_and_ignore_take_codes_and_prefixes_and_decide_the_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = model_with(tmp_path, HANDOFF, UNACCOUNTABLE)
    status, out, _ = run(capsys, root, "--ignore", "OPCC-G101", "--min-severity", "info")
    assert status == 0 and "(OPCC-G101)" not in out and "(OPCC-D101)" in out
    status, out, _ = run(capsys, root, "--select", "d1,O1", "-q", "--min-severity", "info")
    assert status == 0 and [line.rsplit(" ", 1)[-1] for line in out.splitlines()] == ["(OPCC-D101)"]
    status, out, _ = run(capsys, root, "--select", "OPCC-G", "--select", "OPCC-D", "--ignore", "OPCC-D1", "-q")
    assert status == 1 and "(OPCC-G101)" in out and "OPCC-D101" not in out


def test_an_unknown_select_code_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, str(opcc_model.example_root("minimal")), "--select", "OPCC-Z")
    assert (status, out) == (2, "") and "found 'OPCC-Z'" in err


def test_explain_prints_the_registered_documentation(capsys: pytest.CaptureFixture[str]) -> None:
    from opcc_model.findings import RULES

    assert main(["explain", "d102"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OPCC-D102 (warning): activities depend on each other in a cycle\n\n")
    assert "Fix: remove the ``after`` entry" in out
    assert main(["explain"]) == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines()] == sorted(RULES)
    assert main(["explain", "OPCC-G1O1"]) == 2
    assert "did you mean OPCC-G101" in capsys.readouterr().err


def test_info_findings_pass_by_default_and_fail_at_fail_on_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = model_with(tmp_path, HANDOFF)
    status, out, _ = run(capsys, root, "-v")
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
    assert not any("title=OPCC-D101" in l for l in lines)  # infos are not annotated by default
    assert error.startswith(f"::error file={Path(tmp_path, 'model', PROCESS).as_posix()},line=")  # from the working folder
    _, out, _ = run(capsys, model_with(tmp_path / "again", HANDOFF), "--format", "github", "--min-severity", "info")
    assert any(l.startswith("::notice file=") and "title=OPCC-D101" in l for l in out.splitlines())


def test_opcc_toml_override_changes_severity_and_exit_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = model_with(tmp_path, HANDOFF, toml='[severity]\n"OPCC-D101" = "error"\n')
    status, out, _ = run(capsys, root)
    assert status == 1 and "[error]" in out and "(OPCC-D101)" in out  # listed: it is an error now


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
    assert status == 0 and "waived:" not in out and "OPCC-G102  1 waived" in out
    status, out, err = run(capsys, other, "-v")
    assert out.rstrip().endswith("(OPCC-G102) (waived: Estates are shared)")
    assert status == run(capsys, other, "--fail-on", "info")[0] == 0  # waived findings never count


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


GOLDEN = Path(__file__).resolve().parent / "golden" / "check-reference.txt"


def test_default_output_on_the_reference_model_is_the_snapshot(capsys: pytest.CaptureFixture[str]) -> None:
    """The summary by code first, then each warning; infos and waived findings only counted."""

    status, out, err = run(capsys, str(opcc_model.reference_root()), "--date", "2027-01-01")  # the reference has law data: a date
    assert (status, err) == (0, "")
    assert_golden(GOLDEN, out)
    assert len(out.splitlines()) < 40 and max(map(len, out.splitlines())) < 400
