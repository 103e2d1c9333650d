"""YAML files → :class:`~opcc_model.model.Model`, with ``file:line:col`` on every error.

A model root is a folder holding ``processes/`` (``value-chain.yaml``, ``roles.yaml``,
``artifacts.yaml`` and one file per process in a folder per stage) and ``pag/``
(``glossary.yaml`` and ``boundaries/<area>.yaml``). Each file is parsed, validated
and dropped in turn; all errors of a load are collected into one
:class:`~opcc_model.errors.ModelLoadError`.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> [s.id for s in model.stages]
['engage-consult', 'develop', 'commission', 'monitor']
"""

from __future__ import annotations

import os
from typing import Any

from opcc_model import integrity
from opcc_model.diagnostics import path_text
from opcc_model.documents import CORE, assemble, model_files, shown, source_map, validate_file
from opcc_model.errors import LoadIssue, ModelLoadError, NoSuchFolder
from opcc_model.location import Location
from opcc_model.marktable import MarkTable
from opcc_model.model import Model
from opcc_model.sourcemap import SourceMap
from opcc_model.yamlsource import long_lived

__all__ = ["load", "model_files", "validate"]


def _missing(root: str, relative: str, expected: str) -> LoadIssue:
    return LoadIssue(Location(shown(root, relative), 1, 1), f"expected {expected}, found no such file or folder")


def _locate_problem(sources: SourceMap, kind: str, key: str, fields: tuple[str | int, ...]) -> Location:
    if kind == "mandate":
        found = sources.locate("mandate:")
    elif kind == "outcome":
        found = sources.locate(f"outcome:{key}")
    elif fields[:1] == ("#",):
        found = sources.locate(f"{kind}:{key}#{fields[1]}")
    else:
        found = sources.locate(f"{kind}:{key}", *fields)
    return found or Location(f"<{kind} {key}>" if key else f"<{kind}>", 1, 1)


_REFERS_TO = {"after": "activity", "windows": "activity", "outcomes": "activity", "parent": "process", "process": "process"}
"""The first field of an activity's or process's reference -> the kind of id it names."""


def _referenced(model: Model, kind: str, key: str, fields: tuple[str | int, ...]) -> str | None:
    """The id that the field ``fields`` of ``kind`` ``key`` names (``None`` when it names none)."""
    try:
        value: Any = model.activity(key) if kind == "activity" else model.process(key) if kind == "process" else None
        for step in fields:
            value = value[step] if isinstance(step, int) else getattr(value, step)
    except (AttributeError, IndexError, KeyError, TypeError):
        return None
    return value if isinstance(value, str) else None


def _follows_or_not(
    model: Model, lost: dict[str, Location], issue: LoadIssue, kind: str, key: str, fields: tuple[str | int, ...]
) -> LoadIssue:
    """``issue`` itself, or, when it names an id declared in a file that did not load, a plain
    message marked as following from that file's first problem (no misleading "did you mean")."""
    named = _referenced(model, kind, key, fields) if fields and fields[0] in _REFERS_TO else None
    cause = lost.get(f"{_REFERS_TO[str(fields[0])]}:{named}") if named is not None else None
    if cause is None:
        return issue
    message = f"{path_text(fields)}: '{named}' is declared in {cause.file}, which did not load"
    return LoadIssue(issue.location, message, cause)


def load(path: str | os.PathLike[str], /) -> Model:
    """Load the model whose root folder is ``path``.

    Raises :class:`~opcc_model.errors.ModelLoadError` listing every problem found,
    each with its file, line and column.

    >>> import opcc_model
    >>> model = load(opcc_model.example_root("minimal"))
    >>> model.activity("identify-stakeholders").accountable
    'pcc'
    >>> str(model.location_of("activity", "identify-stakeholders")).endswith("conduct-stakeholder-analysis.yaml:10:5")
    True
    >>> load("no/such/folder")
    Traceback (most recent call last):
    ...
    opcc_model.errors.NoSuchFolder: no such folder: no/such/folder
    """
    root = os.fspath(path)
    if not os.path.isdir(root):
        raise NoSuchFolder(root, exists=os.path.exists(root))
    if not os.path.isdir(os.path.join(root, "processes")):
        expected = "a folder processes/ holding value-chain.yaml, roles.yaml, artifacts.yaml and the processes"
        raise ModelLoadError([_missing(root, "processes", expected)])
    with long_lived():  # the load makes many objects and no cycles (the floor it is measured against pauses it too)
        return _load(root)


def _load(root: str) -> Model:
    issues: list[LoadIssue] = []
    files = model_files(root)
    present = {relative for _, relative in files}
    loaded: dict[str, tuple[str, Any]] = {}
    marks: dict[str, MarkTable] = {}  # line and column recorded while parsing, to locate findings
    lost: dict[str, Location] = {}  # "activity:id" declared in a file that failed -> that file's first problem
    for kind, relative in CORE.items():  # core files first, so their problems are listed first
        if relative not in present:
            issues.append(_missing(root, relative, f"the {kind} file {relative}"))
            continue
        document = validate_file(root, relative, kind, issues, marks=marks)
        if document is not None:
            loaded[relative] = (kind, document)
    for kind, relative in files:
        if kind in CORE:
            continue
        document = validate_file(root, relative, kind, issues, marks=marks, lost=lost)
        if document is not None:
            loaded[relative] = (kind, document)
    if any(relative not in loaded for relative in CORE.values()):
        raise ModelLoadError(issues)
    model = assemble(loaded)
    recorded = ((relative, kind, doc) for relative, (kind, doc) in loaded.items())
    sources = source_map(root, recorded, marks=marks, lazy=True)  # entries recorded when first asked
    issues += _integrity_issues(model, sources, lost)
    if issues:
        raise ModelLoadError(issues)
    return model.with_locations(sources)


def _integrity_issues(model: Model, sources: SourceMap, lost: dict[str, Location] | None = None) -> list[LoadIssue]:
    """The integrity problems as located issues; with ``lost`` (ids of files that did not load),
    a problem that only follows from such a file is marked as following from it."""
    return [
        _follows_or_not(model, lost or {}, LoadIssue(_locate_problem(sources, kind, key, fields), message), kind, key, fields)
        for (kind, key, fields), message in integrity.check(model, where=lambda kind, key: sources.locate(f"{kind}:{key}"))
    ]


def validate(model: Model, /) -> Model:
    """Check a model (built in code, or changed) as :func:`load` checks one read from files; return it.

    Raises :class:`~opcc_model.errors.ModelLoadError` with the loader's messages, located
    where the model knows its sources (for a model built in code, ``<KIND ID>:1:1`` names the thing).

    >>> from opcc_model.model import Activity, Artifact, Model, Process, Role, Stage
    >>> model = Model(mandate="m", stages=(Stage(id="s", name="S"),), artifacts=(Artifact(id="m", name="M"),),
    ...     roles=(Role(id="pcc", name="PCC", side="commissioner"),),
    ...     processes=(Process(id="p", name="P", stage="s", activities=(Activity(id="a", name="A", accountable="pcc", after=("gone",)),)),))
    >>> validate(model)
    Traceback (most recent call last):
    ...
    opcc_model.errors.ModelLoadError: 1 error loading the model:
    <activity a>:1:1: after: expected a declared activity id, found 'gone' (declare it in a process file)
    """
    sources = model.locations if isinstance(model.locations, SourceMap) else SourceMap()
    issues = _integrity_issues(model, sources)
    if issues:
        raise ModelLoadError(issues)
    return model
