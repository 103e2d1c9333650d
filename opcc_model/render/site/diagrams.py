"""The diagrams of the site, as inline SVG keyed by the page that shows them.

Empty until the render module's builders are wired in.
"""

from __future__ import annotations

from collections.abc import Iterable

from opcc_model.model import Boundary, Model

__all__ = ["site_diagrams"]


def site_diagrams(model: Model, areas: Iterable[Boundary], /) -> dict[str, str]:
    """The SVG of each diagram of the site, keyed by diagram name (``process-<id>``)."""
    return {}
