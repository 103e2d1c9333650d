"""The check benchmark's hand-written baseline finds exactly what ``check`` finds."""

from __future__ import annotations

import opcc_model
from bench.checks import single_pass
from bench.generate import generate
from opcc_model.queries import check


def test_single_pass_finds_what_check_finds(tmp_path):
    generate(tmp_path / "m", areas=2, activities=150, seed=3)
    model = opcc_model.load(tmp_path / "m")
    # the single pass implements the D, G and O families; the scheme checks (OPCC-S1xx) are measured apart
    found = [f for f in check(model) if not f.code.startswith("OPCC-S")]
    records = single_pass(model)
    assert len(found) > 100
    assert [(f.code, f.subject, f.area, f.location) for f in found] == [(r[0], r[2], r[5], r[4]) for r in records]
