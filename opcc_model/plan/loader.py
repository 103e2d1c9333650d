"""``plans/<plan-id>.yaml`` → :class:`~opcc_model.plan.model.Plan`, every reference checked against a model, errors located.

Each plan file is read with the model loader's safe YAML reader, validated, and its
references (roles, activities, artifacts, the value chain's outcomes, its own node
and theme ids) checked against a loaded :class:`~opcc_model.model.Model`. All
problems of a load are collected into one :class:`PlanLoadError`, each with its
``file:line:col``.

>>> import opcc_model, pathlib, tempfile
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "plans").mkdir()
>>> _ = (root / "plans" / "p.yaml").write_text(
...     "id: p\\nname: P\\nowner: pcc\\nvision: {id: v, text: V, owner: pcc, themes: []}\\nscrutiny_pillars: []\\n"
...     "s7: {objectives: {activities: [identify-stakeholderz]}}\\n")
>>> load_plans(root, model)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
opcc_model.plan.loader.PlanLoadError: 1 error loading the plans:
.../plans/p.yaml:6:32: s7.objectives.activities[0]: expected an activity of the model, found 'identify-stakeholderz' (did you mean 'identify-stakeholders'?)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from opcc_model.diagnostics import describe, path_text
from opcc_model.errors import LoadIssue, ModelLoadError
from opcc_model.location import Location
from opcc_model.model import Model
from opcc_model.plan.model import Plan, children_of, level_of
from opcc_model.yamlsource import MarkedDocument, YamlFileError, read_file
from opcc_model.suggest import did_you_mean

__all__ = ["PLANS_FOLDER", "PlanLoadError", "folder_files", "plan_files", "shown_path", "load_plans", "references"]

PLANS_FOLDER = "plans"
"""The folder, at the model root, that holds one ``<plan-id>.yaml`` per plan."""

PathKey = str | int
Reference = tuple[tuple[PathKey, ...], str, str]

_NODE_FIELDS = {"vision": "themes", "theme": "aims", "aim": "outcomes", "outcome": "objectives", "objective": "priorities"}


class PlanLoadError(ModelLoadError):
    """A plan could not be loaded; :attr:`issues` holds every problem found, sorted.

    >>> print(PlanLoadError([LoadIssue(Location("plans/p.yaml", 1, 1), "x")]))
    1 error loading the plans:
    plans/p.yaml:1:1: x
    """

    what = "the plans"


def folder_files(root: str | os.PathLike[str], folder: str, /) -> list[str]:
    """The YAML files of ``root/folder``, relative to ``root``, sorted (none when there is no such folder).

    >>> import opcc_model
    >>> folder_files(opcc_model.reference_root(), "plans")
    ['plans/example-police-and-crime-plan.yaml']
    """
    where = Path(root) / folder
    if not where.is_dir():
        return []
    return sorted(p.relative_to(root).as_posix() for p in where.iterdir() if p.is_file() and p.suffix in (".yaml", ".yml"))


def plan_files(root: str | os.PathLike[str], /) -> list[str]:
    """The plan files of the model at ``root``, relative to it, sorted (none when there is no ``plans/``).

    >>> import opcc_model
    >>> plan_files(opcc_model.example_root("minimal"))
    []
    """
    return folder_files(root, PLANS_FOLDER)


def _walk_nodes(node: Any, path: tuple[PathKey, ...]) -> Iterator[tuple[tuple[PathKey, ...], Any]]:
    yield path, node
    field = _NODE_FIELDS.get(level_of(node))
    if field is None:  # a priority: the leaves of the plan tree
        return
    for i, child in enumerate(children_of(node)):
        yield from _walk_nodes(child, (*path, field, i))


def node_paths(plan: Plan, /) -> Iterator[tuple[tuple[PathKey, ...], Any]]:
    """Yield ``(document path, node)`` for every node of ``plan``'s tree, in file order."""
    yield from _walk_nodes(plan.vision, ("vision",))


def references(plan: Plan, /) -> Iterator[Reference]:
    """Yield ``(document path, kind, id)`` for every id the plan refers to.

    Kinds: ``role``, ``activity``, ``artifact``, ``outcome`` (of the value chain),
    ``node`` (of the plan) and ``theme`` (of the plan).

    >>> from opcc_model.plan.model import Vision
    >>> list(references(Plan(id="p", name="P", owner="pcc", vision=Vision(id="v", text="V", owner="cc"))))
    [(('owner',), 'role', 'pcc'), (('vision', 'owner'), 'role', 'cc')]
    """
    yield ("owner",), "role", plan.owner
    for path, node in node_paths(plan):
        yield (*path, "owner"), "role", node.owner
        level = level_of(node)
        if level == "outcome":
            yield from _many(path, "serves", "outcome", node.serves)
        elif level == "objective":
            for i, measure in enumerate(node.measures):
                at = (*path, "measures", i)
                yield from _many(at, "monitored_by", "activity", measure.monitored_by)
                yield from _many(at, "reported_in", "artifact", measure.reported_in)
        elif level == "priority":
            for field in ("delivered_by", "resourced_by", "monitored_by"):
                yield from _many(path, field, "activity", getattr(node, field))
            yield from _many(path, "artifacts", "artifact", node.artifacts)
    for key, coverage in plan.s7.items():
        for field, kind in (("nodes", "node"), ("artifacts", "artifact"), ("activities", "activity")):
            yield from _many(("s7", key), field, kind, getattr(coverage, field))
    for i, pillar in enumerate(plan.scrutiny_pillars):
        if pillar.lead is not None:
            yield ("scrutiny_pillars", i, "lead"), "role", pillar.lead
        yield from _many(("scrutiny_pillars", i), "themes", "theme", pillar.themes)


