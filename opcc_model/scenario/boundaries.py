"""Operations on areas' boundaries: move a PAG subtree to another holder, merge two areas.

>>> from opcc_model.model import Allocation, Boundary, Model, PagCode
>>> m = Model(mandate="m", codes=(PagCode(code="2", name="Ops"), PagCode(code="2.3", name="Custody")),
...           boundaries=(Boundary(area="a", name="A", jurisdiction="england",
...                                allocations=(Allocation(pag="2", holder="chief-constable"),)),))
>>> step = move_allocation(m, MoveAllocation(area="a", pag="2.3", holder="commissioner"))
>>> [(x.pag, x.holder) for x in step.model.boundary("a").allocations]
[('2', 'chief-constable'), ('2.3', 'commissioner')]
"""

from __future__ import annotations

from datetime import timedelta

from pydantic import ValidationError

from opcc_model.boundary import BODY_WORDS
from opcc_model.model import Allocation, Boundary, Model
from opcc_model.scenario.ops import AmendScheme, MergeAreas, MoveAllocation
from opcc_model.scheme import Delegation
from opcc_model.scenario.step import Conflict, Problem, Step, code_key, describe_holder

__all__ = ["move_allocation", "merge_areas", "amend_scheme"]


def _boundary(model: Model, area: str, *fields: str | int) -> Boundary:
    for boundary in model.boundaries:
        if boundary.area == area:
            return boundary
    known = ", ".join(b.area for b in model.boundaries) or "none"
    raise Problem(f"area '{area}' is not in the model (areas: {known})", *fields)


def _replace_boundary(model: Model, new: Boundary) -> Model:
    """``model`` with the boundary of ``new.area`` replaced in place."""
    boundaries = tuple(new if b.area == new.area else b for b in model.boundaries)
    return model.model_copy(update={"boundaries": boundaries})


def move_allocation(model: Model, op: MoveAllocation, /) -> Step:
    """Give the subtree ``op.pag`` of ``op.area`` to ``op.holder``; drop more specific lines unless kept."""
    boundary = _boundary(model, op.area, "area")
    if op.pag not in {c.code for c in model.codes}:
        raise Problem(f"PAG code \"{op.pag}\" is not in the glossary", "pag")
    try:
        line = Allocation(
            pag=op.pag, holder=op.holder, relation=op.relation, consent_by=op.consent_by,
            arrangement=op.arrangement, forum=op.forum, delegated_by=op.delegated_by, instrument=op.instrument,  # type: ignore[arg-type]  # a string names the document
        )
    except ValidationError as exc:
        raise Problem(str(exc.errors()[0]["msg"]).removeprefix("Value error, "), "holder") from None
    notes: list[str] = []
    lines: list[Allocation] = []
    placed = False
    for existing in boundary.allocations:
        if existing.pag == op.pag:
            if not placed:
                lines.append(line)
                placed = True
            else:
                notes.append(f"{op.area}: dropped a second line for {op.pag} ({describe_holder(existing)})")
        elif existing.pag.startswith(op.pag + ".") and not op.keep_more_specific:
            notes.append(f"{op.area}: dropped the line for {existing.pag} ({describe_holder(existing)}); it now follows {op.pag}")
        else:
            lines.append(existing)
    if not placed:
        at = next((i for i, x in enumerate(lines) if code_key(x.pag) > code_key(op.pag)), len(lines))
        lines.insert(at, line)
    new = boundary.model_copy(update={"allocations": tuple(lines)})
    return Step(model=_replace_boundary(model, new), notes=tuple(notes))


def _conflicts(model: Model, first: Boundary, second: Boundary, into: str) -> list[Conflict]:
    """Codes the two areas give to different holders, at the top of each disagreeing subtree."""
    found: list[Conflict] = []
    pairs: dict[str, tuple[str, str]] = {}
    for code in sorted((c.code for c in model.codes), key=code_key):
        pair = (describe_holder(first.allocation_for(code)), describe_holder(second.allocation_for(code)))
        if pair[0] == pair[1]:
            continue
        pairs[code] = pair
        parent = code.rpartition(".")[0]
        if parent and pairs.get(parent) == pair:
            continue
        found.append(
            Conflict(
                area=into,
                pag=code,
                holders=((first.area, pair[0]), (second.area, pair[1])),
                message=(
                    f"{first.area} gives {code} to {pair[0]} and {second.area} to {pair[1]}; "
                    f"the merged area '{into}' keeps both lines until someone decides"
                ),
            )
        )
    return found


