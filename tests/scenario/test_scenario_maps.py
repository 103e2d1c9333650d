"""``opcc scenario --out``: the changed boundary and process maps, the changes highlighted, rendered with real Graphviz."""

from __future__ import annotations

from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import main
from opcc_model.render.backend import available_backends
from opcc_model.scenario import apply, diff, parse_scenario, read_scenario
from opcc_model.scenario.maps import changed_maps
from tests.svg import highlighted_titles

ROOT = opcc_model.reference_root()
WITHDRAW = ROOT / "scenarios" / "withdraw-budget-delegation.yaml"


@pytest.fixture(params=["wasm", "system"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param not in available_backends():
        pytest.skip(f"Graphviz backend {request.param!r} is not installed here")
    monkeypatch.setenv("OPCC_GRAPHVIZ", request.param)
    return str(request.param)


def test_out_renders_changed_maps_highlighted(backend: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenario", str(WITHDRAW), str(ROOT), "--out", str(tmp_path)]) == 0
    assert "1 boundary map and 1 process map in" in capsys.readouterr().err
    files = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert files == ["boundary-example-england.svg", "process-allocate-resources-to-chief-constable.svg"]
    boundary = (tmp_path / "boundary-example-england.svg").read_text(encoding="utf-8")
    assert highlighted_titles(boundary) == {"code.1.3.2.5"}
    assert "changed" in boundary
    process = (tmp_path / "process-allocate-resources-to-chief-constable.svg").read_text(encoding="utf-8")
    assert highlighted_titles(process) == {"activity.manage-force-budget"}
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main(["scenario", str(WITHDRAW), str(ROOT), "--out", str(tmp_path)]) == 0  # cached: same bytes
    assert "0 written, 2 unchanged" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_area_option_limits_boundary_maps(tmp_path: Path) -> None:
    assert main(["scenario", str(WITHDRAW), str(ROOT), "--area", "example-wales", "--out", str(tmp_path)]) == 0
    assert not list(tmp_path.glob("boundary-*"))
    assert list(tmp_path.glob("process-*"))


def test_changed_maps_of_shipped_scenarios() -> None:
    model = opcc_model.load(ROOT)
    new = apply(model, read_scenario(WITHDRAW)).model
    maps = changed_maps(model, new, diff(model, new))
    assert maps.areas == {"example-england": ("1.3.2.5",)}
    assert maps.processes == {"allocate-resources-to-chief-constable": ("manage-force-budget",)}
    merged = apply(model, read_scenario(ROOT / "scenarios" / "merge-example-areas.yaml")).model
    merge_maps = changed_maps(model, merged, diff(model, merged))
    [(area, codes)] = merge_maps.areas.items()
    assert codes and all(merged.boundary(area).allocation_for(c) is not None for c in codes)


def test_empty_scenario_changes_no_map() -> None:
    model = opcc_model.load(opcc_model.example_root("minimal"))
    new = apply(model, parse_scenario("name: nothing\n")).model
    maps = changed_maps(model, new, diff(model, new))
    assert maps.areas == {} and maps.processes == {}
