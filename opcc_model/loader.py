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
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from opcc_model import integrity
from opcc_model.diagnostics import describe
from opcc_model.errors import LoadIssue, ModelLoadError
from opcc_model.files import ArtifactsFile, GlossaryFile, RolesFile, ValueChainFile
from opcc_model.location import Location
from opcc_model.model import OWNED_DATA, Boundary, Model, Process
from opcc_model.sourcemap import SourceMap
from opcc_model.yamlsource import MarkedDocument, YamlFileError, read_file

__all__ = ["load", "model_files"]

T = TypeVar("T", bound=BaseModel)

_CORE = {
    "value-chain": "processes/value-chain.yaml",
    "roles": "processes/roles.yaml",
    "artifacts": "processes/artifacts.yaml",
    "glossary": "pag/glossary.yaml",
}


def _shown(root: str, relative: str) -> str:
    joined = os.path.normpath(os.path.join(root, relative)) if root not in ("", ".") else relative
    return joined.replace(os.sep, "/")


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml"))


def model_files(root: str | os.PathLike[str], /) -> list[tuple[str, str]]:
    """Every YAML file of the model at ``root`` as ``(kind, path relative to root)``, in load order.

    Kinds: ``value-chain``, ``roles``, ``artifacts``, ``process``, ``glossary``, ``boundary``.

    >>> import opcc_model
    >>> [kind for kind, _ in model_files(opcc_model.example_root("minimal"))][:3]
    ['value-chain', 'roles', 'artifacts']
    """
    base = Path(root)
    found: list[tuple[str, str]] = [
        (kind, relative) for kind, relative in _CORE.items() if kind != "glossary" and (base / relative).is_file()
    ]
    processes = base / "processes"
    if processes.is_dir():
        for folder in sorted(p for p in processes.iterdir() if p.is_dir()):
            for dirpath, dirnames, filenames in sorted(os.walk(folder)):
                dirnames.sort()
                for name in sorted(filenames):
                    if name.endswith((".yaml", ".yml")):
                        found.append(("process", Path(dirpath, name).relative_to(base).as_posix()))
    if (base / _CORE["glossary"]).is_file():
        found.append(("glossary", _CORE["glossary"]))
    boundaries = base / "pag" / "boundaries"
    if boundaries.is_dir():
        found.extend(("boundary", p.relative_to(base).as_posix()) for p in _yaml_files(boundaries))
    return found


