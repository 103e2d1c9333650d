"""The one manifest of ``opcc render`` and ``opcc site``: which files of an output folder they wrote, and from what.

``.opcc-manifest.json`` sits in the output folder. For each file it wrote it records the key the
file was made from (the layout key of a diagram, the content hash of a page) and the sha256 of
the bytes written. It is written atomically, and last:

1. under a lock on the folder, the previous run's debris is removed (temporary names only this
   tool makes: ``.<name>.XXXXXXXX.tmp``) and the previous manifest is read;
2. before any file is written, a *pending* manifest is written: every file the previous one
   owned, plus every file this run will write, with no claim on their content;
3. each file is written atomically (temporary file, then rename);
4. files this run owns but no longer produces are removed (when asked), and the final manifest
   is written.

A kill at any point leaves each file whole (old or new) and a manifest that never claims a file
holds content it does not hold: a file is current only when its bytes hash to the recorded
sha256 *and* its key matches what would be written now. Files the manifest does not name
(a ``.git``, a ``CNAME``, your notes) are never touched.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> with Output(folder, "render") as out:
...     out.begin(["a.svg"])
...     out.write("a.svg", b"<svg/>", key="k1")
...     out.finish()
>>> read_manifest(folder).files["a.svg"].key
'k1'
>>> Output(folder, "render").__enter__().is_current("a.svg", "k1")
True
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from opcc_model.atomic import checkpoint, write_bytes, write_text
from opcc_model.errors import OpccError

__all__ = ["MANIFEST", "LEGACY_CACHE", "Entry", "Manifest", "Output", "read_manifest", "sha256_of", "folder_lock"]

MANIFEST = ".opcc-manifest.json"
"""The manifest's file name, in the output folder."""
LEGACY_CACHE = ".opcc-render-cache.json"
"""The render cache of earlier versions: replaced by the manifest and removed on the next run."""

_FORMAT = 1
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.[A-Za-z0-9_]{8}\.(?:tmp|old)$")


@dataclass(frozen=True)
class Entry:
    """One file the tool wrote: the key it was made from and the sha256 of its bytes (empty: pending)."""

    key: str
    sha256: str


@dataclass
class Manifest:
    """What a run of ``tool`` (``render`` or ``site``) wrote into a folder: relative path → :class:`Entry`."""

    tool: str
    files: dict[str, Entry] = field(default_factory=dict)

    def to_json(self) -> str:
        """The manifest as deterministic JSON (sorted, no timestamps).

        >>> print(Manifest("site", {"a.html": Entry("k", "s")}).to_json(), end="")
        {
         "format": 1,
         "tool": "opcc site",
         "files": {
          "a.html": {"key": "k", "sha256": "s"}
         }
        }
        """
        rows = ",\n".join(
            f'  {json.dumps(path)}: {{"key": {json.dumps(e.key)}, "sha256": {json.dumps(e.sha256)}}}'
            for path, e in sorted(self.files.items())
        )
        return f'{{\n "format": {_FORMAT},\n "tool": "opcc {self.tool}",\n "files": {{\n{rows}\n }}\n}}\n'


def sha256_of(data: bytes, /) -> str:
    """The hex sha256 of ``data``.

    >>> sha256_of(b"")[:8]
    'e3b0c442'
    """
    return hashlib.sha256(data).hexdigest()


