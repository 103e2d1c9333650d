"""A cache of validated models: a warm load reads JSON and re-reads only the files that changed.

The cache is one JSON file per model root in the user cache folder (``OPCC_CACHE_DIR``,
else ``$XDG_CACHE_HOME/opcc-model``, else ``~/.cache/opcc-model``; ``OPCC_NO_CACHE=1``
turns it off). It holds, for every model file, the SHA-256 of its bytes and its
validated document as plain JSON values; it is keyed by the library version. Nothing
in it is ever executed or unpickled: the JSON is checked against an HMAC made with a
per-user key, then its structure, and anything wrong means a cold load. Documents are
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
import hmac
import inspect
import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from opcc_model import documents, integrity
from opcc_model.atomic import write_bytes
from opcc_model.files import FILE_KINDS
from opcc_model.loader import load
from opcc_model.model import Model
from opcc_model.yamlsource import paused_gc

__all__ = ["cache_dir", "cache_file", "load_cached", "FORMAT"]

FORMAT = 1
"""The layout of the cache file; a different number is a miss."""

_COLD_KEYWORDS = {"cache": False} if "cache" in inspect.signature(load).parameters else {}
"""How to call :func:`opcc_model.load` without coming back here once it can use this cache."""

_NEW = object.__new__
_SET = object.__setattr__


def _version() -> str:
    from opcc_model import __version__  # here: the package imports this module's users

    return f"{__version__}/{FORMAT}"


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when ``OPCC_NO_CACHE`` is set.

    >>> import os
    >>> os.environ["OPCC_CACHE_DIR"] = "/tmp/x"; str(cache_dir())
    '/tmp/x'
    >>> os.environ["OPCC_NO_CACHE"] = "1"; cache_dir() is None
    True
    >>> del os.environ["OPCC_CACHE_DIR"], os.environ["OPCC_NO_CACHE"]
    """
    if os.environ.get("OPCC_NO_CACHE", "") not in ("", "0"):
        return None
    if os.environ.get("OPCC_CACHE_DIR"):
        return Path(os.environ["OPCC_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "opcc-model"


def cache_file(root: str | os.PathLike[str], /) -> Path | None:
    """The cache file of the model at ``root`` (one per absolute root), or ``None`` when off."""
    folder = cache_dir()
    if folder is None:
        return None
    name = hashlib.sha256(os.path.abspath(root).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return folder / f"{name}.json"


# -- plain data <-> documents -------------------------------------------------------
class _Spec:
    """How one document type maps to a JSON list: field names, which are tuples, which nest."""

    def __init__(self, kind: type[BaseModel]) -> None:
        self.names = tuple(kind.model_fields)
        self.fields_set = set(self.names)
        self.nested: list[tuple[int, type[BaseModel]]] = []
        self.tuples: list[int] = []
        for index, field in enumerate(kind.model_fields.values()):
            args = getattr(field.annotation, "__args__", ())
            inner = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            if inner:
                self.nested.append((index, inner[0]))
            elif "tuple" in str(field.annotation):
                self.tuples.append(index)


_SPECS: dict[type[BaseModel], _Spec] = {}


def _spec(kind: type[BaseModel]) -> _Spec:
    spec = _SPECS.get(kind)
    if spec is None:
        spec = _SPECS[kind] = _Spec(kind)
    return spec


def _encode(obj: BaseModel) -> list[Any]:
    spec = _spec(type(obj))
    values = [getattr(obj, name) for name in spec.names]
    for index, _ in spec.nested:
        values[index] = [_encode(item) for item in values[index]]
    return values


def _decode(kind: type[BaseModel], values: list[Any]) -> Any:
    """Rebuild a ``kind`` document from its JSON list, in place, without validating."""
    spec = _SPECS.get(kind) or _spec(kind)
    if values.__class__ is not list or len(values) != len(spec.names):
        raise ValueError(f"expected {len(spec.names)} values for {kind.__name__}")
    for index in spec.tuples:
        value = values[index]
        if value is not None:
            values[index] = tuple(value)
    for index, inner in spec.nested:
        values[index] = tuple([_decode(inner, item) for item in values[index]])
    obj = _NEW(kind)
    _SET(obj, "__dict__", dict(zip(spec.names, values)))
    _SET(obj, "__pydantic_fields_set__", spec.fields_set)
    _SET(obj, "__pydantic_extra__", None)
    _SET(obj, "__pydantic_private__", None)
    return obj


# -- the cache file -----------------------------------------------------------------
def _key(folder: Path) -> bytes:
    path = folder / "key"
    try:
        key = path.read_bytes()
        if len(key) == 32 and _private(path):
            return key
    except OSError:
        pass
    key = os.urandom(32)
    write_bytes(path, key)
    os.chmod(path, 0o600)
    return key


def _private(path: Path) -> bool:
    """Owned by this user and writable by no one else (always true where there are no owners)."""
    if not hasattr(os, "getuid"):
        return True
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & 0o022


def _read_cache(path: Path) -> dict[str, Any] | None:
    try:
        if not _private(path.parent) or not _private(path):
            return None
        blob = path.read_bytes()
        signature, _, payload = blob.partition(b"\n")
        expected = hmac.new(_key(path.parent), payload, hashlib.sha256).hexdigest().encode()
        if not hmac.compare_digest(signature, expected):
            return None
        data = json.loads(payload)
        if not isinstance(data, dict) or data.get("version") != _version() or not isinstance(data.get("files"), dict):
            return None
        return data
    except (OSError, ValueError):
        return None


def _write_cache(path: Path, root: str, files: dict[str, tuple[str, str, Any]]) -> None:
    payload = json.dumps(
        {
            "version": _version(),
            "root": os.path.abspath(root),
            "files": {relative: [kind, digest, _encode(doc)] for relative, (kind, digest, doc) in files.items()},
        },
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        signature = hmac.new(_key(path.parent), payload, hashlib.sha256).hexdigest().encode()
        write_bytes(path, signature + b"\n" + payload)
    except OSError:
        pass  # a cache that cannot be written is no cache: the load itself succeeded


PARALLEL_MIN_FILES = 400
"""With ``OPCC_LOAD_WORKERS=N`` (N ≥ 2), read this many changed files or more in N processes."""


def _read_encoded(root: str, todo: list[tuple[str, str]]) -> list[list[Any] | None]:
    """In a worker: parse and validate files, returned as plain lists (cheap to send back)."""
    with paused_gc():
        out = []
        for kind, relative in todo:
            document = documents.read(root, relative, kind)
            out.append(None if document is None else _encode(document))
        return out


def _read_all(root: str, todo: list[tuple[str, str]]) -> list[Any]:
    """Parse and validate ``todo`` files, across the cores when there are many."""
    try:
        workers = int(os.environ.get("OPCC_LOAD_WORKERS", "1"))
    except ValueError:
        workers = 1
    if len(todo) < PARALLEL_MIN_FILES or workers < 2:
        return [documents.read(root, relative, kind) for kind, relative in todo]
    # opt-in: "spawn" workers import the caller's __main__, which must then be guarded
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [todo[i::workers] for i in range(workers)]
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            results = list(pool.map(_read_encoded, [root] * workers, chunks))
    except Exception:  # noqa: BLE001 - a pool that cannot start or dies: read here instead
        return [documents.read(root, relative, kind) for kind, relative in todo]
    out: list[Any] = [None] * len(todo)
    for i, (chunk, result) in enumerate(zip(chunks, results)):
        for j, ((kind, _), encoded) in enumerate(zip(chunk, result)):
            out[i + j * workers] = None if encoded is None else _decode(FILE_KINDS[kind], encoded)
    return out


def _digest(real: str) -> str:
    with open(real, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def load_cached(path: str | os.PathLike[str], /) -> Model:
    """Load the model at ``path`` from the cache where its files are unchanged, else from YAML.

    Any file that is new or changed is parsed and validated again; the others are rebuilt
    from the cache. With the cache off (``OPCC_NO_CACHE=1``) every file is read and
    nothing is written. A model with any problem is loaded by :func:`opcc_model.load`, which
    raises :class:`~opcc_model.errors.ModelLoadError` listing them; the cache stays as it was.
    The garbage collector is paused meanwhile: the load makes many objects and no cycles.
    """
    with paused_gc():
        return _load_cached(path)


def _load_cached(path: str | os.PathLike[str], /) -> Model:
    root = os.fspath(path)
    target = cache_file(root)
    if not os.path.isdir(os.path.join(root, "processes")):
        return load(root, **_COLD_KEYWORDS)
    cached = (_read_cache(target) if target is not None else None) or {"files": {}}
    old: dict[str, Any] = cached["files"]
    listed = documents.model_files(root)
    kept: dict[str, tuple[str, str, Any]] = {}
    changed = len(listed) != len(old)
    try:
        todo: list[tuple[str, str]] = []
        for kind, relative in listed:
            digest = _digest(os.path.join(root, relative))
            entry = old.get(relative)
            document = None
            if type(entry) is list and len(entry) == 3 and entry[0] == kind and entry[1] == digest:
                try:
                    document = _decode(FILE_KINDS[kind], entry[2])
                except (ValueError, TypeError, KeyError):
                    document = None
            if document is None:
                todo.append((kind, relative))
            kept[relative] = (kind, digest, document)
        if todo:
            changed = True
            for (kind, relative), document in zip(todo, _read_all(root, todo)):
                if document is None:
                    return load(root, **_COLD_KEYWORDS)
                kept[relative] = (kind, kept[relative][1], document)
        model = documents.assemble({relative: (kind, doc) for relative, (kind, _, doc) in kept.items()})
    except (OSError, KeyError):
        return load(root, **_COLD_KEYWORDS)
    if changed and next(integrity.check(model), None) is not None:
        return load(root, **_COLD_KEYWORDS)
    sources = documents.source_map(root, ((relative, kind, doc) for relative, (kind, _, doc) in kept.items()))
    if changed and target is not None:
        _write_cache(target, root, kept)
    model._locations = sources
    return model
