"""opcc.toml settings, and docs/findings.md generated from the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from opcc_model.config import Settings, load_settings
from opcc_model.errors import ModelLoadError
from opcc_model.findings import RULES
from opcc_model.queries.docs import findings_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "findings.md"


def test_settings_read_severity_overrides(tmp_path: Path) -> None:
    (tmp_path / "opcc.toml").write_text('[severity]\n"OPCC-G105" = "info"\n"OPCC-D101" = "warning"\n')
    settings = load_settings(tmp_path)
    assert settings == Settings(severity={"OPCC-D101": "warning", "OPCC-G105": "info"})
    assert settings.severity_of("OPCC-G101", "error") == "error"


@pytest.mark.parametrize(
    ("text", "where", "expected"),
    [
        ('[severity]\n"OPCC-G101" = "fatal"\n', ":2:1:", "expected a severity (error, warning, info), found 'fatal'"),
        ('[severity]\n"OPCC-X1" = "info"\n', ":2:1:", "expected a finding code (OPCC-D101, OPCC-D102"),
        ("[severty]\n", ":1:1:", "expected the table [severity], found [severty]"),
        ('[severity\n"a" = 1\n', ":1:", "expected TOML"),
    ],
)
def test_bad_settings_are_located_load_errors(tmp_path: Path, text: str, where: str, expected: str) -> None:
    (tmp_path / "opcc.toml").write_text(text)
    with pytest.raises(ModelLoadError) as caught:
        load_settings(tmp_path)
    message = str(caught.value.issues[0])
    assert f"opcc.toml{where}" in message and expected in message


def test_docs_findings_md_is_generated_from_the_rules() -> None:
    assert DOCS.read_text(encoding="utf-8") == findings_markdown(), "run: python -c 'from opcc_model.queries.docs import findings_markdown; open(\"docs/findings.md\", \"w\").write(findings_markdown())'"


def test_every_code_is_documented_with_when_why_fix_and_example() -> None:
    import opcc_model.queries  # noqa: F401

    families = {"G": range(101, 106), "O": range(101, 105), "D": range(101, 105), "P": range(101, 106), "L": range(101, 108), "S": range(101, 111)}
    expected = {f"OPCC-{family}{number}" for family, numbers in families.items() for number in numbers}
    assert expected <= set(RULES), sorted(expected - set(RULES))
    for code, registered in RULES.items():
        assert "Fires" in registered.doc and "Fix" in registered.doc and "Example" in registered.doc, code
        assert "matters" in registered.doc or "information" in registered.doc, code
