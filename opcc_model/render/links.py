"""Link targets between diagrams and pages: one naming scheme, relative to the output folder.

Every diagram is a file named ``<kind>-<id><suffix>`` (``value-chain`` and ``dependencies``
have no id), so SVGs written by ``opcc render`` link to each other as they are, and the
static site uses the same names with ``.html``:

=================  ==================================  ======================================
kind               diagram / page                      example name
=================  ==================================  ======================================
``value-chain``    the value chain                     ``value-chain.svg``
``stage``          the dependency map of one stage     ``stage-develop.svg``
``process``        the map of one process              ``process-set-the-plan.svg``
``boundary``       the boundary map of one area        ``boundary-example-area.svg``
``dependencies``   the whole dependency map            ``dependencies.svg``
``activity``       the guidance page of an activity    ``activity-agree-plan.html`` (site only)
=================  ==================================  ======================================

>>> href_for("process", "set-the-plan")
'process-set-the-plan.svg'
>>> href_for("process", "set-the-plan", page_suffix=".html")
'process-set-the-plan.html'
"""

from __future__ import annotations

__all__ = ["DIAGRAM_KINDS", "PAGE_KINDS", "diagram_name", "href_for"]

DIAGRAM_KINDS = ("value-chain", "stage", "process", "boundary", "dependencies")
"""Kinds with a diagram file in the ``opcc render`` folder."""

PAGE_KINDS = (*DIAGRAM_KINDS, "activity")
"""Kinds with a page on the static site (``page_suffix=".html"``)."""


def diagram_name(kind: str, id: str | None = None, /) -> str:
    """The base name (no suffix) of the diagram or page of ``kind`` and ``id``.

    >>> diagram_name("value-chain"), diagram_name("boundary", "example-area")
    ('value-chain', 'boundary-example-area')
    >>> diagram_name("tree", "x")
    Traceback (most recent call last):
    ...
    ValueError: unknown link kind 'tree'; expected one of value-chain, stage, process, boundary, dependencies, activity
    """
    if kind not in PAGE_KINDS:
        raise ValueError(f"unknown link kind {kind!r}; expected one of {', '.join(PAGE_KINDS)}")
    return kind if id is None else f"{kind}-{id}"


def href_for(kind: str, id: str | None = None, /, *, page_suffix: str = ".svg") -> str | None:
    """The relative link to the diagram or page of ``kind`` and ``id``, or ``None`` when there is none.

    Activity pages exist only on the site, so with ``page_suffix=".svg"`` an activity has
    no link (its guidance is the node's tooltip).

    >>> href_for("activity", "agree-plan") is None
    True
    >>> href_for("activity", "agree-plan", page_suffix=".html")
    'activity-agree-plan.html'
    """
    if kind not in DIAGRAM_KINDS and page_suffix == ".svg":
        diagram_name(kind, id)  # reject unknown kinds all the same
        return None
    return diagram_name(kind, id) + page_suffix
