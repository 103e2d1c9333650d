"""One model file at a time: its validated document, the source entries it declares, and assembly.

The loader's steps, cut so that a caller (the cache) can re-read one changed file only:
:func:`model_files` lists the files, :func:`validate_file` parses and validates one
(reporting its problems with ``file:line:col``), :func:`read` does the same quietly,
:func:`entries` lists the ``"kind:id"`` keys a document declares with their key paths,
:func:`source_map` records them and :func:`assemble` builds the :class:`Model`. Both
:func:`opcc_model.load` and the cache go through these, so there is one implementation.

>>> import opcc_model
>>> root = opcc_model.example_root("minimal")
>>> doc = read(root, "processes/roles.yaml", "roles")
>>> entries("roles", doc)[0]
('role:pcc', ('roles', 0))
>>> model = assemble({relative: (kind, read(root, relative, kind)) for kind, relative in model_files(root)})
>>> model == opcc_model.load(root)
True
"""

from __future__ import annotations

import os
from dataclasses import replace
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from opcc_model.diagnostics import describe
from opcc_model.errors import LoadIssue
from opcc_model.listing import CORE, LAW, model_files, shown
from opcc_model.files import FILE_KINDS
from opcc_model.location import Location
from opcc_model.marktable import MarkTable
from opcc_model.model import OWNED_DATA, Model
from opcc_model.sourcemap import SourceMap
from opcc_model.yamlsource import MarkedDocument, PathKey, YamlFileError, parse_bytes, parse_text, read_bytes

__all__ = [
    "CORE",
    "LAW",
    "Entry",
    "declared_ids",
    "follow_misspelt_keys",
    "assemble",
    "entries",
    "model_files",
    "read",
    "shown",
    "source_map",
    "validate_file",
    "validate_text",
]

Entry = tuple[str, tuple[PathKey, ...]]
"""A ``"kind:id"`` key and the key path inside its file."""

def validate_file(
    root: str,
    relative: str,
    kind: str,
    issues: list[LoadIssue] | None,
    /,
    *,
    marks: dict[str, MarkTable] | None = None,
    lost: dict[str, Location] | None = None,
    data: bytes | None = None,
) -> BaseModel | None:
    """Parse and validate the file ``relative`` as a ``kind`` document; ``None`` on any problem.

    The file is read once (or ``data`` is taken as its bytes, already read), only if it is a
    regular file inside ``root`` (see :func:`opcc_model.yamlsource.read_bytes`).

    Problems are appended to ``issues`` with their ``file:line:col`` (when it is a list).
    The file's text and parsed data are dropped before this returns. With ``marks``, the
    file's :class:`~opcc_model.marktable.MarkTable` is stored there under ``relative``
    (for :func:`source_map`: findings are then located without reading the file again).
    With ``lost``, a process file that fails records there the ids it declares (its process
    and activities) with the location of its first problem, so that references to them are
    reported as following from it (see :func:`declared_ids`).
    """
    file = shown(root, relative)
    tables: list[MarkTable | None] | None = [] if marks is not None else None

    def parse() -> tuple[str, Any]:
        raw = data if data is not None else read_bytes(os.path.join(root, relative), file, inside=root)
        return parse_bytes(raw, file, tables)

    parsed = _parsed(parse, issues)
    return None if parsed is None else _validated(file, relative, kind, *parsed, issues, tables, marks, lost)


def validate_text(
    file: str, text: str, kind: str, issues: list[LoadIssue] | None, /, *, marks: dict[str, MarkTable] | None = None
) -> BaseModel | None:
    """Like :func:`validate_file` for the text of a file (an editor's unsaved buffer) shown as ``file``.

    With ``marks``, the file's mark table is stored there under ``file``.

    >>> issues = []
    >>> validate_text("roles.yaml", "roles:\\n  - {id: pcc, name: PCC, side: commissioner}\\n", "roles", issues).roles[0].side
    'commissioner'
    >>> validate_text("roles.yaml", "roles: [\\n", "roles", issues) is None, str(issues[0]).startswith("roles.yaml:2:1:")
    (True, True)
    """
    tables: list[MarkTable | None] | None = [] if marks is not None else None
    parsed = _parsed(lambda: (text, parse_text(text, file, tables)), issues)
    return None if parsed is None else _validated(file, file, kind, *parsed, issues, tables, marks, None)


