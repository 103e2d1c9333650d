"""The first 100 days as a timeline picture: a column per bucket (day 1, week 1, month 1, 100 days), steps linked to their pages.

>>> import opcc_model
>>> from opcc_model.handover import transition
>>> model = opcc_model.load(opcc_model.reference_root())
>>> graph = transition_map(model, transition(model, area="example-england", date="2028-01-10"), page_suffix=".html")
>>> '"activity.propose-precept" -> "bucket.month-1"' in graph.source and 'URL="activity-propose-precept.html"' in graph.source
True
"""

from __future__ import annotations

import graphviz

from opcc_model.errors import NotFound
from opcc_model.handover.report import TransitionReport
from opcc_model.handover.years import buckets
from opcc_model.model import Model
from opcc_model.render.draw import activity_node, new_digraph, node_id, text_label

__all__ = ["transition_map", "BUCKET_TITLES"]


def _has(model: Model, activity_id: str) -> bool:
    try:
        model.activity(activity_id)
    except NotFound:
        return False
    return True

BUCKET_TITLES = {"day-1": "Day 1", "week-1": "Week 1", "month-1": "Month 1", "first-100-days": "First 100 days"}


def transition_map(model: Model, report: TransitionReport, /, *, page_suffix: str = ".svg") -> graphviz.Digraph:
    """The plan of ``report`` drawn left to right by bucket; each step is its activity's node, each arrow a dependency.

    ``model`` is the model the report planned on (the new arrangement's, for a 2028 route).
    """
    graph = new_digraph(
        f"transition-{report.area}",
        rankdir="LR",
        newrank="true",
        nodesep="0.25",
        ranksep="0.5",
        labelloc="t",
        labeljust="l",
        label=text_label(f"The first 100 days from {report.date.isoformat()}: {report.area_name}", width=120),
    )
    steps = {step.activity: step for step in report.steps}
    drawn: dict[str, list[str]] = {}
    for bucket in buckets(report.date):
        members = [s for s in report.steps if s.bucket == bucket.name and _has(model, s.activity)]
        anchor = node_id("bucket", bucket.name)
        with graph.subgraph(name=f"cluster_{bucket.name.replace('-', '_')}") as group:
            title = f"{BUCKET_TITLES[bucket.name]}: by {bucket.end.isoformat()}"
            group.attr(label=text_label(title, width=40), style="rounded", color="#888888", fontcolor="#1f4e79")
            if members:  # an invisible anchor keeps the columns in order
                group.node(anchor, label="", shape="point", style="invis", width="0")
            else:
                group.node(anchor, label=text_label("nothing falls in this bucket", width=16), shape="plaintext", fontcolor="#555555")
            for step in members:
                activity_node(group, model, model.activity(step.activity), page_suffix=page_suffix)
                graph.edge(anchor, node_id("activity", step.activity), style="invis")
        drawn[bucket.name] = [node_id("activity", s.activity) for s in members] or [anchor]
    names = [b.name for b in buckets(report.date)]
    for before, after in zip(names, names[1:]):
        for node in drawn[before]:  # the next column starts right of every step of this one
            graph.edge(node, node_id("bucket", after), style="invis")
    for step in report.steps:
        for earlier in step.after:
            if earlier in steps:
                graph.edge(node_id("activity", earlier), node_id("activity", step.activity), color="#555555")
    return graph
