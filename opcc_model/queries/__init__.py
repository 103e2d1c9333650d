"""Queries: one module per question, each returning findings or tables.

>>> import opcc_model
>>> from opcc_model.queries import check
>>> len(check(opcc_model.load(opcc_model.example_root("minimal"))))
0
"""

from opcc_model.queries import crossings as _crossings  # noqa: F401  (registers OPCC-D101, D103, D104)
from opcc_model.queries import dependencies as _dependencies  # noqa: F401  (registers OPCC-D102)
from opcc_model.queries import gaps as _gaps  # noqa: F401  (registers OPCC-G1xx)
from opcc_model.queries import legal as _legal  # noqa: F401  (registers OPCC-L101-L103, L106, L107)
from opcc_model.queries import overlaps as _overlaps  # noqa: F401  (registers OPCC-O1xx)
from opcc_model.queries import register as _register  # noqa: F401  (registers OPCC-S109)
from opcc_model.queries import schemechains as _schemechains  # noqa: F401  (registers OPCC-S103-S106)
from opcc_model.queries import schemes as _schemes  # noqa: F401  (registers OPCC-S101, S102, S107, S108, S110)
from opcc_model.queries import timetable as _timetable  # noqa: F401  (registers OPCC-L104, L105)
from opcc_model.queries import transfer as _transfer  # noqa: F401  (registers OPCC-T101-T104)
from opcc_model.queries.checking import FindingList, at_or_above, check
from opcc_model.queries.decides import WhoDecides, who_decides
from opcc_model.queries.pag_coverage import coverage
from opcc_model.queries.flow import NoPath, downstream, path, upstream
from opcc_model.queries.handoff_table import HandoffTable, handoffs
from opcc_model.queries.removal_impact import impact
from opcc_model.queries.table import QueryResult

__all__ = [
    "FindingList",
    "HandoffTable",
    "NoPath",
    "QueryResult",
    "at_or_above",
    "check",
    "coverage",
    "downstream",
    "handoffs",
    "impact",
    "path",
    "upstream",
    "WhoDecides",
    "who_decides",
]
