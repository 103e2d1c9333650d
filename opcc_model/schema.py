"""JSON Schema of every kind of YAML file, generated from the same pydantic types that load them."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from opcc_model.atomic import write_text
from opcc_model.files import FILE_KINDS
from opcc_model.plan.manifesto import Manifesto
from opcc_model.plan.model import Plan
from opcc_model.scenario.scenario import Scenario

__all__ = ["SCHEMA_KINDS", "SCHEMA_ID", "json_schema", "write_schemas"]

SCHEMA_ID = "urn:opcc-model:schema:{kind}"
"""The ``$id`` of each schema: a URN naming the file kind, the same in every release (docs/format.md).
Files name their schema by a relative path in their modeline; the ``$id`` identifies it wherever it is."""

SCHEMA_KINDS: dict[str, type[BaseModel]] = {**FILE_KINDS, "plan": Plan, "manifesto": Manifesto, "scenario": Scenario}
"""Every kind of YAML file users write: the model's files, plans (``plans/``) and scenarios (``scenarios/``)."""


def json_schema(kind: str, /) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one kind of YAML file.

    >>> json_schema("roles")["properties"]["roles"]["type"], json_schema("roles")["$id"]
    ('array', 'urn:opcc-model:schema:roles')
    >>> json_schema("nope")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    KeyError: "unknown file kind 'nope' (expected one of: artifacts, boundary, duties, glossary, instruments, manifesto, ...)"
    """
    try:
        file_type = SCHEMA_KINDS[kind]
    except KeyError:
        raise KeyError(f"unknown file kind {kind!r} (expected one of: {', '.join(sorted(SCHEMA_KINDS))})") from None
    schema = _without_examples(file_type.model_json_schema(mode="validation"))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID.format(kind=kind)
    return schema


def _without_examples(node: Any) -> Any:
    """The schema with doctest examples cut from every ``description`` (editors show it as hover help).

    >>> _without_examples({"description": "A role.\\n\\n>>> Role(...)", "x": [{"description": "B"}]})
    {'description': 'A role.', 'x': [{'description': 'B'}]}
    """
    if isinstance(node, dict):
        return {
            k: (v.split(">>>", 1)[0].strip() if k == "description" and isinstance(v, str) else _without_examples(v))
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_without_examples(v) for v in node]
    return node


def write_schemas(out: str | os.PathLike[str], /) -> list[Path]:
    """Write ``<kind>.schema.json`` for every file kind into ``out``; return the paths written.

    >>> import tempfile
    >>> [p.name for p in write_schemas(tempfile.mkdtemp())][:2]
    ['artifacts.schema.json', 'boundary.schema.json']
    """
    return [
        write_text(Path(out) / f"{kind}.schema.json", json.dumps(json_schema(kind), indent=2, sort_keys=True) + "\n")
        for kind in sorted(SCHEMA_KINDS)
    ]
