"""Check benchmarks: ``opcc_model.queries.check`` against a hand-written single pass over the same data.

The baseline (:func:`single_pass`) finds exactly the findings ``check`` finds (same
codes, subjects, areas and locations; tests/test_bench_checks.py compares them) and
builds one plain record per finding with its message and ``file:line:col``, sorted the
same way. Both run with the garbage collector paused. What it skips is what ``check``
adds on top: pydantic ``Finding`` values, the rule registry, severity settings and waivers.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx

from bench.timing import Table, best
from opcc_model.location import Location
from opcc_model.model import Activity, Model
from opcc_model.queries.schemechains import ladder_problems
from opcc_model.statute import delegation_law
from opcc_model.yamlsource import long_lived

__all__ = ["Record", "single_pass", "check_all", "run"]

Record = tuple[str, str, tuple[str, ...], str, Location | None, str | None]
"""``(code, severity, subject, message, location, area)``: what a report prints for one finding."""


PRINCIPALS = ("commissioner", "chief-constable")
_RELATION_SIDE = {"reserved": "commissioner", "delegated": "commissioner", "consent": "chief-constable", "own": "chief-constable"}
_OTHER = {"commissioner": "chief-constable", "chief-constable": "commissioner"}


def _resolve(model: Model, boundary: Any, order: list[str], parent: dict[str, str | None]) -> tuple[dict[str, Any], set[str]]:
    """Code → deciding allocation (most specific wins; two holders at one code leave it and below undecided)."""
    exact: dict[str, Any] = {}
    holders: dict[str, set[str]] = defaultdict(set)
    for allocation in boundary.allocations:
        exact.setdefault(allocation.pag, allocation)
        holders[allocation.pag].add(allocation.holder)
    resolved: dict[str, Any] = {}
    undecided: set[str] = set()
    for code in order:  # parents before children
        up = parent[code]
        if code in exact:
            resolved[code] = None if len(holders[code]) > 1 else exact[code]
            if len(holders[code]) > 1:
                undecided.add(code)
        else:
            resolved[code] = resolved.get(up) if up else None
            if up in undecided:
                undecided.add(code)
    return resolved, undecided


def single_pass(model: Model, /, *, on: datetime.date | None = None) -> list[Record]:
    """Every finding of ``check`` (default severities, no waivers) as a plain sorted record, in one pass per collection.

    The honest baseline: the same facts as the rules, and for each one the same record a
    report needs — code, severity, subject, the message sentence (with names) and the
    ``file:line:col`` from the model's source map — as a plain tuple (no pydantic, no rule
    registry, no shared indexes), sorted by location like ``check``'s list.

    >>> import opcc_model
    >>> records = single_pass(opcc_model.load(opcc_model.example_root("minimal")))
    >>> sorted({r[0] for r in records})
    []
    """
    out: list[Record] = []
    add = out.append
    located = model.location_of
    prefix = "" if getattr(model.locations, "root", None) in (None, "", ".") else f"{model.locations.root}/"  # type: ignore[attr-defined]

    def where(*key: str) -> Location | None:  # relative to the model root, as check's findings are
        found = located(*key)
        return found._replace(file=found.file[len(prefix):]) if found and prefix and found.file.startswith(prefix) else found

    side = {r.id: r.side for r in model.roles}
    names = {a.id: a.name for a in model.activities}
    art_names = {a.id: a.name for a in model.artifacts}
    code_names = {c.code: c.name for c in model.codes}
    parent = {c.code: c.parent for c in model.codes}
    order = [c.code for c in sorted(model.codes, key=lambda c: c.code.count("."))]
    has_child = {p for p in parent.values() if p}
    leaves = [c.code for c in model.codes if c.code not in has_child]
    made: dict[str, list[str]] = defaultdict(list)
    used: dict[str, list[str]] = defaultdict(list)
    activities = list(model.activities)
    for a in activities:  # the one pass over the activities: gaps, artifact flows, sides
        if a.accountable is None:
            add(("OPCC-G101", "error", (a.id,), f"Nobody is accountable for '{a.name}' ({a.id}).",
                 where("activity", a.id), None))
        for x in dict.fromkeys(a.outputs):
            made[x].append(a.id)
        for x in dict.fromkeys(a.inputs):
            used[x].append(a.id)
    acc = {a.id: (side[a.accountable] if a.accountable else None) for a in activities}
    by_id = {a.id: a for a in activities}
    for x, users in sorted(used.items()):
        if x != model.mandate and x not in made:
            first = min(users)
            add(("OPCC-G104", "error", (x,), f"'{names[first]}' ({first}) needs '{art_names.get(x, x)}' ({x}) but no "
                 "activity produces it.", where("activity", first, "inputs", by_id[first].inputs.index(x)), None))
    outcomes = set(model.outcomes)
    for x, makers in sorted(made.items()):
        if x not in used and x not in outcomes:
            first = min(makers)
            add(("OPCC-G105", "warning", (x,), f"'{names[first]}' ({first}) produces '{art_names.get(x, x)}' ({x}) "
                 "but nothing uses it.", where("activity", first, "outputs", by_id[first].outputs.index(x)), None))
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in activities:  # dependencies: B consumes what A makes, or B is after A
        for x in a.inputs:
            for producer in made.get(x, ()):
                if producer != a.id:
                    edges[(producer, a.id)].add(x)
        for before in a.after:
            edges.setdefault((before, a.id), set())
    inner = _inner(model)

    def crosses(s1: str | None, s2: str | None) -> bool:
        return s1 is not None and s2 is not None and s1 != s2 and (s1 in PRINCIPALS or s2 in PRINCIPALS)

    crossings: dict[tuple[str, str, tuple[str, ...], str], list[str]] = defaultdict(list)
    for (p, c), flow in sorted(edges.items()):
        s1, s2 = acc.get(p), acc.get(c)
        if not crosses(s1, s2):
            continue
        if flow and (  # reported at the activity inside the sub-process instead
            any(flow <= edges.get((d, c), set()) and crosses(acc.get(d), s2) for d in inner.get(p, ()))
            or any(flow <= edges.get((p, d), set()) and crosses(s1, acc.get(d)) for d in inner.get(c, ()))
        ):
            continue
        crossings[(c, s1, tuple(sorted(flow)), "" if flow else p)].append(p)  # type: ignore[index]
    for (c, s1, flow_ids, _), makers in sorted(crossings.items()):
        s2, makers = acc[c], sorted(makers)
        code = "OPCC-D101" if s1 in PRINCIPALS and s2 in PRINCIPALS else "OPCC-D103" if "oversight" in (s1, s2) else "OPCC-D104"
        what = ", ".join(f"'{art_names.get(x, x)}' ({x})" for x in flow_ids) if flow_ids else "its completion"
        consumer = by_id[c]
        at = (where("activity", c, "inputs", consumer.inputs.index(flow_ids[0])) if flow_ids
              else where("activity", c, "after", consumer.after.index(makers[0])))
        add((code, "info", (*makers, c), f"'{names[c]}' ({c}) on {s2} depends on {len(makers)} on {s1} for {what}.",
             at, None))
    graph = nx.DiGraph(list(edges))
    for group in sorted(sorted(g) for g in nx.strongly_connected_components(graph) if len(g) > 1):
        add(("OPCC-D102", "warning", tuple(group), f"{len(group)} activities depend on each other in a cycle.",
             where("activity", group[0]), None))
    common: list[Activity] = []
    scoped: dict[str, list[Activity]] = defaultdict(list)
    hidden: dict[str, set[str]] = defaultdict(set)  # the shared activities an area's own ones replace
    processes = {p.id: p for p in model.processes}
    for process in model.processes:  # the shared part once, each area's own part once
        for area_id in process.areas or ("",):
            (scoped[area_id] if area_id else common).extend(process.activities)
            if area_id and process.replaces in processes:
                hidden[area_id].update(a.id for a in processes[process.replaces].activities)
            if area_id:
                hidden[area_id].update(a.replaces for a in process.activities if a.replaces is not None)
    for boundary in model.boundaries:  # per area: one walk down the glossary, one pass over the scoped activities
        area, jurisdiction = boundary.area, boundary.jurisdiction
        resolved, undecided = _resolve(model, boundary, order, parent)
        named: dict[str, set[str]] = defaultdict(set)  # code -> delegates and ladder deciders (O104's arrangements)
        for delegation in boundary.delegations:
            named[delegation.pag].add(delegation.to)
        for ladder in boundary.ladders:
            named[ladder.pag].update(t.decides for t in ladder.tiers)
        seen: dict[str, list[str]] = defaultdict(list)
        for allocation in boundary.allocations:
            seen[allocation.pag].append(allocation.holder)
        for pag, listed in sorted(seen.items()):
            if len(set(listed)) > 1:
                second = next(i for i, h in enumerate(listed) if h != listed[0])
                add(("OPCC-O101", "error", (pag,), f"{boundary.name} allocates '{code_names.get(pag)}' ({pag}) twice.",
                     where("allocation", f"{area}/{pag}#{second}"), area))
        for leaf in leaves:
            if resolved.get(leaf) is None and leaf not in undecided:
                add(("OPCC-G102", "error", (leaf,), f"{boundary.name} allocates '{code_names[leaf]}' ({leaf}) to nobody.",
                     where("area", area, "allocations"), area))
        mapped: set[str] = set()
        sides_of: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        overridden = hidden.get(area, set())
        for a in (*common, *scoped.get(area, ())):
            if not a.applies_in(jurisdiction) or a.id in overridden:
                continue
            mapped.update(a.pag)
            own = acc[a.id]
            if own not in PRINCIPALS:
                continue
            for code in dict.fromkeys(a.pag):
                sides_of[code][own].append(a.id)
            other = _OTHER[own]
            if any(side.get(r) == other for r in a.responsible):
                for code in dict.fromkeys(a.pag):
                    allocation = resolved.get(code) if code in resolved else boundary.allocation_for(code)
                    if allocation is None or (allocation.relation != "consent" and allocation.holder != "joint"
                                              and not any(p in named and r in named[p] for p in _prefixes(code)
                                                          for r in a.responsible)):
                        add(("OPCC-O104", "warning", (a.id, code), f"In {boundary.name}, {other} does '{a.name}' "
                             f"({a.id}) for {own}, but no consent or arrangement for '{code_names.get(code)}' ({code}) is recorded.",
                             where("allocation", f"{area}/{allocation.pag}") if allocation
                             else where("activity", a.id, "responsible"), area))
        delivered: set[str] = set()
        for code in reversed(order):  # children before parents
            if code in mapped:
                delivered.add(code)
            if code in delivered and parent[code]:
                delivered.add(parent[code])  # type: ignore[arg-type]
        for code in order:
            allocation = resolved.get(code)
            if allocation is None or allocation.holder != "commissioner" or code in delivered:
                continue
            up = resolved.get(parent[code]) if parent[code] else None
            if up is not None and up.holder == "commissioner" and parent[code] not in delivered:
                continue
            add(("OPCC-G103", "warning", (code,), f"In {boundary.name}, the commissioner holds '{code_names[code]}' "
                 f"({code}) but no activity delivers it.", where("allocation", f"{area}/{allocation.pag}"), area))
        for code, by_side in sides_of.items():
            allocation = resolved.get(code) if code in resolved else boundary.allocation_for(code)
            if len(by_side) == 2 and (allocation is None or allocation.holder != "joint"):
                ours, theirs = sorted(by_side["commissioner"]), sorted(by_side["chief-constable"])
                add(("OPCC-O102", "warning", (code, *ours, *theirs), f"In {boundary.name}, both the commissioner "
                     f"({', '.join(ours)}) and the chief constable ({', '.join(theirs)}) are accountable for "
                     f"'{code_names.get(code)}' ({code}).", where("allocation", f"{area}/{allocation.pag}") if allocation
                     else where("activity", theirs[0], "accountable"), area))
            if allocation is None or allocation.holder not in PRINCIPALS or allocation.relation == "consent":
                continue
            for activity_id in by_side.get(_OTHER[allocation.holder], ()):
                add(("OPCC-O103", "warning", (activity_id, code), f"In {boundary.name}, '{names[activity_id]}' "
                     f"({activity_id}) is {_OTHER[allocation.holder]}'s, but the area gives '{code_names.get(code)}' "
                     f"({code}) to {allocation.holder}.", where("activity", activity_id, "accountable"), area))
        _scheme(model, boundary, resolved, side, code_names, on or datetime.date.today(), add, where)
    return sorted(dict.fromkeys(out), key=_sort_key)  # check keeps each finding once


def _prefixes(code: str) -> list[str]:
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def _covers(prefix: str, code: str) -> bool:
    return code == prefix or code.startswith(prefix + ".")


def _scheme(model: Model, boundary: Any, resolved: dict[str, Any], roles: dict[str, str], code_names: dict[str, str],
            on: datetime.date, add: Callable[[Record], None], where: Callable[..., Location | None]) -> None:
    """The scheme findings of one area (OPCC-S101 to S110): one pass over its allocations, delegations, ladders, decisions."""
    area, name, deputy = boundary.area, boundary.name, boundary.deputy
    sides = {**roles, **{o.id: o.side for o in boundary.officers}}
    known = set(code_names) | {c.code for c in boundary.codes}
    principals = model.principals()
    pcc = principals["commissioner"].id if "commissioner" in principals else None
    heads = {p.id for p in principals.values() if p.side in PRINCIPALS}
    law = delegation_law()
    limits = law.deputy_limits.get(boundary.body)
    barred = {b.side: b for b in law.barred_sides}
    text = lambda code: f"'{code_names.get(code, code)}' ({code})"  # noqa: E731
    delegations, ladders = boundary.delegations, boundary.ladders
    for entry in law.non_delegable:  # S101: the few statutory codes against the delegations and ladders covering them
        deputy_may = entry.deputy_may and not (limits and entry.id in limits.ids)
        for code in (c for c in entry.codes if c in known):
            for i, d in enumerate(delegations):
                if (_covers(d.pag, code) or _covers(code, d.pag)) and not (d.to == deputy and deputy_may):
                    add(("OPCC-S101", "error", (code, d.to), f"In {name}, {text(code)} is delegated to {d.to}, but "
                         f"{entry.basis} keeps '{entry.function}' with the local policing body.", where("delegation", f"{area}/{i}"), area))
            for i, ladder in enumerate(ladders):
                if _covers(ladder.pag, code):
                    for tier in ladder.tiers:
                        if tier.decides != pcc and not (tier.decides == deputy and deputy_may):
                            add(("OPCC-S101", "error", (code, tier.decides), f"In {name}, a tier of the ladder on {text(code)} "
                                 f"lets {tier.decides} decide, but {entry.basis} keeps it.", where("ladder", f"{area}/{i}"), area))
            allocation = resolved.get(code)
            if allocation is not None and allocation.holder in ("chief-constable", "joint"):
                add(("OPCC-S101", "error", (code, allocation.pag), f"In {name}, {text(code)} is given to {allocation.holder}, "
                     f"but {entry.basis} keeps it.", where("allocation", f"{area}/{allocation.pag}"), area))
    for entry in law.statutory_holders:  # S108
        for code in (c for c in entry.codes if c in known):
            allocation = resolved.get(code)
            if (allocation is not None and allocation.pag != code and allocation.holder != entry.holder
                    and allocation.holder in PRINCIPALS):
                add(("OPCC-S108", "warning", (code, allocation.pag), f"In {name}, the line for {allocation.pag} gives "
                     f"{text(code)} to {allocation.holder}, but {entry.function} is {entry.holder}'s.",
                     where("allocation", f"{area}/{allocation.pag}"), area))
    for a in boundary.allocations:  # S107, S110, S106
        if a.relation == "consent":
            who = principals[a.consent_by].id if a.consent_by in PRINCIPALS and a.consent_by in principals else a.consent_by
            if who is None or sides.get(who) != "commissioner":
                add(("OPCC-S107", "error", (a.pag,), f"In {name}, the consent for {text(a.pag)} names no consenting role.",
                     where("allocation", f"{area}/{a.pag}"), area))
        if a.delegated_by is not None:
            add(("OPCC-S110", "warning", (a.pag,), f"In {name}, the line for {a.pag} uses 'delegated_by' (format 1).",
                 where("allocation", f"{area}/{a.pag}", "delegated_by") or where("allocation", f"{area}/{a.pag}"), area))
        if a.until is not None and a.until < on:
            add(("OPCC-S106", "warning", (a.pag, str(a.until)), f"In {name}, the allocation of {text(a.pag)} ended on "
                 f"{a.until} (checked on {on}).", where("allocation", f"{area}/{a.pag}"), area))
    incoming: dict[str, list[Any]] = defaultdict(list)
    edges: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for i, d in enumerate(delegations):  # S102, S106, and the chains' indexes
        incoming[d.to].append(d)
        edges[d.by].append((d.to, i))
        to_side = sides.get(d.to)
        if sides.get(d.by) == "commissioner" and to_side in barred:
            add(("OPCC-S102", "warning", (d.pag, d.to), f"In {name}, {d.by} delegates {text(d.pag)} to {d.to}: "
                 f"{barred[to_side].basis} bars {barred[to_side].reading}.", where("delegation", f"{area}/{i}"), area))
        if d.until is not None and d.until < on:
            add(("OPCC-S106", "warning", (d.pag, str(d.until)), f"In {name}, the delegation of {text(d.pag)} to {d.to} "
                 f"ended on {d.until} (checked on {on}).", where("delegation", f"{area}/{i}"), area))
    for i, d in enumerate(delegations):  # S105: onward delegation needs an onward delegation above it
        if d.by in heads:
            continue
        above = [x for x in incoming.get(d.by, ()) if _covers(x.pag, d.pag)]
        if not any(x.onward for x in above):
            add(("OPCC-S105", "error", (d.pag, d.by), f"In {name}, {d.by} delegates {text(d.pag)} onward to {d.to} "
                 "without authority.", where("delegation", f"{area}/{i}"), area))
    colour: dict[str, int] = {}
    for start in sorted(edges):  # S105: cycles, one depth-first traversal
        if colour.get(start):
            continue
        colour[start], path, stack = 1, [start], [iter(edges[start])]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                colour[path.pop()] = 2
                stack.pop()
            elif colour.get(step[0]) == 1:
                loop = path[path.index(step[0]):] + [step[0]]
                add(("OPCC-S105", "error", (delegations[step[1]].pag, step[0]), f"In {name}, delegations go round in "
                     f"a cycle: {' -> '.join(loop)}.", where("delegation", f"{area}/{step[1]}"), area))
            elif not colour.get(step[0]):
                colour[step[0]] = 1
                path.append(step[0])
                stack.append(iter(edges.get(step[0], ())))
    for i, ladder in enumerate(ladders):  # S103, S104, S106
        at = where("ladder", f"{area}/{i}")
        for what, tier in ladder_problems(ladder):
            add(("OPCC-S103", "error", (ladder.pag, str(tier)), f"In {name}, the ladder on {text(ladder.pag)} has {what}.",
                 at, area))
        for tier in ladder.tiers:
            side = sides.get(tier.decides)
            if tier.relation is not None and side is not None and side != _RELATION_SIDE[tier.relation]:
                add(("OPCC-S104", "warning", (ladder.pag, tier.decides), f"In {name}, a tier of the ladder on "
                     f"{text(ladder.pag)} is '{tier.relation}' but {tier.decides} is on {side}'s side.", at, area))
        if ladder.until is not None and ladder.until < on:
            add(("OPCC-S106", "warning", (ladder.pag, str(ladder.until)), f"In {name}, the ladder on {text(ladder.pag)} "
                 f"ended on {ladder.until} (checked on {on}).", at, area))
    for i, decision in enumerate(boundary.decisions):  # S109: each decision against the scheme in force on its day
        for problem in _decision(model, boundary, resolved, decision, heads, principals):
            add(("OPCC-S109", "error", (decision.reference or f"decision {i + 1}", decision.pag), f"In {name}, "
                 f"'{decision.title}' ({decision.date}) {problem}.", where("decision", f"{area}/{i}"), area))


def _decision(model: Model, boundary: Any, resolved: dict[str, Any], decision: Any, heads: set[str],
              principals: dict[str, Any]) -> list[str]:
    day = decision.date
    ladder = boundary.ladder_for(decision.pag, day)
    if ladder is not None and decision.amount is not None:
        tier = ladder.tier_for(decision.amount)
        if tier is None:
            return ["falls in no tier of the scheme in force"]
        problems = [] if decision.decided_by == tier.decides else [f"was decided by {decision.decided_by}, not {tier.decides}"]
        if any(r not in decision.agreed_by for r in tier.agree):
            problems.append("records no agreement the scheme requires")
        if any(r not in decision.consulted and r not in decision.agreed_by for r in tier.consulted):
            problems.append("records no consultation the scheme requires")
        return problems
    allocation = resolved.get(decision.pag) or boundary.allocation_for(decision.pag)
    if allocation is not None and not allocation.in_force(day):
        allocation = None
    holder = allocation.holder if allocation else (boundary.default.holder if boundary.default else None)
    wanted = PRINCIPALS if holder == "joint" else (holder,) if holder in PRINCIPALS else ()
    pending = [principals[h].id for h in wanted if h in principals]
    empowered: set[str] = set()
    while pending:
        person = pending.pop()
        if person not in empowered:
            empowered.add(person)
            pending.extend(d.to for d in boundary.delegations
                           if d.by == person and _covers(d.pag, decision.pag) and d.in_force(day))
    return [] if decision.decided_by in empowered else [f"was decided by {decision.decided_by}, outside the scheme"]


def _inner(model: Model) -> dict[str, set[str]]:
    """Sub-process activity -> every activity inside what it opens (child processes and nested sub-processes too)."""
    opens = {a.id: a.process for p in model.processes for a in p.activities if a.kind == "subprocess" and a.process}
    held = {p.id: [a.id for a in p.activities] for p in model.processes}
    kids: dict[str, list[str]] = defaultdict(list)
    for p in model.processes:
        if p.parent:
            kids[p.parent].append(p.id)
    inner = {}
    for activity_id, opened in opens.items():
        found, seen, stack = set(), {opened}, [opened]
        while stack:
            current = stack.pop()
            for held_id in held.get(current, ()):
                found.add(held_id)
                if held_id in opens and opens[held_id] not in seen:
                    seen.add(opens[held_id])
                    stack.append(opens[held_id])
            for kid in kids.get(current, ()):
                if kid not in seen:
                    seen.add(kid)
                    stack.append(kid)
        inner[activity_id] = found - {activity_id}
    return inner


def _sort_key(record: Record) -> tuple[Any, ...]:
    loc = record[4]
    return (loc.file if loc else "", loc.line if loc else 0, loc.column if loc else 0, record[0], record[5] or "",
            record[2])


def _paused(model: Model) -> list[Record]:
    with long_lived():  # as check does: the comparison is of the work, not of the collector
        return single_pass(model)


def check_all(model: Model) -> list[Any]:
    """Every finding of ``check`` (what the benchmark times against :func:`single_pass`)."""
    from opcc_model.queries import check

    return list(check(model))


def run(model: Model, table: Table, *, repeat: int = 1, label: str = "") -> tuple[float, float]:
    """Time the single pass and ``check``; add rows; return both times."""
    t_pass, _ = best(lambda: _paused(model), repeat=repeat)
    table.add(f"hand-written single pass{label}", t_pass, "s")
    fresh = [model.model_copy() for _ in range(max(1, repeat))]  # each timing checks a model no check has run on
    t_check, _ = best(lambda: check_all(fresh.pop()), repeat=repeat)
    table.add(f"checks: queries.check{label}", t_check, "s", baseline=("single pass", t_pass), bar=2.0)
    return t_pass, t_check
