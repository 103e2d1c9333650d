"""The transition report as Markdown (a chief executive's report, the verdict first) and as iCalendar (its dated items).

Both are deterministic: rows in the report's order, event UIDs from ids and dates, and the
iCalendar stamp is the transition date, not the clock. Every model text is escaped for its
target (Markdown table cells; iCalendar's own escaping in the ``icalendar`` package).

>>> import opcc_model
>>> from opcc_model.handover import transition
>>> report = transition(opcc_model.load(opcc_model.reference_root()), area="example-england", date="2028-05-04")
>>> to_markdown(report).splitlines()[2].startswith("**Verdict:** 12 items")
True
>>> b"DTSTART;VALUE=DATE:20280510" in to_ics(report)
True
"""

from __future__ import annotations

import datetime

import icalendar

from opcc_model.handover.report import TransitionReport
from opcc_model.queries.table import Cell
from opcc_model.render.calendar import markdown_cell

__all__ = ["to_markdown", "to_ics", "dated_items"]

PRODID = "-//opcc-model//transition//EN"


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    text = " ".join(value) if isinstance(value, tuple) else str(value)
    return markdown_cell(text)


def to_markdown(report: TransitionReport, /) -> str:
    """The report as Markdown: title, verdict and summary, then a section and table per part."""
    out = [f"# {markdown_cell(report.title)}", "", f"**Verdict:** {markdown_cell(report.verdict().removeprefix('Verdict: '))}", ""]
    out += [f"- {markdown_cell(line)}" for line in report.summary()]
    for heading, columns, rows in report.parts():
        out += ["", f"## {heading}", ""]
        if not rows:
            out.append("None.")
            continue
        out.append("| " + " | ".join(columns) + " |")
        out.append("|" + "---|" * len(columns))
        out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def dated_items(report: TransitionReport, /) -> list[tuple[str, datetime.date, str, str]]:
    """``(uid, date, summary, description)`` for each dated item: lapses with a date, obligations, plan steps (by their bucket's end)."""
    items = [
        (f"lapse-{i.rule}-{i.kind}-{i.subject}", i.due, f"{i.effect}: {i.item}", f"Basis: {i.basis} [{i.tag}, {i.status}]\nWho: {i.who or 'nobody named'}")
        for i in report.lapses if i.due is not None
    ]
    items += [
        (f"due-{o.activity or 'rule'}-{o.kind}", o.date, f"Due: {o.name}" + (f" ({o.who})" if o.who else ""), f"Basis: {o.basis} [{o.status}]")
        for o in report.obligations
    ]
    items += [
        (f"step-{s.activity}", s.by, f"{s.bucket}: {s.name}" + (f" ({s.who})" if s.who else ""),
         f"Why: {s.why}\nAfter: {' '.join(s.after) or 'nothing in the plan'}" + (f"\nDeadline: {s.due.isoformat()}" if s.due else ""))
        for s in report.steps
    ]
    return [(f"{uid}-{day.isoformat()}@opcc-model", day, summary, text) for uid, day, summary, text in items]


def to_ics(report: TransitionReport, /) -> bytes:
    """The dated items as an iCalendar file of all-day events (stamped with the transition date)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", report.title)
    stamp = datetime.datetime.combine(report.date, datetime.time(0, 0), tzinfo=datetime.timezone.utc)
    seen: set[str] = set()
    for uid, day, summary, text in dated_items(report):
        if uid in seen:
            continue
        seen.add(uid)
        event = icalendar.Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + datetime.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", text)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
