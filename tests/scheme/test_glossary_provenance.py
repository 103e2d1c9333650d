"""Glossary provenance (open / licensed / local) and the Panel as a holder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import opcc_model
from opcc_model.errors import ModelLoadError

MINIMAL = Path(opcc_model.example_root("minimal"))


def _with_glossary_provenance(tmp_path: Path, provenance: str) -> Path:
    """A copy of the minimal example whose glossary file says ``provenance: <provenance>``."""
    root = tmp_path / "model"
    shutil.copytree(MINIMAL, root)
    glossary = root / "pag" / "glossary.yaml"
    text = glossary.read_text(encoding="utf-8").replace("codes:", f"provenance: {provenance}\ncodes:", 1)
    glossary.write_text(text, encoding="utf-8")
    return root


def test_shipped_glossary_is_open_and_never_licensed() -> None:
    model = opcc_model.load(opcc_model.reference_root())
    assert {c.provenance for c in model.codes} == {"open"}


def test_a_licensed_file_marks_its_codes_licensed_unless_a_code_says_otherwise(tmp_path: Path) -> None:
    model = opcc_model.load(_with_glossary_provenance(tmp_path, "licensed"))
    assert {c.provenance for c in model.codes} == {"licensed"}


def test_an_unknown_provenance_is_a_located_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError) as caught:
        opcc_model.load(_with_glossary_provenance(tmp_path, "pag"))
    message = str(caught.value)
    assert "pag/glossary.yaml:" in message and "provenance" in message and "'pag'" in message


def test_panel_powers_are_held_by_oversight_in_the_example_areas() -> None:
    model = opcc_model.load(opcc_model.reference_root())
    for area in ("example-england", "example-wales"):
        assert model.boundary(area).holder_of("1.7.3") == "oversight"
        assert model.boundary(area).holder_of("1.7") == "oversight"
