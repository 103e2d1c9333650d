"""Where each thing of a loaded model was written, resolved to a line only when asked.

Loading records, for every stage, role, activity, code, allocation and so on, the
file and the key path it came from. Turning that into a line means composing the
file with marks, which costs time; a :class:`SourceMap` does it lazily, once per file,
unless the loader gave it the file's :class:`~opcc_model.marktable.MarkTable` (recorded
while parsing): then it answers from the table and composes only for a path not in it.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "roles.yaml").write_text("roles:\\n  - id: pcc\\n    side: commissioner\\n")
>>> sources = SourceMap()
>>> sources.add("role:pcc", str(folder / "roles.yaml"), "roles.yaml", ("roles", 0))
>>> str(sources.locate("role:pcc")), str(sources.locate("role:pcc", "side"))
('roles.yaml:2:5', 'roles.yaml:3:11')
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from opcc_model.environment import max_file_bytes
from opcc_model.errors import OpccError
from opcc_model.location import Location
from opcc_model.marktable import MarkTable
from opcc_model.safefile import FileRefused, read_bounded
from opcc_model.yamlsource import MarkedDocument, PathKey

__all__ = ["SourceMap"]


class SourceMap(Mapping[str, Location]):
    """A read-only mapping from ``"kind:id"`` to :class:`Location`, resolved lazily.

    ``root`` is the model's root folder as given to the loader (locations are shown under it).
    """

    def __init__(self, root: str | None = None) -> None:
        self.root = root
        self._entries: dict[str, tuple[str, tuple[PathKey, ...]]] = {}
        self._files: dict[str, str] = {}
        self._documents: dict[str, MarkedDocument] = {}
        self._tables: dict[str, MarkTable] = {}
        self._pending: Callable[[], None] | None = None

    def defer(self, fill: Callable[[], None]) -> None:
        """Record entries only when first asked: ``fill`` calls :meth:`add` (a load that is never located skips it)."""
        self._pending = fill

    def _fill(self) -> None:
        fill, self._pending = self._pending, None
        if fill is not None:
            fill()

    def add(self, key: str, real_path: str, shown_as: str, path: tuple[PathKey, ...]) -> None:
        """Record that ``key`` was written in ``real_path`` (shown as ``shown_as``) at ``path``."""
        self._files[shown_as] = real_path
        self._entries.setdefault(key, (shown_as, path))

    def add_table(self, shown_as: str, table: MarkTable) -> None:
        """Record the marks of ``shown_as`` taken while it was parsed (it must not change after)."""
        self._tables[shown_as] = table

    def add_document(self, shown_as: str, document: MarkedDocument) -> None:
        """Locate in ``document`` (an editor's buffer not yet saved) rather than in the file on disk."""
        self._documents[shown_as] = document

    def entry(self, key: str) -> tuple[str, tuple[PathKey, ...]] | None:
        """The file and key path recorded for ``key``."""
        if self._pending is not None:
            self._fill()
        return self._entries.get(key)

    def document(self, shown_as: str) -> MarkedDocument:
        """The marked document of a file (composed once)."""
        doc = self._documents.get(shown_as)
        if doc is None:
            real = self._files.get(shown_as, shown_as)
            try:  # bounded, regular files only: the file may have changed since the load
                text = read_bounded(real, max_file_bytes()).decode("utf-8")
            except (FileRefused, UnicodeDecodeError, OpccError):
                text = ""
            doc = MarkedDocument.from_text(text, shown_as)
            self._documents[shown_as] = doc
        return doc

    def locate(self, key: str, *fields: PathKey) -> Location | None:
        """The location of ``key``, or of a key inside it (``fields``), if recorded."""
        if self._pending is not None:
            self._fill()
        entry = self._entries.get(key)
        if entry is None:
            return None
        shown_as, path = entry
        table = self._tables.get(shown_as)
        if table is not None:
            found = table.locate(path + fields if fields else path)
            if found is not None:
                return Location(shown_as, *found)
        return self.document(shown_as).locate(path + tuple(fields))

    def __getitem__(self, key: str) -> Location:
        location = self.locate(key)
        if location is None:
            raise KeyError(key)
        return location

    def __iter__(self) -> Iterator[str]:
        if self._pending is not None:
            self._fill()
        return iter(self._entries)

    def __len__(self) -> int:
        if self._pending is not None:
            self._fill()
        return len(self._entries)
