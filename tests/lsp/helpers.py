"""Small helpers of the language-server tests: positions of text, a barrier for notifications, editing."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient


def position_of(file: Path, text: str, *, nth: int = 0, offset: int = 0) -> types.Position:
    """The position of the ``nth`` occurrence of ``text`` in ``file`` (plus ``offset`` characters)."""
    at = -1
    content = file.read_text()
    for _ in range(nth + 1):
        at = content.index(text, at + 1)
    line = content.count("\n", 0, at)
    column = at - (content.rfind("\n", 0, at) + 1)
    return types.Position(line=line, character=column + offset)


async def settled(client: LanguageClient, file: Path) -> None:
    """Wait until every notification the server sent before now has been received.

    The server answers in order, so once a request sent now is answered, every diagnostic
    published before it has arrived.
    """
    await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=file.as_uri()), position=types.Position(0, 0))
    )


def open_file(client: LanguageClient, file: Path, text: str | None = None, version: int = 1) -> None:
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=file.as_uri(), language_id="yaml", version=version,
                                             text=file.read_text() if text is None else text)))


def change_file(client: LanguageClient, file: Path, text: str, version: int) -> None:
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=file.as_uri(), version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


def apply(edit: types.WorkspaceEdit) -> dict[str, str]:
    """The new text of each file the edit changes (applied from the last edit up, as editors do)."""
    out: dict[str, str] = {}
    for uri, edits in (edit.changes or {}).items():
        path = Path(uri.removeprefix("file://"))
        lines = path.read_text().split("\n")
        for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
            assert e.range.start.line == e.range.end.line
            row = lines[e.range.start.line]
            lines[e.range.start.line] = row[: e.range.start.character] + e.new_text + row[e.range.end.character:]
        out[str(path)] = "\n".join(lines)
    return out
