"""Writing every diagram to a folder: cached by content hash, laid out in parallel, each file written atomically.

The manifest, ``.opcc-manifest.json`` in the output folder (:mod:`opcc_model.render.manifest`),
records each file written with its key, the sha256 of (DOT source, backend, Graphviz version,
format), and the sha256 of its bytes; a diagram is laid out again only when its key changed or
its file is not the one recorded.

>>> import opcc_model, tempfile
>>> out = tempfile.mkdtemp()
>>> result = write_diagrams(opcc_model.load(opcc_model.example_root("minimal")), out, fmt="dot")
>>> result.written[0]
'value-chain.dot'
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from opcc_model.errors import OpccError, RenderUnavailable
from opcc_model.model import Model
from opcc_model.render.backend import choose_backend, graphviz_version, layout
from opcc_model.render.diagrams import diagrams, mermaid_diagrams
from opcc_model.render.formats import FORMATS
from opcc_model.render.manifest import Manifest, Output, read_manifest, sha256_of
from opcc_model.render.parallel import lay_out_all
from opcc_model.render.processmap import LaneMode

__all__ = [
    "FORMATS",
    "RenderResult",
    "RenderCheck",
    "select",
    "layout_key",
    "diagram_sources",
    "write_diagrams",
    "write_sources",
    "check_diagrams",
    "check_sources",
]

_EXTENSION = {"svg": "svg", "png": "png", "pdf": "pdf", "dot": "dot", "mermaid": "mmd"}


@dataclass(frozen=True)
class RenderResult:
    """What a render did: files written, files left as they were (cache hits), any fallback message, files removed."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    fallback: str | None = None
    removed: tuple[str, ...] = ()


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


def layout_key(dot_source: str, fmt: str, backend: str, /) -> str:
    """The content hash a laid-out diagram is cached under: sha256 of (DOT source, backend, Graphviz version, format).

    >>> backend = choose_backend("svg")
    >>> layout_key("digraph {}", "svg", backend) == layout_key("digraph {}", "svg", backend) != layout_key("digraph { a }", "svg", backend)
    True
    """
    parts: tuple[str, ...] = (dot_source, backend, graphviz_version(backend), fmt)
    if fmt == "png" and backend == "wasm":
        from opcc_model.render.raster import version

        parts += (f"resvg-py {version()}",)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def diagram_sources(model: Model, /, *, fmt: str = "svg", only: str | None = None, lanes: LaneMode = "side") -> dict[str, str]:
    """``{diagram name: DOT source}`` (Mermaid text for ``fmt="mermaid"``) of the diagrams ``opcc render`` draws.

    >>> import opcc_model
    >>> list(diagram_sources(opcc_model.load(opcc_model.example_root("minimal")), only="value-chain"))
    ['value-chain']
    """
    if fmt not in FORMATS:
        raise OpccError(f"--format must be one of {', '.join(FORMATS)}, found {fmt!r}")
    if fmt == "mermaid":
        texts = dict(mermaid_diagrams(model, lanes=lanes))
    else:
        texts = {name: graph.source for name, graph in diagrams(model, lanes=lanes)}
    return {name: texts[name] for name in select(list(texts), only)}


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
    clean: bool = False,
) -> RenderResult:
    """Render the model's diagrams into ``out`` as ``fmt`` (svg, png, pdf, dot or mermaid).

    With no Graphviz backend for SVG, writes DOT text instead and says so in
    :attr:`RenderResult.fallback`; PNG with neither resvg-py nor the system ``dot``, and PDF
    without the system ``dot``, raise :class:`RenderUnavailable`. A layout that fails writes nothing for that diagram and
    raises after the others are done. ``clean`` removes diagrams an earlier run wrote that
    the model no longer has (not with ``only``: a partial run cannot tell).
    """
    if clean and only is not None:
        raise OpccError("--clean needs every diagram: leave out --only")
    texts = diagram_sources(model, fmt=fmt, only=only, lanes=lanes)
    return write_sources(texts, out, fmt=fmt, jobs=jobs, progress=progress, clean=clean)


def check_diagrams(
    model: Model, out: str | os.PathLike[str], /, *, fmt: str = "svg", only: str | None = None, lanes: LaneMode = "side"
) -> RenderCheck:
    """What :func:`write_diagrams` would change in ``out``, writing nothing (see :func:`check_sources`)."""
    texts = diagram_sources(model, fmt=fmt, only=only, lanes=lanes)
    return check_sources(texts, out, fmt=fmt, complete=only is None)


def _keys(texts: Mapping[str, str], fmt: str, backend: str | None) -> dict[str, str]:
    if backend is None:  # text formats: the key is the text itself
        return {name: hashlib.sha256(f"{fmt}\0{text}".encode("utf-8")).hexdigest() for name, text in texts.items()}
    return {name: layout_key(text, fmt, backend) for name, text in texts.items()}


def _backend_for(fmt: str) -> tuple[str, str | None, str | None]:
    """``(format written, backend or None for text formats, fallback message)``."""
    if fmt in ("svg", "png", "pdf"):
        try:
            return fmt, choose_backend(fmt), None
        except RenderUnavailable as exc:
            if fmt != "svg":
                raise
            return "dot", None, f"{exc}; wrote DOT text instead of SVG"
    return fmt, None, None


