"""Cells a spreadsheet will never run: the one place CSV is written and formula injection escaped.

A spreadsheet that opens a CSV file runs a cell starting with ``=``, ``+``, ``-`` or ``@``
as a formula (``=HYPERLINK(...)`` can send the sheet's data away), and tab or carriage
return at the start can hide such a cell. Following OWASP's CSV-injection guidance, such a
cell is written with a ``'`` in front, which spreadsheets show as text; every other cell is
written as it is. Every CSV writer of opcc-model goes through :func:`csv_text`; XLSX cells
are typed as strings instead (see :mod:`opcc_model.render.xlsx`).

>>> print(csv_text(["name", "n"], [["=HYPERLINK(\\"http://x\\")", 3], ["Plan, do", -1]]), end="")
name,n
"'=HYPERLINK(""http://x"")",3
"Plan, do",-1
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["FORMULA_TRIGGERS", "csv_cell", "csv_text"]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula (OWASP's list)."""


def csv_cell(value: object) -> str:
    """The text of one CSV cell: a string starting with a formula trigger gets a ``'`` in front.

    Numbers are numbers (``-1`` stays ``-1``); ``None`` is an empty cell.

    >>> csv_cell("=1+1"), csv_cell("@SUM(A1)"), csv_cell("-x"), csv_cell("plan"), csv_cell(-2), csv_cell(None)
    ("'=1+1", "'@SUM(A1)", "'-x", 'plan', '-2', '')
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value.startswith(FORMULA_TRIGGERS) else value
    return str(value)


def _quoted(cell: str) -> str:
    """A cell as a CSV field: in double quotes (inner ones doubled) when it holds ``,``, ``"``, CR or LF.

    (Python's ``csv`` module quotes only the characters of its line terminator, so a bare
    CR in a ``\\n``-terminated file would split a row; here every line break is quoted.)

    >>> print(_quoted("a"), _quoted('say "x" here'), _quoted("a\\rb") == '"a\\rb"')
    a "say ""x"" here" True
    """
    if any(mark in cell for mark in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def csv_text(header: Sequence[object], rows: Iterable[Sequence[object]], /) -> str:
    """CSV text (``\\n`` line ends, quoted where needed): a header line, then the rows, every cell escaped.

    >>> csv_text(["a"], [["+44 1234"]])
    "a\\n'+44 1234\\n"
    """
    lines = [",".join(_quoted(csv_cell(value)) for value in line) + "\n" for line in (header, *rows)]
    return "".join(lines)
