"""The RACI matrix of one area: activities × roles, as rows for the page and as CSV.

An area sees the activities of its jurisdiction; each row also names who holds the
activity's PAG codes in that area.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> print(raci_csv(model, area="example-area"), end="")
activity,name,process,pag,holder,pcc,opcc-chief-executive,cc,pcp,csp
identify-stakeholders,Identify stakeholders,conduct-stakeholder-analysis,1.1.2.8,commissioner,A,R,C,I,
agree-outcomes,Agree outcomes with partners,conduct-stakeholder-analysis,1.1.2.8,commissioner,A,,,,C
"""

from __future__ import annotations

from dataclasses import dataclass

from opcc_model.model import Activity, Model, Process
from opcc_model.queries.index import area_activity_ids
from opcc_model.queries.table import Cell, csv_text

__all__ = ["RaciRow", "raci_rows", "raci_csv", "role_csv", "letters"]


@dataclass(frozen=True)
class RaciRow:
    """One activity's line of the matrix: its process, codes, holders and one cell per role."""

    activity: Activity
    process: Process
    holders: tuple[str, ...]
    cells: tuple[str, ...]


def letters(activity: Activity, role_id: str, /) -> str:
    """The RACI letters ``role_id`` has on ``activity`` (``""`` when none), in A, R, C, I order.

    >>> letters(Activity(id="a", name="A", accountable="pcc", informed=("pcc",)), "pcc")
    'AI'
    """
    return "".join(letter for letter, role in activity.roles() if role == role_id)


def raci_rows(model: Model, /, *, area: str) -> list[RaciRow]:
    """The matrix rows of ``area``: activities of its jurisdiction, in file order, cells in role order.

    >>> import opcc_model
    >>> rows = raci_rows(opcc_model.load(opcc_model.example_root("minimal")), area="example-area")
    >>> rows[0].cells
    ('A', 'R', 'C', 'I', '')
    """
    boundary = model.boundary(area)
    counted = area_activity_ids(model, area) or frozenset()
    rows = []
    for process in model.processes:
        for activity in process.activities:
            if activity.id not in counted:
                continue  # another jurisdiction's, another area's own, or overridden here
            holders = sorted({boundary.holder_of(code) or "unallocated" for code in activity.pag})
            cells = tuple(letters(activity, role.id) for role in model.roles)
            rows.append(RaciRow(activity, process, tuple(holders), cells))
    return rows


def raci_csv(model: Model, /, *, area: str) -> str:
    """The matrix of ``area`` as CSV text (``\\n`` line ends, one column per role id)."""
    columns = ["activity", "name", "process", "pag", "holder", *(role.id for role in model.roles)]
    rows: list[list[Cell]] = [
        [row.activity.id, row.activity.name, row.process.id, tuple(row.activity.pag), row.holders, *row.cells]
        for row in raci_rows(model, area=area)
    ]
    return csv_text(columns, rows)


def role_csv(model: Model, role_id: str, duties: dict[str, list[Activity]], /) -> str:
    """The activities of ``role_id`` by RACI letter (``duties``, as :meth:`Site.duties` gives them) as CSV.

    >>> import opcc_model
    >>> model = opcc_model.load(opcc_model.example_root("minimal"))
    >>> print(role_csv(model, "cc", {"A": [], "R": [], "C": [model.activity("identify-stakeholders")], "I": []}), end="")
    letter,activity,name,process,process name
    C,identify-stakeholders,Identify stakeholders,conduct-stakeholder-analysis,Conduct Stakeholder Analysis
    """
    rows: list[list[Cell]] = []
    for letter, items in duties.items():
        for activity in items:
            process = model.process_of(activity.id)
            rows.append([letter, activity.id, activity.name, process.id, process.name])
    return csv_text(["letter", "activity", "name", "process", "process name"], rows)
