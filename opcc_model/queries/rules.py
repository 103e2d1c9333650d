"""The runnable checks behind the finding codes: a registry of model-wide and per-area rules.

Each check is registered with :func:`check_rule`, which also registers its code in
:data:`opcc_model.findings.RULES` (the docstring is the code's documentation).

>>> sorted(CHECKS)[:2]
['OPCC-D101', 'OPCC-D102']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal

from opcc_model.findings import RULES, Finding, Severity, rule
from opcc_model.location import Location

__all__ = ["Scope", "Check", "CHECKS", "check_rule", "finding"]

Scope = Literal["model", "area"]


@dataclass(frozen=True)
class Check:
    """A registered check: its code, whether it runs once or per area, and the function."""

    code: str
    scope: Scope
    function: Callable[..., Iterable[Finding]]
    dated: bool = False
    """Whether the check depends on the date: it is then called with ``on=`` a :class:`datetime.date`."""


CHECKS: dict[str, Check] = {}
"""Every runnable check by code; ``scope == "area"`` ones take ``(model, area)``."""


def check_rule(code: str, severity: Severity, title: str, *, scope: Scope, dated: bool = False) -> Callable[[Any], Any]:
    """Register a check (and its finding code) that runs once per model or once per area.

    A ``dated`` check depends on the date: :func:`opcc_model.check` calls it with ``on=`` the date.
    """

    def register(function: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        rule(code, severity, title)(function)
        CHECKS[code] = Check(code, scope, function, dated)
        return function

    return register


def finding(
    code: str, subject: Iterable[str], message: str, location: Location | None, area: str | None = None
) -> Finding:
    """A finding of a registered ``code`` with its default severity.

    >>> import opcc_model.queries.gaps
    >>> finding("OPCC-G101", ["a"], "Nobody is accountable for 'A' (a).", None).severity
    'error'
    """
    # the values are the checks' own (a registered code, its severity, strings, a Location): the value is
    # built as the cache builds model objects, without validating again (tens of thousands per national check)
    made = _new(Finding)
    _set(made, "__dict__", {"code": code, "severity": RULES[code].severity, "subject": tuple(subject),
                            "message": message, "location": location, "area": area, "waived": False, "reason": None})
    _set(made, "__pydantic_fields_set__", _SET_FIELDS)
    _set(made, "__pydantic_extra__", None)
    _set(made, "__pydantic_private__", None)
    return made


_new = object.__new__
_set = object.__setattr__
_SET_FIELDS = {"code", "severity", "subject", "message", "location", "area"}
