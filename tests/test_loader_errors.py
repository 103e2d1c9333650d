"""Every kind of bad input gives a located, plain error: file, line, column, what was expected, what was found."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

import opcc_model
from opcc_model import yamlsource
from opcc_model.cli import main
from opcc_model.errors import ModelLoadError
from tests.editing import copy_minimal, edit, line_of

PROCESS = "processes/engage-consult/conduct-stakeholder-analysis.yaml"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A writable copy of the minimal example model."""
    return copy_minimal(tmp_path)


def errors(root: Path) -> list[str]:
    with pytest.raises(ModelLoadError) as caught:
        opcc_model.load(root)
    return [str(issue) for issue in caught.value.issues]


def only(root: Path) -> str:
    found = errors(root)
    assert len(found) == 1, found
    return found[0]


def starts(message: str, root: Path, relative: str, line: int) -> None:
    shown = f"{(root / relative).as_posix()}:{line}:"
    assert message.startswith(shown), f"{message!r} does not start with {shown!r}"


def test_yaml_syntax_error(root: Path) -> None:
    edit(root, "processes/roles.yaml", "side: chief-constable}", "side: [chief-constable}")
    message = only(root)
    starts(message, root, "processes/roles.yaml", line_of(root, "processes/roles.yaml", "[chief-constable}"))
    assert "YAML syntax error" in message


def test_unquoted_pag_code_says_quote_it(root: Path) -> None:
    edit(root, PROCESS, 'pag: ["1.1.2.8"]', "pag: [1.1]")
    message = only(root)
    starts(message, root, PROCESS, line_of(root, PROCESS, "pag: [1.1]"))
    assert "read as the number 1.1" in message and 'quote it: "1.1"' in message


def test_unquoted_glossary_code(root: Path) -> None:
    edit(root, "pag/glossary.yaml", 'code: "1.1",', "code: 1.1,")
    message = only(root)
    assert "quote it" in message and message.split(":")[1] == str(line_of(root, "pag/glossary.yaml", "code: 1.1,"))


def test_typo_key_names_the_nearest_valid_key(root: Path) -> None:
    edit(root, PROCESS, "accountable: pcc", "acountable: pcc")
    message = only(root)
    line = line_of(root, PROCESS, "acountable")
    assert message.startswith(f"{(root / PROCESS).as_posix()}:{line}:5: unknown key 'acountable'")
    assert "did you mean 'accountable'?" in message


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        (PROCESS, "accountable: pcc", "accountable: pcc-x", "expected a declared role id, found 'pcc-x' (did you mean 'pcc'?"),
        (PROCESS, "responsible: [opcc-chief-executive]", "responsible: [nobody]", "expected a declared role id, found 'nobody'"),
        (PROCESS, "inputs: [commissioner-mandate]", "inputs: [missing-doc]", "expected a declared artifact id, found 'missing-doc'"),
        (PROCESS, "stage: engage-consult", "stage: engage", "expected a declared stage id, found 'engage'"),
        (PROCESS, "stage: engage-consult", "stage: engage-consult\nparent: no-such-process", "expected a declared process id, found 'no-such-process'"),
        (PROCESS, "after: [identify-stakeholders]", "after: [identify-stakeholder]", "expected a declared activity id, found 'identify-stakeholder' (did you mean 'identify-stakeholders'?"),
        (PROCESS, 'pag: ["1.1.2.8"]', 'pag: ["1.1.2.9"]', 'expected a PAG code of the glossary, found "1.1.2.9"'),
        (PROCESS, "    kind: task", "    kind: subprocess\n    process: nowhere", "expected a declared process id, found 'nowhere'"),
        ("pag/boundaries/example-area.yaml", 'pag: "2"', 'pag: "3"', 'expected a PAG code of the glossary, found "3"'),
        ("processes/roles.yaml", "reports_to: pcc", "reports_to: boss", "expected a declared role id, found 'boss'"),
        ("processes/value-chain.yaml", "mandate: commissioner-mandate", "mandate: mandate", "mandate: expected a declared artifact id, found 'mandate'"),
        ("processes/value-chain.yaml", "outcomes: [community-outcome-framework]", "outcomes: [community-outcomes]", "outcomes[0]: expected a declared artifact id"),
    ],
)
def test_unknown_ids_of_every_kind(root: Path, relative: str, old: str, new: str, expected: str) -> None:
    edit(root, relative, old, new)
    message = only(root)
    needle = new.splitlines()[-1].strip()
    starts(message, root, relative, line_of(root, relative, needle))
    assert expected in message


def test_unknown_waiver_subject(root: Path) -> None:
    (root / "pag/boundaries/example-area.yaml").write_text(
        (root / "pag/boundaries/example-area.yaml").read_text()
        + "waivers:\n  - {finding: OPCC-O102, subject: no-such-thing, reason: accepted}\n"
    )
    message = only(root)
    assert "subject: expected the id of something in the model" in message and "'no-such-thing'" in message
    starts(message, root, "pag/boundaries/example-area.yaml", line_of(root, "pag/boundaries/example-area.yaml", "no-such-thing"))


def test_duplicate_ids_across_files_name_both_places(root: Path) -> None:
    copy = root / "processes/develop/second.yaml"
    copy.parent.mkdir(parents=True)
    copy.write_text(
        "id: second\nname: Second\nstage: develop\nactivities:\n  - id: identify-stakeholders\n    name: Again\n    accountable: pcc\n"
    )
    message = only(root)
    first = f"{(root / PROCESS).as_posix()}:{line_of(root, PROCESS, 'id: identify-stakeholders')}:5"
    assert message.startswith(f"{copy.as_posix()}:5:5: duplicate activity id 'identify-stakeholders'")
    assert f"first declared at {first}" in message


