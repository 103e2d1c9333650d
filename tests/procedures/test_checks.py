"""The procedure findings (OPCC-L1xx) fire on planted cases and stay silent on lawful ones."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import main
from opcc_model.queries import check
from tests.editing import edit

from .conftest import PROCESS, write

AGREE = "    after: [identify-stakeholders]"
IDENTIFY = "    outputs: [stakeholder-map]"

INSTRUMENTS = """instruments:
  - {id: prsr-2011, title: PRSR, cited_as: [PRSR 2011], kind: act, evidence: V, source: test}
  - {id: ppo-2011, title: Policing Protocol Order 2011, cited_as: [Policing Protocol Order 2011], kind: order,
     made: 2011-11-22, revoked: 2023-07-03, revoked_by: ppo-2023, evidence: V, source: test}
  - {id: ppo-2023, title: Policing Protocol Order 2023, cited_as: [Policing Protocol Order 2023], kind: order,
     in_force: 2023-07-03, evidence: V, source: test}
  - {id: aar-2015, title: Accounts and Audit Regulations 2015, cited_as: [AAR 2015], kind: regulations,
     jurisdictions: [england], evidence: V, source: test}
  - {id: apace, title: APACE guide, cited_as: [APACE], kind: guidance, evidence: S, source: test}
"""

DUTIES = """duties:
  - {id: consult-public, name: Obtain the views of the public, basis: PRSR 2011 s.14, evidence: V, source: test}
"""


def codes(root: Path, on: datetime.date = datetime.date(2027, 1, 1)) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.code, f.subject) for f in check(opcc_model.load(root), on=on) if f.code.startswith("OPCC-L")]


@pytest.fixture
def law(root: Path) -> Path:
    """The minimal model with instruments and one duty, delivered by a duty activity."""
    write(root, "law/instruments.yaml", INSTRUMENTS)
    write(root, "law/duties.yaml", DUTIES)
    edit(root, PROCESS, IDENTIFY, IDENTIFY + "\n    obligation: duty")
    return root


def test_lawful_model_is_silent(law: Path) -> None:
    assert codes(law) == []


def test_undelivered_duty(law: Path) -> None:
    edit(law, PROCESS, "    obligation: duty", "    obligation: power")
    assert codes(law) == [("OPCC-L101", ("consult-public",))]


def test_sub_provision_delivers_but_a_longer_section_does_not(law: Path) -> None:
    edit(law, PROCESS, "basis: [PRSR 2011 s.14]", "basis: [PRSR 2011 s.14(1)]")
    assert codes(law) == []
    edit(law, PROCESS, "basis: [PRSR 2011 s.14(1)]", "basis: [PRSR 2011 s.145]")
    assert codes(law) == [("OPCC-L101", ("consult-public",))]


def test_unknown_citation_is_a_located_warning(law: Path) -> None:
    edit(law, PROCESS, AGREE, AGREE + "\n    basis: [PRSR 2001 s.14]")
    found = [f for f in check(opcc_model.load(law), on=datetime.date(2027, 1, 1)) if f.code == "OPCC-L102"]
    assert [(f.severity, f.subject) for f in found] == [("warning", ("agree-outcomes", "PRSR 2001 s.14"))]
    assert str(found[0].location).endswith(f"{PROCESS}:29:13")


def test_revoked_instrument_depends_on_the_date(law: Path) -> None:
    edit(law, PROCESS, AGREE, AGREE + "\n    basis: [Policing Protocol Order 2011 para 24]")
    assert codes(law, datetime.date(2023, 7, 2)) == []
    assert codes(law, datetime.date(2023, 7, 3)) == [("OPCC-L106", ("agree-outcomes", "Policing Protocol Order 2011 para 24"))]


def test_required_response_missing(law: Path) -> None:
    write(law, "law/duties.yaml", DUTIES + "  - {id: answer, name: Respond, basis: PRSR 2011 s.14, responds_to: [strategic-assessment], evidence: V, source: test}\n")
    assert codes(law) == [("OPCC-L103", ("answer", "strategic-assessment"))]
    edit(law, PROCESS, "inputs: [commissioner-mandate]", "inputs: [commissioner-mandate, strategic-assessment]")
    assert codes(law) == []


def test_england_only_law_in_wales(law: Path) -> None:
    edit(law, PROCESS, AGREE, AGREE + "\n    basis: [AAR 2015 reg 6]")
    assert codes(law) == [("OPCC-L107", ("agree-outcomes", "wales"))]
    edit(law, PROCESS, "    basis: [AAR 2015 reg 6]", "    basis: [AAR 2015 reg 6]\n    jurisdictions: [england]")
    assert codes(law) == []


def test_guidance_has_no_extent(law: Path) -> None:
    edit(law, PROCESS, AGREE, AGREE + "\n    basis: [APACE guide]")
    assert codes(law) == []


def timetable(root: Path, first: str, second: str, window: str = "") -> None:
    edit(root, PROCESS, IDENTIFY, IDENTIFY + f'\n    deadlines: ["{first}"]')
    edit(root, PROCESS, AGREE, AGREE + f'\n    deadlines: ["{second}"]' + window)


def test_precept_week_is_feasible(law: Path) -> None:
    timetable(law, "01-02", "08-02")
    assert codes(law) == []


def test_deadline_before_its_predecessor(law: Path) -> None:
    timetable(law, "08-02", "05-02")
    assert codes(law) == [("OPCC-L105", ("agree-outcomes", "identify-stakeholders"))]


def test_financial_year_orders_march_after_november(law: Path) -> None:
    timetable(law, "30-11", "01-03")
    assert codes(law) == []


def test_waits_longer_than_the_time_available(law: Path, capsys: pytest.CaptureFixture[str]) -> None:
    timetable(law, "08-02", "15-02", "\n    windows: [{after: 10 days, of: identify-stakeholders}]")
    assert codes(law) == [("OPCC-L104", ("agree-outcomes", "identify-stakeholders"))]
    assert main(["check", str(law), "--date", "2027-01-01"]) == 1
    assert "reach 18 February" in capsys.readouterr().out


def test_waits_through_an_undated_step(law: Path) -> None:
    """The wait is counted along the path even when the step between has no deadline of its own."""
    edit(law, PROCESS, IDENTIFY, IDENTIFY + '\n    deadlines: ["08-02"]')
    edit(law, PROCESS, AGREE, AGREE + "\n    windows: [{after: 5 working days, of: identify-stakeholders}]")
    write(law, "processes/engage-consult/later.yaml", """id: later
name: Later
stage: engage-consult
basis: [PRSR 2011 s.14]
activities:
  - {id: report-back, name: Report back, pag: ["1.1.2.8"], accountable: pcc, after: [agree-outcomes], deadlines: ["14-02"]}
""")
    assert codes(law) == [("OPCC-L104", ("report-back", "identify-stakeholders"))]


def test_check_date_is_printed_when_defaulted(law: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(law)])
    assert f"date: {datetime.date.today().isoformat()}" in capsys.readouterr().err
    main(["check", str(law), "--date", "2027-01-01"])
    assert "date:" not in capsys.readouterr().err
