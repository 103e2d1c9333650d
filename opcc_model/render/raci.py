"""RACI matrices: activities as rows, roles as columns in side order, cells A, R, C, I.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> matrix = raci(model, process="conduct-stakeholder-analysis")
>>> matrix.roles
('pcc', 'opcc-chief-executive', 'cc', 'pcp', 'csp')
>>> matrix.rows[0].cells
('A', 'R', 'C', 'I', '')
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from opcc_model.errors import OpccError
from opcc_model.model import Model
from opcc_model.queries.index import area_activity_ids
from opcc_model.queries.table import Cell, Tabular
from opcc_model.render.ordering import roles_in_order

__all__ = ["RaciRow", "RaciMatrix", "raci"]

_LETTERS = "ARCI"


@dataclass(frozen=True)
class RaciRow:
    """One activity's line: its process, id, name and one cell per role (``""``, ``"A"``, ``"A/R"``...)."""

    process: str
    activity: str
    name: str
    cells: tuple[str, ...]


@dataclass(frozen=True)
class RaciMatrix(Tabular):
    """A RACI matrix: a title, the role ids of its columns (with their names) and its rows.

    It follows the shared result protocol (:class:`~opcc_model.queries.table.Result`).
    """

    title: str
    roles: tuple[str, ...]
    role_names: tuple[str, ...]
    rows: tuple[RaciRow, ...]

    def header(self) -> list[str]:
        """The column headings: ``process``, ``activity``, ``name``, then the role ids.

        >>> RaciMatrix("t", ("pcc",), ("PCC",), ()).header()
        ['process', 'activity', 'name', 'pcc']
        """
        return ["process", "activity", "name", *self.roles]

    @property
    def columns(self) -> tuple[str, ...]:  # type: ignore[override]
        """The column headings, as :meth:`header`."""
        return tuple(self.header())

    def table_rows(self) -> Sequence[Sequence[Cell]]:
        """One row per activity: process, activity, name, then one letter cell per role."""
        return [(r.process, r.activity, r.name, *r.cells) for r in self.rows]

    def to_csv(self) -> str:
        """The matrix as CSV (``\\n`` line ends), a header of role ids then one line per activity.

        Cells a spreadsheet would run as formulas are written as text (:mod:`opcc_model.spreadsheet`).

        >>> print(RaciMatrix("t", ("pcc",), ("PCC",), (RaciRow("p", "a", "Do, it", ("A",)),)).to_csv(), end="")
        process,activity,name,pcc
        p,a,"Do, it",A
        """
        return super().to_csv()

    def to_markdown(self) -> str:
        """The matrix as a Markdown table headed by role names; ``|`` and line breaks in names are escaped.

        >>> print(RaciMatrix("T", ("pcc",), ("P|CC",), (RaciRow("p", "a", "Do *it*", ("A",)),)).to_markdown(), end="")
        ## T
        <BLANKLINE>
        | Process | Activity | P\\|CC |
        | --- | --- | :-: |
        | p | Do \\*it\\* | A |
        """
        head = ["Process", "Activity", *map(_md, self.role_names)]
        lines = [f"## {_md(self.title)}", "", "| " + " | ".join(head) + " |"]
        lines.append("| --- | --- | " + " | ".join(":-:" for _ in self.roles) + (" |" if self.roles else "|"))
        for r in self.rows:
            lines.append("| " + " | ".join([_md(r.process), _md(r.name), *r.cells]) + " |")
        return "\n".join(lines) + "\n"

    def to_xlsx(self) -> bytes:
        """The matrix as an XLSX workbook (needs ``openpyxl``: ``pip install 'opcc-model[xlsx]'``).

        The workbook's created/modified times are fixed, so the same matrix gives the same bytes.

        >>> RaciMatrix("t", ("pcc",), ("PCC",), ()).to_xlsx()[:2]
        b'PK'
        """
        from opcc_model.render.xlsx import table_to_xlsx

        names = ["Process", "Activity", "Name", *self.role_names]
        rows = [[r.process, r.activity, r.name, *r.cells] for r in self.rows]
        return table_to_xlsx(self.title, [self.header(), names], rows)


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\|*_`[]<>#"})


def _md(value: str) -> str:
    """Text as one Markdown table cell: special characters escaped, line breaks as spaces."""
    return " ".join(value.translate(_MD_SPECIAL).split())


def _cell(letters: set[str]) -> str:
    return "/".join(letter for letter in _LETTERS if letter in letters)


def raci(model: Model, /, *, process: str | None = None, area: str | None = None) -> RaciMatrix:
    """The RACI matrix of one process, of the activities in scope for an area, or of the whole model.

    An area's scope is the activities whose jurisdictions include the area's. Columns are
    the roles with a letter in some row, in side order then file order.

    >>> import opcc_model
    >>> model = opcc_model.load(opcc_model.example_root("minimal"))
    >>> [r.activity for r in raci(model, area="example-area").rows]
    ['identify-stakeholders', 'agree-outcomes']
    >>> raci(model).title
    'RACI: all processes'
    """
    processes = [model.process(process)] if process else list(model.processes)
    counted = area_activity_ids(model, area) if area else None
    chosen = [(p, a) for p in processes for a in p.activities if counted is None or a.id in counted]
    letters: dict[tuple[str, str], set[str]] = {}
    for _, a in chosen:
        for letter, role_id in a.roles():
            letters.setdefault((a.id, role_id), set()).add(letter)
    used = {role_id for _, role_id in letters}
    roles = tuple(r for r in roles_in_order(model) if r in used)
    missing = sorted(used - set(roles))
    if missing:
        raise OpccError(f"RACI names roles that are not in the model: {', '.join(missing)}")
    rows = tuple(
        RaciRow(p.id, a.id, a.name, tuple(_cell(letters.get((a.id, r), set())) for r in roles)) for p, a in chosen
    )
    if process:
        title = f"RACI: {processes[0].name}"
    elif area:
        title = f"RACI: {model.boundary(area).name}"
    else:
        title = "RACI: all processes"
    return RaciMatrix(title, roles, tuple(model.role(r).name for r in roles), rows)
