"""Rebuilding a site lays out only the diagrams whose DOT source changed (counted, never timed)."""

from __future__ import annotations

import pytest

from opcc_model.model import Model
from opcc_model.render.site import build_site, diagrams as site_diagrams_module


@pytest.fixture()
def layouts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The DOT sources laid out during the test."""
    calls: list[str] = []
    original = site_diagrams_module.layout

    def counted(source: str, *args: object, **kwargs: object) -> bytes:
        calls.append(source)
        return original(source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(site_diagrams_module, "layout", counted)
    return calls


def _renamed(model: Model, activity_id: str, name: str) -> Model:
    process = model.process_of(activity_id)
    activities = tuple(a.model_copy(update={"name": name}) if a.id == activity_id else a for a in process.activities)
    changed = process.model_copy(update={"activities": activities})
    return model.model_copy(update={"processes": tuple(changed if p.id == process.id else p for p in model.processes)})


def _files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_warm_rebuild_lays_out_nothing_and_writes_the_same_bytes(site_model, tmp_path, layouts):
    out = build_site(site_model, tmp_path / "site")
    cold = _files(out)
    assert len(layouts) == sum(1 for name in cold if name.endswith(".svg") and not name.startswith("static/"))
    layouts.clear()
    build_site(site_model, out)
    assert layouts == []
    assert _files(out) == cold


def test_a_rebuild_lays_out_only_the_changed_diagrams(site_model, tmp_path, layouts):
    out = build_site(site_model, tmp_path / "site")
    before = {name: data for name, data in _files(out).items() if name.endswith(".svg")}
    activity = site_model.activities[0]
    changed = _renamed(site_model, activity.id, activity.name + " (renamed)")
    layouts.clear()
    build_site(changed, out)
    after = _files(out)
    differ = [name for name, data in before.items() if after.get(name) != data]
    assert 0 < len(layouts) == len(differ) < len(before)
    assert after == _files(build_site(changed, tmp_path / "fresh"))


def test_an_svg_whose_stamp_does_not_match_is_laid_out_again(site_model, tmp_path, layouts):
    out = build_site(site_model, tmp_path / "site")
    victim = sorted(out.glob("process-*.svg"))[0]
    victim.write_text(victim.read_text().replace("opcc-layout ", "opcc-layout 0"))
    layouts.clear()
    build_site(site_model, out)
    assert len(layouts) == 1
    assert _files(out) == _files(build_site(site_model, tmp_path / "fresh"))
