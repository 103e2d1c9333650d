"""Load a model as it was in a git revision (``git archive`` into a temporary folder).

>>> load_at_revision("/no/such/folder", "HEAD")
Traceback (most recent call last):
...
opcc_model.scenario.revision.RevisionError: cannot read the model at revision 'HEAD': /no/such/folder is not a folder
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from opcc_model.errors import OpccError
from opcc_model.loader import load
from opcc_model.model import Model

__all__ = ["RevisionError", "load_at_revision"]


class RevisionError(OpccError):
    """The model could not be read from a git revision (no git, not a repository, no such revision)."""


def _git(folder: str, *args: str) -> bytes:
    git = shutil.which("git")
    if git is None:
        raise RevisionError("cannot compare with a git revision: the git command is not installed")
    done = subprocess.run([git, "-C", folder, *args], capture_output=True, check=False)  # noqa: S603
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(f"git {args[0]} failed: {reason[0] if reason else 'exit ' + str(done.returncode)}")
    return done.stdout


def load_at_revision(path: str | os.PathLike[str], revision: str, /) -> Model:
    """The model at ``path`` (a folder in a git work tree) as it was in ``revision``."""
    folder = os.fspath(path)
    if not os.path.isdir(folder):
        raise RevisionError(f"cannot read the model at revision '{revision}': {folder} is not a folder")
    if revision.startswith("-"):
        raise RevisionError(f"expected a git revision, found '{revision}'")
    prefix = _git(folder, "rev-parse", "--show-prefix").decode().strip()
    top = _git(folder, "rev-parse", "--show-toplevel").decode().strip()
    try:
        _git(top, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
    except RevisionError:
        raise RevisionError(f"'{revision}' is not a commit of the repository at {top}") from None
    pathspec = [prefix] if prefix else []
    try:
        archive = _git(top, "archive", "--format=tar", revision, "--", *pathspec)
    except RevisionError as exc:
        raise RevisionError(f"the folder {prefix or '.'} is not in revision '{revision}' ({exc})") from None
    with tempfile.TemporaryDirectory(prefix="opcc-rev-") as temp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(temp, filter="data")
        root = Path(temp, prefix)
        if not root.is_dir():
            raise RevisionError(f"the folder {prefix or '.'} is not in revision '{revision}'")
        return load(root)
