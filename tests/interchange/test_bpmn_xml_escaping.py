"""Every text field reaches BPMN and GraphML as well-formed XML, whatever Unicode the YAML held."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opcc_model.render.bpmn import render_bpmn
from opcc_model.render.graphml import to_graphml
from opcc_model.render.xmltext import xml_clean

etree = pytest.importorskip("lxml.etree")

# Arbitrary Unicode including what XML 1.0 forbids: C0 controls, lone surrogates, U+FFFE, U+FFFF.
NASTY = st.lists(
    st.one_of(
        st.characters(codec=None, exclude_categories=()),
        st.sampled_from(["\x00", "\x07", "\x1b", "\ud800", "\udfff", "\ufffe", "\uffff", "<", "&", '"', "]]>", "\r\n"]),
    ),
    min_size=1,
    max_size=30,
).map("".join)

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _renamed(model, name, guidance, artifact_name, role_name):
    process = model.process("develop-plan")
    activities = tuple(
        a.model_copy(update={"name": name, "guidance": guidance}) for a in process.activities
    )
    processes = tuple(
        p.model_copy(update={"activities": activities, "name": name, "guidance": guidance}) if p.id == process.id else p
        for p in model.processes
    )
    artifacts = tuple(a.model_copy(update={"name": artifact_name}) for a in model.artifacts)
    roles = tuple(r.model_copy(update={"name": role_name}) for r in model.roles)
    return model.model_copy(update={"processes": processes, "artifacts": artifacts, "roles": roles})


@SETTINGS
@given(name=NASTY, guidance=NASTY, artifact_name=NASTY, role_name=NASTY)
def test_bpmn_text_fields_survive_as_well_formed_xml(model, name, guidance, artifact_name, role_name):
    changed = _renamed(model, name, guidance, artifact_name, role_name)
    for lanes in ("side", "role"):
        doc = etree.fromstring(render_bpmn(changed, "develop-plan", lanes=lanes))
        ns = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}
        task = doc.find(".//*[@id='Activity_assess-needs']")
        assert task.get("name") == xml_clean(name)
        documentation = task.find("bpmn:documentation", ns)
        assert (documentation.text if documentation is not None else "") == xml_clean(guidance).strip()
        data = doc.find(".//bpmn:dataObjectReference", ns)
        assert data.get("name") == xml_clean(artifact_name)
        if lanes == "role":
            assert {lane.get("name") for lane in doc.iterfind(".//bpmn:lane", ns)} - {"Unassigned"} == {xml_clean(role_name)}


@SETTINGS
@given(name=NASTY, artifact_name=NASTY, role_name=NASTY)
def test_graphml_text_fields_survive_as_well_formed_xml(model, name, artifact_name, role_name):
    changed = _renamed(model, name, None, artifact_name, role_name)
    g = nx.read_graphml(io.BytesIO(to_graphml(changed)), force_multigraph=True)
    assert g.nodes["activity:assess-needs"]["name"] == xml_clean(name)
    assert g.nodes["artifact:draft-plan"]["name"] == xml_clean(artifact_name)


@settings(max_examples=200, deadline=None)
@given(NASTY)
def test_xml_clean_leaves_only_characters_xml_allows(value):
    cleaned = xml_clean(value)
    etree.fromstring(f"<a b='{cleaned.replace('&', '').replace('<', '').replace(chr(39), '')}'/>".encode("utf-8", "surrogatepass"))
    assert all(c in "\t\n" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD or ord(c) > 0xFFFF for c in cleaned)
