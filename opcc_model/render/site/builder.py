"""Build the whole site: every page, the static files, the RACI CSVs; each file written atomically, the manifest last.

>>> import opcc_model, tempfile, pathlib
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> out = build_site(model, pathlib.Path(tempfile.mkdtemp()) / "site", diagrams=False)
>>> (out / "activity-agree-outcomes.html").is_file(), (out / "raci-example-area.csv").is_file()
(True, True)
"""

from __future__ import annotations

import contextlib
import datetime

import os
import re
import shutil
import sys
from collections.abc import Callable, Generator, Iterable
from importlib import resources
from pathlib import Path

from opcc_model.config import Settings
from opcc_model.errors import OpccError, RenderUnavailable
from opcc_model.model import Model
from opcc_model.plan.model import Plan
from opcc_model.render.manifest import Output, sha256_of
from opcc_model.render.site import pages
from opcc_model.render.site.context import Site, plan_site
from opcc_model.render.site.paths import csv_path, page_path, role_csv_path
from opcc_model.render.site.raci import raci_csv, role_csv

__all__ = ["MARKER", "planned_files", "site_files", "build_site"]

MARKER = ".opcc-site"
"""A file at the root of every built site: ``build_site`` replaces only folders that hold it (or empty ones)."""

_STATIC = ("site.css", "site.js", "favicon.svg")


def _static() -> dict[str, bytes]:
    folder = resources.files("opcc_model.render.site") / "static"
    return {f"static/{name}": (folder / name).read_bytes() for name in _STATIC}


def _page(render: Callable[..., str], site: Site, *key: str) -> Callable[[], bytes]:
    return lambda: render(site, *key).encode("utf-8")


def _constant(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def _csv(model: Model, area: str) -> Callable[[], bytes]:
    return lambda: raci_csv(model, area=area).encode("utf-8")


def _role_csv(site: Site, role_id: str) -> Callable[[], bytes]:
    return lambda: role_csv(site.model, role_id, site.duties(role_id)).encode("utf-8")


def _svg(site: Site, name: str) -> Callable[[], bytes]:
    return lambda: site.diagrams[name].encode("utf-8")


def planned_files(site: Site, /) -> list[tuple[str, Callable[[], bytes]]]:
    """Every file of the site as ``(relative path, make)``, sorted by path; ``make()`` returns its bytes.

    Nothing is rendered until ``make`` is called, so a caller can write each file as it is made
    and hold one page at a time (a national site has 90,000 pages).

    >>> import opcc_model
    >>> planned = planned_files(plan_site(opcc_model.load(opcc_model.example_root("minimal")), diagrams=False))
    >>> [path for path, _ in planned][:2], dict(planned)[".opcc-site"]()
    (['.opcc-site', 'activity-agree-outcomes.html'], b'opcc-model site\\n')
    """
    model = site.model
    files: dict[str, Callable[[], bytes]] = {
        page_path("index"): _page(pages.render_home, site),
        page_path("value-chain"): _page(pages.render_value_chain, site),
        page_path("dependencies"): _page(pages.render_dependencies, site),
        page_path("glossary"): _page(pages.render_glossary, site),
        page_path("search"): _page(pages.render_search, site),
        page_path("findings"): _page(pages.render_findings, site),
        page_path("timeline"): _page(pages.render_timeline, site),
    }
    for stage in model.stages:
        files[page_path("stage", stage.id)] = _page(pages.render_stage, site, stage.id)
    for process in model.processes:
        files[page_path("process", process.id)] = _page(pages.render_process, site, process.id)
    for activity in model.activities:
        files[page_path("activity", activity.id)] = _page(pages.render_activity, site, activity.id)
    for role in model.roles:
        files[page_path("role", role.id)] = _page(pages.render_role, site, role.id)
        if pages.role_over_limit(site, role.id):
            files[role_csv_path(role.id)] = _role_csv(site, role.id)
    for artifact in model.artifacts:
        files[page_path("artifact", artifact.id)] = _page(pages.render_artifact, site, artifact.id)
    for boundary in site.areas:
        files[page_path("area", boundary.area)] = _page(pages.render_area, site, boundary.area)
        files[page_path("raci", boundary.area)] = _page(pages.render_raci, site, boundary.area)
        files[page_path("transition", boundary.area)] = _page(pages.render_transition, site, boundary.area)
        files[csv_path(boundary.area)] = _csv(model, boundary.area)
    for plan in site.plans:
        files[page_path("plan", plan.id)] = _page(pages.render_plan, site, plan.id)
    for name in site.diagrams:
        files[f"{name}.svg"] = _svg(site, name)
    for path, data in _static().items():
        files[path] = _constant(data)
    files[MARKER] = _constant(b"opcc-model site\n")
    return sorted(files.items())


def site_files(site: Site, /) -> dict[str, bytes]:
    """Every file of the site as ``{relative path: bytes}``, sorted by path (nothing is written).

    Holds the whole site in memory: :func:`build_site` writes each file as it is made instead
    (:func:`planned_files`).

    >>> import opcc_model
    >>> files = site_files(plan_site(opcc_model.load(opcc_model.example_root("minimal")), diagrams=False))
    >>> [p for p in files if p.endswith(".csv")]
    ['raci-example-area.csv']
    """
    return {path: make() for path, make in planned_files(site)}


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


PARALLEL_FILES = 2000
"""A site of more files than this has its pages made by worker processes, one per core (Linux: forked)."""

_WINDOW = 256
"""Pages handed to the workers at a time (three windows in flight)."""

_PLANNED: list[tuple[str, Callable[[], bytes]]] = []
"""The files being made, as the forked page workers inherit them."""


def _make(index: int) -> bytes:
    """In a page worker: the bytes of the ``index``-th planned file."""
    return _PLANNED[index][1]()


def _page_worker(parent: int) -> None:
    """A page worker ignores Ctrl-C (the parent stops it) and ends when its parent is gone (killed -9)."""
    import signal
    import threading
    import time

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _made(site: Site, planned: list[tuple[str, Callable[[], bytes]]], jobs: int) -> Generator[bytes, None, None]:
    """The bytes of each planned file, in order: made here, or by ``jobs`` forked workers for a large site.

    The workers are forked once the site is planned (its findings and diagrams computed),
    so each inherits it and only the pages' bytes travel back. Where ``fork`` is not the
    platform's way (Windows, macOS), or for a small site, the pages are made here.
    """
    if jobs < 2 or len(planned) <= PARALLEL_FILES or not sys.platform.startswith("linux"):
        for _, make in planned:
            yield make()
        return
    import collections
    import gc
    import multiprocessing
    import multiprocessing.pool

    global _PLANNED
    _PLANNED = planned
    site.warm()  # the workers inherit the indexes the pages read instead of each building its own
    # frozen out of the collector's walks, here and in the workers, while the pages are made:
    # a collection would write to every object's header and unshare the memory the workers share
    gc.freeze()
    try:
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_page_worker, initargs=(os.getpid(),))
    except BaseException:
        gc.unfreeze()
        raise
    try:
        # a few windows of pages in flight at a time: the workers never run far ahead of the writing here
        windows: collections.deque[multiprocessing.pool.MapResult[bytes]] = collections.deque()
        for start in range(0, len(planned), _WINDOW):
            windows.append(pool.map_async(_make, range(start, min(len(planned), start + _WINDOW)), chunksize=16))
            if len(windows) > 2:
                yield from windows.popleft().get()
        while windows:
            yield from windows.popleft().get()
        pool.close()
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.join()
        gc.unfreeze()
        _PLANNED = []


