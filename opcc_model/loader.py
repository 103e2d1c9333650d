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
from opcc_model.documents import CORE, assemble, model_files, shown, source_map, validate_file
from opcc_model.errors import LoadIssue, ModelLoadError, NoSuchFolder
from opcc_model.location import Location
from opcc_model.marktable import MarkTable
from opcc_model.model import Model
from opcc_model.sourcemap import SourceMap
from opcc_model.yamlsource import paused_gc

__all__ = ["load", "model_files"]


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
    return found or Location("<model>", 1, 1)


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
    with paused_gc():  # the load makes many objects and no cycles (the floor it is measured against pauses it too)
        return _load(root)


def _load(root: str) -> Model:
    issues: list[LoadIssue] = []
    files = model_files(root)
    present = {relative for _, relative in files}
    loaded: dict[str, tuple[str, Any]] = {}
    marks: dict[str, MarkTable] = {}  # line and column recorded while parsing, to locate findings
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
        document = validate_file(root, relative, kind, issues, marks=marks)
        if document is not None:
            loaded[relative] = (kind, document)
    if any(relative not in loaded for relative in CORE.values()):
        raise ModelLoadError(issues)
    model = assemble(loaded)
    recorded = ((relative, kind, doc) for relative, (kind, doc) in loaded.items())
    sources = source_map(root, recorded, marks=marks, lazy=True)  # entries recorded when first asked
    for (kind, key, fields), message in integrity.check(
        model, where=lambda kind, key: sources.locate(f"{kind}:{key}")
    ):
        issues.append(LoadIssue(_locate_problem(sources, kind, key, fields), message))
    if issues:
        raise ModelLoadError(issues)
    return model.with_locations(sources)
