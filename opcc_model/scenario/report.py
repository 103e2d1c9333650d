"""The report of a scenario: its changes, the conflicts it keeps open, and the findings and hand-offs delta.

The findings and hand-offs come from functions passed in (``check(model, area=...)`` and
``handoffs(model, area=...)``, the query layer's), so the report is built from plain data.

>>> import opcc_model
>>> from opcc_model.scenario import apply, diff, parse_scenario
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> s = parse_scenario("name: Nothing\\n")
>>> print(scenario_report(s, model, apply(model, s), diff(model, model)).to_text(), end="")
Scenario: Nothing
Verdict: 0 changes; no conflict kept open.
<BLANKLINE>
Changes: none.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from opcc_model.errors import NotFound
from opcc_model.findings import Finding
from opcc_model.model import Model
from opcc_model.queries.table import Cell, QueryResult, Summarised
from opcc_model.scenario.applying import Applied
from opcc_model.scenario.delta import FindingsDelta, ItemsDelta, findings_delta, items_delta
from opcc_model.scenario.model_diff import Change, ModelDiff
from opcc_model.scenario.scenario import Scenario
from opcc_model.scenario.summary import count, kinds, summary_lines
from opcc_model.scenario.step import Conflict
from opcc_model.terminal import json_text

__all__ = ["ScenarioReport", "scenario_report"]

CheckFunction = Callable[..., Sequence[Finding]]
HandoffFunction = Callable[..., Iterable[Any]]


class Crossing(BaseModel):
    """One dependency across the boundary: ``producer`` on side ``source`` hands on to ``consumer`` on ``target``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str
    target: str
    producer: str
    consumer: str
    message: str


