"""The answer of ``opcc validate`` kept beside the model cache, given again without loading the model.

A warm ``opcc validate`` of an unchanged model needs neither the YAML nor the model classes
(importing them costs most of its time). After a successful validation the command stores
its answer in ``<cache name>.validated.json`` beside the cache file, with the stamp (size,
modification and change times, inode) of every model file taken *before* the load began.
Next time, when the model's list of files and every stamp are the same, that answer is
printed; anything else (a new, removed or touched file, a stamp left out by the racy rule,
other code or settings, a bad signature) falls back to the full, cached load, which
hashes what changed. The rules are the model cache's own (:mod:`opcc_model.cachekey`):

- keyed by the release, the package's code, this layout and ``OPCC_MAX_FILE_MB``;
- signed with the per-user HMAC key; ignored unless the file and its folder are private;
- a stamp within :data:`~opcc_model.cachekey.RACY_NS` of the load's start is not kept
  (git's "racily clean" rule): such a file always means the full path;
- model files are never read here, so a file that changed is always read once, and hashed,
  by the full path (which also rewrites this answer).

Only ``OK`` answers are kept: a model with problems is always loaded in full.

>>> import opcc_model, tempfile, os
>>> from opcc_model import cachekey
>>> os.environ["OPCC_CACHE_DIR"] = tempfile.mkdtemp()
>>> root = str(opcc_model.example_root("minimal"))
>>> taken = stamps(root)
>>> remember(root, taken._replace(started=taken.started + 10 * cachekey.RACY_NS), "OK: 4 stages")  # stamped long after
>>> recall(root)
'OK: 4 stages'
>>> remember(root, taken._replace(started=0), "OK: 4 stages")  # every stamp too recent to trust
>>> recall(root) is None
True
>>> del os.environ["OPCC_CACHE_DIR"]
"""

from __future__ import annotations

import json
import os
import time
from typing import NamedTuple

from opcc_model.atomic import write_bytes
from opcc_model.cachekey import cache_path, code_version, file_stat, mark_used, settings_key, signed, trusted, unsigned
from opcc_model.listing import model_files

__all__ = ["FORMAT", "SUFFIX", "Stamps", "recall", "remember", "stamps"]

FORMAT = 1
"""The layout of the answer file; a different number is a miss."""

SUFFIX = ".validated.json"
"""The answer file's name after the cache name (see :func:`opcc_model.cachekey.cache_name`)."""


class Stamps(NamedTuple):
    """The stamp of every model file, taken before a load, and when the stamping started."""

    started: int
    files: list[tuple[str, str, list[int]]]


def stamps(root: str | os.PathLike[str], /) -> Stamps:
    """Every file of the model at ``root`` as ``(kind, relative path, stat)``, and the time before the first stat."""
    started = time.time_ns()
    base = os.fspath(root)
    return Stamps(started, [(kind, relative, _stat_or_none(os.path.join(base, relative))) for kind, relative in model_files(base)])


def _stat_or_none(real: str) -> list[int]:
    """The file's stamp, or ``[]`` (never matches) when it cannot be stat-ed (it went, or is a broken link)."""
    try:
        return file_stat(real)
    except OSError:
        return []


def _payload(root: str, files: list[list[object]], answer: str) -> bytes:
    record = {"version": settings_key(code_version(), FORMAT), "root": os.path.abspath(root), "files": files, "answer": answer}
    return json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def remember(root: str | os.PathLike[str], taken: Stamps, answer: str, /) -> None:
    """Keep ``answer`` (what a successful validation printed) for the model files as ``taken`` stamped them.

    A stamp too recent to trust is stored empty, so that file never matches. Does nothing
    when the cache is off; a folder that cannot be written is no cache.
    """
    target = cache_path(root, SUFFIX)
    if target is None:
        return
    files: list[list[object]] = [[kind, relative, stat and trusted(stat, taken.started)] for kind, relative, stat in taken.files]
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        write_bytes(target, signed(target.parent, _payload(os.fspath(root), files, answer)), mode=0o600)
    except OSError:
        pass


def recall(root: str | os.PathLike[str], /) -> str | None:
    """The answer kept for the model at ``root`` if no file of it has changed since; else ``None``."""
    target = cache_path(root, SUFFIX)
    if target is None:
        return None
    try:
        found = unsigned(target)
        if found is None:
            return None
        data = json.loads(found[1])
        if type(data) is not dict or data.get("version") != settings_key(code_version(), FORMAT):
            return None
        base = os.fspath(root)
        files, answer = data.get("files"), data.get("answer")
        if data.get("root") != os.path.abspath(base) or type(files) is not list or type(answer) is not str:
            return None
        if [entry[:2] for entry in files] != [list(pair) for pair in model_files(base)]:
            return None
        for _, relative, stat in files:
            if not stat or file_stat(os.path.join(base, relative)) != stat:
                return None
        mark_used(target)
        return answer
    except (OSError, ValueError, TypeError):
        return None