def _many(path: tuple[PathKey, ...], field: str, kind: str, ids: Iterable[str]) -> Iterator[Reference]:
    for i, key in enumerate(ids):
        yield (*path, field, i), kind, key


_KIND_TEXT = {
    "role": "a role of the model",
    "activity": "an activity of the model",
    "artifact": "an artifact of the model",
    "outcome": "an outcome of the value chain (value-chain.yaml outcomes)",
    "node": "the id of a node of this plan",
    "theme": "the id of a theme of this plan",
}


def _known(model: Model, plan: Plan) -> dict[str, set[str]]:
    return {
        "role": {r.id for r in model.roles},
        "activity": {a.id for a in model.activities},
        "artifact": {a.id for a in model.artifacts},
        "outcome": set(model.outcomes),
        "node": set(plan.nodes()),
        "theme": {t.id for t in plan.vision.themes},
    }


def _unknown_message(path: tuple[PathKey, ...], kind: str, key: str, known: set[str]) -> str:
    hint = did_you_mean(key, known)
    hint = f" ({hint})" if hint else ""
    return f"{path_text(path)}: expected {_KIND_TEXT[kind]}, found {key!r}{hint}"


def _problems(plan: Plan, model: Model, stem: str) -> Iterator[tuple[tuple[PathKey, ...], str]]:
    if plan.id != stem:
        yield ("id",), f"expected the plan id to match its file name {stem!r}, found {plan.id!r}"
    seen: dict[str, str] = {}
    for path, node in node_paths(plan):
        if node.id in seen:
            yield (*path, "id"), f"the plan node id {node.id!r} is used twice (first as a {seen[node.id]})"
        seen.setdefault(node.id, level_of(node))
    measures: set[str] = set()
    for path, node in node_paths(plan):
        for i, measure in enumerate(getattr(node, "measures", ())):
            if measure.id in measures:
                yield (*path, "measures", i, "id"), f"the measure id {measure.id!r} is used twice in this plan"
            measures.add(measure.id)
    pillars: set[str] = set()
    for i, pillar in enumerate(plan.scrutiny_pillars):
        if pillar.id in pillars:
            yield ("scrutiny_pillars", i, "id"), f"the scrutiny pillar id {pillar.id!r} is used twice"
        pillars.add(pillar.id)
    if plan.area is not None and plan.area not in {b.area for b in model.boundaries}:
        yield ("area",), f"expected an area of the model (pag/boundaries/), found {plan.area!r}"
    known = _known(model, plan)
    for path, kind, key in references(plan):
        if key not in known[kind]:
            yield path, _unknown_message(path, kind, key, known[kind])


def _locations(plan: Plan, marked: MarkedDocument) -> dict[str, Location]:
    found = {"plan:": marked.locate(()), "s7:": marked.locate(("s7",), key=True)}
    for path, node in node_paths(plan):
        found.setdefault(f"node:{node.id}", marked.locate(path))
        for i, measure in enumerate(getattr(node, "measures", ())):
            found.setdefault(f"measure:{measure.id}", marked.locate((*path, "measures", i)))
    for key, _ in plan.s7.items():
        found[f"s7:{key}"] = marked.locate(("s7", key), key=True)
    for i, pillar in enumerate(plan.scrutiny_pillars):
        found.setdefault(f"pillar:{pillar.id}", marked.locate(("scrutiny_pillars", i)))
    return found


def shown_path(root: str, relative: str) -> str:
    """``root/relative`` as messages show it: forward slashes, no ``./`` in front."""
    joined = os.path.normpath(os.path.join(root, relative)) if root not in ("", ".") else relative
    return joined.replace(os.sep, "/")


def _load_one(root: str, relative: str, model: Model, issues: list[LoadIssue]) -> Plan | None:
    real = os.path.join(root, relative)
    shown = shown_path(root, relative)
    try:
        text, data = read_file(real, shown)
    except YamlFileError as exc:
        issues.append(exc.issue)
        return None
    if data is None:
        keys = ", ".join(Plan.model_fields)
        issues.append(LoadIssue(Location(shown, 1, 1), f"the file is empty: expected a mapping with the keys {keys}"))
        return None
    try:
        plan = Plan.model_validate(data)
    except ValidationError as exc:
        marked = MarkedDocument.from_text(text, shown)
        issues.extend(LoadIssue(marked.locate(path, key=on_key), message) for path, message, on_key in describe(exc, Plan))
        return None
    marked = MarkedDocument.from_text(text, shown)
    problems = list(_problems(plan, model, Path(relative).stem))
    if problems:
        issues.extend(LoadIssue(marked.locate(path), message) for path, message in problems)
        return None
    return plan.with_locations(_locations(plan, marked))


def load_plans(root: str | os.PathLike[str], model: Model, /) -> tuple[Plan, ...]:
    """Load every ``plans/*.yaml`` of the model at ``root``, checked against ``model``; sorted by file name.

    Returns ``()`` when ``root`` has no ``plans/`` folder. Raises :class:`PlanLoadError`
    listing every problem of every file, each with its file, line and column.

    >>> import opcc_model
    >>> load_plans(opcc_model.example_root("minimal"), opcc_model.load(opcc_model.example_root("minimal")))
    ()
    """
    base = os.fspath(root)
    issues: list[LoadIssue] = []
    plans = [_load_one(base, relative, model, issues) for relative in plan_files(base)]
    if issues:
        raise PlanLoadError(issues)
    return tuple(p for p in plans if p is not None)
