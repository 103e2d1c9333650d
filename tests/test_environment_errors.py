"""Environment variables and environment failures are user errors: exit 2, one sentence (issue 15, items 11 and 12)."""

from __future__ import annotations

import pytest

import opcc_model
from opcc_model.cli import main

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
