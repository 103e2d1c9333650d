"""Model → YAML files in the layout :func:`opcc_model.load` reads (the other half of the round trip).

>>> import opcc_model
>>> files = to_yaml_files(opcc_model.load(opcc_model.example_root("minimal")))
>>> sorted(files)[:3]
['pag/boundaries/example-area.yaml', 'pag/glossary.yaml', 'processes/artifacts.yaml']
>>> print(files["processes/roles.yaml"].splitlines()[1])
roles:
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from opcc_model.atomic import write_text
from opcc_model.model import Model

__all__ = ["to_yaml_files", "write_model"]

_SafeDumper: type = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_SCHEMA_LINE = "# yaml-language-server: $schema={prefix}schemas/{kind}.schema.json\n"


def _plain(value: BaseModel) -> dict[str, Any]:
    return value.model_dump(mode="json", exclude_defaults=True)


def _yaml(data: dict[str, Any], kind: str, depth: int) -> str:
    header = _SCHEMA_LINE.format(prefix="../" * depth, kind=kind)
    body = yaml.dump(data, Dumper=_SafeDumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def to_yaml_files(model: Model, /) -> dict[str, str]:
    """Every file of ``model`` as ``{path relative to the model root: YAML text}``.

    Defaults are left out; an activity's ``jurisdictions`` and ``basis`` are written
    out in full. Each file starts with a ``yaml-language-server`` schema modeline.
    """
    files: dict[str, str] = {}
    chain: dict[str, Any] = {"mandate": model.mandate}
    if model.outcomes:
        chain["outcomes"] = list(model.outcomes)
    chain["stages"] = [_plain(s) for s in model.stages]
    files["processes/value-chain.yaml"] = _yaml(chain, "value-chain", 1)
    files["processes/roles.yaml"] = _yaml({"roles": [_plain(r) for r in model.roles]}, "roles", 1)
    files["processes/artifacts.yaml"] = _yaml({"artifacts": [_plain(a) for a in model.artifacts]}, "artifacts", 1)
    for process in model.processes:
        files[f"processes/{process.stage}/{process.id}.yaml"] = _yaml(_plain(process), "process", 2)
    files["pag/glossary.yaml"] = _yaml({"codes": [_plain(c) for c in model.codes]}, "glossary", 1)
    for boundary in model.boundaries:
        files[f"pag/boundaries/{boundary.area}.yaml"] = _yaml(_plain(boundary), "boundary", 2)
    return files


def write_model(model: Model, root: str | os.PathLike[str], /) -> list[Path]:
    """Write ``model`` as YAML files under ``root`` (each file atomically); return the paths.

    >>> import opcc_model, tempfile
    >>> model = opcc_model.load(opcc_model.example_root("minimal"))
    >>> folder = tempfile.mkdtemp()
    >>> _ = write_model(model, folder)
    >>> opcc_model.load(folder) == model
    True
    """
    base = Path(root)
    return [write_text(base / relative, text) for relative, text in sorted(to_yaml_files(model).items())]
