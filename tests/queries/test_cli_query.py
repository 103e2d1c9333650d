"""``opcc query`` in-process: each question, each format, and the exit statuses."""

from __future__ import annotations

import json

import pytest

import opcc_model
from opcc_model.cli import main

ROOT = str(opcc_model.example_root("minimal"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["query", *argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    "argv",
    [
        ["upstream", ROOT, "agree-outcomes"],
        ["downstream", ROOT, "identify-stakeholders"],
        ["path", ROOT, "identify-stakeholders", "agree-outcomes"],
        ["handoffs", ROOT],
        ["handoffs", ROOT, "--area", "example-area"],
        ["impact", ROOT, "pcc"],
        ["coverage", ROOT, "--area", "example-area"],
    ],
)
@pytest.mark.parametrize("fmt", ["text", "csv", "json"])
def test_every_question_prints_a_table_in_every_format(capsys: pytest.CaptureFixture[str], argv: list[str], fmt: str) -> None:
    status, out, err = run(capsys, *argv, "--format", fmt)
    assert status == 0 and err == ""
    if fmt == "json":
        assert isinstance(json.loads(out), list)
    else:
        lines = out.splitlines()
        if argv[0] == "handoffs" and fmt == "text":  # a sentence of counts by kind leads
            assert lines[0].endswith("with partners.") and lines[1] == ""
            lines = lines[2:]
        assert lines[0].split("," if fmt == "csv" else None)[0] in {"activity", "step", "kind", "effect", "code"}


def test_text_table_of_upstream(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "upstream", ROOT, "agree-outcomes")
    assert out.splitlines()[2].split() == ["identify-stakeholders", "Identify", "stakeholders", "conduct-stakeholder-analysis", "commissioner", "1"]


def test_no_path_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "path", ROOT, "agree-outcomes", "identify-stakeholders")
    assert status == 1 and out == "" and "no dependency path" in err


def test_unknown_ids_and_areas_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "upstream", ROOT, "nope")[0] == 2
    assert run(capsys, "coverage", ROOT, "--area", "nowhere")[0] == 2
    assert run(capsys, "coverage", ROOT)[0] == 2  # --area is required
    assert run(capsys, "teleport", ROOT)[0] == 2
