"""What every Graphviz diagram shares: stable node ids, the palette, HTML labels, activity nodes, legends."""

from __future__ import annotations

import datetime

import functools
import textwrap
from collections.abc import Iterable, Sequence

import graphviz
from graphviz import nohtml

from opcc_model.graph import is_cross_boundary
from opcc_model.model import Activity, Model
from opcc_model.render.display import Digraph
from opcc_model.render.escape import dot_text, safe_url
from opcc_model.render.links import href_for

__all__ = [
    "LANE_ORDER",
    "SIDE_STYLE",
    "HOLDER_STYLE",
    "CROSS_STYLE",
    "HIGHLIGHT_STYLE",
    "HIGHLIGHT_LEGEND",
    "FONT",
    "node_id",
    "new_digraph",
    "text_label",
    "clock_line",
    "outcome_edge",
    "navigation",
    "link_attrs",
    "wrap",
    "activity_node",
    "dependency_edge",
    "legend",
    "header_label",
]

FONT = "Helvetica"

LANE_ORDER = ("commissioner", "chief-constable", "partner", "oversight", "public")
"""Swimlane order, top to bottom: the two principals first, then partners, oversight and the public."""

SIDE_STYLE = {
    "commissioner": ("#e6dcf5", "#4b2f7f", "Commissioner"),
    "chief-constable": ("#d9e7f7", "#1f4e79", "Chief Constable"),
    "partner": ("#dff0dc", "#2e6b30", "Partners"),
    "oversight": ("#fbecd0", "#8a5a00", "Oversight"),
    "public": ("#eeeeee", "#555555", "Public"),
    None: ("#ffffff", "#b03030", "Nobody accountable"),
}
"""Per side: (fill, line colour, lane title)."""

HOLDER_STYLE = {
    "commissioner": SIDE_STYLE["commissioner"],
    "chief-constable": SIDE_STYLE["chief-constable"],
    "joint": ("#fff1a8", "#7a6500", "Joint"),
    "oversight": ("#fbecd0", "#8a5a00", "Oversight (Panel)"),
    None: ("#ffffff", "#b03030", "Unallocated"),
}
"""Per PAG holder in an area: (fill, line colour, legend text)."""

CROSS_STYLE = {"color": "#c0392b", "fontcolor": "#c0392b", "penwidth": "2.2", "style": "dashed"}
"""Edges that cross the commissioner / chief constable boundary."""

HIGHLIGHT_STYLE = {"color": "#e67e00", "penwidth": "4"}
"""Things a scenario changed: a thick orange border."""

HIGHLIGHT_LEGEND = ("▣", "thick orange border: changed")
"""The legend row of highlighted things."""

_PLAIN_EDGE = {"color": "#555555", "fontcolor": "#555555"}


def node_id(kind: str, id: str, /) -> str:
    """The DOT node id of a model thing: derived from its id, so output is stable.

    >>> node_id("activity", "agree-plan")
    'activity.agree-plan'
    """
    return f"{kind}.{id}"


def new_digraph(name: str, /, **graph_attr: str) -> graphviz.Digraph:
    """An empty digraph with the house font and sorted graph attributes.

    >>> print(new_digraph("x", rankdir="LR").source.splitlines()[1].strip())
    graph [fontname=Helvetica fontsize=11 rankdir=LR]
    """
    attrs = {"fontname": FONT, "fontsize": "11", **graph_attr}
    graph = Digraph(name=dot_text(name))
    graph.attr("graph", **dict(sorted(attrs.items())))
    graph.attr("node", fontname=FONT, fontsize="10")
    graph.attr("edge", fontname=FONT, fontsize="9")
    return graph


def wrap(text: str, width: int = 26) -> list[str]:
    """Split ``text`` into lines of about ``width`` characters (no line is empty).

    >>> wrap("Agree the police and crime plan with the panel", 20)
    ['Agree the police and', 'crime plan with the', 'panel']
    """
    return list(_wrapped(text, width))


@functools.lru_cache(maxsize=1 << 16)
def _wrapped(text: str, width: int) -> tuple[str, ...]:
    """The lines of :func:`wrap`, kept: the same names, codes and roles recur across thousands of maps."""
    return tuple(textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""])


