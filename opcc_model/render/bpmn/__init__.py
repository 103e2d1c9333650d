"""BPMN 2.0 XML with diagram interchange: what to draw (semantic), where (layout), how to print it (xmlprint)."""

from opcc_model.render.bpmn.export import render_bpmn, write_bpmn
from opcc_model.render.bpmn.semantic import BpmnProcess, bpmn_process

__all__ = ["BpmnProcess", "bpmn_process", "render_bpmn", "write_bpmn"]
