"""One rebuild of a served site: load the model (re-reading only changed files), write only the files that changed.

The model is loaded through the cache (:func:`opcc_model.cache.load_cached`), which
re-reads and re-validates only the files whose bytes changed. The site is planned with
the served folder as the previous build, so a diagram whose DOT is unchanged keeps its
SVG (the layout stamp of :mod:`opcc_model.render.site.diagrams`) and only the diagrams
whose DOT changed are laid out again. Every page is rendered again in memory, but only
files whose bytes differ are written (each atomically) and files no longer in the site
are removed. A model that fails to load leaves the folder as it was and reports its
located errors.

>>> import opcc_model, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> first = rebuild(opcc_model.example_root("minimal"), folder, diagrams=False)
>>> first.errors, "index.html" in first.written
((), True)
>>> again = rebuild(opcc_model.example_root("minimal"), folder, diagrams=False)
>>> again.written, again.removed
((), ())
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from opcc_model.atomic import write_bytes
from opcc_model.cache import load_cached
from opcc_model.config import load_settings
from opcc_model.errors import ModelLoadError, OpccError
from opcc_model.plan import load_plans
from opcc_model.render.site import plan_site, site_files

__all__ = ["Rebuild", "rebuild"]


@dataclass(frozen=True)
class Rebuild:
    """What one rebuild did: the files written and removed (site paths), or the errors that stopped it."""

    written: tuple[str, ...] = ()
    """Site paths whose bytes changed (or are new), written in place."""
    removed: tuple[str, ...] = ()
    """Site paths of the previous build that the new site no longer has."""
    errors: tuple[str, ...] = ()
    """Located errors (``file:line:col: message``) when the model, its plans or settings did not load."""

    @property
    def ok(self) -> bool:
        """Whether the site was rebuilt (no errors).

        >>> Rebuild().ok, Rebuild(errors=("a.yaml:1:1: bad",)).ok
        (True, False)
        """
        return not self.errors


def _current(folder: Path) -> dict[str, Path]:
    """The files now in ``folder`` by site path (``/``-separated)."""
    found: dict[str, Path] = {}
    for base, _, names in os.walk(folder):
        for name in names:
            path = Path(base) / name
            found[path.relative_to(folder).as_posix()] = path
    return found


def rebuild(root: str | os.PathLike[str], folder: str | os.PathLike[str], /, *, area: str | None = None,
            diagrams: bool = True) -> Rebuild:
    """Build the site of the model at ``root`` into ``folder`` in place, writing only what changed.

    Returns the errors (and writes nothing) when the model, its plans or its settings do not load.
    """
    out = Path(folder)
    try:
        model = load_cached(root)
        plans = load_plans(root, model)
        settings = load_settings(root)
        site = plan_site(model, area=area, diagrams=diagrams, settings=settings, plans=plans,
                         reuse=out if out.is_dir() else None)
        files = site_files(site)
    except ModelLoadError as exc:
        return Rebuild(errors=tuple(map(str, exc.issues)) or (str(exc),))
    except OpccError as exc:
        return Rebuild(errors=(str(exc),))
    present = _current(out) if out.is_dir() else {}
    written: list[str] = []
    for path, data in files.items():
        existing = present.get(path)
        if existing is not None:
            try:
                if existing.read_bytes() == data:
                    continue
            except OSError:
                pass
        write_bytes(out / path, data)
        written.append(path)
    removed = sorted(path for path in present if path not in files)
    for path in removed:
        present[path].unlink(missing_ok=True)
    return Rebuild(written=tuple(written), removed=tuple(removed))
