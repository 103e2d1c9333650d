"""Who decides, what each office holds, the comparison across areas, the decision register and opcc migrate."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import main
from tests.scheme.support import codes_found, with_area

# (amount, decider, who must agree) on each side of every tier boundary of the England example ladder
CONTRACTS = [
    (0, "force-director-of-finance", ()),
    (50000, "force-director-of-finance", ()),
    ("50000.01", "cc", ("opcc-cfo",)),
    (250000, "cc", ("opcc-cfo",)),
    ("250000.01", "pcc", ()),
    (10**9, "pcc", ()),
]


@pytest.mark.parametrize(("amount", "decider", "agree"), CONTRACTS)
def test_who_decides_on_each_side_of_every_tier_boundary(reference, amount, decider, agree) -> None:
    answer = opcc_model.who_decides(reference, "1.3.8.2", amount=amount, area="example-england")
    assert answer.decider == decider
    assert tuple(s.role for s in answer.steps if s.part == "must agree") == agree


def test_who_decides_in_wales_uses_strict_bounds(reference) -> None:
    assert opcc_model.who_decides(reference, "1.3.8.2", amount=99999, area="example-wales").decider == "force-cfo"
    assert opcc_model.who_decides(reference, "1.3.8.2", amount=100000, area="example-wales").decider == "cc"
    assert opcc_model.who_decides(reference, "1.3.8.2", amount="499999.99", area="example-wales").decider == "cc"
    assert opcc_model.who_decides(reference, "1.3.8.2", amount=500000, area="example-wales").decider == "pcc"


def test_who_decides_follows_a_delegation_chain_and_converts(reference) -> None:
    answer = opcc_model.who_decides(reference, "1.5.7", area="example-england")
    assert [(s.part, s.role) for s in answer.steps] == [
        ("decides", "pcc"), ("delegated to", "opcc-chief-executive"), ("delegated to", "head-of-governance")
    ]
    assert answer.steps[1].instrument == "Scheme of Delegation and Consent (example), 4.2"
    assert list(answer.to_frame()["role"]) == ["pcc", "opcc-chief-executive", "head-of-governance"]
    assert "&lt;" not in answer._repr_html_() and "<table>" in answer._repr_html_()
    assert answer.to_csv().splitlines()[0] == "step,part,role,name,side,relation,instrument,condition"


def test_cli_who_decides_and_a_float_amount_exits_2(capsys) -> None:
    root = str(opcc_model.reference_root())
    assert main(["query", "who-decides", root, "1.3.8.2", "--amount", "20000", "--area", "example-england", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["role"] == "force-director-of-finance" and rows[0]["part"] == "decides"
    assert main(["query", "who-decides", root, "1.3.8.2", "--amount", "15000.0x", "--area", "example-england"]) == 2
    assert "--amount" in capsys.readouterr().err


def test_holdings_per_role_and_comparison(reference) -> None:
    held = opcc_model.holdings(reference, area="example-england", role="head-of-governance")
    assert [(r[3], r[5]) for r in held] == [("1.5.7", "delegated")]
    table = opcc_model.compare_schemes(reference)
    row = next(r for r in table if r[0] == "1.3.8.2")
    assert "force-director-of-finance" in row[2] and "force-cfo" in row[3]  # the two areas differ
    assert table.to_csv().startswith("code,name,example-england,example-wales")


def test_decision_register_finds_a_planted_out_of_scheme_decision(reference) -> None:
    base = ("allocations: [{pag: '1', holder: commissioner}, {pag: '2', holder: chief-constable}, {pag: '1.8', holder: chief-constable}]\n"
            "ladders: [{pag: '1.3.8.2', currency: GBP, from: 2025-01-01, tiers: [{up_to: 50000, decides: force-cfo},"
            " {over: 50000, decides: cc, agree: [opcc-cfo]}]}]\n")
    lawful = base + "decisions: [{date: 2025-06-01, title: Fleet, pag: '1.3.8.2', amount: 60000, decided_by: cc, agreed_by: [opcc-cfo], reference: D1}]\n"
    assert codes_found(with_area(reference, lawful), "OPCC-S109") == []
    too_big = lawful.replace("decided_by: cc, agreed_by: [opcc-cfo]", "decided_by: force-cfo")
    assert codes_found(with_area(reference, too_big), "OPCC-S109") == [("D1", "1.3.8.2")] * 2  # one decision, two problems
    found = [f.message for f in opcc_model.check(with_area(reference, too_big), area="planted") if f.code == "OPCC-S109"]
    assert any("gives it to cc" in m for m in found) and any("no agreement of opcc-cfo" in m for m in found)
    # before the ladder was in force, the holder's principal decides: the force CFO was not empowered
    early = lawful.replace("date: 2025-06-01", "date: 2024-06-01")
    assert [m for m in (f.message for f in opcc_model.check(with_area(reference, early), area="planted")) if "empowers pcc" in m]


def test_the_example_registers_are_within_their_schemes(reference) -> None:
    found = opcc_model.check(reference, on=datetime.date(2026, 1, 31))
    assert [f for f in found if f.code == "OPCC-S109"] == []


def test_migrate_rewrites_format_1_keeping_comments_and_the_result_loads(tmp_path: Path, capsys) -> None:
    root = tmp_path / "model"
    shutil.copytree(opcc_model.example_root("minimal"), root)
    path = root / "pag" / "boundaries" / "example-area.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "  - pag: '1.1'\n    holder: chief-constable\n    delegated_by: commissioner  # old\n"
                    "  - {pag: '1.1.2', holder: chief-constable, delegated_by: commissioner}\n", encoding="utf-8")
    assert main(["migrate", "--check", str(root)]) == 1
    assert path.read_text(encoding="utf-8").count("delegated_by") == 2  # --check writes nothing
    assert main(["migrate", str(root)]) == 0
    text = path.read_text(encoding="utf-8")
    assert "delegated_by" not in text and text.count("relation: consent") == 2 and "# old" in text
    assert text.splitlines()[1] == "format: 2"  # after the schema modeline
    model = opcc_model.load(root)
    assert model.boundary("example-area").allocation_for("1.1").consent_by == "commissioner"
    assert main(["migrate", "--check", str(root)]) == 0  # nothing left


def test_migrate_refuses_what_it_cannot_read_as_a_consent_and_writes_nothing(tmp_path: Path, capsys) -> None:
    root = tmp_path / "model"
    shutil.copytree(opcc_model.example_root("minimal"), root)
    path = root / "pag" / "boundaries" / "example-area.yaml"
    before = path.read_text(encoding="utf-8") + "  - {pag: '1.1', holder: commissioner, delegated_by: chief-constable}\n"
    path.write_text(before, encoding="utf-8")
    assert main(["migrate", str(root)]) == 2
    err = capsys.readouterr().err
    assert "example-area.yaml:" in err and "write it by hand" in err and "Traceback" not in err
    assert path.read_text(encoding="utf-8") == before
