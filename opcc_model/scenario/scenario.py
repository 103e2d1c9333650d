"""A scenario: a named, sourced list of operations, read from YAML with every line remembered.

>>> s = Scenario(name="empty")
>>> s.operations, str(s.locate(0, "area"))
((), '<scenario>:1:1')
"""

from __future__ import annotations

import os
from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr, ValidationError

from opcc_model.diagnostics import describe
from opcc_model.errors import LoadIssue
from opcc_model.location import Location
from opcc_model.scenario.errors import ScenarioLoadError
from opcc_model.scenario.ops import OPERATION_TYPES, Operation
from opcc_model.yamlsource import MarkedDocument, YamlFileError, parse_text, read_file
from opcc_model.suggest import did_you_mean

__all__ = ["Scenario", "read_scenario", "parse_scenario"]


class Scenario(BaseModel):
    """What a scenario file holds: ``name``, ``description``, ``basis`` and ``operations`` in order."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    name: str
    """The scenario's title."""
    description: str | None = None
    """What the scenario changes and why."""
    basis: tuple[str, ...] = ()
    """The sources of the change it simulates (such as a government announcement)."""
    operations: tuple[Operation, ...] = ()
    """The operations, applied in order; see docs/scenarios.md."""

    _source: MarkedDocument | None = PrivateAttr(default=None)

    def locate(self, index: int, /, *fields: str | int) -> Location:
        """Where operation ``index`` (or a key inside it) was written; ``<scenario>:1:1`` if unknown."""
        if self._source is None:
            return Location("<scenario>", 1, 1)
        return self._source.locate(("operations", index, *fields))

    @property
    def file(self) -> str:
        """The file name the scenario was read from, or ``<scenario>``."""
        return self._source.file if self._source is not None else "<scenario>"


_BY_TAG: dict[str, type[BaseModel]] = {t.model_fields["op"].default: t for t in OPERATION_TYPES}


def _issues(exc: ValidationError, kind: type[BaseModel], marked: MarkedDocument, prefix: tuple[str | int, ...], label: str) -> list[LoadIssue]:
    return [
        LoadIssue(marked.locate(prefix + path, key=on_key), f"{label}{message}")
        for path, message, on_key in describe(exc, kind)
    ]


def _operations(data: Any, marked: MarkedDocument) -> tuple[list[Any], list[LoadIssue]]:
    """Validate each operation with its own type, so messages name that type's keys."""
    ops: list[Any] = []
    issues: list[LoadIssue] = []
    if not isinstance(data, list):
        found = "nothing (null)" if data is None else type(data).__name__
        return ops, [LoadIssue(marked.locate(("operations",)), f"operations: expected a list of operations, found {found}")]
    tags = ", ".join(repr(tag) for tag in _BY_TAG)
    for index, item in enumerate(data):
        where = ("operations", index)
        tag = item.get("op") if isinstance(item, dict) else None
        kind = _BY_TAG.get(tag) if isinstance(tag, str) else None
        if kind is None:
            found = "no 'op' key" if not isinstance(item, dict) or "op" not in item else f"op: {tag!r}"
            hint = did_you_mean(str(tag), _BY_TAG)
            hint = f" ({hint})" if hint else ""
            issues.append(LoadIssue(marked.locate(where + ("op",)), f"operations[{index}]: expected op one of {tags}, found {found}{hint}"))
            continue
        try:
            ops.append(kind.model_validate(item))
        except ValidationError as exc:
            issues.extend(_issues(exc, kind, marked, where, f"operations[{index}] ({tag}): "))
    return ops, issues


def _validate(text: str, data: Any, shown: str) -> Scenario:
    marked = MarkedDocument.from_text(text, shown)
    if not isinstance(data, dict):
        found = "an empty file" if data is None else "a " + type(data).__name__
        raise ScenarioLoadError(
            [LoadIssue(Location(shown, 1, 1), f"expected a mapping with the keys name, description, basis, operations; found {found}")]
        )
    head = {key: value for key, value in data.items() if key != "operations"}
    issues: list[LoadIssue] = []
    try:
        Scenario.model_validate(head)
    except ValidationError as exc:
        issues.extend(_issues(exc, Scenario, marked, (), ""))
    ops, op_issues = _operations(data.get("operations", []), marked)
    issues.extend(op_issues)
    if issues:
        raise ScenarioLoadError(issues)
    scenario = Scenario.model_validate({**head, "operations": ops})
    scenario._source = marked
    return scenario


def parse_scenario(text: str, file: str = "<scenario>") -> Scenario:
    """Read a scenario from YAML text (``file`` names it in messages).

    >>> parse_scenario("name: x\\noperations:\\n  - {op: remove-activity, activity: a}\\n").operations[0].activity
    'a'
    >>> parse_scenario("name: x\\noperations:\\n  - {op: move-alocation}\\n", "s.yaml")
    Traceback (most recent call last):
    ...
    opcc_model.scenario.errors.ScenarioLoadError: 1 error reading the scenario:
    s.yaml:3:10: operations[0]: expected op one of 'move-allocation', 'amend-scheme', 'reassign', 'replace-role', 'add-process', 'remove-process', 'replace-process', 'add-activity', 'remove-activity', 'replace-activity', 'merge-areas', found op: 'move-alocation' (did you mean 'move-allocation'?)
    """
    try:
        data = parse_text(text, file)
    except YamlFileError as exc:
        raise ScenarioLoadError([exc.issue]) from None
    return _validate(text, data, file)


def read_scenario(path: str | os.PathLike[str], /) -> Scenario:
    """Read the scenario file at ``path``; raise :class:`ScenarioLoadError` with ``file:line:col``."""
    shown = os.fspath(path).replace(os.sep, "/")
    try:
        text, data = read_file(path, shown)
    except YamlFileError as exc:
        raise ScenarioLoadError([exc.issue]) from None
    return _validate(text, data, shown)
