"""An area's override (``replaces:``) of a shared process or activity (issue 13 item 6).

The override stands in for the shared one in its own areas only: the shared one goes from
those areas' findings, RACI, calendar and hand-offs, and every other area's findings are
exactly what they were. Mistakes are located load errors.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opcc_model
from opcc_model.cli import main
from opcc_model.model import Model, Process
from opcc_model.queries.index import area_activity_ids
from opcc_model.render.site.raci import raci_rows

BASE = opcc_model.load(opcc_model.reference_root())
SHARED = [p for p in BASE.processes if not p.areas and p.activities]
AREAS = [b.area for b in BASE.boundaries]

BOARD = """# yaml-language-server: $schema=../../schemas/process.schema.json
id: england-accountability-board
name: Accountability board (example England only)
stage: monitor
areas: [example-england]
replaces: {replaces}
activities:
  - id: hold-board-meeting
    name: Hold the accountability board
    pag: ["1.5.2"]
    accountable: pcc
    responsible: [opcc-chief-executive]
    consulted: [cc]
    inputs: [police-and-crime-plan]
    outputs: [accountability-meeting-record]
  - id: england-settlement-tiers
    name: Agree settlements by England's own tiers
    replaces: {activity}
    pag: ["1.5.2"]
    accountable: pcc
"""


def _model_with(tmp_path: Path, *files: tuple[str, str]) -> Path:
    root = tmp_path / "model"
    for part in ("processes", "pag", "law"):
        if (Path(opcc_model.reference_root()) / part).is_dir():
            shutil.copytree(Path(opcc_model.reference_root()) / part, root / part)
    for relative, text in files:
        (root / relative).write_text(text, encoding="utf-8")
    return root


def _area_findings(model: Model, area: str) -> list[tuple[str, tuple[str, ...], str]]:
    return [(f.code, f.subject, f.message) for f in opcc_model.check(model, area=area) if f.area == area]


def test_an_override_replaces_the_shared_process_in_its_area_only(tmp_path: Path) -> None:
    text = BOARD.format(replaces="hold-chief-constable-to-account", activity="handle-complaints-about-cc")
    model = opcc_model.load(_model_with(tmp_path, ("processes/monitor/england-accountability-board.yaml", text)))
    replaced = {a.id for a in BASE.process("hold-chief-constable-to-account").activities} | {"handle-complaints-about-cc"}
    england = area_activity_ids(model, "example-england")
    wales = area_activity_ids(model, "example-wales")
    assert england is not None and wales is not None
    assert not replaced & england and {"hold-board-meeting", "england-settlement-tiers"} <= england
    assert replaced <= wales and not {"hold-board-meeting", "england-settlement-tiers"} & wales
    for area in AREAS:
        if area != "example-england":
            assert _area_findings(model, area) == _area_findings(BASE, area)
    assert not any(set(f[1]) & replaced for f in _area_findings(model, "example-england"))
    rows = {r.activity.id for r in raci_rows(model, area="example-england")}
    assert "hold-board-meeting" in rows and not replaced & rows
    assert not {r.activity.id for r in raci_rows(model, area="example-wales")} & {"hold-board-meeting", "england-settlement-tiers"}
    table = opcc_model.handoffs(model, area="example-england")
    assert not any(replaced & {row[4], *row[5]} for row in table)


def test_the_raci_export_and_calendar_of_other_areas_are_unchanged(tmp_path: Path) -> None:
    text = BOARD.format(replaces="hold-chief-constable-to-account", activity="handle-complaints-about-cc")
    model = opcc_model.load(_model_with(tmp_path, ("processes/monitor/england-accountability-board.yaml", text)))
    from opcc_model.queries.calendar import statutory_calendar
    from opcc_model.render.raci import raci

    for area in AREAS:
        if area != "example-england":
            assert raci(model, area=area).to_csv() == raci(BASE, area=area).to_csv()
            assert statutory_calendar(model, 2027, area=area).to_csv() == statutory_calendar(BASE, 2027, area=area).to_csv()
    assert "hold-board-meeting" in raci(model, area="example-england").to_csv()


@pytest.mark.parametrize(
    ("replaces", "activity", "expected"),
    [
        ("hold-chief-constable-to-accont", "handle-complaints-about-cc", "replaces: expected a declared process id, found 'hold-chief-constable-to-accont' (did you mean 'hold-chief-constable-to-account'?"),
        ("hold-chief-constable-to-account", "handle-complaints-about-cx", "replaces: expected a declared activity id, found 'handle-complaints-about-cx'"),
    ],
)
def test_an_override_of_a_missing_id_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str], replaces: str, activity: str, expected: str) -> None:
    root = _model_with(tmp_path, ("processes/monitor/england-accountability-board.yaml", BOARD.format(replaces=replaces, activity=activity)))
    assert main(["validate", str(root)]) == 2
    err = capsys.readouterr().err
    line = 6 if "process id" in expected else 18
    assert f"england-accountability-board.yaml:{line}:" in err and expected in err


def test_two_overrides_of_one_id_in_one_area_are_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = BOARD.format(replaces="hold-chief-constable-to-account", activity="handle-complaints-about-cc")
    second = first.replace("england-accountability-board", "england-second-board").replace("hold-board-meeting", "hold-second-board").replace(
        "id: england-settlement-tiers", "id: england-other-tiers")
    root = _model_with(
        tmp_path,
        ("processes/monitor/england-accountability-board.yaml", first),
        ("processes/monitor/england-second-board.yaml", second),
    )
    assert main(["validate", str(root)]) == 2
    err = capsys.readouterr().err
    assert "england-second-board.yaml:6:" in err
    assert "expected one override of process 'hold-chief-constable-to-account' in area 'example-england', found a second" in err
    assert "england-second-board.yaml:18:" in err and "override of activity 'handle-complaints-about-cc'" in err
    assert "england-accountability-board.yaml:" in err  # the first is named where it is


def test_two_areas_may_each_override_one_id(tmp_path: Path) -> None:
    first = BOARD.format(replaces="hold-chief-constable-to-account", activity="handle-complaints-about-cc")
    second = first.replace("england-accountability-board", "wales-board").replace("hold-board-meeting", "hold-wales-board").replace(
        "id: england-settlement-tiers", "id: wales-tiers").replace("areas: [example-england]", "areas: [example-wales]")
    model = opcc_model.load(_model_with(tmp_path, ("processes/monitor/england-accountability-board.yaml", first), ("processes/monitor/wales-board.yaml", second)))
    assert "hold-wales-board" not in (area_activity_ids(model, "example-england") or ())


def test_an_override_without_areas_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = BOARD.format(replaces="hold-chief-constable-to-account", activity="handle-complaints-about-cc").replace("areas: [example-england]\n", "")
    root = _model_with(tmp_path, ("processes/monitor/england-accountability-board.yaml", text))
    assert main(["validate", str(root)]) == 2
    err = capsys.readouterr().err
    assert "england-accountability-board.yaml:5:" in err and "replaces: expected areas: beside it" in err


def _override(target: Process, area: str, accountable: str, whole: bool) -> Process:
    """Area ``area``'s own version of ``target`` (the whole process, or its first activity only)."""
    own = [a.model_copy(update={"id": f"{a.id}-own", "accountable": accountable, "replaces": None if whole else a.id}) for a in target.activities]
    own = [a.model_copy(update={"after": ()}) for a in (own if whole else own[:1])]
    return Process(
        id=f"{target.id}-own", name=f"{target.name} (own)", stage=target.stage, areas=(area,),
        replaces=target.id if whole else None, activities=tuple(own),
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    target=st.sampled_from(SHARED),
    area=st.sampled_from(AREAS),
    accountable=st.sampled_from(["pcc", "cc", "pcp"]),
    whole=st.booleans(),
)
def test_an_override_never_changes_another_areas_findings(target: Process, area: str, accountable: str, whole: bool) -> None:
    model = BASE.model_copy(update={"processes": (*BASE.processes, _override(target, area, accountable, whole))})
    opcc_model.validate(model)  # a sound model: the override passes the integrity checks
    replaced = {a.id for a in (target.activities if whole else target.activities[:1])}
    for other in AREAS:
        if other != area:
            assert _area_findings(model, other) == _area_findings(BASE, other)
    assert not any(set(subject) & replaced for _, subject, _ in _area_findings(model, area))


