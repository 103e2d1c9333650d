"""Mark tables recorded while parsing locate a path exactly where composing the file again would."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import opcc_model
from opcc_model.documents import model_files
from opcc_model.marktable import TRACKED, record
from opcc_model.yamlsource import MarkedDocument, SafeLoader, parse_text

_keys = st.sampled_from(sorted(TRACKED) + ["name", "side", "guidance", "x"])
_scalars = st.one_of(st.text("abc -", min_size=1, max_size=6).map(str.strip).filter(bool), st.integers(0, 9))
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(_keys, inner, max_size=5)),
    max_leaves=25,
)
_documents = st.dictionaries(st.sampled_from(["roles", "activities", "id", "area", "allocations"]), _values, min_size=1)


def _paths(node: yaml.Node, prefix: tuple, depth: int = 0):
    """Every path into the document, plus missing keys and indexes at each level."""
    yield prefix
    if depth > 6:
        return
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _paths(value, (*prefix, key.value), depth + 1)
        yield from ((*prefix, "missing"), (*prefix, "accountable"), (*prefix, 0))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _paths(item, (*prefix, index), depth + 1)
        yield from ((*prefix, len(node.value)), (*prefix, "x"))
    else:
        yield (*prefix, "x")


def _agree(text: str) -> int:
    table = record(yaml.compose(text, Loader=SafeLoader))
    marked = MarkedDocument.from_text(text, "f.yaml")
    answered = 0
    for path in _paths(marked.root, ()):
        found = table.locate(path)
        if found is not None:
            expected = marked.locate(path)
            assert found == (expected.line, expected.column), path
            answered += 1
    return answered


@settings(max_examples=50, deadline=None)
@given(_documents, st.booleans())
def test_table_agrees_with_composing(document, flow):
    text = yaml.safe_dump(document, default_flow_style=flow, sort_keys=False)
    assert _agree(text) >= 1


def test_example_model_tables_agree_and_are_recorded_while_parsing():
    root = opcc_model.example_root("minimal")
    for _, relative in model_files(root):
        text = (root / relative).read_text(encoding="utf-8")
        tables: list = []
        assert parse_text(text, relative, tables) == yaml.safe_load(text)
        assert tables and tables[0] is not None
        assert _agree(text) > 0


def test_loaded_model_locates_from_tables_like_composing(tmp_path):
    model = opcc_model.load(opcc_model.example_root("minimal"))
    sources = model.locations
    for key in sources:
        shown, path = sources.entry(key)
        for fields in ((), ("accountable",), ("inputs", 0), ("after", 0), ("name",)):
            assert sources.locate(key, *fields) == sources.document(shown).locate(path + fields)


def test_marks_past_16_bits_are_kept_exactly():
    text = "roles:\n" + "\n" * 70_000 + "  - {" + " " * 70_000 + "id: pcc}\n"
    table = record(yaml.compose(text, Loader=SafeLoader))
    assert table is not None and table.ints.typecode == "I"
    assert table.locate(("roles", 0, "id")) == MarkedDocument.from_text(text, "f").locate(("roles", 0, "id"))[1:]
    assert record(yaml.compose("roles: [{id: pcc}]\n", Loader=SafeLoader)).ints.typecode == "H"
