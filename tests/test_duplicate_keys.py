"""A key written twice in one YAML mapping is a located error naming both lines (issue 15, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

import opcc_model
from tests.editing import copy_minimal
from opcc_model import cache
from opcc_model.errors import ModelLoadError

PROCESS = "processes/engage-consult/conduct-stakeholder-analysis.yaml"


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPCC_CACHE_DIR", str(tmp_path / "cache"))
    return copy_minimal(tmp_path)


def _line(path: Path, needle: str, nth: int = 0) -> int:
    return [n for n, line in enumerate(path.read_text().splitlines(), start=1) if needle in line][nth]


@pytest.mark.parametrize("loader", [opcc_model.load, cache.load_cached], ids=["load", "cached"])
def test_a_duplicate_key_names_both_lines(root: Path, loader: object) -> None:
    path = root / PROCESS
    path.write_text(path.read_text().replace("    accountable: pcc\n", "    accountable: pcc\n    accountable: cc\n", 1))
    with pytest.raises(ModelLoadError) as caught:
        loader(root)  # type: ignore[operator]
    (issue,) = caught.value.issues
    first, second = _line(path, "accountable: pcc"), _line(path, "accountable: cc")
    assert str(issue) == (
        f"{path.as_posix()}:{second}:5: expected each key once in a mapping, found 'accountable' again "
        f"(first at line {first}, again at line {second}); keep one"
    )


def test_a_duplicate_in_a_flow_mapping_and_beside_a_merge_key(root: Path) -> None:
    roles = root / "processes/roles.yaml"
    roles.write_text(roles.read_text().replace("{id: cc, name: Chief Constable,", "{id: cc, id: cc2, name: Chief Constable,"))
    with pytest.raises(ModelLoadError, match=r"roles.yaml:5:\d+: expected each key once in a mapping, found 'id' again"):
        opcc_model.load(root)
    roles.write_text("base: &b {side: partner}\n" + roles.read_text().replace("{id: cc, id: cc2,", "{<<: *b, id: cc, id: cc2,"))
    with pytest.raises(ModelLoadError, match="found 'id' again"):
        opcc_model.load(root)


def test_a_merge_key_may_override_what_it_merges(root: Path) -> None:
    from opcc_model.yamlsource import parse_text

    assert parse_text("b: &x {c: 1}\nd:\n  <<: *x\n  c: 2\n", "f.yaml") == {"b": {"c": 1}, "d": {"c": 2}}