def text_label(title: str, *details: str, width: int = 26) -> str:
    r"""A plain (never HTML) label: ``title`` wrapped, then the detail lines; escaped for DOT.

    Plain labels work on every backend (the WebAssembly Graphviz has no HTML-like labels).

    >>> text_label("A <b>", "PAG 1.1")
    'A <b>\\nPAG 1.1'
    """
    lines = wrap(title, width)
    for detail in details:
        if detail:
            lines.extend(wrap(detail, width + 6))
    return dot_text("\n".join(lines))


def link_attrs(url: str | None, /) -> dict[str, str]:
    """``URL`` and ``target`` attributes for a safe link; nothing for ``None`` or an unsafe one.

    >>> link_attrs("process-a.svg"), link_attrs("javascript:x")
    ({'URL': 'process-a.svg', 'target': '_top'}, {})
    """
    checked = safe_url(url)
    return {"URL": dot_text(checked), "target": "_top"} if checked else {}


def _tooltip(model: Model, activity: Activity) -> str:
    lines = [activity.name]
    if activity.guidance:
        lines.append(activity.guidance.strip())
    for letter, role_id in activity.roles():
        lines.append(f"{letter}: {model.role(role_id).name}")
    return "\n".join(lines)


def activity_node(
    graph: graphviz.Digraph, model: Model, activity: Activity, /, *, page_suffix: str = ".svg", highlight: bool = False
) -> None:
    """Draw ``activity``: shape by kind, name, PAG codes and accountable role; guidance as tooltip.

    Sub-process activities get a ⊞ marker and a double border and link to the map they open;
    ``highlight`` draws the :data:`HIGHLIGHT_STYLE` border and says "changed" in the tooltip.
    """
    from opcc_model.graph import side_of_activity

    fill, line, _ = SIDE_STYLE[side_of_activity(model, activity.id)]
    accountable = model.role(activity.accountable).name if activity.accountable else "nobody accountable"
    pag = f"PAG {', '.join(activity.pag)}" if activity.pag else ("" if activity.kind == "event" else "no PAG code")
    title = f"⊞ {activity.name}" if activity.kind == "subprocess" else activity.name
    width = {"decision": 18, "event": 13}.get(activity.kind, 26)
    attrs = {
        "id": node_id("activity", activity.id).replace(".", "-", 1),
        "label": text_label(title, pag, f"A: {accountable}", clock_line(model, activity), width=width),
        "tooltip": dot_text(_tooltip(model, activity)),
        "fillcolor": fill,
        "color": line,
        "style": "filled,rounded",
        "shape": "box",
    }
    if activity.kind == "decision":
        attrs.update(shape="diamond", style="filled", margin="0.02")
    elif activity.kind == "event":
        attrs.update(shape="circle", style="filled", margin="0")
    elif activity.kind == "subprocess":
        attrs.update(peripheries="2", penwidth="1.2")
    if highlight:
        attrs.update(HIGHLIGHT_STYLE, tooltip=dot_text("Changed\n" + _tooltip(model, activity)))
    link = href_for("process", activity.process, page_suffix=page_suffix) if activity.process else None
    if link is None:
        link = href_for("activity", activity.id, page_suffix=page_suffix)
    attrs.update(link_attrs(link))
    graph.node(node_id("activity", activity.id), **dict(sorted(attrs.items())))


def clock_line(model: Model, activity: Activity, /) -> str:
    """A small clock line for an activity's deadlines and windows ("" when it has none).

    >>> import opcc_model
    >>> from opcc_model.model import Activity
    >>> m = opcc_model.load(opcc_model.example_root("minimal"))
    >>> clock_line(m, Activity(id="x", name="X", deadlines=("01-02",), windows=({"within": "3 weeks", "of": "agree-outcomes"},)))
    '◷ by 1 Feb; within 3 weeks of Agree outcomes with partners'
    >>> clock_line(m, Activity(id="x", name="X"))
    ''
    """
    parts = []
    for deadline in activity.deadlines:
        day = datetime.date.fromisoformat(deadline) if len(deadline) > 5 else datetime.datetime.strptime(deadline, "%d-%m")
        parts.append(f"by {day.day} {day:%b}" + (f" {day.year}" if len(deadline) > 5 else ""))
    for window in activity.windows:
        bound = f"within {window.within}" if window.within else f"not before {window.after}"
        parts.append(f"{bound} of {model.activity(window.of).name}")
    for recurrence in activity.recurs:
        parts.append(f"every {recurrence.every}")
    return ("◷ " + "; ".join(parts)) if parts else ""