def read_manifest(folder: str | os.PathLike[str], /) -> Manifest | None:
    """The manifest in ``folder``, or ``None`` when there is none (or it is unreadable: then nothing is owned).

    >>> import tempfile
    >>> read_manifest(tempfile.mkdtemp()) is None
    True
    """
    try:
        data = json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
        tool = str(data["tool"]).removeprefix("opcc ")
        files = {
            str(path): Entry(str(entry["key"]), str(entry["sha256"]))
            for path, entry in data["files"].items()
            if _safe_relative(str(path))
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return Manifest(tool, files)


def _safe_relative(path: str) -> bool:
    """A path inside the folder: relative, no ``..``, no backslash (a tampered manifest removes nothing outside)."""
    parts = path.split("/")
    return bool(path) and not path.startswith("/") and "\\" not in path and all(p not in ("", ".", "..") for p in parts)


@contextlib.contextmanager
def folder_lock(folder: Path, /) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (its directory handle) while writing it; a second run waits.

    Where the platform has no ``flock`` (Windows) the lock is skipped: runs into one folder
    are then the user's to serialise.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


class Output:
    """An output folder being written by ``tool``: the protocol of this module's docstring.

    Use as a context manager (it takes the folder lock and removes debris); call
    :meth:`begin`, then :meth:`write` per file, then :meth:`finish`. Leaving the block on an
    exception writes a manifest of what is known to be whole, so finished work stays cached.
    """

    def __init__(self, folder: str | os.PathLike[str], tool: str, /) -> None:
        self.folder = Path(folder)
        self.tool = tool
        self.previous = Manifest(tool)
        self.manifest = Manifest(tool)
        self._lock: contextlib.ExitStack | None = None
        self._begun = False

    def __enter__(self) -> Output:
        if self.folder.exists() and not self.folder.is_dir():
            raise OpccError(f"{self.folder}: expected a folder to write into, found a file")
        self.folder.mkdir(parents=True, exist_ok=True)
        stack = contextlib.ExitStack()
        stack.enter_context(folder_lock(self.folder))
        self._lock = stack
        found = read_manifest(self.folder)
        if found is not None and found.tool != self.tool:
            stack.close()
            raise OpccError(
                f"{self.folder}: holds the output of 'opcc {found.tool}'; write 'opcc {self.tool}' into another folder"
            )
        self.previous = found or Manifest(self.tool)
        self.manifest = Manifest(self.tool, dict(self.previous.files))
        self.remove_debris()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if kind is not None and self._begun:
                write_text(self.folder / MANIFEST, self.manifest.to_json())
        finally:
            if self._lock is not None:
                self._lock.close()

    def remove_debris(self) -> list[str]:
        """Remove the temporaries an interrupted run left (``.<name>.XXXXXXXX.tmp`` / ``.old``); return their names.

        Only names this tool makes for files it owns (or the manifest itself) are removed; the
        lock guarantees no other run is writing them now.
        """
        owned = {Path(p).name for p in self.previous.files} | {MANIFEST, LEGACY_CACHE}
        removed = []
        for folder in {self.folder, *(self.folder / Path(p).parent for p in self.previous.files)}:
            try:
                names = os.listdir(folder)
            except OSError:
                continue
            for name in names:
                match = _TEMPORARY.match(name)
                if match and (match.group("name") in owned or self._produces(match.group("name"))):
                    path = folder / name
                    if path.is_dir() and not path.is_symlink():
                        shutil.rmtree(path, ignore_errors=True)
                    else:
                        path.unlink(missing_ok=True)
                    removed.append(name)
        legacy = self.folder / LEGACY_CACHE
        if legacy.is_file():
            legacy.unlink()
        return sorted(removed)

    def _produces(self, name: str) -> bool:
        """Names this tool writes even before it owns them (the site's pages and diagrams)."""
        return name.endswith((".svg", ".png", ".pdf", ".dot", ".mmd", ".html", ".csv", ".css", ".js")) or name == ".opcc-site"

    def is_current(self, path: str, key: str, /) -> bool:
        """Whether ``path`` holds, byte for byte, what the previous run wrote from ``key``."""
        entry = self.previous.files.get(path)
        if entry is None or entry.key != key or not entry.sha256:
            return False
        try:
            return sha256_of((self.folder / path).read_bytes()) == entry.sha256
        except OSError:
            return False

    def begin(self, paths: Iterable[str], /) -> None:
        """Claim ``paths`` before writing them: the pending manifest (old files + these, with no content claimed)."""
        for path in paths:
            self.manifest.files[path] = Entry("", "")
        write_text(self.folder / MANIFEST, self.manifest.to_json())
        self._begun = True
        checkpoint("begun")

    def write(self, path: str, data: bytes, /, *, key: str) -> None:
        """Write ``data`` to ``path`` atomically and record it (in memory until :meth:`finish`)."""
        write_bytes(self.folder / path, data)
        self.manifest.files[path] = Entry(key, sha256_of(data))
        checkpoint("wrote")

    def keep(self, path: str, /) -> None:
        """Record that ``path`` is current as the previous run left it."""
        self.manifest.files[path] = self.previous.files[path]

    def forget(self, path: str, /) -> None:
        """Drop ``path`` from the manifest (a failed file: nothing whole is claimed for it)."""
        self.manifest.files.pop(path, None)

    def owned(self) -> list[str]:
        """Every path the manifest owns now, sorted."""
        return sorted(self.manifest.files)

    def remove(self, paths: Iterable[str], /) -> list[str]:
        """Remove owned ``paths`` (files this tool wrote that are no longer produced); return those removed."""
        removed = [path for path in sorted(paths) if path in self.manifest.files]
        if not removed:
            return []
        for path in removed:  # claimed no more before they go: a kill part-way claims no missing file
            self.manifest.files[path] = Entry("", "")
        write_text(self.folder / MANIFEST, self.manifest.to_json())
        self._begun = True
        for path in removed:
            (self.folder / path).unlink(missing_ok=True)
            self.manifest.files.pop(path)
            checkpoint("removed")
        return removed

    def finish(self) -> None:
        """Write the final manifest (last)."""
        checkpoint("finishing")
        write_text(self.folder / MANIFEST, self.manifest.to_json())
        self._begun = False
