"""The cache never serves content other than what is on disk now (issue 15, items 1 and 5).

A state machine interleaves edits (in place or by rename, same size or not, valid or not),
reverts, loads, and edits made *during* a load (a hook edits the file as soon as the load
has read it and closed it, deterministic where a real race is not), and compares every
cached answer with an uncached load of the files as they are.
"""

from __future__ import annotations

import builtins
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule

import opcc_model
from tests.editing import copy_minimal
from opcc_model import cache
from opcc_model.errors import ModelLoadError

PROCESS = "processes/engage-consult/conduct-stakeholder-analysis.yaml"
ORIGINAL = opcc_model.example_root("minimal").joinpath(PROCESS).read_text(encoding="utf-8")
VARIANTS = [
    ORIGINAL,
    ORIGINAL.replace("name: Identify stakeholders", "name: Identify stakeholderz"),  # same size
    ORIGINAL.replace("accountable: pcc\n    responsible", "accountable: opcc-chief-executive\n    responsible"),
    ORIGINAL.replace("accountable: pcc\n    responsible", "accountable: nobody\n    responsible"),  # invalid
]
WINDOW_NS = 50_000_000
"""The racy window used here: far above a file-system clock tick (a few ms), short enough to wait out."""


def _answer(root: Path) -> Any:
    """What an uncached load gives: the model, or the error text."""
    try:
        return opcc_model.load(root)
    except ModelLoadError as exc:
        return str(exc)


def _cached_answer(root: Path) -> Any:
    try:
        return cache.load_cached(root)
    except ModelLoadError as exc:
        return str(exc)


def _write(path: Path, text: str, *, in_place: bool) -> None:
    if in_place:  # same inode: only the times (and maybe the size) change
        with open(path, "r+b") as handle:
            handle.truncate(0)
            handle.write(text.encode("utf-8"))
    else:  # an editor's save: a new file renamed over the old one
        fresh = path.with_suffix(".tmp")
        fresh.write_text(text, encoding="utf-8")
        os.replace(fresh, path)


class _EditOnClose:
    """A file handle that, once the load closes it, runs ``edit`` (the file changes right after a read)."""

    def __init__(self, handle: Any, edit: Any) -> None:
        self._handle, self._edit = handle, edit

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _EditOnClose:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._handle.close()
        edit, self._edit = self._edit, None
        if edit is not None:
            edit()


class CacheAgreesWithDisk(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="opcc-race-"))
        self.root = copy_minimal(self.folder)
        self.path = self.root / PROCESS
        self.saved = {name: os.environ.get(name) for name in ("OPCC_CACHE_DIR", "OPCC_NO_CACHE")}
        os.environ["OPCC_CACHE_DIR"] = str(self.folder / "cache")
        os.environ.pop("OPCC_NO_CACHE", None)
        self.window = getattr(cache, "RACY_NS", None)
        cache.RACY_NS = WINDOW_NS  # type: ignore[attr-defined]
        self.loaded = False

    def teardown(self) -> None:
        for name, value in self.saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        if self.window is not None:
            cache.RACY_NS = self.window  # type: ignore[attr-defined]
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(variant=st.sampled_from(range(len(VARIANTS))), in_place=st.booleans())
    def edit(self, variant: int, in_place: bool) -> None:
        _write(self.path, VARIANTS[variant], in_place=in_place)

    @rule()
    def time_passes(self) -> None:
        """Past the racy window: the next load records stats it will trust (the fast path)."""
        time.sleep(2 * WINDOW_NS / 1e9)

    @rule()
    def load(self) -> None:
        assert _cached_answer(self.root) == _answer(self.root)
        self.loaded = True

    @precondition(lambda self: self.loaded)
    @rule(first=st.sampled_from(range(len(VARIANTS))), variant=st.sampled_from(range(len(VARIANTS))), in_place=st.booleans())
    def edit_then_load_while_editing(self, first: int, variant: int, in_place: bool) -> None:
        """An edit, then a load during which the file changes again, right after the load has read it."""
        _write(self.path, VARIANTS[first], in_place=in_place)
        before = _answer(self.root)
        target = os.path.abspath(self.path)
        real_open = builtins.open
        armed = [True]

        def spying_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            handle = real_open(file, mode, *args, **kwargs)
            if armed[0] and "b" in mode and isinstance(file, str | os.PathLike) and os.path.abspath(file) == target:
                armed[0] = False
                return _EditOnClose(handle, lambda: _write(self.path, VARIANTS[variant], in_place=in_place))
            return handle

        builtins.open = spying_open
        try:
            got = _cached_answer(self.root)
        finally:
            builtins.open = real_open
        after = _answer(self.root)
        assert got == before or got == after  # either content: the edit raced the load


TestCacheAgreesWithDisk = CacheAgreesWithDisk.TestCase
TestCacheAgreesWithDisk.settings = settings(max_examples=60, stateful_step_count=12, deadline=None)


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("OPCC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("OPCC_NO_CACHE", raising=False)
    return copy_minimal(tmp_path)


def test_a_setting_that_changes_validation_is_part_of_the_key(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = root / PROCESS
    big.write_text(ORIGINAL + "# " + "x" * (1024 * 1024 + 10) + "\n", encoding="utf-8")
    assert isinstance(_cached_answer(root), opcc_model.Model)
    monkeypatch.setenv("OPCC_MAX_FILE_MB", "1")
    assert _cached_answer(root) == _answer(root)
    assert "expected a file of at most 1 MB" in _cached_answer(root)


def test_other_code_is_a_cache_miss(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.load_cached(root)
    target = cache.cache_file(root)
    assert target is not None
    written = target.read_bytes()
    assert cache.code_version().encode() in written
    monkeypatch.setattr(cache, "code_version", lambda: "0123456789abcdef")
    cache.load_cached(root)
    assert target.read_bytes() != written and b"0123456789abcdef" in target.read_bytes()


def test_cache_files_and_key_are_private(root: Path) -> None:
    cache.load_cached(root)
    target = cache.cache_file(root)
    assert target is not None
    key = target.parent / "key"
    assert key.stat().st_mode & 0o777 == 0o600
    assert target.stat().st_mode & 0o777 == 0o600
    os.chmod(key, 0o644)  # a key others can read signs nothing: it is replaced
    before = key.read_bytes()
    target.unlink()
    cache.load_cached(root)
    assert key.read_bytes() != before and key.stat().st_mode & 0o777 == 0o600


def test_old_caches_are_pruned(root: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    stale = folder / ("0" * 32 + ".json")
    stale.write_bytes(b"x")
    os.utime(stale, (0, 0))
    cache.load_cached(root)
    assert not stale.exists() and cache.cache_file(root).exists()  # type: ignore[union-attr]
