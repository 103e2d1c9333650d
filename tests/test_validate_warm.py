"""A warm ``opcc validate`` always says what an uncached one says (issue 16 item 9, under issue 15's cache rules).

The warm answer (:mod:`opcc_model.validated`) is given without loading the model when no
file's stamp changed. A state machine interleaves edits (same size or not, in place or by
rename, valid or not), reverts, new and removed files, touches, time passing beyond the
racy window, and edits made during a load (right after the load read the file), and
compares every ``opcc validate`` (exit status, stdout, stderr) with one run under
``OPCC_NO_CACHE=1``.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import precondition, rule

import opcc_model
from opcc_model import cachekey, validated
from opcc_model.cli import main
from tests.cache_machine import WINDOW_NS, CachedCopyMachine
from tests.editing import copy_minimal, edited_after_read, write_file

PROCESS = "processes/engage-consult/conduct-stakeholder-analysis.yaml"
EXTRA = "processes/engage-consult/extra.yaml"
ORIGINAL = opcc_model.example_root("minimal").joinpath(PROCESS).read_text(encoding="utf-8")
_THIRD = """  - id: third
    name: A third activity
    pag: ["1.1.2.8"]
    accountable: pcc
"""
VARIANTS = [
    ORIGINAL,
    ORIGINAL.replace("accountable: pcc\n    responsible", "accountable: pcx\n    responsible"),  # same size, invalid
    ORIGINAL.replace("name: Identify stakeholders", "name: Identify stakeholderz"),  # same size, valid
    ORIGINAL + _THIRD,  # three activities
    ORIGINAL[: ORIGINAL.index("  - id: agree-outcomes")],  # one activity
]
EXTRA_TEXT = ORIGINAL.replace("id: conduct-stakeholder-analysis", "id: extra-process").replace(
    "id: identify-stakeholders", "id: extra-one").replace("id: agree-outcomes", "id: extra-two").replace(
    "after: [identify-stakeholders]", "after: [extra-one]")


def _validate(root: Path, *, cached: bool) -> tuple[int, str, str]:
    """``opcc validate root`` in-process: exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.get("OPCC_NO_CACHE")
    if not cached:
        os.environ["OPCC_NO_CACHE"] = "1"
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(["validate", str(root)])
    finally:
        if saved is None:
            os.environ.pop("OPCC_NO_CACHE", None)
        else:
            os.environ["OPCC_NO_CACHE"] = saved
    return status, out.getvalue(), err.getvalue()


class WarmValidateAgreesWithDisk(CachedCopyMachine):
    racy_module = cachekey

    def __init__(self) -> None:
        super().__init__()
        self.validated = False

    @rule(variant=st.sampled_from(range(len(VARIANTS))), in_place=st.booleans())
    def edit(self, variant: int, in_place: bool) -> None:
        write_file(self.path, VARIANTS[variant], in_place=in_place)

    @rule(present=st.booleans())
    def add_or_remove_a_file(self, present: bool) -> None:
        extra = self.root / EXTRA
        if present:
            extra.write_text(EXTRA_TEXT, encoding="utf-8")
        else:
            extra.unlink(missing_ok=True)

    @rule()
    def touch(self) -> None:
        os.utime(self.path)

    @rule()
    def time_passes(self) -> None:
        """Past the racy window: the next full validation keeps stamps the warm path will trust."""
        time.sleep(2 * WINDOW_NS / 1e9)

    @rule()
    def validate(self) -> None:
        assert _validate(self.root, cached=True) == _validate(self.root, cached=False)
        self.validated = True

    @rule()
    def settle_then_validate_twice(self) -> None:
        """Past the racy window, a validation keeps its answer; the next, with nothing changed,
        is answered warm exactly when the model is valid, and says what an uncached one says."""
        time.sleep(2 * WINDOW_NS / 1e9)
        uncached = _validate(self.root, cached=False)
        assert _validate(self.root, cached=True) == uncached
        assert (validated.recall(self.root) is not None) == (uncached[0] == 0)
        assert _validate(self.root, cached=True) == uncached
        self.validated = True

    @precondition(lambda self: self.validated)
    @rule(first=st.sampled_from(range(len(VARIANTS))), variant=st.sampled_from(range(len(VARIANTS))), in_place=st.booleans())
    def edit_during_a_validation(self, first: int, variant: int, in_place: bool) -> None:
        """An edit, then a validation during which the file changes again right after it is read."""
        write_file(self.path, VARIANTS[first], in_place=in_place)
        before = _validate(self.root, cached=False)
        with edited_after_read(self.path, lambda: write_file(self.path, VARIANTS[variant], in_place=in_place)):
            got = _validate(self.root, cached=True)
        assert got in (before, _validate(self.root, cached=False))


