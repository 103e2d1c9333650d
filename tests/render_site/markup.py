"""Reading built pages in tests: headings, tags, text, links (html.parser only)."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser


class Page(HTMLParser):
    """A parsed page: its start tags in order, headings, text, and (href, text) of each link."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.headings: list[tuple[int, str]] = []
        self.links: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self._heading: int | None = None
        self._link: str | None = None
        self._buffer: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.append((tag, dict(attrs)))
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading, self._buffer = int(tag[1]), []
        if tag == "a":
            self._link, self._linktext = dict(attrs).get("href") or "", []

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, "".join(self._buffer).strip()))
            self._heading = None
        if tag == "a" and self._link is not None:
            self.links.append((self._link, "".join(self._linktext).strip()))
            self._link = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            self._buffer.append(data)
        if self._link is not None:
            self._linktext.append(data)

    def targets(self, page: str) -> list[tuple[str, str]]:
        """Each relative link resolved to a site path from ``page`` (fragments kept), with its text."""
        found = []
        for href, text in self.links:
            if "//" in href or href.startswith("#"):
                continue
            path, sep, fragment = href.partition("#")
            found.append((posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) + sep + fragment, text))
        return found

    def h1(self) -> str:
        """The text of the page's only h1 (asserts there is exactly one)."""
        ones = [text for level, text in self.headings if level == 1]
        assert len(ones) == 1, ones
        return ones[0]
