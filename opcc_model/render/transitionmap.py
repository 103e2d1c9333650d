"""The first 100 days as a timeline picture: a column per bucket (day 1, week 1, month 1, 100 days), steps linked to their pages.

>>> import opcc_model
>>> from opcc_model.handover import transition
>>> model = opcc_model.load(opcc_model.reference_root())
>>> graph = transition_map(model, transition(model, area="example-england", date="2028-01-10"), page_suffix=".html")
>>> '"bucket.week-1" -> "bucket.month-1"' in graph.source and 'URL="activity-propose-precept.html"' in graph.source
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
    for bucket in buckets(report.date):
        with graph.subgraph(name=f"cluster_{bucket.name.replace('-', '_')}") as group:
            title = f"{BUCKET_TITLES[bucket.name]}: by {bucket.end.isoformat()}"
            group.attr(label=text_label(title, width=40), style="rounded", color="#888888", fontcolor="#1f4e79")
            group.node(node_id("bucket", bucket.name), label=text_label(BUCKET_TITLES[bucket.name], width=20),
                       shape="plaintext", fontcolor="#1f4e79")
            for step in report.steps:
                if step.bucket != bucket.name:
                    continue
                try:
                    activity_node(group, model, model.activity(step.activity), page_suffix=page_suffix)
                except NotFound:
                    continue
                graph.edge(node_id("bucket", bucket.name), node_id("activity", step.activity), style="invis")
    names = [b.name for b in buckets(report.date)]
    for before, after in zip(names, names[1:]):
        graph.edge(node_id("bucket", before), node_id("bucket", after), style="invis", weight="10")
    for step in report.steps:
        for earlier in step.after:
            if earlier in steps:
                graph.edge(node_id("activity", earlier), node_id("activity", step.activity), color="#555555")
    return graph
