"""The render progress bar (issue 16 item 9): the minimal hand-written one (no rich or tqdm dependency),
drawn only on an interactive terminal outside CI, and ending complete."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import main, render


def test_the_bar_counts_every_diagram_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(render, "_interactive", lambda: True)
    assert main(["render", str(opcc_model.example_root("minimal")), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    steps = re.findall(r"\rrendering \[([#.]{30})\] (\d+)/(\d+)", err)
    assert steps, err
    totals = {int(total) for _, _, total in steps}
    assert len(totals) == 1 and int(steps[-1][1]) == totals.pop() and steps[-1][0] == "#" * 30
    assert [int(done) for _, done, _ in steps] == sorted(int(done) for _, done, _ in steps)


def test_no_bar_in_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CI", "true")
    assert main(["render", str(opcc_model.example_root("minimal")), "--out", str(tmp_path / "out")]) == 0
    assert "rendering [" not in capsys.readouterr().err
