"""The statutory calendar as iCalendar (through the ``icalendar`` package) and as Markdown.

Both are deterministic for a given calendar and date stamp: events are written in the
calendar's order, each with a stable UID, and the stamp is the ``--date`` the calendar was
made on, not the clock.

>>> import datetime
>>> from opcc_model.queries.calendar import Calendar, Entry
>>> cal = Calendar((Entry(datetime.date(2027, 2, 1), "propose-precept", "Notify the Panel", "deadline",
...                      "Police and Crime Commissioner", ("SI 2012/2271 reg 3",), "budget-and-precept", "duty"),))
>>> b"DTSTART;VALUE=DATE:20270201" in to_ics(cal, stamp=datetime.date(2027, 1, 1))
True
>>> print(to_markdown(cal).splitlines()[2])
## February 2027
"""

from __future__ import annotations

import datetime
import html

import icalendar

from opcc_model.queries.calendar import Calendar, Entry

__all__ = ["to_ics", "to_markdown", "markdown_cell"]

PRODID = "-//opcc-model//statutory calendar//EN"


def _event(entry: Entry, stamp: datetime.datetime) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{entry.activity}-{entry.date.isoformat()}-{entry.kind}@opcc-model")
    event.add("dtstamp", stamp)
    event.add("dtstart", entry.date)
    event.add("dtend", entry.date + datetime.timedelta(days=1))
    event.add("summary", f"{entry.name} ({entry.who})" if entry.who else entry.name)
    lines = [
        f"What: {entry.name} ({entry.activity}, process {entry.process})",
        f"Who: {entry.who or 'nobody named'}",
        f"Basis: {'; '.join(entry.basis) or 'none given'}",
        f"Obligation: {entry.obligation or 'not typed'}",
        f"Kind: {entry.kind}",
    ]
    event.add("description", "\n".join(lines))
    event.add("categories", [entry.kind])
    event.add("transp", "TRANSPARENT")
    return event


def to_ics(calendar: Calendar, /, *, stamp: datetime.date) -> bytes:
    """The calendar as an iCalendar file (all-day events; imports into Outlook and Google Calendar)."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", calendar.title)
    moment = datetime.datetime.combine(stamp, datetime.time(0, 0), tzinfo=datetime.timezone.utc)
    for entry in calendar.entries:
        cal.add_component(_event(entry, moment))
    return cal.to_ical()


def markdown_cell(text: str) -> str:
    """Text made safe for one Markdown table cell: no markup, links, pipes or line breaks.

    >>> markdown_cell("a | <b>[x](javascript:1)</b>\\nnext")
    'a \\\\| &lt;b&gt;\\\\[x\\\\](javascript:1)&lt;/b&gt; next'
    """
    escaped = html.escape(" ".join(text.split()), quote=False)
    for char in "\\|[]`*_":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def to_markdown(calendar: Calendar, /) -> str:
    """The calendar as Markdown: a heading per month and a table of what is due, who, and the basis."""
    out = [f"# {markdown_cell(calendar.title)}", ""]
    month = None
    for entry in calendar.entries:
        heading = entry.date.strftime("%B %Y")
        if heading != month:
            if month is not None:
                out.append("")
            out += [f"## {heading}", "", "| date | due | who | basis | obligation |", "|---|---|---|---|---|"]
            month = heading
        cells = [
            f"{entry.date.day} {entry.date:%b}",
            f"{markdown_cell(entry.name)} (`{entry.activity}`){' - recurring' if entry.kind == 'recurring' else ''}",
            markdown_cell(entry.who),
            markdown_cell("; ".join(entry.basis)),
            entry.obligation,
        ]
        out.append("| " + " | ".join(cells) + " |")
    if month is None:
        out.append("Nothing is due.")
    return "\n".join(out) + "\n"
