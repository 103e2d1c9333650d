"""Building the site: every page linked, deterministic bytes, atomic replacement, the CLI."""

from __future__ import annotations

import pytest

import opcc_model
from opcc_model.cli import main
from opcc_model.errors import OpccError
from opcc_model.render.site import build_site
from opcc_model.render.manifest import MANIFEST
from opcc_model.render.site.builder import MARKER
from opcc_model.render.site.linkcheck import broken_links, external_links, links_of
from render_site.conftest import FIXTURE


def declared_references(model):
    urls = set()
    for process in model.processes:
        urls.update(r.url for r in process.references)
        for activity in process.activities:
            urls.update(r.url for r in activity.references)
    return urls


def test_site_has_a_page_for_everything(built_site, site_model, site_plans):
    expected = (
        ["index.html", "value-chain.html", "dependencies.html", "glossary.html", "search.html", "findings.html", "timeline.html",
         MARKER, MANIFEST, "static/site.css", "static/site.js", "static/favicon.svg"]
        + [f"plan-{p.id}.{ext}" for p in site_plans for ext in ("html", "svg")]
        + [f"stage-{s.id}.html" for s in site_model.stages]
        + [f"process-{p.id}.html" for p in site_model.processes]
        + [f"activity-{a.id}.html" for a in site_model.activities]
        + [f"role-{r.id}.html" for r in site_model.roles]
        + [f"artifact-{a.id}.html" for a in site_model.artifacts]
        + [f"{kind}-{b.area}.{ext}" for b in site_model.boundaries for kind, ext in
           (("area", "html"), ("raci", "html"), ("raci", "csv"), ("transition", "html"))]
    )
    built = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()}
    assert set(expected) <= built
    assert {p for p in built if not p.endswith(".svg")} == {p for p in expected if not p.endswith(".svg")}


def test_every_link_resolves(built_site):
    assert broken_links(built_site) == []
    pages = links_of(built_site)
    assert sum(len(links) for links, _ in pages.values()) > 100


def test_the_link_checker_catches_broken_and_unsafe_links(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "p.html").write_text(
        '<a href="../b.html">x</a><a href="javascript:alert(1)">j</a><a href="file:///etc/passwd">f</a>'
        '<a href="/abs.html">r</a><a href="p.html#here">h</a><svg><a xlink:href="../gone.html"></a></svg>'
    )
    (tmp_path / "d.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<a xlink:href="a/p.html"/><a href="nope.html"/></svg>'
    )
    reasons = sorted((b.page, b.link) for b in broken_links(tmp_path))
    assert reasons == [
        ("a/p.html", "../b.html"), ("a/p.html", "../gone.html"), ("a/p.html", "/abs.html"),
        ("a/p.html", "file:///etc/passwd"), ("a/p.html", "javascript:alert(1)"), ("a/p.html", "p.html#here"),
        ("d.svg", "nope.html"),
    ]


def test_no_external_resources_only_declared_references(built_site, site_model):
    external = external_links(built_site)
    assert {link for _, link in external} == declared_references(site_model)
    for page, (links, _) in links_of(built_site).items():
        html = (built_site / page).read_text()
        assert "src=\"http" not in html and "url(http" not in html and "@import" not in html, page
    css = (built_site / "static" / "site.css").read_text()
    assert "http" not in css and "@import" not in css


def test_building_twice_gives_identical_bytes(site_model, site_plans, tmp_path):
    first = build_site(site_model, tmp_path / "one", plans=site_plans)
    second = build_site(site_model, tmp_path / "two", plans=site_plans)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for path in files:
        assert (first / path).read_bytes() == (second / path).read_bytes(), path


def test_rebuild_removes_only_files_it_wrote_and_keeps_the_users(site_model, tmp_path):
    out = tmp_path / "site"
    build_site(site_model, out)
    (out / "CNAME").write_text("opcc.example.org\n")
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (out / "notes.html").write_text("mine")
    area = sorted(b.area for b in site_model.boundaries)[0]
    build_site(site_model, out, area=area)
    others = [b.area for b in site_model.boundaries if b.area != area]
    assert others and not any((out / f"area-{other}.html").exists() for other in others)
    assert (out / f"area-{area}.html").is_file()
    assert (out / "CNAME").read_text() == "opcc.example.org\n"
    assert (out / ".git" / "HEAD").read_text().startswith("ref:")
    assert (out / "notes.html").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert not [p for p in out.rglob("*.tmp")]


def test_builds_into_a_github_pages_checkout(site_model, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "CNAME").write_text("x.example.org\n")
    build_site(site_model, tmp_path, diagrams=False)
    assert (tmp_path / "index.html").is_file() and (tmp_path / "CNAME").read_text() == "x.example.org\n"


def test_a_failure_part_way_leaves_the_previous_site(site_model, tmp_path, monkeypatch):
    out = build_site(site_model, tmp_path / "site")
    before = (out / "index.html").read_bytes()
    from opcc_model.render.site import builder

    def broken(site):
        raise RuntimeError("boom")

    monkeypatch.setattr(builder.pages, "render_glossary", broken)
    with pytest.raises(RuntimeError):
        build_site(site_model, out)
    assert (out / "index.html").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_never_replaces_a_folder_it_did_not_build(site_model, tmp_path):
    (tmp_path / "mine.txt").write_text("keep me")
    with pytest.raises(OpccError, match="not replacing"):
        build_site(site_model, tmp_path)
    assert (tmp_path / "mine.txt").read_text() == "keep me"


def test_cli_builds_the_site(tmp_path, capsys):
    assert main(["site", str(FIXTURE), "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "index.html").is_file()
    assert "index.html" in capsys.readouterr().err


def test_cli_one_area_and_bad_input(tmp_path, capsys):
    assert main(["site", str(FIXTURE), "--out", str(tmp_path / "out"), "--area", "welsh-area"]) == 0
    assert (tmp_path / "out" / "area-welsh-area.html").is_file()
    assert not (tmp_path / "out" / "area-example-area.html").exists()
    assert broken_links(tmp_path / "out") == []
    assert main(["site", str(FIXTURE), "--out", str(tmp_path / "x"), "--area", "nowhere"]) == 2
    assert "nowhere" in capsys.readouterr().err and not (tmp_path / "x").exists()
    assert main(["site", str(tmp_path / "no-model"), "--out", str(tmp_path / "y")]) == 2
    assert not (tmp_path / "y").exists()


def test_the_minimal_example_builds_cleanly(tmp_path):
    out = build_site(opcc_model.load(opcc_model.example_root("minimal")), tmp_path / "site")
    assert broken_links(out) == []
