"""Writing every diagram to a folder: cached by content hash, laid out in parallel, each file written atomically.

The cache, ``.opcc-render-cache.json`` in the output folder, maps each diagram's name to
the sha256 of (DOT source, backend, Graphviz version, format); a diagram is laid out
again only when that changed or its file is missing.

>>> import opcc_model, tempfile
>>> out = tempfile.mkdtemp()
>>> result = write_diagrams(opcc_model.load(opcc_model.example_root("minimal")), out, fmt="dot")
>>> result.written[0]
'value-chain.dot'
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from opcc_model.atomic import write_bytes, write_text
from opcc_model.errors import OpccError, RenderUnavailable
from opcc_model.model import Model
from opcc_model.render.backend import choose_backend, graphviz_version, layout
from opcc_model.render.diagrams import diagrams, mermaid_diagrams
from opcc_model.render.processmap import LaneMode

__all__ = ["FORMATS", "CACHE_FILE", "RenderResult", "select", "write_diagrams", "write_sources"]

FORMATS = ("svg", "png", "dot", "mermaid")
"""Formats ``opcc render`` writes."""
CACHE_FILE = ".opcc-render-cache.json"
_EXTENSION = {"svg": "svg", "png": "png", "dot": "dot", "mermaid": "mmd"}


@dataclass(frozen=True)
class RenderResult:
    """What a render did: files written, files left as they were (cache hits), and any fallback message."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    fallback: str | None = None


def select(names: list[str], only: str | None, /) -> list[str]:
    """The names ``--only ID`` picks: the name itself, or any ``<kind>-ID``; raises :class:`OpccError` if none.

    >>> select(["value-chain", "process-a", "boundary-a", "process-b"], "a")
    ['process-a', 'boundary-a']
    """
    if only is None:
        return names
    picked = [n for n in names if n == only or n.split("-", 1)[-1] == only and n.startswith(("stage-", "process-", "boundary-"))]
    if not picked:
        raise OpccError(f"--only {only!r} matches no diagram; expected a diagram name or a stage, process or area id")
    return picked


def _read_cache(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def layout_key(dot_source: str, fmt: str, backend: str, /) -> str:
    """The content hash a laid-out diagram is cached under: sha256 of (DOT source, backend, Graphviz version, format).

    >>> backend = choose_backend("svg")
    >>> layout_key("digraph {}", "svg", backend) == layout_key("digraph {}", "svg", backend) != layout_key("digraph { a }", "svg", backend)
    True
    """
    parts = (dot_source, backend, graphviz_version(backend), fmt)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def write_diagrams(
    model: Model,
    out: str | os.PathLike[str],
    /,
    *,
    fmt: str = "svg",
    only: str | None = None,
    jobs: int | None = None,
    lanes: LaneMode = "side",
    progress: Callable[[int, int], None] | None = None,
) -> RenderResult:
    """Render the model's diagrams into ``out`` as ``fmt`` (svg, png, dot or mermaid).

    With no Graphviz backend for SVG, writes DOT text instead and says so in
    :attr:`RenderResult.fallback`; PNG without the system ``dot`` raises
    :class:`RenderUnavailable`. A layout that fails writes nothing for that diagram and
    raises after the others are done.
    """
    if fmt not in FORMATS:
        raise OpccError(f"--format must be one of {', '.join(FORMATS)}, found {fmt!r}")
    if fmt == "mermaid":
        texts = dict(mermaid_diagrams(model, lanes=lanes))
    else:
        texts = {name: graph.source for name, graph in diagrams(model, lanes=lanes)}
    picked = select(list(texts), only)
    return write_sources({name: texts[name] for name in picked}, out, fmt=fmt, jobs=jobs, progress=progress)


def write_sources(
    texts: Mapping[str, str],
    out: str | os.PathLike[str],
    /,
    *,
    fmt: str = "svg",
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> RenderResult:
    """Write each ``name -> DOT source`` (Mermaid text for ``fmt="mermaid"``) into ``out`` as ``<name>.<ext>``.

    Laid out through the backend chain, cached by content hash, in parallel, each file atomic;
    the fallbacks and failures of :func:`write_diagrams`.

    >>> import tempfile
    >>> write_sources({"tiny": "digraph { a -> b }"}, tempfile.mkdtemp(), fmt="dot").written
    ('tiny.dot',)
    """
    if fmt not in FORMATS:
        raise OpccError(f"--format must be one of {', '.join(FORMATS)}, found {fmt!r}")
    folder = Path(out)
    names = list(texts)
    fallback = None
    if fmt in ("svg", "png"):
        try:
            backend = choose_backend(fmt)
        except RenderUnavailable as exc:
            if fmt == "png":
                raise
            fmt, fallback = "dot", f"{exc}; wrote DOT text instead of SVG"
    if fmt in ("dot", "mermaid"):
        written = []
        for number, name in enumerate(names, 1):
            write_text(folder / f"{name}.{_EXTENSION[fmt]}", texts[name])
            written.append(f"{name}.{_EXTENSION[fmt]}")
            if progress:
                progress(number, len(names))
        return RenderResult(tuple(written), (), fallback)

    cache_path = folder / CACHE_FILE
    cache = _read_cache(cache_path)
    keys = {name: layout_key(texts[name], fmt, backend) for name in names}
    files = {name: f"{name}.{_EXTENSION[fmt]}" for name in names}
    todo = [n for n in names if cache.get(n) != keys[n] or not (folder / files[n]).is_file()]
    unchanged = [files[n] for n in names if n not in todo]
    failures: list[str] = []
    done = len(unchanged)
    if progress:
        progress(done, len(names))

    def job(name: str) -> str:
        write_bytes(folder / files[name], layout(texts[name], fmt, backend=backend))
        return name

    with ThreadPoolExecutor(max_workers=max(1, jobs or os.cpu_count() or 1)) as pool:
        futures = {pool.submit(job, name): name for name in todo}
        for future in as_completed(futures):
            name = futures[future]
            try:
                future.result()
                cache[name] = keys[name]
            except OpccError as exc:
                cache.pop(name, None)
                failures.append(f"{name}: {exc}")
            done += 1
            if progress:
                progress(done, len(names))
    write_text(cache_path, json.dumps(dict(sorted(cache.items())), indent=1) + "\n")
    if failures:
        raise RenderUnavailable("could not render " + "; ".join(sorted(failures)))
    return RenderResult(tuple(files[n] for n in names if n in todo), tuple(unchanged), fallback)
