"""``opcc lsp``: the Language Server Protocol over stdio, built on pygls.

The model root is the editor's workspace folder (else the nearest folder above the first
opened file that holds ``processes/`` and ``pag/``). Every open, change and save of a model
file re-reads that file only (:meth:`~opcc_model.lsp.workspace.Workspace.update`) and
publishes the diagnostics of every file that has some (and clears those that had).
Requests about a file outside the model, or a position on no id, answer nothing; a name
that cannot be an id is refused as invalid params; an unknown method is answered by
pygls as method-not-found; an error inside a handler is answered as an error and logged,
and the server goes on serving.

>>> server = make_server()
>>> server.name
'opcc-lsp'
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from opcc_model.errors import LoadIssue
from opcc_model.findings import Finding
from opcc_model.lsp.features import completions, hover_text, rename_check
from opcc_model.lsp.symbols import Occurrence
from opcc_model.lsp.workspace import Workspace, file_kind

__all__ = ["OpccLanguageServer", "make_server", "run_stdio", "STALE_NOTE"]

STALE_NOTE = " (from the last version of this file that loaded: fix its errors to check the current text)"
"""Added to a finding that comes from a file whose current text does not load."""

_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
_TOKEN = re.compile(r"""\s*("[^"\n]*"|'[^'\n]*'|[^\s,\[\]{}:#]+)""")
_KEY_AT = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):(?:\s|$)")


class OpccLanguageServer(LanguageServer):
    """The language server: one :class:`Workspace` (made at the first request that needs it)."""

    def __init__(self) -> None:
        from opcc_model import __version__

        super().__init__("opcc-lsp", __version__)
        self.model: Workspace | None = None
        self.published: set[str] = set()

    def find_model(self, path: str | None = None) -> Workspace | None:
        """The workspace of the model root (the workspace folder, or the model folder above ``path``)."""
        if self.model is None:
            root = _root_of(self, path)
            if root is not None:
                self.model = Workspace(root)
        return self.model

    def locate(self, uri: str) -> tuple[Workspace, str] | None:
        """The workspace and the model-relative path of ``uri``, when it is a model file."""
        path = to_fs_path(uri)
        if path is None:
            return None
        space = self.find_model(path)
        relative = space.relative(path) if space is not None else None
        return (space, relative) if space is not None and relative is not None else None

    def publish(self) -> None:
        """Publish the diagnostics of every file that has some; clear those published before that have none."""
        if self.model is None:
            return
        space = self.model
        analysis = space.analyse()
        now: dict[str, list[types.Diagnostic]] = {}
        for file, (issues, findings) in analysis.by_file().items():
            text = _text_of(space, file)
            stale = file in analysis.stale
            items = [_issue(issue, text) for issue in issues]
            items += [_finding(finding, text, stale) for finding in findings]
            now[from_fs_path(file) or file] = items
        for uri in sorted(self.published - set(now)):
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        for uri, items in sorted(now.items()):
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=items))
        self.published = set(now)


def _root_of(server: LanguageServer, path: str | None) -> str | None:
    for folder in server.workspace.folders.values():
        folder_path = to_fs_path(folder.uri)
        if folder_path and os.path.isdir(os.path.join(folder_path, "processes")):
            return folder_path
    root_path = server.workspace.root_path
    if root_path and os.path.isdir(os.path.join(root_path, "processes")):
        return root_path
    here = os.path.dirname(os.path.realpath(path)) if path else None
    while here and os.path.dirname(here) != here:
        if os.path.isdir(os.path.join(here, "processes")) and os.path.isdir(os.path.join(here, "pag")):
            return here
        here = os.path.dirname(here)
    return None


def _text_of(space: Workspace, file: str) -> str:
    relative = space.relative(file)
    state = space.files.get(relative) if relative else None
    return state.text if state is not None else ""


def _range(text: str, line: int, column: int) -> types.Range:
    """The token that starts at 1-based ``line``, ``column`` of ``text`` (at least one character)."""
    lines = text.splitlines()
    row, col = max(line - 1, 0), max(column - 1, 0)
    end = col + 1
    if row < len(lines):
        match = _TOKEN.match(lines[row], col)
        if match:
            col, end = match.start(1), match.end(1)
    return types.Range(types.Position(row, col), types.Position(row, end))


def _issue(issue: LoadIssue, text: str) -> types.Diagnostic:
    return types.Diagnostic(
        range=_range(text, issue.location.line, issue.location.column),
        message=issue.message, severity=types.DiagnosticSeverity.Error, source="opcc",
    )


def _finding(finding: Finding, text: str, stale: bool) -> types.Diagnostic:
    location = finding.location
    assert location is not None
    message = finding.message + (f" [waived: {finding.reason}]" if finding.waived else "") + (STALE_NOTE if stale else "")
    return types.Diagnostic(
        range=_range(text, location.line, location.column), message=message, code=finding.code, source="opcc",
        severity=types.DiagnosticSeverity.Hint if finding.waived else _SEVERITY[finding.severity],
    )


def _span(occurrence: Occurrence) -> types.Range:
    return types.Range(types.Position(occurrence.line, occurrence.start), types.Position(occurrence.line, occurrence.end))


def _location(occurrence: Occurrence) -> types.Location:
    return types.Location(uri=from_fs_path(occurrence.file) or occurrence.file, range=_span(occurrence))