def _parsed(parse: Callable[[], tuple[str, Any]], issues: list[LoadIssue] | None) -> tuple[str, Any] | None:
    """``parse()`` (text and data), or ``None`` with its problem added to ``issues``."""
    try:
        return parse()
    except YamlFileError as exc:
        if issues is not None:
            issues.append(exc.issue)
        return None


def _validated(
    file: str, relative: str, kind: str, text: str, data: Any, issues: list[LoadIssue] | None,
    tables: list[MarkTable | None] | None, marks: dict[str, MarkTable] | None, lost: dict[str, Location] | None,
) -> BaseModel | None:
    document_type = FILE_KINDS[kind]
    if data is None:
        if issues is not None:
            keys = ", ".join(document_type.model_fields)
            issues.append(LoadIssue(Location(file, 1, 1), f"the file is empty: expected a mapping with the keys {keys}"))
        return None
    try:
        document = document_type.model_validate(data, context={OWNED_DATA: True})
        if tables and tables[0] is not None and marks is not None:
            marks[relative] = tables[0]
        return document
    except ValidationError as exc:
        if issues is not None:
            marked = MarkedDocument.from_text(text, file)
            found = [(path, LoadIssue(marked.locate(path, key=on_key), message)) for path, message, on_key in describe(exc, document_type)]
            found = follow_misspelt_keys(found)
            issues.extend(issue for _, issue in found)
            if lost is not None and kind == "process" and found:
                first = min(issue.location for _, issue in found)
                lost.update((key, first) for key in declared_ids(data))
        return None


def read(
    root: str | os.PathLike[str], relative: str, kind: str, data: bytes | None = None,
    marks: dict[str, MarkTable] | None = None,
) -> BaseModel | None:
    """Parse and validate the file ``relative`` of the model at ``root`` as a ``kind`` document.

    ``None`` when the file cannot be read, is empty or is invalid. With ``data``, those
    bytes are parsed as the file's (read once by the caller, who hashed them); with
    ``marks``, its mark table is stored there (as :func:`validate_file` does).
    """
    return validate_file(os.fspath(root), relative, kind, None, data=data, marks=marks)


def entries(kind: str, document: Any) -> list[Entry]:
    """The source entries a ``kind`` document declares, in file order (not yet numbered)."""
    keys: list[Entry]
    if kind == "value-chain":
        keys = [("mandate:", ("mandate",))]
        keys += [(f"outcome:{i}", ("outcomes", i)) for i in range(len(document.outcomes))]
        keys += [(f"stage:{s.id}", ("stages", i)) for i, s in enumerate(document.stages)]
    elif kind in ("roles", "artifacts"):
        prefix = kind[:-1]
        keys = [(f"{prefix}:{item.id}", (kind, i)) for i, item in enumerate(getattr(document, kind))]
    elif kind == "glossary":
        keys = [(f"code:{c.code}", ("codes", i)) for i, c in enumerate(document.codes)]
    elif kind == "process":
        keys = [(f"process:{document.id}", ())]
        keys += [(f"activity:{a.id}", ("activities", i)) for i, a in enumerate(document.activities)]
    elif kind in LAW:
        prefix = {"instruments": "instrument", "duties": "duty", "transitions": "transition"}[kind]
        keys = [(f"{prefix}:{item.id}", (kind, i)) for i, item in enumerate(getattr(document, kind))]
    else:
        area = document.area
        keys = [(f"area:{area}", ())]
        keys += [(f"allocation:{area}/{a.pag}", ("allocations", i)) for i, a in enumerate(document.allocations)]
        keys += [(f"officer:{area}/{o.id}", ("officers", i)) for i, o in enumerate(document.officers)]
        keys += [(f"localcode:{area}/{c.code}", ("codes", i)) for i, c in enumerate(document.codes)]
        keys += [(f"delegation:{area}/{i}", ("delegations", i)) for i in range(len(document.delegations))]
        keys += [(f"ladder:{area}/{i}", ("ladders", i)) for i in range(len(document.ladders))]
        keys += [(f"decision:{area}/{i}", ("decisions", i)) for i in range(len(document.decisions))]
        keys += [(f"waiver:{area}/{i}", ("waivers", i)) for i in range(len(document.waivers))]
    return keys


