"""Bad scenarios: every kind of mistake is an error with the scenario file's line and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from scenario_support import two_areas

from opcc_model.errors import OpccError
from opcc_model.scenario import OperationError, ScenarioLoadError, apply, read_scenario

HEAD = "name: bad\noperations:\n  - {op: reassign, letter: A, to: pcc, activities: [assess-need]}\n"

# (the operation's line, the text the error must point at, words the message must hold)
BAD_OPERATIONS = [
    ("  - {op: move-allocation, area: east, pag: '2.3', holder: commissioner}", "east", "area 'east' is not in the model"),
    ("  - {op: move-allocation, area: north, pag: '9.9', holder: commissioner}", "'9.9'", 'PAG code "9.9" is not in the glossary'),
    ("  - {op: move-allocation, area: north, pag: '2.3', holder: joint}", "joint", "needs an 'arrangement'"),
    ("  - {op: reassign, to: pcc, activities: [assess-need, nope]}", "nope]", "activity 'nope' is not in the model"),
    ("  - {op: reassign, to: pcc, process: nope}", "nope}", "process 'nope' is not in the model"),
    ("  - {op: reassign, to: pcc, stage: nope}", "nope}", "stage 'nope' is not in the model"),
    ("  - {op: reassign, to: pcc, pag: '7'}", "'7'", 'PAG code "7" is not in the glossary'),
    ("  - {op: reassign, to: pcc, role: nope}", "nope}", "role 'nope' is not in the model"),
    ("  - {op: reassign, to: nope, stage: develop}", "nope,", "role 'nope' is not in the model"),
    ("  - {op: reassign, letter: I, to: pcc, role: csp}", "{op", "the selector matches no activity (role csp holding I)"),
    ("  - {op: reassign, to: pcc, stage: commission}", "{op", "the selector matches no activity (stage commission)"),
    ("  - {op: replace-role, role: nope, by: pcc}", "nope,", "role 'nope' is not in the model"),
    ("  - {op: replace-role, role: pcc, by: pcc}", "pcc}", "by itself"),
    ("  - {op: replace-role, role: pcc, by: cc}", "cc}", "a replacement keeps the side"),
    ("  - {op: replace-role, role: pcc, by: mayor}", "mayor}", "role 'mayor' is not in the model"),
    ("  - {op: replace-role, role: pcc, by: x, add: [{id: cc, name: X}]}", "cc, name", "role 'cc' already exists"),
    ("  - {op: add-process, process: {id: issue-plan, name: X, stage: develop}}", "issue-plan,", "process 'issue-plan' already exists"),
    ("  - {op: add-process, process: {id: x, name: X, stage: nope}}", "{op", "leaves the model invalid: stage: expected a declared stage id"),
    ("  - {op: remove-process, process: nope}", "nope}", "process 'nope' is not in the model"),
    ("  - {op: replace-process, process: {id: nope, name: X, stage: develop}}", "nope,", "process 'nope' is not in the model"),
    ("  - {op: add-activity, process: nope, activity: {id: x, name: X}}", "nope,", "process 'nope' is not in the model"),
    ("  - {op: add-activity, process: issue-plan, activity: {id: run-custody, name: X}}", "run-custody,", "activity 'run-custody' already exists"),
    ("  - {op: add-activity, process: issue-plan, before: nope, activity: {id: x, name: X}}", "nope,", "activity 'nope' is not in process 'issue-plan'"),
    ("  - {op: add-activity, process: issue-plan, activity: {id: x, name: X, inputs: [nope]}}", "{op", "inputs: expected a declared artifact id, found 'nope'"),
    ("  - {op: remove-activity, activity: nope}", "nope}", "activity 'nope' is not in the model"),
    ("  - {op: replace-activity, activity: {id: nope, name: X}}", "nope,", "activity 'nope' is not in the model"),
    ("  - {op: merge-areas, areas: [north, north], into: {area: n, name: N}}", "north]", "cannot merge area 'north' with itself"),
    ("  - {op: merge-areas, areas: [north, west], into: {area: n, name: N}}", "west]", "area 'west' is not in the model"),
    ("  - {op: merge-areas, areas: [north, south], into: {area: north2, name: N}}", "{op", None),
    ("  - {op: replace-activity, activity: {id: run-custody, name: X, accountable: nope}}", "{op", "leaves the model invalid: accountable: expected a declared role id"),
]


def _write(tmp_path: Path, third_line: str) -> Path:
    path = tmp_path / "bad.yaml"
    path.write_text(HEAD + third_line + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("line", "token", "words"), BAD_OPERATIONS)
def test_every_bad_operation_names_the_scenario_line(tmp_path: Path, line: str, token: str, words: str | None) -> None:
    scenario = read_scenario(_write(tmp_path, line))
    if words is None:  # a valid operation: the control case
        apply(two_areas(), scenario)
        return
    with pytest.raises(OperationError) as caught:
        apply(two_areas(), scenario)
    [issue] = caught.value.issues
    column = line.index(token) + 1  # the error points at the value at fault (or the operation)
    assert (issue.location.file, issue.location.line, issue.location.column) == (scenario.file, 4, column)
    assert "operations[1]" in issue.message and words in issue.message
    assert isinstance(caught.value, OpccError)


BAD_FILES = [
    ("  - {op: move-alocation, area: north}", "move-alocation", "did you mean 'move-allocation'?"),
    ("  - {area: north}", "{area", "expected op one of"),
    ("  - {op: move-allocation, area: north, pag: 2.3, holder: commissioner}", "2.3", 'quote it: "2.3"'),
    ("  - {op: move-allocation, area: North, pag: '2.3', holder: commissioner}", "North", "expected a lowercase id"),
    ("  - {op: move-allocation, area: north, pag: '2.3', holder: mayor}", "mayor", "expected one of 'commissioner'"),
    ("  - {op: reassign, to: pcc}", "{op", "a reassign needs a selector"),
    ("  - {op: reassign, to: pcc, stage: develop, letter: X}", "X}", "expected one of 'A', 'R', 'C' or 'I'"),
    ("  - {op: remove-activity, activty: x}", "activty", "did you mean 'activity'?"),
    ("  - {op: merge-areas, areas: [north], into: {area: n, name: N}}", "[north]", "operations[1] (merge-areas)"),
    ("  - {op: add-activity, process: p, activity: {id: x, name: X, kind: subprocess}}", "{id: x", "a subprocess activity needs 'process'"),
    ("  - !!python/object/apply:os.system [ls]", "!!", "is not allowed"),
    ("  - {op: [", "", "YAML syntax error"),
]


@pytest.mark.parametrize(("line", "token", "words"), BAD_FILES)
def test_every_bad_file_names_its_line(tmp_path: Path, line: str, token: str, words: str) -> None:
    path = _write(tmp_path, line)
    with pytest.raises(ScenarioLoadError) as caught:
        read_scenario(path)
    [issue] = [i for i in caught.value.issues if words in i.message]
    assert issue.location.file == path.as_posix()
    # the error points at the text at fault; a syntax error at the end of the file
    where = (4, line.index(token) + 1) if token else (5, 1)
    assert (issue.location.line, issue.location.column) == where


def test_errors_of_several_operations_are_collected(tmp_path: Path) -> None:
    path = tmp_path / "two.yaml"
    path.write_text("name: x\noperations:\n  - {op: nope}\n  - {op: remove-activity}\n", encoding="utf-8")
    with pytest.raises(ScenarioLoadError) as caught:
        read_scenario(path)
    assert [i.location.line for i in caught.value.issues] == [3, 4]


@pytest.mark.parametrize("text", ["", "- 1\n", "name: x\noperations: 3\n", "name: x\nextra: 1\n"])
def test_bad_top_level_is_a_load_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "top.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioLoadError):
        read_scenario(path)


def test_missing_file_is_a_load_error(tmp_path: Path) -> None:
    with pytest.raises(ScenarioLoadError, match="cannot read the file"):
        read_scenario(tmp_path / "absent.yaml")
