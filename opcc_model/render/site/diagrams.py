"""The diagrams of the site: SVG by diagram name, and the same SVG made fit to sit inside a page.

Each SVG ends with a comment stamping the content hash of its layout (see
:func:`opcc_model.render.write.layout_key`); a rebuild reuses the previous site's SVG
whose stamp still matches, so a warm build lays out only the diagrams that changed.

>>> svg = '<?xml version="1.0"?>\\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\\n "x.dtd">\\n<!-- made -->\\n<svg width="8pt"><g/></svg>\\n'
>>> str(inline_svg(svg, 'The <value> chain'))
'<svg role="img" aria-label="The &lt;value&gt; chain" width="8pt"><g/></svg>'
"""

from __future__ import annotations

import itertools
import os
import re
import zlib
from collections.abc import Iterable, Iterator, Mapping, MutableMapping
from pathlib import Path

import graphviz
from markupsafe import Markup, escape

from opcc_model.findings import Finding
from opcc_model.model import Boundary, Model
from opcc_model.render.backend import choose_backend, layout
from opcc_model.render.boundarymap import boundary_map
from opcc_model.render.diagrams import diagrams
from opcc_model.render.links import diagram_name
from opcc_model.render.parallel import lay_out_stream
from opcc_model.render.write import layout_key

__all__ = ["site_diagrams", "inline_svg", "stamp", "PackedSvgs"]

_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)


def inline_svg(svg: str, label: str, /) -> Markup:
    """``svg`` without its XML prolog, doctype and comments, its root labelled for assistive technology.

    Raises :class:`ValueError` when ``svg`` has no ``<svg`` element.
    """
    body = _PROLOG.sub("", svg).strip()
    if not body.startswith("<svg"):
        raise ValueError(f"expected an SVG document, found {body[:40]!r}")
    return Markup(f'<svg role="img" aria-label="{escape(label)}"') + Markup(body[len("<svg"):])


class PackedSvgs(MutableMapping[str, str]):
    """SVG text by diagram name, each kept zlib-compressed (a national site's 3,500 maps are ~0.6 GB as text).

    >>> svgs = PackedSvgs()
    >>> svgs["a"] = "<svg/>"
    >>> svgs["a"], list(svgs), len(svgs)
    ('<svg/>', ['a'], 1)
    """

    def __init__(self) -> None:
        self._packed: dict[str, bytes] = {}

    def __getitem__(self, name: str) -> str:
        return zlib.decompress(self._packed[name]).decode("utf-8")

    def __setitem__(self, name: str, svg: str) -> None:
        self._packed[name] = zlib.compress(svg.encode("utf-8"), 1)

    def __delitem__(self, name: str) -> None:
        del self._packed[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)

    def __contains__(self, name: object) -> bool:
        return name in self._packed


def stamp(key: str, /) -> str:
    """The comment that ends an SVG laid out from a source whose content hash is ``key``.

    >>> stamp("ab12")
    '<!-- opcc-layout ab12 -->\\n'
    """
    return f"<!-- opcc-layout {key} -->\n"


def _previous(folder: Path | None, name: str, mark: str) -> str | None:
    """The SVG ``name`` of a previous build in ``folder`` when it carries ``mark``."""
    if folder is None:
        return None
    try:
        svg = (folder / f"{name}.svg").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return svg if svg.endswith(mark) else None


def site_diagrams(
    model: Model,
    areas: Iterable[Boundary],
    /,
    *,
    findings: Mapping[str, Iterable[Finding]] | None = None,
    reuse: str | os.PathLike[str] | None = None,
    failures: list[str] | None = None,
    extra: Iterable[tuple[str, graphviz.Digraph]] = (),
) -> PackedSvgs:
    """The SVG of each diagram of the site, keyed by diagram name (``process-<id>``), linking to site pages.

    Every diagram of :func:`opcc_model.render.diagrams.diagrams` with ``page_suffix=".html"``;
    boundary maps only for ``areas``, each marked with that area's ``findings``. Raises
    :class:`~opcc_model.errors.RenderUnavailable` when no Graphviz backend can lay them out.
    A diagram whose layout fails (or times out) becomes a placeholder saying so, and its
    message is appended to ``failures``; the others are laid out all the same. ``extra``: more
    ``(name, graph)`` pairs laid out with them (the transition timelines).
    """
    found = findings or {}
    chosen = list(areas)
    graphs = itertools.chain(
        diagrams(model, page_suffix=".html", boundaries=False),
        ((diagram_name("boundary", b.area), boundary_map(model, b.area, findings=found.get(b.area, ()), page_suffix=".html"))
         for b in chosen),
        extra,
    )
    backend = choose_backend("svg")
    folder = Path(reuse) if reuse is not None else None
    out = PackedSvgs()
    marks: dict[str, str] = {}

    def todo() -> Iterator[tuple[str, str]]:
        """Each diagram's DOT as it is made, unless the previous build's SVG still matches it."""
        for name, graph in graphs:
            source = graph.source
            marks[name] = stamp(layout_key(source, "svg", backend))
            previous = _previous(folder, name, marks[name])
            out[name] = previous or ""
            if previous is None:
                yield name, source

    for name, result in lay_out_stream(todo(), "svg", backend=backend, layout=layout):
        if isinstance(result, bytes):
            svg = result.decode("utf-8")
            out[name] = svg + ("" if svg.endswith("\n") else "\n") + marks[name]
        else:
            out[name] = _placeholder(name, str(result))
            if failures is not None:
                failures.append(f"{name}.svg: {result}")
    return out


def _placeholder(name: str, message: str) -> str:
    """An SVG that says the diagram could not be laid out (no stamp: the next build tries again)."""
    text = escape(f"{name}: not drawn. {message}")
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="640pt" height="60pt" viewBox="0 0 640 60">'
        f'<text x="8" y="30" font-family="Helvetica,sans-serif" font-size="11">{text}</text></svg>\n'
    )
