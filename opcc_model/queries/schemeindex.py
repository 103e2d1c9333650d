"""What the scheme checks and queries share: an area's people, its principals, chains of delegation, the check date.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.reference_root())
>>> area_sides(model, "example-england")["pcc"]
'commissioner'
>>> principal_id(model, "commissioner")
'pcc'
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from datetime import date

from opcc_model.model import Model, Side
from opcc_model.scheme import Delegation

__all__ = [
    "as_of",
    "checking_on",
    "area_sides",
    "area_names",
    "principal_id",
    "consenter",
    "covers",
    "delegations_from",
]

_AS_OF: contextvars.ContextVar[date | None] = contextvars.ContextVar("opcc_as_of", default=None)


def as_of() -> date:
    """The day the date-dependent checks run for: set by :func:`checking_on`, else today.

    >>> with checking_on(date(2026, 1, 31)):
    ...     as_of()
    datetime.date(2026, 1, 31)
    """
    return _AS_OF.get() or date.today()


class checking_on:  # noqa: N801 - used as a context manager, reads as a phrase
    """Run the checks inside the ``with`` block as on the day ``on`` (``None``: today)."""

    def __init__(self, on: date | None) -> None:
        self._on = on
        self._token: contextvars.Token[date | None] | None = None

    def __enter__(self) -> None:
        self._token = _AS_OF.set(self._on)

    def __exit__(self, *_: object) -> None:
        if self._token is not None:
            _AS_OF.reset(self._token)


def area_sides(model: Model, area: str, /) -> dict[str, Side]:
    """Every role and named officer of ``area`` with its side (officers after the shared roles)."""

    def build(m: Model) -> dict[str, Side]:
        sides: dict[str, Side] = {r.id: r.side for r in m.roles}
        sides.update({o.id: o.side for o in m.boundary(area).officers})
        return sides

    return model.memo(f"s:sides:{area}", build)


def area_names(model: Model, area: str, /) -> dict[str, str]:
    """Every role and named officer of ``area`` with its name."""

    def build(m: Model) -> dict[str, str]:
        names = {r.id: r.name for r in m.roles}
        names.update({o.id: o.name for o in m.boundary(area).officers})
        return names

    return model.memo(f"s:names:{area}", build)


def principal_id(model: Model, side: str, /) -> str | None:
    """The id of the principal role of ``side`` (``None`` for a side with no principal)."""
    found = model.principals().get(side)  # type: ignore[call-overload]
    return found.id if found is not None else None


def consenter(model: Model, consent_by: str | None, /) -> str | None:
    """The role id a ``consent_by`` names: ``commissioner`` stands for that side's principal.

    >>> import opcc_model
    >>> consenter(opcc_model.load(opcc_model.reference_root()), "commissioner")
    'pcc'
    """
    if consent_by in ("commissioner", "chief-constable"):
        return principal_id(model, consent_by)
    return consent_by


def covers(prefix: str, code: str, /) -> bool:
    """Whether the code ``prefix`` is ``code`` or one of its ancestors.

    >>> covers("1.3", "1.3.4"), covers("1.3", "1.30"), covers("1.3.4", "1.3")
    (True, False, False)
    """
    return code == prefix or code.startswith(prefix + ".")


def delegations_from(model: Model, area: str, role: str, code: str, on: date | None, /) -> Iterator[Delegation]:
    """The delegations of ``area`` in force on ``on`` (any day for ``None``) by ``role`` covering ``code``."""
    for delegation in model.boundary(area).delegations:
        if delegation.by == role and covers(delegation.pag, code) and (on is None or delegation.in_force(on)):
            yield delegation
