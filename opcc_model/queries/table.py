"""The one result protocol: every result prints as text, CSV, JSON, HTML and converts to a pandas DataFrame.

:class:`Result` is the protocol (findings, query tables, hand-offs, RACI, diffs, scenario
results and reports all follow it); :class:`Tabular` implements it from ``columns``,
``title`` and :meth:`Tabular.table_rows`; :class:`QueryResult` is the plain table. Every
CSV goes through :func:`csv_text`, the one place cells are escaped for spreadsheets.

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
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, Union, runtime_checkable

from opcc_model import spreadsheet
from opcc_model.errors import OpccError
from opcc_model.terminal import json_text

__all__ = ["Cell", "Result", "Summarised", "Tabular", "QueryResult", "csv_text", "html_table", "require_pandas", "text_table"]

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


def csv_text(columns: Sequence[str], rows: Sequence[Sequence[Cell]]) -> str:
    """CSV with a header line; lists of ids are space-separated. Every CSV of the project is written here,
    through :func:`opcc_model.spreadsheet.csv_text`: a cell a spreadsheet would run as a formula is text.

    >>> print(csv_text(["id", "artifacts"], [["a", ("x", "y")], ["b", None]]), end="")
    id,artifacts
    a,x y
    b,
    """
    return spreadsheet.csv_text(columns, [[_csv_value(c) for c in row] for row in rows])


def _csv_value(cell: Cell) -> str | int:
    """A cell for :func:`opcc_model.spreadsheet.csv_text`: numbers stay numbers, the rest as text."""
    return cell if isinstance(cell, int) and not isinstance(cell, bool) else _text(cell)


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
"""The widest column of a plain-text table; longer cells wrap onto more lines (never cut)."""


def _wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` characters (a longer word stays whole).

    >>> _wrap("one two three", 7), _wrap("", 7)
    (['one two', 'three'], [''])
    """
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def text_table(columns: Sequence[str], rows: Sequence[Sequence[Cell]], *, width: int = TEXT_CELL_WIDTH) -> str:
    """An aligned plain-text table; a cell longer than ``width`` wraps onto more lines of its row.

    >>> print(text_table(["id", "note"], [["a", "a long note that wraps"]], width=10))
    id  note
    --  ---------
    a   a long
        note that
        wraps
    """
    wrapped = [[_wrap(_text(c), width) for c in row] for row in rows]
    widths = [max([len(h), *(len(line) for r in wrapped for line in r[i])]) for i, h in enumerate(columns)]
    lines = [list(columns), ["-" * w for w in widths]]
    for row in wrapped:
        height = max((len(cell) for cell in row), default=1)
        lines += [[cell[i] if i < len(cell) else "" for cell in row] for i in range(height)]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in lines)


@runtime_checkable
class Result(Protocol):
    """What every result of the library offers, whatever it holds (a table, a report, a diff).

    >>> isinstance(QueryResult(title="t", columns=("a",), rows=()), Result)
    True
    """

    title: str

    def to_text(self) -> str:
        """A readable plain-text rendering (nothing cut)."""

    def to_json(self) -> str:
        """JSON text: indented, sorted keys, newline-terminated."""

    def to_csv(self) -> str:
        """CSV text with a header line (written by :func:`csv_text`)."""

    def to_frame(self) -> Any:
        """A pandas DataFrame (needs ``pip install 'opcc-model[notebook]'``)."""

    def _repr_html_(self) -> str:
        """An HTML rendering for Jupyter, every value escaped."""


class Tabular:
    """The :class:`Result` protocol from ``columns``, ``title`` and :meth:`table_rows`.

    ``categories`` names columns whose values are ordered categories (in frames, an ordered
    pandas ``Categorical``: severities sort error < warning < info, not alphabetically).
    """

    columns: tuple[str, ...]
    title: str
    categories: ClassVar[Mapping[str, tuple[str, ...]]] = {}

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
        return json_text(self.records())

    def to_csv(self) -> str:
        """The rows as CSV with a header line; lists of ids are space-separated."""
        return csv_text(self.columns, self.table_rows())

    def to_text(self, *, width: int = TEXT_CELL_WIDTH) -> str:
        """The rows as an aligned plain-text table; cells longer than ``width`` wrap, never cut."""
        return text_table(self.columns, self.table_rows(), width=width)

    def to_frame(self) -> Any:
        """The rows as a pandas DataFrame (needs ``pip install 'opcc-model[notebook]'``)."""
        pandas = require_pandas()
        frame = pandas.DataFrame.from_records(
            [[list(v) if isinstance(v, tuple) else v for v in row] for row in self.table_rows()],
            columns=list(self.columns),
        )
        for column, order in self.categories.items():
            frame[column] = pandas.Categorical(frame[column], categories=list(order), ordered=True)
        return frame

    def _repr_html_(self) -> str:
        return html_table(self.columns, self.table_rows(), caption=getattr(self, "title", "") or None)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # in the subclass's own namespace, so a @dataclass decorator keeps it (it adds no repr over one)
        if "__repr__" not in cls.__dict__:
            cls.__repr__ = Tabular.__repr__  # type: ignore[method-assign]

    def __repr__(self) -> str:
        count = len(self.table_rows())
        return f"<{type(self).__name__} {self.title!r}: {count} row{'' if count == 1 else 's'} × {', '.join(self.columns)}>"


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


class Summarised:
    """A :class:`Result` shown as a heading and a summary over a table of details.

    Subclasses give :meth:`details` (a :class:`QueryResult`), and may give :meth:`summary`
    (sentences) and :meth:`heading_html`; CSV and frames hold the details, HTML folds them
    under the summary.
    """

    def details(self) -> QueryResult:
        """Every detail, one row each."""
        raise NotImplementedError

    def summary(self) -> list[str]:
        """The sentences shown above the details."""
        return []

    def heading_html(self) -> str:
        """HTML shown first (already escaped)."""
        return ""

    def to_csv(self) -> str:
        """The details as CSV."""
        return self.details().to_csv()

    def to_frame(self) -> Any:
        """The details as a pandas DataFrame (needs ``pip install 'opcc-model[notebook]'``)."""
        return self.details().to_frame()

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.summary())
        listed = f"<ul>{items}</ul>" if items else ""
        return f"{self.heading_html()}{listed}<details><summary>details</summary>{self.details()._repr_html_()}</details>"
