"""The check benchmark's hand-written baseline finds exactly what ``check`` finds."""

from __future__ import annotations

import datetime

import opcc_model
from bench.checks import single_pass
from bench.generate import generate
from opcc_model.queries import check

DAY = datetime.date(2026, 1, 31)


FAMILIES = ("OPCC-D", "OPCC-G", "OPCC-O", "OPCC-S")
"""What the single pass implements: the process, gap, overlap and scheme checks (the law, plan and
procedure families of the reference model are not part of the national benchmark)."""


def _compare(model: opcc_model.Model) -> set[str]:
    found = check(model, on=DAY).filter(code=FAMILIES)
    records = single_pass(model, on=DAY)
    assert [(f.code, f.subject, f.area, f.location) for f in found] == [(r[0], r[2], r[5], r[4]) for r in records]
    return {f.code for f in found}


PLANTED = {  # one more problem of each scheme code, written into one area's scheme
    "allocations:\n": [
        '  - {pag: "1.1.1", holder: chief-constable}\n',  # S101: the plan given away
        '  - {pag: "1.3.4", holder: chief-constable}\n',  # S108: land swept in
        '  - {pag: "3.2.2", holder: chief-constable, relation: consent, consent_by: cc}\n',  # S107
        '  - {pag: "3.2.3", holder: chief-constable, delegated_by: commissioner}\n',  # S110
    ],
    "delegations:\n": ['  - {pag: "1.1.1.8", by: pcc, to: deputy-pcc}\n'],  # S101: the deputy may not take the plan
    "ladders:\n": [
        '  - pag: "4.1.1.1"\n    currency: GBP\n    tiers:\n      - {up_to: 100, decides: cc, relation: delegated}\n'
        "      - {over: 100, decides: pcc}\n",  # S104
    ],
    "decisions:\n": [
        '  - {date: 2025-01-02, title: Planted, pag: "4.1.1.1", amount: 50, decided_by: pcc, reference: "P/1"}\n',  # S109
    ],
}


def test_single_pass_finds_what_check_finds(tmp_path):
    # area-scoped activities, a shared part, and a format-2 scheme per area with planted problems
    generate(tmp_path / "m", areas=3, activities=150, seed=3, shared=60, delegations=60, ladders=20)
    scheme = tmp_path / "m" / "pag" / "boundaries" / "bedfordshire.yaml"
    text = scheme.read_text()
    for section, lines in PLANTED.items():
        text = text.replace(section, section + "".join(lines), 1)
    scheme.write_text(text)
    # bedfordshire's own process stands in for a shared one, and one of its activities for a shared activity
    shared = sorted((tmp_path / "m" / "processes").glob("*/shared/*.yaml"))
    replaced, step = shared[0].stem, f"{shared[1].stem}-1"
    (tmp_path / "m" / "processes" / "develop" / "bedfordshire" / "own-board.yaml").write_text(
        f"id: own-board\nname: Own board\nstage: develop\nareas: [bedfordshire]\nreplaces: {replaced}\nactivities:\n"
        '  - {id: own-board-1, name: Hold to account, pag: ["1.1.2.3"], accountable: cc, responsible: [pcc]}\n'
        f'  - {{id: own-step, name: Own step, pag: ["3.1.1.1"], accountable: pcc, replaces: {step}}}\n'
    )
    codes = _compare(opcc_model.load(tmp_path / "m"))
    assert {"OPCC-D101", "OPCC-G102", "OPCC-O103", "OPCC-O104"} <= codes
    assert {f"OPCC-S1{n:02d}" for n in range(1, 11)} <= codes


def test_single_pass_finds_what_check_finds_on_the_shipped_models():
    # the reference model and its example areas exercise every scheme code the generator does not plant
    for root in (opcc_model.reference_root(), opcc_model.example_root("minimal")):
        _compare(opcc_model.load(root))
