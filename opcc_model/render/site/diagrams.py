"""The diagrams of the site: SVG by diagram name, and the same SVG made fit to sit inside a page.

>>> svg = '<?xml version="1.0"?>\\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\\n "x.dtd">\\n<!-- made -->\\n<svg width="8pt"><g/></svg>\\n'
>>> str(inline_svg(svg, 'The <value> chain'))
'<svg role="img" aria-label="The &lt;value&gt; chain" width="8pt"><g/></svg>'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from markupsafe import Markup, escape

from opcc_model.model import Boundary, Model

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


def site_diagrams(model: Model, areas: Iterable[Boundary], /) -> dict[str, str]:
    """The SVG of each diagram of the site, keyed by diagram name (``process-<id>``)."""
    return {}
