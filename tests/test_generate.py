"""The synthetic model generator: deterministic from its seed, and a valid model."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import opcc_model
from bench.generate import generate


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.yaml"))}


@settings(max_examples=5, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_same_seed_gives_the_same_bytes(tmp_path_factory, seed):
    a, b = tmp_path_factory.mktemp("a"), tmp_path_factory.mktemp("b")
    generate(a, areas=2, activities=30, seed=seed)
    generate(b, areas=2, activities=30, seed=seed)
    assert _files(a) == _files(b)


def test_a_different_seed_gives_different_files(tmp_path):
    generate(tmp_path / "a", areas=2, activities=30, seed=1)
    generate(tmp_path / "b", areas=2, activities=30, seed=2)
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a.keys() == b.keys()
    assert a != b


def test_the_generated_model_loads_with_its_sizes(tmp_path):
    counts = generate(tmp_path, areas=3, activities=60, seed=7, per_process=25)
    model = opcc_model.load(tmp_path)
    assert len(model.activities) == counts["activities"] == 180
    assert [b.area for b in model.boundaries] == ["avon-and-somerset", "bedfordshire", "cambridgeshire"]
    assert len(model.processes) == 3 * 3  # 25 + 25 + 10 per area
    leaves = {c.code for c in model.codes} - {c.parent for c in model.codes}
    assert len(leaves) == 1500 and max(c.level for c in model.codes) == 4


def test_generating_again_replaces_the_old_model(tmp_path):
    generate(tmp_path, areas=3, activities=30, seed=1)
    generate(tmp_path, areas=1, activities=30, seed=1)
    assert len(opcc_model.load(tmp_path).boundaries) == 1


def test_the_command_line_writes_the_model(tmp_path, capsys):
    from bench.generate import main

    assert main(["--areas", "1", "--activities", "20", "--seed", "4", "--out", str(tmp_path)]) == 0
    assert "activities 20" in capsys.readouterr().out
    assert len(opcc_model.load(tmp_path).activities) == 20
