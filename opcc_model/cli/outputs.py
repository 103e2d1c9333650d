"""Where the CLI writes, checked before any work; file-system failures said in one sentence (exit 2).

A missing permission, a full disk, a read-only or immutable folder, an ``--out`` that is a
file: these are the user's environment, not bugs in opcc, so they are one sentence and
exit 2, never "internal error".

>>> import errno
>>> os_error_sentence(OSError(errno.ENOSPC, "No space left on device", "out/a.svg"))
"cannot write 'out/a.svg': No space left on device (free some space and run again)"
>>> os_error_sentence(PermissionError(errno.EPERM, "Operation not permitted", "out"))
"cannot use 'out': Operation not permitted (check the folder's permissions and attributes, e.g. chattr -i)"
"""

from __future__ import annotations

import argparse
import errno
import os

from opcc_model.errors import OpccError

__all__ = ["check_out", "os_error_sentence"]

_HINTS = {
    errno.ENOSPC: ("write", "free some space and run again"),
    errno.EDQUOT: ("write", "your disk quota is full"),
    errno.EROFS: ("write", "the file system is read-only: choose another --out"),
    errno.EACCES: ("use", "check the folder's permissions"),
    errno.EPERM: ("use", "check the folder's permissions and attributes, e.g. chattr -i"),
    errno.ENOTDIR: ("use", "a part of the path is a file, not a folder"),
    errno.EISDIR: ("use", "it is a folder, not a file"),
    errno.EEXIST: ("use", "something is already there"),
    errno.ENAMETOOLONG: ("use", "the name is too long"),
}


def os_error_sentence(exc: OSError, /) -> str:
    """One sentence for a failed file-system operation: what, where, why, what to do."""
    verb, hint = _HINTS.get(exc.errno or 0, ("use", ""))
    where = f" {exc.filename!r}" if exc.filename is not None else ""
    reason = exc.strerror or type(exc).__name__
    return f"cannot {verb}{where}: {reason}" + (f" ({hint})" if hint else "")


def check_out(args: argparse.Namespace, /) -> None:
    """Refuse an ``--out`` that cannot be what the command writes: a file where a folder is
    written (or the reverse), or the root of the file system. Raises :class:`OpccError`.

    >>> check_out(argparse.Namespace(out="/"))
    Traceback (most recent call last):
    ...
    opcc_model.errors.OpccError: --out '/' is the root of the file system: give the output a folder of its own
    >>> check_out(argparse.Namespace(out=__file__))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    opcc_model.errors.OpccError: --out '...outputs.py' is a file: expected a folder (or a name that does not exist yet)
    """
    out = getattr(args, "out", None)
    if not out:
        return
    if getattr(args, "out_kind", "folder") == "file":
        if os.path.isdir(out):
            raise OpccError(f"--out {out!r} is a folder: expected a file name")
        return
    real = os.path.realpath(out)
    if os.path.dirname(real) == real:
        raise OpccError(f"--out {out!r} is the root of the file system: give the output a folder of its own")
    if os.path.exists(out) and not os.path.isdir(out):
        raise OpccError(f"--out {out!r} is a file: expected a folder (or a name that does not exist yet)")
