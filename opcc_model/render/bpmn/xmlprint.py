"""How a BPMN diagram is printed: BPMN 2.0 XML with diagram interchange, from the value model and its geometry.

Elements follow the order the BPMN 2.0 XML Schema requires; attributes are sorted
(:func:`opcc_model.render.xmltext.tag`); all text is cleaned and escaped there.
"""

from __future__ import annotations

from collections import defaultdict

from opcc_model.render.bpmn.layout import Bounds, Geometry
from opcc_model.render.bpmn.semantic import BpmnProcess, Node
from opcc_model.render.xmltext import tag, text, xml_clean

__all__ = ["NAMESPACES", "to_xml"]

NAMESPACES = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
"""The XML namespaces of a BPMN 2.0 file, by the prefixes used here."""

TARGET_NAMESPACE = "https://opcc-model.example/bpmn"


def _doc(lines: list[str], indent: str, documentation: str | None) -> None:
    cleaned = xml_clean(documentation or "").strip()
    if cleaned:
        lines.append(f"{indent}<bpmn:documentation>{text(cleaned)}</bpmn:documentation>")


def _flow_node(d: BpmnProcess, node: Node, incoming: list[str], outgoing: list[str], indent: str) -> list[str]:
    attributes = {"id": node.id, "name": node.name or None, "calledElement": node.called}
    lines = [tag(f"bpmn:{node.tag}", attributes) + ">"]
    _doc(lines, indent + "  ", node.documentation)
    lines += [f"{indent}  <bpmn:incoming>{i}</bpmn:incoming>" for i in incoming]
    lines += [f"{indent}  <bpmn:outgoing>{o}</bpmn:outgoing>" for o in outgoing]
    links = [k for k in d.links if k.node == node.id and k.kind != "association"]
    if any(k.kind == "dataInputAssociation" for k in links):
        lines.append(f'{indent}  <bpmn:property id="Property_{node.id}" name="__targetRef_placeholder"/>')
    for k in links:
        lines.append(f"{indent}  {tag(f'bpmn:{k.kind}', {'id': k.id})}>")
        if k.kind == "dataInputAssociation":
            lines.append(f"{indent}    <bpmn:sourceRef>{k.data}</bpmn:sourceRef>")
            lines.append(f"{indent}    <bpmn:targetRef>Property_{node.id}</bpmn:targetRef>")
        else:
            lines.append(f"{indent}    <bpmn:targetRef>{k.data}</bpmn:targetRef>")
        lines.append(f"{indent}  </bpmn:{k.kind}>")
    lines[0] = indent + lines[0]
    lines.append(f"{indent}</bpmn:{node.tag}>")
    return lines


