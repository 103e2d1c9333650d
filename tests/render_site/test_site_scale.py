"""What makes a national site build in bounded time keeps every page as it was: the indexes, the links, the streaming writer, the layouts spread over workers."""

from __future__ import annotations

import csv
import io
import posixpath
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opcc_model
from bench.generate import generate
from opcc_model.errors import OpccError
from opcc_model.render import parallel
from opcc_model.render.backend import layout
from opcc_model.render.site import build_site, plan_site, site_files
from opcc_model.render.site import builder, pages
from opcc_model.render.site.context import group_by_code
from opcc_model.render.site.paths import relative
from opcc_model.render.workers import LayoutPool
from render_site.markup import Page
from strategies import models


def _old_duties(model, role_id):
    """The definition the index replaced: a scan of every activity per role."""
    found = {letter: [] for letter in "ARCI"}
    for activity in model.activities:
        for letter, role in activity.roles():
            if role == role_id and activity not in found[letter]:
                found[letter].append(activity)
    return found


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_the_site_indexes_answer_as_the_scans_they_replace(model):
    site = plan_site(model, diagrams=False)
    for activity in model.activities:
        assert site.before(activity.id) == [a for a in model.activities if activity.id in a.after]
    for role in {r for a in model.activities for _, r in a.roles()} | {r.id for r in model.roles} | {"nobody"}:
        assert site.duties(role) == _old_duties(model, role)
    for stage in model.stages:
        assert site.processes_of_stage(stage.id) == [p for p in model.processes if p.stage == stage.id and p.parent is None]
    for process in model.processes:
        assert site.children(process.id) == [p for p in model.processes if p.parent == process.id]


@settings(max_examples=40, deadline=None)
@given(models())
def test_the_model_keeps_its_activities_once_and_a_copy_rebuilds_them(model):
    assert model.activities == tuple(a for p in model.processes for a in p.activities)
    assert model.activities is model.activities
    fewer = model.model_copy(update={"processes": model.processes[1:]})
    assert fewer.activities == tuple(a for p in model.processes[1:] for a in p.activities)


_part = st.from_regex(r"[a-z0-9][a-z0-9.-]{0,8}", fullmatch=True)
_paths = st.lists(_part, min_size=1, max_size=3).map("/".join)


@given(_paths, _paths, st.none() | _part)
def test_relative_links_are_what_relpath_gives(from_page, to_page, fragment):
    target = to_page if fragment is None else f"{to_page}#{fragment}"
    expected = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    assert relative(from_page, target) == (expected if fragment is None else f"{expected}#{fragment}")


def test_the_streaming_build_writes_what_site_files_makes(site_model, site_plans, site_settings, tmp_path):
    out = build_site(site_model, tmp_path / "site", diagrams=False, settings=site_settings, plans=site_plans)
    expected = site_files(plan_site(site_model, diagrams=False, settings=site_settings, plans=site_plans))
    written = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    written.pop(".opcc-manifest.json")
    assert written == expected


def test_a_rebuild_with_nothing_changed_writes_nothing(tmp_path):
    model = opcc_model.load(opcc_model.example_root("minimal"))
    out = build_site(model, tmp_path / "site", diagrams=False)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    build_site(model, out, diagrams=False)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before


def test_many_small_wasm_layouts_spread_to_the_workers_and_lay_out_the_same(monkeypatch):
    texts = {f"d{i}": f'digraph {{ "a{i}" -> "b{i}" }}' for i in range(parallel.POOL_COUNT + 2)}
    sent: list[str] = []
    original = LayoutPool.layout

    def spy(self, source, fmt, /, *, backend):
        sent.append(source)
        return original(self, source, fmt, backend=backend)

    monkeypatch.setattr(LayoutPool, "layout", spy)
    results = dict(parallel.lay_out_all(texts, "svg", backend="wasm", jobs=2))
    assert sorted(sent) == sorted(list(texts.values())[parallel.POOL_COUNT:])  # the first ones in-process
    assert results == {name: layout(text, "svg", backend="wasm") for name, text in texts.items()}


