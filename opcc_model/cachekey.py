"""What the model cache and the warm answer of ``opcc validate`` share: keys, signatures, stamps.

Light on purpose (no model classes imported), so that :mod:`opcc_model.validated` can tell
whether a model is unchanged before anything heavy is imported. Every rule lives here once:
the key of code and settings a cached thing was made under (:func:`settings_key`), the
per-user HMAC key and the privacy of the files (:func:`user_key`, :func:`private`,
:func:`signed`), a file's stamp (:func:`file_stat`) and git's "racily clean" rule
(:data:`RACY_NS`, :func:`trusted`).

>>> trusted([5, 10, 10, 1], 11 + RACY_NS), trusted([5, 10, 10 + RACY_NS, 1], 11 + RACY_NS)
([5, 10, 10, 1], [])
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import time
from pathlib import Path

from opcc_model.atomic import write_bytes
from opcc_model.environment import cache_folder, max_file_bytes

__all__ = ["DAY_NS", "RACY_NS", "cache_path", "mark_used", "cache_name", "code_version", "file_stat", "private", "settings_key", "signed", "trusted", "unsigned", "unsigned_json", "user_key"]

_CODE_SUFFIXES = (".py", ".yaml", ".yml", ".json", ".toml")
"""The package's files that can change what a load gives: its code and its data files."""


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the installed package's code and data files (read once per process, ~3 ms).

    A cache written by other code is a miss, even under the same version number: an
    editable install, a patch, a new release.

    >>> len(code_version())
    16
    """
    base = os.path.dirname(os.path.abspath(__file__))
    digest = hashlib.sha256()
    for folder, names, files in os.walk(base):
        names[:] = sorted(name for name in names if name != "__pycache__")
        for name in sorted(files):
            if name.endswith(_CODE_SUFFIXES):
                path = os.path.join(folder, name)
                with open(path, "rb") as handle:
                    data = handle.read()
                digest.update(f"{os.path.relpath(path, base)}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
                digest.update(data)
    return digest.hexdigest()[:16]


def settings_key(code: str, layout: int) -> str:
    """What a cached thing must have been written under: release, ``code`` (:func:`code_version`),
    its ``layout`` number and every setting that changes what validates (the file size limit).

    >>> settings_key("c0de", 4).endswith("/c0de/4/max=67108864")
    True
    """
    from opcc_model import __version__  # here: the package imports this module's users

    return f"{__version__}/{code}/{layout}/max={max_file_bytes()}"


def cache_name(root: str | os.PathLike[str], /) -> str:
    """The stem of the cache files of the model at ``root`` (one per absolute root): 32 hex digits.

    >>> len(cache_name("."))
    32
    """
    return hashlib.sha256(os.path.abspath(root).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def cache_path(root: str | os.PathLike[str], suffix: str, /) -> Path | None:
    """The cache file ``<cache_name>{suffix}`` of the model at ``root``, or ``None`` when the cache is off."""
    folder = cache_folder()
    return None if folder is None else folder / f"{cache_name(root)}{suffix}"


def private(path: Path, *, secret: bool = False) -> bool:
    """Owned by this user and writable by no one else; with ``secret``, readable by no one else either.

    (Always true where there are no owners.)
    """
    if not hasattr(os, "getuid"):
        return True
    info = path.stat()
    return info.st_uid == os.getuid() and not info.st_mode & (0o077 if secret else 0o022)


def user_key(folder: Path) -> bytes:
    """The per-user HMAC key; one readable or writable by anyone else is replaced (it signs nothing then)."""
    path = folder / "key"
    try:
        key = path.read_bytes()
        if len(key) == 32 and private(path, secret=True):
            return key
    except OSError:
        pass
    key = os.urandom(32)
    write_bytes(path, key, mode=0o600)
    return key


def signed(folder: Path, payload: bytes) -> bytes:
    """``payload`` behind its HMAC line, as a cache file of ``folder`` holds it."""
    return hmac.new(user_key(folder), payload, hashlib.sha256).hexdigest().encode() + b"\n" + payload


def unsigned(path: Path) -> tuple[bytes, bytes] | None:
    """The signature and payload of the signed file ``path`` (see :func:`signed`), or ``None`` when
    the file or its folder is not private or the signature is not this user's."""
    found = _verified(path)
    if found is None:
        return None
    signature, data, start = found
    return signature, data[start:]


def unsigned_json(path: Path) -> tuple[bytes, object] | None:
    """The signature of the signed file ``path`` and its payload read as JSON; ``None`` as for
    :func:`unsigned`.

    The payload is neither copied out of the file's bytes nor parsed before its signature is
    checked (a national cache file is ~50 MB). Raises ``ValueError`` when it is not JSON.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()); folder.chmod(0o700)
    >>> _ = write_bytes(folder / "c.json", signed(folder, b'{"a": [1]}'), mode=0o600)
    >>> unsigned_json(folder / "c.json")[1]
    {'a': [1]}
    """
    found = _verified(path)
    if found is None:
        return None
    signature, data, start = found
    text = data.decode("utf-8")  # the signature line is ASCII: character and byte offsets agree
    value, end = _JSON.raw_decode(text, start)
    if text[end:].strip():
        raise ValueError("extra data after the cache's JSON")
    return signature, value


_JSON = json.JSONDecoder()


def _verified(path: Path) -> tuple[bytes, bytes, int] | None:
    if not private(path.parent) or not private(path):
        return None
    data = path.read_bytes()
    start = data.find(b"\n") + 1
    if not start:
        return None
    signature = data[: start - 1]
    expected = hmac.new(user_key(path.parent), memoryview(data)[start:], hashlib.sha256).hexdigest().encode()
    return (signature, data, start) if hmac.compare_digest(signature, expected) else None


def file_stat(real: str) -> list[int]:
    """What tells a changed file cheaply: size, modification and change times, inode."""
    info = os.stat(real)
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


RACY_NS = 2_000_000_000
"""A file changed this close to the moment it was stamped (or later) is hashed again next time (git's "racily clean" rule).

File times tick coarsely (a jiffy; a second or two on some file systems), so a file written
just before its stat was taken could be rewritten in the same tick with the same size: its
stat would not change. Its recorded stat is left out, so the next load hashes its bytes.
"""


def trusted(stat: list[int], now: int, window: int | None = None) -> list[int]:
    """``stat`` if it can stand for the file's content later, else ``[]`` (look at the file next time).

    ``now`` is the time the stat was taken (or earlier); ``window`` defaults to :data:`RACY_NS`.
    """
    window = RACY_NS if window is None else window
    return stat if max(stat[1], stat[2]) < now - window else []


DAY_NS = 86_400 * 1_000_000_000
"""One day in nanoseconds (cache files unused for days are pruned)."""


def mark_used(path: Path) -> None:
    """Mark a cache file used (its modification time), so pruning keeps it; at most once a day."""
    try:
        if time.time_ns() - path.stat().st_mtime_ns > DAY_NS:
            os.utime(path)
    except OSError:
        pass
