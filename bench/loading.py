"""Load benchmarks: the libyaml floor, the cold load, the cache (miss, warm, one file changed)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml

import opcc_model
from bench.timing import Table, best
from opcc_model.cache import load_cached
from opcc_model.loader import model_files
from opcc_model.yamlsource import paused_gc

__all__ = ["floor", "run"]


def floor(root: str | os.PathLike[str], /) -> int:
    """Parse every file of the model with libyaml's CSafeLoader, the collector paused; return the file count.

    >>> import opcc_model
    >>> floor(opcc_model.example_root("minimal"))
    6
    """
    files = model_files(root)
    with paused_gc():
        for _, relative in files:
            with open(os.path.join(root, relative), "rb") as handle:
                yaml.load(handle.read().decode("utf-8"), Loader=yaml.CSafeLoader)  # noqa: S506 - a safe loader
    return len(files)


def _touch_one(root: str) -> Path:
    """Change one process file (a new comment line) so the cache must re-read it."""
    last = [relative for kind, relative in model_files(root) if kind == "process"][-1]
    path = Path(root, last)
    path.write_bytes(path.read_bytes() + b"# changed\n")
    return path


def run(root: str, table: Table, *, repeat: int = 1, floor_seconds: float | None = None,
        quick: bool = False) -> dict[str, float]:
    """Time the loads of the model at ``root`` (the floor too, unless given); add their rows to ``table``; return the seconds.

    ``quick`` leaves out the load through the cache module with the cache off (a figure, not a bar).

    The warm loads go through the cache with its rules in force (bytes read once and hashed,
    the racily-clean rule, the code-version key).
    """
    if floor_seconds is None:
        floor_seconds, _ = best(lambda: floor(root), repeat=repeat)
        table.add("YAML floor (CSafeLoader, GC paused)", floor_seconds, "s")
    t_floor = floor_seconds
    t_cold, model = best(lambda: opcc_model.load(root), repeat=repeat)
    table.add("cold load: opcc_model.load", t_cold, "s", baseline=("floor", t_floor), bar=1.3)
    previous = os.environ.get("OPCC_CACHE_DIR")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["OPCC_CACHE_DIR"] = folder
        try:
            if quick:
                table.note("cold load: cache module, cache off", "not measured with --quick")
            else:
                t_nocache, _ = best(lambda: _without_cache(root), repeat=repeat)
                table.add("cold load: cache module, cache off", t_nocache, "s", baseline=("floor", t_floor), bar=1.3)
            t_miss, _ = best(lambda: _fresh_miss(root, folder), repeat=repeat)
            table.add("cold load + write cache (miss)", t_miss, "s", baseline=("floor", t_floor))
            t_warm, warm = best(lambda: load_cached(root), repeat=max(3, repeat))
            table.add("warm load (nothing changed)", t_warm, "s", baseline=("floor", t_floor), bar=0.1)
            assert warm == model, "the warm load differs from the cold load"
            _touch_one(root)
            t_one, _ = best(lambda: load_cached(root), repeat=1)
            table.add("warm load, one file changed", t_one, "s", baseline=("floor", t_floor), bar=0.15)
        finally:
            if previous is None:
                os.environ.pop("OPCC_CACHE_DIR", None)
            else:
                os.environ["OPCC_CACHE_DIR"] = previous
    return {"floor": t_floor, "cold": t_cold, "warm": t_warm, "miss": t_miss, "one": t_one}


def _without_cache(root: str) -> opcc_model.Model:
    os.environ["OPCC_NO_CACHE"] = "1"
    try:
        return load_cached(root)
    finally:
        del os.environ["OPCC_NO_CACHE"]


def _fresh_miss(root: str, folder: str) -> opcc_model.Model:
    for entry in Path(folder).glob("*.json"):
        entry.unlink()
    return load_cached(root)
