"""Tables as XLSX workbooks with stable bytes (openpyxl, an optional extra)."""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Sequence

from opcc_model.errors import OpccError
from opcc_model.render.xmltext import xml_clean

__all__ = ["FIXED_TIME", "table_to_xlsx"]

FIXED_TIME = datetime.datetime(2000, 1, 1)
"""The created/modified time written into every workbook, so bytes do not depend on the clock."""


def _openpyxl():  # type: ignore[no-untyped-def]
    try:
        import openpyxl
        from openpyxl.writer.excel import ExcelWriter
    except ImportError:
        raise OpccError("XLSX output needs openpyxl: pip install 'opcc-model[xlsx]'") from None
    return openpyxl, ExcelWriter


def table_to_xlsx(title: str, header: Sequence[Sequence[str]], rows: Sequence[Sequence[str]], /) -> bytes:
    """One sheet: bold ``header`` lines, then ``rows``, the top frozen; the same table gives the same bytes.

    Every cell is typed as a string, so a name like ``=HYPERLINK(...)`` is text, never a formula.

    >>> data = table_to_xlsx("T", [["a", "b"]], [["1", "x\\x00y"], ["=1+1", "#N/A"]])
    >>> import openpyxl, io
    >>> [[(c.value, c.data_type) for c in r] for r in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows()]
    [[('a', 's'), ('b', 's')], [('1', 's'), ('xy', 's')], [('=1+1', 's'), ('#N/A', 's')]]
    """
    openpyxl, ExcelWriter = _openpyxl()
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "RACI"
    for line in header:
        sheet.append([xml_clean(v) for v in line])
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    for row in rows:
        sheet.append([xml_clean(v) for v in row])
    for cells in sheet.iter_rows():
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl makes "=..." a formula and "#N/A" an error: text is text
    sheet.freeze_panes = sheet.cell(row=len(header) + 1, column=4)
    workbook.properties.title = xml_clean(title)
    workbook.properties.creator = "opcc-model"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return _stable_zip(buffer.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same archive with every entry's timestamp fixed and entries in name order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(source.namelist()):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, source.read(name))
    return out.getvalue()
