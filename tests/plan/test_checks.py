"""Each plan check fires on a planted fixture, at its location in the plan file, and not on its negative."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from opcc_model.findings import RULES
from opcc_model.plan import load_plans
from opcc_model.plan.checks import PLAN_CHECKS, check_plan, check_plans

from .conftest import FIXTURE


def _objective(d: dict[str, Any]) -> dict[str, Any]:
    return d["vision"]["themes"][0]["aims"][0]["outcomes"][0]["objectives"][0]


def _priority(d: dict[str, Any]) -> dict[str, Any]:
    return _objective(d)["priorities"][0]


def _findings(write_plan, model_root, fixture_model, document):
    path = write_plan(document)
    (plan,) = load_plans(model_root, fixture_model)
    return path, check_plan(fixture_model, plan)


def _line_of(path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in line)


def test_the_clean_plan_has_no_findings(fixture_model):
    assert check_plans(fixture_model, FIXTURE) == []


def test_every_plan_code_is_registered_and_documented():
    codes = [f"OPCC-P10{i}" for i in range(1, 6)]
    assert len(PLAN_CHECKS) == len(codes)
    for code in codes:
        rule = RULES[code]
        assert rule.doc.startswith("Fires "), code
        assert "Why it matters" in rule.doc and "Fix:" in rule.doc and "Example:" in rule.doc, code
    assert RULES["OPCC-P101"].severity == "error"
    assert {RULES[c].severity for c in codes[1:]} == {"warning"}


# (plant, expected code, expected subject after the plan id, needle on the line the finding points at)
FIRES: list[tuple[str, Callable[[dict[str, Any]], None], str, tuple[str, ...], str]] = [
    ("s7-key-missing", lambda d: d["s7"].pop("grants"), "OPCC-P101", ("s7:grants",), "s7:"),
    ("s7-key-empty", lambda d: d["s7"].update(grants={"note": "see annex"}), "OPCC-P101", ("s7:grants",), "grants:"),
    ("measure-watched-by-commission", lambda d: _objective(d)["measures"][0].update(monitored_by=["deliver-policing"]),
     "OPCC-P102", ("victims-treated-with-respect",), "- id: victims-treated-with-respect"),
    ("no-measures", lambda d: _objective(d).pop("measures"), "OPCC-P102", ("victims-treated-with-respect",),
     "- id: victims-treated-with-respect"),
    ("priority-only-monitored", lambda d: _priority(d).update(delivered_by=[], artifacts=["police-and-crime-plan"]),
     "OPCC-P103", ("review-cjs-processes",), "- id: review-cjs-processes"),
    ("outcome-not-served", lambda d: d["vision"]["themes"][0]["aims"][0]["outcomes"][0].update(serves=["victims-supported"]),
     "OPCC-P104", ("crime-reduced",), "id: keeping-people-safe"),
    ("pillar-without-theme", lambda d: d["scrutiny_pillars"].append({"id": "communities", "name": "Working with communities"}),
     "OPCC-P105", ("communities",), "- id: communities"),
]


@pytest.mark.parametrize(("plant", "code", "subject", "needle"), [f[1:] for f in FIRES], ids=[f[0] for f in FIRES])
def test_planted_problem_fires_once_at_its_place(write_plan, model_root, fixture_model, clean_plan, plant, code, subject, needle):
    plant(clean_plan)
    path, findings = _findings(write_plan, model_root, fixture_model, clean_plan)
    assert [(f.code, f.subject) for f in findings] == [(code, ("clean-plan", *subject))]
    (finding,) = findings
    assert finding.severity == RULES[code].severity
    assert finding.location.file.endswith("plans/clean-plan.yaml")
    assert finding.location.line == _line_of(path, needle)


# negatives: the same area of the plan, written another way that satisfies the check
NEGATIVES: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("measure-reported-in-a-monitored-artifact",
     lambda d: _objective(d)["measures"][0].update(monitored_by=[], reported_in=["performance-report"])),
    ("priority-resourced-by-commission", lambda d: _priority(d).update(delivered_by=[], resourced_by=["set-force-budget"])),
    ("priority-through-a-commissioned-artifact",
     lambda d: _priority(d).update(delivered_by=[], artifacts=["victims-services-contract"])),
    ("s7-covered-by-a-node-only", lambda d: d["s7"].update(grants={"nodes": ["review-cjs-processes"]})),
    ("second-pillar-without-lead-names-a-theme",
     lambda d: d["scrutiny_pillars"].append({"id": "second", "name": "Second", "themes": ["victims-at-the-centre"]})),
]


@pytest.mark.parametrize("plant", [n[1] for n in NEGATIVES], ids=[n[0] for n in NEGATIVES])
def test_negative_does_not_fire(write_plan, model_root, fixture_model, clean_plan, plant):
    plant(clean_plan)
    _, findings = _findings(write_plan, model_root, fixture_model, clean_plan)
    assert findings == []


def test_missing_s7_mapping_gives_all_six_located(write_plan, model_root, fixture_model, clean_plan):
    del clean_plan["s7"]
    _, findings = _findings(write_plan, model_root, fixture_model, clean_plan)
    assert [f.subject[1] for f in findings] == [f"s7:{k}" for k in ("grants", "objectives", "performance", "policing", "reporting", "resources")]
    assert all(f.code == "OPCC-P101" and f.severity == "error" and f.location.line == 1 for f in findings)
    assert "(f) the crime and disorder reduction grants" in findings[0].message


def test_outcome_served_only_by_an_empty_shared_outcome_points_at_it(write_plan, model_root, fixture_model, clean_plan):
    aim = clean_plan["vision"]["themes"][0]["aims"][0]
    aim["outcomes"][0]["serves"] = ["victims-supported"]
    aim["outcomes"].append({"id": "less-crime", "text": "Less crime", "owner": "csp", "serves": ["crime-reduced"]})
    path, findings = _findings(write_plan, model_root, fixture_model, clean_plan)
    (finding,) = findings
    assert finding.code == "OPCC-P104"
    assert finding.location.line == _line_of(path, "- id: less-crime")
