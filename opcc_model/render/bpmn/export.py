"""BPMN 2.0 export: one ``<process-id>.bpmn`` per process, checked before it is written."""

from __future__ import annotations

import os
from pathlib import Path

from opcc_model.atomic import write_bytes
from opcc_model.model import Model
from opcc_model.render.bpmn.check import check_diagram
from opcc_model.render.bpmn.layout import layout_process
from opcc_model.render.bpmn.semantic import LaneMode, bpmn_process
from opcc_model.render.bpmn.xmlprint import to_xml

__all__ = ["render_bpmn", "write_bpmn"]


def render_bpmn(model: Model, process_id: str, /, *, lanes: LaneMode = "side") -> bytes:
    """The BPMN 2.0 XML (with diagram interchange) of one process, as bytes.

    Raises :class:`~opcc_model.errors.NotFound` for an unknown process and
    :class:`~opcc_model.errors.OpccError` when the drawing would be incomplete.

    >>> import opcc_model
    >>> model = opcc_model.load(opcc_model.example_root("minimal"))
    >>> xml = render_bpmn(model, "conduct-stakeholder-analysis")
    >>> xml.count(b"<bpmndi:BPMNShape"), xml.count(b"<bpmndi:BPMNEdge")
    (9, 7)
    """
    from opcc_model import __version__

    d = bpmn_process(model, process_id, lanes=lanes)
    geometry = layout_process(d)
    check_diagram(model, d, geometry)
    return to_xml(d, geometry, exporter_version=__version__)


def write_bpmn(
    model: Model, out: str | os.PathLike[str], /, *, only: str | None = None, lanes: LaneMode = "side"
) -> list[Path]:
    """Write ``<process-id>.bpmn`` into ``out`` for every process (or only ``only``); return the paths.

    Every file is rendered and checked before the first is written.

    >>> import opcc_model, tempfile
    >>> model = opcc_model.load(opcc_model.example_root("minimal"))
    >>> [p.name for p in write_bpmn(model, tempfile.mkdtemp())]
    ['conduct-stakeholder-analysis.bpmn']
    """
    ids = [model.process(only).id] if only else sorted(p.id for p in model.processes)
    rendered = {pid: render_bpmn(model, pid, lanes=lanes) for pid in ids}
    return [write_bytes(Path(out) / f"{pid}.bpmn", data) for pid, data in rendered.items()]