TestWarmValidateAgreesWithDisk = WarmValidateAgreesWithDisk.TestCase
TestWarmValidateAgreesWithDisk.settings = settings(max_examples=40, stateful_step_count=12, deadline=None)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPCC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("OPCC_NO_CACHE", raising=False)
    monkeypatch.setattr(cachekey, "RACY_NS", WINDOW_NS)
    return copy_minimal(tmp_path)


def _settled(root: Path) -> None:
    """Validate once, past the racy window, so the warm answer is kept with trusted stamps."""
    time.sleep(2 * WINDOW_NS / 1e9)
    assert _validate(root, cached=True)[0] == 0


def test_an_unchanged_model_is_answered_without_the_model_classes(root: Path) -> None:
    _settled(root)
    assert validated.recall(root) == "OK: 4 stages, 1 process, 2 activities, 5 codes, 1 area"
    code = (
        "import sys; from opcc_model.cli import main; status = main(['validate', sys.argv[1]]); "
        "print(sorted(m for m in ('pydantic', 'yaml', 'opcc_model.model', 'opcc_model.cache') if m in sys.modules)); "
        "sys.exit(status)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["OK: 4 stages, 1 process, 2 activities, 5 codes, 1 area", "[]"]


def test_the_answer_is_keyed_by_code_and_settings(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _settled(root)
    assert validated.recall(root) is not None
    monkeypatch.setenv("OPCC_MAX_FILE_MB", "1")
    assert validated.recall(root) is None
    monkeypatch.delenv("OPCC_MAX_FILE_MB")
    monkeypatch.setattr(cachekey, "code_version", lambda: "0123456789abcdef")
    monkeypatch.setattr(validated, "code_version", lambda: "0123456789abcdef")
    assert validated.recall(root) is None


def test_a_tampered_or_public_answer_is_not_trusted(root: Path) -> None:
    _settled(root)
    target = cachekey.cache_path(root, validated.SUFFIX)
    assert target is not None and target.stat().st_mode & 0o777 == 0o600
    data = target.read_bytes()
    target.write_bytes(data.replace(b"2 activities", b"9 activities"))
    assert validated.recall(root) is None
    target.write_bytes(data)
    assert validated.recall(root) is not None
    os.chmod(target, 0o622)
    assert validated.recall(root) is None


def test_a_racy_stamp_is_never_trusted(root: Path) -> None:
    assert _validate(root, cached=True)[0] == 0  # the copy was just written: every stamp is racy
    assert validated.recall(root) is None
    _settled(root)
    assert validated.recall(root) is not None


def test_a_failed_validation_keeps_no_answer(root: Path) -> None:
    _settled(root)
    write_file(root / PROCESS, VARIANTS[1], in_place=True)
    time.sleep(2 * WINDOW_NS / 1e9)
    status, out, err = _validate(root, cached=True)
    assert status == 2 and out == "" and "pcx" in err
    assert validated.recall(root) is None
    assert _validate(root, cached=True) == _validate(root, cached=False)


def test_cache_clear_removes_the_answer(root: Path) -> None:
    from opcc_model.cache import clear_cache

    _settled(root)
    target = cachekey.cache_path(root, validated.SUFFIX)
    assert target is not None and target in clear_cache()
    assert validated.recall(root) is None

