"""What the language server answers, as plain data: hover text, completion candidates, rename edits.

Kept apart from the protocol (:mod:`opcc_model.lsp.server`) so it is tested directly.
Everything is found generically: the model's things by walking its fields
(:func:`things`), ids and their uses from :class:`~opcc_model.lsp.symbols.SymbolIndex`.

>>> import opcc_model
>>> from opcc_model.lsp.workspace import Workspace
>>> space = Workspace(opcc_model.example_root("minimal"))
>>> print(hover_text(space, ("role", "pcc")).splitlines()[0])
**role** `pcc`: Police and Crime Commissioner
>>> [c.label for c in completions(space, "process", "accountable", "")][:2]
['opcc-chief-executive', 'pcc']
>>> rename_check(space, ("role", "pcc"), "Not A Slug")
"expected a lowercase id of letters, digits and hyphens (like 'police-and-crime-plan'), found 'Not A Slug'"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from opcc_model.lsp.symbols import Symbol, singular
from opcc_model.lsp.workspace import Workspace
from opcc_model.model import Model

__all__ = ["things", "hover_text", "Candidate", "completions", "rename_check", "SIDE_ORDER"]

SIDE_ORDER = ("commissioner", "chief-constable", "oversight", "partner", "public")
"""How role candidates are ranked: the two principal sides first."""

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CODE = re.compile(r"^[1-9][0-9]*(?:\.[1-9][0-9]*)*$")
_SKIPPED = {"id", "name", "activities", "allocations", "waivers", "references", "description", "guidance"}


def _key_of(thing: BaseModel) -> str | None:
    for attribute in ("id", "code", "area"):
        value = getattr(thing, attribute, None)
        if isinstance(value, str):
            return value
    return None


def things(model: Model, /) -> dict[Symbol, BaseModel]:
    """Every thing of the model with an id, by ``(kind, id)``: found by walking its fields (new kinds too).

    >>> import opcc_model
    >>> found = things(opcc_model.load(opcc_model.example_root("minimal")))
    >>> sorted({kind for kind, _ in found})
    ['activity', 'area', 'artifact', 'code', 'process', 'role', 'stage']
    """

    def build(m: Model) -> dict[Symbol, BaseModel]:
        found: dict[Symbol, BaseModel] = {}
        pending: list[tuple[str, Any]] = [(name, getattr(m, name)) for name in type(m).model_fields]
        while pending:
            field, value = pending.pop()
            items = value if isinstance(value, tuple) else (value,)
            for item in items:
                if not isinstance(item, BaseModel):
                    continue
                key = _key_of(item)
                if key is not None:
                    found.setdefault((singular(field), key), item)
                pending.extend((name, getattr(item, name)) for name in type(item).model_fields)
        return found

    return model.memo("lsp:things", build)


def _value_text(value: Any) -> str | None:
    if value is None or value == () or value == "":
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str | int | float):
        return str(value)
    if isinstance(value, tuple) and all(isinstance(v, str | int | float) for v in value):
        return ", ".join(map(str, value))
    if isinstance(value, BaseModel):
        parts = [f"{k}: {t}" for k in type(value).model_fields if (t := _value_text(getattr(value, k))) is not None]
        return "; ".join(parts) or None
    return None


def _fields(thing: BaseModel) -> Iterator[str]:
    for name in type(thing).model_fields:
        if name in _SKIPPED:
            continue
        text = _value_text(getattr(thing, name))
        if text is not None:
            yield f"- **{name}**: {text}"


def _extras(model: Model, symbol: Symbol) -> Iterator[str]:
    from opcc_model.queries.index import resolved_allocations, role_sides

    kind, key = symbol
    sides = role_sides(model)
    if kind == "activity":
        activity = things(model).get(symbol)
        accountable = getattr(activity, "accountable", None)
        if accountable:
            yield f"- accountable **{accountable}** is on the side: {sides.get(accountable, 'unknown role')}"
    elif kind == "role":
        count = sum(1 for a in model.activities if a.accountable == key)
        yield f"- accountable for {count} activit{'y' if count == 1 else 'ies'}"
    elif kind == "code":
        for boundary in sorted(model.boundaries, key=lambda b: b.area):
            allocation = resolved_allocations(model, boundary.area).get(key)
            held = f"{allocation.holder} (allocated at {allocation.pag})" if allocation else "undecided"
            yield f"- holder in **{boundary.area}**: {held}"
        yield "- from the model's glossary; the shipped one is an open glossary in PAG's format, not the licensed PAG"


def hover_text(space: Workspace, symbol: Symbol, /) -> str:
    """Markdown about the thing ``symbol`` names: its name, its fields, and what follows from the model."""
    kind, key = symbol
    model = space.analyse().model
    thing = things(model).get(symbol) if model is not None else None
    name = getattr(thing, "name", None)
    lines = [f"**{kind}** `{key}`" + (f": {name}" if name else "")]
    if thing is not None:
        lines += list(_fields(thing))
        lines += list(_extras(model, symbol)) if model is not None else []
    uses = [o for o in space.index.occurrences(symbol) if not o.definition]
    lines.append(f"- used {len(uses)} time{'s' if len(uses) != 1 else ''} in the model")
    return "\n".join(lines)


@dataclass(frozen=True)
class Candidate:
    """One completion: the id, a line about it, and its rank (lower first)."""

    label: str
    detail: str
    rank: str


def completions(space: Workspace, file_kind: str, key: str, prefix: str, /) -> list[Candidate]:
    """The ids that may follow ``key`` in a ``file_kind`` file, starting with ``prefix``, best first.

    The kind the key expects first (roles ranked by side, principal sides first), then other kinds
    when the key is not known to refer to one kind.
    """
    expected = space.index.expected_kind(file_kind, key)
    model = space.analyse().model
    known = things(model) if model is not None else {}
    kinds = [expected] if expected else space.index.kinds()
    found: list[Candidate] = []
    for kind_rank, kind in enumerate(kinds):
        for ident in space.index.ids(kind):
            if not ident.startswith(prefix):
                continue
            thing = known.get((kind, ident))
            side = getattr(thing, "side", None)
            side_rank = SIDE_ORDER.index(side) if side in SIDE_ORDER else len(SIDE_ORDER)
            name = getattr(thing, "name", "") or ""
            detail = f"{kind}" + (f" · {side}" if side else "") + (f" · {name}" if name else "")
            found.append(Candidate(ident, detail, f"{kind_rank:02d}{side_rank}{ident}"))
    return sorted(found, key=lambda c: c.rank)


def rename_check(space: Workspace, symbol: Symbol, new_name: str, /) -> str | None:
    """Why ``symbol`` cannot be renamed to ``new_name`` (``None`` when it can)."""
    kind, key = symbol
    if kind == "code":
        if not _CODE.match(new_name):
            return f'expected a PAG code of dot-separated positive integers (like "1.1.2.8"), found {new_name!r}'
    elif not _SLUG.match(new_name):
        return f"expected a lowercase id of letters, digits and hyphens (like 'police-and-crime-plan'), found {new_name!r}"
    if new_name != key and space.index.definitions((kind, new_name)):
        return f"{kind} {new_name!r} is already in the model"
    if not space.index.definitions(symbol):
        return f"{kind} {key!r} is not defined in the model, so it cannot be renamed"
    return None
