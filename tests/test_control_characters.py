"""Control characters never reach a terminal, a CI log or a page (issue 15, item 8).

In ids and names they are a located load error; in free text (basis, guidance,
descriptions) every text output escapes them and defuses GitHub workflow commands.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import opcc_model
from opcc_model.cli import main
from opcc_model.errors import ModelLoadError
from opcc_model.render.site import build_site
from opcc_model.terminal import UNSAFE, safe_text
from tests.editing import copy_minimal, edit, line_of

PROCESS = "processes/engage-consult/conduct-stakeholder-analysis.yaml"
INJECTION = "\\n::error file=README.md,line=1::PWNED\\e]0;owned\\a\\0\\u202e"
"""A YAML double-quoted escape sequence: a line break, a workflow command, ESC, BEL, NUL, RLO."""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_minimal(tmp_path)


def _raw_controls(text: str) -> list[str]:
    return [hex(ord(c)) for c in text if UNSAFE.match(c) and c not in "\n\t"]


def _command_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.lstrip().startswith("::") or "##[" in line]


@pytest.mark.parametrize(
    ("relative", "old", "new"),
    [
        (PROCESS, "name: Identify stakeholders", f'name: "Identify{INJECTION}"'),
        ("processes/roles.yaml", "name: Chief Constable", 'name: "Chief \\u202eConstable"'),
        ("processes/roles.yaml", "name: Chief Constable", 'name: "Chief \\x9bConstable"'),
        ("processes/roles.yaml", "name: Chief Constable", 'name: "Chief \\x7fConstable"'),
    ],
)
def test_a_control_character_in_a_name_is_a_located_error(root: Path, relative: str, old: str, new: str) -> None:
    edit(root, relative, old, new)
    with pytest.raises(ModelLoadError) as caught:
        opcc_model.load(root)
    (issue,) = caught.value.issues
    assert str(issue.location).startswith(f"{(root / relative).as_posix()}:{line_of(root, relative, new[:12])}:")
    assert "expected a name without control characters" in issue.message


def test_a_name_of_100000_characters_is_refused(root: Path) -> None:
    edit(root, "processes/roles.yaml", "name: Chief Constable", "name: " + "C" * 100_000)
    with pytest.raises(ModelLoadError, match="expected a name of at most 300 characters, found 100,000"):
        opcc_model.load(root)


def test_validate_prints_no_workflow_command(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(root, PROCESS, "name: Identify stakeholders", f'name: "Identify{INJECTION}"')
    assert main(["validate", str(root)]) == 2
    err = capsys.readouterr().err
    assert not _command_lines(err) and not _raw_controls(err), err


@pytest.fixture
def hostile_text(root: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Two models: the minimal one, and one whose basis and guidance carry an injection."""
    before = copy_minimal(tmp_path / "before")
    edit(root, PROCESS, "basis: [PRSR 2011 s.14]", f'basis: ["PRSR 2011 s.14{INJECTION}"]')
    edit(root, PROCESS, "guidance: |\n  Know who", f'guidance: "{INJECTION} Know who')
    edit(root, PROCESS, "before consulting.\n", 'before consulting."\n')
    opcc_model.load(root)  # free text may hold them: it is escaped where it is shown
    return before, root


@pytest.mark.parametrize("command", [["diff", "{before}", "{after}"], ["check", "{after}"], ["query", "impact", "{after}", "pcc"]])
def test_text_outputs_escape_free_text(hostile_text: tuple[Path, Path], command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    before, after = hostile_text
    main([part.format(before=before, after=after) for part in command])
    captured = capsys.readouterr()
    for stream in (captured.out, captured.err):
        assert not _command_lines(stream), stream
        assert not _raw_controls(stream), stream


def test_diff_shows_the_escaped_text(hostile_text: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    before, after = hostile_text
    assert main(["diff", str(before), str(after), "-v"]) == 0  # the changed text is listed with -v
    assert "PWNED\\x1b]0;owned\\x07\\x00\\u202e" in capsys.readouterr().out


def test_site_pages_hold_no_control_characters(hostile_text: tuple[Path, Path], tmp_path: Path) -> None:
    _, after = hostile_text
    out = tmp_path / "site"
    build_site(opcc_model.load(after), out)
    pages = list(out.rglob("*.html"))
    assert pages
    shown = False
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not _raw_controls(text), (page.name, _raw_controls(text))
        shown = shown or "PWNED\\x1b" in text
    assert shown  # the text is there, escaped


@given(st.text())
def test_safe_text_leaves_no_control_and_no_command(text: str) -> None:
    safe = safe_text(text)
    assert not _raw_controls(safe)
    assert not _command_lines(safe)
    assert safe == text or re.search(r"\\(x[0-9a-f]{2}|u[0-9a-f]{4}|:|#)", safe)
