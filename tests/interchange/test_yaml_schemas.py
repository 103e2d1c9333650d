"""The committed JSON Schemas: no drift from the types, they accept the examples, their errors point at typos."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

import opcc_model
from opcc_model.schema import SCHEMA_KINDS, json_schema, write_schemas

jsonschema = pytest.importorskip("jsonschema")

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = REPO / "schemas"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$")


def _example_files() -> list[Path]:
    """Every YAML file we ship: the examples, the reference model, its plans and scenarios."""
    shipped = [REPO / folder for folder in ("processes", "pag", "plans", "manifestos", "scenarios", "examples", "law")]
    return sorted(p for base in shipped for p in base.rglob("*.yaml"))


def _as_json(value):
    """The YAML data as an editor's language server sees it: dates stay text (PyYAML makes them dates)."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    return value.isoformat() if hasattr(value, "isoformat") else value


def _validator(kind: str):
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def test_committed_schemas_equal_freshly_generated_ones(tmp_path):
    fresh = {p.name: p.read_bytes() for p in write_schemas(tmp_path)}
    committed = {p.name: p.read_bytes() for p in SCHEMAS.glob("*.schema.json")}
    assert committed.keys() == fresh.keys() == {f"{k}.schema.json" for k in SCHEMA_KINDS}
    for name in fresh:
        assert committed[name] == fresh[name], f"schemas/{name} is stale: run `opcc schema --out schemas`"


def test_every_schema_is_a_valid_draft_2020_12_schema():
    for kind in SCHEMA_KINDS:
        jsonschema.Draft202012Validator.check_schema(json_schema(kind))


@pytest.mark.parametrize("path", _example_files(), ids=lambda p: p.name)
def test_every_example_file_names_its_schema_and_is_valid_against_it(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    match = MODELINE.match(first)
    assert match, f"{path} has no yaml-language-server modeline on its first line"
    schema_path = (path.parent / match.group(1)).resolve()
    assert schema_path.parent == SCHEMAS and schema_path.is_file()
    kind = schema_path.name.removesuffix(".schema.json")
    errors = list(_validator(kind).iter_errors(_as_json(yaml.safe_load(path.read_text(encoding="utf-8")))))
    assert errors == []


def test_a_typo_key_names_the_key_and_where_it_is():
    document = yaml.safe_load((opcc_model.example_root("minimal") / "processes" / "roles.yaml").read_text())
    document["roles"][1]["sidee"] = document["roles"][1].pop("side")
    errors = sorted(_validator("roles").iter_errors(document), key=lambda e: list(e.absolute_path))
    messages = {(tuple(e.absolute_path), e.message) for e in errors}
    assert ((1,), "'side' is a required property") in {(p[1:], m) for p, m in messages}
    assert any("'sidee' was unexpected" in m and p == ("roles", 1) for p, m in messages)


def test_a_typo_key_in_an_activity_is_caught():
    path = next(p for p in _example_files() if p.parent.name == "engage-consult")
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["activities"][0]["acountable"] = document["activities"][0].pop("accountable")
    messages = [(list(e.absolute_path), e.message) for e in _validator("process").iter_errors(document)]
    assert messages == [(["activities", 0], "Additional properties are not allowed ('acountable' was unexpected)")]


def _properties(node, where=""):
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            yield f"{where}.{key}", value
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}" if key != "properties" else where)
    elif isinstance(node, list):
        for value in node:
            yield from _properties(value, where)


def test_every_property_of_every_schema_has_a_description_from_its_field():
    from opcc_model.model import Activity

    undescribed = [f"{kind}:{where}" for kind in SCHEMA_KINDS for where, p in _properties(json_schema(kind)) if not p.get("description")]
    assert undescribed == []
    # one source: the field's attribute docstring is its description in Python and in the schema
    accountable = json_schema("process")["$defs"]["Activity"]["properties"]["accountable"]["description"]
    assert accountable == Activity.model_fields["accountable"].description and accountable.startswith("The A of RACI")
