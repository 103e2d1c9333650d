"""Referential integrity of a model: every id it names exists, ids are unique, codes have parents.

These are load errors, not findings: a model that fails them cannot be queried.

>>> from opcc_model.model import Model, Stage
>>> m = Model(mandate="plan", stages=(Stage(id="s", name="S"), Stage(id="s", name="T")))
>>> [message for _, message in check(m)]
["duplicate stage id 's': expected each stage id once, found it again (first declared at <unknown>)", "mandate: expected a declared artifact id, found 'plan' (declare it in processes/artifacts.yaml)"]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from opcc_model.boundary import Boundary
from opcc_model.location import Location
from opcc_model.model import Model
from opcc_model.scheme import Decision, Delegation
from opcc_model.suggest import did_you_mean

__all__ = ["check", "Problem"]

Problem = tuple[tuple[str, str, tuple[str | int, ...]], str]
"""``((kind, key, field path), message)``: where a problem is and what it is."""

_WHERE_DECLARED = {
    "role": "processes/roles.yaml",
    "artifact": "processes/artifacts.yaml",
    "stage": "processes/value-chain.yaml",
    "process": "a file under processes/<stage>/",
    "activity": "a process file",
    "code": "pag/glossary.yaml",
    "role or officer": "processes/roles.yaml, or the area's officers:",
}


def _unknown(kind: str, value: str, known: Iterable[str], field: str) -> str:
    hint = did_you_mean(value, known)
    hint = f"{hint} " if hint else ""
    return (
        f"{field}: expected a declared {kind} id, found '{value}' "
        f"({hint}declare it in {_WHERE_DECLARED[kind]})"
        if kind != "code"
        else f"{field}: expected a PAG code of the glossary, found \"{value}\" ({hint}add it to pag/glossary.yaml)"
    )


def check(model: Model, /, where: Callable[[str, str], Location | None] | None = None) -> Iterator[Problem]:
    """Yield every integrity problem of ``model``.

    ``where(kind, key)`` finds where a thing was declared, for messages about duplicates.
    """
    locate = where or (lambda kind, key: None)

    def place(kind: str, key: str) -> str:
        found = locate(kind, key)
        return str(found) if found else "<unknown>"

    # ids unique per kind; the first declaration is kept, later ones are errors
    seen: dict[str, dict[str, int]] = {}
    groups: list[tuple[str, list[str]]] = [
        ("stage", [s.id for s in model.stages]),
        ("role", [r.id for r in model.roles]),
        ("artifact", [a.id for a in model.artifacts]),
        ("process", [p.id for p in model.processes]),
        ("activity", [a.id for a in model.activities]),
        ("code", [c.code for c in model.codes]),
        ("area", [b.area for b in model.boundaries]),
        ("instrument", [i.id for i in model.instruments]),
        ("duty", [d.id for d in model.duties]),
        ("transition", [t.id for t in model.transitions]),
    ]
    for kind, ids in groups:
        counts = seen.setdefault(kind, {})
        for key in ids:
            if key in counts:
                yield (kind, key, ("#", counts[key])), (
                    f"duplicate {kind} id '{key}': expected each {kind} id once, "
                    f"found it again (first declared at {place(kind, key)})"
                )
            counts[key] = counts.get(key, 0) + 1

    stages = {s.id for s in model.stages}
    roles = {r.id for r in model.roles}
    artifacts = {a.id for a in model.artifacts}
    processes = {p.id: p for p in model.processes}
    activities = {a.id for a in model.activities}
    codes = {c.code for c in model.codes}

    if model.mandate not in artifacts:
        yield ("mandate", "", ()), _unknown("artifact", model.mandate, artifacts, "mandate")
    for index, outcome in enumerate(model.outcomes):
        if outcome not in artifacts:
            yield ("outcome", str(index), ()), _unknown("artifact", outcome, artifacts, f"outcomes[{index}]")

    for role in model.roles:
        if role.reports_to is not None and role.reports_to not in roles:
            yield ("role", role.id, ("reports_to",)), _unknown("role", role.reports_to, roles, "reports_to")
    for side in ("commissioner", "chief-constable"):
        marked = [r.id for r in model.roles if r.side == side and r.principal]
        if len(marked) > 1:
            yield ("role", marked[1], ("principal",)), (
                f"principal: expected one principal role on the {side} side, found {len(marked)} ({', '.join(marked)})"
            )

    areas = {b.area for b in model.boundaries}
    for process in model.processes:
        for i, scoped in enumerate(process.areas):
            if scoped not in areas:
                yield ("process", process.id, ("areas", i)), (
                    f"areas: expected the id of an area of the model ({', '.join(sorted(areas)) or 'none'}), found '{scoped}'"
                )
        if process.stage not in stages:
            yield ("process", process.id, ("stage",)), _unknown("stage", process.stage, stages, "stage")
        if process.parent is not None and process.parent not in processes:
            yield ("process", process.id, ("parent",)), _unknown("process", process.parent, processes, "parent")
        for activity in process.activities:
            owner = ("activity", activity.id)
            if activity.process is not None and activity.process not in processes:
                yield (*owner, ("process",)), _unknown("process", activity.process, processes, "process")
            for field in ("accountable", "responsible", "consulted", "informed"):
                value = getattr(activity, field)
                values = (value,) if isinstance(value, str) else (value or ())
                for i, role_id in enumerate(values):
                    if role_id not in roles:
                        path = (field,) if isinstance(value, str) else (field, i)
                        yield (*owner, path), _unknown("role", role_id, roles, field)
            for field in ("inputs", "outputs"):
                for i, artifact_id in enumerate(getattr(activity, field)):
                    if artifact_id not in artifacts:
                        yield (*owner, (field, i)), _unknown("artifact", artifact_id, artifacts, field)
            for i, before in enumerate(activity.after):
                if before not in activities:
                    yield (*owner, ("after", i)), _unknown("activity", before, activities, "after")
                elif before == activity.id:
                    yield (*owner, ("after", i)), f"after: an activity cannot come after itself ('{before}')"
            for i, window in enumerate(activity.windows):
                if window.of not in activities:
                    yield (*owner, ("windows", i, "of")), _unknown("activity", window.of, activities, "windows.of")
            for i, branch in enumerate(activity.outcomes):
                for j, step in enumerate(branch.then):
                    if step not in activities:
                        yield (*owner, ("outcomes", i, "then", j)), _unknown("activity", step, activities, f"outcome '{branch.name}' then")
            for i, code in enumerate(activity.pag):
                if code not in codes:
                    yield (*owner, ("pag", i)), _unknown("code", code, codes, "pag")

    yield from _override_problems(model, processes, place)

    # parent chains of processes must end (no process refines itself through others)
    for process in model.processes:
        chain, current = [process.id], process.parent
        while current is not None and current in processes:
            if current in chain:
                yield ("process", process.id, ("parent",)), (
                    "parent: expected a chain of parents that ends, found a loop: " + " -> ".join([*chain, current])
                )
                break
            chain.append(current)
            current = processes[current].parent

    for entry in model.codes:
        parent = entry.parent
        if parent is not None and parent not in codes:
            yield ("code", entry.code, ("code",)), (
                f"code \"{entry.code}\": its parent \"{parent}\" is not in the glossary (every parent code must exist)"
            )

    instruments = {i.id for i in model.instruments}
    for instrument in model.instruments:
        if instrument.revoked_by is not None and instrument.revoked_by not in instruments:
            yield ("instrument", instrument.id, ("revoked_by",)), (
                f"revoked_by: expected the id of an instrument in law/instruments.yaml, found '{instrument.revoked_by}'"
            )
    for duty in model.duties:
        if duty.holder not in roles:
            yield ("duty", duty.id, ("holder",)), _unknown("role", duty.holder, roles, "holder")
        for i, artifact_id in enumerate(duty.responds_to):
            if artifact_id not in artifacts:
                yield ("duty", duty.id, ("responds_to", i)), _unknown("artifact", artifact_id, artifacts, "responds_to")

    known_subjects = stages | roles | artifacts | set(processes) | activities | codes
    for boundary in model.boundaries:
        yield from _scheme_problems(boundary, roles, codes)
        local = codes | {c.code for c in boundary.codes}
        for allocation in boundary.allocations:
            if allocation.pag not in local:
                yield ("allocation", f"{boundary.area}/{allocation.pag}", ("pag",)), _unknown(
                    "code", allocation.pag, local, "pag"
                )
        for index, waiver in enumerate(boundary.waivers):
            if waiver.subject not in known_subjects:
                yield ("waiver", f"{boundary.area}/{index}", ("subject",)), (
                    f"subject: expected the id of something in the model (an activity, role, artifact, "
                    f"process, stage or PAG code), found '{waiver.subject}'"
                )


def _override_problems(model: Model, processes: dict[str, Any], place: Callable[[str, str], str]) -> Iterator[Problem]:
    """An area's override (``replaces:``) must sit on its own process (``areas:``), name a shared
    process or activity of another process, and be the only override of that id in each of its areas.

    >>> from opcc_model.model import Activity, Process
    >>> shared = Process(id="board", name="Board", stage="s", activities=(Activity(id="meet", name="Meet"),))
    >>> mine = Process(id="my-board", name="Mine", stage="s", areas=("a",), replaces="bored")
    >>> [m for _, m in _override_problems(Model(mandate="m", processes=(shared, mine)), {"board": shared, "my-board": mine}, str)]
    ["replaces: expected a declared process id, found 'bored' (did you mean 'board'? declare it in a file under processes/<stage>/)"]
    """
    owner_of = {a.id: p for p in model.processes for a in p.activities}
    taken: dict[tuple[str, str, str], str] = {}  # (area, kind, replaced id) -> the override's own id

    def once(kind: str, key: str, replaced: str, areas: tuple[str, ...], where: tuple[str, str, tuple[str | int, ...]]) -> Iterator[Problem]:
        for area in areas:
            first = taken.setdefault((area, kind, replaced), key)
            if first != key:
                yield where, (
                    f"replaces: expected one override of {kind} '{replaced}' in area '{area}', "
                    f"found a second (the first is {kind} '{first}' at {place(kind, first)})"
                )
                return

    for process in model.processes:
        here = ("process", process.id, ("replaces",))
        if process.replaces is not None:
            target = processes.get(process.replaces)
            if not process.areas:
                yield here, "replaces: expected areas: beside it (an override applies to some areas alone), found none"
            elif target is None:
                yield here, _unknown("process", process.replaces, processes, "replaces")
            elif target.areas:
                yield here, f"replaces: expected a shared process (one without areas:), found '{target.id}', scoped to {', '.join(target.areas)}"
            else:
                yield from once("process", process.id, target.id, process.areas, here)
        for activity in process.activities:
            if activity.replaces is None:
                continue
            where = ("activity", activity.id, ("replaces",))
            shared = owner_of.get(activity.replaces)
            if not process.areas:
                yield where, f"replaces: expected areas: on process '{process.id}' (an override applies to some areas alone), found none"
            elif shared is None:
                yield where, _unknown("activity", activity.replaces, owner_of, "replaces")
            elif shared.areas:
                yield where, (
                    f"replaces: expected an activity of a shared process (one without areas:), found '{activity.replaces}' "
                    f"of process '{shared.id}', scoped to {', '.join(shared.areas)}"
                )
            else:
                yield from once("activity", activity.id, activity.replaces, process.areas, where)


def _scheme_problems(boundary: Boundary, roles: set[str], codes: set[str]) -> Iterator[Problem]:
    """Every id a boundary's scheme names (officers, local codes, delegations, ladders, decisions) must exist.

    >>> from opcc_model.scheme import Delegation
    >>> b = Boundary(area="a", name="A", jurisdiction="england", delegations=(Delegation(pag="1", by="pcc", to="ceo"),))
    >>> [message for _, message in _scheme_problems(b, {"pcc"}, {"1"})]
    ["to: expected a declared role or officer id, found 'ceo' (declare it in processes/roles.yaml, or the area's officers:)"]
    """
    area = boundary.area
    people = set(roles)
    for officer in boundary.officers:
        if officer.id in people:
            yield ("officer", f"{area}/{officer.id}", ("id",)), (
                f"id: expected a new officer id, found '{officer.id}', already a role or officer of the model"
            )
        people.add(officer.id)
    for officer in boundary.officers:
        if officer.reports_to is not None and officer.reports_to not in people:
            yield ("officer", f"{area}/{officer.id}", ("reports_to",)), _unknown(
                "role or officer", officer.reports_to, people, "reports_to"
            )
    local = set(codes)
    for entry in boundary.codes:
        if entry.code in codes:
            yield ("localcode", f"{area}/{entry.code}", ("code",)), (
                f"code: expected a new local code, found \"{entry.code}\", already in the glossary"
            )
        local.add(entry.code)
    for entry in boundary.codes:
        if entry.parent is None or entry.parent not in local:
            yield ("localcode", f"{area}/{entry.code}", ("code",)), (
                f"code: expected a local code under an existing parent code, found \"{entry.code}\" "
                f"(its parent \"{entry.parent}\" is in neither the glossary nor the area's codes)"
            )
    if boundary.deputy is not None and boundary.deputy not in people:
        yield ("area", area, ("deputy",)), _unknown("role or officer", boundary.deputy, people, "deputy")
    if boundary.collective is not None:
        for field in ("signs", "answers_to_panel"):
            person = getattr(boundary.collective, field)
            if person not in people:
                yield ("area", area, ("collective", field)), _unknown("role or officer", person, people, field)
    for allocation in boundary.allocations:
        who = allocation.consent_by
        if who is not None and who not in ("commissioner", "chief-constable") and who not in people:
            yield ("allocation", f"{area}/{allocation.pag}", ("consent_by",)), _unknown(
                "role or officer", who, people, "consent_by"
            )
    checked: tuple[tuple[str, tuple[Delegation | Decision, ...], tuple[str, ...]], ...] = (
        ("delegation", boundary.delegations, ("by", "to")),
        ("decision", boundary.decisions, ("decided_by", "consulted", "agreed_by")),
    )
    for kind, items, fields in checked:
        for index, item in enumerate(items):
            if item.pag not in local:
                yield (kind, f"{area}/{index}", ("pag",)), _unknown("code", item.pag, local, "pag")
            for field in fields:
                value = getattr(item, field)
                for i, person in enumerate((value,) if isinstance(value, str) else value):
                    if person not in people:
                        path = (field,) if isinstance(value, str) else (field, i)
                        yield (kind, f"{area}/{index}", path), _unknown("role or officer", person, people, field)
    for index, ladder in enumerate(boundary.ladders):
        if ladder.pag not in local:
            yield ("ladder", f"{area}/{index}", ("pag",)), _unknown("code", ladder.pag, local, "pag")
        for t, tier in enumerate(ladder.tiers):
            for field in ("decides", "consulted", "agree", "told", "report_to"):
                value = getattr(tier, field)
                for i, person in enumerate((value,) if isinstance(value, str) else value):
                    if person not in people:
                        where: tuple[str | int, ...] = ("tiers", t, field) if isinstance(value, str) else ("tiers", t, field, i)
                        yield ("ladder", f"{area}/{index}", where), _unknown("role or officer", person, people, field)
