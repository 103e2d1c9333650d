"""A cache of validated models: a warm load reads JSON and re-reads only the files that changed.

The cache is one JSON file per model root in the user cache folder (``OPCC_CACHE_DIR``,
else ``$XDG_CACHE_HOME/opcc-model``, else ``~/.cache/opcc-model``; ``OPCC_NO_CACHE=1``
turns it off), plus a small delta file after a change to a few files. It holds, for every
model file, the SHA-256 of its bytes, its size, times and inode, and the validated
documents as plain JSON values, each kind's documents together by columns; it is keyed by
the library version, a hash of the package's code and every setting that changes what
validates. Files are private (0600); caches unused for 30 days are pruned. Nothing in it is
ever executed or unpickled: the JSON is checked against an HMAC made with a per-user key,
then its structure, and whatever cannot be rebuilt is read again from the files. Documents are
rebuilt without validating again (they were valid when cached); source locations are
recomputed from the documents, so findings still carry ``file:line``.

>>> import opcc_model, tempfile, os
>>> os.environ["OPCC_CACHE_DIR"] = tempfile.mkdtemp()
>>> root = opcc_model.example_root("minimal")
>>> cold, warm = load_cached(root), load_cached(root)
>>> warm == cold == opcc_model.load(root)
True
>>> str(warm.location_of("activity", "identify-stakeholders")).endswith("conduct-stakeholder-analysis.yaml:10:5")
True
>>> del os.environ["OPCC_CACHE_DIR"]
"""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import re
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain, islice, repeat
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from opcc_model import cachekey, documents, integrity, marktable
from opcc_model.atomic import write_bytes
from opcc_model.cachekey import DAY_NS, cache_path, code_version, file_stat, mark_used, settings_key, signed, trusted, unsigned_json
from opcc_model.environment import cache_folder, load_workers
from opcc_model.files import FILE_KINDS
from opcc_model.loader import load
from opcc_model.marktable import MarkTable
from opcc_model.model import Model, Process
from opcc_model.yamlsource import YamlFileError, long_lived, paused_gc, read_bytes

__all__ = ["cache_dir", "cache_file", "clear_cache", "load_cached", "code_version", "FORMAT", "RACY_NS"]

FORMAT = 6
"""The layout of the cache file; a different number is a miss."""

_COLD_KEYWORDS = {"cache": False} if "cache" in inspect.signature(load).parameters else {}
"""How to call :func:`opcc_model.load` without coming back here once it can use this cache."""

_NEW = object.__new__
_SET = object.__setattr__


