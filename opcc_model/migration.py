"""``opcc migrate``: bring a model's files to the current format, keeping their comments and layout.

Each kind of file with a ``format:`` key has its migrations here, one per version step
(:data:`MIGRATIONS`). A migration edits the file's text (not a re-dump), so comments, order
and flow style survive; every migrated file is validated again before anything is written,
and either every file is written or none is.

>>> text = 'area: a\\nname: A\\njurisdiction: england\\nallocations:\\n  - {pag: "2", holder: chief-constable, delegated_by: commissioner}\\n'
>>> print(boundary_1_to_2(text, "a.yaml", "commissioner"), end="")
format: 2
area: a
name: A
jurisdiction: england
allocations:
  - {pag: "2", holder: chief-constable, relation: consent, consent_by: commissioner}
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from opcc_model.atomic import write_text
from opcc_model.boundary import Boundary
from opcc_model.documents import model_files
from opcc_model.errors import LoadIssue, ModelLoadError
from opcc_model.location import Location
from opcc_model.scheme import FORMAT
from opcc_model.yamlsource import MarkedDocument, YamlFileError, parse_text, read_file

__all__ = ["Migration", "MIGRATIONS", "MigratedFile", "boundary_1_to_2", "plan_migration", "migrate"]

Migration = Callable[[str, str, str], str]
"""``(text, file name, commissioner principal id) -> new text`` for one version step."""


class MigrationError(ModelLoadError):
    """A file that cannot be migrated (its problems are located)."""

    what = "the migration"


def _format_line(text: str) -> str:
    """Put ``format: 2`` before the first top-level key, after the leading comments."""
    lines = text.splitlines(keepends=True)
    at = next((i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), len(lines))
    lines.insert(at, f"format: {FORMAT}\n")
    return "".join(lines)


def boundary_1_to_2(text: str, file: str, principal: str) -> str:
    """Format 1 → 2: ``delegated_by: commissioner`` on a chief-constable line becomes a consent.

    The local policing body's arrangements with the Chief Constable are consents (LAW.md §1:
    the Chief Constable and force staff appear to be within PRSR 2011 s.18(6)), so the line
    says ``relation: consent, consent_by: <principal>``. Other uses of ``delegated_by`` cannot
    be read as anything the law allows and are refused, located.
    """
    marked = MarkedDocument.from_text(text, file)
    data = Boundary.model_validate(_plain(text, file))
    edits: list[tuple[int, int, str]] = []
    for index, allocation in enumerate(data.allocations):
        if allocation.delegated_by is None:
            continue
        path = ("allocations", index, "delegated_by")
        key, value = marked.node_at(path, key=True), marked.node_at(path)
        if key is None or value is None:
            raise MigrationError([LoadIssue(Location(file, 1, 1), "cannot find the delegated_by key to rewrite")])
        if not (allocation.delegated_by == "commissioner" and allocation.holder == "chief-constable"):
            raise MigrationError(
                [
                    LoadIssue(
                        Location(file, key.start_mark.line + 1, key.start_mark.column + 1),
                        f"delegated_by: expected 'commissioner' on a chief-constable line (read as a consent), "
                        f"found delegated_by '{allocation.delegated_by}' on holder '{allocation.holder}': "
                        "write it by hand as a delegation (delegations:) or a consent",
                    )
                ]
            )
        start, end = key.start_mark.index, value.end_mark.index
        line_start = text.rfind("\n", 0, start) + 1
        in_flow = text.count("{", line_start, start) > text.count("}", line_start, start)
        glue = ", " if in_flow else "\n" + " " * (start - line_start)
        edits.append((start, end, f"relation: consent{glue}consent_by: {principal}"))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    parsed = _plain(text, file)
    return text if isinstance(parsed, dict) and "format" in parsed else _format_line(text)


def _plain(text: str, file: str) -> object:
    try:
        return parse_text(text, file)
    except YamlFileError as exc:
        raise MigrationError([exc.issue]) from None


MIGRATIONS: dict[str, dict[int, Migration]] = {"boundary": {1: boundary_1_to_2}}
"""For each kind of file, the migration from each old version to the next."""


@dataclass(frozen=True)
class MigratedFile:
    """One file that a migration changes: its path, the versions and the new text."""

    path: Path
    shown: str
    before: int
    after: int
    text: str


def plan_migration(root: str | os.PathLike[str], /) -> list[MigratedFile]:
    """Every file of the model at ``root`` that is not in the current format, with its migrated text.

    Raises :class:`MigrationError` (located problems) when a file cannot be read or migrated;
    nothing is written.
    """
    base = os.fspath(root)
    principal = "commissioner"  # the commissioner side's principal, whatever its role id (it survives renames)
    changes: list[MigratedFile] = []
    issues: list[LoadIssue] = []
    for kind, relative in model_files(base):
        steps = MIGRATIONS.get(kind)
        if not steps:
            continue
        shown = relative if base in ("", ".") else f"{base.rstrip('/')}/{relative}"
        try:
            text, data = read_file(os.path.join(base, relative), shown)
        except YamlFileError as exc:
            issues.append(exc.issue)
            continue
        version = data.get("format", 1) if isinstance(data, dict) else 1
        if not isinstance(version, int):
            continue
        # a current file still using the old key (accepted with OPCC-S110) gets the last step again
        stale = version >= FORMAT and kind == "boundary" and "delegated_by" in text
        if version >= FORMAT and not stale:
            continue
        new = text
        try:
            for step in range(min(version, FORMAT - 1), FORMAT):
                new = steps[step](new, shown, principal)
            Boundary.model_validate(_plain(new, shown))
        except MigrationError as exc:
            issues.extend(exc.issues)
            continue
        except ValidationError as exc:
            issues.append(LoadIssue(Location(shown, 1, 1), f"the file is not valid before or after migrating: {exc.errors()[0]['msg']}"))
            continue
        changes.append(MigratedFile(Path(base) / relative, shown, version, FORMAT, new))
    if issues:
        raise MigrationError(issues)
    return changes


def migrate(root: str | os.PathLike[str], /, *, check: bool = False) -> list[MigratedFile]:
    """Migrate every old-format file of the model at ``root`` (with ``check``, only say which).

    All files are migrated in memory and validated first; then each is written atomically.
    """
    changes = plan_migration(root)
    if not check:
        for change in changes:
            write_text(change.path, change.text)
    return changes
