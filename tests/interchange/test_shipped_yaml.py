"""Every shipped YAML file names its schema on its first line, the modeline resolves in the
source tree and in a built wheel, and the file passes yamllint with the shipped config."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest

from opcc_model.documents import model_files

REPO = Path(__file__).resolve().parents[2]
SHIPPED = ("processes", "pag", "plans", "manifestos", "scenarios", "examples", "law")
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\.schema\.json$")


def _shipped() -> list[Path]:
    return sorted(p for folder in SHIPPED for p in (REPO / folder).rglob("*.y*ml"))


def _kinds() -> dict[Path, str]:
    """The kind of every model file (as the loader reads it), plus plans and scenarios."""
    kinds = {REPO / f"plans/{p.name}": "plan" for p in (REPO / "plans").glob("*.yaml")}
    kinds.update({REPO / f"scenarios/{p.name}": "scenario" for p in (REPO / "scenarios").glob("*.yaml")})
    kinds.update({REPO / f"manifestos/{p.name}": "manifesto" for p in (REPO / "manifestos").glob("*.yaml")})
    for root in (REPO, *(p for p in (REPO / "examples").iterdir() if p.is_dir())):
        kinds.update({root / relative: kind for kind, relative in model_files(root)})
        kinds[root / "pag/glossary.yaml"] = "glossary"
    return kinds


def test_every_shipped_yaml_file_names_the_schema_of_its_kind() -> None:
    kinds = _kinds()
    for path in _shipped():
        match = MODELINE.match(path.read_text(encoding="utf-8").splitlines()[0])
        assert match, f"{path} has no schema modeline on its first line"
        target = (path.parent / f"{match.group(1)}.schema.json").resolve()
        assert target.is_file() and target.parent == REPO / "schemas", path
        assert target.name == f"{kinds[path]}.schema.json", path


def test_the_modelines_resolve_in_a_built_wheel(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path)],
        check=True, capture_output=True, timeout=600,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    # opcc_model/statute/ holds the library's own statutory lists (package data it reads, not a file users edit)
    yaml_files = [
        n for n in names
        if n.endswith((".yaml", ".yml")) and not n.endswith(".yamllint.yaml") and not n.startswith("opcc_model/statute/")
    ]
    assert len(yaml_files) == len(_shipped()), "every shipped YAML file is in the wheel"
    for name in yaml_files:
        first = zipfile.ZipFile(wheel).read(name).decode("utf-8").splitlines()[0]
        match = MODELINE.match(first)
        assert match, name
        target = os.path.normpath(PurePosixPath(name).parent / f"{match.group(1)}.schema.json").replace(os.sep, "/")
        assert target in names, f"{name}: its modeline points at {target}, not in the wheel"
    assert "opcc_model/reference/.yamllint.yaml" in names


def test_every_shipped_yaml_file_passes_yamllint_with_the_shipped_config() -> None:
    pytest.importorskip("yamllint")
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "-c", str(REPO / ".yamllint.yaml"), "-f", "parsable", *SHIPPED, ".yamllint.yaml"],
        cwd=REPO, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[error]" not in result.stdout


def test_yamllint_with_the_shipped_config_rejects_a_real_problem(tmp_path: Path) -> None:
    pytest.importorskip("yamllint")
    bad = tmp_path / "bad.yaml"
    bad.write_text("roles:\n  - {id: pcc, id: cc}\n", encoding="utf-8")  # a duplicate key
    result = subprocess.run(
        [sys.executable, "-m", "yamllint", "-c", str(REPO / ".yamllint.yaml"), "-f", "parsable", str(bad)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 1 and "key-duplicates" in result.stdout
