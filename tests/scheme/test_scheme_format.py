"""The scheme format: one evidence row of each kind round-trips; bad input is a located error (exit 2)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

import opcc_model
from opcc_model.boundary import Boundary
from opcc_model.cli import main
from tests.scheme.support import HEAD, write_area

# One row of each kind of the evidence file (shared/evidence/schemes-of-consent.md), written
# with its threshold, officer, consultation, condition and instrument.
EVIDENCE_ROWS = """
status: published
body: pcc
deputy: dpcc
default: {holder: commissioner, text: "The PCC makes every decision not expressly delegated (Cleveland, D4)"}
officers:
  - {id: assistant-ceo, name: Assistant Chief Executive and Deputy Monitoring Officer, side: commissioner, reports_to: opcc-chief-executive}
  - {id: force-director-of-support, name: Force Director of Support Services, side: chief-constable}
allocations:
  - {pag: "1", holder: commissioner}
  - {pag: "2", holder: chief-constable}
  - {pag: "1.1.1.8", holder: commissioner, relation: reserved, source: "A3",
     instrument: {document: Scheme of Delegation and Consent v4.0, clause: "1", url: "https://hampshire-pcc.gov.uk/transparency/policy-and-governance/scheme-of-delegation-and-consent"}}
  - {pag: "1.3.6.2", holder: chief-constable, relation: consent, consent_by: pcc, source: "G10",
     condition: "Temporary borrowing in sterling only; no credit arrangements", instrument: PRSR 2011 Sch 2 para 7A}
  - {pag: "1.4.3", holder: joint, forum: Management Board, arrangement: "The CC takes his own decisions at the Board in the PCC's presence", source: "D15"}
  - {pag: "1.3.8.1", holder: joint, forum: Accountability Board, source: "D23",
     instrument: {document: Lancashire decision, decision: "2023/52"}}
delegations:
  - {pag: "1.5.7", by: pcc, to: opcc-chief-executive, onward: true, source: "D1",
     instrument: {document: Joint Corporate Governance Framework 2020, clause: "3.24, 3.4.26, 3.4.33"}}
  - {pag: "1.5.7", by: opcc-chief-executive, to: assistant-ceo, source: "D1",
     condition: "In the absence of the chief executive"}
  - {pag: "1.6.2", by: pcc, to: opcc-chief-executive, source: "D30", from: 2024-06-01,
     condition: "Ends at the PCC's request", instrument: {document: Lancashire decision, date: 2024-06-01}}
ladders:
  - pag: "1.3.10"
    currency: GBP
    source: "D28"
    instrument: {document: Interim Scheme of Governance, clause: "art. 8.55"}
    tiers:
      - {up_to: 50000, decides: force-cfo, relation: consent}
      - {over: 50000, decides: pcc, consulted: [cc], agree: [opcc-cfo], told: [opcc-chief-executive], report_to: [pcp]}
  - pag: "1.6.3"
    measure: rank
    scale: [inspector, superintendent, chief-superintendent, assistant-chief-constable]
    source: "G4"
    tiers:
      - {up_to: chief-superintendent, decides: cc}
      - {over: chief-superintendent, decides: cc, consulted: [pcc]}
decisions:
  - {date: 2024-05-01, title: "Chorley enabling works", pag: "1.3.8.2", amount: "1713091.17", decided_by: pcc,
     reference: "2024/22", source: "D25"}
  - {date: 2014-08-01, title: Use of the transitional reserve, pag: "1.3.7.2", amount: 48899, decided_by: pcc, source: "D27"}
