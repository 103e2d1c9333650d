"""``handoffs()`` and ``opcc query handoffs`` group crossings as ``opcc check`` reports them (issue 16 item 2).

One row per crossing (the producers of the same artifacts for one consumer together, at
the level where it happens), its kind (principals, oversight, partners) and finding code
matching OPCC-D101/D103/D104, in every area.
"""

from __future__ import annotations

import pytest

import opcc_model
from opcc_model.cli import main
from opcc_model.queries.handoff_table import CROSSING_KINDS
from opcc_model.queries.index import scope_of, scoped_activities

REFERENCE = opcc_model.load(opcc_model.reference_root())


def test_one_row_per_crossing_finding() -> None:
    table = opcc_model.handoffs(REFERENCE)
    rows = {(row[1], (*row[5], row[4])) for row in table}
    found = {(f.code, f.subject) for f in opcc_model.check(REFERENCE) if f.code in CROSSING_KINDS}
    assert rows == found
    assert len(rows) == len(table)  # no crossing twice


@pytest.mark.parametrize("area", [b.area for b in REFERENCE.boundaries])
def test_an_area_keeps_the_crossings_in_its_scope(area: str) -> None:
    """The crossing findings are model-wide; an area's table keeps those of its activities only."""
    scope = scope_of(REFERENCE, area)
    inside = {a.id for a in scoped_activities(REFERENCE, scope)}
    every = opcc_model.handoffs(REFERENCE)
    expected = {
        (row[1], row[4], tuple(p for p in row[5] if p in inside))
        for row in every
        if row[4] in inside and any(p in inside for p in row[5])
    }
    assert {(row[1], row[4], row[5]) for row in opcc_model.handoffs(REFERENCE, area=area)} == expected


def test_kinds_are_told_apart_and_summarised() -> None:
    table = opcc_model.handoffs(REFERENCE)
    assert {row[0] for row in table} <= set(CROSSING_KINDS.values())
    assert all(CROSSING_KINDS[row[1]] == row[0] for row in table)
    kinds = [row[0] for row in table]
    assert kinds == sorted(kinds, key=list(CROSSING_KINDS.values()).index)  # principals, then oversight, then partners
    counts = table.kinds()
    assert counts["principals"] == table.count("commissioner", "chief-constable") + table.count("chief-constable", "commissioner")
    assert table.summary() == (
        f"{len(table)} crossings: {counts['principals']} between the principals, "
        f"{counts['oversight']} with oversight, {counts['partners']} with partners."
    )


def test_producers_of_one_artifact_for_one_consumer_are_one_row() -> None:
    table = opcc_model.handoffs(REFERENCE)
    record = [row for row in table if row[0] == "oversight" and "decision-record" in row[6] and len(row[5]) > 1]
    assert record, "the Panel reads the decision record many commissioner decisions publish: one row"
    assert len({row[4] for row in record}) == len(record)


def test_a_subprocess_crossing_is_reported_at_the_inner_activity() -> None:
    subprocesses = {a.id for a in REFERENCE.activities if a.kind == "subprocess"}
    table = opcc_model.handoffs(REFERENCE)
    inner = {a.id for p in REFERENCE.processes if p.parent for a in p.activities}
    for row in table:
        for producer in row[5]:
            if producer in subprocesses:  # only when no inner activity hands on the same artifacts
                assert not any(
                    other[4] == row[4] and set(row[6]) <= set(other[6]) and producer not in other[5] and set(other[5]) & inner
                    for other in table
                )


def test_cli_text_leads_with_the_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "handoffs", str(opcc_model.reference_root()), "--area", "example-wales"]) == 0
    out = capsys.readouterr().out.splitlines()
    table = opcc_model.handoffs(REFERENCE, area="example-wales")
    assert out[0] == table.summary()
    assert out[2].split()[:5] == ["kind", "finding", "from", "to", "consumer"]
