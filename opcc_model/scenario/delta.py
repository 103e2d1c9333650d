"""Before and after a scenario: which findings are new, resolved or unchanged; which items appear or go.

>>> from opcc_model.findings import Finding
>>> a = Finding(code="OPCC-G101", severity="error", subject=("x",), message="Nobody is accountable for x.")
>>> b = Finding(code="OPCC-O101", severity="error", subject=("2.3",), message="2.3 twice.", area="ab")
>>> d = findings_delta([a], [b])
>>> [f.code for f in d.new], [f.code for f in d.resolved], d.unchanged
(['OPCC-O101'], ['OPCC-G101'], ())
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from opcc_model.findings import Finding

__all__ = ["FindingsDelta", "ItemsDelta", "findings_delta", "items_delta", "finding_key"]

T = TypeVar("T")


class FindingsDelta(BaseModel):
    """Findings the change introduces (``new``), removes (``resolved``) and leaves (``unchanged``)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    new: tuple[Finding, ...] = ()
    resolved: tuple[Finding, ...] = ()
    unchanged: tuple[Finding, ...] = ()

    def to_json(self) -> dict[str, list[dict[str, object]]]:
        """The three lists as JSON objects (each finding as :meth:`Finding.to_json`)."""
        return {name: [f.to_json() for f in getattr(self, name)] for name in ("new", "resolved", "unchanged")}


class ItemsDelta(BaseModel, Generic[T]):
    """Items that ``appear`` after a change and items that ``disappear``, in a stable order."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    appear: tuple[T, ...] = ()
    disappear: tuple[T, ...] = ()


def finding_key(finding: Finding, /) -> tuple[str, tuple[str, ...], str]:
    """What makes two findings "the same" across models: code, subject and area (not message or line).

    >>> finding_key(Finding(code="OPCC-D101", severity="info", subject=("a", "b"), message="m"))
    ('OPCC-D101', ('a', 'b'), '')
    """
    return (finding.code, finding.subject, finding.area or "")


def _sorted(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: (finding_key(f), f.sort_key())))


def findings_delta(before: Sequence[Finding], after: Sequence[Finding], /) -> FindingsDelta:
    """Compare two lists of findings by (code, subject, area); unchanged ones are taken from ``after``."""
    old = {finding_key(f) for f in before}
    new = {finding_key(f) for f in after}
    return FindingsDelta(
        new=_sorted(f for f in after if finding_key(f) not in old),
        resolved=_sorted(f for f in before if finding_key(f) not in new),
        unchanged=_sorted(f for f in after if finding_key(f) in old),
    )


def items_delta(before: Iterable[T], after: Iterable[T], /, *, key: Callable[[T], Hashable]) -> ItemsDelta[Any]:
    """Items of ``after`` whose key ``before`` lacks (appear), and the other way round (disappear).

    >>> d = items_delta([("pcc", "cc")], [("cc", "pcc")], key=lambda x: x)
    >>> d.appear, d.disappear
    ((('cc', 'pcc'),), (('pcc', 'cc'),))
    """
    old = {key(x): x for x in before}
    new = {key(x): x for x in after}
    return ItemsDelta(
        appear=tuple(new[k] for k in sorted(new.keys() - old.keys(), key=repr)),
        disappear=tuple(old[k] for k in sorted(old.keys() - new.keys(), key=repr)),
    )
