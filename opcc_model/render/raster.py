"""PNG from the WebAssembly layout's SVG, without a system Graphviz: rasterised by resvg (``resvg-py``).

resvg is a Rust SVG renderer with the most complete SVG support of the libraries on the
package index (it passes most of the resvg test suite where cairosvg misses features), and
``resvg-py`` is one self-contained wheel of ~3 MB with no system library; cairosvg needs the
system Cairo (``libcairo2``) and pulls in cssselect2, tinycss2 and defusedxml. Graphviz's SVG
names fonts (``Helvetica,sans-Serif``) that a Linux machine may not have under that name;
each ``font-family`` is given fallbacks found on common systems, so labels never vanish.

>>> from opcc_model.render.backend import layout
>>> rasterise(layout("digraph { a -> b }", "svg"))[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
True
"""

from __future__ import annotations

import re

from opcc_model.errors import RenderUnavailable

__all__ = ["FALLBACK_FONTS", "available", "rasterise", "version"]

FALLBACK_FONTS = "Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', 'Noto Sans', sans-serif"
"""Families tried in order for every label (Graphviz's own choice first)."""

_FAMILY = re.compile(r'font-family="([^"]*)"')


def available() -> bool:
    """Whether the rasteriser (``resvg-py``) is installed.

    >>> available()
    True
    """
    try:
        import resvg_py  # noqa: F401
    except ImportError:
        return False
    return True


def version() -> str:
    """The version of the rasteriser, part of a PNG's cache key.

    >>> version()[:1].isdigit()
    True
    """
    from importlib.metadata import version as installed

    return installed("resvg-py")


def _with_fallbacks(svg: str) -> str:
    return _FAMILY.sub(lambda m: f'font-family="{m.group(1)}, {FALLBACK_FONTS}"', svg)


def rasterise(svg: bytes, /, *, dpi: float = 96.0) -> bytes:
    """The PNG of ``svg`` at ``dpi`` (Graphviz's own PNG is 96 dpi); raises :class:`RenderUnavailable`."""
    try:
        import resvg_py
    except ImportError:
        raise RenderUnavailable("PNG without the system Graphviz needs resvg-py: pip install resvg-py") from None
    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=_with_fallbacks(svg.decode("utf-8")), dpi=dpi))
    except ValueError as exc:
        raise RenderUnavailable(f"could not rasterise the SVG: {exc}") from None