def _scanned(model: Model, area: str, place: str) -> tuple[str, ...]:
    """The area's activities as the first definition found them: a pass over every process."""
    hidden = {a.id for p in model.processes if area in p.areas and p.replaces
              for q in model.processes if q.id == p.replaces for a in q.activities}
    hidden |= {a.replaces for p in model.processes if area in p.areas for a in p.activities if a.replaces}
    return tuple(a.id for p in model.processes if not p.areas or area in p.areas
                 for a in p.activities if a.applies_in(place) and a.id not in hidden)


def test_an_areas_activities_are_the_shared_and_its_own_in_file_order(tmp_path: Path) -> None:
    """The per-area index (built once for all areas) gives what a pass over every process gave."""
    from bench.generate import generate
    from opcc_model.queries.index import scope_of, scoped_activities

    generate(tmp_path / "gen", areas=3, activities=30, shared=20, seed=2, per_process=5)
    board = BOARD.format(replaces="hold-chief-constable-to-account", activity="handle-complaints-about-cc")
    overridden = _model_with(tmp_path, ("processes/monitor/england-accountability-board.yaml", board))
    for model in (opcc_model.load(tmp_path / "gen"), opcc_model.load(overridden)):
        for area in [b.area for b in model.boundaries]:
            scope = scope_of(model, area)
            place = scope.partition("@")[0]
            assert tuple(a.id for a in scoped_activities(model, scope)) == _scanned(model, area, place)
            assert "@" in scope
