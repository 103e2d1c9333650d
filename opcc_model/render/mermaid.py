"""Mermaid flowchart text for a process map: lanes as subgraphs, shapes by kind, cross-boundary links dotted red.

>>> import opcc_model
>>> text = process_mermaid(opcc_model.load(opcc_model.example_root("minimal")), "conduct-stakeholder-analysis")
>>> print(text.splitlines()[0])
flowchart LR
>>> 'identify_stakeholders("Identify stakeholders' in text
True
"""

from __future__ import annotations

from opcc_model.graph import dependencies, is_cross_boundary
from opcc_model.model import Activity, Model
from opcc_model.render.draw import CROSS_STYLE
from opcc_model.render.escape import mermaid_text
from opcc_model.render.processmap import LaneMode, lane_title, lanes_of

__all__ = ["mermaid_id", "process_mermaid"]

_SHAPES = {"task": ('("', '")'), "decision": ('{"', '"}'), "event": ('(("', '"))'), "subprocess": ('[["', '"]]')}


def mermaid_id(model_id: str, /) -> str:
    """A Mermaid node id from a model id (``-`` becomes ``_``; ids that are Mermaid keywords get a prefix).

    >>> mermaid_id("agree-plan"), mermaid_id("end")
    ('agree_plan', 'n_end')
    """
    name = model_id.replace("-", "_").replace(".", "_")
    return f"n_{name}" if name in {"end", "graph", "subgraph", "style", "class", "click", "flowchart"} or name[0].isdigit() else name


def _node(model: Model, activity: Activity) -> str:
    open_, close = _SHAPES[activity.kind]
    accountable = model.role(activity.accountable).name if activity.accountable else "nobody accountable"
    pag = f"PAG {', '.join(activity.pag)}" if activity.pag else ""
    marker = "⊞ " if activity.kind == "subprocess" else ""
    parts = [mermaid_text(marker + activity.name), mermaid_text(pag), mermaid_text(f"A: {accountable}")]
    return f"{mermaid_id(activity.id)}{open_}{'<br/>'.join(p for p in parts if p)}{close}"


def process_mermaid(model: Model, process_id: str, /, *, lanes: LaneMode = "side") -> str:
    """The Mermaid ``flowchart LR`` of process ``process_id`` (text ending in a newline).

    Raises :class:`opcc_model.NotFound` when the process is not in the model.
    """
    process = model.process(process_id)
    lines = ["flowchart LR", f"    %% {mermaid_text(process.name)} (process {process.id})"]
    for index, (key, activities) in enumerate(lanes_of(model, process, lanes=lanes)):
        fill, line, title = lane_title(model, key, lanes)
        lines.append(f'    subgraph lane_{index}["{mermaid_text(title)}"]')
        lines.extend(f"        {_node(model, a)}" for a in activities)
        lines.append("    end")
        lines.append(f"    style lane_{index} fill:{fill},stroke:{line}")
    inside = {a.id for a in process.activities}
    links = 0
    crossing = []
    for producer, consumer, data in sorted(dependencies(model).edges(data=True)):
        if producer not in inside or consumer not in inside:
            continue
        names = ", ".join(model.artifact(a).name for a in data["artifacts"])
        cross = is_cross_boundary(model, producer, consumer)
        arrow = "-.->" if cross else "-->"
        label = f'|"{mermaid_text(names)}"|' if names else ""
        lines.append(f"    {mermaid_id(producer)} {arrow}{label} {mermaid_id(consumer)}")
        if cross:
            crossing.append(links)
        links += 1
    for number in crossing:
        lines.append(f"    linkStyle {number} stroke:{CROSS_STYLE['color']},stroke-width:2px")
    return "\n".join(lines) + "\n"
