"""The model cache: round trips, invalidation by content, distrust of a damaged cache, and the off switch."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import opcc_model
from bench.generate import generate
from opcc_model import cache, documents
from opcc_model.errors import ModelLoadError


@pytest.fixture
def model_root(tmp_path, monkeypatch):
    monkeypatch.setenv("OPCC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "RACY_NS", 0)  # files just written count as settled here (test_cache_race.py tests the rule)
    monkeypatch.delenv("OPCC_NO_CACHE", raising=False)
    root = tmp_path / "model"
    generate(root, areas=2, activities=40, seed=5, per_process=10)
    return root


@pytest.fixture
def reads(monkeypatch):
    """The files parsed from YAML during a load of the cache, relative to the root."""
    seen: list[str] = []
    real = documents.read

    def counting(root, relative, kind, data=None, marks=None):
        seen.append(relative)
        return real(root, relative, kind, data, marks)

    monkeypatch.setattr(documents, "read", counting)
    return seen


def _locations(model: opcc_model.Model) -> dict[str, str]:
    return {key: str(model.locations[key]) for key in model.locations}


def test_a_warm_load_equals_a_cold_load_with_the_same_locations(model_root, reads):
    cold = opcc_model.load(model_root)
    first = cache.load_cached(model_root)
    assert len(reads) == len(documents.model_files(model_root))
    reads.clear()
    warm = cache.load_cached(model_root)
    assert reads == []
    assert warm == first == cold
    assert _locations(warm) == _locations(cold)
    activity = warm.activities[-1].id
    assert warm.location_of("activity", activity, "accountable").line > warm.location_of("activity", activity).line


def test_the_cache_is_signed_json(model_root):
    cache.load_cached(model_root)
    target = cache.cache_file(model_root)
    signature, _, payload = target.read_bytes().partition(b"\n")
    assert len(signature) == 64
    data = json.loads(payload)
    assert data["version"].startswith(opcc_model.__version__)
    assert set(data["files"]) == {relative for _, relative in documents.model_files(model_root)}
    # each kind's documents are stored together, in the order of its files; the entries hold none
    assert all(entry[2] is None for entry in data["files"].values())
    assert set(data["columns"]) == {kind for kind, _ in documents.model_files(model_root)}
    assert all(path.suffix == ".json" or path.name in ("key", ".pruned") for path in target.parent.iterdir())


def test_a_changed_file_is_the_only_file_read_again(model_root, reads):
    cache.load_cached(model_root)
    reads.clear()
    changed = next(r for k, r in documents.model_files(model_root) if k == "process")
    path = model_root / changed
    path.write_text(path.read_text().replace("name: ", "name: Renamed ", 1))
    model = cache.load_cached(model_root)
    assert reads == [changed]
    assert model == opcc_model.load(model_root)
    renamed = [p.id for p in model.processes if p.name.startswith("Renamed")]
    assert renamed == [Path(changed).stem]
    reads.clear()
    assert cache.load_cached(model_root) == model and reads == []


def test_a_new_and_a_removed_file_are_noticed(model_root):
    cache.load_cached(model_root)
    boundary = model_root / "pag" / "boundaries" / "bedfordshire.yaml"
    boundary.rename(model_root / "pag" / "boundaries" / "zz-copy.yaml.off")
    assert [b.area for b in cache.load_cached(model_root).boundaries] == ["avon-and-somerset"]


def test_a_change_that_breaks_the_model_raises_like_a_cold_load(model_root):
    cache.load_cached(model_root)
    roles = model_root / "processes" / "roles.yaml"
    roles.write_text(roles.read_text().replace("id: cc,", "id: chief,"))
    with pytest.raises(ModelLoadError) as caught:
        cache.load_cached(model_root)
    with pytest.raises(ModelLoadError) as cold:
        opcc_model.load(model_root)
    assert str(caught.value) == str(cold.value)


def _sign(folder: Path, payload: bytes) -> bytes:
    import hashlib
    import hmac

    return hmac.new((folder / "key").read_bytes(), payload, hashlib.sha256).hexdigest().encode() + b"\n" + payload


def _resigned(blob: bytes, folder: Path, change: Callable[[dict[str, Any]], object]) -> bytes:
    """The cache file ``blob`` with its JSON changed by ``change``, signed again with the user's key."""
    data = json.loads(blob.partition(b"\n")[2])
    change(data)
    return _sign(folder, json.dumps(data).encode())


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob, folder: b"\x00garbage\xff" * 10,
        lambda blob, folder: blob[: len(blob) // 2],
        lambda blob, folder: blob.replace(b"Renamed", b"Tampered").replace(b'"name"', b'"nome"') + b" ",
        lambda blob, folder: _sign(folder, b'{"version": 1, "files": []}'),
        lambda blob, folder: _sign(folder, json.dumps({"version": json.loads(blob.partition(b"\n")[2])["version"],
                                                       "files": {"processes/roles.yaml": ["roles", "0" * 64, [1]]}}).encode()),
        lambda blob, folder: _sign(folder, blob.partition(b"\n")[2].replace(b'[["pcc",', b'[["pcc",1,2,3,4,')),
        lambda blob, folder: _resigned(blob, folder, lambda data: data.pop("columns")),
        lambda blob, folder: _resigned(blob, folder, lambda data: data["columns"].update(process="junk", roles=[[1]])),
        lambda blob, folder: _resigned(blob, folder, lambda data: data["columns"]["process"][0].pop()),  # a row short
        lambda blob, folder: _resigned(blob, folder, lambda data: data["columns"].update(boundary=[{"area": 5}] * len(data["columns"]["boundary"]))),
    ],
    ids=["junk", "truncated", "tampered-unsigned", "wrong-structure", "wrong-hash", "signed-wrong-arity",
         "signed-no-columns", "signed-columns-not-columns", "signed-columns-a-row-short", "signed-boundary-invalid"],
)
def test_a_damaged_cache_is_ignored_and_rebuilt(model_root, reads, damage):
    expected = opcc_model.load(model_root)
    cache.load_cached(model_root)
    target = cache.cache_file(model_root)
    target.write_bytes(damage(target.read_bytes(), target.parent))
    reads.clear()
    model = cache.load_cached(model_root)
    assert model == expected
    assert _locations(model) == _locations(expected)
    reads.clear()
    assert cache.load_cached(model_root) == expected and reads == []


