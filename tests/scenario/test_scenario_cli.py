"""``opcc diff`` and ``opcc scenario``, run in-process."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from scenario_support import FIXTURE

from opcc_model.cli import main


def _copy(tmp_path: Path, name: str = "model") -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURE, target)
    return target


def _move_custody(root: Path) -> None:
    north = root / "pag" / "boundaries" / "north.yaml"
    text = north.read_text(encoding="utf-8")
    north.write_text(text.replace(
        '{pag: "2.3", holder: chief-constable, delegated_by: commissioner, instrument: Scheme of Consent 4.2}',
        '{pag: "2.3", holder: commissioner}'), encoding="utf-8")


MOVED = ("In North Area, accountability for 2.3 Custody moves from the Chief Constable "
         "(with the consent of the Commissioner under Scheme of Consent 4.2) to the Commissioner.")


def test_diff_of_two_roots(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    new = _copy(tmp_path)
    _move_custody(new)
    assert main(["diff", str(FIXTURE), str(new)]) == 0
    assert capsys.readouterr().out == (
        "1 change, by kind and role:\n  In north, 1 PAG code moves from the Chief Constable (with the consent of "
        "the Commissioner under Scheme of Consent 4.2) to the Commissioner.\n"
    )
    assert main(["diff", str(FIXTURE), str(new), "-v"]) == 0
    assert capsys.readouterr().out.endswith("Every change:\n  " + MOVED + "\n")
    assert main(["diff", str(FIXTURE), str(new), "--format", "json"]) == 0
    [change] = json.loads(capsys.readouterr().out)
    assert change["kind"] == "holder-changed" and change["subject"] == ["north", "2.3"] and change["area"] == "north"


def test_diff_of_a_model_with_itself(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["diff", str(FIXTURE), str(FIXTURE), "--format", "json"]) == 0
    assert capsys.readouterr().out == "[]\n"


@pytest.mark.parametrize("argv", [["diff", "one"], ["diff", "a", "b", "c"], ["diff", "--against", "HEAD", "a", "b"]])
def test_diff_misuse_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    assert "expected" in capsys.readouterr().err


def test_diff_of_a_bad_model_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = _copy(tmp_path)
    (bad / "processes" / "roles.yaml").write_text("roles:\n  - {id: pcc, sidee: commissioner}\n", encoding="utf-8")
    assert main(["diff", str(FIXTURE), str(bad)]) == 2
    assert "roles.yaml:2:" in capsys.readouterr().err


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-C", str(repo), *args],
                   check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_against_a_git_revision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    model = _copy(repo, "model")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "first")
    _move_custody(model)
    assert main(["diff", "--against", "HEAD", str(model), "-v"]) == 0
    assert capsys.readouterr().out.endswith("\n  " + MOVED + "\n")
    _git(repo, "commit", "-qam", "second")
    assert main(["diff", "--against", "HEAD~1", str(model), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["message"] == MOVED
    assert main(["diff", "--against", "HEAD", str(model)]) == 0
    assert capsys.readouterr().out == "No changes.\n"
    assert main(["diff", "--against", "no-such-rev", str(model)]) == 2
    assert "'no-such-rev' is not a commit" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_against_outside_a_repository_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    model = _copy(tmp_path)
    assert main(["diff", "--against", "HEAD", str(model)]) == 2
    assert "git rev-parse failed" in capsys.readouterr().err


SCENARIO = """\
name: Custody to the commissioner
description: The commissioner takes custody back in the north.
basis: [Scheme of Consent 4.2]
operations:
  - {op: move-allocation, area: north, pag: "2.3", holder: commissioner}
  - {op: reassign, letter: A, to: pcc, activities: [run-custody]}
  - {op: merge-areas, areas: [north, south], into: {area: merged, name: Merged Area}}
"""


def test_scenario_prints_changes_and_conflicts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    assert main(["scenario", str(path), str(FIXTURE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Scenario: Custody to the commissioner\nVerdict: ")
    assert "\nThe commissioner takes custody back in the north.\n" in out
    assert "1 accountability moves from the Chief Constable to the Police and Crime Commissioner." in out
    assert "1 area added: merged." in out
    assert main(["scenario", str(path), str(FIXTURE), "-v"]) == 0
    out = capsys.readouterr().out
    assert ("Accountability for activity 'run-custody' (Run custody suites) moves from the Chief Constable "
            "to the Police and Crime Commissioner.") in out
    assert "Area 'merged' (Merged Area) is added." in out
    assert "Conflicts kept open (1):\n  north gives 2.3.2 to the Commissioner and south to both jointly (Custody Board)" in out


def test_scenario_json_is_stable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    assert main(["scenario", str(path), str(FIXTURE), "--format", "json"]) == 0
    first = capsys.readouterr().out
    assert main(["scenario", str(path), str(FIXTURE), "--format", "json"]) == 0
    assert capsys.readouterr().out == first
    data = json.loads(first)
    assert data["scenario"] == "Custody to the commissioner" and data["basis"] == ["Scheme of Consent 4.2"]
    assert [c["pag"] for c in data["conflicts"]] == ["2.3.2"]


def test_scenario_area_filter(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO.rsplit("  - {op: merge-areas", 1)[0], encoding="utf-8")
    assert main(["scenario", str(path), str(FIXTURE), "--area", "south", "--format", "json"]) == 0
    kinds = [c["kind"] for c in json.loads(capsys.readouterr().out)["changes"]]
    assert kinds == ["accountable-changed"]
    assert main(["scenario", str(path), str(FIXTURE), "--area", "east"]) == 2
    assert "area 'east' is in neither model" in capsys.readouterr().err


def test_bad_scenario_exits_2_with_the_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.yaml"
    path.write_text("name: x\noperations:\n  - {op: reassign, to: pcc, stage: nope}\n", encoding="utf-8")
    assert main(["scenario", str(path), str(FIXTURE)]) == 2
    err = capsys.readouterr().err
    assert f"{path.as_posix()}:3:36: operations[0] (reassign): stage 'nope' is not in the model" in err
    assert "Traceback" not in err
