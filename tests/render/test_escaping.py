"""Arbitrary text from YAML never breaks DOT or Mermaid and shows as text, never markup (real Graphviz)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hypothesis import example, given, settings
from hypothesis import strategies as st

from opcc_model.model import Activity, Artifact, Model, Process, Role, Stage
from opcc_model.render.backend import layout
from opcc_model.render.escape import clean, mermaid_text
from opcc_model.render.mermaid import process_mermaid
from opcc_model.render.processmap import process_map
from opcc_model.terminal import first_unsafe

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(lambda t: first_unsafe(t) is None)
"""Any name a model may hold (names with control or bidi characters are a load error: tests/test_control_characters.py)."""


def _model(name: str) -> Model:
    return Model(
        mandate="m",
        stages=(Stage(id="s", name=name, portfolio=name),),
        roles=(Role(id="pcc", name=name, side="commissioner"), Role(id="cc", name="CC", side="chief-constable")),
        artifacts=(Artifact(id="m", name=name), Artifact(id="x", name=name)),
        processes=(
            Process(
                id="p",
                name=name,
                stage="s",
                guidance=name,
                activities=(
                    Activity(id="a", name=name, accountable="pcc", guidance=name, inputs=("m",), outputs=("x",)),
                    Activity(id="b", name=name, kind="decision", accountable="cc", inputs=("x",)),
                ),
            ),
        ),
    )


def _svg_text(svg: bytes) -> str:
    root = ET.fromstring(svg)
    return "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))


@settings(max_examples=40, deadline=None)
@given(TEXT)
@example("<b>x</b>")
@example('"a\\l"')
@example("a\\")
@example("\\\\\"")
@example("Café — ✓ <&> #1 [x] {y}")
def test_names_appear_as_text_in_the_svg(name: str) -> None:
    source = process_map(_model(name), "p").source
    drawn = "".join(_svg_text(layout(source, "svg")).split())
    expected = "".join(clean(name).split())
    assert drawn.count(expected) >= 3  # the activity names and the lane's role, never markup
    assert "<b>" not in drawn or "<b>" in name


@settings(max_examples=40, deadline=None)
@given(TEXT)
@example('say "hi" [x] (y) {z} #1 <b> | ; `')
def test_mermaid_labels_hold_no_syntax(name: str) -> None:
    text = process_mermaid(_model(name), "p")
    escaped = mermaid_text(name)
    assert not set(escaped) & set('"<>[]{}()|`\n')
    assert escaped in text
