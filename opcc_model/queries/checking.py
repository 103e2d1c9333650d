"""Run every finding rule over a model: severity overrides, area waivers, one sorted list.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> [(f.code, f.subject) for f in check(model)]
[]
"""

from __future__ import annotations

import datetime
from collections.abc import Collection, Iterable

from opcc_model.config import Settings
from opcc_model.errors import NotFound
from opcc_model.findings import SEVERITIES, Finding, severity_rank
from opcc_model.loader import validate
from opcc_model.model import Model
from opcc_model.plan.checks import check_plan
from opcc_model.plan.manifesto import Manifesto
from opcc_model.plan.manifesto_checks import check_manifestos
from opcc_model.plan.model import Plan
from opcc_model.queries.index import relative_location
from opcc_model.queries.rules import CHECKS
from opcc_model.queries.schemeindex import checking_on
from opcc_model.queries.table import Cell, Tabular
from opcc_model.yamlsource import long_lived

__all__ = ["FindingList", "check", "at_or_above", "relative_to_root"]


def _matches(value: str, wanted: str | Collection[str] | None, *, prefix: bool = False) -> bool:
    if wanted is None:
        return True
    options = (wanted,) if isinstance(wanted, str) else wanted
    return any(value.startswith(o) if prefix else value == o for o in options)


class FindingList(tuple[Finding, ...], Tabular):
    """A sorted tuple of findings; it follows the shared result protocol (text, CSV, JSON, HTML, DataFrame).

    In a DataFrame ``severity`` is an ordered categorical (error < warning < info).

    >>> found = FindingList([Finding(code="OPCC-G101", severity="error", subject=("a",), message="m")])
    >>> found.counts()["error"], found.records()[0]["subject"]
    (1, ['a'])
    >>> found
    <FindingList: 1 error, 0 warnings, 0 infos, 0 waived>
    """

    columns = ("location", "severity", "code", "message", "subject", "area", "waived", "reason")
    title = "Findings"
    categories = {"severity": SEVERITIES}

    def __repr__(self) -> str:
        counts = self.counts()
        return "<FindingList: " + ", ".join(_plural(counts[k], k) for k in counts) + ">"

    def by_code(self) -> dict[str, dict[str, int]]:
        """For each code (sorted worst first, then by code), its counts as :meth:`counts` gives them.

        >>> FindingList([Finding(code="OPCC-D101", severity="info", subject=("a", "b"), message="m")]).by_code()
        {'OPCC-D101': {'error': 0, 'warning': 0, 'info': 1, 'waived': 0}}
        """
        groups: dict[str, list[Finding]] = {}
        for f in self:
            groups.setdefault(f.code, []).append(f)
        order = sorted(groups, key=lambda code: (min(severity_rank(f.severity) for f in groups[code]), code))
        return {code: FindingList(groups[code]).counts() for code in order}

    def filter(
        self,
        *,
        severity: str | Collection[str] | None = None,
        code: str | Collection[str] | None = None,
        area: str | None = None,
        waived: bool | None = None,
    ) -> FindingList:
        """The findings that match every given criterion (``None``: any).

        ``severity``: one severity or several; ``code``: a code or a prefix (``"OPCC-D"``,
        ``"OPCC-G10"``), or several; ``area``: the area (model-wide findings have none);
        ``waived``: only waived (True) or only unwaived (False) findings.

        >>> found = FindingList([
        ...     Finding(code="OPCC-G101", severity="error", subject=("a",), message="m"),
        ...     Finding(code="OPCC-D101", severity="info", subject=("a", "b"), message="m"),
        ... ])
        >>> [f.code for f in found.filter(code="OPCC-D")], len(found.filter(severity=("error", "warning")))
        (['OPCC-D101'], 1)
        """
        return FindingList(
            f
            for f in self
            if _matches(f.severity, severity)
            and _matches(f.code, code, prefix=True)
            and (area is None or f.area == area)
            and (waived is None or f.waived == waived)
        )

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


