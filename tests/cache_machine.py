"""A base for state machines that edit a copy of the minimal model under a private cache folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from types import ModuleType

from hypothesis.stateful import RuleBasedStateMachine

from tests.editing import copy_minimal

__all__ = ["CachedCopyMachine", "WINDOW_NS"]

WINDOW_NS = 50_000_000
"""The racy window used in these machines: far above a file-system clock tick (a few ms), short enough to wait out."""


class CachedCopyMachine(RuleBasedStateMachine):
    """A writable copy of the minimal model (``self.root``, the process file ``self.path``),
    its own cache folder, and the ``RACY_NS`` of :attr:`racy_module` set to :data:`WINDOW_NS`;
    all restored and removed at teardown."""

    racy_module: ModuleType
    process = "processes/engage-consult/conduct-stakeholder-analysis.yaml"

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="opcc-machine-"))
        self.root = copy_minimal(self.folder)
        self.path = self.root / self.process
        self.saved = {name: os.environ.get(name) for name in ("OPCC_CACHE_DIR", "OPCC_NO_CACHE")}
        os.environ["OPCC_CACHE_DIR"] = str(self.folder / "cache")
        os.environ.pop("OPCC_NO_CACHE", None)
        self.window = self.racy_module.RACY_NS
        self.racy_module.RACY_NS = WINDOW_NS

    def teardown(self) -> None:
        for name, value in self.saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        self.racy_module.RACY_NS = self.window
        shutil.rmtree(self.folder, ignore_errors=True)
