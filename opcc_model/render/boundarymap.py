"""The boundary map of an area: the glossary tree coloured by holder, consents and delegations marked distinctly, findings flagged.

>>> import opcc_model
>>> g = boundary_map(opcc_model.load(opcc_model.example_root("minimal")), "example-area")
>>> "code.1.1.2.8" in g.source
True
"""

from __future__ import annotations

from collections.abc import Iterable

import graphviz

from opcc_model.findings import Finding
from opcc_model.model import Model
from opcc_model.scheme import Delegation
from opcc_model.render.draw import HIGHLIGHT_LEGEND, HIGHLIGHT_STYLE, HOLDER_STYLE, legend, navigation, new_digraph, node_id, text_label
from opcc_model.render.escape import dot_text
from opcc_model.render.links import href_for

__all__ = ["BOUNDARY_LEGEND", "boundary_map"]

FINDING_COLOUR = "#d62728"

BOUNDARY_LEGEND = (
    ("■", "purple: commissioner · blue: chief constable · yellow: joint · orange: oversight (Panel)"),
    ("□", "white, red dashed border: unallocated"),
    ("✓", "consent (dashed border): the Chief Constable acts with the consent of, instrument"),
    ("↪", "delegated (dotted border): exercised for the body by, instrument"),
    ("⚠", "finding on this code (thick red border)"),
)


def boundary_map(
    model: Model,
    area: str,
    /,
    *,
    findings: Iterable[Finding] = (),
    page_suffix: str = ".svg",
    highlight: Iterable[str] = (),
) -> graphviz.Digraph:
    """The PAG tree of ``area`` coloured by holder; ``findings`` for this area (or for none) flag their codes.

    ``highlight`` names PAG codes drawn with a thick orange border and a "changed" legend
    row (a finding's ⚠ stays in the label); codes not in the model are ignored.
    Raises :class:`opcc_model.NotFound` when the area is not in the model.

    >>> import opcc_model
    >>> src = boundary_map(opcc_model.load(opcc_model.example_root("minimal")), "example-area", highlight=["1.1.2.8"]).source
    >>> [line.split(" [")[0].strip() for line in src.splitlines() if "#e67e00" in line]
    ['"code.1.1.2.8"']
    """
    boundary = model.boundary(area)
    changed = set(highlight) & {c.code for c in model.codes}
    flagged: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.area not in (None, area):
            continue
        for subject in finding.subject:
            flagged.setdefault(subject, []).append(finding)
    graph = new_digraph(
        f"boundary-{area}",
        rankdir="LR",
        nodesep="0.12",
        ranksep="0.4",
        labelloc="t",
        labeljust="l",
        label=text_label(f"Boundary: {boundary.name} — glossary codes by holder ({boundary.jurisdiction})", width=120),
    )
    navigation(graph, [("⌂ Value chain", href_for("value-chain", page_suffix=page_suffix))])
    known = {c.code for c in model.codes}
    delegated: dict[str, list[Delegation]] = {}
    for delegation in boundary.delegations:
        delegated.setdefault(delegation.pag, []).append(delegation)
    for code in sorted(model.codes, key=lambda c: tuple(int(p) for p in c.code.split("."))):
        allocation = boundary.allocation_for(code.code)
        holder = allocation.holder if allocation else None
        fill, line, text = HOLDER_STYLE[holder]
        details = [text + (f": {allocation.arrangement}" if allocation and allocation.arrangement else "")]
        attrs = {"fillcolor": fill, "color": line, "style": "filled", "shape": "box", "id": f"code-{code.code}"}
        if allocation and allocation.relation == "consent" and allocation.pag == code.code:
            details.append(f"✓ consent of {allocation.consent_by or '?'}" + (f" ({allocation.instrument})" if allocation.instrument else ""))
            attrs["style"] = "filled,dashed"
        for delegation in delegated.get(code.code, ()):
            details.append(f"↪ delegated to {delegation.to}" + (f" ({delegation.instrument})" if delegation.instrument else ""))
            attrs["style"] = "filled,dotted"
        if holder is None:
            attrs["style"] = "filled,dashed"
        found = sorted(flagged.get(code.code, ()), key=lambda f: (f.code, f.message))
        if found:
            details.append("⚠ " + ", ".join(sorted({f.code for f in found})))
            attrs.update(color=FINDING_COLOUR, penwidth="3")
        tooltip = [f"{code.code} {code.name}", *details[:1], *(f"{f.code}: {f.message}" for f in found)]
        if code.code in changed:
            attrs.update(HIGHLIGHT_STYLE)
            tooltip.insert(1, "Changed")
        if code.description:
            tooltip.insert(1, code.description)
        attrs["label"] = text_label(f"{code.code}  {code.name}", *details, width=24)
        attrs["tooltip"] = dot_text("\n".join(tooltip))
        graph.node(node_id("code", code.code), **dict(sorted(attrs.items())))
        if code.parent and code.parent in known:
            graph.edge(node_id("code", code.parent), node_id("code", code.code), color="#999999", arrowhead="none")
    legend(graph, (*BOUNDARY_LEGEND, HIGHLIGHT_LEGEND) if changed else BOUNDARY_LEGEND)
    return graph
