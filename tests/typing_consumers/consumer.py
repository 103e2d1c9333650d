"""A consumer of the public API as a user writes it: `mypy --strict` and pyright must accept it.

Only the names exported by ``opcc_model`` are used, and every result is annotated with a
type imported from ``opcc_model`` (the test in tests/test_types.py type-checks this file;
nothing here runs at import).
"""

from __future__ import annotations

from pathlib import Path

import opcc_model
from opcc_model import (
    Applied,
    Diagram,
    Finding,
    FindingList,
    HandoffTable,
    Model,
    ModelDiff,
    ModelLoadError,
    NoPath,
    NoSuchFolder,
    Plan,
    PlanLoadError,
    QueryResult,
    Scenario,
    ScenarioLoadError,
    Settings,
    check,
)


def use_the_api(root: Path, scenario_file: Path) -> list[str]:
    model: Model = opcc_model.load(root)
    cached: Model = opcc_model.load_cached(root)
    findings: FindingList = check(model)
    first: list[Finding] = [f for f in findings if f.severity == "error"]
    up: QueryResult = opcc_model.upstream(model, "agree-outcomes")
    down: QueryResult = opcc_model.downstream(model, "identify-stakeholders")
    table: HandoffTable = opcc_model.handoffs(model)
    coverage: QueryResult = opcc_model.coverage(model, area="example-area")
    impact: QueryResult = opcc_model.impact(model, "pcc")
    settings: Settings = opcc_model.load_settings(root)
    plans: tuple[Plan, ...] = opcc_model.load_plans(root, model)
    scenario: Scenario = opcc_model.read_scenario(scenario_file)
    applied: Applied = opcc_model.apply_scenario(model, scenario)
    changes: ModelDiff = opcc_model.diff(model, applied.model)
    drawn: list[Diagram] = list(opcc_model.diagrams(model))
    site: Path = opcc_model.build_site(model, root / "site", diagrams=False)
    try:
        opcc_model.path(model, "agree-outcomes", "identify-stakeholders")
    except NoPath as exc:
        first.clear()
        print(exc)
    return [
        cached.processes[0].id,
        up.to_csv(),
        down.to_text(),
        table.title,
        coverage.to_json(),
        str(len(impact)),
        str(settings),
        str(len(plans)),
        str(len(changes)),
        drawn[0].name if drawn else "",
        str(site),
        opcc_model.__version__,
    ]


def load_or_explain(root: Path) -> str:
    try:
        return str(len(opcc_model.load(root).activities))
    except NoSuchFolder as exc:
        return str(exc)
    except (ModelLoadError, PlanLoadError, ScenarioLoadError) as exc:
        return str(exc)
