"""Layouts in worker processes that can be killed: a timeout per layout, and Ctrl-C that stops at once.

The WebAssembly Graphviz runs inside the process that calls it and cannot be interrupted; a
large diagram could hold a render for minutes. :class:`LayoutPool` runs layouts in worker
processes (``python -m opcc_model.render.workers``, one request at a time each, over pipes):
a layout that takes longer than ``timeout`` seconds is stopped by killing its worker and
raises :class:`LayoutTimeout`; closing the pool (also on Ctrl-C) kills every worker.
Workers ignore SIGINT: the parent decides.

>>> with LayoutPool(jobs=1, timeout=60) as pool:
...     pool.layout("digraph { a -> b }", "svg", backend="wasm").startswith(b"<?xml")
True
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from types import TracebackType
from typing import IO

from opcc_model.errors import RenderUnavailable

__all__ = ["LayoutTimeout", "LayoutPool", "layout_timeout", "serve"]

_DEFAULT_TIMEOUT = 120.0


class LayoutTimeout(RenderUnavailable):
    """A layout took longer than its timeout and was stopped."""


def layout_timeout() -> float:
    """Seconds a layout may take: ``OPCC_LAYOUT_TIMEOUT`` (default 120); raises :class:`RenderUnavailable` if invalid.

    >>> layout_timeout()
    120.0
    """
    text = os.environ.get("OPCC_LAYOUT_TIMEOUT", "").strip()
    if not text:
        return _DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise RenderUnavailable(f"OPCC_LAYOUT_TIMEOUT must be a number of seconds above 0, found {text!r}")
    return value


class _Worker:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "opcc_model.render.workers"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.timed_out = False
        self.ready = False

    def wait_ready(self) -> None:
        """Wait for the worker's ``ready`` line: its start-up (importing, compiling Graphviz) is not layout time."""
        if not self.ready:
            assert self.process.stdout is not None
            if self.process.stdout.readline() != b"ready\n":
                raise RenderUnavailable("the layout worker did not start")
            self.ready = True

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()

    def expire(self) -> None:
        self.timed_out = True
        self.kill()


def _send(stream: IO[bytes], header: dict[str, object], body: bytes) -> None:
    stream.write(json.dumps({**header, "length": len(body)}).encode("utf-8") + b"\n" + body)
    stream.flush()


def _receive(stream: IO[bytes]) -> tuple[dict[str, object], bytes]:
    line = stream.readline()
    if not line:
        raise EOFError
    header = json.loads(line)
    length = int(header["length"])
    body = stream.read(length)
    if len(body) != length:
        raise EOFError
    return header, body


class LayoutPool:
    """Up to ``jobs`` worker processes laying out DOT, each layout stopped after ``timeout`` seconds."""

    def __init__(self, *, jobs: int = 1, timeout: float | None = None) -> None:
        self.jobs = max(1, jobs)
        self.timeout = timeout if timeout is not None else layout_timeout()
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def __enter__(self) -> LayoutPool:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def _take(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise RenderUnavailable("the layout workers were stopped")
            worker = self._idle.pop() if self._idle else _Worker()
            self._busy.add(worker)
            return worker

    def _give_back(self, worker: _Worker, healthy: bool) -> None:
        with self._lock:
            self._busy.discard(worker)
            if healthy and not self._closed:
                self._idle.append(worker)
                return
        worker.kill()

    def layout(self, source: str, fmt: str, /, *, backend: str) -> bytes:
        """Lay out ``source`` as ``fmt`` with ``backend`` in a worker; raises :class:`LayoutTimeout` past the timeout."""
        worker = self._take()
        timer = threading.Timer(self.timeout, worker.expire)
        timer.daemon = True
        healthy = False
        try:
            try:
                worker.wait_ready()
            except (OSError, ValueError):
                raise RenderUnavailable("the layout worker did not start") from None
            timer.start()
            assert worker.process.stdin is not None and worker.process.stdout is not None
            _send(worker.process.stdin, {"fmt": fmt, "backend": backend}, source.encode("utf-8"))
            header, body = _receive(worker.process.stdout)
            healthy = True
        except (OSError, EOFError, ValueError):
            if worker.timed_out:
                raise LayoutTimeout(f"the layout took longer than {self.timeout:g} s and was stopped") from None
            if self._closed:
                raise RenderUnavailable("the layout workers were stopped") from None
            raise RenderUnavailable("the layout worker stopped unexpectedly") from None
        finally:
            timer.cancel()
            self._give_back(worker, healthy)
        if not header.get("ok"):
            raise RenderUnavailable(str(header.get("error", "the layout failed")))
        return body

    def close(self) -> None:
        """Kill every worker (a layout in progress raises :class:`RenderUnavailable`)."""
        with self._lock:
            self._closed = True
            workers = [*self._idle, *self._busy]
            self._idle.clear()
        for worker in workers:
            worker.kill()


def serve(requests: IO[bytes], replies: IO[bytes], /) -> None:
    """The worker's loop: read a request, lay it out in-process, reply; until the parent closes the pipe."""
    from opcc_model.render.backend import layout

    try:
        layout("digraph {}", "svg")  # compile Graphviz before saying ready
    except RenderUnavailable:
        pass
    replies.write(b"ready\n")
    replies.flush()
    while True:
        try:
            header, body = _receive(requests)
        except EOFError:
            return
        try:
            result = layout(body.decode("utf-8"), str(header["fmt"]), backend=str(header["backend"]))
            _send(replies, {"ok": True}, result)
        except RenderUnavailable as exc:
            _send(replies, {"ok": False, "error": str(exc)}, b"")


def _exit_with_parent(parent: int) -> None:
    """End this worker when its parent is gone (killed -9: no one would close our pipe mid-layout)."""
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    serve(sys.stdin.buffer, sys.stdout.buffer)
