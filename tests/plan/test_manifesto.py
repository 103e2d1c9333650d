"""Manifesto to plan to activities: loading (located errors), OPCC-P106, and the CLI (``opcc plan check``, ``opcc check``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opcc_model
from opcc_model.cli import main
from opcc_model.plan import Commitment, Manifesto, ManifestoLoadError, load_manifestos, load_plans
from opcc_model.plan.manifesto_checks import check_manifesto, commitment_activities

from .conftest import FIXTURE

REPO = Path(__file__).resolve().parents[2]
GOOD = """\
id: m
name: A manifesto (test)
holder: pcc
plan: clean-plan
commitments:
  - {id: victims, text: Review justice for victims, kind: firm-commitment, priorities: [review-cjs-processes]}
  - {id: hope, text: A safer county, kind: aspiration}
"""


def write(root: Path, text: str, name: str = "m") -> Path:
    folder = root / "manifestos"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def restore_plan(root: Path) -> None:
    """Put the fixture's clean plan back into the copy (the ``model_root`` fixture empties plans/)."""
    (root / "plans" / "clean-plan.yaml").write_text((FIXTURE / "plans" / "clean-plan.yaml").read_text(encoding="utf-8"), encoding="utf-8")


def load(root: Path) -> tuple[Manifesto, ...]:
    model = opcc_model.load(root)
    return load_manifestos(root, model, load_plans(root, model))


def test_a_clean_manifesto_loads_with_its_commitments_located(model_root: Path) -> None:
    restore_plan(model_root)
    path = write(model_root, GOOD)
    (manifesto,) = load(model_root)
    assert [(c.id, c.kind) for c in manifesto.commitments] == [("victims", "firm-commitment"), ("hope", "aspiration")]
    assert str(manifesto.location_of("commitment:hope")) == f"{path.as_posix()}:7:5"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("  - {id: victims, text: '', kind: firm-commitment}", "6:"),  # an item with no text
        ("  - {id: victims, text: '   ', kind: firm-commitment}", "6:"),  # only spaces
        ("  - {id: victims, kind: firm-commitment}", "6:"),  # no text key
        ("  - {id: victims, text: T, kind: firm-commitment, priorities: [reveiw-cjs-processes]}", "6:"),  # a missing priority
        ("  - {id: victims, text: T, kind: promise}", "6:"),  # not a kind
    ],
)
def test_bad_commitments_are_located_errors(model_root: Path, line: str, expected: str) -> None:
    restore_plan(model_root)
    path = write(model_root, GOOD.replace(GOOD.splitlines()[5], line))
    with pytest.raises(ManifestoLoadError) as caught:
        load(model_root)
    issue = caught.value.issues[0]
    assert str(issue.location).startswith(f"{path.as_posix()}:{expected}")


def test_a_commitment_to_a_missing_priority_says_which_and_suggests_one(model_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    restore_plan(model_root)
    path = write(model_root, GOOD.replace("priorities: [review-cjs-processes]", "priorities: [review-cjs-process]"))
    assert main(["plan", "check", str(model_root)]) == 2
    err = capsys.readouterr().err
    assert f"{path.as_posix()}:6:" in err
    assert "expected a priority for action of the plan 'clean-plan', found 'review-cjs-process' (did you mean 'review-cjs-processes'?)" in err
    assert "Traceback" not in err
    assert main(["check", str(model_root)]) == 2


def test_a_manifesto_naming_an_unknown_plan_is_a_located_error(model_root: Path) -> None:
    path = write(model_root, GOOD.replace("plan: clean-plan", "plan: no-such-plan"))
    with pytest.raises(ManifestoLoadError) as caught:
        load(model_root)
    assert str(caught.value.issues[0].location).startswith(f"{path.as_posix()}:4:")


def test_a_firm_commitment_that_reaches_no_activity_is_a_finding_and_an_aspiration_is_not(model_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    restore_plan(model_root)
    path = write(model_root, GOOD + "  - {id: stations, text: A station in every town, kind: firm-commitment}\n")
    assert main(["plan", "check", str(model_root), "--fail-on", "warning", "--format", "json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert [(r["code"], r["subject"], r["location"]) for r in records] == [
        ("OPCC-P106", ["m", "stations"], f"{path.as_posix()}:8:5")
    ]
    assert "it names no priority of the plan" in records[0]["message"]
    assert main(["check", str(model_root), "--select", "P106", "--format", "json"]) == 0  # a warning: not at --fail-on error
    assert [r["subject"] for r in json.loads(capsys.readouterr().out)] == [["m", "stations"]]


def test_the_example_manifesto_traces_every_firm_commitment_to_an_activity() -> None:
    model = opcc_model.load(REPO)
    plans = load_plans(REPO, model)
    (manifesto,) = load_manifestos(REPO, model, plans)
    assert manifesto.example and "illustrative" in manifesto.name
    plan = next(p for p in plans if p.id == manifesto.plan)
    assert check_manifesto(model, manifesto, plan) == []
    firm = [c for c in manifesto.commitments if c.is_firm]
    assert firm and all(commitment_activities(model, plan, c) for c in firm)
    assert {c.kind for c in manifesto.commitments} == {"firm-commitment", "aspiration"}


def reference_plan() -> tuple[opcc_model.Model, opcc_model.Plan]:
    model = opcc_model.load(REPO)
    return model, load_plans(REPO, model)[0]


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_a_firm_commitment_is_reported_exactly_when_none_of_its_priorities_reaches_an_activity(data: st.DataObject) -> None:
    model, plan = reference_plan()
    priorities = [p for _, p in plan.priorities()]
    named = data.draw(st.lists(st.sampled_from([p.id for p in priorities]), max_size=3, unique=True))
    hollow = data.draw(st.sets(st.sampled_from(named))) if named else set()
    # hollow priorities keep their id but lose every link to an activity
    emptied = {p.id for p in priorities if p.id in hollow}
    commitment = Commitment(id="c", text="T", kind="firm-commitment", priorities=tuple(named))
    manifesto = Manifesto(id="m", name="M", holder="pcc", plan=plan.id, commitments=(commitment,))
    reaches = any(p.id not in emptied and (p.delivered_by or p.resourced_by or p.artifacts) for p in priorities if p.id in named)
    hollowed = plan.model_copy(update={"vision": _hollow(plan.vision, emptied)})
    assert bool(check_manifesto(model, manifesto, hollowed)) == (not reaches)


def _hollow(node, emptied):  # type: ignore[no-untyped-def]
    """The plan tree with the priorities in ``emptied`` delivered, resourced and evidenced by nothing."""
    from opcc_model.plan.model import LEVELS, level_of

    if level_of(node) == "priority":
        return node.model_copy(update={"delivered_by": (), "resourced_by": (), "artifacts": ()}) if node.id in emptied else node
    field = next(f for kind, _, f in LEVELS if isinstance(node, kind))
    return node.model_copy(update={field: tuple(_hollow(child, emptied) for child in getattr(node, field))})
