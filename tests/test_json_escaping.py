"""JSON outputs never carry a raw control character (issue 15, control characters, JSON writers).

Every JSON ``opcc`` writes goes through :func:`opcc_model.terminal.json_text`: C0 controls
are escaped by JSON itself; DEL, the C1 controls, the line and paragraph separators and the
bidirectional controls are written ``\\uNNNN``. Decoding gives the text back unchanged.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import opcc_model
from opcc_model.cli import main
from opcc_model import Finding, FindingList
from opcc_model.queries.table import QueryResult
from opcc_model.terminal import UNSAFE, json_text
from tests.editing import copy_minimal, edit

PROCESS = "processes/engage-consult/conduct-stakeholder-analysis.yaml"
HOSTILE = "\\x85\\x9b[31m\\u202eevil\\u2066\\L\\x7f\\e\\a"
"""YAML double-quoted escapes: NEL and CSI (C1), RLO and LRI (bidi), LINE SEPARATOR, DEL, ESC, BEL."""
DECODED = "\x85\x9b[31m\u202eevil\u2066\u2028\x7f\x1b\x07"

PACKAGE = Path(opcc_model.__file__).parent


def _raw(text: str) -> list[str]:
    """Unsafe characters written raw (a JSON document's own line breaks are layout, not content)."""
    return [hex(ord(c)) for c in text if UNSAFE.match(c) and c != "\n"]


hostile = st.text(alphabet=st.characters(codec="utf-8"))


@given(st.recursive(hostile | st.integers() | st.none(), lambda inner: st.lists(inner) | st.dictionaries(hostile, inner), max_leaves=8))
def test_json_text_escapes_every_control_and_round_trips(value: object) -> None:
    text = json_text(value)
    assert not _raw(text)
    assert json.loads(text) == value


@given(hostile, hostile)
def test_result_and_findings_json_escape_hostile_cells(cell: str, message: str) -> None:
    table = QueryResult(title=cell, columns=("a", "b"), rows=((cell, (cell,)),))
    assert not _raw(table.to_json()) and json.loads(table.to_json()) == [{"a": cell, "b": [cell]}]
    from opcc_model.cli.check import to_json

    found = FindingList([Finding(code="OPCC-D101", severity="info", subject=(cell,), message=message)])
    assert not _raw(to_json(found)) and json.loads(to_json(found))[0]["message"] == message


def test_no_json_writer_bypasses_json_text() -> None:
    """Writers of JSON for users call json_text (or escape_json_controls); a ``json.dumps(...,
    ensure_ascii=False)`` call (raw controls) is only there and in the cache's own files."""
    allowed = {"terminal.py", "cache.py"}
    found = []
    for path in PACKAGE.rglob("*.py"):
        if path.name in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and any(
                k.arg == "ensure_ascii" and isinstance(k.value, ast.Constant) and k.value.value is False for k in node.keywords
            ):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []


@pytest.fixture
def hostile_pair(tmp_path: Path) -> tuple[Path, Path]:
    before = copy_minimal(tmp_path / "before")
    after = copy_minimal(tmp_path / "after")
    edit(after, PROCESS, "basis: [PRSR 2011 s.14]", f'basis: ["PRSR 2011 s.14{HOSTILE}"]')
    edit(after, PROCESS, "guidance: |\n  Know who", f'guidance: "{HOSTILE} Know who')
    edit(after, PROCESS, "before consulting.\n", 'before consulting."\n')
    opcc_model.load(after)  # free text may hold them
    return before, after


@pytest.mark.parametrize(
    "command",
    [
        ["diff", "{before}", "{after}", "--format", "json"],
        ["check", "{after}", "--format", "json", "--min-severity", "info"],
        ["query", "impact", "{after}", "pcc", "--format", "json"],
        ["calendar", "{after}", "--format", "json"],
    ],
)
def test_cli_json_outputs_hold_no_raw_control(hostile_pair: tuple[Path, Path], command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    before, after = hostile_pair
    status = main([part.format(before=before, after=after) for part in command])
    out = capsys.readouterr().out
    assert status in (0, 1) and out
    assert not _raw(out), _raw(out)
    decoded = json.loads(out)
    if command[0] == "diff":
        assert any(DECODED in str(change.get("after")) for change in decoded)  # the text is all there, escaped