def write_sources(
    texts: Mapping[str, str],
    out: str | os.PathLike[str],
    /,
    *,
    fmt: str = "svg",
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    clean: bool = False,
) -> RenderResult:
    """Write each ``name -> DOT source`` (Mermaid text for ``fmt="mermaid"``) into ``out`` as ``<name>.<ext>``.

    Laid out through the backend chain, skipped when the manifest says the file is current,
    in parallel, each file atomic, the manifest last (:mod:`opcc_model.render.manifest`);
    the fallbacks and failures of :func:`write_diagrams`. ``clean`` removes the diagrams of
    this format that an earlier run wrote and ``texts`` no longer has (never a file it did not write).

    >>> import tempfile
    >>> write_sources({"tiny": "digraph { a -> b }"}, tempfile.mkdtemp(), fmt="dot").written
    ('tiny.dot',)
    """
    if fmt not in FORMATS:
        raise OpccError(f"--format must be one of {', '.join(FORMATS)}, found {fmt!r}")
    fmt, backend, fallback = _backend_for(fmt)
    names = list(texts)
    keys = _keys(texts, fmt, backend)
    files = {name: f"{name}.{_EXTENSION[fmt]}" for name in names}
    with Output(out, "render") as output:
        todo = [n for n in names if not output.is_current(files[n], keys[n])]
        unchanged = [files[n] for n in names if n not in todo]
        orphans = _orphans(output.owned(), set(files.values()), fmt) if clean else []
        if not todo and not orphans:
            if progress:
                progress(len(names), len(names))
            return RenderResult((), tuple(unchanged), fallback)
        output.begin(files[n] for n in todo)
        for name in names:
            if name not in todo:
                output.keep(files[name])
        failures = _lay_out(output, {n: texts[n] for n in todo}, files, keys, fmt, backend, jobs, progress, len(unchanged))
        removed = output.remove(orphans)
        output.finish()
    if failures:
        raise RenderUnavailable("could not render " + "; ".join(sorted(failures)))
    return RenderResult(tuple(files[n] for n in names if n in todo), tuple(unchanged), fallback, tuple(removed))


def _orphans(owned: list[str], produced: set[str], fmt: str) -> list[str]:
    """Owned files of this format's extension that are not produced now."""
    return [path for path in owned if path.endswith(f".{_EXTENSION[fmt]}") and path not in produced]


def _lay_out(
    output: Output,
    texts: Mapping[str, str],
    files: Mapping[str, str],
    keys: Mapping[str, str],
    fmt: str,
    backend: str | None,
    jobs: int | None,
    progress: Callable[[int, int], None] | None,
    done: int,
) -> list[str]:
    """Lay out and write ``texts`` (in parallel for layouts); return the failures as ``name: message``."""
    total = done + len(texts)
    failures: list[str] = []
    if progress:
        progress(done, total)

    if backend is None:  # text formats: nothing to lay out
        results: Iterator[tuple[str, bytes | RenderUnavailable]] = ((n, t.encode("utf-8")) for n, t in texts.items())
    else:
        results = lay_out_all(texts, fmt, backend=backend, jobs=jobs, layout=layout)
    for name, result in results:
        if isinstance(result, bytes):
            output.write(files[name], result, key=keys[name])
        else:
            output.forget(files[name])
            failures.append(f"{name}: {result}")
        done += 1
        if progress:
            progress(done, total)
    return failures


@dataclass(frozen=True)
class RenderCheck:
    """What ``opcc render --check`` found: diagrams out of date, missing, or no longer in the model."""

    stale: tuple[str, ...]
    missing: tuple[str, ...]
    orphans: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """Nothing stale, missing or orphaned."""
        return not (self.stale or self.missing or self.orphans)

    def lines(self) -> list[str]:
        """One line per problem: ``stale: process-a.svg``."""
        return [f"{kind}: {path}" for kind, paths in (("stale", self.stale), ("missing", self.missing), ("orphan", self.orphans)) for path in paths]


def check_sources(texts: Mapping[str, str], out: str | os.PathLike[str], /, *, fmt: str = "svg", complete: bool = True) -> RenderCheck:
    """Compare ``out`` with what :func:`write_sources` would write, writing nothing.

    Stale: a file whose manifest key differs from today's, or whose bytes are not the ones
    recorded (edited by hand, or left by an interrupted run); missing: a diagram with no file
    or not in the manifest; orphans (when ``complete``): files of this format the manifest
    owns that the model no longer has.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> check_sources({"tiny": "digraph {}"}, folder, fmt="dot").missing
    ('tiny.dot',)
    >>> _ = write_sources({"tiny": "digraph {}"}, folder, fmt="dot")
    >>> check_sources({"tiny": "digraph {}"}, folder, fmt="dot").ok
    True
    """
    fmt, backend, _ = _backend_for(fmt)
    keys = _keys(texts, fmt, backend)
    folder = Path(out)
    manifest = read_manifest(folder) or Manifest("render")
    stale, missing = [], []
    for name in texts:
        path = f"{name}.{_EXTENSION[fmt]}"
        entry = manifest.files.get(path)
        if entry is None or not (folder / path).is_file():
            missing.append(path)
        elif entry.key != keys[name] or sha256_of((folder / path).read_bytes()) != entry.sha256:
            stale.append(path)
    produced = {f"{name}.{_EXTENSION[fmt]}" for name in texts}
    orphans = _orphans(sorted(manifest.files), produced, fmt) if complete else []
    return RenderCheck(tuple(sorted(stale)), tuple(sorted(missing)), tuple(orphans))
