"""Reading rendered SVG in tests: which nodes a diagram drew highlighted."""

from __future__ import annotations

import html
import re

from opcc_model.render.draw import HIGHLIGHT_STYLE

HIGHLIGHT = HIGHLIGHT_STYLE["color"]


def highlighted_titles(svg: str) -> set[str]:
    """Titles (DOT node names) of the SVG node groups stroked in the highlight colour."""
    found = set()
    for group in re.findall(r'<g id="[^"]*" class="node">(.*?)</g>', svg, flags=re.S):
        title = re.search(r"<title>(.*?)</title>", group)
        if title and f'stroke="{HIGHLIGHT}"' in group:
            found.add(html.unescape(title.group(1)))
    return found
