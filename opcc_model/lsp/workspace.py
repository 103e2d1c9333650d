"""The model as an editor sees it: every file's current text, its last version that loaded, and their findings.

A :class:`Workspace` reads the model's files once. After that, :meth:`Workspace.update`
takes one file's new text (an editor's buffer) and parses and validates that file only,
through the loader's per-file path (:func:`opcc_model.documents.validate_text`). A file
whose new text does not load (the normal state while typing) reports its errors and keeps
its last version that loaded for the rest of the model; findings that come from such a
file are marked as coming from that stale version. :meth:`Workspace.analyse` assembles
the model from each file's last good document, checks its integrity and runs every
finding, as :func:`opcc_model.load` and :func:`opcc_model.check` would.

>>> import opcc_model
>>> space = Workspace(opcc_model.example_root("minimal"))
>>> space.analyse().model is not None
True
>>> roles = space.relative(space.root + "/processes/roles.yaml")
>>> space.update(roles, "roles: [\\n")
>>> result = space.analyse()
>>> [str(i).split(":", 1)[1] for i in result.issues]
['2:1: YAML syntax error: did not find expected node content (while parsing a flow node)']
>>> result.model is not None, sorted(result.stale) == [space.shown(roles)]
(True, True)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from opcc_model import integrity
from opcc_model.config import Settings, load_settings
from opcc_model.documents import _RANK, CORE, LAW, assemble, model_files, shown, source_map, validate_text
from opcc_model.errors import LoadIssue, ModelLoadError, OpccError
from opcc_model.findings import Finding
from opcc_model.loader import _locate_problem
from opcc_model.location import Location
from opcc_model.lsp.symbols import SymbolIndex
from opcc_model.marktable import MarkTable
from opcc_model.model import Model
from opcc_model.plan import PLANS_FOLDER, load_plans
from opcc_model.yamlsource import MAX_FILE_BYTES, MarkedDocument

__all__ = ["FileState", "Analysis", "Workspace", "file_kind"]

_FIXED_KINDS = {relative: kind for kind, relative in {**CORE, **LAW}.items()}


def file_kind(relative: str, /) -> str | None:
    """The kind of the model file at ``relative`` (``/`` separated), or ``None`` when it is not one.

    >>> file_kind("processes/roles.yaml"), file_kind("processes/develop/x.yml"), file_kind("pag/boundaries/a.yaml")
    ('roles', 'process', 'boundary')
    >>> file_kind("law/instruments.yaml")
    'instruments'
    >>> file_kind("plans/plan.yaml"), file_kind("README.md"), file_kind("processes/x.yaml")
    ('plan', None, None)
    """
    if relative in _FIXED_KINDS:
        return _FIXED_KINDS[relative]
    if not relative.endswith((".yaml", ".yml")):
        return None
    parts = relative.split("/")
    if parts[0] == "processes" and len(parts) >= 3:
        return "process"
    if parts[:2] == ["pag", "boundaries"] and len(parts) == 3:
        return "boundary"
    if parts[0] == PLANS_FOLDER and len(parts) == 2:
        return "plan"
    return None


@dataclass
class FileState:
    """One file: its current text, its problems, and its last version that loaded."""

    kind: str
    text: str
    document: BaseModel | None = None
    """The last validated document (``None`` if it never loaded; plans are loaded as a whole)."""
    table: MarkTable | None = None
    good_text: str | None = None
    """The text ``document`` was read from."""
    issues: tuple[LoadIssue, ...] = ()
    """The problems of ``text`` (empty when it loads)."""
    marked: MarkedDocument | None = field(default=None, repr=False)
    saved: bool = True
    """Whether ``good_text`` is what the file on disk holds (else findings are located in ``good_text``)."""

    @property
    def stale(self) -> bool:
        """Whether the current text does not load, so the rest of the model sees an older version."""
        return bool(self.issues) and self.document is not None


@dataclass(frozen=True)
class Analysis:
    """The model assembled from the last good files, its load problems and its findings."""

    model: Model | None
    issues: tuple[LoadIssue, ...]
    findings: tuple[Finding, ...]
    stale: frozenset[str]
    """Files (as shown) whose current text does not load; their last good version was used."""
    root: str = ""
    """The model root: a location relative to it (findings give them so) is joined to it."""

    def by_file(self) -> dict[str, tuple[list[LoadIssue], list[Finding]]]:
        """The issues and findings of each file (by absolute path, ``/``-separated)."""
        found: dict[str, tuple[list[LoadIssue], list[Finding]]] = {}
        for issue in self.issues:
            found.setdefault(shown(self.root, issue.location.file), ([], []))[0].append(issue)
        for finding in self.findings:
            if finding.location is not None:
                found.setdefault(shown(self.root, finding.location.file), ([], []))[1].append(finding)
        return found


def _read(path: str) -> str | None:
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            return None
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


class Workspace:
    """The files of the model at ``root`` as last read or edited (see the module)."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = os.path.realpath(root)
        self.files: dict[str, FileState] = {}
        self.index = SymbolIndex()
        self._analysis: Analysis | None = None
        self._settings: Settings | None = None
        listed = [relative for _, relative in model_files(self.root)]
        plans = os.path.join(self.root, PLANS_FOLDER)
        if os.path.isdir(plans):
            listed += sorted(f"{PLANS_FOLDER}/{n}" for n in os.listdir(plans) if n.endswith((".yaml", ".yml")))
        for relative in listed:
            text = _read(os.path.join(self.root, relative))
            if text is not None:
                self.update(relative, text, saved=True)

    def shown(self, relative: str, /) -> str:
        """How a file is named in locations: its absolute path."""
        return shown(self.root, relative)

    def relative(self, path: str, /) -> str | None:
        """``path`` relative to the root when it is a file of the model (inside the root), else ``None``."""
        real = os.path.realpath(path)
        if os.path.commonpath([real, self.root]) != self.root:
            return None
        relative = os.path.relpath(real, self.root).replace(os.sep, "/")
        return relative if file_kind(relative) else None

    def update(self, relative: str, text: str, /, *, saved: bool = False) -> None:
        """Take the new text of one file: parse and validate it alone, keep its last good version if it fails.

        ``saved``: the text is what the file on disk holds.
        """
        kind = file_kind(relative)
        if kind is None:
            return
        state = self.files.get(relative) or FileState(kind, text)
        state.text = text
        name = self.shown(relative)
        self.index.add_file(name, kind, text)
        self._analysis = None
        if kind == "plan":
            self.files[relative] = state
            return
        issues: list[LoadIssue] = []
        marks: dict[str, MarkTable] = {}
        document = validate_text(name, text, kind, issues, marks=marks)
        state.issues = tuple(issues)
        if document is not None:
            state.document, state.table, state.good_text, state.marked = document, marks.get(name), text, None
            state.saved = saved
        self.files[relative] = state

    def reread(self, relative: str, /) -> None:
        """Read a file again from disk (saved, changed outside the editor, or deleted)."""
        text = _read(os.path.join(self.root, relative))
        if text is None:
            self.remove(relative)
        else:
            self.update(relative, text, saved=True)

    def remove(self, relative: str, /) -> None:
        """Forget a file (deleted)."""
        if self.files.pop(relative, None) is not None:
            self.index.remove_file(self.shown(relative))
            self._analysis = None
        if relative == "opcc.toml":
            self._settings = None

    def settings_changed(self) -> None:
        """Read ``opcc.toml`` again at the next analysis."""
        self._settings = None
        self._analysis = None

    def analyse(self) -> Analysis:
        """The model from each file's last good version, its problems and findings (computed once per change)."""
        if self._analysis is None:
            self._analysis = self._analyse()
        return self._analysis

    def _analyse(self) -> Analysis:
        issues = [issue for state in self.files.values() for issue in state.issues]
        stale = frozenset(self.shown(r) for r, s in self.files.items() if s.stale)
        loaded = {r: (s.kind, s.document) for r, s in sorted(self.files.items(), key=self._order) if s.document is not None}
        missing = [r for r in CORE.values() if r not in loaded]
        if missing:
            issues += [LoadIssue(Location(self.shown(r), 1, 1), "expected this file of every model, found none that loads")
                       for r in missing if r not in self.files]
            return Analysis(None, tuple(sorted(set(issues))), (), stale, self.root)
        model = assemble(loaded)
        sources = source_map(self.root, ((r, k, d) for r, (k, d) in loaded.items()),
                             marks={r: s.table for r, s in self.files.items() if s.table is not None})
        for relative, state in self.files.items():
            if state.good_text is not None and not state.saved:
                if state.marked is None:
                    state.marked = MarkedDocument.from_text(state.good_text, self.shown(relative))
                sources.add_document(self.shown(relative), state.marked)
        problems = list(integrity.check(model, where=lambda kind, key: sources.locate(f"{kind}:{key}")))
        issues += [LoadIssue(_locate_problem(sources, kind, key, fields), message) for (kind, key, fields), message in problems]
        model = model.with_locations(sources)
        findings: tuple[Finding, ...] = ()
        if not problems:
            findings = self._findings(model, issues)
        return Analysis(model, tuple(sorted(set(issues))), findings, stale, self.root)

    @staticmethod
    def _order(item: tuple[str, FileState]) -> tuple[int, str, str]:
        relative, state = item
        return _RANK.get(state.kind, 9), getattr(state.document, "id", "") if state.kind == "process" else "", relative

    def _findings(self, model: Model, issues: list[LoadIssue]) -> tuple[Finding, ...]:
        from opcc_model.queries import check

        try:
            if self._settings is None:
                self._settings = load_settings(self.root)
            plans: Any = load_plans(self.root, model)
        except ModelLoadError as exc:
            issues.extend(exc.issues)
            plans = ()
        except OpccError as exc:
            issues.append(LoadIssue(Location(self.shown("opcc.toml"), 1, 1), str(exc)))
            plans = ()
        return tuple(check(model, settings=self._settings, plans=plans))