def test_ids_that_are_not_slugs(root: Path) -> None:
    edit(root, "processes/roles.yaml", "id: csp,", "id: Community_Safety,")
    message = only(root)
    assert "expected a lowercase id of letters, digits and hyphens" in message and "'Community_Safety'" in message


def test_missing_parent_code(root: Path) -> None:
    edit(root, "pag/glossary.yaml", '  - {code: "1.1.2", name: Stakeholders}\n', "")
    found = errors(root)
    assert any('code "1.1.2.8": its parent "1.1.2" is not in the glossary' in m for m in found), found


def test_joint_without_arrangement(root: Path) -> None:
    edit(root, "pag/boundaries/example-area.yaml", '{pag: "2", holder: chief-constable}', '{pag: "2", holder: joint}')
    message = only(root)
    assert "holder 'joint' needs an 'arrangement'" in message
    starts(message, root, "pag/boundaries/example-area.yaml", line_of(root, "pag/boundaries/example-area.yaml", 'holder: joint'))


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "//evil.example/x", "data:text/html,hi"])
def test_links_must_be_http_or_relative(root: Path, url: str) -> None:
    edit(root, PROCESS, "activities:", f"references:\n  - {{title: Link, url: '{url}'}}\nactivities:")
    message = only(root)
    assert "expected an http(s) or relative link" in message and url in message


def test_relative_and_https_links_are_accepted(root: Path) -> None:
    edit(root, PROCESS, "activities:", "references:\n  - {title: A, url: 'https://www.legislation.gov.uk/'}\n  - {title: B, url: '../docs/x.html'}\nactivities:")
    assert len(opcc_model.load(root).process("conduct-stakeholder-analysis").references) == 2


def test_empty_file(root: Path) -> None:
    (root / "processes/artifacts.yaml").write_text("# nothing here\n")
    message = only(root)
    assert message.startswith(f"{(root / 'processes/artifacts.yaml').as_posix()}:1:1: the file is empty")


def test_file_that_is_not_utf8(root: Path) -> None:
    path = root / "processes/roles.yaml"
    path.write_bytes(path.read_bytes().replace(b"Chief Constable", b"Chief Constable \xe9", 1))
    message = only(root)
    line = line_of_bytes(path, b"\xe9")
    assert message.startswith(f"{path.as_posix()}:{line}:") and "expected UTF-8 text, found the byte 0xe9" in message


def line_of_bytes(path: Path, needle: bytes) -> int:
    return next(i for i, line in enumerate(path.read_bytes().splitlines(), start=1) if needle in line)


def test_yaml_tags_that_build_objects_are_refused_and_never_run(root: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (root / "pag/glossary.yaml").write_text(f"codes: !!python/object/apply:os.system ['touch {marker}']\n")
    message = only(root)
    assert "YAML tag '!!python/object/apply:os.system' is not allowed" in message
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly(root: Path) -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for name, previous in zip("bcdefghi", "abcdefgh"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    (root / "pag/glossary.yaml").write_text("\n".join(lines) + "\ncodes: []\n")
    started = time.perf_counter()
    message = only(root)
    assert "alias bomb" in message
    assert time.perf_counter() - started < 5  # 9**9 values would take minutes and gigabytes


def test_very_large_file_is_refused_before_reading(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = root / "processes/develop/huge.yaml"
    path.parent.mkdir(parents=True)
    with open(path, "wb") as handle:  # a sparse file: large on paper, no disk used
        handle.truncate(yamlsource.MAX_FILE_BYTES + 1)
    message = only(root)
    assert message.startswith(f"{path.as_posix()}:1:1: expected a file of at most 64 MB")


def test_deep_nesting_is_an_error_not_a_crash(root: Path) -> None:
    (root / "pag/glossary.yaml").write_text("codes: " + "[" * 5000 + "]" * 5000 + "\n")
    assert len(errors(root)) >= 1


def test_folder_without_processes(tmp_path: Path) -> None:
    (tmp_path / "pag").mkdir()
    message = only(tmp_path)
    assert message.startswith(f"{(tmp_path / 'processes').as_posix()}:1:1: expected a folder processes/")


def test_every_error_of_a_load_is_reported(root: Path) -> None:
    edit(root, PROCESS, "accountable: pcc", "acountable: pcc")
    edit(root, "processes/roles.yaml", "side: partner", "side: partners")
    edit(root, "pag/boundaries/example-area.yaml", "jurisdiction: england", "jurisdiction: scotland")
    found = errors(root)
    assert len(found) == 3  # one typo key, one side, one jurisdiction: three files, every error
    assert any("roles[4].side: expected one of 'commissioner'" in m and "found 'partners'" in m for m in found)
    assert any("jurisdiction: expected one of 'england' or 'wales', found 'scotland'" in m for m in found)


def test_cli_validate_prints_ok_with_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(opcc_model.example_root("minimal"))]) == 0
    assert capsys.readouterr().out == "OK: 4 stages, 1 process, 2 activities, 5 codes, 1 area\n"


def test_cli_validate_prints_every_error_and_exits_2_without_traceback(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(root, PROCESS, "accountable: pcc", "acountable: pcc")
    assert main(["validate", str(root)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("unknown key 'acountable'") == 1
    assert "Traceback" not in captured.err and captured.err.rstrip().endswith("the model was not loaded")


def test_cli_misuse_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate"]) == 2
    assert main(["no-such-command"]) == 2
    assert main([]) == 2
