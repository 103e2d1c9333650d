"""Memory benchmark: peak RSS of loading a model and building its graph, in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

from bench.timing import Table

__all__ = ["peak_kb", "run"]

_BASE = "import resource, networkx, opcc_model, opcc_model.graph, opcc_model.cache\n"
# Linux keeps ru_maxrss across fork+exec (a child starts with its parent's peak), so read the
# peak of this process's own memory (VmHWM) where there is one, and ru_maxrss elsewhere.
_PEAK = (
    "def peak():\n"
    "    try:\n"
    "        for line in open('/proc/self/status'):\n"
    "            if line.startswith('VmHWM:'): return int(line.split()[1])\n"
    "    except OSError: pass\n"
    "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
)
_LOADS = {
    "baseline": "",
    "load": "m = opcc_model.load(ROOT); g = opcc_model.graph.build(m)\n",
    "cached": "m = opcc_model.cache.load_cached(ROOT); g = opcc_model.graph.build(m)\n",
}


def peak_kb(root: str, how: str, /, *, cache: str | None = None) -> int:
    """Peak resident memory (KB) of a fresh Python that imports the library and does ``how`` to ``root``.

    >>> import opcc_model
    >>> peak_kb(str(opcc_model.example_root("minimal")), "load") > 0
    True
    """
    code = _BASE + _PEAK + f"ROOT = {root!r}\n" + _LOADS[how] + "print(peak())\n"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    if cache is not None:
        env["OPCC_CACHE_DIR"] = cache
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
    return int(out.stdout.strip().splitlines()[-1])


def run(root: str, activities: int, table: Table, *, cold_only: bool = False) -> dict[str, float]:
    """Measure peak RSS per activity for a cold load and (unless ``cold_only``) a cache miss and a warm load, each with the graph."""
    base = peak_kb(root, "baseline")
    table.add("peak RSS of a process that only imports", base / 1024, "MB")
    out = {}
    loads = (("load", "cold load + graph"), ("cached", "cache miss + graph"), ("cached", "warm load + graph"))
    with tempfile.TemporaryDirectory() as cache:
        for how, label in loads[:1] if cold_only else loads:
            per = (peak_kb(root, how, cache=cache) - base) / activities
            out[label] = per
            table.add(f"peak RSS per activity, {label}", per, "KB", baseline=("5 KB", 5.0), bar=1.0)
    return out
