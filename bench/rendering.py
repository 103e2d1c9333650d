"""Rendering benchmark hook: the whole site cold and warm, once ``opcc_model.render`` can render it all."""

from __future__ import annotations

import importlib
import os
import tempfile

import opcc_model
from bench.timing import Table, best

__all__ = ["render_all", "run"]


def render_all():  # type: ignore[no-untyped-def]
    """The library's render-everything function (``render_all``/``write_site``), or ``None`` while it has none.

    >>> render_all() is None or callable(render_all())
    True
    """
    for module, name in (("opcc_model.render", "render_all"), ("opcc_model.render.site", "write_site")):
        try:
            found = getattr(importlib.import_module(module), name, None)
        except ImportError:
            found = None
        if found is not None:
            return found
    return None


def run(table: Table) -> None:
    """Render the reference model's site into an empty folder (cold), then again unchanged (warm)."""
    write = render_all()
    if write is None:
        table.note("rendering: site cold / warm", "skipped: no render-all function in opcc_model.render yet")
        return
    model = opcc_model.load(opcc_model.reference_root())
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "site")
        t_cold, _ = best(lambda: write(model, out))
        table.add("rendering: whole site, cold", t_cold, "s")
        t_warm, _ = best(lambda: write(model, out))
        table.add("rendering: whole site, nothing changed", t_warm, "s", baseline=("cold", t_cold))
