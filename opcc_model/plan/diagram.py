r"""The plan tree as a Graphviz diagram: vision → themes → aims → shared outcomes → objectives → priorities.

Each priority is linked to the activities that deliver (solid), resource (dashed) and
monitor (dotted) it, drawn to its right; each shared outcome to the value chain outcomes it serves.
Every label from YAML is escaped for DOT and wrapped in :func:`graphviz.nohtml`, so
``<b>x</b>`` or ``a\l`` is drawn as text. Output is deterministic: nodes in file
order, linked activities and outcomes sorted by id, attributes fixed.

>>> import opcc_model
>>> from opcc_model.plan.model import Plan, Vision
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> dot = plan_diagram(model, Plan(id="p", name="P", owner="pcc", vision=Vision(id="v", text="<b>Safe</b>", owner="pcc")))
>>> 'label="Vision\\n<b>Safe</b>\\n(owner: pcc)"' in dot.source
True
>>> render_plan_svg(model, Plan(id="p", name="P", owner="pcc", vision=Vision(id="v", text="V", owner="pcc")))[:5]
b'<?xml'
"""

from __future__ import annotations

import textwrap
from typing import Any

import graphviz

from opcc_model.model import Model
from opcc_model.plan.model import Plan, children_of
from opcc_model.render.backend import layout
from opcc_model.render.display import Digraph
from opcc_model.render.escape import dot_text

__all__ = ["plan_diagram", "render_plan_svg", "node_name"]


_LEVEL_STYLE: dict[str, tuple[str, dict[str, str]]] = {
    "vision": ("Vision", {"shape": "box", "style": "rounded,filled,bold", "fillcolor": "#1f4e79", "fontcolor": "white"}),
    "theme": ("Strategic theme", {"shape": "box", "style": "filled,bold", "fillcolor": "#2e75b6", "fontcolor": "white"}),
    "aim": ("Aim", {"shape": "box", "style": "filled", "fillcolor": "#9dc3e6"}),
    "outcome": ("Shared outcome", {"shape": "box", "style": "rounded,filled", "fillcolor": "#bdd7ee"}),
    "objective": ("Objective", {"shape": "box", "style": "filled", "fillcolor": "#deebf7"}),
    "priority": ("Priority for action", {"shape": "box", "style": "filled", "fillcolor": "#fff2cc"}),
}
_LINKS = (("delivered_by", "delivers", "solid"), ("resourced_by", "resources", "dashed"), ("monitored_by", "monitors", "dotted"))


def _label(*lines: str, width: int = 34) -> str:
    wrapped = [
        textwrap.fill(part, width=width, break_long_words=True, break_on_hyphens=False) or part
        for line in lines
        for part in line.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    return dot_text("\n".join(wrapped))


def node_name(kind: str, id: str, /) -> str:
    """The DOT node name of a plan node, activity or value chain outcome (no ``:``, which DOT reads as a port).

    >>> node_name("theme", "putting-victims-first")
    'theme__putting-victims-first'
    """
    return f"{kind}__{id}"


def _add_tree(dot: graphviz.Digraph, node: Any, level: str, parent: str | None) -> None:
    caption, attrs = _LEVEL_STYLE[level]
    name = node_name(level, node.id)
    dot.node(name, _label(caption, node.text, f"(owner: {node.owner})"), **attrs)
    if parent is not None:
        dot.edge(parent, name)
    child_level = {"vision": "theme", "theme": "aim", "aim": "outcome", "outcome": "objective", "objective": "priority"}
    for child in children_of(node):
        _add_tree(dot, child, child_level[level], name)


def plan_diagram(model: Model, plan: Plan, /) -> graphviz.Digraph:
    """The plan tree with its delivering, resourcing and monitoring activities and the outcomes it serves.

    Raises :class:`~opcc_model.errors.NotFound` when the plan names an activity that is
    not in ``model`` (a plan from :func:`~opcc_model.plan.load_plans` never does).
    """
    dot = Digraph(name=node_name("plan", plan.id))
    dot.attr(rankdir="LR", label=dot_text(plan.name), labelloc="t", fontname="Helvetica", nodesep="0.2", ranksep="0.5")
    dot.attr("node", fontname="Helvetica", fontsize="10")
    dot.attr("edge", color="#595959", arrowsize="0.7")
    _add_tree(dot, plan.vision, "vision", None)
    activities: set[str] = set()
    links: list[tuple[str, str, str, str]] = []
    for _, priority in plan.priorities():
        for field, verb, style in _LINKS:
            for activity_id in getattr(priority, field):
                activities.add(activity_id)
                links.append((node_name("priority", priority.id), node_name("activity", activity_id), verb, style))
    outcomes: set[str] = set()
    for level, node in plan.walk():
        if level == "outcome":
            for outcome in node.serves:  # type: ignore[union-attr]
                outcomes.add(outcome)
                links.append((node_name("outcome", node.id), node_name("vc-outcome", outcome), "serves", "bold"))
    for activity_id in sorted(activities):
        activity = model.activity(activity_id)
        stage = model.process_of(activity_id).stage
        dot.node(node_name("activity", activity_id), _label(activity.name, f"[{stage}]"),
                 shape="box", style="rounded,filled", fillcolor="#e2f0d9")
    for outcome in sorted(outcomes):
        name = model.artifact(outcome).name
        dot.node(node_name("vc-outcome", outcome), _label("Value chain outcome", name), shape="note", style="filled", fillcolor="#fbe5d6")
    for tail, head, verb, style in links:  # activities point at their priority, ranked to its right
        direction = "forward" if verb == "serves" else "back"
        dot.edge(tail, head, label=verb, style=style, fontsize="8", dir=direction)
    return dot


def render_plan_svg(model: Model, plan: Plan, /) -> bytes:
    """The plan diagram laid out as SVG through :func:`opcc_model.render.backend.layout`."""
    return layout(plan_diagram(model, plan).source, "svg")
