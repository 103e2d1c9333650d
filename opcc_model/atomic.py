"""Writing files atomically: a failure part-way leaves the old file (or none), never half a file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_bytes", "write_text", "checkpoint"]


def _file_mode() -> int:
    """The mode an ordinary new file gets here (0o666 less the umask), read once."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


_MODE = _file_mode()


def checkpoint(stage: str, /) -> None:
    """A point where tests of crash safety kill the process: ``OPCC_TEST_KILL_AT=<stage>[:<n>]`` sends SIGKILL.

    With ``:<n>`` the kill happens at the n-th time the stage is reached. Does nothing otherwise.

    >>> checkpoint("wrote")
    """
    wanted = os.environ.get("OPCC_TEST_KILL_AT")
    if not wanted:
        return
    name, _, count = wanted.partition(":")
    if name != stage:
        return
    _REACHED[stage] = _REACHED.get(stage, 0) + 1
    if _REACHED[stage] >= int(count or 1):
        import signal

        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


_REACHED: dict[str, int] = {}


def write_bytes(path: str | os.PathLike[str], data: bytes, *, mode: int | None = None) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename.

    The file gets the usual mode (0o666 less the umask), or ``mode`` (``0o600``: private
    from its first byte, never readable by others even for a moment).

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "sub" / "a.txt"
    >>> write_bytes(target, b"hello").read_bytes()
    b'hello'
    >>> oct(target.stat().st_mode & 0o777) == oct(_MODE)
    True
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        checkpoint("temporary")
        os.chmod(temporary, _MODE if mode is None else mode)  # mkstemp makes 0600; published files keep the usual mode
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    return target


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 with ``\\n`` line ends, atomically (see :func:`write_bytes`).

    >>> import tempfile, pathlib
    >>> write_text(pathlib.Path(tempfile.mkdtemp()) / "b.txt", "x\\n").read_text()
    'x\\n'
    """
    return write_bytes(path, text.encode("utf-8"))
