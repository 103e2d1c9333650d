"""Build the whole site: every page, the static files, the RACI CSVs; each file written atomically, the manifest last.

>>> import opcc_model, tempfile, pathlib
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> out = build_site(model, pathlib.Path(tempfile.mkdtemp()) / "site", diagrams=False)
>>> (out / "activity-agree-outcomes.html").is_file(), (out / "raci-example-area.csv").is_file()
(True, True)
"""

from __future__ import annotations

import datetime

import os
import re
import shutil
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from opcc_model.config import Settings
from opcc_model.errors import OpccError, RenderUnavailable
from opcc_model.model import Model
from opcc_model.plan.model import Plan
from opcc_model.render.manifest import Output, sha256_of
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


class _EncodedPages:
    """``pages[path] = text`` stores ``text`` encoded as UTF-8 (never both the text and its bytes)."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def __setitem__(self, path: str, content: str) -> None:
        self.files[path] = content.encode("utf-8")


def site_files(site: Site, /) -> dict[str, bytes]:
    """Every file of the site as ``{relative path: bytes}``, sorted by path (nothing is written).

    >>> import opcc_model
    >>> files = site_files(plan_site(opcc_model.load(opcc_model.example_root("minimal")), diagrams=False))
    >>> [p for p in files if p.endswith(".csv")]
    ['raci-example-area.csv']
    """
    model = site.model
    text = _EncodedPages()  # each page kept as bytes only, encoded as it is made (a national site holds 90,000 pages)
    text[page_path("index")] = pages.render_home(site)
    text[page_path("value-chain")] = pages.render_value_chain(site)
    text[page_path("dependencies")] = pages.render_dependencies(site)
    text[page_path("glossary")] = pages.render_glossary(site)
    text[page_path("search")] = pages.render_search(site)
    text[page_path("findings")] = pages.render_findings(site)
    text[page_path("timeline")] = pages.render_timeline(site)
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
        text[page_path("transition", boundary.area)] = pages.render_transition(site, boundary.area)
        text[csv_path(boundary.area)] = raci_csv(model, area=boundary.area)
    for plan in site.plans:
        text[page_path("plan", plan.id)] = pages.render_plan(site, plan.id)
    for name, svg in site.diagrams.items():
        text[f"{name}.svg"] = svg
    files = text.files
    files.update(_static())
    files[MARKER] = b"opcc-model site\n"
    return dict(sorted(files.items()))


_PUBLISHING = frozenset({".git", "CNAME", ".nojekyll"})
"""What a folder may hold, besides a site, for ``build_site`` to build into it (a GitHub Pages checkout)."""


def _replaceable(out: Path) -> bool:
    if not out.exists():
        return True
    return out.is_dir() and ((out / MARKER).is_file() or all(p.name in _PUBLISHING for p in out.iterdir()))


def _restore_interrupted_swap(target: Path) -> None:
    """Earlier versions swapped whole folders: put back a site a kill left as ``.<name>.XXXXXXXX.old/site``."""
    if target.exists() or not target.parent.is_dir():
        return
    for old in sorted(target.parent.glob(f".{target.name}.*.old")):
        if (old / "site" / MARKER).is_file():
            os.replace(old / "site", target)
            return


def _remove_swap_debris(target: Path) -> None:
    """Remove the ``.<name>.XXXXXXXX.tmp`` / ``.old`` folders an interrupted swap of earlier versions left."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.[A-Za-z0-9_]{{8}}\.(?:tmp|old)$")
    for path in target.parent.iterdir():
        if pattern.match(path.name) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


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

    Every page is computed first; then each file that changed is written atomically, the
    files an earlier build wrote and this one no longer has are removed, and the manifest
    (:mod:`opcc_model.render.manifest`) is written last. Files the site did not write (a
    ``.git``, a ``CNAME``, your notes) are kept. ``area`` limits the area pages to one
    force area; ``diagrams=False`` leaves the diagram slots empty. Rebuilding a site lays
    out only the diagrams whose DOT source (or Graphviz) changed. ``settings``
    (severities) and ``plans`` (a page each, and their findings) go to
    :func:`~opcc_model.render.site.context.plan_site`.

    A diagram that cannot be laid out (or times out) is shown as a note saying so, the rest
    of the site is written, and :class:`~opcc_model.errors.RenderUnavailable` is raised last.
    Raises :class:`~opcc_model.errors.OpccError` when ``out`` is a file or a folder
    that is not a site this function built (holding more than ``.git``, ``CNAME`` and
    ``.nojekyll``); nothing in it is touched.
    """
    target = Path(out)
    _restore_interrupted_swap(target)
    if not _replaceable(target):
        raise OpccError(
            f"{target}: expected an empty folder or a site built by opcc, found other files (not replacing them)"
        )
    previous = target if (target / MARKER).is_file() else None
    site = plan_site(model, area=area, diagrams=diagrams, settings=settings, plans=plans, reuse=previous, on=on)
    files = site_files(site)
    _remove_swap_debris(target) if target.parent.is_dir() else None
    with Output(target, "site") as output:
        keys = {path: sha256_of(data) for path, data in files.items()}
        todo = [path for path in files if not output.is_current(path, keys[path])]
        stale = [path for path in output.owned() if path not in files]
        if todo or stale:
            output.begin(todo)
            for path in files:
                if path in todo:
                    output.write(path, files[path], key=keys[path])
                else:
                    output.keep(path)
            output.remove(stale)
            output.finish()
    if site.failures:
        raise RenderUnavailable(
            f"{target}: the site is written, but {len(site.failures)} diagrams could not be laid out "
            "(shown as a note on their pages): " + "; ".join(site.failures)
        )
    return target