def test_a_cache_signed_with_another_key_is_not_trusted(model_root, reads):
    cache.load_cached(model_root)
    (cache.cache_file(model_root).parent / "key").write_bytes(b"k" * 32)
    reads.clear()
    assert cache.load_cached(model_root) == opcc_model.load(model_root)
    assert len(reads) == len(documents.model_files(model_root))


def test_no_cache_reads_everything_and_writes_nothing(model_root, reads, monkeypatch):
    monkeypatch.setenv("OPCC_NO_CACHE", "1")
    assert cache.cache_file(model_root) is None
    for _ in range(2):
        reads.clear()
        assert cache.load_cached(model_root) == opcc_model.load(model_root)
        assert len(reads) == len(documents.model_files(model_root))
    assert not (model_root.parent / "cache").exists()


def test_the_cache_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("OPCC_CACHE_DIR", raising=False)
    monkeypatch.delenv("OPCC_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "opcc-model"


def test_a_small_change_is_written_as_a_delta_and_a_damaged_delta_is_ignored(model_root, reads):
    cache.load_cached(model_root)
    target = cache.cache_file(model_root)
    base = target.read_bytes()
    changed = [r for k, r in documents.model_files(model_root) if k == "process"][-1]
    path = model_root / changed
    path.write_text(path.read_text().replace("name: ", "name: Delta ", 1))
    expected = opcc_model.load(model_root)
    assert cache.load_cached(model_root) == expected
    delta = target.with_name(target.stem + ".delta.json")
    assert target.read_bytes() == base and delta.exists()
    reads.clear()
    assert cache.load_cached(model_root) == expected and reads == []
    delta.write_bytes(delta.read_bytes().replace(b"Delta", b"Other"))
    reads.clear()
    assert cache.load_cached(model_root) == expected and reads == [changed]


def test_a_touched_file_with_the_same_content_is_hashed_not_read(model_root, reads):
    import os

    cache.load_cached(model_root)
    touched = next(r for k, r in documents.model_files(model_root) if k == "process")
    info = os.stat(model_root / touched)
    os.utime(model_root / touched, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    reads.clear()
    assert cache.load_cached(model_root) == opcc_model.load(model_root) and reads == []


@pytest.fixture
def composed(monkeypatch):
    """The files composed again to locate something (not answered from a mark table)."""
    from opcc_model.yamlsource import MarkedDocument

    seen: list[str] = []
    real = MarkedDocument.from_text

    def counting(text, file):
        seen.append(file)
        return real(text, file)

    monkeypatch.setattr(MarkedDocument, "from_text", staticmethod(counting))
    return seen


@pytest.fixture
def fresh_key_codes(monkeypatch):
    """Key codes as a fresh process has them (earlier tests may have parsed files with misspelt keys)."""
    from opcc_model import marktable

    monkeypatch.setattr(marktable, "_KEY_CODES", {key: code for code, key in enumerate(marktable.SEEDED)})
    return marktable


def _located(model_root: Path, load) -> list[tuple[object, ...]]:
    from opcc_model.queries import check

    return [(f.code, f.subject, f.location) for f in check(load(model_root), on=datetime.date(2026, 1, 31))]


def test_a_warm_load_locates_findings_from_the_kept_mark_tables(model_root, fresh_key_codes, composed):
    cold = _located(model_root, opcc_model.load)
    cache.load_cached(model_root)  # fills the cache, mark tables with it
    assert fresh_key_codes.portable()
    composed.clear()
    warm = _located(model_root, cache.load_cached)
    assert warm == cold and len(warm) > 50
    assert composed == []  # every finding was located from a table, none by composing its file again


def test_a_process_that_met_an_unknown_key_keeps_no_new_mark_table(model_root, fresh_key_codes, composed):
    fresh_key_codes._code("a-misspelt-key")  # as parsing a file with a key outside the format does
    assert not fresh_key_codes.portable()
    cold = _located(model_root, opcc_model.load)
    cache.load_cached(model_root)
    composed.clear()
    assert _located(model_root, cache.load_cached) == cold
    assert composed  # no table was kept: the files were composed again, and located the same
