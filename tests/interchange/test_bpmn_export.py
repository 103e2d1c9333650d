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
        expected = {"task": ("task", "userTask"), "decision": ("task", "userTask"),
                    "event": ("intermediateThrowEvent",), "subprocess": ("callActivity",)}
        for activity in process.activities:
            assert tags[f"Activity_{activity.id}"] in expected[activity.kind]
            node = doc.find(f".//*[@id='Activity_{activity.id}']")
            assert node.get("name") == activity.name
            if activity.kind == "subprocess":
                assert node.get("calledElement") == f"Process_{activity.process}"
        starts = [e for e in tags.values() if e == "startEvent"]
        ends = [e for e in tags.values() if e == "endEvent"]
        assert len(starts) == 1 and len(ends) >= 1
        inside = [a.id for a in process.activities]
        want = {(f"Activity_{u}", f"Activity_{v}") for u, v in dependencies(model).subgraph(inside).edges}
        want |= {(f"Activity_{a.id}", f"Activity_{t}") for a in process.activities for o in a.outcomes for t in o.then if t in inside}
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
    gateways |= {g.get("id") for g in doc.iterfind(".//bpmn:exclusiveGateway", NS) if g.get("id").startswith("Decision_")}
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


def test_a_decision_is_a_task_then_a_gateway_with_named_outcomes(model, bpmn_files):
    """The decision's work is a task (its data wired to the task); the gateway after it carries one named flow per outcome."""
    path = next(p for p in bpmn_files if p.stem == "develop-plan")
    doc = etree.parse(str(path))
    task = doc.find(".//*[@id='Activity_panel-veto']")
    assert etree.QName(task).localname in ("task", "userTask")
    assert task.find("bpmn:dataInputAssociation", NS) is not None
    gateway = doc.find(".//bpmn:exclusiveGateway[@id='Decision_panel-veto']", NS)
    flows = {f.get("id"): f for f in doc.iterfind(".//bpmn:sequenceFlow", NS)}
    out = sorted((f.get("name"), f.get("targetRef").removeprefix("Join_")) for f in flows.values() if f.get("sourceRef") == gateway.get("id"))
    assert out == [("no veto", "Activity_issue-plan"), ("veto <two-thirds>", "Activity_draft-plan")]
    assert [f.get("targetRef") for f in flows.values() if f.get("sourceRef") == "Activity_panel-veto"] == ["Decision_panel-veto"]


def test_outcomes_leading_out_of_the_process_end_in_named_end_events():
    model = opcc_model.load(opcc_model.reference_root())
    d = bpmn_process(model, "panel-precept-review")
    ends = {n.id: n.name for n in d.nodes if n.tag == "endEvent"}
    named = {f.name: ends[f.target] for f in d.flows if f.target in ends}
    assert named == {"no veto": "Have regard to the Panel's report, respond to it and publish the response",
                     "veto": "Respond to the veto with a revised precept"}


def _overlap(a, b) -> int:
    width = min(a.x + a.width, b.x + b.width) - max(a.x, b.x)
    height = min(a.y + a.height, b.y + b.height) - max(a.y, b.y)
    return max(width, 0) * max(height, 0)


def test_labels_overlap_no_shape_in_any_reference_process(tmp_path):
    """Every external label in the exported DI (events, gateways, data objects, named flows) clears every shape."""
    model = opcc_model.load(opcc_model.reference_root())
    paths = write_bpmn(model, tmp_path)
    assert len(paths) == len(model.processes)
    measured = 0
    for path in paths:
        doc = etree.parse(str(path))
        shapes = {}
        for s in doc.iterfind(".//bpmndi:BPMNShape", NS):
            if s.get("isHorizontal") is None:  # flow nodes and data objects; not the pool and lanes
                b = s.find("dc:Bounds", NS)
                shapes[s.get("bpmnElement")] = _Box(*(int(b.get(k)) for k in ("x", "y", "width", "height")))
        for element in [*doc.iterfind(".//bpmndi:BPMNShape", NS), *doc.iterfind(".//bpmndi:BPMNEdge", NS)]:
            label = element.find("bpmndi:BPMNLabel/dc:Bounds", NS)
            if label is None:
                continue
            box = _Box(*(int(label.get(k)) for k in ("x", "y", "width", "height")))
            measured += 1
            hits = [k for k, s in shapes.items() if k != element.get("bpmnElement") and _overlap(box, s)]
            assert hits == [], f"{path.name}: the label of {element.get('bpmnElement')} overlaps {hits}"
    assert measured > 100


class _Box:
    def __init__(self, x: int, y: int, width: int, height: int) -> None:
        self.x, self.y, self.width, self.height = x, y, width, height


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
    del geometry.edges["Outcome_panel-veto_issue-plan"]
    del geometry.shapes["DataObjectReference_draft-plan"]
    with pytest.raises(OpccError, match="no shape for DataObjectReference_draft-plan; no edge for Outcome_panel-veto_issue-plan"):
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
