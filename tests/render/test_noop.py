"""opcc render / opcc site with nothing changed: a stat pass and a stamp comparison, no load, no layout."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import main
from opcc_model.cli import render as render_cli
from opcc_model.cli import site as site_cli

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "site-model"


def _aged_copy(source: Path, into: Path) -> Path:
    """A copy of the model whose files were last modified an hour ago (not racily clean)."""
    shutil.copytree(source, into)
    old = time.time() - 3600
    for path in into.rglob("*"):
        os.utime(path, (old, old))
    return into


def test_render_with_nothing_changed_loads_nothing(tmp_path: Path, capsys, monkeypatch) -> None:
    root = _aged_copy(opcc_model.example_root("process-maps"), tmp_path / "model")
    out = tmp_path / "out"
    argv = ["render", str(root), "--out", str(out), "--format", "dot"]
    assert main(argv) == 0
    with monkeypatch.context() as patch:
        patch.setattr(render_cli, "load", lambda *a, **k: (_ for _ in ()).throw(AssertionError("loaded")))
        assert main(argv) == 0
    assert "nothing changed" in capsys.readouterr().err
    (out / "value-chain.dot").unlink()  # an output gone: the full path puts it back
    assert main(argv) == 0 and (out / "value-chain.dot").is_file()
    assert "nothing changed" not in capsys.readouterr().err


def test_an_edited_input_or_other_options_run_in_full(tmp_path: Path, capsys) -> None:
    root = _aged_copy(opcc_model.example_root("process-maps"), tmp_path / "model")
    out = tmp_path / "out"
    argv = ["render", str(root), "--out", str(out), "--format", "dot"]
    assert main(argv) == 0
    assert main([*argv, "--lanes", "role"]) == 0
    assert "nothing changed" not in capsys.readouterr().err
    assert main([*argv, "--lanes", "role"]) == 0
    assert "nothing changed" in capsys.readouterr().err
    target = next((root / "processes").rglob("draft-the-plan.yaml"))
    target.write_text(target.read_text().replace("\nname: ", "\nname: Edited "))
    old = time.time() - 60
    os.utime(target, (old, old))
    assert main([*argv, "--lanes", "role"]) == 0
    assert "nothing changed" not in capsys.readouterr().err
    assert "Edited" in (out / "process-draft-the-plan.dot").read_text()


def test_a_just_modified_input_is_never_trusted(tmp_path: Path, capsys) -> None:
    root = _aged_copy(opcc_model.example_root("process-maps"), tmp_path / "model")
    target = next((root / "processes").rglob("draft-the-plan.yaml"))
    target.touch()  # modified now: within the racy window
    argv = ["render", str(root), "--out", str(tmp_path / "out"), "--format", "dot"]
    assert main(argv) == 0 and main(argv) == 0
    assert "nothing changed" not in capsys.readouterr().err


def test_site_with_nothing_changed_loads_nothing(tmp_path: Path, capsys, monkeypatch) -> None:
    root = _aged_copy(FIXTURE, tmp_path / "model")
    argv = ["site", str(root), "--out", str(tmp_path / "site")]
    assert main(argv) == 0
    monkeypatch.setattr(site_cli, "load", lambda *a, **k: (_ for _ in ()).throw(AssertionError("loaded")))
    assert main(argv) == 0
    assert "nothing changed" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["render", "site"])
def test_a_run_with_nothing_changed_imports_no_model_code(tmp_path: Path, command: str) -> None:
    """The no-op is a stat pass: the second run imports neither the cache, the drawing code nor pydantic."""
    import subprocess
    import sys

    root = _aged_copy(opcc_model.example_root("process-maps"), tmp_path / "model")
    argv = [command, str(root), "--out", str(tmp_path / "out"), *(["--format", "dot"] if command == "render" else [])]
    env = {**os.environ, "OPCC_CACHE_DIR": str(tmp_path / "cache")}
    probe = (
        "import sys\nfrom opcc_model.cli import main\n"
        f"assert main({argv!r}) == 0\n"
        "print(sorted(m for m in ('opcc_model.cache', 'opcc_model.render.write', 'opcc_model.render.site', 'pydantic')"
        " if m in sys.modules))\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True, env=env, capture_output=True)  # the full run, stamped
    again = subprocess.run([sys.executable, "-c", probe], check=True, env=env, capture_output=True, text=True)
    assert "nothing changed" in again.stderr
    assert again.stdout.strip() == "[]"
