"""Rendering benchmark: the reference model's whole site, cold and warm, counting Graphviz layouts."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from typing import Any

import opcc_model
from bench.timing import Table, best
from opcc_model.render import backend
from opcc_model.render.site import build_site

__all__ = ["counting_layouts", "run"]


class counting_layouts:  # noqa: N801 - used as a context manager, named like one
    """Count Graphviz layouts (calls into :data:`opcc_model.render.backend.BACKENDS`) made inside the block.

    >>> with counting_layouts() as counter:
    ...     _ = backend.layout("digraph { a }", "dot")
    >>> counter.calls
    1
    """

    def __init__(self) -> None:
        self.calls = 0
        self._original: dict[str, Callable[[str, str], bytes]] = dict(backend.BACKENDS)

    def _counted(self, original: Callable[[str, str], bytes]) -> Callable[[str, str], bytes]:
        def counted(*args: Any) -> bytes:
            self.calls += 1
            return original(*args)

        return counted

    def __enter__(self) -> counting_layouts:
        backend.BACKENDS.update({name: self._counted(fn) for name, fn in self._original.items()})
        return self

    def __exit__(self, *exc: object) -> None:
        backend.BACKENDS.update(self._original)


def run(table: Table, *, repeat: int = 1) -> dict[str, float]:
    """Build the reference model's site into an empty folder (cold), then again with nothing changed (warm)."""
    model = opcc_model.load(opcc_model.reference_root())
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "site")
        with counting_layouts() as cold_count:
            t_cold, _ = best(lambda: build_site(model, out), repeat=1)
        table.add(f"rendering: reference site, cold ({cold_count.calls} layouts)", t_cold, "s")
        with counting_layouts() as warm_count:
            t_warm, _ = best(lambda: build_site(model, out), repeat=repeat)
        calls = warm_count.calls // max(1, repeat)
        table.add(f"rendering: reference site, nothing changed ({calls} layouts)", t_warm, "s",
                  baseline=("cold", t_cold))
    return {"cold": t_cold, "warm": t_warm, "cold_layouts": cold_count.calls, "warm_layouts": calls}


def _child_cpu(argv: list[str]) -> float:
    """CPU seconds (user + system) that running ``argv`` to the end costs."""
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def noop(table: Table, *, repeat: int = 3) -> dict[str, float]:
    """Bar 5 of issue 17: ``opcc render`` and ``opcc site`` of the reference model with nothing changed.

    Measured as CPU time of the whole command (a fair figure on a shared machine) minus the
    CPU time of ``opcc --version`` (start-up), each the best of ``repeat`` runs; the bar is
    ≤ 0.2 s of work beyond start-up.
    """
    import sys

    root = str(opcc_model.reference_root())
    opcc = [sys.executable, "-m", "opcc_model"]
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        startup = min(_child_cpu([*opcc, "--version"]) for _ in range(repeat))
        table.add("rendering: opcc --version (start-up, CPU)", startup, "s")
        for kind in ("render", "site"):
            argv = [*opcc, kind, root, "--out", os.path.join(folder, kind)]
            first = _child_cpu(argv)  # writes everything and records the stamp
            again = min(_child_cpu(argv) for _ in range(repeat))
            work = max(0.0, again - startup)
            figures[kind] = work
            verdict = "PASS" if work <= 0.2 else "FAIL"
            table.add(f"rendering: opcc {kind} reference, nothing changed, beyond start-up (CPU; bar ≤ 0.2 s: {verdict})",
                      work, "s", baseline=("first run", first))
    return figures
