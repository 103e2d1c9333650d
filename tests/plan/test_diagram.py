"""The plan diagram: YAML text stays text (escaped, parsed back by real Graphviz), links drawn, output deterministic."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opcc_model
from opcc_model.plan import load_plans
from opcc_model.plan.diagram import node_name, plan_diagram, render_plan_svg
from opcc_model.plan.model import Plan, Theme, Vision
from opcc_model.render.backend import layout

from .conftest import FIXTURE

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
MODEL = opcc_model.load(FIXTURE)


def _unescape(label: str) -> str:
    """Undo the DOT label escaping the diagram may use: only ``\\\\`` and ``\\n``."""
    assert re.fullmatch(r"(?:[^\\]|\\\\|\\n)*", label, flags=re.S), f"a Graphviz escape other than \\\\ or \\n: {label!r}"
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), label)


def _letters(text: str) -> str:
    return "".join(_CONTROL.sub("", text).split())


def _laid_out(plan: Plan) -> dict:
    return json.loads(layout(plan_diagram(MODEL, plan).source, "json"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.text(max_size=30), vision=st.text(max_size=60), theme=st.text(max_size=60))
def test_any_text_stays_text_through_real_graphviz(name, vision, theme):
    plan = Plan(
        id="p",
        name=name,
        owner="pcc",
        vision=Vision(id="v", text=vision, owner="pcc", themes=(Theme(id="t", text=theme, owner="cc"),)),
    )
    graph = _laid_out(plan)
    objects = {o["name"]: o for o in graph["objects"]}
    assert set(objects) == {node_name("vision", "v"), node_name("theme", "t")}
    assert len(graph.get("edges", [])) == 1
    assert _letters(_unescape(graph["label"])) == _letters(name)
    assert _letters(_unescape(objects["vision__v"]["label"])) == _letters("Vision" + vision + "(owner: pcc)")
    assert _letters(_unescape(objects["theme__t"]["label"])) == _letters("Strategic theme" + theme + "(owner: cc)")


def test_markup_and_graphviz_escapes_are_drawn_as_text():
    text = '<b>x</b> "a\\l" \\N & {b}'
    plan = Plan(id="p", name=text, owner="pcc", vision=Vision(id="v", text=text, owner="pcc"))
    source = plan_diagram(MODEL, plan).source
    assert "label=<" not in source
    svg = render_plan_svg(MODEL, plan).decode("utf-8")
    assert "&lt;b&gt;x&lt;/b&gt;" in svg and "\\l" in svg and "\\N" in svg
    assert "<b>x</b>" not in svg


def test_tree_and_links_are_drawn():
    (plan,) = load_plans(FIXTURE, MODEL)
    graph = _laid_out(plan)
    names = [o["name"] for o in graph["objects"]]
    assert names[:6] == [
        "vision__keeping-people-safe",
        "theme__victims-at-the-centre",
        "aim__victim-centred-approach",
        "outcome__victims-heart-of-cjs",
        "objective__victims-treated-with-respect",
        "priority__review-cjs-processes",
    ]
    assert set(names[6:]) == {
        "activity__commission-victims-services",
        "activity__scrutinise-performance",
        "vc-outcome__crime-reduced",
        "vc-outcome__victims-supported",
    }
    by_id = {o["_gvid"]: o["name"] for o in graph["objects"]}
    edges = {(by_id[e["tail"]], by_id[e["head"]], e.get("label")) for e in graph["edges"]}
    assert ("priority__review-cjs-processes", "activity__commission-victims-services", "delivers") in edges
    assert ("priority__review-cjs-processes", "activity__scrutinise-performance", "monitors") in edges
    assert ("outcome__victims-heart-of-cjs", "vc-outcome__crime-reduced", "serves") in edges


def test_diagram_is_deterministic_across_loads():
    first = plan_diagram(opcc_model.load(FIXTURE), load_plans(FIXTURE, opcc_model.load(FIXTURE))[0])
    second = plan_diagram(MODEL, load_plans(FIXTURE, MODEL)[0])
    assert first.source == second.source
    assert layout(first.source, "svg") == layout(second.source, "svg")
