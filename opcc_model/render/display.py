"""A :class:`graphviz.Digraph` that displays in Jupyter through the project's backend chain, never the system ``dot`` alone.

``graphviz.Digraph`` displays by running the system ``dot``, and raises
``ExecutableNotFound`` where Graphviz is not installed. Every diagram of this package is a
:class:`Digraph`: it is laid out by the WebAssembly Graphviz (the system ``dot`` second), and
shows as its DOT text when no backend is there at all.

>>> graph = Digraph(name="g")
>>> graph.edge("a", "b")
>>> sorted(graph._repr_mimebundle_())
['image/svg+xml']
>>> graph._repr_image_png()[:4]
b'\\x89PNG'
"""

from __future__ import annotations

from typing import Any

import graphviz

from opcc_model.errors import RenderUnavailable
from opcc_model.render.backend import layout

__all__ = ["Digraph"]


class Digraph(graphviz.Digraph):
    """:class:`graphviz.Digraph` whose notebook display uses :func:`opcc_model.render.backend.layout`."""

    def _repr_image_svg_xml(self) -> str:
        return layout(self.source, "svg").decode("utf-8")

    def _repr_image_png(self) -> bytes:
        return layout(self.source, "png")

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None, **kwargs: Any) -> dict[str, Any]:
        try:
            bundle: dict[str, Any] = super()._repr_mimebundle_(include, exclude, **kwargs)
        except RenderUnavailable:
            return {"text/plain": self.source}
        return bundle
