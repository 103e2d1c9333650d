"""The loader reads only regular files inside the model folder, bounded (issue 15, item 3).

A model from a pull request may hold symbolic links to secrets, to ``/dev/zero``, or a FIFO:
each is a located error (exit 2) that quotes nothing of the target, and none hangs the load.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import opcc_model
from tests.editing import copy_minimal
from opcc_model.cli import main

PROCESS = "processes/engage-consult/conduct-stakeholder-analysis.yaml"
SECRET = "TOKEN-d41d8cd98f00b204e9800998ecf8427e"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return copy_minimal(tmp_path)


def _validate(root: Path) -> subprocess.CompletedProcess[str]:
    """``opcc validate`` in a child process (a hang would stop at the guard, not hang the suite)."""
    return subprocess.run(
        [sys.executable, "-m", "opcc_model", "validate", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "OPCC_NO_CACHE": "1"},
    )


def _refused(result: subprocess.CompletedProcess[str], path: Path, expected: str) -> None:
    assert result.returncode == 2, result.stderr
    assert f"{path.as_posix()}:1:1: {expected}" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_a_symlink_out_of_the_model_is_refused_and_its_target_never_quoted(root: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(f"id: {SECRET}\nname: [\n")  # would be a YAML error quoting the text, if read
    link = root / "processes/develop/leak.yaml"
    link.parent.mkdir()
    link.symlink_to(secret)
    result = _validate(root)
    _refused(result, link, "expected a file inside the model folder, found a symbolic link that leads out of it")
    assert SECRET not in result.stdout + result.stderr


def test_a_symlink_to_etc_passwd_is_refused(root: Path) -> None:
    link = root / "pag/boundaries/passwd.yaml"
    link.symlink_to("/etc/passwd")
    result = _validate(root)
    _refused(result, link, "expected a file inside the model folder")
    assert "root:" not in result.stdout + result.stderr


def test_a_symlink_to_dev_zero_is_refused_before_reading(root: Path) -> None:
    link = root / "processes/develop/zero.yaml"
    link.parent.mkdir()
    link.symlink_to("/dev/zero")
    _refused(_validate(root), link, "expected a regular file, found a character device")


def test_a_fifo_does_not_hang_the_load(root: Path) -> None:
    fifo = root / "processes/develop/pipe.yaml"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    _refused(_validate(root), fifo, "expected a regular file, found a FIFO (named pipe)")


def test_a_socket_is_refused(tmp_path: Path) -> None:
    root = Path(os.path.relpath(copy_minimal(tmp_path)))  # a socket path must be short
    path = root / "pag/boundaries/sock.yaml"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        _refused(_validate(root), path, "expected a regular file, found a socket")
    finally:
        server.close()


def test_a_symlink_inside_the_model_is_followed(root: Path) -> None:
    shared = root / "shared"
    shared.mkdir()
    area = root / "pag/boundaries/example-area.yaml"
    shutil.move(area, shared / "example-area.yaml")
    area.symlink_to(Path("../../shared/example-area.yaml"))
    assert [b.area for b in opcc_model.load(root).boundaries] == ["example-area"]


def test_a_file_that_grows_past_the_limit_is_cut_off_by_bytes_read(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from opcc_model import safefile

    data = b"x" * 5000
    path = root / "big.txt"
    path.write_bytes(data)
    assert safefile.read_bounded(path, 5000) == data
    with pytest.raises(safefile.FileRefused, match="at most 4,999 bytes"):
        safefile.read_bounded(path, 4999)


def test_error_messages_quote_a_short_escaped_excerpt(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roles = root / "processes/roles.yaml"
    hostile = "\x1b]0;owned\x07" + "y" * 5000
    roles.write_text(roles.read_text().replace("side: partner", f"side: \"{hostile}\""))
    assert main(["validate", str(root)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "y" * 100 not in err


def test_settings_file_linked_out_of_the_model_is_refused(root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "secret.toml"
    secret.write_text(f"[{SECRET}]\n")  # an unknown table would be named in the message, if read
    (root / "opcc.toml").symlink_to(secret)
    assert main(["check", str(root)]) == 2
    err = capsys.readouterr().err
    assert f"{(root / 'opcc.toml').as_posix()}:1:1: expected a file inside the model folder" in err
    assert SECRET not in err


def test_a_relative_root_stays_right_after_a_change_of_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = copy_minimal(tmp_path / "one"), copy_minimal(tmp_path / "two")
    monkeypatch.chdir(first)
    assert opcc_model.load(".").stages
    monkeypatch.chdir(second)
    assert opcc_model.load(".").stages  # "." is resolved again, not remembered from the first folder
