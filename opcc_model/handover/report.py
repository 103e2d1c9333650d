"""The transition report as data: lapses and re-makes, dated obligations, the 100-days plan, the briefing pack, findings.

It follows the result protocol (:mod:`opcc_model.queries.table`): one table of every row
(``section`` says which part: lapse, obligation, step, briefing, finding) for CSV and frames,
JSON by part, plain text and HTML with the verdict first. Markdown and iCalendar are in
:mod:`opcc_model.handover.formats`.
"""

from __future__ import annotations

import datetime
import html
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from opcc_model.handover.briefing import Reading
from opcc_model.handover.items import Lapse
from opcc_model.handover.obligations import Obligation
from opcc_model.handover.plan import Step
from opcc_model.handover.years import BUCKETS
from opcc_model.queries.checking import FindingList
from opcc_model.queries.table import Cell, Tabular, html_table, text_table
from opcc_model.terminal import json_text
from opcc_model.wording import count

__all__ = ["TransitionReport", "COLUMNS", "ACTING"]

COLUMNS = ("section", "date", "bucket", "id", "subject", "item", "action", "who", "after", "basis", "tag", "status")
"""The columns of the one table (docs/transition.md says what each holds in each section)."""

ACTING = ("lapses", "re-make", "transfer", "falls-due")
"""The effects that ask for something to be done (``continues`` does not)."""