def _plural(count: int, word: str) -> str:
    """``1 error``, ``2 errors``, ``0 waived``.

    >>> _plural(2, "info"), _plural(1, "warning"), _plural(3, "waived")
    ('2 infos', '1 warning', '3 waived')
    """
    return f"{count} {word}{'' if count == 1 or word == 'waived' else 's'}"


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
    on: datetime.date | None = None,
    manifestos: Iterable[Manifesto] = (),
) -> FindingList:
    """Every finding of ``model``: model-wide rules once, per-area rules for ``area`` (default: every area).

    ``on`` is the day date-dependent checks (a temporary arrangement past its ``until``,
    OPCC-S106) run for; default today. Pass a fixed date for results that do not change.

    Severities follow ``settings`` (see :func:`opcc_model.config.load_settings`). A waiver
    in an area silences the finding of that area whose code matches and whose first
    subject is the waiver's subject; it stays in the list with ``waived=True`` and the
    waiver's ``reason``. The result is sorted by file, line, column, code, area and
    subject, without duplicates, whatever the order of the model's files and lists.

    ``plans`` (from :func:`opcc_model.plan.load_plans`) adds the Police and Crime Plan
    checks (OPCC-P1xx) of each plan; ``manifestos`` (from :func:`opcc_model.plan.load_manifestos`)
    adds OPCC-P106 for each manifesto whose plan is among ``plans``.

    ``on`` is the date the date-dependent checks judge by (such as whether a cited
    instrument is revoked); default today. The same model and date give the same findings.

    Raises :class:`~opcc_model.errors.NotFound` for an unknown ``area`` (naming the areas).
    """
    chosen = _areas(model, area)
    try:
        day = on or datetime.date.today()
        with long_lived(), checking_on(day):  # tens of thousands of findings and no cycles: a collection would only walk the model
            found = _check(model, chosen, settings or Settings(), tuple(plans), day, tuple(manifestos))
    except (KeyError, NotFound):
        validate(model)  # a model built in code with a dangling id: the loader's located errors, not a KeyError
        raise
    return found


def relative_to_root(model: Model, findings: Iterable[Finding], /) -> FindingList:
    """``findings`` with their files relative to ``model``'s root folder, sorted (as :func:`check` returns them).

    >>> import opcc_model
    >>> relative_to_root(opcc_model.load(opcc_model.example_root("minimal")), [])
    <FindingList: 0 errors, 0 warnings, 0 infos, 0 waived>
    """
    moved = (
        f.model_copy(update={"location": located}) if (located := relative_location(model, f.location)) != f.location else f
        for f in findings
    )
    return FindingList(sorted(moved, key=Finding.sort_key))



def _check(
    model: Model, chosen: list[str], settings: Settings, plans: tuple[Plan, ...], on: datetime.date,
    manifestos: tuple[Manifesto, ...] = (),
) -> FindingList:
    # in the order the rules made them (mostly file order, rule by rule: the final sort then
    # merges runs instead of sorting ~10^5 findings scattered by their hashes), each once below
    made: list[Finding] = []
    for _, registered in sorted(CHECKS.items()):
        dated = {"on": on} if registered.dated else {}
        if registered.scope == "model":
            made.extend(registered.function(model, **dated))
        else:
            for name in chosen:
                made.extend(registered.function(model, name, **dated))
    for plan in plans:
        made.extend(relative_to_root(model, check_plan(model, plan)))
    made.extend(relative_to_root(model, check_manifestos(model, manifestos, plans)))
    found = dict.fromkeys(made)
    waivers: dict[tuple[str, str, str], str] = {}
    for boundary in model.boundaries:
        for waiver in boundary.waivers:
            waivers.setdefault((boundary.area, waiver.finding, waiver.subject), waiver.reason)
    result = []
    overrides = dict(settings.severity)  # settings.severity_of, its table made once (a national check has 10^5 findings)
    for f in found:
        severity = overrides.get(f.code, f.severity)
        reason = waivers.get((f.area, f.code, f.subject[0])) if waivers and f.area and f.subject else None
        if severity == f.severity and reason is None:
            result.append(f)
            continue
        update: dict[str, object] = {}
        if severity != f.severity:
            update["severity"] = severity
        if reason is not None:
            update.update(waived=True, reason=reason)
        result.append(f.model_copy(update=update))
    return FindingList(sorted(result, key=Finding.sort_key))
