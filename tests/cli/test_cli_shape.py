"""The shape of ``opcc``: lazy subcommands, an example in every ``--help``, plurals, missing folders, ``opcc cache``."""

from __future__ import annotations

import importlib
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import COMMANDS, build_parser, main
from opcc_model.cli.examples import EXAMPLES, subcommands


def _every_parser() -> dict[str, object]:
    """Every (sub)command of the full parser by its words after ``opcc``: ``"plan check"``."""
    found: dict[str, object] = {}

    def walk(parser: object, words: str) -> None:
        for name, (sub, _) in subcommands(parser).items():  # type: ignore[arg-type]
            key = f"{words} {name}".strip()
            found[key] = sub
            walk(sub, key)

    walk(build_parser(every=True), "")
    return found


def _imported_after(argv: list[str]) -> set[str]:
    code = (
        "import sys; from opcc_model.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "print('MODULES', *(m for m in sys.modules if m.startswith(('opcc_model.', 'pydantic', 'networkx', 'yaml'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.rsplit("MODULES", 1)[1].split())


def test_version_and_help_import_no_subcommand_and_no_heavy_library() -> None:
    for argv in (["--version"], ["--help"]):
        assert _imported_after(argv) <= {"opcc_model.cli", "opcc_model.cli.common", "opcc_model.cli.examples"}, argv


def test_version_answers_before_argparse_is_imported() -> None:
    code = "import sys; from opcc_model.cli import main; main(['--version']); print('argparse' in sys.modules, 'typing' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == f"opcc-model {opcc_model.__version__}\nFalse False\n"


def test_a_subcommand_imports_its_module_only() -> None:
    imported = _imported_after(["cache", "path"])
    assert "opcc_model.cli.cache" in imported
    assert not imported & {f"opcc_model.cli.{name}" for name in COMMANDS if name != "cache"}
    assert "networkx" not in imported


def test_validate_does_not_import_networkx(tmp_path: Path) -> None:
    imported = _imported_after(["validate", str(opcc_model.reference_root())])
    assert "opcc_model.cli.validate" in imported and "networkx" not in imported


def test_every_command_module_registers_the_summary_it_is_listed_with() -> None:
    listed = subcommands(build_parser())
    full = subcommands(build_parser(every=True))
    assert list(full) == list(COMMANDS)
    for name, summary in COMMANDS.items():
        assert listed[name][1] == full[name][1] == summary, name
        importlib.import_module(f"opcc_model.cli.{name}")


def test_every_help_has_examples_that_parse() -> None:
    parsers = _every_parser()
    assert set(EXAMPLES) == set(parsers), "every (sub)command has examples, and every example names one"
    for key, parser in parsers.items():
        text = parser.format_help()  # type: ignore[attr-defined]
        assert "examples:\n" in text and text.split(" ", 1)[0] == "usage:", key
        assert parser.description, f"'opcc {key} --help' says what it does"  # type: ignore[attr-defined]
        for example in EXAMPLES[key]:
            words = shlex.split(example)
            assert words[0] == "opcc" and " ".join(words[1:]).startswith(key), example
            build_parser(every=True).parse_args(words[1:])  # exits 2 if the example is wrong


def test_help_lists_every_command_and_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert all(f"\n    {name}" in out for name in COMMANDS) and "examples:\n  opcc validate ." in out


def test_counts_are_plural_only_when_not_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(opcc_model.example_root("minimal"))]) == 0
    assert capsys.readouterr().out == "OK: 4 stages, 1 process, 2 activities, 5 codes, 1 area\n"


@pytest.mark.parametrize("command", ["validate", "check", "render", "site", "plan check", "query handoffs"])
def test_a_missing_folder_is_named_as_such(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = str(tmp_path / "nowhere")
    extra = ["--out", str(tmp_path / "out")] if command in ("render", "site") else []
    assert main([*command.split(), missing, *extra]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"opcc: no such folder: {missing}"  # (site says its date first)
    assert not (tmp_path / "out").exists()


def test_a_file_given_as_the_model_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "model.yaml"
    file.write_text("x: 1\n", encoding="utf-8")
    assert main(["validate", str(file)]) == 2
    assert capsys.readouterr().err == f"opcc: not a folder: {file}\n"


def test_cache_path_and_clear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("OPCC_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["cache", "path"]) == 0
    assert capsys.readouterr().out == f"{tmp_path / 'cache'}\n"
    assert main(["validate", str(opcc_model.example_root("minimal"))]) == 0
    (tmp_path / "cache" / "notes.txt").write_text("mine", encoding="utf-8")
    written = sorted(os.listdir(tmp_path / "cache"))
    assert len(written) >= 3  # the model's cache file, the key, and the user's file
    assert main(["cache", "clear"]) == 0
    assert capsys.readouterr().err.startswith(f"removed {len(written) - 1} cache files from ")
    assert os.listdir(tmp_path / "cache") == ["notes.txt"]
    monkeypatch.setenv("OPCC_NO_CACHE", "1")
    assert main(["cache", "path"]) == 0 and capsys.readouterr().out.startswith("off")