_RANK = {"value-chain": 0, "roles": 1, "artifacts": 2, "glossary": 3, "instruments": 4, "duties": 4, "transitions": 4, "process": 5, "boundary": 6}


def source_map(
    root: str,
    documents: Iterable[tuple[str, str, Any]],
    /,
    *,
    marks: Mapping[str, MarkTable] | None = None,
    lazy: bool = False,
) -> SourceMap:
    """The source map of ``(relative path, kind, document)`` items (``marks``: tables by relative path).

    Recorded in the model's own order (core files, processes by id, boundaries as listed), so
    "first declared" agrees with it; a key seen again is recorded as ``key#1``, ``key#2``...
    With ``lazy``, the entries are recorded when the map is first used.
    """
    items = list(documents)
    sources = SourceMap(root)
    if lazy:
        sources.defer(lambda: _record(sources, root, items, marks))
    else:
        _record(sources, root, items, marks)
    return sources


def _record(
    sources: SourceMap, root: str, documents: list[tuple[str, str, Any]], marks: Mapping[str, MarkTable] | None
) -> None:
    ranked = sorted(documents, key=lambda item: (_RANK[item[1]], item[2].id if item[1] == "process" else ""))
    counts: dict[str, int] = {}
    for relative, kind, document in ranked:
        real, name = os.path.join(root, relative), shown(root, relative)
        table = marks.get(relative) if marks else None
        if table is not None:
            sources.add_table(name, table)
        for key, path in entries(kind, document):
            count = counts.get(key, 0)
            sources.add(key if count == 0 else f"{key}#{count}", real, name, path)
            counts[key] = count + 1


def assemble(documents: Mapping[str, tuple[str, Any]]) -> Model:
    """The model made of ``{relative path: (kind, document)}`` in load order (no validation again)."""
    core = {kind: doc for kind, doc in documents.values() if kind not in ("process", "boundary")}
    law = {kind: getattr(core[kind], kind) for kind in LAW if kind in core}
    chain = core["value-chain"]
    return Model(
        mandate=chain.mandate,
        outcomes=chain.outcomes,
        stages=chain.stages,
        roles=core["roles"].roles,
        artifacts=core["artifacts"].artifacts,
        processes=tuple(doc for kind, doc in documents.values() if kind == "process"),
        codes=core["glossary"].codes,
        boundaries=tuple(doc for kind, doc in documents.values() if kind == "boundary"),
        **law,
    )


def declared_ids(data: Any) -> list[str]:
    """The ids a process file declares (its process, its activities), read from its raw YAML
    even when it failed to validate.

    >>> declared_ids({"id": "p", "activities": [{"id": "a"}, {"name": "no id"}, "junk"]})
    ['process:p', 'activity:a']
    """
    if not isinstance(data, dict):
        return []
    ids = [f"process:{data['id']}"] if isinstance(data.get("id"), str) else []
    activities = data.get("activities")
    for activity in activities if isinstance(activities, list) else ():
        if isinstance(activity, dict) and isinstance(activity.get("id"), str):
            ids.append(f"activity:{activity['id']}")
    return ids


def follow_misspelt_keys(found: list[tuple[tuple[str | int, ...], LoadIssue]]) -> list[tuple[tuple[str | int, ...], LoadIssue]]:
    """Mark a "missing key 'name'" as following from an "unknown key 'nmae'" beside it that suggests it.

    >>> from opcc_model.location import Location
    >>> unknown = (("activities", 0, "nmae"), LoadIssue(Location("p.yaml", 4, 5), "unknown key 'nmae': did you mean 'name'? (...)"))
    >>> missing = (("activities", 0, "name"), LoadIssue(Location("p.yaml", 3, 5), "missing key 'name': expected a value"))
    >>> [str(issue.follows) for _, issue in follow_misspelt_keys([missing, unknown])]
    ['p.yaml:4:5', 'None']
    """
    suggested = {}
    for path, issue in found:
        if path and issue.message.startswith(f"unknown key '{path[-1]}': did you mean '") and issue.message.count("'") >= 4:
            suggested[(*path[:-1], issue.message.split("'")[3])] = issue.location
    return [
        (path, replace(issue, follows=suggested[path]) if issue.message.startswith("missing key") and path in suggested else issue)
        for path, issue in found
    ]
