"""Start-up benchmark: ``opcc --version`` against ``python -c pass``, and a warm ``opcc validate``
of the reference model, each the best of N runs as separate processes.

Run it with ``python -m bench.startup [--repeat 15]``. Bars (issue 16 item 9):
``opcc --version`` within 3× ``python -c pass``; a warm ``opcc validate .`` of the reference
model ≤ 0.15 s (its absolute figure is printed against a 0.15 s baseline so the table shows
the ratio to the bar; on a busy machine compare the ratios, not the seconds).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

import opcc_model
from bench.timing import Table

__all__ = ["main", "run"]


CPU = False
"""Measure CPU time (user + system of the child) instead of wall time: ``--cpu``, for a busy machine."""


def _best(argv: list[str], repeat: int, env: dict[str, str]) -> float:
    """The best of ``repeat`` runs of ``argv``: wall seconds, or with :data:`CPU` the child's CPU seconds."""
    shortest = float("inf")
    for _ in range(max(1, repeat)):
        before, start = os.times(), time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env=env)
        after, wall = os.times(), time.perf_counter() - start
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        shortest = min(shortest, cpu if CPU else wall)
    return shortest


def run(table: Table, *, repeat: int = 15) -> None:
    """Add the start-up figures to ``table``."""
    opcc = shutil.which("opcc", path=os.path.dirname(sys.executable)) or shutil.which("opcc")
    if opcc is None:
        table.note("start-up", "skipped: the opcc command is not installed")
        return
    with tempfile.TemporaryDirectory(prefix="opcc-bench-cache-") as cache:
        env = {**os.environ, "OPCC_CACHE_DIR": cache}
        t_pass = _best([sys.executable, "-c", "pass"], repeat, env)
        t_version = _best([opcc, "--version"], repeat, env)
        table.add("start-up: opcc --version", t_version, "s", baseline=("python -c pass", t_pass), bar=3.0)
        t_help = _best([opcc, "--help"], repeat, env)
        table.add("start-up: opcc --help", t_help, "s", baseline=("python -c pass", t_pass))
        root = str(opcc_model.reference_root())
        subprocess.run([opcc, "validate", root], check=True, stdout=subprocess.DEVNULL, env=env)  # fills the cache
        t_warm = _best([opcc, "validate", root], repeat, env)
        table.add("start-up: warm opcc validate (reference)", t_warm, "s", baseline=("0.15 s bar", 0.15), bar=1.0)
        t_imports = _best([sys.executable, "-c", "import pydantic, yaml"], repeat, env)
        table.add("start-up: warm opcc validate (reference)", t_warm, "s", baseline=("import pydantic, yaml", t_imports))


def main(argv: list[str] | None = None) -> int:
    """Run the start-up benchmark and print its table."""
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per figure (the best is kept)")
    parser.add_argument("--cpu", action="store_true", help="CPU time of each run, not wall time (for a busy machine)")
    args = parser.parse_args(argv)
    global CPU
    CPU = args.cpu
    table = Table()
    run(table, repeat=args.repeat)
    print(table.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
