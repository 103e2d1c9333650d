"""Check every link of a built site: relative links must resolve, absolute ones must be http(s).

Walks every ``.html`` page (``href``, ``src``, ``xlink:href`` of any element, inline SVG
included) and every ``.svg`` file, and checks fragment targets (``id`` attributes).

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> _ = (root / "index.html").write_text('<a href="gone.html">x</a> <a href="#top">y</a>')
>>> [str(b) for b in broken_links(root)]
['index.html: gone.html: no such file', 'index.html: #top: no element with id top']
"""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

__all__ = ["BrokenLink", "links_of", "broken_links", "external_links"]

_LINK_ATTRIBUTES = frozenset({"href", "src", "xlink:href", "action", "poster", "data"})


class BrokenLink(NamedTuple):
    """A link that does not resolve: the page holding it, the link, and why."""

    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link}: {self.reason}"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in _LINK_ATTRIBUTES:
                self.links.append(value)
            elif name == "id":
                self.ids.add(value)


def _parse(path: Path) -> tuple[list[str], set[str]]:
    if path.suffix == ".svg":
        links, ids = [], set()
        for element in ET.parse(path).iter():
            for name, value in element.attrib.items():
                local = name.rsplit("}", 1)[-1]
                if local == "href":
                    links.append(value)
                elif local == "id":
                    ids.add(value)
        return links, ids
    collector = _Collector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.links, collector.ids


def links_of(root: str | Path, /) -> dict[str, tuple[list[str], set[str]]]:
    """For every ``.html`` and ``.svg`` file under ``root`` (sorted), its links and its element ids."""
    base = Path(root)
    return {
        path.relative_to(base).as_posix(): _parse(path)
        for path in sorted(base.rglob("*"))
        if path.suffix in (".html", ".svg") and path.is_file()
    }


def external_links(root: str | Path, /) -> list[tuple[str, str]]:
    """Every ``(page, link)`` with a scheme or a network location (sorted)."""
    found = []
    for page, (links, _) in links_of(root).items():
        for link in links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                found.append((page, link))
    return sorted(found)


def broken_links(root: str | Path, /) -> list[BrokenLink]:
    """Every link under ``root`` that is broken: a missing file or fragment, or a non-http(s) absolute link."""
    base = Path(root)
    pages = links_of(base)
    broken: list[BrokenLink] = []
    for page, (links, _) in pages.items():
        for link in links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc:
                if parts.scheme not in ("http", "https") or not parts.netloc:
                    broken.append(BrokenLink(page, link, "absolute link that is not http(s)"))
                continue
            if link.startswith("/"):
                broken.append(BrokenLink(page, link, "root-relative link (the site must work in any folder)"))
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
            if target.startswith("../") or not (base / target).is_file():
                broken.append(BrokenLink(page, link, "no such file"))
                continue
            if parts.fragment and target in pages and unquote(parts.fragment) not in pages[target][1]:
                broken.append(BrokenLink(page, link, f"no element with id {unquote(parts.fragment)}"))
    return broken
