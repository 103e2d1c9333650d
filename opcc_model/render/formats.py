"""The formats ``opcc render`` writes (a light module: the command's parser needs them before any drawing code).

>>> FORMATS[0]
'svg'
"""

from __future__ import annotations

__all__ = ["FORMATS"]

FORMATS = ("svg", "png", "pdf", "dot", "mermaid")
"""Formats ``opcc render`` writes."""
