"""Where each page of the site lives: stable relative paths, and links between pages.

Every page sits at the root (``index.html``, ``glossary.html``, ``search.html``) or
one folder down (``process/<id>.html``), so links are relative and the folder can be
published anywhere.

>>> page_path("process", "conduct-stakeholder-analysis")
'process/conduct-stakeholder-analysis.html'
>>> relative("process/a.html", "activity/b.html")
'../activity/b.html'
>>> relative("index.html", "glossary.html#code-1.1")
'glossary.html#code-1.1'
"""

from __future__ import annotations

import posixpath

__all__ = ["PAGE_KINDS", "page_path", "code_anchor", "code_path", "relative", "root_of"]

PAGE_KINDS = ("stage", "process", "activity", "role", "artifact", "area", "raci")
"""Kinds with one page per id, each in the folder of its name."""

_SINGLE = {"index": "index.html", "glossary": "glossary.html", "search": "search.html"}


def page_path(kind: str, key: str = "", /) -> str:
    """The site path of the page of ``kind`` ``key`` (``index``, ``glossary``, ``search`` take no key).

    >>> page_path("index"), page_path("raci", "example-area")
    ('index.html', 'raci/example-area.html')
    >>> page_path("code", "1.1")
    'glossary.html#code-1.1'
    """
    if kind in _SINGLE:
        return _SINGLE[kind]
    if kind == "code":
        return code_path(key)
    if kind not in PAGE_KINDS:
        raise ValueError(f"expected a page kind of {PAGE_KINDS}, found {kind!r}")
    return f"{kind}/{key}.html"


def code_anchor(code: str, /) -> str:
    """The id of a PAG code's entry on the glossary page.

    >>> code_anchor("1.1.2.8")
    'code-1.1.2.8'
    """
    return f"code-{code}"


def code_path(code: str, /) -> str:
    """The link to a PAG code's entry on the glossary page."""
    return f"glossary.html#{code_anchor(code)}"


def root_of(page: str, /) -> str:
    """The relative prefix from ``page`` back to the site root.

    >>> root_of("index.html"), root_of("process/x.html")
    ('', '../')
    """
    return "../" * page.count("/")


def relative(from_page: str, to_page: str, /) -> str:
    """The relative link from the page ``from_page`` to ``to_page`` (both site paths)."""
    target, sep, fragment = to_page.partition("#")
    base = posixpath.dirname(from_page) or "."
    link = posixpath.relpath(target, base)
    return link + sep + fragment
