"""Findings: what the queries return, and the registry of finding codes.

A :class:`Finding` is a frozen value. Every code is registered once with
:func:`rule`, with its severity and a docstring that is its documentation.

>>> f = Finding(code="OPCC-G101", severity="error", subject=("a",), message="Nobody is accountable for A.")
>>> f.sort_key()[:2]
('', 0)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict

from opcc_model.location import Location

__all__ = ["Severity", "SEVERITIES", "Finding", "Rule", "RULES", "rule", "severity_rank"]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


def severity_rank(severity: str) -> int:
    """0 for error, 1 for warning, 2 for info (lower is worse).

    >>> [severity_rank(s) for s in SEVERITIES]
    [0, 1, 2]
    """
    return SEVERITIES.index(severity)  # type: ignore[arg-type]


class Finding(BaseModel):
    """One thing a query found, in one plain sentence, with where to fix it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    severity: Severity
    subject: tuple[str, ...]
    message: str
    location: Location | None = None
    area: str | None = None
    waived: bool = False
    reason: str | None = None

    def sort_key(self) -> tuple[str, int, int, str, str, tuple[str, ...], str]:
        """Sort by file, line, column, then code and subject (as yamllint and sqlfluff do), then message.

        The message last: two findings of one code at one place about one subject (a
        decision that breaks two scheme rules) keep one order in every process.
        """
        loc = self.location
        return (loc.file if loc else "", loc.line if loc else 0, loc.column if loc else 0, self.code, self.area or "",
                self.subject, self.message)

    def to_json(self) -> dict[str, object]:
        """The JSON object of DESIGN.md: code, severity, subject, message, location, area, waived (and reason).

        >>> Finding(code="OPCC-D101", severity="info", subject=("a", "b"), message="m").to_json()["subject"]
        ['a', 'b']
        """
        data: dict[str, object] = {
            "code": self.code,
            "severity": self.severity,
            "subject": list(self.subject),
            "message": self.message,
            "location": str(self.location) if self.location else None,
            "area": self.area,
            "waived": self.waived,
        }
        if self.reason is not None:
            data["reason"] = self.reason
        return data


@dataclass(frozen=True)
class Rule:
    """A registered finding code: its default severity, a title, and its documentation."""

    code: str
    severity: Severity
    title: str
    doc: str


RULES: dict[str, Rule] = {}
"""Every finding code, registered once by :func:`rule`."""

F = TypeVar("F", bound=Callable[..., object])


def rule(code: str, severity: Severity, title: str) -> Callable[[F], F]:
    """Register ``code`` with its severity and title; the decorated function's docstring documents it.

    >>> @rule("OPCC-X999", "info", "an example")
    ... def example():
    ...     '''Fires never.'''
    >>> RULES.pop("OPCC-X999").doc
    'Fires never.'
    """

    def register(function: F) -> F:
        if code in RULES:
            raise ValueError(f"finding code {code} is registered twice")
        RULES[code] = Rule(code, severity, title, (function.__doc__ or "").strip())
        return function

    return register
