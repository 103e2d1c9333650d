"""The diagrams of the site: SVG by diagram name, and the same SVG made fit to sit inside a page.

>>> svg = '<?xml version="1.0"?>\\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\\n "x.dtd">\\n<!-- made -->\\n<svg width="8pt"><g/></svg>\\n'
>>> str(inline_svg(svg, 'The <value> chain'))
'<svg role="img" aria-label="The &lt;value&gt; chain" width="8pt"><g/></svg>'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from markupsafe import Markup, escape

from opcc_model.findings import Finding
from opcc_model.model import Boundary, Model
from opcc_model.render.backend import layout
from opcc_model.render.boundarymap import boundary_map
from opcc_model.render.diagrams import diagrams
from opcc_model.render.links import diagram_name

__all__ = ["site_diagrams", "inline_svg"]

_PROLOG = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)


def inline_svg(svg: str, label: str, /) -> Markup:
    """``svg`` without its XML prolog, doctype and comments, its root labelled for assistive technology.

    Raises :class:`ValueError` when ``svg`` has no ``<svg`` element.
    """
    body = _PROLOG.sub("", svg).strip()
    if not body.startswith("<svg"):
        raise ValueError(f"expected an SVG document, found {body[:40]!r}")
    return Markup(f'<svg role="img" aria-label="{escape(label)}"') + Markup(body[len("<svg"):])


def site_diagrams(
    model: Model, areas: Iterable[Boundary], /, *, findings: Mapping[str, Iterable[Finding]] | None = None
) -> dict[str, str]:
    """The SVG of each diagram of the site, keyed by diagram name (``process-<id>``), linking to site pages.

    Every diagram of :func:`opcc_model.render.diagrams.diagrams` with ``page_suffix=".html"``;
    boundary maps only for ``areas``, each marked with that area's ``findings``. Raises
    :class:`~opcc_model.errors.RenderUnavailable` when no Graphviz backend can lay them out.
    """
    found = findings or {}
    graphs = [(name, graph) for name, graph in diagrams(model, page_suffix=".html") if not name.startswith("boundary-")]
    for boundary in areas:
        graph = boundary_map(model, boundary.area, findings=found.get(boundary.area, ()), page_suffix=".html")
        graphs.append((diagram_name("boundary", boundary.area), graph))
    return {name: layout(graph.source, "svg").decode("utf-8") for name, graph in graphs}
