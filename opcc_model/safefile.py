"""Reading a model's own files only: regular files inside the model folder, every read bounded.

A model folder may come from a pull request: a symbolic link in it could point at a secret
(``/etc/passwd``, a CI token), at ``/dev/zero`` (endless) or at a FIFO (a read that never
returns). :func:`read_bounded` refuses all of these with a sentence that quotes nothing of
the file, and stops reading once more than the limit has arrived, whatever ``stat`` said.

>>> import tempfile, pathlib, os
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "a.yaml").write_text("x: 1\\n")
>>> read_bounded(root / "a.yaml", 100, inside=root)
b'x: 1\\n'
>>> os.symlink("/etc/hostname", root / "b.yaml")
>>> try:
...     read_bounded(root / "b.yaml", 100, inside=root)
... except FileRefused as exc:
...     print(exc)
expected a file inside the model folder, found a symbolic link that leads out of it
>>> read_bounded("/dev/zero", 100)
Traceback (most recent call last):
...
opcc_model.safefile.FileRefused: expected a regular file, found a character device
"""

from __future__ import annotations

import functools
import os
import stat
from typing import BinaryIO

__all__ = ["FileRefused", "read_bounded", "inside_folder", "READ_CHUNK"]

READ_CHUNK = 1 << 20
"""Bytes asked for per read."""

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)


class FileRefused(Exception):
    """A file that is not read: outside the model, not a regular file, too large, or unreadable.

    The message is one sentence (``expected ..., found ...``) without any of the file's content;
    :attr:`too_large` tells the size refusal apart.
    """

    def __init__(self, message: str, *, too_large: bool = False) -> None:
        super().__init__(message)
        self.too_large = too_large


def inside_folder(path: str | os.PathLike[str], folder: str | os.PathLike[str], /) -> bool:
    """Whether ``path``, every symbolic link followed, is ``folder`` or inside it (also resolved).

    >>> inside_folder("/tmp/a/../b", "/tmp"), inside_folder("/tmp/../etc/passwd", "/tmp")
    (True, False)
    """
    return _within(os.path.realpath(path), _resolved(os.path.abspath(folder)))


@functools.lru_cache(maxsize=64)
def _resolved(folder: str) -> str:
    return os.path.realpath(folder)


def _within(real: str, base: str) -> bool:
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _real_path_of(handle: BinaryIO, path: str | os.PathLike[str]) -> str:
    """Where the open ``handle`` really is: one ``readlink`` of ``/proc/self/fd`` on Linux, else ``realpath``."""
    try:
        real = os.readlink(f"/proc/self/fd/{handle.fileno()}")
        if real.startswith(os.sep) and not real.endswith(" (deleted)"):
            return real
    except OSError:
        pass
    return os.path.realpath(path)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _opener(path: str, flags: int) -> int:
    # O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting forever
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_bounded(path: str | os.PathLike[str], limit: int, /, *, inside: str | os.PathLike[str] | None = None) -> bytes:
    """The bytes of the regular file ``path``, read once; :class:`FileRefused` for anything else.

    With ``inside``, the file (every link followed) must lie in that folder. More than ``limit``
    bytes is refused as soon as they have been read (``stat``'s size is not trusted: a
    device or a growing file may say 0). Devices, FIFOs, sockets and folders are refused
    before a byte is read.
    """
    try:
        before = os.stat(path)  # a device is refused before it is opened: opening some has effects
        if not stat.S_ISREG(before.st_mode):
            raise FileRefused(f"expected a regular file, found {_kind(before.st_mode)}")
        with open(path, "rb", buffering=0, opener=_opener) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or (info.st_dev, info.st_ino) != (before.st_dev, before.st_ino):
                raise FileRefused(f"expected a regular file, found {_kind(info.st_mode)} (it was replaced while read)")
            if inside is not None and not _within(_real_path_of(handle, path), _resolved(os.path.abspath(inside))):
                raise FileRefused("expected a file inside the model folder, found a symbolic link that leads out of it")
            if info.st_size > limit:  # a file that says it is too large is (the converse is not trusted)
                raise FileRefused(f"expected a file of at most {limit:,} bytes, found {info.st_size:,}", too_large=True)
            parts: list[bytes] = []
            total = 0
            while True:
                part = handle.read(min(READ_CHUNK, limit + 1 - total))
                if not part:
                    return b"".join(parts)
                parts.append(part)
                total += len(part)
                if total > limit:
                    raise FileRefused(f"expected a file of at most {limit:,} bytes, found more", too_large=True)
    except OSError as exc:
        raise FileRefused(f"cannot read the file: {exc.strerror or type(exc).__name__}") from None
