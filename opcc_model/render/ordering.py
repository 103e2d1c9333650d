"""The orders tables and diagrams share: roles by side, then by file order."""

from __future__ import annotations

from opcc_model.model import SIDES, Model

__all__ = ["roles_in_order"]


def roles_in_order(model: Model, /) -> list[str]:
    """Role ids in side order (:data:`~opcc_model.model.SIDES`), then file order.

    >>> import opcc_model
    >>> roles_in_order(opcc_model.load(opcc_model.example_root("minimal")))
    ['pcc', 'opcc-chief-executive', 'cc', 'pcp', 'csp']
    """
    return [r.id for side in SIDES for r in model.roles if r.side == side]