def test_pages_made_by_forked_workers_are_the_same_bytes(site_model, site_plans, site_settings, tmp_path, monkeypatch):
    monkeypatch.setattr(builder, "PARALLEL_FILES", 5)  # the fixture's site is small: fork for it all the same
    monkeypatch.setattr(builder, "_WINDOW", 3)  # and hand the workers a few pages at a time
    out = build_site(site_model, tmp_path / "site", diagrams=False, settings=site_settings, plans=site_plans)
    expected = site_files(plan_site(site_model, diagrams=False, settings=site_settings, plans=site_plans))
    written = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    written.pop(".opcc-manifest.json")
    assert written == expected


def test_a_page_that_fails_in_a_worker_fails_the_build_with_its_error_and_leaves_whole_files(site_model, tmp_path, monkeypatch):
    out = build_site(site_model, tmp_path / "site", diagrams=False)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    monkeypatch.setattr(builder, "PARALLEL_FILES", 5)

    def broken(site, role_id, /):
        raise OpccError(f"role {role_id}: broken on purpose")

    monkeypatch.setattr(builder.pages, "render_role", broken)
    with pytest.raises(OpccError, match="broken on purpose"):
        build_site(site_model, out, diagrams=False)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_long_lists_show_their_first_rows_and_the_rest_as_csv(site_model, tmp_path, monkeypatch):
    site = plan_site(site_model, diagrams=False)
    role = max(site_model.roles, key=lambda r: max(len(v) for v in site.duties(r.id).values())).id
    duties = site.duties(role)
    longest = max(duties, key=lambda letter: len(duties[letter]))
    monkeypatch.setattr(pages, "PAGE_ROWS", len(duties[longest]) - 1)
    page = Page(pages.render_role(site, role))
    text = " ".join(" ".join(page.text).split())
    listed = [href for href, _ in page.links if href.startswith("activity-")]
    assert len(listed) == sum(min(len(v), pages.PAGE_ROWS) for v in duties.values())
    assert f"{len(duties[longest])} activities: the first {pages.PAGE_ROWS} are listed" in text
    files = site_files(site)
    rows = list(csv.DictReader(io.StringIO(files[f"role-{role}.csv"].decode("utf-8"))))
    assert [(r["letter"], r["activity"]) for r in rows] == [(k, a.id) for k, v in duties.items() for a in v]
    assert any(href == f"role-{role}.csv" for href, _ in page.links)
    others = [r.id for r in site_model.roles if not pages.role_over_limit(site, r.id)]
    assert others and all(f"role-{r}.csv" not in files for r in others)


def test_a_code_with_more_findings_than_a_page_shows_lists_the_first(tmp_path, monkeypatch):
    generate(tmp_path / "model", areas=1, activities=60, seed=1)
    site = plan_site(opcc_model.load(tmp_path / "model"), diagrams=False)
    code, items = max(group_by_code(site.model_findings), key=lambda group: len(group[1]))
    assert len(items) > 1
    monkeypatch.setattr(pages, "PAGE_ROWS", 1)
    html = pages.render_findings(site)
    group = html.split(f'id="{code}"', 1)[1].split("</ul>", 1)[0]
    assert group.count('<li class="sev-') == 1
    assert "The first 1 are listed; <code>opcc check --format csv</code> lists every one." in group


def test_cli_jobs_chooses_the_page_processes_and_refuses_zero(tmp_path, capsys, monkeypatch):
    from opcc_model.cli import main

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "site-model"
    monkeypatch.setattr(builder, "PARALLEL_FILES", 5)
    assert main(["site", str(fixture), "--out", str(tmp_path / "one"), "--jobs", "1", "--date", "2026-12-03"]) == 0
    assert main(["site", str(fixture), "--out", str(tmp_path / "two"), "--jobs", "2", "--date", "2026-12-03"]) == 0
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one == two
    capsys.readouterr()
    assert main(["site", str(fixture), "--out", str(tmp_path / "none"), "--jobs", "0"]) == 2
    assert "--jobs: expected a number of processes of 1 or more, found 0" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()
