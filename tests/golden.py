"""Golden files: compare output with a committed file; ``OPCC_UPDATE_GOLDEN=1`` rewrites it instead."""

from __future__ import annotations

import os
from pathlib import Path


def assert_golden(path: Path, actual: str) -> None:
    """Assert ``actual`` equals the golden file ``path`` (written first when ``OPCC_UPDATE_GOLDEN=1``)."""
    if os.environ.get("OPCC_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}; run with OPCC_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"{path} differs; run with OPCC_UPDATE_GOLDEN=1 after a deliberate change"