def merge_areas(model: Model, op: MergeAreas, /) -> Step:
    """Merge two areas into ``op.into``: allocations and waivers combined, disagreements reported."""
    first_id, second_id = op.areas
    if first_id == second_id:
        raise Problem(f"cannot merge area '{first_id}' with itself: name two different areas", "areas", 1)
    first = _boundary(model, first_id, "areas", 0)
    second = _boundary(model, second_id, "areas", 1)
    if op.into.area not in op.areas and op.into.area in {b.area for b in model.boundaries}:
        raise Problem(f"area '{op.into.area}' already exists: the merged area needs a new id (or one of the two)", "into", "area")
    jurisdiction = op.into.jurisdiction or first.jurisdiction
    if op.into.jurisdiction is None and first.jurisdiction != second.jurisdiction:
        raise Problem(
            f"'{first_id}' is in {first.jurisdiction} and '{second_id}' in {second.jurisdiction}: "
            "say which jurisdiction the merged area is in (into: {jurisdiction: ...})",
            "into",
        )
    allocations = list(first.allocations)
    allocations += [line for line in second.allocations if line not in allocations]
    waivers = list(first.waivers)
    waivers += [w for w in second.waivers if w not in waivers]
    merged = Boundary(
        area=op.into.area, name=op.into.name, jurisdiction=jurisdiction,
        allocations=tuple(allocations), waivers=tuple(waivers),
    )
    conflicts = _conflicts(model, first, second, op.into.area)
    boundaries = []
    for boundary in model.boundaries:
        if boundary.area == first_id:
            boundaries.append(merged)
        elif boundary.area != second_id:
            boundaries.append(boundary)
    return Step(
        model=model.model_copy(update={"boundaries": tuple(boundaries)}),
        conflicts=tuple(conflicts),
        placed=(f"area:{op.into.area}",),
    )


def amend_scheme(model: Model, op: AmendScheme, /) -> Step:
    """Set ``op.area``'s body and deputy, add its delegations, and add or replace its ladders (one per code)."""
    boundary = _boundary(model, op.area, "area")
    update: dict[str, object] = {}
    notes: list[str] = []
    if op.body is not None:
        update["body"] = op.body
        notes.append(f"{op.area}: the local policing body is now {BODY_WORDS[op.body]}")
    if op.deputy is not None or "deputy" in op.model_fields_set:  # deputy: null, written out, removes it
        update["deputy"] = op.deputy
        if op.deputy is None:
            notes.append(f"{op.area}: the area has no deputy")
    if op.collective is not None:
        update["collective"] = op.collective.model_dump(mode="json", exclude_unset=True)
    if op.lapse:
        update["delegations"] = _lapsed(boundary, op)
        notes.append(f"{op.area}: {len(op.lapse)} lapse line(s): the delegations they name end")
    if op.delegations:
        update["delegations"] = (*update.get("delegations", boundary.delegations), *op.delegations)  # type: ignore[misc]
        notes.append(f"{op.area}: {len(op.delegations)} delegation(s) added")
    if op.ladders:
        # a new ladder with a start date ends the old one the day before (the register keeps its history)
        starts = {lad.pag: lad.from_date for lad in op.ladders}
        replaced = set(starts)
        kept = []
        for old in boundary.ladders:
            start = starts.get(old.pag)
            if old.pag not in starts:
                kept.append(old)
            elif start is not None:
                kept.append(old.model_copy(update={"until": start - timedelta(days=1)}))
        update["ladders"] = (*kept, *op.ladders)
        notes.append(f"{op.area}: ladder(s) on {', '.join(sorted(replaced))} set")
    try:
        amended = Boundary.model_validate({**boundary.model_dump(mode="json", by_alias=True, exclude_unset=True),
                                           **{k: _plain(v) for k, v in update.items()}})
    except ValidationError as exc:
        raise Problem(str(exc.errors()[0]["msg"]).removeprefix("Value error, "), "body") from None
    return Step(model=_replace_boundary(model, amended), notes=tuple(notes))


def _lapsed(boundary: Boundary, op: AmendScheme) -> tuple[Delegation, ...]:
    """``boundary``'s delegations with each one ``op.lapse`` names ending on its ``until``; a line that names none is a Problem."""
    delegations = list(boundary.delegations)
    for index, lapse in enumerate(op.lapse):
        hits = [i for i, d in enumerate(delegations) if d.pag == lapse.pag and lapse.to in (None, d.to)]
        if not hits:
            listed = ", ".join(sorted({f"{d.pag} to {d.to}" for d in delegations})) or "none"
            whom = f" to '{lapse.to}'" if lapse.to else ""
            raise Problem(f"no delegation of \"{lapse.pag}\"{whom} in area '{op.area}' to lapse (its delegations: {listed})",
                          "lapse", index)
        for i in hits:
            old = delegations[i]
            until = min(old.until, lapse.until) if old.until else lapse.until
            if old.from_date is not None and until < old.from_date:
                raise Problem(f"expected 'until' on or after the delegation's 'from' ({old.from_date}), found {until}",
                              "lapse", index, "until")
            delegations[i] = old.model_copy(update={"until": until})
    return tuple(delegations)


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return [v.model_dump(mode="json", by_alias=True, exclude_unset=True) if hasattr(v, "model_dump") else v for v in value]
    return value