def make_server() -> OpccLanguageServer:
    """The server with every feature registered (not yet running)."""
    server = OpccLanguageServer()

    def changed(uri: str, text: str | None, saved: bool = False) -> None:
        found = server.locate(uri)
        if found is None:
            return
        space, relative = found
        if text is None:
            space.reread(relative)
        else:
            space.update(relative, text, saved=saved)
        server.publish()

    @server.feature(types.INITIALIZED)
    def initialized(ls: OpccLanguageServer, params: types.InitializedParams) -> None:
        if ls.find_model() is not None:
            ls.publish()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: OpccLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        changed(params.text_document.uri, params.text_document.text)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: OpccLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        changed(uri, ls.workspace.get_text_document(uri).source)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=True))
    def did_save(ls: OpccLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        changed(params.text_document.uri, params.text, saved=True)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: OpccLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        changed(params.text_document.uri, None)  # the file on disk counts again (or is gone)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_files(ls: OpccLanguageServer, params: types.DidChangeWatchedFilesParams) -> None:
        open_uris = set(ls.workspace.text_documents)
        for change in params.changes:
            path = to_fs_path(change.uri) or ""
            if ls.model is not None and os.path.basename(path) == "opcc.toml":
                ls.model.settings_changed()
            if change.uri not in open_uris:  # an open file's buffer is what counts until it is closed
                found = ls.locate(change.uri)
                if found is not None:
                    found[0].reread(found[1])
        ls.publish()

    def symbol_at(uri: str, position: types.Position) -> tuple[Workspace, Occurrence] | None:
        found = server.locate(uri)
        if found is None:
            return None
        space, relative = found
        occurrence = space.index.at(space.shown(relative), position.line, position.character)
        return (space, occurrence) if occurrence is not None else None

    def on_id(method: str) -> Callable[[Callable[[Workspace, Occurrence, Any], Any]], None]:
        """Register ``answer(space, occurrence, params)`` for ``method``; nothing is answered off an id."""

        def register(answer: Callable[[Workspace, Occurrence, Any], Any]) -> None:
            @server.feature(method)
            def handler(ls: OpccLanguageServer, params: Any) -> Any:
                found = symbol_at(params.text_document.uri, params.position)
                return answer(*found, params) if found is not None else None

        return register

    @on_id(types.TEXT_DOCUMENT_DEFINITION)
    def definition(space: Workspace, occurrence: Occurrence, params: types.DefinitionParams) -> list[types.Location] | None:
        return [_location(o) for o in space.index.definitions((occurrence.kind, occurrence.name))] or None

    @on_id(types.TEXT_DOCUMENT_REFERENCES)
    def references(space: Workspace, occurrence: Occurrence, params: types.ReferenceParams) -> list[types.Location]:
        every = space.index.occurrences((occurrence.kind, occurrence.name))
        return [_location(o) for o in every if params.context.include_declaration or not o.definition]

    @on_id(types.TEXT_DOCUMENT_HOVER)
    def hover(space: Workspace, occurrence: Occurrence, params: types.HoverParams) -> types.Hover:
        text = hover_text(space, (occurrence.kind, occurrence.name))
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text), range=_span(occurrence))

    @on_id(types.TEXT_DOCUMENT_PREPARE_RENAME)
    def prepare_rename(space: Workspace, occurrence: Occurrence, params: types.PrepareRenameParams) -> types.Range:
        return _span(occurrence)

    @on_id(types.TEXT_DOCUMENT_RENAME)
    def rename(space: Workspace, occurrence: Occurrence, params: types.RenameParams) -> types.WorkspaceEdit:
        symbol = (occurrence.kind, occurrence.name)
        problem = rename_check(space, symbol, params.new_name)
        if problem is not None:
            raise JsonRpcInvalidParams(problem)
        changes: dict[str, list[types.TextEdit]] = {}
        for o in space.index.occurrences(symbol):
            changes.setdefault(from_fs_path(o.file) or o.file, []).append(types.TextEdit(range=_span(o), new_text=params.new_name))
        return types.WorkspaceEdit(changes=changes)

    @server.feature(types.TEXT_DOCUMENT_COMPLETION, types.CompletionOptions(trigger_characters=[" ", "[", ","]))
    def completion(ls: OpccLanguageServer, params: types.CompletionParams) -> types.CompletionList | None:
        found = server.locate(params.text_document.uri)
        if found is None:
            return None
        space, relative = found
        lines = ls.workspace.get_text_document(params.text_document.uri).lines
        key, prefix = _context(lines, params.position)
        kind = file_kind(relative)
        if key is None or kind is None:
            return None
        items = [
            types.CompletionItem(label=c.label, detail=c.detail, sort_text=c.rank, kind=types.CompletionItemKind.Reference)
            for c in completions(space, kind, key, prefix)
        ]
        return types.CompletionList(is_incomplete=False, items=items)

    return server


def _context(lines: Any, position: types.Position) -> tuple[str | None, str]:
    """The key whose value is being typed at ``position`` and the part of the id typed so far.

    >>> _context(["  - accountable: pc"], types.Position(0, 19))
    ('accountable', 'pc')
    >>> _context(["    inputs: [plan, bu"], types.Position(0, 21))
    ('inputs', 'bu')
    >>> _context(["    pag:", '      - "1.'], types.Position(1, 11))
    ('pag', '1.')
    """
    row = position.line
    line = lines[row] if row < len(lines) else ""
    before = line[: position.character]
    prefix = re.search(r"[\w.-]*$", before)
    typed = prefix.group(0) if prefix else ""
    key = _KEY_AT.match(before)
    if key:
        return key.group(1), typed
    if re.match(r"^\s*-\s", before):  # a list item: the key is on the nearest line above, indented less
        indent = len(before) - len(before.lstrip())
        for above in reversed(lines[:row]):
            stripped = above.lstrip()
            if stripped and len(above) - len(stripped) < indent:
                found = _KEY_AT.match(above)
                return (found.group(1) if found and above.rstrip().endswith(":") else None), typed
    return None, typed


def run_stdio() -> None:
    """Run the server on stdin and stdout until the client asks it to exit."""
    make_server().start_io()
