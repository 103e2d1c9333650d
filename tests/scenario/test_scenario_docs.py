"""docs/scenarios.md's mayoral walk-through is what ``opcc scenario`` prints on the reference model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from opcc_model.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _walkthrough() -> tuple[list[str], str]:
    """The command of the walk-through's report block and its printed lines (without the ``...`` elisions)."""
    text = (ROOT / "docs" / "scenarios.md").read_text(encoding="utf-8")
    block = re.search(r"```\n\$ (opcc scenario scenarios/mayoral-model\.yaml \.)\n(.*?)```", text, re.S)
    assert block is not None, "docs/scenarios.md lost its mayoral walk-through"
    return block.group(1).split()[1:], block.group(2)


def test_the_mayoral_walkthrough_prints_what_the_docs_show(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    argv, shown = _walkthrough()
    monkeypatch.chdir(ROOT)
    assert main(argv) == 0
    printed = capsys.readouterr().out.splitlines()
    lines = [line for line in shown.splitlines() if line.strip() and line != "..."]
    assert len(lines) > 10
    missing = [line for line in lines if line not in printed]
    assert not missing, f"docs/scenarios.md shows lines opcc scenario no longer prints: {missing}"
    assert [printed.index(line) for line in lines] == sorted(printed.index(line) for line in lines)
