"""Build the whole site: every page, the static files, the RACI CSVs; written into place atomically.

>>> import opcc_model, tempfile, pathlib
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> out = build_site(model, pathlib.Path(tempfile.mkdtemp()) / "site", diagrams=False)
>>> (out / "activity-agree-outcomes.html").is_file(), (out / "raci-example-area.csv").is_file()
(True, True)
"""

from __future__ import annotations

import datetime

import os
import shutil
import tempfile
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from opcc_model.config import Settings
from opcc_model.errors import OpccError
from opcc_model.model import Model
from opcc_model.plan.model import Plan
from opcc_model.render.site import pages
from opcc_model.render.site.context import Site, plan_site
from opcc_model.render.site.paths import csv_path, page_path
from opcc_model.render.site.raci import raci_csv

__all__ = ["MARKER", "site_files", "build_site"]

MARKER = ".opcc-site"
"""A file at the root of every built site: ``build_site`` replaces only folders that hold it (or empty ones)."""

_STATIC = ("site.css", "site.js", "favicon.svg")


def _static() -> dict[str, bytes]:
    folder = resources.files("opcc_model.render.site") / "static"
    return {f"static/{name}": (folder / name).read_bytes() for name in _STATIC}


def site_files(site: Site, /) -> dict[str, bytes]:
    """Every file of the site as ``{relative path: bytes}``, sorted by path (nothing is written).

    >>> import opcc_model
    >>> files = site_files(plan_site(opcc_model.load(opcc_model.example_root("minimal")), diagrams=False))
    >>> [p for p in files if p.endswith(".csv")]
    ['raci-example-area.csv']
    """
    model = site.model
    text: dict[str, str] = {
        page_path("index"): pages.render_home(site),
        page_path("value-chain"): pages.render_value_chain(site),
        page_path("dependencies"): pages.render_dependencies(site),
        page_path("glossary"): pages.render_glossary(site),
        page_path("search"): pages.render_search(site),
        page_path("findings"): pages.render_findings(site),
        page_path("timeline"): pages.render_timeline(site),
    }
    for stage in model.stages:
        text[page_path("stage", stage.id)] = pages.render_stage(site, stage.id)
    for process in model.processes:
        text[page_path("process", process.id)] = pages.render_process(site, process.id)
    for activity in model.activities:
        text[page_path("activity", activity.id)] = pages.render_activity(site, activity.id)
    for role in model.roles:
        text[page_path("role", role.id)] = pages.render_role(site, role.id)
    for artifact in model.artifacts:
        text[page_path("artifact", artifact.id)] = pages.render_artifact(site, artifact.id)
    for boundary in site.areas:
        text[page_path("area", boundary.area)] = pages.render_area(site, boundary.area)
        text[page_path("raci", boundary.area)] = pages.render_raci(site, boundary.area)
        text[csv_path(boundary.area)] = raci_csv(model, area=boundary.area)
    for plan in site.plans:
        text[page_path("plan", plan.id)] = pages.render_plan(site, plan.id)
    for name, svg in site.diagrams.items():
        text[f"{name}.svg"] = svg
    files = {path: content.encode("utf-8") for path, content in text.items()}
    files.update(_static())
    files[MARKER] = b"opcc-model site\n"
    return dict(sorted(files.items()))


def _replaceable(out: Path) -> bool:
    return not out.exists() or (out.is_dir() and ((out / MARKER).is_file() or not any(out.iterdir())))


def build_site(
    model: Model,
    out: str | os.PathLike[str],
    /,
    *,
    area: str | None = None,
    diagrams: bool = True,
    settings: Settings | None = None,
    plans: Iterable[Plan] = (),
    on: datetime.date | None = None,
) -> Path:
    """Write the site of ``model`` into the folder ``out`` and return it.

    The whole site is written into a temporary folder next to ``out``, then moved into
    place: a failure part-way leaves the previous site (or nothing). ``area`` limits the
    area pages to one force area; ``diagrams=False`` leaves the diagram slots empty.
    Rebuilding a site lays out only the diagrams whose DOT source (or Graphviz) changed.
    ``settings`` (severities) and ``plans`` (a page each, and their findings) go to
    :func:`~opcc_model.render.site.context.plan_site`.

    Raises :class:`~opcc_model.errors.OpccError` when ``out`` is a file or a folder
    that is not a site this function built (it is never deleted).
    """
    target = Path(out)
    if not _replaceable(target):
        raise OpccError(
            f"{target}: expected an empty folder or a site built by opcc, found other files (not replacing them)"
        )
    previous = target if (target / MARKER).is_file() else None
    files = site_files(
        plan_site(model, area=area, diagrams=diagrams, settings=settings, plans=plans, reuse=previous, on=on)
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        for path, data in files.items():
            file = staging / path
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(data)
        staging.chmod(0o755)
        if not target.exists():
            os.replace(staging, target)
            return target
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
        os.replace(target, old / "site")
        try:
            os.replace(staging, target)
        except BaseException:
            os.replace(old / "site", target)
            raise
        finally:
            if not (old / "site").exists() or target.exists():
                shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
