"""Tabular query results: one value type that prints as text, CSV, JSON, HTML and a pandas DataFrame.

>>> t = QueryResult(title="Demo", columns=("id", "artifacts"), rows=(("a", ("x", "y")), ("<b>", ())))
>>> print(t.to_csv(), end="")
id,artifacts
a,x y
<b>,
>>> print(t.to_text())
id   artifacts
---  ---------
a    x y
<b>
>>> "&lt;b&gt;" in t._repr_html_()
True
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Union

from opcc_model.errors import OpccError
from opcc_model.spreadsheet import csv_text

__all__ = ["Cell", "Tabular", "QueryResult", "html_table", "require_pandas"]

Cell = Union[str, int, bool, None, tuple[str, ...]]
"""One value of a table: text, a number, a flag, nothing, or a list of ids."""


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, tuple):
        return " ".join(cell)
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    return str(cell)


def html_table(columns: Sequence[str], rows: Sequence[Sequence[Cell]], *, caption: str | None = None) -> str:
    """An HTML table; every header and cell is escaped (YAML text is never markup).

    >>> html_table(["name"], [['<script>"x"</script>']])
    '<table>\\n<thead><tr><th>name</th></tr></thead>\\n<tbody>\\n<tr><td>&lt;script&gt;&quot;x&quot;&lt;/script&gt;</td></tr>\\n</tbody>\\n</table>'
    """
    parts = ["<table>"]
    if caption:
        parts.append(f"<caption>{html.escape(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in columns) + "</tr></thead>")
    parts.append("<tbody>")
    for row in rows:
        parts.append("<tr>" + "".join(f"<td>{html.escape(_text(cell))}</td>" for cell in row) + "</tr>")
    parts.append("</tbody>")
    parts.append("</table>")
    return "\n".join(parts)


def require_pandas() -> Any:
    """Import pandas, or raise :class:`OpccError` saying how to install it."""
    try:
        import pandas
    except ImportError:
        raise OpccError(
            "to_frame() needs pandas, which is not installed: pip install 'opcc-model[notebook]'"
        ) from None
    return pandas


TEXT_CELL_WIDTH = 60
"""The widest cell a plain-text table shows."""


def _cut(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` characters, marking the cut.

    >>> _cut("abcdef", 4), _cut("abc", 4)
    ('abc…', 'abc')
    """
    return text if len(text) <= width else text[: width - 1] + "…"


class Tabular:
    """What every table-like result shares; subclasses provide ``columns`` and :meth:`table_rows`."""

    columns: tuple[str, ...]
    title: str

    def table_rows(self) -> Sequence[Sequence[Cell]]:
        """The rows, each a sequence of cells in ``columns`` order."""
        raise NotImplementedError

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts (lists of ids stay lists), ready for JSON."""
        return [
            {c: list(v) if isinstance(v, tuple) else v for c, v in zip(self.columns, row)} for row in self.table_rows()
        ]

    def to_json(self) -> str:
        """The rows as a JSON list of objects (sorted keys, indented, newline-terminated)."""
        return json.dumps(self.records(), sort_keys=True, indent=2, ensure_ascii=False) + "\n"

    def to_csv(self) -> str:
        """The rows as CSV with a header line; lists of ids are space-separated.

        Written by :func:`opcc_model.spreadsheet.csv_text`: a cell a spreadsheet would run as
        a formula is written as text.
        """
        rows = [[c if isinstance(c, int) and not isinstance(c, bool) else _text(c) for c in row] for row in self.table_rows()]
        return csv_text(self.columns, rows)

    def to_text(self, *, width: int = TEXT_CELL_WIDTH) -> str:
        """The rows as an aligned plain-text table; cells longer than ``width`` are cut with "…".

        CSV and JSON always carry every cell whole.
        """
        rows = [[_cut(_text(c), width) for c in row] for row in self.table_rows()]
        widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(self.columns)]
        lines = [list(self.columns), ["-" * w for w in widths], *rows]
        return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in lines)

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame (needs ``pip install 'opcc-model[notebook]'``)."""
        pandas = require_pandas()
        return pandas.DataFrame.from_records(
            [[list(v) if isinstance(v, tuple) else v for v in row] for row in self.table_rows()],
            columns=list(self.columns),
        )

    def _repr_html_(self) -> str:
        return html_table(self.columns, self.table_rows(), caption=getattr(self, "title", "") or None)


@dataclass(frozen=True)
class QueryResult(Tabular):
    """A query's answer: a title, column names and rows of cells; iterating yields the rows."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def table_rows(self) -> Sequence[Sequence[Cell]]:
        """The rows."""
        return self.rows

    def __iter__(self) -> Iterator[tuple[Cell, ...]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)