class ScenarioReport(BaseModel, Summarised):
    """Everything ``opcc scenario`` prints, as data."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    name: str
    description: str | None = None
    basis: tuple[str, ...] = ()
    changes: tuple[Change, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    notes: tuple[str, ...] = ()
    findings: FindingsDelta | None = None
    handoffs: ItemsDelta[Crossing] | None = None
    transfer: tuple[Finding, ...] | None = None
    """The transfer findings (OPCC-T1xx) of a scenario that replaces the office holder; ``None`` for any other."""
    role_names: dict[str, str] = {}
    """The name of every role of either model, by id (for the summary's sentences)."""

    title: ClassVar[str] = "Scenario report"

    def verdict(self) -> str:
        """One sentence: findings new and resolved, hand-offs that appear and go, changes and conflicts.

        >>> ScenarioReport(name="x").verdict()
        'Verdict: 0 changes; no conflict kept open.'
        """
        parts = []
        if self.findings is not None:
            parts.append(
                f"{count(len(self.findings.new), 'finding')} new, {len(self.findings.resolved)} resolved "
                f"({len(self.findings.unchanged)} unchanged)"
            )
        if self.handoffs is not None:
            parts.append(f"{count(len(self.handoffs.appear), 'hand-off')} appear, {len(self.handoffs.disappear)} disappear")
        if self.transfer is not None:
            errors = sum(1 for f in self.transfer if f.severity == "error")
            parts.append(
                f"transfer: {count(len(self.transfer), 'finding')} ({count(errors, 'error')})"
                if self.transfer else "transfer: no function lost, every delegation settled"
            )
        parts.append(count(len(self.changes), "change"))
        open_ = f"{count(len(self.conflicts), 'conflict')} kept open" if self.conflicts else "no conflict kept open"
        return "Verdict: " + "; ".join([*parts, open_]) + "."

    def summary(self) -> list[str]:
        """The changes grouped by kind and role, one sentence a group."""
        return summary_lines(self.changes, self.role_names)

    def to_dict(self) -> dict[str, Any]:
        """The report as one JSON-ready object (stable keys and order): the verdict, the summary and every detail."""
        return {
            "scenario": self.name,
            "description": self.description,
            "basis": list(self.basis),
            "verdict": self.verdict(),
            "summary": self.summary(),
            "changes_by_kind": kinds(self.changes),
            "changes": [c.to_json() for c in self.changes],
            "conflicts": [c.model_dump(mode="json") for c in self.conflicts],
            "notes": list(self.notes),
            "findings": self.findings.to_json() if self.findings is not None else None,
            "transfer": [f.to_json() for f in self.transfer] if self.transfer is not None else None,
            "handoffs": (
                {
                    "appear": [h.model_dump(mode="json") for h in self.handoffs.appear],
                    "disappear": [h.model_dump(mode="json") for h in self.handoffs.disappear],
                }
                if self.handoffs is not None
                else None
            ),
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as JSON text (indented, sorted keys, newline-terminated)."""
        return json_text(self.to_dict())

    def to_text(self, *, verbose: bool = False) -> str:
        """The verdict first, then the changes grouped by kind and role; ``verbose`` adds every detail."""
        lines = [f"Scenario: {self.name}", self.verdict()]
        if self.description:
            lines.append(self.description.strip())
        if self.basis:
            lines.append("Basis: " + "; ".join(self.basis))
        lines.append("")
        if self.changes:
            lines += [f"Changes ({len(self.changes)}), by kind and role:", *(f"  {line}" for line in self.summary())]
        else:
            lines.append("Changes: none.")
        lines += _section("Conflicts kept open", [c.message for c in self.conflicts], skip_empty=True)
        if self.findings is not None:
            for name in ("new", "resolved"):
                found = getattr(self.findings, name)
                lines += _section(f"Findings {name}", [f"[{f.severity}] {f.message} ({f.code})" for f in found])
        if self.transfer is not None:
            lines += _section("Transfer findings", [f"{f.location or '-'}: [{f.severity}] {f.message} ({f.code})" for f in self.transfer])
        if self.handoffs is not None:
            lines += _section("Hand-offs that appear", [h.message for h in self.handoffs.appear])
            lines += _section("Hand-offs that disappear", [h.message for h in self.handoffs.disappear])
        if verbose:
            lines += _section("Every change", [c.message for c in self.changes], skip_empty=True)
            lines += _section("Notes", list(self.notes), skip_empty=True)
        elif self.changes or self.notes:
            lines += ["", "Every change and note: -v (or --format json)."]
        return "\n".join(lines) + "\n"

    def details(self) -> QueryResult:
        """Every item of the report, one row each: section, kind (or code), message."""
        rows: list[tuple[Cell, ...]] = [("change", c.kind, c.message) for c in self.changes]
        rows += [("conflict", c.pag, c.message) for c in self.conflicts]
        rows += [("note", None, note) for note in self.notes]
        if self.findings is not None:
            rows += [(f"finding {name}", f.code, f.message) for name in ("new", "resolved") for f in getattr(self.findings, name)]
        if self.transfer is not None:
            rows += [("transfer", f.code, f.message) for f in self.transfer]
        if self.handoffs is not None:
            rows += [(f"hand-off {name}", h.source + ">" + h.target, h.message) for name in ("appear", "disappear") for h in getattr(self.handoffs, name)]
        return QueryResult(title=self.title, columns=("section", "kind", "message"), rows=tuple(rows))

    def heading_html(self) -> str:
        """The scenario's name and the verdict."""
        return f"<h3>{html.escape(self.name)}</h3><p><strong>{html.escape(self.verdict())}</strong></p>"

    def __repr__(self) -> str:
        return f"<ScenarioReport {self.name!r}: {self.verdict()}>"


def _section(title: str, items: Sequence[str], *, skip_empty: bool = False) -> list[str]:
    if not items:
        return [] if skip_empty else [f"{title}: none."]
    return [f"{title} ({len(items)}):", *(f"  {item}" for item in items)]


def _activity_name(models: Sequence[Model], activity_id: str) -> str:
    for model in models:
        try:
            return f"'{model.activity(activity_id).name}' ({activity_id})"
        except NotFound:
            continue
    return activity_id


def crossings(table: Iterable[Any], *models: Model) -> list[Crossing]:
    """Expand a hand-off table's rows (``kind, finding, from, to, consumer, producers, artifacts``, one per
    crossing) into one :class:`Crossing` per producer.

    Names come from the first of ``models`` that has the activity.
    """
    found = []
    for row in table:
        source, target, consumer = row[2], row[3], row[4]
        for producer in row[5]:
            message = (
                f"{_activity_name(models, producer)} ({source}) hands on to "
                f"{_activity_name(models, consumer)} ({target})."
            )
            found.append(Crossing(source=source, target=target, producer=producer, consumer=consumer, message=message))
    return sorted(found, key=lambda c: (c.source, c.target, c.producer, c.consumer))


def scenario_report(
    scenario: Scenario,
    before: Model,
    applied: Applied,
    changes: ModelDiff,
    /,
    *,
    area: str | None = None,
    check: CheckFunction | None = None,
    handoffs: HandoffFunction | None = None,
    transfer: Sequence[Finding] | None = None,
) -> ScenarioReport:
    """Build the report of ``scenario``: changes (for ``area`` and area-less ones), findings and hand-offs delta.

    ``transfer``: the scenario's transfer findings (:func:`opcc_model.transfer_findings`), given
    for a scenario that replaces the office holder; kept for ``area`` and area-less ones.
    """
    after = applied.model
    if area is not None and area not in {b.area for m in (before, after) for b in m.boundaries}:
        known = ", ".join(sorted({b.area for m in (before, after) for b in m.boundaries})) or "none"
        raise NotFound(f"area '{area}' is in neither model (areas: {known})")
    kept = tuple(c for c in changes if area is None or c.area in (None, area))
    findings = None
    if check is not None:
        findings = findings_delta(list(check(before, area=area)), list(check(after, area=area)))
    flows = None
    if handoffs is not None:
        flows = items_delta(
            crossings(handoffs(before, area=area), before, after),
            crossings(handoffs(after, area=area), after, before),
            key=lambda c: (c.source, c.target, c.producer, c.consumer),
        )
    return ScenarioReport(
        name=scenario.name,
        description=scenario.description,
        basis=scenario.basis,
        changes=kept,
        conflicts=tuple(c for c in applied.conflicts if area is None or c.area == area),
        notes=applied.notes,
        findings=findings,
        handoffs=flows,
        transfer=None if transfer is None else tuple(f for f in transfer if area is None or f.area in (None, area)),
        role_names=changes.role_names,
    )