def outcome_edge(
    graph: graphviz.Digraph, model: Model, decision: str, target: str, name: str, /, *, page_suffix: str = ".svg", dependency: bool = False
) -> None:
    """Draw one outcome of a decision: a bold labelled edge to the activity it leads to, or to a
    small note naming it when it is in another process (linked to that process's map).

    ``dependency``: the edge also stands for the drawn dependency between the two (its id then
    says ``branch-``, so it counts as a dependency edge; otherwise ``outcome-``).
    """
    attrs = {"id": f"{'branch' if dependency else 'outcome'}-{decision}-{target}", "label": text_label(name, width=16), "style": "bold", "color": "#6b4fa0", "fontcolor": "#6b4fa0",
             "tooltip": dot_text(f"{model.activity(decision).name}: {name} → {model.activity(target).name}")}
    head = node_id("activity", target)
    if target not in {a.id for a in model.process_of(decision).activities}:
        head = f"outcome.{decision}.{target}"
        note = {"label": text_label(f"→ {model.activity(target).name}", width=16), "shape": "note", "fontsize": "9",
                "color": "#6b4fa0", "tooltip": dot_text(f"in {model.process_of(target).name}")}
        note.update(link_attrs(href_for("process", model.process_of(target).id, page_suffix=page_suffix)))
        graph.node(head, **dict(sorted(note.items())))
    graph.edge(node_id("activity", decision), head, **dict(sorted(attrs.items())))


def dependency_edge(
    graph: graphviz.Digraph,
    model: Model,
    producer: str,
    consumer: str,
    artifacts: Sequence[str],
    /,
    *,
    constraint: bool = True,
    labelled: Sequence[str] | None = None,
) -> None:
    """Draw the dependency ``producer → consumer``; cross-boundary edges in red.

    The label names ``labelled`` (default: every artifact that flows); the tooltip always names them all.
    """
    cross = is_cross_boundary(model, producer, consumer)
    names = [model.artifact(a).name for a in (artifacts if labelled is None else labelled)]
    attrs: dict[str, str] = dict(CROSS_STYLE if cross else _PLAIN_EDGE)
    if names:
        attrs["label"] = text_label(", ".join(names), width=22)
    tooltip = f"{model.activity(producer).name} → {model.activity(consumer).name}"
    flows = ", ".join(model.artifact(a).name for a in artifacts)
    tooltip += (" (crosses the boundary)" if cross else "") + (f": {flows}" if flows else "")
    attrs["tooltip"] = dot_text(tooltip)
    if not constraint:
        attrs["constraint"] = "false"
    graph.edge(node_id("activity", producer), node_id("activity", consumer), **dict(sorted(attrs.items())))


def legend(graph: graphviz.Digraph, rows: Iterable[tuple[str, str]], /) -> None:
    """A legend node: one left-justified line per ``(symbol, text)``."""
    lines = ["Legend", *(f"{symbol}  {text}" for symbol, text in rows)]
    label = nohtml("".join(dot_text(line) + "\\l" for line in lines))
    graph.node("legend", label=label, shape="box", style="rounded", color="#999999", fontsize="8", tooltip="Legend")


def header_label(title: str, rows: Iterable[tuple[str, str]], /, *, width: int = 150) -> str:
    r"""A graph label: ``title``, then the legend ``rows`` packed into a few left-justified lines.

    Drawn at the top left with ``labelloc=t`` and ``labeljust=l``, it takes no room
    from the diagram's columns, unlike a legend node.

    >>> str(header_label("Map <1>", [("▭", "task"), ("◇", "decision")]))
    'Map <1>\\lLegend:   ▭ task   ◇ decision\\l'
    """
    lines = [title]
    row = "Legend:"
    for symbol, text in rows:
        item = f"{symbol} {text}"
        if len(row) + len(item) + 3 > width:
            lines.append(row)
            row = " " * 8 + item
        else:
            row += "   " + item
    lines.append(row)
    return nohtml("".join(dot_text(line) + "\\l" for line in lines))


def navigation(graph: graphviz.Digraph, links: Sequence[tuple[str, str | None]], /) -> list[str]:
    """Breadcrumb nodes (plain text with links), returned in order so the caller can place them."""
    names = []
    for index, (text, url) in enumerate(links):
        name = f"nav.{index}"
        attrs = {"label": dot_text(text), "shape": "plaintext", "fontcolor": "#1f4e79", "fontsize": "11",
                 "tooltip": dot_text(text), **link_attrs(url)}
        graph.node(name, **dict(sorted(attrs.items())))
        names.append(name)
    return names
