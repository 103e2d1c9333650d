"""Inline display in Jupyter: a diagram shows as SVG, or as its DOT text when no Graphviz backend is available.

>>> import opcc_model
>>> view = inline(opcc_model.load(opcc_model.example_root("minimal")))
>>> sorted(view._repr_mimebundle_())
['image/svg+xml', 'text/plain']
"""

from __future__ import annotations

from typing import Any

import graphviz

from opcc_model.errors import RenderUnavailable
from opcc_model.model import Model
from opcc_model.render.backend import layout
from opcc_model.render.processmap import process_map
from opcc_model.render.valuechain import value_chain

__all__ = ["Inline", "inline"]


class Inline:
    """A wrapper that displays a :class:`graphviz.Digraph` and never raises for want of ``dot``."""

    def __init__(self, graph: graphviz.Digraph, /) -> None:
        self.graph = graph

    def svg(self) -> str | None:
        """The SVG text, or ``None`` when no backend can draw it."""
        try:
            return layout(self.graph.source, "svg").decode("utf-8")
        except RenderUnavailable:
            return None

    def _repr_svg_(self) -> str | None:
        return self.svg()

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None, **_: Any) -> dict[str, str]:
        bundle = {"text/plain": self.graph.source}
        svg = self.svg()
        if svg is not None:
            bundle["image/svg+xml"] = svg
        return bundle

    def __repr__(self) -> str:
        return self.graph.source


def inline(model: Model, process_id: str | None = None, /) -> Inline:
    """The value chain of ``model`` (or the map of ``process_id``), ready to display in a notebook.

    >>> import opcc_model
    >>> "digraph" in repr(inline(opcc_model.load(opcc_model.example_root("minimal")), "conduct-stakeholder-analysis"))
    True
    """
    return Inline(value_chain(model) if process_id is None else process_map(model, process_id))