"""


def test_each_evidence_row_kind_loads_and_round_trips(reference) -> None:
    boundary = Boundary.model_validate(yaml.safe_load(HEAD + EVIDENCE_ROWS))
    again = Boundary.model_validate(boundary.model_dump(mode="json", by_alias=True, exclude_unset=True))
    assert again == boundary
    assert boundary.allocation_for("1.3.6.2").relation == "consent"
    assert boundary.allocation_for("1.4.3").forum == "Management Board"
    assert boundary.delegations[0].onward and not boundary.delegations[1].onward  # a chain, onward allowed once
    assert boundary.delegations[2].from_date == datetime.date(2024, 6, 1)
    assert str(boundary.ladders[0].instrument) == "Interim Scheme of Governance, art. 8.55"
    assert boundary.decisions[0].amount == Decimal("1713091.17")  # exact, never a float
    assert boundary.ladder_for("1.3.10").tier_for(50000).decides == "force-cfo"
    assert boundary.ladder_for("1.3.10").tier_for("50000.01").decides == "pcc"
    assert boundary.ladder_for("1.6.3").tier_for("assistant-chief-constable").consulted == ("pcc",)
    model = reference.model_copy(update={"boundaries": (*reference.boundaries, boundary)})
    assert not [problem for problem in opcc_model.integrity.check(model)]  # every id it names exists


def test_a_delegation_inside_one_side_loads(minimal: Path) -> None:
    write_area(minimal, "allocations: [{pag: '1', holder: commissioner}, {pag: '2', holder: chief-constable}]\n"
                        "delegations: [{pag: '1.1', by: pcc, to: opcc-chief-executive}]\n")
    assert opcc_model.load(minimal).boundary("planted").delegations[0].to == "opcc-chief-executive"


BAD = [
    ("ladders: [{pag: '1', currency: GBP, tiers: [{up_to: 15000.0, decides: pcc}]}]\n", "float 15000.0"),
    ("ladders: [{pag: '1', currency: GBP, tiers: [{up_to: -5, decides: pcc}]}]\n", "0 or more, found -5"),
    ("delegations: [{pag: '1', by: pcc, to: opcc-chief-executive, from: 2025-04-01, until: 2025-03-01}]\n", "before"),
    ("ladders: [{pag: '1', currency: GBP, tiers: [{up_to: 100, decides: pcc}, {over: sergeant, decides: cc}]}]\n", "mixed measures"),
    ("delegations: [{pag: '1', by: pcc, to: pcc}]\n", "to itself"),
    ("ladders: [{pag: '1', currency: GBP, tiers: [{over: 5, from: 5, decides: pcc}]}]\n", "written twice"),
    ("delegations: [{pag: '1', by: pcc, to: nobody-here}]\n", "found 'nobody-here'"),
    ("delegations: [{pag: '9.9', by: pcc, to: opcc-chief-executive}]\n", 'found "9.9"'),
    ("ladders: [{pag: '1', tiers: [{up_to: 5, decides: pcc}]}]\n", "needs its 'currency'"),
]


@pytest.mark.parametrize(("body", "expected"), BAD, ids=[b[1] for b in BAD])
def test_bad_scheme_input_is_a_located_error_exit_2(minimal: Path, body: str, expected: str, capsys) -> None:
    path = write_area(minimal, body)
    before = path.read_bytes()
    assert main(["validate", str(minimal)]) == 2
    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if expected in line)
    assert line.startswith(f"{minimal}/pag/boundaries/planted.yaml:")
    assert int(line.split(":")[1]) >= 5  # located inside the body, not at 1:1
    assert "Traceback" not in err and path.read_bytes() == before


def test_a_newer_format_is_refused_with_its_number(minimal: Path, capsys) -> None:
    path = write_area(minimal, "")
    path.write_text(path.read_text(encoding="utf-8").replace("format: 2", "format: 9"), encoding="utf-8")
    assert main(["validate", str(minimal)]) == 2
    assert "found format 9" in capsys.readouterr().err


def test_local_codes_stay_in_their_area(minimal: Path) -> None:
    write_area(minimal, "codes: [{code: '1.1.2.8.1', name: Local settlement tiers}]\n"
                        "allocations: [{pag: '1', holder: commissioner}, {pag: '2', holder: chief-constable},"
                        " {pag: '1.1.2.8.1', holder: chief-constable}]\n")
    model = opcc_model.load(minimal)
    assert "1.1.2.8.1" not in {c.code for c in model.codes}  # the shared glossary is unchanged
    assert model.boundary("planted").codes[0].provenance == "local"
    assert model.boundary("example-area").holder_of("1.1.2.8.1") == "commissioner"


def test_a_local_code_needs_an_existing_parent(minimal: Path, capsys) -> None:
    write_area(minimal, "codes: [{code: '7.1', name: Orphan}]\n")
    assert main(["validate", str(minimal)]) == 2
    assert 'parent "7" is in neither the glossary' in capsys.readouterr().err


def test_a_welsh_area_has_no_mayoral_route(minimal: Path, capsys) -> None:
    path = write_area(minimal, "body: mayor\n")
    path.write_text(path.read_text(encoding="utf-8").replace("jurisdiction: england", "jurisdiction: wales"), encoding="utf-8")
    assert main(["validate", str(minimal)]) == 2
    assert "a Welsh area has no mayoral route" in capsys.readouterr().err
