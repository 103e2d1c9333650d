"""Environment variables and environment failures are user errors: exit 2, one sentence (issue 15, items 11 and 12)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import opcc_model
from opcc_model import atomic
from opcc_model.cli import main
from tests.editing import copy_minimal

MINIMAL = str(opcc_model.example_root("minimal"))


@pytest.mark.parametrize(
    ("name", "value", "sentence"),
    [
        ("OPCC_MAX_FILE_MB", "abc", "opcc: OPCC_MAX_FILE_MB must be a whole number of megabytes from 1 to 4096, found 'abc'"),
        ("OPCC_MAX_FILE_MB", "0", "opcc: OPCC_MAX_FILE_MB must be a whole number of megabytes from 1 to 4096, found '0'"),
        ("OPCC_LOAD_WORKERS", "many", "opcc: OPCC_LOAD_WORKERS must be a whole number of processes from 1 to 256, found 'many'"),
        ("OPCC_GRAPHVIZ", "bogus", "opcc: OPCC_GRAPHVIZ must be 'wasm' or 'system' (or unset), found 'bogus'"),
    ],
)
def test_a_bad_environment_variable_is_one_sentence_and_exit_2(
    name: str, value: str, sentence: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(name, value)
    assert main(["validate", MINIMAL]) == 2
    assert capsys.readouterr().err == sentence + "\n"


def test_a_bad_limit_is_an_error_for_the_library_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPCC_MAX_FILE_MB", "-5")
    with pytest.raises(opcc_model.OpccError, match="OPCC_MAX_FILE_MB"):
        opcc_model.load(MINIMAL)


@pytest.mark.parametrize(
    "command",
    [["render", MINIMAL, "--out", "{file}"], ["export", "raci", MINIMAL, "--out", "{file}"], ["site", MINIMAL, "--out", "{file}"]],
    ids=["render", "export", "site"],
)
def test_out_that_is_a_file_is_one_sentence(command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("mine\n")
    assert main([part.format(file=file) for part in command]) == 2
    assert capsys.readouterr().err == f"opcc: --out '{file}' is a file: expected a folder (or a name that does not exist yet)\n"
    assert file.read_text() == "mine\n"


def test_out_that_is_the_file_system_root_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", MINIMAL, "--out", "/"]) == 2
    assert "is the root of the file system" in capsys.readouterr().err


def test_graphml_out_that_is_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "graphml", MINIMAL, "--out", str(tmp_path)]) == 2
    assert "is a folder: expected a file name" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("code", "hint"),
    [
        (errno.ENOSPC, "free some space and run again"),
        (errno.EROFS, "the file system is read-only"),
        (errno.EPERM, "chattr -i"),
        (errno.EACCES, "check the folder's permissions"),
    ],
)
def test_a_write_the_file_system_refuses_is_exit_2(
    code: int, hint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Disk full, read-only, immutable (chattr +i) or forbidden: simulated where every write ends (tests run as root)."""

    def refuse(source: str, target: str) -> None:
        raise OSError(code, os.strerror(code), str(target))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    assert main(["export", "raci", MINIMAL, "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"opcc: cannot ") and hint in err and "internal error" not in err
    assert len(err.strip().splitlines()) == 1
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()]  # nothing half-written


def test_scenario_given_a_folder_is_a_located_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scenario", MINIMAL, MINIMAL]) == 2
    assert f"{MINIMAL}:1:1: expected a regular file, found a folder" in capsys.readouterr().err


def test_codes_250_levels_deep_are_refused_by_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_minimal(tmp_path)
    deep = ".".join(["1"] * 250)
    glossary = root / "pag/glossary.yaml"
    glossary.write_text(glossary.read_text() + f'  - {{code: "{deep}", name: Deep, parent: "1"}}\n')
    assert main(["validate", str(root)]) == 2
    err = capsys.readouterr().err
    assert "expected a PAG code of dot-separated positive integers, at most 20 levels" in err
    assert "internal error" not in err
