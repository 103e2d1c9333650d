"""The library type-checks, and so does code that uses it.

mypy finds no error in opcc_model (the package ships py.typed); a consumer file using the
public API passes ``mypy --strict`` and pyright; a consumer with a typo (``opcc_model.chek``)
fails both (the lazy ``__getattr__`` is hidden from type checkers, so a typo is not Any).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONSUMERS = Path(__file__).resolve().parent / "typing_consumers"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(command), cwd=ROOT, capture_output=True, text=True, timeout=900)


def _mypy_strict(file: Path) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mypy")
    return _run(sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(file))


def _pyright(file: Path) -> subprocess.CompletedProcess[str]:
    pyright = shutil.which("pyright", path=str(Path(sys.executable).parent)) or shutil.which("pyright")
    if pyright is None:
        pytest.skip("pyright is not installed (pip install -e '.[dev]')")
    return _run(pyright, "--pythonpath", sys.executable, str(file))


def test_mypy_finds_no_error() -> None:
    pytest.importorskip("mypy")
    result = _run(sys.executable, "-m", "mypy", "opcc_model")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (ROOT / "opcc_model" / "py.typed").is_file()


def test_a_consumer_of_the_public_api_passes_mypy_strict() -> None:
    result = _mypy_strict(CONSUMERS / "consumer.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_consumer_of_the_public_api_passes_pyright() -> None:
    result = _pyright(CONSUMERS / "consumer.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors" in result.stdout


def test_a_typo_fails_mypy_strict() -> None:
    result = _mypy_strict(CONSUMERS / "typo.py")
    assert result.returncode == 1, result.stdout + result.stderr
    assert 'Module has no attribute "chek"' in result.stdout


def test_a_typo_fails_pyright() -> None:
    result = _pyright(CONSUMERS / "typo.py")
    assert result.returncode == 1, result.stdout + result.stderr
    assert '"chek" is not a known attribute of module "opcc_model"' in result.stdout