def _day(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""


@dataclass(frozen=True)
class TransitionReport(Tabular):
    """What changes when the office holder of one area changes, and what the new holder must do first.

    ``findings`` are the findings the new arrangement adds (for a 2028 route: those the
    applied scenario adds to the area, as ``opcc scenario`` reports them; checks of the
    transfer add theirs here); ``resolved`` those it removes.
    """

    area: str
    area_name: str
    date: datetime.date
    to: str
    """pcc (an election), mayor, board or leaders (a 2028 route)."""
    event: str
    holder: str
    """The new holder's name (the commissioner side's principal role of the new arrangement)."""
    lapses: tuple[Lapse, ...] = ()
    obligations: tuple[Obligation, ...] = ()
    steps: tuple[Step, ...] = ()
    briefing: tuple[Reading, ...] = ()
    findings: FindingList = field(default_factory=lambda: FindingList(()))
    resolved: FindingList = field(default_factory=lambda: FindingList(()))
    scenario: str | None = None
    notes: tuple[str, ...] = ()
    columns: tuple[str, ...] = COLUMNS

    @property
    def title(self) -> str:  # type: ignore[override]
        """``Transition: <area> on <date> (<to>)``."""
        return f"Transition: {self.area_name} on {self.date.isoformat()} ({self.to})"

    def acting(self) -> tuple[Lapse, ...]:
        """The items that lapse, must be re-made, need a transfer provision or fall due."""
        return tuple(item for item in self.lapses if item.effect in ACTING)

    def verdict(self) -> str:
        """One sentence: what lapses or must be re-made, what is due, the plan, the briefing, the findings."""
        kept = len(self.lapses) - len(self.acting())
        first = min((o for o in self.obligations), default=None)
        next_due = f" (first: {first.name}, {first.date.isoformat()})" if first else ""
        return (
            f"Verdict: {count(len(self.acting()), 'item')} lapse or must be re-made or transferred, {kept} continue; "
            f"{count(len(self.obligations), 'dated obligation')} in the first year{next_due}; "
            f"{count(len(self.steps), 'step')} in the first 100 days; {count(len(self.briefing), 'item')} in the briefing pack; "
            f"{count(len(self.findings), 'finding')} new, {len(self.resolved)} resolved."
        )

    def summary(self) -> list[str]:
        """Sentences under the verdict: the change, the effects by kind, the notes."""
        effects = Counter(item.effect for item in self.lapses)
        lines = [f"The change: {self.event}; the new holder: {self.holder}" + (f"; scenario: {self.scenario}" if self.scenario else "") + "."]
        lines.append("Effects: " + ", ".join(f"{effects[e]} {e}" for e in sorted(effects)) + "." if effects else "Effects: none.")
        steps = Counter(s.bucket for s in self.steps)
        lines.append("Plan: " + ", ".join(f"{name} {steps[name]}" for name, _ in BUCKETS) + " steps.")
        return [*lines, *self.notes]

    def table_rows(self) -> Sequence[Sequence[Cell]]:
        """Every row of every part, in report order."""
        rows: list[tuple[Cell, ...]] = [
            ("lapse", _day(i.due), "", i.rule, f"{i.kind} {i.subject}", i.item, i.effect, i.who, "", i.basis, i.tag, i.status)
            for i in self.lapses
        ]
        rows += [
            ("obligation", _day(o.date), "", o.activity, o.kind, o.name, "due", o.who, "", o.basis, "", o.status)
            for o in self.obligations
        ]
        rows += [
            ("step", _day(s.by), s.bucket, s.activity, f"due {_day(s.due)}" if s.due else "", s.name, s.why, s.who, s.after, "", "", "")
            for s in self.steps
        ]
        rows += [
            ("briefing", "", "", r.artifact, r.function, f"{r.artifact_name} ({r.kind}) for {r.function} {r.function_name}".rstrip(),
             "read", r.produced_by, r.producers, "", "", "")
            for r in self.briefing
        ]
        for name, found in (("new", self.findings), ("resolved", self.resolved)):
            rows += [
                ("finding", "", "", f.code, f.subject, f.message, f.severity, f.area or "", "", str(f.location or ""), "", name)
                for f in found
            ]
        return rows

    def to_dict(self) -> dict[str, Any]:
        """The report as one JSON-ready object, by part (stable keys)."""
        def plain(item: Any) -> dict[str, Any]:
            return {k: (v.isoformat() if isinstance(v, datetime.date) else list(v) if isinstance(v, tuple) else v) for k, v in asdict(item).items()}

        return {
            "area": self.area,
            "date": self.date.isoformat(),
            "to": self.to,
            "event": self.event,
            "holder": self.holder,
            "scenario": self.scenario,
            "verdict": self.verdict(),
            "summary": self.summary(),
            "lapses": [plain(i) for i in self.lapses],
            "obligations": [plain(o) for o in self.obligations],
            "plan": [plain(s) for s in self.steps],
            "briefing": [plain(r) for r in self.briefing],
            "findings": {"new": [f.to_json() for f in self.findings], "resolved": [f.to_json() for f in self.resolved]},
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as JSON text (indented, sorted keys, newline-terminated)."""
        return json_text(self.to_dict())

    def parts(self) -> list[tuple[str, tuple[str, ...], list[tuple[Cell, ...]]]]:
        """Each part as ``(heading, columns, rows)``: the tables the text and HTML show."""
        return [
            ("What lapses, continues or must be re-made", ("effect", "item", "due", "who", "basis", "tag", "status"),
             [(i.effect, i.item, _day(i.due), i.who, i.basis, i.tag, i.status) for i in self.lapses]),
            ("Dated obligations in the first year", ("date", "obligation", "who", "basis"),
             [(_day(o.date), o.name, o.who, o.basis) for o in self.obligations]),
            ("The first 100 days", ("bucket", "by", "step", "due", "who", "after"),
             [(s.bucket, _day(s.by), f"{s.name} ({s.activity})", _day(s.due), s.who, s.after) for s in self.steps]),
            ("Briefing pack", ("function", "read", "produced by", "activities"),
             [(f"{r.function} {r.function_name}".rstrip(), f"{r.artifact_name} ({r.kind})", r.produced_by, r.producers) for r in self.briefing]),
            ("Findings", ("status", "severity", "code", "message"),
             [(name, f.severity, f.code, f.message) for name, found in (("new", self.findings), ("resolved", self.resolved)) for f in found]),
        ]

    def to_text(self, *, width: int = 60) -> str:
        """The verdict and summary first, then each part as an aligned table (nothing cut)."""
        lines = [self.title, self.verdict(), *self.summary()]
        for heading, columns, rows in self.parts():
            lines += ["", f"{heading} ({len(rows)}):" if rows else f"{heading}: none."]
            if rows:
                lines.append(text_table(columns, rows, width=width))
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:
        head = f"<h3>{html.escape(self.title)}</h3><p><strong>{html.escape(self.verdict())}</strong></p>"
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.summary())
        parts = "".join(
            f"<details><summary>{html.escape(heading)} ({len(rows)})</summary>{html_table(columns, rows)}</details>"
            for heading, columns, rows in self.parts()
        )
        return f"{head}<ul>{items}</ul>{parts}"

    def __repr__(self) -> str:
        return (f"<TransitionReport {self.area} {self.date.isoformat()} ({self.to}): {len(self.acting())} to act on, "
                f"{len(self.obligations)} dated, {len(self.steps)} steps>")
