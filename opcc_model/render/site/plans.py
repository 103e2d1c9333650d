"""The Police and Crime Plans on the site: their diagrams, anchors and where a plan's finding is fixed.

Each plan has a page ``plan-<id>.html`` (see :mod:`opcc_model.render.site.paths`); its
nodes, s.7 contents and scrutiny pillars each have an anchor on it.

>>> plan_anchor("node", "keeping-people-safe")
'node-keeping-people-safe'
"""

from __future__ import annotations

from collections.abc import Iterable

from opcc_model.model import Model
from opcc_model.plan.diagram import render_plan_svg
from opcc_model.plan.model import S7_CONTENTS, Plan
from opcc_model.render.site.paths import page_path

__all__ = ["PLAN_CODE_PREFIX", "plan_anchor", "plan_diagrams", "plan_target", "is_plan_finding_code"]

PLAN_CODE_PREFIX = "OPCC-P"
"""The finding codes of the Police and Crime Plan checks start with this (``OPCC-P101`` …)."""

_ANCHOR_KINDS = ("node", "measure", "s7", "pillar")


def is_plan_finding_code(code: str, /) -> bool:
    """True for the code of a plan check.

    >>> is_plan_finding_code("OPCC-P101"), is_plan_finding_code("OPCC-G101")
    (True, False)
    """
    return code.startswith(PLAN_CODE_PREFIX)


def plan_anchor(kind: str, key: str, /) -> str:
    """The ``id`` on a plan page of a plan ``node``, ``measure``, ``s7`` content or scrutiny ``pillar``.

    >>> plan_anchor("s7", "grants")
    's7-grants'
    >>> plan_anchor("theme", "x")
    Traceback (most recent call last):
    ...
    ValueError: expected an anchor kind of ('node', 'measure', 's7', 'pillar'), found 'theme'
    """
    if kind not in _ANCHOR_KINDS:
        raise ValueError(f"expected an anchor kind of {_ANCHOR_KINDS}, found {kind!r}")
    return f"{kind}-{key}"


def plan_target(plan: Plan, key: str, /) -> str | None:
    """The site path (with its anchor) of the thing ``key`` of ``plan``: the plan itself, a node, a measure,
    an s.7 content (``s7:grants``, as the plan checks name it) or a pillar.

    >>> from opcc_model.plan.model import Vision
    >>> plan = Plan(id="p", name="P", owner="pcc", vision=Vision(id="v", text="V", owner="pcc"))
    >>> plan_target(plan, "p"), plan_target(plan, "v"), plan_target(plan, "s7:grants"), plan_target(plan, "w")
    ('plan-p.html', 'plan-p.html#node-v', 'plan-p.html#s7-grants', None)
    """
    page = page_path("plan", plan.id)
    if key == plan.id:
        return page
    kind, _, content = key.partition(":")
    if kind == "s7" and content in S7_CONTENTS:
        return f"{page}#{plan_anchor('s7', content)}"
    if key in plan.nodes():
        return f"{page}#{plan_anchor('node', key)}"
    for _, objective in plan.objectives():
        if any(measure.id == key for measure in objective.measures):
            return f"{page}#{plan_anchor('measure', key)}"
    if any(pillar.id == key for pillar in plan.scrutiny_pillars):
        return f"{page}#{plan_anchor('pillar', key)}"
    return None


def plan_diagrams(model: Model, plans: Iterable[Plan], /) -> dict[str, str]:
    """The SVG of each plan's tree (:func:`opcc_model.plan.diagram.plan_diagram`), keyed ``plan-<id>``.

    Laid out through :func:`opcc_model.render.backend.layout`, as every diagram of the site;
    raises :class:`~opcc_model.errors.RenderUnavailable` when no Graphviz backend can.
    """
    return {f"plan-{plan.id}": render_plan_svg(model, plan).decode("utf-8") for plan in plans}