def to_xml(d: BpmnProcess, geometry: Geometry, /, *, exporter_version: str = "") -> bytes:
    """The BPMN 2.0 XML of ``d`` drawn with ``geometry``, as UTF-8 bytes ending in a newline."""
    incoming: dict[str, list[str]] = defaultdict(list)
    outgoing: dict[str, list[str]] = defaultdict(list)
    for f in d.flows:
        outgoing[f.source].append(f.id)
        incoming[f.target].append(f.id)

    xmlns = {f"xmlns:{p}": uri for p, uri in NAMESPACES.items()}
    head = tag(
        "bpmn:definitions",
        xmlns | {"id": f"Definitions_{d.id}", "targetNamespace": TARGET_NAMESPACE,
                 "exporter": "opcc-model", "exporterVersion": exporter_version or None},
    )
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', head + ">"]
    lines.append(f'  <bpmn:collaboration id="Collaboration_{d.id}">')
    lines.append("    " + tag("bpmn:participant", {"id": f"Participant_{d.id}", "name": d.name, "processRef": d.process_id}) + "/>")
    lines.append("  </bpmn:collaboration>")
    lines.append("  " + tag("bpmn:process", {"id": d.process_id, "name": d.name, "isExecutable": "false"}) + ">")
    _doc(lines, "    ", d.documentation)
    lines.append(f'    <bpmn:laneSet id="LaneSet_{d.id}">')
    for lane in d.lanes:
        lines.append("      " + tag("bpmn:lane", {"id": lane.id, "name": lane.name}) + ">")
        lines += [f"        <bpmn:flowNodeRef>{n}</bpmn:flowNodeRef>" for n in lane.nodes]
        lines.append("      </bpmn:lane>")
    lines.append("    </bpmn:laneSet>")
    for node in d.nodes:
        lines += _flow_node(d, node, incoming[node.id], outgoing[node.id], "    ")
    for f in d.flows:
        attributes = {"id": f.id, "name": f.name or None, "sourceRef": f.source, "targetRef": f.target}
        if not f.name:
            lines.append("    " + tag("bpmn:sequenceFlow", attributes) + "/>")
            continue
        lines.append("    " + tag("bpmn:sequenceFlow", attributes) + ">")
        # the outcome as a condition on the decision's result (text escaped; never evaluated by opcc-model)
        condition = " or ".join(f"outcome == {name!r}" for name in f.name.split(" / "))
        lines.append(f'      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{text(xml_clean(condition))}</bpmn:conditionExpression>')
        lines.append("    </bpmn:sequenceFlow>")
    for data in d.data:
        lines.append("    " + tag("bpmn:dataObject", {"id": data.id}) + "/>")
        attributes = {"id": data.reference, "name": data.name, "dataObjectRef": data.id}
        lines.append("    " + tag("bpmn:dataObjectReference", attributes) + "/>")
    for k in d.links:
        if k.kind == "association":
            attributes = {"id": k.id, "sourceRef": k.source, "targetRef": k.target, "associationDirection": "One"}
            lines.append("    " + tag("bpmn:association", attributes) + "/>")
    lines.append("  </bpmn:process>")
    lines += _diagram(d, geometry)
    lines.append("</bpmn:definitions>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _bounds(b: Bounds) -> dict[str, str | None]:
    return {"x": str(b.x), "y": str(b.y), "width": str(b.width), "height": str(b.height)}


def _label(geometry: Geometry, element: str) -> list[str]:
    """The element's ``BPMNLabel`` with its bounds, when the layout placed one."""
    b = geometry.labels.get(element)
    if b is None:
        return []
    return ["        <bpmndi:BPMNLabel>", "          " + tag("dc:Bounds", _bounds(b)) + "/>", "        </bpmndi:BPMNLabel>"]


def _diagram(d: BpmnProcess, geometry: Geometry) -> list[str]:
    lines = [f'  <bpmndi:BPMNDiagram id="BPMNDiagram_{d.id}">']
    lines.append(f'    <bpmndi:BPMNPlane bpmnElement="Collaboration_{d.id}" id="BPMNPlane_{d.id}">')
    horizontal = [f"Participant_{d.id}", *(lane.id for lane in d.lanes)]
    gateways = {n.id for n in d.nodes if n.tag == "exclusiveGateway"}
    for element in [*horizontal, *(n.id for n in d.nodes), *(r.reference for r in d.data)]:
        b = geometry.shapes[element]
        attributes = {
            "id": f"{element}_di",
            "bpmnElement": element,
            "isHorizontal": "true" if element in horizontal else None,
            "isMarkerVisible": "true" if element in gateways else None,
        }
        lines.append("      " + tag("bpmndi:BPMNShape", attributes) + ">")
        lines.append("        " + tag("dc:Bounds", _bounds(b)) + "/>")
        lines += _label(geometry, element)
        lines.append("      </bpmndi:BPMNShape>")
    for edge_id in [*(f.id for f in d.flows), *(k.id for k in d.links)]:
        lines.append("      " + tag("bpmndi:BPMNEdge", {"id": f"{edge_id}_di", "bpmnElement": edge_id}) + ">")
        lines += [f'        <di:waypoint x="{x}" y="{y}"/>' for x, y in geometry.edges[edge_id]]
        lines += _label(geometry, edge_id)
        lines.append("      </bpmndi:BPMNEdge>")
    lines.append("    </bpmndi:BPMNPlane>")
    lines.append("  </bpmndi:BPMNDiagram>")
    return lines
