"""Diagrams too large to lay out whole (issue 15): the value chain is bounded like the dependency
maps, and a page with a summarised diagram holds the table of what it hides, linked from the
diagram's caption beside its "full size" link (to the summary, never to an unbounded layout)."""

from __future__ import annotations

import dataclasses
import html as html_module
import re

import pytest

import opcc_model
from opcc_model.render.bounds import diagram_size
from opcc_model.render.site import plan_site
from opcc_model.render.site.pages import render_stage, render_value_chain
from opcc_model.render.summary import dependency_summary
from opcc_model.render.valuechain import top_processes, value_chain, value_chain_cap, value_chain_hidden

REFERENCE = opcc_model.load(opcc_model.reference_root())


def _site() -> object:
    site = plan_site(REFERENCE, diagrams=False)
    names = ["value-chain", *(f"stage-{s.id}" for s in REFERENCE.stages), "dependencies"]
    return dataclasses.replace(site, diagrams={name: "<svg></svg>" for name in names})


@pytest.mark.parametrize("limit", [70, 80])
def test_the_value_chain_keeps_within_the_limit(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    monkeypatch.setenv("OPCC_DIAGRAM_LIMIT", str(limit))
    model = REFERENCE.model_copy()  # a fresh memo
    source = value_chain(model).source
    assert sum(diagram_size(source)) <= limit
    cap = value_chain_cap(model)
    assert cap is not None and "summarised" in source
    for row in value_chain_hidden(model):
        assert row.shown == cap < row.total == len(top_processes(model, row.stage))
        assert f"⊞ {row.total - cap} more processes" in source and f'URL="stage-{row.stage}.svg"' in source


def test_the_value_chain_is_whole_under_the_limit() -> None:
    assert value_chain_cap(REFERENCE) is None and value_chain_hidden(REFERENCE) == []
    assert "more processes" not in value_chain(REFERENCE).source


def test_the_value_chain_page_lists_what_the_summary_hides(monkeypatch: pytest.MonkeyPatch) -> None:
    assert 'id="hidden-value-chain"' not in render_value_chain(_site())
    monkeypatch.setenv("OPCC_DIAGRAM_LIMIT", "70")
    html = render_value_chain(_site())
    assert '<table id="hidden-value-chain">' in html and 'href="#hidden-value-chain"' in html
    assert re.search(r'<a href="[^"]*value-chain\.svg">Open the summary full size</a>', html)
    for row in value_chain_hidden(REFERENCE.model_copy()):
        assert f"<td>{row.shown}</td><td>{row.total}</td>" in html


@pytest.mark.parametrize("limit", ["1", "12"])
def test_a_stage_page_tables_what_its_summary_hides_at_the_level_drawn(monkeypatch: pytest.MonkeyPatch, limit: str) -> None:
    stage = max(REFERENCE.stages, key=lambda s: sum(p.stage == s.id for p in REFERENCE.processes))
    monkeypatch.setenv("OPCC_DIAGRAM_LIMIT", limit)
    html = render_stage(_site(), stage.id)
    _, rows = dependency_summary(REFERENCE, stage=stage.id)
    assert f'<table id="hidden-stage-{stage.id}">' in html and f'href="#hidden-stage-{stage.id}"' in html
    assert re.search(rf'<a href="[^"]*stage-{stage.id}\.svg">Open the summary full size</a>', html)
    shown = re.findall(r'<th scope="row">([^<]*)</th>', html.split(f'id="hidden-stage-{stage.id}"')[1].split("</table>")[0])
    assert [html_module.unescape(name) for name in shown] == [row.name for row in rows]  # the rows of the level the summary is drawn at
