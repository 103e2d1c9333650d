"""Reading YAML safely and fast, and finding the line of any key afterwards.

Files are parsed with libyaml's safe loader and the garbage collector paused (no
location marks: fast); strings, mappings and lists are built straight from libyaml's
nodes, skipping PyYAML's generic constructor. Only when something needs a line — an error, a finding —
is the file composed again with marks (:class:`MarkedDocument`).

>>> doc = parse_text("roles:\\n  - {id: pcc, side: commissioner}\\n", "roles.yaml")
>>> doc
{'roles': [{'id': 'pcc', 'side': 'commissioner'}]}
>>> str(MarkedDocument.from_text("roles:\\n  - {id: pcc, side: commissioner}\\n", "roles.yaml").locate(("roles", 0, "side")))
'roles.yaml:2:21'
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import yaml

from opcc_model.environment import DEFAULT_MAX_FILE_MB, max_file_bytes
from opcc_model.errors import LoadIssue
from opcc_model.location import Location
from opcc_model.marktable import MarkTable, record
from opcc_model.safefile import FileRefused, read_bounded

__all__ = [
    "SafeLoader",
    "MAX_FILE_BYTES",
    "MAX_EXPANSION",
    "YamlFileError",
    "DuplicateKey",
    "check_duplicate_keys",
    "parse_text",
    "read_file",
    "read_bytes",
    "parse_bytes",
    "MarkedDocument",
    "paused_gc",
    "long_lived",
]

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it, else the pure-Python one."""

MAX_FILE_BYTES = DEFAULT_MAX_FILE_MB * 1024 * 1024
"""Files larger than this are refused, unless ``OPCC_MAX_FILE_MB`` sets another limit
(:func:`opcc_model.environment.max_file_bytes`, read at each load)."""

MAX_EXPANSION = 200_000
"""Aliases may not expand a document past this many nodes (an alias bomb)."""

PathKey = str | int


class YamlFileError(Exception):
    """A file could not be read as YAML; :attr:`issue` says where and why."""

    def __init__(self, issue: LoadIssue) -> None:
        super().__init__(str(issue))
        self.issue = issue


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (parsing allocates many small objects)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_FILED = [0, 0]
"""Objects :func:`long_lived` filed as old since the collector's last full collection, and the most one block filed since then."""


