"""The files of a model: which YAML files a model root holds, of which kind, in load order.

Light on purpose (no model classes imported): the loader, the cache and the warm answer of
``opcc validate`` (:mod:`opcc_model.validated`) all list a model's files through here.
"""

from __future__ import annotations

import os

__all__ = ["CORE", "LAW", "model_files", "shown"]

CORE = {
    "value-chain": "processes/value-chain.yaml",
    "roles": "processes/roles.yaml",
    "artifacts": "processes/artifacts.yaml",
    "glossary": "pag/glossary.yaml",
}
"""The files every model has, by kind."""

LAW = {"instruments": "law/instruments.yaml", "duties": "law/duties.yaml", "transitions": "law/transitions.yaml"}
"""The optional files of the law as data, by kind."""


def shown(root: str, relative: str, /) -> str:
    """How a file of the model at ``root`` is named in messages (``root/relative``, with ``/``).

    >>> shown(".", "pag/glossary.yaml"), shown("model", "pag/glossary.yaml")
    ('pag/glossary.yaml', 'model/pag/glossary.yaml')
    """
    joined = os.path.normpath(os.path.join(root, relative)) if root not in ("", ".") else relative
    return joined.replace(os.sep, "/")


def model_files(root: str | os.PathLike[str], /) -> list[tuple[str, str]]:
    """Every YAML file of the model at ``root`` as ``(kind, path relative to root)``, in load order.

    Kinds: ``value-chain``, ``roles``, ``artifacts``, ``process``, ``glossary``, ``instruments``,
    ``duties``, ``transitions``, ``boundary``.

    >>> import opcc_model
    >>> [kind for kind, _ in model_files(opcc_model.example_root("minimal"))][:3]
    ['value-chain', 'roles', 'artifacts']
    """
    base = os.fspath(root)
    found: list[tuple[str, str]] = [
        (kind, relative)
        for kind, relative in CORE.items()
        if kind != "glossary" and os.path.isfile(os.path.join(base, relative))
    ]
    processes = os.path.join(base, "processes")
    if os.path.isdir(processes):
        for folder in sorted(entry.name for entry in os.scandir(processes) if entry.is_dir()):
            found += (("process", relative) for relative in _yaml_under(base, f"processes/{folder}"))
    if os.path.isfile(os.path.join(base, CORE["glossary"])):
        found.append(("glossary", CORE["glossary"]))
    found.extend((kind, relative) for kind, relative in LAW.items() if os.path.isfile(os.path.join(base, relative)))
    boundaries = os.path.join(base, "pag", "boundaries")
    if os.path.isdir(boundaries):
        # not only regular files: a FIFO or a device named *.yaml is listed, and refused when read
        names = sorted(e.name for e in os.scandir(boundaries) if not e.is_dir() and os.path.splitext(e.name)[1] in (".yaml", ".yml"))
        found.extend(("boundary", f"pag/boundaries/{name}") for name in names)
    return found


def _yaml_under(base: str, relative: str) -> list[str]:
    """The YAML files under the folder ``relative`` of ``base`` (``/`` paths), in the order of
    ``sorted(os.walk(...))``: folders sorted by their path, then each folder's files by name."""
    found: list[tuple[str, list[str]]] = []
    pending = [relative]
    while pending:
        folder = pending.pop()
        names = []
        for entry in os.scandir(os.path.join(base, folder)):
            if not entry.is_dir():
                names.append(entry.name)
            elif not entry.is_symlink():
                pending.append(f"{folder}/{entry.name}")
        found.append((folder.replace("/", os.sep), [f"{folder}/{name}" for name in sorted(names) if name.endswith((".yaml", ".yml"))]))
    found.sort()
    return [path for _, paths in found for path in paths]
