"""kill -9 of ``opcc render`` and ``opcc site`` at each stage, then a clean rerun: never a mix claimed current, no debris.

The process is killed for real (SIGKILL, through the ``OPCC_TEST_KILL_AT`` checkpoints of
:func:`opcc_model.atomic.checkpoint`) while it writes a *different* version of the model into a
folder holding the first; the rerun of the first version must then give exactly what a fresh
render gives, and remove every temporary the killed run left.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import opcc_model
from opcc_model.render.manifest import MANIFEST, read_manifest, sha256_of
from opcc_model.render.write import write_sources

ROOT = opcc_model.example_root("process-maps")
SITE_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site-model"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")


def _opcc(*args: str, kill_at: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OPCC_NO_CACHE": "1"}
    env.pop("OPCC_TEST_KILL_AT", None)
    if kill_at:
        env["OPCC_TEST_KILL_AT"] = kill_at
    return subprocess.run([sys.executable, "-m", "opcc_model", *args], env=env, capture_output=True, text=True, timeout=600)


def _edited_copy(source: Path, into: Path) -> Path:
    """The model at ``source`` with every process renamed: every process map and the value chain change."""
    shutil.copytree(source, into)
    for path in into.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("\nname: ", "\nname: Renamed "), encoding="utf-8")
    return into


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _claims_hold(folder: Path) -> None:
    """Every file the manifest claims whole holds exactly the bytes it records."""
    manifest = read_manifest(folder)
    if manifest is None:
        return
    for path, entry in manifest.files.items():
        if entry.sha256:
            assert sha256_of((folder / path).read_bytes()) == entry.sha256, path


def _debris(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.rglob(".*") if p.name.endswith((".tmp", ".old")))


@pytest.fixture(scope="module")
def fresh_render(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("fresh") / "out"
    assert _opcc("render", str(ROOT), "--out", str(out), "--format", "dot").returncode == 0
    return _snapshot(out)


@pytest.mark.parametrize("stage", ["begun", "temporary:2", "wrote:4", "finishing"])
def test_render_killed_while_writing_another_version_then_rerun(stage, tmp_path, fresh_render) -> None:
    out = tmp_path / "out"
    assert _opcc("render", str(ROOT), "--out", str(out), "--format", "dot").returncode == 0
    other = _edited_copy(ROOT, tmp_path / "other")
    killed = _opcc("render", str(other), "--out", str(out), "--format", "dot", kill_at=stage)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    _claims_hold(out)
    again = _opcc("render", str(ROOT), "--out", str(out), "--format", "dot")
    assert again.returncode == 0, again.stderr
    assert _snapshot(out) == fresh_render
    assert _debris(out) == []


def test_svg_render_killed_mid_layout_never_serves_the_other_version(tmp_path) -> None:
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    other = _edited_copy(ROOT, tmp_path / "other")
    assert _opcc("render", str(ROOT), "--out", str(out)).returncode == 0
    assert _opcc("render", str(other), "--out", str(out), kill_at="wrote:3").returncode == -signal.SIGKILL
    _claims_hold(out)
    assert _opcc("render", str(ROOT), "--out", str(out)).returncode == 0
    assert _opcc("render", str(ROOT), "--out", str(fresh)).returncode == 0
    assert _snapshot(out) == _snapshot(fresh)


def test_render_clean_killed_while_removing_then_rerun(tmp_path, fresh_render) -> None:
    out = tmp_path / "out"
    write_sources({"gone-diagram": "digraph { a }", "also-gone": "digraph { b }"}, out, fmt="dot")
    assert _opcc("render", str(ROOT), "--out", str(out), "--format", "dot").returncode == 0
    killed = _opcc("render", str(ROOT), "--out", str(out), "--format", "dot", "--clean", kill_at="removed")
    assert killed.returncode == -signal.SIGKILL
    _claims_hold(out)
    assert _opcc("render", str(ROOT), "--out", str(out), "--format", "dot", "--clean").returncode == 0
    assert _snapshot(out) == fresh_render


@pytest.fixture(scope="module")
def fresh_site(tmp_path_factory) -> dict[str, bytes]:
    out = tmp_path_factory.mktemp("fresh") / "site"
    assert _opcc("site", str(SITE_FIXTURE), "--out", str(out)).returncode == 0
    return _snapshot(out)


@pytest.mark.parametrize("stage", ["temporary:3", "wrote:7", "removed"])
def test_site_killed_at_each_stage_keeps_a_site_and_user_files_then_rerun(stage, tmp_path, fresh_site) -> None:
    out = tmp_path / "site"
    assert _opcc("site", str(SITE_FIXTURE), "--out", str(out)).returncode == 0
    (out / "CNAME").write_text("opcc.example.org\n")
    other = _edited_copy(SITE_FIXTURE, tmp_path / "other")
    args = ["--area", "welsh-area"] if stage == "removed" else []  # the other area's pages are removed
    killed = _opcc("site", str(other), "--out", str(out), *args, kill_at=stage)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (out / "index.html").is_file() and (out / "CNAME").is_file()
    _claims_hold(out)
    assert _opcc("site", str(SITE_FIXTURE), "--out", str(out)).returncode == 0
    assert _snapshot(out) == {**fresh_site, "CNAME": b"opcc.example.org\n"}
    assert _debris(out) == [] and not list(tmp_path.glob(".site.*"))


def test_debris_of_the_old_folder_swap_is_removed_and_a_lost_site_restored(tmp_path) -> None:
    out = tmp_path / "site"
    assert _opcc("site", str(SITE_FIXTURE), "--out", str(out)).returncode == 0
    (tmp_path / ".site.abcd1234.old").mkdir()
    os.replace(out, tmp_path / ".site.abcd1234.old" / "site")  # killed between the two renames
    (tmp_path / ".site.efgh5678.tmp").mkdir()
    (tmp_path / ".site.efgh5678.tmp" / "index.html").write_text("half")
    (tmp_path / "notes.txt").write_text("mine")
    assert _opcc("site", str(SITE_FIXTURE), "--out", str(out)).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "site"]
    assert (out / MANIFEST).is_file()