def _write_each(output: Output, site: Site, planned: list[tuple[str, Callable[[], bytes]]], jobs: int) -> None:
    """Make each file and write it if it changed, one at a time; the pending manifest before the first write, the final one last."""
    paths = [path for path, _ in planned]
    produced = set(paths)
    stale = [path for path in output.owned() if path not in produced]
    begun = False
    with contextlib.closing(_made(site, planned, jobs)) as made:
        for index, (path, data) in enumerate(zip(paths, made)):
            key = sha256_of(data)
            if output.is_current(path, key):
                output.keep(path)
                continue
            if not begun:  # claimed before any is written: this file and every one not yet made
                output.begin(paths[index:])
                begun = True
            output.write(path, data, key=key)
    if begun or stale:
        output.remove(stale)
        output.finish()


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
    jobs: int | None = None,
) -> Path:
    """Write the site of ``model`` into the folder ``out`` and return it.

    The site's findings and diagrams are computed first; then each page is made and, if it
    changed, written atomically (one page held at a time), the
    files an earlier build wrote and this one no longer has are removed, and the manifest
    (:mod:`opcc_model.render.manifest`) is written last. Files the site did not write (a
    ``.git``, a ``CNAME``, your notes) are kept. ``area`` limits the area pages to one
    force area; ``diagrams=False`` leaves the diagram slots empty. Rebuilding a site lays
    out only the diagrams whose DOT source (or Graphviz) changed. ``settings``
    (severities) and ``plans`` (a page each, and their findings) go to
    :func:`~opcc_model.render.site.context.plan_site`. ``jobs``: processes making the pages
    of a site of more than :data:`PARALLEL_FILES` files (default: one per core; ``1`` makes
    them in this process, using the least memory).

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
    planned = planned_files(site)
    _remove_swap_debris(target) if target.parent.is_dir() else None
    with Output(target, "site") as output:
        _write_each(output, site, planned, jobs or os.cpu_count() or 1)
    if site.failures:
        raise RenderUnavailable(
            f"{target}: the site is written, but {len(site.failures)} diagrams could not be laid out "
            "(shown as a note on their pages): " + "; ".join(site.failures)
        )
    return target
