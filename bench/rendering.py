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