def _full_collection_seen(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info.get("generation") == 2:
        _FILED[0] = _FILED[1] = 0


gc.callbacks.append(_full_collection_seen)


@contextmanager
def long_lived() -> Iterator[None]:
    """Pause the collector while long-lived objects are made (a model), then file what survives as old.

    Left young, a loaded national model's million objects would be walked by the next
    collections of the young generations (a third of a second, and again a generation up)
    though they will live on. They are moved to the oldest generation instead
    (:func:`gc.freeze` then :func:`gc.unfreeze`: two list splices, no walk). When something
    is already frozen (a program that froze its objects before forking) nothing is moved, so
    as not to unfreeze what another froze.

    What is filed this way is not counted by the collector's own rule for a full collection
    (it runs one when what reached the oldest generation since the last one passes a quarter
    of it), so this keeps the count: once what blocks filed since the last full collection
    passes twice the most one of them filed, a block starts with a full collection. A program
    that loads and drops model after model (an editor's server) then keeps two or three
    models' worth, as before; both counts start again at each full collection, so one large
    model loaded long ago does not let smaller ones pile up to twice its size.

    >>> with long_lived():
    ...     kept = [[] for _ in range(5000)]
    >>> gc.get_count()[0] < 5000, any(o is kept for o in gc.get_objects(generation=2))
    (True, True)
    """
    with paused_gc():
        if gc.get_freeze_count() == 0 and _FILED[0] > 2 * _FILED[1]:
            gc.collect()
        yield
        if gc.get_freeze_count() == 0:
            made = gc.get_count()[0]
            gc.freeze()
            gc.unfreeze()
            _FILED[0] += made
            _FILED[1] = max(_FILED[1], made)


def _mark_location(file: str, mark: Any) -> Location:
    if mark is None:
        return Location(file, 1, 1)
    return Location(file, mark.line + 1, mark.column + 1)


def _yaml_problem(file: str, exc: yaml.YAMLError) -> LoadIssue:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
        tag = problem.split("tag", 1)[1].strip().split()[0].strip("'!").replace("tag:yaml.org,2002:", "!!")
        message = (
            f"YAML tag '{tag}' is not allowed: expected plain YAML data "
            "(mappings, lists, strings, numbers), found a tag that would build an object"
        )
    else:
        context = getattr(exc, "context", None)
        message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    return LoadIssue(_mark_location(file, mark), message)


def _decode(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise YamlFileError(
            LoadIssue(
                Location(file, line, column),
                f"expected UTF-8 text, found the byte 0x{data[exc.start]:02x} that is not UTF-8 "
                "(save the file as UTF-8)",
            )
        ) from None


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """Count nodes as if every alias were copied out, stopping early past ``limit``."""
    sizes: dict[int, int] = {}

    def size(node: yaml.Node, depth: int = 0) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                total += size(child, depth + 1)
                if total > limit:
                    break
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k, depth + 1) + size(v, depth + 1)
                if total > limit:
                    break
        sizes[key] = total
        return total

    return size(root)


def _check_aliases(text: str, file: str) -> None:
    if "&" not in text or "*" not in text:
        return
    try:
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError as exc:
        raise YamlFileError(_yaml_problem(file, exc)) from None
    if node is not None and _expanded_size(node, MAX_EXPANSION) > MAX_EXPANSION:
        raise YamlFileError(
            LoadIssue(
                _mark_location(file, node.start_mark),
                f"expected a document of at most {MAX_EXPANSION:,} values, found anchors and "
                "aliases that expand past it (an alias bomb?); write the values out instead",
            )
        )


class DuplicateKey(Exception):
    """A key written twice in one mapping: :attr:`key`, and the marks of its first and second writing."""

    def __init__(self, key: Any, first: Any, second: Any) -> None:
        super().__init__(key)
        self.key, self.first, self.second = key, first, second


def _key_value(node: yaml.Node) -> Any:
    """What a key node stands for, as the safe loader reads it (``1`` and ``"1"`` differ; ``yes`` is ``True``)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value
        return (node.tag, yaml.constructor.SafeConstructor().construct_object(node))
    return (node.tag, id(node))  # a list or mapping as a key: never equal to another


def check_duplicate_keys(node: yaml.Node) -> None:
    """Raise :class:`DuplicateKey` for the first key written twice in the mapping ``node`` (not its children).

    Keys are compared as the loader reads them; a merge key (``<<``) is not a duplicate.

    >>> node = yaml.compose("a: 1\\nb: 2\\na: 3\\n", Loader=SafeLoader)
    >>> try:
    ...     check_duplicate_keys(node)
    ... except DuplicateKey as exc:
    ...     print(exc.key, exc.first.line + 1, exc.second.line + 1)
    a 1 3
    """
    seen: dict[Any, Any] = {}
    for key, _ in node.value:
        if key.tag == "tag:yaml.org,2002:merge":
            continue
        try:
            value = _key_value(key)
            first = seen.setdefault(value, key)
        except (TypeError, yaml.YAMLError):
            continue
        if first is not key:
            raise DuplicateKey(value if key.tag == _STR else key.value, first.start_mark, key.start_mark)


def _excerpt(value: Any, width: int = 60) -> str:
    """``repr(value)``, cut to about ``width`` characters (a message quotes little of a file).

    >>> _excerpt("a" * 100)[-6:], _excerpt("x\\x1b")
    ("aa...'", "'x\\\\x1b'")
    """
    text = repr(value)
    return text if len(text) <= width else text[: width - 4] + "...'"


def _check_all_duplicate_keys(text: str) -> None:
    """:func:`check_duplicate_keys` on every mapping of ``text`` (for documents read by the plain safe load)."""
    try:
        root = yaml.compose(text, Loader=SafeLoader)
    except yaml.YAMLError:
        return  # the load that follows reports it
    pending = [root] if root is not None else []
    seen: set[int] = set()
    while pending:
        node = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            check_duplicate_keys(node)
            pending.extend(child for pair in node.value for child in pair)
        elif isinstance(node, yaml.SequenceNode):
            pending.extend(node.value)


_INTERN_MAX = 64
"""Strings up to this length are interned while parsing (ids, codes, keys; not prose)."""
_intern = sys.intern

_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def _construct(text: str, tables: list[MarkTable | None] | None = None) -> Any:
    """``yaml.load(text, SafeLoader)``, faster: strings, mappings and lists are built directly.

    With ``tables`` (a list), the document's :class:`~opcc_model.marktable.MarkTable`
    (or ``None`` when none was recorded) is appended to it.

    Other scalars (numbers, booleans, null, dates) go through the safe constructor, and so
    does any document with merge keys (``<<``); anything unusual (an unhashable key) falls
    back to the plain safe load, which gives its usual error.

    >>> _construct("a: [1, x, {b: null}]\\nc: 1.5\\n") == yaml.load("a: [1, x, {b: null}]\\nc: 1.5\\n", Loader=SafeLoader)
    True
    """
    if "<<" in text:
        _check_all_duplicate_keys(text)
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
    loader, table = SafeLoader(text), None
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        data = _build(node, loader)
        if tables is not None:
            table = record(node)
        return data
    except TypeError:
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader
    finally:
        loader.dispose()
        if tables is not None:
            tables.append(table)


def _build(node: yaml.Node, loader: Any) -> Any:
    """The value of ``node``: strings, mappings and lists built here, other scalars by ``loader``.

    A module function, not a closure: a recursive closure is a reference cycle (the function
    and its cell), which kept each file's loader alive until the collector's next walk.
    """
    tag = node.tag
    if tag == _STR:
        value = node.value
        # ids, codes and keys repeat thousands of times: keep one copy of each
        return _intern(value) if len(value) <= _INTERN_MAX else value
    if tag == _MAP:
        built = {_build(k, loader): _build(v, loader) for k, v in node.value}
        if len(built) != len(node.value):
            check_duplicate_keys(node)
        return built
    if tag == _SEQ:
        return [_build(item, loader) for item in node.value]
    return loader.construct_object(node, deep=True)


def parse_text(text: str, file: str, tables: list[MarkTable | None] | None = None) -> Any:
    """Parse YAML text with the safe loader; raise :class:`YamlFileError` with a location.

    >>> try:
    ...     parse_text("a: !!python/object/apply:os.system [ls]", "x.yaml")
    ... except YamlFileError as exc:
    ...     print(exc)
    x.yaml:1:4: YAML tag '!!python/object/apply:os.system' is not allowed: expected plain YAML data (mappings, lists, strings, numbers), found a tag that would build an object
    """
    _check_aliases(text, file)
    try:
        with paused_gc():
            return _construct(text, tables)
    except yaml.YAMLError as exc:
        raise YamlFileError(_yaml_problem(file, exc)) from None
    except DuplicateKey as exc:
        raise YamlFileError(
            LoadIssue(
                _mark_location(file, exc.second),
                f"expected each key once in a mapping, found {_excerpt(exc.key)} again "
                f"(first at line {exc.first.line + 1}, again at line {exc.second.line + 1}); keep one",
            )
        ) from None
    except RecursionError:
        raise YamlFileError(
            LoadIssue(Location(file, 1, 1), "expected a document of reasonable depth, found nesting too deep to read")
        ) from None


def read_bytes(path: str | os.PathLike[str], file: str, /, *, inside: str | os.PathLike[str] | None = None) -> bytes:
    """The bytes of one model file, read once and bounded (:func:`opcc_model.safefile.read_bounded`).

    ``file`` is the name shown in messages; with ``inside``, the file must lie in that folder
    (symbolic links followed). Devices, FIFOs, sockets, links out of the folder and files over
    the size limit raise :class:`YamlFileError` at ``file:1:1``, quoting nothing of the file.
    """
    limit = max_file_bytes()
    try:
        return read_bounded(path, limit, inside=inside)
    except FileRefused as exc:
        message = str(exc)
        if exc.too_large:
            message = (
                f"expected a file of at most {limit // (1024 * 1024)} MB, found a larger one "
                "(split it, or raise OPCC_MAX_FILE_MB)"
            )
        raise YamlFileError(LoadIssue(Location(file, 1, 1), message)) from None


def parse_bytes(data: bytes, file: str, tables: list[MarkTable | None] | None = None) -> tuple[str, Any]:
    """Decode (UTF-8) and parse the bytes of one file; return ``(text, data)``.

    >>> parse_bytes(b"a: 1\\n", "f.yaml")
    ('a: 1\\n', {'a': 1})
    """
    text = _decode(data, file)
    return text, parse_text(text, file, tables)


def read_file(
    path: str | os.PathLike[str],
    file: str,
    tables: list[MarkTable | None] | None = None,
    *,
    inside: str | os.PathLike[str] | None = None,
) -> tuple[str, Any]:
    """Read (once, bounded: :func:`read_bytes`), decode and parse one YAML file; return ``(text, data)``.

    ``file`` is the name shown in messages; with ``tables``, its mark table is appended to it.
    """
    return parse_bytes(read_bytes(path, file, inside=inside), file, tables)


class _MarksOnly(SafeLoader):  # type: ignore[misc, valid-type]
    """Composes nodes with their marks but resolves no tags: locating keys needs none (2× faster)."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        return _STR

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


class MarkedDocument:
    """A YAML document composed with marks, to find the line of a key path.

    >>> doc = MarkedDocument.from_text("a:\\n  b: [1, 2]\\n", "f.yaml")
    >>> str(doc.locate(("a", "b", 1)))
    'f.yaml:2:10'
    >>> str(doc.locate(("a", "missing")))
    'f.yaml:2:3'
    """

    def __init__(self, root: yaml.Node | None, file: str) -> None:
        self.root = root
        self.file = file

    @classmethod
    def from_text(cls, text: str, file: str) -> MarkedDocument:
        """Compose ``text``; a document that does not compose locates everything at 1:1."""
        try:
            with paused_gc():
                return cls(yaml.compose(text, Loader=_MarksOnly), file)
        except (yaml.YAMLError, RecursionError):
            return cls(None, file)

    def node_at(self, path: Sequence[PathKey], *, key: bool = False) -> yaml.Node | None:
        """The deepest node along ``path``; with ``key`` the last step's key node."""
        node = self.root
        if node is None:
            return None
        for step_index, step in enumerate(path):
            last = step_index == len(path) - 1
            if isinstance(node, yaml.MappingNode):
                found = None
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode) and k.value == str(step):
                        found = k if (key and last) else v
                        break
                if found is None:
                    return node
                node = found
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int):
                if not 0 <= step < len(node.value):
                    return node
                node = node.value[step]
            else:
                return node
        return node

    def locate(self, path: Sequence[PathKey], *, key: bool = False) -> Location:
        """The location of the node at ``path`` (or of its deepest existing ancestor)."""
        node = self.node_at(path, key=key)
        return _mark_location(self.file, node.start_mark if node is not None else None)