class _Loading:
    """The state of one load: where files are, what went wrong, where things were written."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.issues: list[LoadIssue] = []
        self.sources = SourceMap()
        self._counts: dict[str, int] = {}

    def record(self, key: str, real: str, shown: str, path: tuple[str | int, ...]) -> None:
        count = self._counts.get(key, 0)
        self.sources.add(key if count == 0 else f"{key}#{count}", real, shown, path)
        self._counts[key] = count + 1

    def read(self, relative: str, kind: type[T]) -> tuple[T, str, str] | None:
        real = os.path.join(self.root, relative)
        shown = _shown(self.root, relative)
        try:
            text, data = read_file(real, shown)
        except YamlFileError as exc:
            self.issues.append(exc.issue)
            return None
        if data is None:
            keys = ", ".join(kind.model_fields)
            self.issues.append(
                LoadIssue(Location(shown, 1, 1), f"the file is empty: expected a mapping with the keys {keys}")
            )
            return None
        try:
            document = kind.model_validate(data, context={OWNED_DATA: True})
        except ValidationError as exc:
            marked = MarkedDocument.from_text(text, shown)
            for path, message, on_key in describe(exc, kind):
                self.issues.append(LoadIssue(marked.locate(path, key=on_key), message))
            return None
        return document, real, shown

    def missing(self, relative: str, expected: str) -> None:
        self.issues.append(
            LoadIssue(Location(_shown(self.root, relative), 1, 1), f"expected {expected}, found no such file or folder")
        )


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


def _read_processes(state: _Loading, files: list[tuple[str, str]]) -> tuple[Process, ...]:
    loaded = [state.read(relative, Process) for kind, relative in files if kind == "process"]
    # recorded in the model's own order (by process id), so "first declared" agrees with it
    found = sorted((item for item in loaded if item is not None), key=lambda item: item[0].id)
    for process, real, shown in found:
        state.record(f"process:{process.id}", real, shown, ())
        for i, activity in enumerate(process.activities):
            state.record(f"activity:{activity.id}", real, shown, ("activities", i))
    return tuple(process for process, _, _ in found)


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
    opcc_model.errors.ModelLoadError: 1 error loading the model:
    no/such/folder:1:1: expected a model folder holding processes/ and pag/, found no such folder
    """
    root = os.fspath(path)
    state = _Loading(root)
    if not os.path.isdir(root):
        raise ModelLoadError(
            [LoadIssue(Location(root, 1, 1), "expected a model folder holding processes/ and pag/, found no such folder")]
        )
    if not os.path.isdir(os.path.join(root, "processes")):
        state.missing("processes", "a folder processes/ holding value-chain.yaml, roles.yaml, artifacts.yaml and the processes")
        raise ModelLoadError(state.issues)

    files = model_files(root)
    present = {relative for _, relative in files}
    core: dict[str, Any] = {}
    for kind, relative in _CORE.items():
        if relative not in present:
            state.missing(relative, f"the {kind} file {relative}")
            continue
        file_type = {"value-chain": ValueChainFile, "roles": RolesFile, "artifacts": ArtifactsFile, "glossary": GlossaryFile}[kind]
        loaded = state.read(relative, file_type)  # type: ignore[arg-type]
        if loaded is not None:
            core[kind] = loaded

    if "value-chain" in core:
        chain, real, shown = core["value-chain"]
        state.record("mandate:", real, shown, ("mandate",))
        for i, _ in enumerate(chain.outcomes):
            state.record(f"outcome:{i}", real, shown, ("outcomes", i))
        for i, stage in enumerate(chain.stages):
            state.record(f"stage:{stage.id}", real, shown, ("stages", i))
    for kind, attribute, prefix in (("roles", "roles", "role"), ("artifacts", "artifacts", "artifact")):
        if kind in core:
            document, real, shown = core[kind]
            for i, item in enumerate(getattr(document, attribute)):
                state.record(f"{prefix}:{item.id}", real, shown, (attribute, i))
    if "glossary" in core:
        glossary, real, shown = core["glossary"]
        for i, code in enumerate(glossary.codes):
            state.record(f"code:{code.code}", real, shown, ("codes", i))

    processes = _read_processes(state, files)

    boundaries = []
    for kind, relative in files:
        if kind != "boundary":
            continue
        loaded = state.read(relative, Boundary)
        if loaded is None:
            continue
        boundary, real, shown = loaded
        state.record(f"area:{boundary.area}", real, shown, ())
        for i, allocation in enumerate(boundary.allocations):
            state.record(f"allocation:{boundary.area}/{allocation.pag}", real, shown, ("allocations", i))
        for i, _ in enumerate(boundary.waivers):
            state.record(f"waiver:{boundary.area}/{i}", real, shown, ("waivers", i))
        boundaries.append(boundary)

    if len(core) < len(_CORE):
        raise ModelLoadError(state.issues)

    chain = core["value-chain"][0]
    model = Model(
        mandate=chain.mandate,
        outcomes=chain.outcomes,
        stages=chain.stages,
        roles=core["roles"][0].roles,
        artifacts=core["artifacts"][0].artifacts,
        processes=processes,
        codes=core["glossary"][0].codes,
        boundaries=tuple(boundaries),
    )
    sources = state.sources
    for (kind, key, fields), message in integrity.check(
        model, where=lambda kind, key: sources.locate(f"{kind}:{key}")
    ):
        state.issues.append(LoadIssue(_locate_problem(sources, kind, key, fields), message))
    if state.issues:
        raise ModelLoadError(state.issues)
    return model.with_locations(sources)
