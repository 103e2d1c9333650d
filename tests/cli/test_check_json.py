"""``opcc check --format json`` writes exactly what ``json_text`` (``json.dumps``, controls escaped) of the records writes, faster."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import opcc_model
from opcc_model.cli.check import to_json
from opcc_model.findings import Finding
from opcc_model.location import Location
from opcc_model.queries import FindingList, check
from opcc_model.terminal import json_text

text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
findings = st.builds(
    Finding,
    code=st.sampled_from(["OPCC-G101", "OPCC-D101", "OPCC-S109"]),
    severity=st.sampled_from(["error", "warning", "info"]),
    subject=st.lists(text, max_size=3).map(tuple),
    message=text,
    location=st.none() | st.builds(Location, text, st.integers(1, 10**6), st.integers(1, 500)),
    area=st.none() | text,
    waived=st.booleans(),
    reason=st.none() | text,
)


def _dumped(found: FindingList) -> str:
    return json_text(found.records())


@settings(max_examples=200, deadline=None)
@given(st.lists(findings, max_size=6))
def test_written_json_is_what_json_dumps_writes(items):
    found = FindingList(items)
    assert to_json(found) == _dumped(found)


def test_the_reference_model_s_findings_are_written_the_same():
    found = check(opcc_model.load(opcc_model.reference_root()))
    assert len(found) > 10
    assert to_json(found) == _dumped(found)


def test_check_hands_the_frozen_heap_back(capsys):
    """``opcc check`` hides the model and its findings from the collector while it runs (gc.freeze) and
    unfreezes them when done, so a process that calls it (a test run, a notebook) collects as before."""
    import gc

    from opcc_model.cli import main

    assert gc.get_freeze_count() == 0
    assert main(["check", str(opcc_model.reference_root()), "--format", "json", "--fail-on", "never"]) == 0
    assert gc.get_freeze_count() == 0
    assert capsys.readouterr().out.startswith("[\n  {\n")
