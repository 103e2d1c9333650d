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


def _mypy_strict(*files: Path) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mypy")
    return _run(sys.executable, "-m", "mypy", "--strict", "--no-incremental", *map(str, files))


def _pyright(*files: Path) -> subprocess.CompletedProcess[str]:
    pyright = shutil.which("pyright", path=str(Path(sys.executable).parent)) or shutil.which("pyright")
    if pyright is None:
        pytest.skip("pyright is not installed (pip install -e '.[dev]')")
    return _run(pyright, "--pythonpath", sys.executable, *map(str, files))


# Each checker runs once over both consumer files (a run costs seconds); every error it reports
# is attributed to its file, so the clean consumer and the typo are judged separately.
FILES = (CONSUMERS / "consumer.py", CONSUMERS / "typo.py")


@pytest.fixture(scope="module")
def mypy_strict() -> subprocess.CompletedProcess[str]:
    return _mypy_strict(*FILES)


@pytest.fixture(scope="module")
def pyright() -> subprocess.CompletedProcess[str]:
    return _pyright(*FILES)


def _error_lines(output: str, file: Path) -> list[str]:
    return [line for line in output.splitlines() if file.name in line and "error" in line]


def test_mypy_finds_no_error() -> None:
    pytest.importorskip("mypy")
    result = _run(sys.executable, "-m", "mypy", "opcc_model")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (ROOT / "opcc_model" / "py.typed").is_file()


def test_a_consumer_of_the_public_api_passes_mypy_strict(mypy_strict: subprocess.CompletedProcess[str]) -> None:
    assert "Found 1 error in 1 file" in mypy_strict.stdout, mypy_strict.stdout + mypy_strict.stderr
    assert _error_lines(mypy_strict.stdout, FILES[0]) == [], mypy_strict.stdout


def test_a_consumer_of_the_public_api_passes_pyright(pyright: subprocess.CompletedProcess[str]) -> None:
    assert "1 error, " in pyright.stdout, pyright.stdout + pyright.stderr
    assert _error_lines(pyright.stdout, FILES[0]) == [], pyright.stdout


def test_a_typo_fails_mypy_strict(mypy_strict: subprocess.CompletedProcess[str]) -> None:
    assert mypy_strict.returncode == 1, mypy_strict.stdout + mypy_strict.stderr
    errors = _error_lines(mypy_strict.stdout, FILES[1])
    assert len(errors) == 1 and 'Module has no attribute "chek"' in errors[0], mypy_strict.stdout


def test_a_typo_fails_pyright(pyright: subprocess.CompletedProcess[str]) -> None:
    assert pyright.returncode == 1, pyright.stdout + pyright.stderr
    errors = _error_lines(pyright.stdout, FILES[1])
    assert len(errors) == 1 and '"chek" is not a known attribute of module "opcc_model"' in errors[0], pyright.stdout
