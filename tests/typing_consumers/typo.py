"""A consumer with a typo (``opcc_model.chek``): mypy --strict and pyright must both reject it."""

from __future__ import annotations

from pathlib import Path

import opcc_model


def use_a_misspelt_name(root: Path) -> int:
    return len(opcc_model.chek(opcc_model.load(root)))
