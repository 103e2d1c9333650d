"""Run every finding rule over a model: severity overrides, area waivers, one sorted list.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> [(f.code, f.subject) for f in check(model)]
[]
"""

from __future__ import annotations

from collections.abc import Iterable

from opcc_model.config import Settings
from opcc_model.errors import NotFound
from opcc_model.findings import SEVERITIES, Finding, severity_rank
from opcc_model.model import Model
from opcc_model.plan.checks import check_plan
from opcc_model.plan.model import Plan
from opcc_model.queries.rules import CHECKS
from opcc_model.queries.table import Cell, Tabular
from opcc_model.yamlsource import paused_gc

__all__ = ["FindingList", "check", "at_or_above"]


class FindingList(tuple[Finding, ...], Tabular):
    """A sorted tuple of findings that displays as an HTML table and converts to a DataFrame.

    >>> found = FindingList([Finding(code="OPCC-G101", severity="error", subject=("a",), message="m")])
    >>> found.counts()["error"], found.records()[0]["subject"]
    (1, ['a'])
    """

    columns = ("location", "severity", "code", "message", "subject", "area", "waived", "reason")
    title = "Findings"

    def table_rows(self) -> list[tuple[Cell, ...]]:
        """One row per finding, in ``columns`` order."""
        return [
            (str(f.location) if f.location else None, f.severity, f.code, f.message, f.subject, f.area, f.waived, f.reason)
            for f in self
        ]

    def records(self) -> list[dict[str, object]]:
        """The JSON objects of DESIGN.md, one per finding."""
        return [f.to_json() for f in self]

    def counts(self) -> dict[str, int]:
        """How many findings of each severity are not waived, and how many are waived.

        >>> FindingList().counts()
        {'error': 0, 'warning': 0, 'info': 0, 'waived': 0}
        """
        counts = dict.fromkeys([*SEVERITIES, "waived"], 0)
        for f in self:
            counts["waived" if f.waived else f.severity] += 1
        return counts


def at_or_above(findings: Iterable[Finding], threshold: str, /) -> list[Finding]:
    """The findings that are not waived and at or above ``threshold`` (``never``: none).

    >>> at_or_above([Finding(code="OPCC-D101", severity="info", subject=(), message="m")], "warning")
    []
    """
    if threshold == "never":
        return []
    limit = severity_rank(threshold)
    return [f for f in findings if not f.waived and severity_rank(f.severity) <= limit]


def _areas(model: Model, area: str | None) -> list[str]:
    known = sorted(b.area for b in model.boundaries)
    if area is None:
        return known
    if area not in known:
        raise NotFound(f"area {area!r} is not in the model; the areas are: {', '.join(known) or '(none)'}")
    return [area]


def check(
    model: Model,
    /,
    *,
    area: str | None = None,
    settings: Settings | None = None,
    plans: Iterable[Plan] = (),
) -> FindingList:
    """Every finding of ``model``: model-wide rules once, per-area rules for ``area`` (default: every area).

    Severities follow ``settings`` (see :func:`opcc_model.config.load_settings`). A waiver
    in an area silences the finding of that area whose code matches and whose first
    subject is the waiver's subject; it stays in the list with ``waived=True`` and the
    waiver's ``reason``. The result is sorted by file, line, column, code, area and
    subject, without duplicates, whatever the order of the model's files and lists.

    ``plans`` (from :func:`opcc_model.plan.load_plans`) adds the Police and Crime Plan
    checks (OPCC-P1xx) of each plan.

    Raises :class:`~opcc_model.errors.NotFound` for an unknown ``area`` (naming the areas).
    """
    chosen = _areas(model, area)
    with paused_gc():  # tens of thousands of findings and no cycles: a collection would only walk the model
        return _check(model, chosen, settings or Settings(), plans)


def _check(model: Model, chosen: list[str], settings: Settings, plans: Iterable[Plan]) -> FindingList:
    found: set[Finding] = set()
    for _, registered in sorted(CHECKS.items()):
        if registered.scope == "model":
            found.update(registered.function(model))
        else:
            for name in chosen:
                found.update(registered.function(model, name))
    for plan in plans:
        found.update(check_plan(model, plan))
    waivers: dict[tuple[str, str, str], str] = {}
    for boundary in model.boundaries:
        for waiver in boundary.waivers:
            waivers.setdefault((boundary.area, waiver.finding, waiver.subject), waiver.reason)
    result = []
    for f in found:
        update: dict[str, object] = {}
        severity = settings.severity_of(f.code, f.severity)
        if severity != f.severity:
            update["severity"] = severity
        reason = waivers.get((f.area, f.code, f.subject[0])) if f.area and f.subject else None
        if reason is not None:
            update.update(waived=True, reason=reason)
        result.append(f.model_copy(update=update) if update else f)
    return FindingList(sorted(result, key=Finding.sort_key))
