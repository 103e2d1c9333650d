"""The size limit of a diagram laid out whole: counted in nodes and edges of its DOT.

Graphviz's ``dot`` layout grows faster than the size of the graph (crossing minimisation
over many edges): a stage dependency map of 375 activities and 3,000 dependencies ran for
more than 12 minutes. Measured with ``bench/render_limits.py`` (CPU time of the worker on the
2-core machine of this project): 197 nodes and edges 0.9 s, 483 5.5 s, 803 41 s; a process-level
summary of 569 6.3 s. 600 keeps a layout to about 10 s. A diagram over :func:`diagram_limit` is not laid out whole: dependency
maps are drawn summarised (see :mod:`opcc_model.render.summary`). ``bench/render_limits.py``
measures the layout time by size on this machine class; the default limit keeps every
layout under ~10 s there (``OPCC_DIAGRAM_LIMIT`` changes it).

>>> diagram_size('digraph {\\n\\t"a" [label=x]\\n\\t"b"\\n\\t"a" -> "b"\\n}')
(2, 1)
"""

from __future__ import annotations

import os
import re

from opcc_model.errors import RenderUnavailable

__all__ = ["DEFAULT_LIMIT", "diagram_limit", "diagram_size", "over_limit"]

DEFAULT_LIMIT = 600
"""Nodes plus edges of the largest diagram laid out whole (see ``bench/render_limits.py``)."""

_EDGE = re.compile(r"^\s*(?:\"(?:[^\"\\]|\\.)*\"|[\w.]+)\s*->", re.MULTILINE)
_NODE = re.compile(r"^\s*(?:\"(?:[^\"\\]|\\.)*\"|(?!(?:graph|node|edge|subgraph)\b)[\w.]+)\s*(?:\[|$)", re.MULTILINE)


def diagram_size(source: str, /) -> tuple[int, int]:
    """``(nodes, edges)`` declared in the DOT ``source`` (one statement a line, as the ``graphviz`` package writes)."""
    return len(_NODE.findall(source)), len(_EDGE.findall(source))


def diagram_limit() -> int:
    """The limit in force: ``OPCC_DIAGRAM_LIMIT`` or :data:`DEFAULT_LIMIT`; raises :class:`RenderUnavailable` if invalid.

    >>> diagram_limit() == DEFAULT_LIMIT
    True
    """
    text = os.environ.get("OPCC_DIAGRAM_LIMIT", "").strip()
    if not text:
        return DEFAULT_LIMIT
    if not text.isdigit() or int(text) < 1:
        raise RenderUnavailable(f"OPCC_DIAGRAM_LIMIT must be a whole number of nodes and edges above 0, found {text!r}")
    return int(text)


def over_limit(source: str, /) -> bool:
    """Whether the diagram ``source`` is too large to lay out whole.

    >>> over_limit("digraph { a -> b }")
    False
    """
    nodes, edges = diagram_size(source)
    return nodes + edges > diagram_limit()
