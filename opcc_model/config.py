"""Project settings from ``opcc.toml`` at a model's root: severity overrides per finding code.

>>> import pathlib, tempfile
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "opcc.toml").write_text('[severity]\\n"OPCC-D101" = "warning"\\n')
>>> load_settings(root).severity_of("OPCC-D101", "info")
'warning'
>>> load_settings(tempfile.mkdtemp()) == Settings()
True
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, field_validator

from opcc_model.errors import LoadIssue, ModelLoadError
from opcc_model.findings import SEVERITIES, Severity
from opcc_model.location import Location
from opcc_model.yamlsource import YamlFileError, read_bytes

__all__ = ["SETTINGS_FILE", "Settings", "load_settings"]

SETTINGS_FILE = "opcc.toml"
"""The settings file, at the model's root."""


class Settings(BaseModel):
    """Settings of one model: ``severity`` holds ``(finding code, severity)`` overrides, sorted.

    >>> Settings(severity={"OPCC-D101": "warning"}).severity
    (('OPCC-D101', 'warning'),)
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    severity: tuple[tuple[str, Severity], ...] = ()

    @field_validator("severity", mode="before")
    @classmethod
    def _pairs(cls, value: Any) -> Any:
        items = value.items() if isinstance(value, Mapping) else value
        return tuple(sorted(dict(items).items()))

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The severity ``code`` is reported at: its override, else ``default``."""
        return dict(self.severity).get(code, default)


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    return 1


def load_settings(root: str | os.PathLike[str], /) -> Settings:
    """Read ``opcc.toml`` at ``root`` (default settings when there is none).

    Raises :class:`~opcc_model.errors.ModelLoadError` with ``file:line:col`` for a file
    that is not TOML, an unknown table, an unknown finding code or an unknown severity.
    """
    from opcc_model.findings import RULES
    import opcc_model.queries  # noqa: F401  (registers every finding code)

    path = Path(root) / SETTINGS_FILE
    if not os.path.lexists(path):
        return Settings()
    shown = path.as_posix()
    try:  # like a model file: a regular file inside the model folder, bounded
        text = read_bytes(path, shown, inside=root).decode("utf-8")
    except YamlFileError as exc:
        raise ModelLoadError([exc.issue]) from None
    except UnicodeDecodeError:
        raise ModelLoadError([LoadIssue(Location(shown, 1, 1), "expected UTF-8 text, found bytes that are not UTF-8")]) from None
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+), column (\d+)", str(exc))
        where = Location(shown, int(found[1]), int(found[2])) if found else Location(shown, 1, 1)
        raise ModelLoadError([LoadIssue(where, f"expected TOML, found an error: {exc}")]) from None
    issues: list[LoadIssue] = []
    for table in data:
        if table != "severity":
            issues.append(
                LoadIssue(Location(shown, _line_of(text, table), 1), f"expected the table [severity], found [{table}]")
            )
    overrides = data.get("severity", {})
    if not isinstance(overrides, dict):
        overrides = {}
        issues.append(LoadIssue(Location(shown, _line_of(text, "severity"), 1), "expected a table [severity]"))
    codes = ", ".join(sorted(RULES))
    for code, severity in overrides.items():
        where = Location(shown, _line_of(text, code), 1)
        if code not in RULES:
            issues.append(LoadIssue(where, f"expected a finding code ({codes}), found {code!r}"))
        elif severity not in SEVERITIES:
            issues.append(
                LoadIssue(where, f"{code}: expected a severity ({', '.join(SEVERITIES)}), found {severity!r}")
            )
    if issues:
        raise ModelLoadError(issues)
    return Settings.model_validate({"severity": overrides})
