"""Every id of a model, where it is defined and where it is used, found generically in the YAML nodes.

No list of kinds is kept here, so a new kind of thing in the format is picked up as it
comes. A mapping with an ``id`` key defines that id (in ``pag/glossary.yaml`` the ``code``
of each code, in a boundary file the ``area``); its kind is the singular of the list that
holds it (``roles`` → ``role``, ``activities`` → ``activity``), or the file's kind at the
top of a file (a ``process``, an ``area``, a ``plan``). A scalar under a key that refers is
a use of the id it names. Which keys refer, and to what, is learnt from the whole model:
for each ``(file kind, key)`` the kind that at least half of its values name (``accountable``
→ ``role``, ``inputs`` → ``artifact``, ``pag`` → ``code``); a value that names another kind
refers to it when only that kind has the id (a waiver's ``subject``). A key whose values are
mostly not ids (``side``) never refers.
Free-text keys (``name``, ``description``, ...) never refer.

>>> index = SymbolIndex()
>>> index.add_file("roles.yaml", "roles", "roles:\\n  - id: pcc\\n    name: PCC\\n")
>>> index.add_file("p.yaml", "process", "id: p\\nactivities:\\n  - id: a\\n    accountable: pcc\\n")
>>> [(o.kind, o.name, o.line, o.start, o.definition) for o in index.occurrences(("role", "pcc"))]
[('role', 'pcc', 1, 8, True), ('role', 'pcc', 3, 17, False)]
>>> index.at("p.yaml", 3, 18).kind, index.expected_kind("process", "accountable")
('role', 'role')
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from opcc_model.yamlsource import MarkedDocument

__all__ = ["Occurrence", "SymbolIndex", "singular", "FREE_TEXT"]

FREE_TEXT = frozenset({
    "name", "description", "guidance", "title", "url", "reason", "basis", "note", "notes", "message", "text",
    "summary", "arrangement", "evidence", "source", "citation", "condition", "conditions",
})
"""Keys whose values are prose, never a reference to an id."""

Symbol = tuple[str, str]
"""A kind and an id: ``("role", "pcc")``."""


def singular(key: str) -> str:
    """The kind named by a list key.

    >>> singular("activities"), singular("roles"), singular("boundaries"), singular("codes"), singular("stage")
    ('activity', 'role', 'area', 'code', 'stage')
    """
    if key == "boundaries":
        return "area"
    if key.endswith("ies"):
        return key[:-3] + "y"
    if key.endswith("ses"):
        return key[:-2]
    return key[:-1] if key.endswith("s") and not key.endswith("ss") else key


@dataclass(frozen=True)
class Occurrence:
    """One written id: its file, its 0-based line and columns (the text without quotes), and what it names."""

    file: str
    line: int
    start: int
    end: int
    kind: str
    """The kind of thing it names (``role``...); for a use, resolved by :meth:`SymbolIndex.build`."""
    name: str
    key: str
    """The key it is written under (``id``, ``accountable``, ``pag``...)."""
    definition: bool


@dataclass(frozen=True)
class _Scalar:
    line: int
    start: int
    end: int
    text: str
    key: str
    defines: str | None  # the kind it defines, when it is an id


def _span(node: yaml.ScalarNode) -> tuple[int, int, int] | None:
    start, end = node.start_mark, node.end_mark
    if start.line != end.line:
        return None
    quoted = 1 if node.style in ("'", '"') else 0
    return start.line, start.column + quoted, end.column - quoted


def _scalars(root: yaml.Node | None, file_kind: str) -> Iterator[_Scalar]:
    """Every single-line scalar value of a document, with the key it is under and what it defines."""
    if root is None:
        return
    top = "area" if file_kind == "boundary" else file_kind
    pending: list[tuple[yaml.Node, str, str]] = [(root, "", top)]  # node, key above it, kind a mapping here defines
    while pending:
        node, key, holder = pending.pop()
        if isinstance(node, yaml.MappingNode):
            id_key = "area" if holder == "area" and file_kind == "boundary" and key == "" else (
                "code" if holder == "code" and file_kind == "glossary" else "id")
            for name_node, value in node.value:
                if not isinstance(name_node, yaml.ScalarNode):
                    continue
                name = str(name_node.value)
                if isinstance(value, yaml.ScalarNode):
                    span = _span(value)
                    if span is not None and name not in FREE_TEXT:
                        defines = holder if name == id_key else None
                        yield _Scalar(*span, str(value.value), name, defines)
                else:
                    pending.append((value, name, singular(name)))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                if isinstance(item, yaml.ScalarNode):
                    span = _span(item)
                    if span is not None and key not in FREE_TEXT:
                        yield _Scalar(*span, str(item.value), key, None)
                else:
                    pending.append((item, key, holder))


class SymbolIndex:
    """Definitions and uses of every id across the files added (see the module)."""

    def __init__(self) -> None:
        self._files: dict[str, tuple[str, list[_Scalar]]] = {}
        self._by_file: dict[str, list[Occurrence]] = {}
        self._by_symbol: dict[Symbol, list[Occurrence]] = {}
        self._kinds_of: dict[str, set[str]] = {}
        self._expected: dict[tuple[str, str], str] = {}
        self._dirty = False

    def add_file(self, file: str, file_kind: str, text: str) -> None:
        """Add (or replace) a file's text; a text that does not compose adds nothing (call :meth:`build` after)."""
        root = MarkedDocument.from_text(text, file).root
        self._files[file] = (file_kind, list(_scalars(root, file_kind)))
        self._dirty = True

    def remove_file(self, file: str) -> None:
        """Forget a file (call :meth:`build` after)."""
        self._files.pop(file, None)
        self._dirty = True

    def build(self) -> None:
        """Resolve every use against the definitions of all files added (done when first asked after a change)."""
        self._dirty = False
        kinds: dict[str, set[str]] = defaultdict(set)
        for _, scalars in self._files.values():
            for s in scalars:
                if s.defines:
                    kinds[s.text].add(s.defines)
        votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        totals: Counter[tuple[str, str]] = Counter()
        for file_kind, scalars in self._files.values():
            for s in scalars:
                if not s.defines:
                    totals[(file_kind, s.key)] += 1
                    if s.text in kinds:
                        votes[(file_kind, s.key)].update(kinds[s.text])
        expected: dict[tuple[str, str], str] = {}  # a key refers when most of its values name one kind (an enum like side: never does)
        for where, count in votes.items():
            kind, hits = count.most_common(1)[0]
            if 2 * hits >= totals[where]:
                expected[where] = kind
        by_file: dict[str, list[Occurrence]] = {}
        by_symbol: dict[Symbol, list[Occurrence]] = defaultdict(list)
        for file, (file_kind, scalars) in self._files.items():
            found = []
            for s in scalars:
                resolved = s.defines or self._resolve(kinds.get(s.text), expected.get((file_kind, s.key)))
                if resolved is None or (not s.defines and (file_kind, s.key) not in expected):
                    continue
                kind = resolved
                occurrence = Occurrence(file, s.line, s.start, s.end, kind, s.text, s.key, s.defines is not None)
                found.append(occurrence)
                by_symbol[(kind, s.text)].append(occurrence)
            by_file[file] = sorted(found, key=lambda o: (o.line, o.start))
        self._kinds_of, self._expected, self._by_file, self._by_symbol = kinds, expected, by_file, dict(by_symbol)

    @staticmethod
    def _resolve(kinds: set[str] | None, expected: str | None) -> str | None:
        if not kinds:
            return None
        if expected in kinds:
            return expected
        return next(iter(kinds)) if len(kinds) == 1 else None

    def at(self, file: str, line: int, column: int) -> Occurrence | None:
        """The id written at 0-based ``line``, ``column`` of ``file`` (its end counts, as where the cursor stops)."""
        if self._dirty:
            self.build()
        for occurrence in self._by_file.get(file, ()):
            if occurrence.line == line and occurrence.start <= column <= occurrence.end:
                return occurrence
        return None

    def occurrences(self, symbol: Symbol) -> list[Occurrence]:
        """Every definition and use of ``symbol``: definitions first, then by file and position."""
        if self._dirty:
            self.build()
        return sorted(self._by_symbol.get(symbol, ()), key=lambda o: (not o.definition, o.file, o.line, o.start))

    def definitions(self, symbol: Symbol) -> list[Occurrence]:
        """Where ``symbol`` is defined (more than one when it is a duplicate)."""
        return [o for o in self.occurrences(symbol) if o.definition]

    def ids(self, kind: str) -> list[str]:
        """Every id of ``kind`` defined, sorted."""
        if self._dirty:
            self.build()
        return sorted({name for (k, name) in self._by_symbol if k == kind and self.definitions((k, name))})

    def kinds(self) -> list[str]:
        """Every kind with a definition, sorted."""
        if self._dirty:
            self.build()
        return sorted({kind for found in self._kinds_of.values() for kind in found})

    def expected_kind(self, file_kind: str, key: str) -> str | None:
        """The kind of id the values of ``key`` name in files of ``file_kind``, as learnt from the model."""
        if self._dirty:
            self.build()
        return self._expected.get((file_kind, key))

    def file_kind(self, file: str) -> str | None:
        """The kind of a file added."""
        entry = self._files.get(file)
        return entry[0] if entry else None
