"""Loading plan files: the clean fixture loads; bad files give every error located at file:line:col."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import opcc_model
from opcc_model.plan import Plan, PlanLoadError, load_plans
from opcc_model.plan.loader import references

from .conftest import FIXTURE


def _errors(root: Path, model: opcc_model.Model) -> list[str]:
    with pytest.raises(PlanLoadError) as caught:
        load_plans(root, model)
    return [str(issue) for issue in caught.value.issues]


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def test_fixture_plan_loads_with_its_tree(fixture_model):
    (plan,) = load_plans(FIXTURE, fixture_model)
    assert isinstance(plan, Plan)
    assert [level for level, _ in plan.walk()] == ["vision", "theme", "aim", "outcome", "objective", "priority"]
    assert plan.s7.get("grants").activities == ("commission-victims-services",)
    location = plan.location_of("node", "review-cjs-processes")
    assert location.file.endswith("plans/clean-plan.yaml")
    assert location.line == _line_of(FIXTURE / "plans" / "clean-plan.yaml", "id: review-cjs-processes")


def test_no_plans_folder_gives_no_plans():
    root = opcc_model.example_root("minimal")
    assert load_plans(root, opcc_model.load(root)) == ()


def test_unknown_key_is_located_with_a_suggestion(write_plan, model_root, fixture_model, clean_plan):
    clean_plan["vision"]["themes"][0]["ownr"] = clean_plan["vision"]["themes"][0].pop("owner")
    path = write_plan(clean_plan)
    errors = _errors(model_root, fixture_model)
    line = _line_of(path, "ownr:")
    assert any(re.search(rf"clean-plan\.yaml:{line}:\d+: unknown key 'ownr': did you mean 'owner'\?", e) for e in errors), errors
    theme_line = _line_of(path, "- id: victims-at-the-centre")
    assert any(f"clean-plan.yaml:{theme_line}:" in e and "missing key 'owner'" in e for e in errors), errors


def test_unknown_activity_is_located_at_the_id(write_plan, model_root, fixture_model, clean_plan):
    priority = clean_plan["vision"]["themes"][0]["aims"][0]["outcomes"][0]["objectives"][0]["priorities"][0]
    priority["delivered_by"] = ["commission-victim-services"]
    path = write_plan(clean_plan)
    (error,) = _errors(model_root, fixture_model)
    line = _line_of(path, "- commission-victim-services")
    column = path.read_text(encoding="utf-8").splitlines()[line - 1].index("commission-victim-services") + 1
    assert f"clean-plan.yaml:{line}:{column}: " in error
    assert "expected an activity of the model, found 'commission-victim-services'" in error
    assert "did you mean 'commission-victims-services'?" in error


def test_unknown_s7_key_is_located(write_plan, model_root, fixture_model, clean_plan):
    clean_plan["s7"]["grant"] = clean_plan["s7"].pop("grants")
    path = write_plan(clean_plan)
    (error,) = _errors(model_root, fixture_model)
    assert f"clean-plan.yaml:{_line_of(path, 'grant:')}:3: unknown key 'grant': did you mean 'grants'?" in error


@pytest.mark.parametrize(
    ("plant", "needle", "message"),
    [
        (lambda d: d.update(id="other-plan"), "id: other-plan", "expected the plan id to match its file name 'clean-plan'"),
        (lambda d: d["scrutiny_pillars"][0].update(themes=["victims-at-centre"]), "- victims-at-centre",
         "expected the id of a theme of this plan, found 'victims-at-centre' (did you mean 'victims-at-the-centre'?)"),
        (lambda d: d["s7"]["objectives"].update(nodes=["no-such-node"]), "- no-such-node",
         "expected the id of a node of this plan, found 'no-such-node'"),
        (lambda d: d["vision"]["themes"][0]["aims"][0]["outcomes"][0].update(serves=["force-budget"]), "- force-budget",
         "expected an outcome of the value chain"),
        (lambda d: d.update(owner="pcx"), "owner: pcx", "expected a role of the model, found 'pcx'"),
        (lambda d: d["vision"]["themes"][0]["aims"][0].update(id="keeping-people-safe"), "- id: keeping-people-safe",
         "the plan node id 'keeping-people-safe' is used twice (first as a vision)"),
        (lambda d: d.update(area="nowhere"), "area: nowhere", "expected an area of the model"),
    ],
    ids=["id-not-file-name", "unknown-theme", "unknown-node", "serves-not-an-outcome", "unknown-role", "duplicate-node", "unknown-area"],
)
def test_reference_errors_are_located(write_plan, model_root, fixture_model, clean_plan, plant, needle, message):
    plant(clean_plan)
    path = write_plan(clean_plan, name="clean-plan")
    errors = _errors(model_root, fixture_model)
    assert len(errors) == 1, errors
    lines = [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if needle in text]
    assert any(f"clean-plan.yaml:{line}:" in errors[0] for line in lines), (errors, lines)
    assert message in errors[0]


def test_yaml_syntax_and_empty_files_and_every_file_reported(write_plan, model_root, fixture_model):
    write_plan("id: broken\nvision: [unclosed\n", name="broken")
    write_plan("", name="empty")
    errors = _errors(model_root, fixture_model)
    assert len(errors) == 2
    assert re.search(r"broken\.yaml:\d+:\d+: ", errors[0])
    assert "empty.yaml:1:1: the file is empty: expected a mapping with the keys id, name, owner" in errors[1]


def test_tags_that_build_objects_are_refused(write_plan, model_root, fixture_model):
    write_plan("id: !!python/object:os.system x\n", name="evil")
    (error,) = _errors(model_root, fixture_model)
    assert "evil.yaml:1:" in error


def test_references_cover_every_kind(fixture_model):
    (plan,) = load_plans(FIXTURE, fixture_model)
    kinds = {kind for _, kind, _ in references(plan)}
    assert kinds == {"role", "activity", "artifact", "outcome", "node", "theme"}
