"""``opcc serve``'s loop: build once, serve, and rebuild whenever a model file changes, until stopped.

:func:`serve` builds the site into a temporary folder, starts the HTTP server of
:mod:`opcc_model.serve.http` in a thread, then waits on :func:`watchfiles.watch` for
changes to the model's YAML, ``opcc.toml`` and plans; each batch of changes is one
:func:`~opcc_model.serve.build.rebuild`. The wait is bounded (it wakes every
``tick`` seconds to look at ``stop``), so a stop request or Ctrl-C ends it promptly; the
server is shut down and the temporary folder removed on the way out.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from opcc_model.errors import OpccError
from opcc_model.serve.build import Rebuild, rebuild
from opcc_model.serve.http import LiveState, make_server

__all__ = ["serve", "watched"]

_SUFFIXES = (".yaml", ".yml", ".toml")


def watched(change: object, path: str) -> bool:
    """Whether a change to ``path`` can change the site (model YAML and ``opcc.toml``, not editor debris).

    >>> watched(None, "/m/processes/a.yaml"), watched(None, "/m/processes/.a.yaml.swp"), watched(None, "/m/x/.#a.yaml")
    (True, False, False)
    """
    name = os.path.basename(path)
    return name.endswith(_SUFFIXES) and not name.startswith((".", "#", "~"))


def _report(result: Rebuild, started: float, say: Callable[[str], None]) -> None:
    took = time.perf_counter() - started
    if not result.ok:
        say(f"the model does not load ({len(result.errors)} errors); still serving the last good site:")
        for line in result.errors[:20]:
            say(f"  {line}")
        return
    changed = len(result.written) + len(result.removed)
    say(f"rebuilt in {took:.2f}s: {changed} file{'s' if changed != 1 else ''} changed")


def serve(root: str | os.PathLike[str], /, *, area: str | None = None, port: int = 8000,
          say: Callable[[str], None] = print, stop: threading.Event | None = None, tick: float = 0.5) -> None:
    """Serve the live site of the model at ``root`` on 127.0.0.1:``port`` until Ctrl-C or ``stop`` is set.

    Raises :class:`~opcc_model.errors.OpccError` when ``root`` is not a folder or the port cannot be bound.
    """
    import watchfiles

    base = Path(root)
    if not base.is_dir():
        raise OpccError(f"{base}: expected a model folder holding processes/ and pag/, found no such folder")
    stop = stop or threading.Event()
    folder = Path(tempfile.mkdtemp(prefix="opcc-serve-"))
    state = LiveState()
    try:
        try:
            server = make_server(folder, state, port=port)
        except OSError as exc:
            raise OpccError(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}") from None
        started = time.perf_counter()
        first = rebuild(base, folder, area=area)
        _report(first, started, say)
        state.publish(first.errors)
        thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": tick}, daemon=True)
        thread.start()
        say(f"serving http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)")
        try:
            for _changes in watchfiles.watch(base, watch_filter=watched, stop_event=stop, rust_timeout=int(tick * 1000),
                                             yield_on_timeout=False, raise_interrupt=True):
                started = time.perf_counter()
                result = rebuild(base, folder, area=area)
                _report(result, started, say)
                state.publish(result.errors)
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
