"""BPMN export: schema-valid, parsed by SpiffWorkflow, the structure read back matches the process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import opcc_model
from opcc_model.cli import main
from opcc_model.errors import OpccError
from opcc_model.graph import dependencies
from opcc_model.render.bpmn import bpmn_process, render_bpmn, write_bpmn
from opcc_model.render.bpmn.check import check_diagram
from opcc_model.render.bpmn.layout import layout_process

etree = pytest.importorskip("lxml.etree")
SpiffWorkflow = pytest.importorskip("SpiffWorkflow")

NS = {
    "bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
    "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
    "dc": "http://www.omg.org/spec/DD/20100524/DC",
    "di": "http://www.omg.org/spec/DD/20100524/DI",
}
FLOW_NODES = ("startEvent", "endEvent", "task", "userTask", "callActivity", "exclusiveGateway", "parallelGateway",
              "intermediateThrowEvent")


@pytest.fixture(scope="module")
def schema():
    xsd = Path(SpiffWorkflow.__file__).parent / "bpmn" / "parser" / "schema" / "BPMN20.xsd"
    return etree.XMLSchema(etree.parse(str(xsd)))


def _flow_nodes(doc):
    return [e for name in FLOW_NODES for e in doc.iterfind(f".//bpmn:{name}", NS)]


def test_every_file_is_valid_against_the_bpmn_schema(bpmn_files, schema):
    assert len(bpmn_files) == 3
    for path in bpmn_files:
        doc = etree.parse(str(path))
        assert schema.validate(doc), f"{path.name}: {schema.error_log}"


def test_spiffworkflow_parses_every_process(bpmn_files, tmp_path):
    from SpiffWorkflow.bpmn.parser import BpmnParser, BpmnValidator

    # SpiffWorkflow builds specs of executable processes only; our maps say isExecutable="false"
    # (they describe work, they do not run), so the parser reads copies marked executable.
    copies = []
    for path in bpmn_files:
        copy = tmp_path / path.name
        copy.write_bytes(path.read_bytes().replace(b'isExecutable="false"', b'isExecutable="true"'))
        copies.append(str(copy))
    parser = BpmnParser(validator=BpmnValidator())
    parser.add_bpmn_files(copies)
    for path in bpmn_files:
        process_id = f"Process_{path.stem}"
        spec = parser.get_spec(process_id)
        names = {t.bpmn_id for t in spec.task_specs.values() if t.bpmn_id}
        doc = etree.parse(str(path))
        assert {e.get("id") for e in _flow_nodes(doc)} <= names
        assert parser.get_subprocess_specs(process_id) is not None


def test_round_trip_structure_matches_the_process(model, bpmn_files):
    for path in bpmn_files:
        if path.stem not in {p.id for p in model.processes}:
            continue
        process = model.process(path.stem)
        doc = etree.parse(str(path))
        tags = {e.get("id"): etree.QName(e).localname for e in _flow_nodes(doc)}
        expected = {"task": ("task", "userTask"), "decision": ("exclusiveGateway",),
                    "event": ("intermediateThrowEvent",), "subprocess": ("callActivity",)}
        for activity in process.activities:
            assert tags[f"Activity_{activity.id}"] in expected[activity.kind]
            node = doc.find(f".//*[@id='Activity_{activity.id}']")
            assert node.get("name") == activity.name
            if activity.kind == "subprocess":
                assert node.get("calledElement") == f"Process_{activity.process}"
        starts = [e for e in tags.values() if e == "startEvent"]
        ends = [e for e in tags.values() if e == "endEvent"]
        assert len(starts) == len(ends) == 1
        inside = [a.id for a in process.activities]
        want = {(f"Activity_{u}", f"Activity_{v}") for u, v in dependencies(model).subgraph(inside).edges}
        assert _activity_flows(doc) == want
        lanes = {lane.get("name"): {r.text for r in lane.iterfind("bpmn:flowNodeRef", NS)} for lane in doc.iterfind(".//bpmn:lane", NS)}
        assert sorted(n for refs in lanes.values() for n in refs) == sorted(tags)
        for activity in process.activities:
            if activity.accountable is None:
                assert f"Activity_{activity.id}" in lanes["Unassigned"]
        data = {e.get("name") for e in doc.iterfind(".//bpmn:dataObjectReference", NS)}
        used = {model.artifact(x).name for a in process.activities for x in (*a.inputs, *a.outputs)}
        assert data == used
        docs = [e.text for e in doc.iterfind(".//bpmn:process/bpmn:documentation", NS)]
        assert docs == ([process.guidance.strip()] if process.guidance else [])


def _activity_flows(doc) -> set[tuple[str, str]]:
    """Flows between activities, looking through the parallel gateways that make splits and joins explicit."""
    succ: dict[str, list[str]] = {}
    for f in doc.iterfind(".//bpmn:sequenceFlow", NS):
        succ.setdefault(f.get("sourceRef"), []).append(f.get("targetRef"))
    gateways = {g.get("id") for g in doc.iterfind(".//bpmn:parallelGateway", NS)}
    found = set()
    for source in succ:
        if not source.startswith("Activity_"):
            continue
        stack = list(succ[source])
        while stack:
            target = stack.pop()
            if target in gateways:
                stack.extend(succ.get(target, []))
            elif target.startswith("Activity_"):
                found.add((source, target))
    return found


def test_implicit_splits_and_joins_are_explicit(bpmn_files):
    for path in bpmn_files:
        doc = etree.parse(str(path))
        for node in _flow_nodes(doc):
            if etree.QName(node).localname not in ("exclusiveGateway", "parallelGateway"):
                assert len(node.findall("bpmn:outgoing", NS)) <= 1, node.get("id")
                assert len(node.findall("bpmn:incoming", NS)) <= 1, node.get("id")


def test_every_element_has_a_shape_and_every_flow_an_edge(bpmn_files):
    for path in bpmn_files:
        doc = etree.parse(str(path))
        shaped = {s.get("bpmnElement") for s in doc.iterfind(".//bpmndi:BPMNShape", NS)}
        edged = {s.get("bpmnElement"): s for s in doc.iterfind(".//bpmndi:BPMNEdge", NS)}
        drawn = [*_flow_nodes(doc), *doc.iterfind(".//bpmn:lane", NS), *doc.iterfind(".//bpmn:participant", NS),
                 *doc.iterfind(".//bpmn:dataObjectReference", NS)]
        assert {e.get("id") for e in drawn} == shaped
        connections = [*doc.iterfind(".//bpmn:sequenceFlow", NS), *doc.iterfind(".//bpmn:dataInputAssociation", NS),
                       *doc.iterfind(".//bpmn:dataOutputAssociation", NS), *doc.iterfind(".//bpmn:association", NS)]
        assert {e.get("id") for e in connections} == set(edged)
        assert all(len(e.findall("di:waypoint", NS)) >= 2 for e in edged.values())


def test_shapes_sit_inside_their_lane_and_lanes_do_not_overlap(model):
    d = bpmn_process(model, "develop-plan")
    geometry = layout_process(d)
    spans = sorted((geometry.shapes[lane.id].y, geometry.shapes[lane.id].y + geometry.shapes[lane.id].height) for lane in d.lanes)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    for lane in d.lanes:
        band = geometry.shapes[lane.id]
        for node in lane.nodes:
            box = geometry.shapes[node]
            assert band.y <= box.y and box.y + box.height <= band.y + band.height
            assert band.x + 30 <= box.x


def test_output_is_byte_identical_across_runs(model, tmp_path):
    first = render_bpmn(model, "develop-plan")
    again = render_bpmn(opcc_model.load(Path(model.location_of("process", "develop-plan").file).parents[2]), "develop-plan")
    assert first == again
    assert [p.read_bytes() for p in write_bpmn(model, tmp_path)] == [render_bpmn(model, p.id) for p in sorted(model.processes, key=lambda p: p.id)]


def test_the_self_check_refuses_an_incomplete_drawing(model):
    d = bpmn_process(model, "develop-plan")
    geometry = layout_process(d)
    del geometry.edges["Flow_panel-veto_issue-plan"]
    del geometry.shapes["DataObjectReference_draft-plan"]
    with pytest.raises(OpccError, match="no shape for DataObjectReference_draft-plan; no edge for Flow_panel-veto_issue-plan"):
        check_diagram(model, d, geometry)


def test_cli_exports_one_file_per_process(tmp_path, capsys):
    root = str(Path(__file__).resolve().parent.parent / "fixtures" / "interchange")
    assert main(["export", "bpmn", root, "--out", str(tmp_path)]) == 0
    assert sorted(os.listdir(tmp_path)) == ["develop-plan.bpmn", "review-plan.bpmn"]
    assert main(["export", "bpmn", root, "--out", str(tmp_path / "one"), "--only", "review-plan", "--lanes", "role"]) == 0
    assert os.listdir(tmp_path / "one") == ["review-plan.bpmn"]
    assert main(["export", "bpmn", root, "--out", str(tmp_path / "none"), "--only", "nope"]) == 2
    assert "process 'nope' is not in the model" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()
