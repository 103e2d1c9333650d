"""Highlighted activities and PAG codes: a thick orange border, a "changed" legend row, deterministic; checked in the SVG too."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from opcc_model.render.backend import layout
from opcc_model.render.boundarymap import boundary_map
from opcc_model.render.draw import HIGHLIGHT_STYLE
from opcc_model.render.processmap import process_map
from tests.svg import highlighted_titles

ORANGE = HIGHLIGHT_STYLE["color"]


def orange_nodes(source: str) -> set[str]:
    """DOT node names whose attributes carry the highlight colour."""
    return {m.group(1) for m in re.finditer(r'^\s*"([^"]+)" \[([^\n]*)\]$', source, flags=re.M) if ORANGE in m.group(2)}


def test_process_map_highlights_only_the_named_activities(model, backend: str) -> None:
    process = model.process("set-the-plan")
    chosen = [process.activities[0].id, process.activities[-1].id]
    source = process_map(model, process.id, highlight=chosen).source
    assert orange_nodes(source) == {f"activity.{a}" for a in chosen}
    assert "changed" in source
    svg = layout(source, "svg", backend=backend).decode("utf-8")
    assert highlighted_titles(svg) == {f"activity.{a}" for a in chosen}


def test_no_highlight_no_changed_row(model) -> None:
    source = process_map(model, "set-the-plan").source
    assert orange_nodes(source) == set() and "changed" not in source
    assert process_map(model, "set-the-plan", highlight=["not-an-activity"]).source == source


def test_boundary_map_highlights_codes(model, backend: str) -> None:
    area = model.boundaries[0].area
    codes = sorted(c.code for c in model.codes)[:3]
    source = boundary_map(model, area, highlight=codes).source
    assert orange_nodes(source) == {f"code.{c}" for c in codes}
    assert "changed" in source
    svg = layout(source, "svg", backend=backend).decode("utf-8")
    assert highlighted_titles(svg) == {f"code.{c}" for c in codes}
    assert "changed" not in boundary_map(model, area).source


@settings(max_examples=30, deadline=None)
@given(data=st.data())
def test_highlight_is_a_set_of_drawn_things(model, data: st.DataObject) -> None:
    process = data.draw(st.sampled_from(model.processes))
    everything = sorted(a.id for a in model.activities)
    chosen = data.draw(st.lists(st.sampled_from(everything), max_size=8))
    source = process_map(model, process.id, highlight=chosen).source
    assert orange_nodes(source) == {f"activity.{a}" for a in set(chosen) & {a.id for a in process.activities}}
    shuffled = data.draw(st.permutations(chosen + chosen))
    assert process_map(model, process.id, highlight=shuffled).source == source
