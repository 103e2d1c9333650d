"""Where each page of the site lives: one flat folder, pages named ``<kind>-<id>.html``.

The names follow :mod:`opcc_model.render.links` (``process-<id>``, ``stage-<id>``,
``activity-<id>``, ``value-chain``), so the links Graphviz writes into the diagrams'
SVG (with ``page_suffix=".html"``) are the site's pages as they are; the site adds
``role-<id>``, ``artifact-<id>``, ``area-<id>``, ``raci-<id>``, ``plan-<id>`` (a Police and Crime Plan) and
``transition-<area>`` (the first 100 days of a new holder). Every link is
relative, so the folder can be published anywhere.

>>> page_path("process", "conduct-stakeholder-analysis")
'process-conduct-stakeholder-analysis.html'
>>> relative("index.html", "glossary.html#code-1.1")
'glossary.html#code-1.1'
"""

from __future__ import annotations

import posixpath

__all__ = ["PAGE_KINDS", "page_path", "csv_path", "role_csv_path", "code_anchor", "code_path", "relative", "root_of"]

PAGE_KINDS = ("stage", "process", "activity", "role", "artifact", "area", "raci", "plan", "transition")
"""Kinds with one page per id, named ``<kind>-<id>.html``."""

_SINGLE = {
    "index": "index.html",
    "value-chain": "value-chain.html",
    "dependencies": "dependencies.html",
    "glossary": "glossary.html",
    "search": "search.html",
    "findings": "findings.html",
    "timeline": "timeline.html",
}


def page_path(kind: str, key: str = "", /) -> str:
    """The site path of the page of ``kind`` ``key`` (the pages without an id take no key).

    >>> page_path("index"), page_path("raci", "example-area")
    ('index.html', 'raci-example-area.html')
    >>> page_path("code", "1.1")
    'glossary.html#code-1.1'
    >>> page_path("tree", "x")
    Traceback (most recent call last):
    ...
    ValueError: expected a page kind of ('stage', 'process', 'activity', 'role', 'artifact', 'area', 'raci', 'plan', 'transition'), found 'tree'
    """
    if kind in _SINGLE:
        return _SINGLE[kind]
    if kind == "code":
        return code_path(key)
    if kind not in PAGE_KINDS:
        raise ValueError(f"expected a page kind of {PAGE_KINDS}, found {kind!r}")
    return f"{kind}-{key}.html"


def csv_path(area: str, /) -> str:
    """The RACI matrix of ``area`` as CSV, next to its page.

    >>> csv_path("example-area")
    'raci-example-area.csv'
    """
    return page_path("raci", area).removesuffix(".html") + ".csv"


def role_csv_path(role: str, /) -> str:
    """Every activity of ``role`` by RACI letter as CSV, next to its page (written when the page lists only part).

    >>> role_csv_path("cc")
    'role-cc.csv'
    """
    return page_path("role", role).removesuffix(".html") + ".csv"


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

    >>> root_of("index.html"), root_of("static/site.css")
    ('', '../')
    """
    return "../" * page.count("/")


def relative(from_page: str, to_page: str, /) -> str:
    """The relative link from the page ``from_page`` to ``to_page`` (both site paths).

    >>> relative("static/x.html", "index.html")
    '../index.html'
    """
    target, sep, fragment = to_page.partition("#")
    if "/" not in from_page and "/" not in target and target not in ("", ".", ".."):
        return to_page  # both in the root folder (nearly every link of the site): relpath would return it as it is
    base = posixpath.dirname(from_page) or "."
    link = posixpath.relpath(target, base)
    return link + sep + fragment