def _version() -> str:
    """What a cache file must have been written under (see :func:`opcc_model.cachekey.settings_key`)."""
    return settings_key(code_version(), FORMAT)


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when ``OPCC_NO_CACHE`` is set.

    >>> import os
    >>> os.environ["OPCC_CACHE_DIR"] = "/tmp/x"; str(cache_dir())
    '/tmp/x'
    >>> os.environ["OPCC_NO_CACHE"] = "1"; cache_dir() is None
    True
    >>> del os.environ["OPCC_CACHE_DIR"], os.environ["OPCC_NO_CACHE"]
    """
    return cache_folder()


def cache_file(root: str | os.PathLike[str], /) -> Path | None:
    """The cache file of the model at ``root`` (one per absolute root), or ``None`` when off."""
    return cache_path(root, ".json")


_CACHE_NAME = re.compile(r"[0-9a-f]{32}(\.delta|\.validated)?\.json|key|\.pruned")
"""The names of the files this module writes in the cache folder (:func:`cache_file`, its delta, the key, the prune stamp)."""

_CACHE_FILE = re.compile(r"[0-9a-f]{32}(\.delta|\.validated)?\.json")
"""The names of cache files proper (what :func:`prune` may delete)."""


def clear_cache() -> list[Path]:
    """Remove the files this cache wrote (nothing else in its folder); return them.

    >>> import opcc_model, tempfile, os
    >>> os.environ["OPCC_CACHE_DIR"] = folder = tempfile.mkdtemp()
    >>> _ = load_cached(opcc_model.example_root("minimal")); open(os.path.join(folder, "mine.txt"), "w").close()
    >>> sorted(p.name for p in clear_cache())[-1], os.listdir(folder)
    ('key', ['mine.txt'])
    >>> del os.environ["OPCC_CACHE_DIR"]
    """
    folder = cache_dir()
    if folder is None or not folder.is_dir():
        return []
    removed = []
    for path in sorted(folder.iterdir()):
        if _CACHE_NAME.fullmatch(path.name) and path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path)
    return removed


# -- plain data <-> documents -------------------------------------------------------
# A list of documents of one type is stored by columns: one JSON list per field (a nested
# field as ``[lengths, columns of all the children]``, a column of equal values as
# ``{"=": value, "n": count}``), so decoding runs in C-level maps rather than a Python
# loop per document.
class _Spec:
    """How one document type maps to JSON columns: field names, which are tuples, which nest."""

    def __init__(self, kind: type[BaseModel]) -> None:
        self.names = tuple(kind.model_fields)
        self.fields_set = set(self.names)
        self.nested: list[tuple[int, type[BaseModel]]] = []
        self.tuples: list[int] = []
        self.optional: list[int] = []
        for index, field in enumerate(kind.model_fields.values()):
            args = getattr(field.annotation, "__args__", ())
            inner = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            if inner:
                self.nested.append((index, inner[0]))
            elif "tuple" in str(field.annotation):
                (self.optional if type(None) in args else self.tuples).append(index)
        skip = {index for index, _ in self.nested}
        self.plain = [index for index in range(len(self.names)) if index not in skip]


_SPECS: dict[type[BaseModel], _Spec] = {}


def _spec(kind: type[BaseModel]) -> _Spec:
    spec = _SPECS.get(kind)
    if spec is None:
        spec = _SPECS[kind] = _Spec(kind)
    return spec


def _encode(kind: type[BaseModel], objs: Sequence[BaseModel]) -> list[Any]:
    """The columns of ``objs`` (all of type ``kind``)."""
    spec = _spec(kind)
    columns: list[Any] = [[getattr(obj, name) for obj in objs] for name in spec.names]
    for index in spec.plain:
        column = columns[index]
        if len(column) > 1 and column.count(column[0]) == len(column):
            columns[index] = {"=": column[0], "n": len(column)}
    for index, inner in spec.nested:
        column = columns[index]
        columns[index] = [[len(items) for items in column], _encode(inner, [i for items in column for i in items])]
    return columns


_DUMPED = frozenset({"boundary"})
"""Kinds stored as their JSON dump and validated again when read: few files, with dates, exact
amounts and optional nested types the column layout does not hold."""


def _pack(kind: str, document: BaseModel) -> Any:
    """What the cache stores for one document of ``kind``: its columns, or its JSON dump."""
    if kind in _DUMPED:
        return document.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return _encode(FILE_KINDS[kind], [document])


def _unpack(kind: str, stored: Any, shared: dict[Any, Any] | None = None) -> BaseModel:
    """The document :func:`_pack` stored (raises ``ValueError`` and the like when it is not one)."""
    if kind in _DUMPED:
        if stored.__class__ is not dict:
            raise ValueError(f"expected a {kind} document")
        try:
            return FILE_KINDS[kind].model_validate(stored)
        except ValidationError as exc:
            raise ValueError(str(exc)) from None
    decoded = _decode(FILE_KINDS[kind], stored, shared)
    if len(decoded) != 1:
        raise ValueError(f"expected one {kind} document")
    return decoded[0]  # type: ignore[no-any-return]


def _expand(column: Any) -> list[Any]:
    """A column stored as ``{"=": value, "n": count}`` (every value the same) as a list."""
    if column.__class__ is not dict or len(column) != 2 or type(column.get("n")) is not int or "=" not in column:
        raise ValueError("expected a column of values")
    return [column["="]] * column["n"]


def _merge(kind: type[BaseModel], blocks: list[Any]) -> list[Any]:
    """The columns of several ``kind`` blocks joined into one (checked as lists; rows checked by :func:`_decode`)."""
    if len(blocks) == 1:
        return blocks[0]  # type: ignore[no-any-return]
    spec = _SPECS.get(kind) or _spec(kind)
    width = len(spec.names)
    for block in blocks:
        if block.__class__ is not list or len(block) != width:
            raise ValueError(f"expected {width} columns for {kind.__name__}")
    columns: list[Any] = [None] * width
    for index in spec.plain:
        parts = [block[index] for block in blocks]
        columns[index] = list(chain.from_iterable([p if p.__class__ is list else _expand(p) for p in parts]))
    for index, inner in spec.nested:
        pairs = [block[index] for block in blocks]
        for pair in pairs:
            if pair.__class__ is not list or len(pair) != 2 or pair[0].__class__ is not list:
                raise ValueError(f"expected lengths and columns for {kind.__name__}")
        columns[index] = [list(chain.from_iterable([pair[0] for pair in pairs])), _merge(inner, [p[1] for p in pairs])]
    return columns


def _decode(kind: type[BaseModel], columns: list[Any], shared: dict[Any, Any] | None = None) -> list[Any]:
    """Rebuild the ``kind`` documents stored as ``columns``, without validating.

    Equal optional tuples share one object through ``shared`` (an activity's ``jurisdictions``
    and ``basis`` are mostly its process's, one object in a cold load too).
    """
    if shared is None:
        shared = {}
    spec = _SPECS.get(kind) or _spec(kind)
    if columns.__class__ is not list or len(columns) != len(spec.names):
        raise ValueError(f"expected {len(spec.names)} columns for {kind.__name__}")
    columns = [column if column.__class__ is not dict else _expand(column) for column in columns]
    count = len(columns[spec.plain[0]] if spec.plain else columns[spec.nested[0][0]][0])
    for index in spec.plain:
        column = columns[index]
        if column.__class__ is not list or len(column) != count:
            raise ValueError(f"expected {count} values in each column of {kind.__name__}")
    one = shared.setdefault
    for index in spec.tuples:
        columns[index] = list(map(tuple, columns[index]))
    for index in spec.optional:
        column = columns[index]
        if None in column:
            columns[index] = [None if value is None else one(tuple(value), tuple(value)) for value in column]
        else:
            made = list(map(tuple, column))
            columns[index] = list(map(one, made, made))
    for index, inner in spec.nested:
        lengths, children = columns[index]
        if lengths.__class__ is not list or len(lengths) != count:
            raise ValueError(f"expected {count} lengths for {kind.__name__}")
        items = _decode(inner, children, shared)
        if sum(lengths) != len(items):
            raise ValueError(f"expected {sum(lengths)} {inner.__name__} values")
        if items:
            rest = iter(items)
            columns[index] = [tuple(islice(rest, length)) for length in lengths]
        else:
            columns[index] = [()] * count
    objs = list(map(_NEW, repeat(kind, count)))
    deque(map(_SET, objs, repeat("__dict__"), map(dict, map(zip, repeat(spec.names), zip(*columns)))), 0)
    deque(map(_SET, objs, repeat("__pydantic_fields_set__"), repeat(spec.fields_set)), 0)
    deque(map(_SET, objs, repeat("__pydantic_extra__"), repeat(None)), 0)
    deque(map(_SET, objs, repeat("__pydantic_private__"), repeat(None)), 0)
    return objs


# -- the cache file -----------------------------------------------------------------
# The cache file holds one entry per model file, ``[kind, digest, null, stat, marks]``, and the
# documents of each kind together, by columns in the order of its files (``"columns"``): a warm
# load decodes each kind in one go. A delta beside it holds whole entries,
# ``[kind, digest, columns, stat, marks]``, for the few files that differ from it.
class _Cached:
    """What a cache file (and its delta) hold: entries by relative path (the delta's over the
    base's), the base's signature, and each kind's documents stored together (decoded when asked)."""

    def __init__(self, files: dict[str, Any], signature: bytes, *, base: dict[str, Any] | None = None,
                 columns: dict[str, Any] | None = None) -> None:
        self.files, self.signature = files, signature
        self.base: dict[str, Any] = base if base is not None else {}
        """The entries of the cache file proper (without its delta)."""
        self._columns = columns if columns is not None else {}
        self._decoded: dict[str, dict[str, BaseModel]] = {}

    def from_base(self, relative: str) -> bool:
        """Whether the entry of ``relative`` is the base's (its document among the base's columns)."""
        entry: Any = self.files.get(relative)
        if type(entry) is not list or len(entry) != 5 or entry[2] is not None:
            return False
        return entry is self.base.get(relative)

    def documents(self, kind: str, names: list[str], shared: dict[Any, Any]) -> list[BaseModel | None]:
        """The cached documents of the ``kind`` files ``names`` (``None`` for one that cannot be rebuilt)."""
        inline = [relative for relative in names if not self.from_base(relative)]
        found = dict(zip(inline, _documents(kind, [self.files[relative] for relative in inline], shared))) if inline else {}
        if len(inline) < len(names):
            stored = self._kind(kind, shared)
            found.update((relative, stored.get(relative)) for relative in names if relative not in found)
        return [found[relative] for relative in names]

    def document(self, relative: str) -> BaseModel | None:
        """The cached document of ``relative``, or ``None``."""
        entry = self.files.get(relative)
        if type(entry) is not list or len(entry) != 5 or type(entry[0]) is not str:
            return None
        if not self.from_base(relative):
            return _document(entry[0], entry)
        return self._kind(entry[0], {}).get(relative)

    def _kind(self, kind: str, shared: dict[Any, Any]) -> dict[str, BaseModel]:
        """The base's documents of ``kind`` by relative path (none when they cannot be rebuilt)."""
        done = self._decoded.get(kind)
        if done is None:
            names = [relative for relative, entry in self.base.items() if type(entry) is list and len(entry) == 5 and entry[0] == kind]
            try:
                documents = _decode_all(kind, self._columns.get(kind), shared)
                done = dict(zip(names, documents)) if len(documents) == len(names) else {}
            except (ValueError, TypeError, KeyError, IndexError):
                done = {}
            self._decoded[kind] = done
        return done


def _delta(path: Path) -> Path:
    return path.with_name(path.stem + ".delta.json")


def _read_signed(path: Path) -> tuple[bytes, dict[str, Any]] | None:
    """The signature and the JSON object of one signed cache file."""
    found = unsigned_json(path)
    if found is None:
        return None
    signature, data = found
    if not isinstance(data, dict) or data.get("version") != _version() or not isinstance(data.get("files"), dict):
        return None
    return signature, data


def _read_cache(path: Path) -> _Cached | None:
    """The files recorded in the cache file (with its delta, if it is the delta of this base)."""
    try:
        found = _read_signed(path)
        if found is None:
            return None
        signature, data = found
        base, columns = data["files"], data.get("columns")
        if not isinstance(columns, dict):
            return None
        files = dict(base)
        if _delta(path).exists():
            delta = _read_signed(_delta(path))
            if delta is not None and delta[1].get("base") == signature.decode("ascii"):
                files.update(delta[1]["files"])
        return _Cached(files, signature, base=base, columns=columns)
    except (OSError, ValueError):
        return None


def _decode_all(kind: str, stored: Any, shared: dict[Any, Any]) -> list[BaseModel]:
    """The documents of ``kind`` stored together by :func:`_encode_all`."""
    if kind in _DUMPED:
        if stored.__class__ is not list:
            raise ValueError(f"expected the {kind} documents")
        return [_unpack(kind, item) for item in stored]
    return _decode(FILE_KINDS[kind], stored, shared)


def _encode_all(kind: str, documents: list[BaseModel]) -> Any:
    """The documents of ``kind`` (in file order) as the cache file stores them together."""
    if kind in _DUMPED:
        return [_pack(kind, document) for document in documents]
    return _encode(FILE_KINDS[kind], documents)


def _json(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _line(relative: str, kind: str, digest: str, stat: list[int], document: BaseModel | None, marks: str | None = None) -> bytes:
    """One file's line of the cache: ``"relative":[kind, digest, columns, stat, marks]``.

    ``columns`` is ``null`` when the document is stored with the others of its kind
    (``document`` is then ``None``). ``marks`` is the file's mark table as text
    (:meth:`MarkTable.to_text`), or ``None``: a warm load then locates findings without
    composing the file again.
    """
    entry = [kind, digest, None if document is None else _pack(kind, document), stat, marks]
    return _json(relative) + b":" + _json(entry)


DELTA_SHARE = 0.05
"""A change to at most this share of the files (or to 8 files) is written as a delta beside the cache file."""


def _write_cache(path: Path, root: str, lines: list[bytes], *, base: bytes | None = None,
                 columns: dict[str, Any] | None = None) -> None:
    """Write the cache file: a JSON object whose ``files`` hold one line per model file, then
    ``columns``, each kind's documents together.

    With ``base`` (the signature of the cache file in place), ``lines`` are only the entries
    that differ from it, whole, written to the delta file beside it.
    """
    header: dict[str, Any] = {"version": _version(), "root": os.path.abspath(root)}
    if base is not None:
        header["base"] = base.decode("ascii")
    head = json.dumps(header, ensure_ascii=False).encode("utf-8")
    payload = head[:-1] + b', "files": {\n' + b",\n".join(lines) + b"\n}"
    if columns is not None:
        payload += b', "columns": {' + b",".join(_json(kind) + b":\n" + _json(stored) for kind, stored in columns.items()) + b"}"
    payload += b"}"
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if base is None:
            _delta(path).unlink(missing_ok=True)
        write_bytes(_delta(path) if base is not None else path, signed(path.parent, payload), mode=0o600)
        prune(path.parent)
    except OSError:
        pass  # a cache that cannot be written is no cache: the load itself succeeded


PRUNE_AFTER_DAYS = 30
"""A cache file not used for this many days is deleted (checked at most once a day, when a cache is written)."""

PRUNE_ABOVE_BYTES = 512 * 1024 * 1024
"""When the cache folder holds more than this, the least recently used files go first."""

def prune(folder: Path, /, *, now: int | None = None) -> list[Path]:
    """Delete the cache files of ``folder`` unused for :data:`PRUNE_AFTER_DAYS`, and the oldest
    beyond :data:`PRUNE_ABOVE_BYTES`; at most once a day. Returns what was deleted.

    A file's time is its modification time: a load that uses a cache file marks it used
    (at most once a day, see :func:`opcc_model.cachekey.mark_used`).

    >>> import tempfile, pathlib, os
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> old, new = "0" * 32, "1" * 32
    >>> for name in (f"{old}.json", f"{old}.delta.json", f"{new}.json", "key", "mine.json"):
    ...     _ = (folder / name).write_text("x")
    >>> for name in (f"{old}.json", f"{old}.delta.json", "mine.json"):
    ...     os.utime(folder / name, (0, 0))
    >>> [p.name[-10:] for p in prune(folder)], sorted(p.name[-10:] for p in folder.iterdir())
    (['00000.json', 'delta.json'], ['.pruned', '11111.json', 'key', 'mine.json'])
    >>> prune(folder)  # again the same day: nothing to do
    []
    """
    now = time.time_ns() if now is None else now
    stamp = folder / ".pruned"
    try:
        if now - stamp.stat().st_mtime_ns < DAY_NS:
            return []
    except FileNotFoundError:
        pass
    stamp.touch()
    files = sorted(((entry.stat().st_mtime_ns, Path(entry.path)) for entry in os.scandir(folder)
                    if _CACHE_FILE.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)), reverse=True)
    gone: list[Path] = []
    total = 0
    for mtime, path in files:
        total += path.stat().st_size
        if now - mtime > PRUNE_AFTER_DAYS * DAY_NS or total > PRUNE_ABOVE_BYTES:
            path.unlink(missing_ok=True)
            gone.append(path)
    return gone


PARALLEL_MIN_FILES = 400
"""With ``OPCC_LOAD_WORKERS=N`` (N ≥ 2), parse this many changed files or more in N processes."""


def _read_encoded(root: str, todo: list[tuple[str, str, bytes]]) -> list[list[Any] | None]:
    """In a worker: parse and validate files from their bytes, returned as plain lists (cheap to send back)."""
    with paused_gc():
        out = []
        for kind, relative, data in todo:
            document = documents.read(root, relative, kind, data)
            out.append(None if document is None else _pack(kind, document))
        return out


def _read_all(root: str, todo: list[tuple[str, str, bytes]], marks: dict[str, MarkTable] | None = None) -> list[Any]:
    """Parse and validate ``todo`` files from the bytes already read (and hashed), across the cores when there are many.

    Read here, each file's mark table is stored in ``marks`` (workers do not send theirs back).
    """
    workers = load_workers()
    if len(todo) < PARALLEL_MIN_FILES or workers < 2:
        return [documents.read(root, relative, kind, data, marks) for kind, relative, data in todo]
    # opt-in: "spawn" workers import the caller's __main__, which must then be guarded
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [todo[i::workers] for i in range(workers)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            results = list(pool.map(_read_encoded, [root] * workers, chunks))
    except Exception:  # noqa: BLE001 - a pool that cannot start or dies: read here instead
        return [documents.read(root, relative, kind, data) for kind, relative, data in todo]
    out: list[Any] = [None] * len(todo)
    for i, (chunk, result) in enumerate(zip(chunks, results)):
        for j, ((kind, _, _), encoded) in enumerate(zip(chunk, result)):
            out[i + j * workers] = None if encoded is None else _unpack(kind, encoded)
    return out


RACY_NS = cachekey.RACY_NS
"""A file changed this close to the moment it was stat-ed is re-hashed next time (see :data:`opcc_model.cachekey.RACY_NS`)."""


def _trusted(stat: list[int], now: int) -> list[int]:
    """``stat`` if it can stand for the file's content later, else ``[]`` (hash it next time).

    >>> _trusted([5, 10, 10, 1], 11 + RACY_NS), _trusted([5, 10, 10 + RACY_NS, 1], 11 + RACY_NS)
    ([5, 10, 10, 1], [])
    """
    return trusted(stat, now, RACY_NS)


def _document(kind: str, entry: Any, shared: dict[Any, Any] | None = None) -> BaseModel | None:
    """The document of a cache entry ``[kind, digest, columns, stat, marks]``, or ``None`` if it is not one."""
    if type(entry) is not list or len(entry) != 5 or entry[0] != kind:
        return None
    try:
        return _unpack(kind, entry[2], shared)
    except (ValueError, TypeError, KeyError, IndexError):
        return None


def _documents(kind: str, entries: list[Any], shared: dict[Any, Any]) -> list[BaseModel | None]:
    """The documents of several cache entries of one kind, decoded together (one by one if any is bad)."""
    try:
        if kind not in _DUMPED and all(type(entry) is list and len(entry) == 5 and entry[0] == kind for entry in entries):
            blocks = [entry[2] for entry in entries]
            spec = _spec(FILE_KINDS[kind])
            if all(block.__class__ is list and len(block) == len(spec.names) for block in blocks):
                first = spec.plain[0] if spec.plain else None
                if first is None or all(len(block[first]) == 1 for block in blocks):
                    decoded = _decode(FILE_KINDS[kind], _merge(FILE_KINDS[kind], blocks), shared)
                    if len(decoded) == len(entries):
                        return decoded
    except (ValueError, TypeError, KeyError, IndexError):
        pass
    return [_document(kind, entry, shared) for entry in entries]


def load_cached(path: str | os.PathLike[str], /) -> Model:
    """Load the model at ``path`` from the cache where its files are unchanged, else from YAML.

    Any file that is new or changed is parsed and validated again; the others are rebuilt
    from the cache. A file whose size, times and inode are those recorded is taken as
    unchanged without reading it; when any of them differs, it is read once and the hash of
    those very bytes decides (they are what is parsed, so an edit during the load can never
    pair one content's hash with another's document). A file changed within
    :data:`RACY_NS` of the load's start has no recorded stat (git's "racily clean" rule):
    it is hashed again next time, so a same-size rewrite within one tick of the file
    system's clock is still seen. (Only a deliberate game with the clock keeps all four
    while changing the content: rewriting a file or setting its times with ``utime`` moves
    its change time.) The cache is keyed by the release, a hash of the package's code, the
    cache layout and ``OPCC_MAX_FILE_MB``. With the cache off (``OPCC_NO_CACHE=1``) every
    file is read and nothing is written. A model with any problem is loaded by
    :func:`opcc_model.load`, which raises :class:`~opcc_model.errors.ModelLoadError`
    listing them; the cache stays as it was. The garbage collector is paused meanwhile
    (the load makes many objects and no cycles) and what the load made is filed with its
    oldest generation (:func:`~opcc_model.yamlsource.long_lived`).
    """
    with long_lived():
        return _load_cached(path)


def _load_cached(path: str | os.PathLike[str], /) -> Model:
    root = os.fspath(path)
    target = cache_file(root)
    if not os.path.isdir(os.path.join(root, "processes")):
        return load(root, **_COLD_KEYWORDS)
    cached = (_read_cache(target) if target is not None else None) or _Cached({}, b"")
    if target is not None and cached.signature:
        mark_used(target)
    old = cached.files
    started = time.time_ns()  # the racy rule counts from before any file is looked at
    listed = documents.model_files(root)
    kept: dict[str, tuple[str, str, list[int], Any]] = {}
    stored: dict[str, str] = {}  # the mark tables (as text) of the files taken from the cache
    marks: dict[str, MarkTable] = {}  # the mark tables of the files read now
    reused: set[str] = set()  # files taken from the cache with their entries unchanged
    read: dict[str, bytes] = {}  # the bytes of every file read: parsed from these, never read again
    same_files = len(listed) == len(old)
    try:
        usable: dict[str, list[str]] = {}
        for kind, relative in listed:
            real = os.path.join(root, relative)
            stat = file_stat(real)  # before reading: a change after it moves the times seen next time
            entry: Any = old.get(relative)
            if entry is None:
                same_files = False
            sound = type(entry) is list and len(entry) == 5
            unchanged = sound and entry[3] == stat  # a racy entry holds [] and never matches
            if unchanged:
                digest = entry[1]
            else:
                data = read_bytes(real, documents.shown(root, relative), inside=root)
                digest = hashlib.sha256(data).hexdigest()
                read[relative] = data
            if unchanged or (sound and entry[0] == kind and entry[1] == digest):
                usable.setdefault(kind, []).append(relative)
                if unchanged:
                    reused.add(relative)
            kept[relative] = (kind, digest, stat, None)
        shared: dict[Any, Any] = {}
        for kind, names in usable.items():
            for relative, document in zip(names, cached.documents(kind, names, shared)):
                if document is None:
                    reused.discard(relative)
                else:
                    kept[relative] = (*kept[relative][:3], document)
                    if type(old[relative][4]) is str:
                        stored[relative] = old[relative][4]
        todo = [(kind, relative, _bytes_of(root, relative, read, kept)) for kind, relative in listed if kept[relative][3] is None]
        fresh: dict[str, Any] = {}
        if todo:
            for (kind, relative, _), document in zip(todo, _read_all(root, todo, marks)):
                if document is None:
                    return load(root, **_COLD_KEYWORDS)
                kept[relative] = (*kept[relative][:3], document)
                fresh[relative] = document
        read.clear()
        model = documents.assemble({relative: (kind, doc) for relative, (kind, _, _, doc) in kept.items()})
    except (OSError, KeyError, YamlFileError):
        return load(root, **_COLD_KEYWORDS)
    if fresh and not (same_files and _sound_after(model, cached, fresh)):
        if next(integrity.check(model), None) is not None:
            return load(root, **_COLD_KEYWORDS)
    tables = _Tables(marks, stored)
    sources = documents.source_map(
        root, ((relative, kind, doc) for relative, (kind, _, _, doc) in kept.items()), marks=tables, lazy=True
    )
    if target is not None and len(reused) != len(kept):
        differ = [relative for _, relative in listed if relative not in reused or not cached.from_base(relative)]
        if cached.base.keys() == kept.keys() and len(differ) <= max(8, DELTA_SHARE * len(listed)):
            changed = [_line(relative, *_entry(kept[relative], started), tables.text(relative)) for relative in differ]
            _write_cache(target, root, changed, base=cached.signature)
        else:
            lines: list[bytes] = []
            by_kind: dict[str, list[Any]] = {}
            for kind, relative in listed:
                _, digest, stat, document = _entry(kept[relative], started)
                lines.append(_line(relative, kind, digest, stat, None, tables.text(relative)))
                by_kind.setdefault(kind, []).append(document)
            _write_cache(target, root, lines, columns={kind: _encode_all(kind, docs) for kind, docs in by_kind.items()})
    model._locations = sources
    return model


class _Tables(Mapping[str, MarkTable]):
    """The mark tables of a cached load: those recorded while reading files now, and those kept in the cache (decoded when asked)."""

    def __init__(self, fresh: dict[str, MarkTable], stored: dict[str, str]) -> None:
        self._fresh, self._stored = fresh, stored
        self._portable = marktable.portable()  # fresh tables with this process's own key codes are not kept

    def __getitem__(self, relative: str) -> MarkTable:
        table = self._fresh.get(relative)
        if table is None:
            try:
                table = self._fresh[relative] = MarkTable.from_text(self._stored[relative])
            except ValueError:
                raise KeyError(relative) from None
        return table

    def __iter__(self) -> Iterator[str]:
        return iter(self._fresh.keys() | self._stored.keys())

    def __len__(self) -> int:
        return len(self._fresh.keys() | self._stored.keys())

    def text(self, relative: str) -> str | None:
        """The table of ``relative`` as the cache keeps it (``None``: none that another process could read)."""
        if relative in self._stored:
            return self._stored[relative]
        table = self._fresh.get(relative)
        return table.to_text() if table is not None and self._portable else None


def _bytes_of(root: str, relative: str, read: dict[str, bytes], kept: dict[str, tuple[str, str, list[int], Any]]) -> bytes:
    """The bytes to parse for ``relative``: those read and hashed; a file taken as unchanged whose
    cached document was unusable is read now, and its recorded digest made that of these bytes."""
    data = read.get(relative)
    if data is None:
        real = os.path.join(root, relative)
        data = read_bytes(real, documents.shown(root, relative), inside=root)
        kind, _, stat, document = kept[relative]
        kept[relative] = (kind, hashlib.sha256(data).hexdigest(), stat, document)
    return data


def _entry(item: tuple[str, str, list[int], Any], now: int) -> tuple[str, str, list[int], Any]:
    """A file's ``(kind, digest, stat, document)`` as written to the cache, its stat dropped if racy."""
    kind, digest, stat, document = item
    return kind, digest, _trusted(stat, now), document


def _sound_after(model: Model, cached: _Cached, fresh: dict[str, Any]) -> bool:
    """Whether ``model`` passes the integrity check, knowing that it did before ``fresh`` changed.

    True only when every changed file is a process file that declares the same process
    id, parent, areas and overrides (``replaces``) and the same activity ids as before (so no id appeared, vanished or doubled and no
    parent chain changed) and every reference its activities make resolves, exactly as
    :func:`opcc_model.integrity.check` requires. False means: run the whole check.
    """
    for relative, document in fresh.items():
        before = cached.document(relative)
        if not isinstance(before, Process) or not isinstance(document, Process):
            return False
        if (before.id, before.parent, before.areas, before.replaces) != (document.id, document.parent, document.areas, document.replaces):
            return False
        if [(a.id, a.replaces) for a in before.activities] != [(a.id, a.replaces) for a in document.activities]:
            return False
    stages = {s.id for s in model.stages}
    roles = {r.id for r in model.roles}
    artifacts = {a.id for a in model.artifacts}
    processes = {p.id for p in model.processes}
    activities = {a.id for a in model.activities}
    codes = {c.code for c in model.codes}
    for document in fresh.values():
        if document.stage not in stages:
            return False
        for activity in document.activities:
            named = (activity.accountable,) if activity.accountable is not None else ()
            if not roles.issuperset((*named, *activity.responsible, *activity.consulted, *activity.informed)):
                return False
            if not artifacts.issuperset((*activity.inputs, *activity.outputs)) or not codes.issuperset(activity.pag):
                return False
            if activity.process is not None and activity.process not in processes:
                return False
            if activity.id in activity.after or not activities.issuperset(activity.after):
                return False
            if not activities.issuperset([w.of for w in activity.windows]):
                return False
            if not activities.issuperset([step for o in activity.outcomes for step in o.then]):
                return False
    return True
