"""One model file at a time: its validated document, the source entries it declares, and assembly.

The loader's steps, cut so that a caller (the cache) can re-read one changed file only:
:func:`read` parses and validates a file (``None`` when it has any problem: the full
loader then reports it), :func:`entries` lists the ``"kind:id"`` keys the document
declares with their key paths, and :func:`assemble` builds the :class:`Model`.

>>> import opcc_model
>>> root = opcc_model.example_root("minimal")
>>> doc = read(root, "processes/roles.yaml", "roles")
>>> entries("roles", doc)[0]
('role:pcc', ('roles', 0))
>>> model = assemble({relative: (kind, read(root, relative, kind)) for kind, relative in model_files(root)})
>>> model == opcc_model.load(root)
True
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from opcc_model.files import FILE_KINDS
from opcc_model.loader import model_files
from opcc_model.model import OWNED_DATA, Model
from opcc_model.yamlsource import PathKey, YamlFileError, read_file

__all__ = ["Entry", "read", "entries", "assemble", "model_files"]

Entry = tuple[str, tuple[PathKey, ...]]
"""A ``"kind:id"`` key and the key path inside its file."""


def read(root: str | os.PathLike[str], relative: str, kind: str) -> BaseModel | None:
    """Parse and validate the file ``relative`` of the model at ``root`` as a ``kind`` document.

    ``None`` when the file cannot be read, is empty or is invalid.
    """
    try:
        _, data = read_file(os.path.join(root, relative), relative)
    except YamlFileError:
        return None
    if data is None:
        return None
    try:
        return FILE_KINDS[kind].model_validate(data, context={OWNED_DATA: True})
    except ValidationError:
        return None


def _numbered(keys: list[tuple[str, tuple[PathKey, ...]]]) -> list[Entry]:
    counts: dict[str, int] = {}
    out: list[Entry] = []
    for key, path in keys:
        count = counts.get(key, 0)
        out.append((key if count == 0 else f"{key}#{count}", path))
        counts[key] = count + 1
    return out


def entries(kind: str, document: Any) -> list[Entry]:
    """The source entries a ``kind`` document declares, as the loader records them."""
    if kind == "value-chain":
        keys = [("mandate:", ("mandate",))]
        keys += [(f"outcome:{i}", ("outcomes", i)) for i in range(len(document.outcomes))]
        keys += [(f"stage:{s.id}", ("stages", i)) for i, s in enumerate(document.stages)]
    elif kind in ("roles", "artifacts"):
        prefix = kind[:-1]
        keys = [(f"{prefix}:{item.id}", (kind, i)) for i, item in enumerate(getattr(document, kind))]
    elif kind == "glossary":
        keys = [(f"code:{c.code}", ("codes", i)) for i, c in enumerate(document.codes)]
    elif kind == "process":
        keys = [(f"process:{document.id}", ())]
        keys += [(f"activity:{a.id}", ("activities", i)) for i, a in enumerate(document.activities)]
    else:
        area = document.area
        keys = [(f"area:{area}", ())]
        keys += [(f"allocation:{area}/{a.pag}", ("allocations", i)) for i, a in enumerate(document.allocations)]
        keys += [(f"waiver:{area}/{i}", ("waivers", i)) for i in range(len(document.waivers))]
    return _numbered(keys)


def assemble(documents: Mapping[str, tuple[str, Any]]) -> Model:
    """The model made of ``{relative path: (kind, document)}`` in load order (no validation again)."""
    core = {kind: doc for kind, doc in documents.values() if kind not in ("process", "boundary")}
    chain = core["value-chain"]
    return Model(
        mandate=chain.mandate,
        outcomes=chain.outcomes,
        stages=chain.stages,
        roles=core["roles"].roles,
        artifacts=core["artifacts"].artifacts,
        processes=tuple(doc for kind, doc in documents.values() if kind == "process"),
        codes=core["glossary"].codes,
        boundaries=tuple(doc for kind, doc in documents.values() if kind == "boundary"),
    )
