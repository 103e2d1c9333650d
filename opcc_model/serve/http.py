"""The HTTP side of ``opcc serve``: the built site on 127.0.0.1, each page with a small live-reload script.

Only served pages get the script (``opcc site`` output never holds it): before ``</body>``
of every HTML response the server adds ``<script src="/__opcc__/live.js" data-version="N">``.
The script asks ``/__opcc__/version`` twice a second and reloads the page when the number
changed (a rebuild, or a model that stopped or started loading). While the model does not
load, every page also shows a banner linking to ``/__opcc__/errors``, which lists the
located errors; the last good site stays browsable underneath. Requests whose ``Host`` is
not the loopback address are refused (a web page elsewhere cannot read the site through
DNS rebinding), folders are never listed, and nothing outside the site folder is served.

>>> state = LiveState()
>>> state.version, state.errors
(0, ())
>>> state.publish(("a.yaml:1:1: expected a mapping",)); state.version
1
>>> b"opcc-serve-errors" in inject(b"<html><body><p>x</p></body></html>", state)
True
"""

from __future__ import annotations

import html
import http.server
import json
import threading
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

__all__ = ["LiveState", "LIVE_PATH", "inject", "error_page", "make_server"]

LIVE_PATH = "/__opcc__/"
"""The URL prefix of the server's own endpoints (no site file starts with it)."""

_SCRIPT = b"""(function () {
  var me = document.currentScript, seen = me.getAttribute("data-version"), failures = 0;
  function poll() {
    fetch("/__opcc__/version", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (d) {
      failures = 0;
      if (String(d.version) !== seen) { location.reload(); return; }
      setTimeout(poll, 500);
    }).catch(function () { if (++failures < 20) { setTimeout(poll, 1000); } });
  }
  setTimeout(poll, 500);
})();
"""


@dataclass
class LiveState:
    """The version number of what is served and the errors of the last load (if it failed)."""

    version: int = 0
    """Increases with every rebuild or change of errors; the pages reload when it moves."""
    errors: tuple[str, ...] = ()
    """The located errors of the last load; empty when the last load succeeded."""
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def publish(self, errors: tuple[str, ...] = ()) -> None:
        """Record a finished rebuild (``errors`` empty) or a failed load, and move the version on."""
        with self.lock:
            self.errors = errors
            self.version += 1

    def snapshot(self) -> tuple[int, tuple[str, ...]]:
        """The version and errors, read together."""
        with self.lock:
            return self.version, self.errors


def _banner(errors: tuple[str, ...]) -> bytes:
    count = len(errors)
    text = (
        f'<div id="opcc-serve-errors" role="alert" style="background:#fde8e8;color:#600;padding:.5em 1em;'
        f'border-bottom:2px solid #a00"><strong>The model does not load ({count} error{"s" if count != 1 else ""})'
        f'</strong>: showing the last good site. <a href="{LIVE_PATH}errors">See the errors</a>.</div>'
    )
    return text.encode("utf-8")


def inject(page: bytes, state: LiveState, /) -> bytes:
    """``page`` with the live-reload script (and, while the model does not load, the error banner)."""
    version, errors = state.snapshot()
    script = f'<script src="{LIVE_PATH}live.js" data-version="{version}"></script>'.encode()
    at = page.rfind(b"</body>")
    if at < 0:
        return page + script
    body = page.find(b"<body>")
    if errors and 0 <= body < at:
        start = body + len(b"<body>")
        page = page[:start] + _banner(errors) + page[start:]
        at = page.rfind(b"</body>")
    return page[:at] + script + page[at:]


def error_page(errors: tuple[str, ...], /) -> bytes:
    """The page listing the located errors of a model that does not load (escaped; no link back if none).

    >>> b"&lt;x&gt;" in error_page(("a.yaml:1:1: found <x>",))
    True
    """
    items = "".join(f"<li><code>{html.escape(e)}</code></li>" for e in errors)
    body = f"<ol>{items}</ol>" if errors else "<p>The model loads: no errors.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Model errors · opcc serve</title></head>'
        f'<body><main><h1>Model errors</h1>{body}<p><a href="/index.html">Back to the site</a></p></main></body></html>\n'
    ).encode("utf-8")


class _Handler(http.server.SimpleHTTPRequestHandler):
    state: LiveState
    port: int

    def __init__(self, *args: Any, state: LiveState, **kwargs: Any) -> None:
        self.state = state
        super().__init__(*args, **kwargs)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # a quiet server: the terminal shows rebuilds, not every request

    def _send(self, status: int, kind: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _local_host(self) -> bool:
        host = (self.headers.get("Host") or "").rsplit(":", 1)[0].strip("[]")
        return host in ("127.0.0.1", "localhost")

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        if not self._local_host():
            self._send(403, "text/plain; charset=utf-8", b"opcc serve answers only requests to 127.0.0.1\n")
            return
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path.startswith(LIVE_PATH):
            self._live(path[len(LIVE_PATH):])
            return
        if path.endswith("/"):
            path += "index.html"
        file = Path(self.translate_path(path))
        if not file.is_file():
            self._send(404, "text/plain; charset=utf-8", b"not found\n")
            return
        try:
            data = file.read_bytes()
        except OSError:
            self._send(404, "text/plain; charset=utf-8", b"not found\n")
            return
        kind = self.guess_type(str(file))
        if kind == "text/html":
            data, kind = inject(data, self.state), "text/html; charset=utf-8"
        self._send(200, kind, data)

    def _live(self, name: str) -> None:
        version, errors = self.state.snapshot()
        if name == "version":
            body = json.dumps({"version": version, "errors": len(errors)}).encode()
            self._send(200, "application/json", body)
        elif name == "live.js":
            self._send(200, "text/javascript; charset=utf-8", _SCRIPT)
        elif name == "errors":
            self._send(200, "text/html; charset=utf-8", inject(error_page(errors), self.state))
        else:
            self._send(404, "text/plain; charset=utf-8", b"not found\n")


def make_server(folder: str | Path, state: LiveState, /, *, port: int = 8000) -> http.server.ThreadingHTTPServer:
    """An HTTP server for the site in ``folder`` on 127.0.0.1:``port`` (0: any free port), not yet serving.

    Raises :class:`OSError` when the port cannot be bound.
    """
    handler = partial(_Handler, state=state, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    return server
