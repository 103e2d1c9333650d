"""Load errors: the root cause first, the errors that only follow from it grouped under it, and
"did you mean" among ids of the expected kind, nearest first, every candidate on a tie."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import opcc_model
from opcc_model.cli import main
from opcc_model.errors import ModelLoadError
from opcc_model.suggest import closest, edit_distance
from tests.editing import copy_minimal, edit

PLAN = "processes/develop/police-and-crime-plan.yaml"
PROCESS = "processes/engage-consult/conduct-stakeholder-analysis.yaml"


@pytest.fixture
def reference(tmp_path: Path) -> Path:
    root = tmp_path / "model"
    for folder in ("processes", "pag"):
        shutil.copytree(opcc_model.reference_root() / folder, root / folder)
    return root


def _error(root: Path) -> ModelLoadError:
    with pytest.raises(ModelLoadError) as caught:
        opcc_model.load(root)
    return caught.value


def test_one_key_typo_is_one_error_with_what_follows_grouped_under_it(
    reference: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(reference, PLAN, "accountable: pcc", "acountable: pcc")
    error = _error(reference)
    assert len(error.groups) == 1
    root, following = error.groups[0]
    assert root.message.startswith("unknown key 'acountable': did you mean 'accountable'?")
    assert len(following) == 6 and all(issue.follows == root.location for issue in following)
    assert all(f"is declared in {reference.as_posix()}/{PLAN}, which did not load" in i.message for i in following)
    assert not any("did you mean" in issue.message for issue in following)
    assert error.issues[0] == root

    assert main(["validate", str(reference)]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith(f"{reference.as_posix()}/{PLAN}:") and "unknown key 'acountable'" in lines[0]
    assert lines[1] == "  and 6 errors that follow from it:"
    assert all(line.startswith("    ") for line in lines[2:8])
    assert lines[-1] == "opcc: 1 error (and 6 that follow from it): the model was not loaded"


def test_a_missing_key_follows_from_the_misspelt_key_beside_it(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path)
    edit(root, PROCESS, "name: Identify stakeholders", "nmae: Identify stakeholders")
    error = _error(root)
    assert [r.message.split(":")[0] for r, _ in error.groups] == ["unknown key 'nmae'"]
    assert [f.message for f in error.groups[0][1]][0].startswith("missing key 'name'")


def test_independent_errors_are_each_a_root(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path)
    edit(root, PROCESS, "accountable: pcc", "accountable: nobody")
    edit(root, "processes/roles.yaml", "reports_to: pcc", "reports_to: nobody")
    error = _error(root)
    assert len(error.groups) == 2 and all(not following for _, following in error.groups)


@pytest.mark.parametrize(
    ("typo", "hint"),
    [("pcx", "did you mean 'pcc' or 'pcp'?"), ("cs", "did you mean 'cc' or 'csp'?"), ("pcc-x", "did you mean 'pcc'?")],
)
def test_suggestions_list_every_nearest_id_of_the_expected_kind(tmp_path: Path, typo: str, hint: str) -> None:
    root = copy_minimal(tmp_path)
    edit(root, PROCESS, "accountable: pcc", f"accountable: {typo}")
    (issue,) = _error(root).issues
    assert f"found '{typo}' ({hint} declare it in processes/roles.yaml)" in issue.message


def _brute(value: str, candidates: list[str]) -> list[str]:
    limit = max(2, len(value) // 3)
    scored = {c: edit_distance(value, c) for c in set(candidates) if c != value}
    near = {c: d for c, d in scored.items() if d <= limit}
    return sorted(c for c, d in near.items() if d == min(near.values())) if near else []


@given(st.text("abc-", max_size=8), st.lists(st.text("abc-", max_size=8), max_size=12))
def test_closest_is_every_candidate_at_the_smallest_distance_within_the_limit(value: str, candidates: list[str]) -> None:
    assert closest(value, candidates) == _brute(value, candidates)


@given(st.text("abcd", max_size=7), st.text("abcd", max_size=7), st.text("abcd", max_size=7))
def test_edit_distance_is_a_metric(a: str, b: str, c: str) -> None:
    assert edit_distance(a, b) == edit_distance(b, a)
    assert (edit_distance(a, b) == 0) == (a == b)
    assert edit_distance(a, c) <= edit_distance(a, b) + edit_distance(b, c)
