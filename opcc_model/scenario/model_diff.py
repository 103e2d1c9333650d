"""Model diffs: what changed between two models, each change a frozen value with a plain sentence.

>>> import opcc_model
>>> model = opcc_model.load(opcc_model.example_root("minimal"))
>>> len(diff(model, model))
0
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from opcc_model.model import Activity, Boundary, Model
from opcc_model.queries.table import QueryResult, Summarised
from opcc_model.scenario.summary import count, summary_lines
from opcc_model.scenario.step import code_key, describe_holder
from opcc_model.terminal import json_text

__all__ = ["Change", "ModelDiff", "diff"]


class Change(BaseModel):
    """One difference: its ``kind``, the ids it is about, the value before and after, and a sentence.

    >>> Change(kind="role-added", subject=("mayor",), after="Mayor", message="Role 'mayor' (Mayor) is added.").to_json()["before"] is None
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str
    subject: tuple[str, ...]
    area: str | None = None
    before: str | None = None
    after: str | None = None
    message: str

    def to_json(self) -> dict[str, Any]:
        """The change as a JSON object: kind, subject (a list), area, before, after, message."""
        return {
            "kind": self.kind,
            "subject": list(self.subject),
            "area": self.area,
            "before": self.before,
            "after": self.after,
            "message": self.message,
        }


class ModelDiff(BaseModel, Summarised):
    """Every change from one model to another, in a stable order (section, then subject).

    It follows the shared result protocol (:class:`~opcc_model.queries.table.Result`): its
    text, HTML and repr lead with a summary grouped by kind and role; the details are in
    ``to_text(verbose=True)``, the JSON, the CSV and the frame.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    changes: tuple[Change, ...] = ()
    role_names: dict[str, str] = {}
    """The name of every role of either model, by id (for the summary's sentences)."""
    title: ClassVar[str] = "Changes"

    def summary(self) -> list[str]:
        """One sentence per group of changes: "60 accountabilities move from the PCC to the Mayor."."""
        return summary_lines(self.changes, self.role_names)

    def details(self) -> QueryResult:
        """One row per change: kind, subject, area, before, after, message."""
        rows = tuple((c.kind, c.subject, c.area, c.before, c.after, c.message) for c in self.changes)
        return QueryResult(title=self.title, columns=("kind", "subject", "area", "before", "after", "message"), rows=rows)

    def heading_html(self) -> str:
        """How many changes."""
        return f"<p>{html.escape(count(len(self), 'change'))}</p>"

    def __repr__(self) -> str:
        return f"<ModelDiff: {count(len(self), 'change')}>"

    def __iter__(self) -> Iterator[Change]:  # type: ignore[override]
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def to_json(self) -> str:
        """The changes as a JSON list, indented and with sorted keys (byte-for-byte stable)."""
        return json_text([c.to_json() for c in self.changes])

    def to_text(self, *, verbose: bool = False) -> str:
        """The summary, one sentence a group (``verbose``: then every change); ``No changes.`` when there are none."""
        if not self.changes:
            return "No changes.\n"
        lines = [f"{count(len(self), 'change')}, by kind and role:", *(f"  {line}" for line in self.summary())]
        if verbose:
            lines += ["", "Every change:", *(f"  {c.message}" for c in self.changes)]
        return "\n".join(lines) + "\n"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, tuple):
        return ", ".join(str(_text(v)) for v in value) or "(none)"
    if isinstance(value, BaseModel):
        return json.dumps(value.model_dump(mode="json"), sort_keys=True)
    return str(value)


def _cap(text: str) -> str:
    """Upper-case the first letter only (``str.capitalize`` lowers the rest).

    >>> _cap("activity 'a' (Agree the PCC plan)")
    "Activity 'a' (Agree the PCC plan)"
    """
    return text[:1].upper() + text[1:]


def _label(kind: str, key: str, thing: Any) -> str:
    name = getattr(thing, "name", None)
    return f"{kind} '{key}'" + (f" ({name})" if name else "")


def _keyed(kind: str, old: Iterable[Any], new: Iterable[Any], key: str, fields: Sequence[str]) -> Iterator[Change]:
    """Added, removed and changed things of one kind, compared field by field."""
    before = {getattr(x, key): x for x in old}
    after = {getattr(x, key): x for x in new}
    title = kind.capitalize() if kind != "PAG code" else kind
    for ident in sorted(before.keys() | after.keys(), key=code_key if kind == "PAG code" else str):
        was, now = before.get(ident), after.get(ident)
        slug = kind.replace(" ", "-").lower().replace("pag-", "")
        if was is None:
            yield Change(kind=f"{slug}-added", subject=(ident,), after=getattr(now, "name", None),
                         message=f"{title}{_label('', ident, now)} is added.")
        elif now is None:
            yield Change(kind=f"{slug}-removed", subject=(ident,), before=getattr(was, "name", None),
                         message=f"{title}{_label('', ident, was)} is removed.")
        else:
            for field in fields:
                a, b = getattr(was, field), getattr(now, field)
                if a != b:
                    yield Change(kind=f"{slug}-changed", subject=(ident, field), before=_text(a), after=_text(b),
                                 message=f"{title}{_label('', ident, now)}: {field} changes from {_text(a) or '(none)'} to {_text(b) or '(none)'}.")


def _role_name(old: Model, new: Model, role_id: str | None) -> str:
    if role_id is None:
        return "no one"
    for model in (new, old):
        for role in model.roles:
            if role.id == role_id:
                return f"the {role.name}"
    return f"'{role_id}'"


_ACTIVITY_FIELDS = ("name", "kind", "process", "inputs", "outputs", "after", "jurisdictions", "basis", "guidance", "references")
_LETTERS = (("R", "responsible", "responsible"), ("C", "consulted", "consulted"), ("I", "informed", "informed"))


def _activity(old: Model, new: Model, was: Activity, now: Activity, owner: tuple[str, str]) -> Iterator[Change]:
    label = _label("activity", now.id, now)
    if owner[0] != owner[1]:
        yield Change(kind="activity-moved", subject=(now.id,), before=owner[0], after=owner[1],
                     message=f"{_cap(label)} moves from process '{owner[0]}' to '{owner[1]}'.")
    if was.accountable != now.accountable:
        yield Change(kind="accountable-changed", subject=(now.id,), before=was.accountable, after=now.accountable,
                     message=f"Accountability for {label} moves from {_role_name(old, new, was.accountable)} "
                             f"to {_role_name(old, new, now.accountable)}.")
    for letter, field, word in _LETTERS:
        a, b = getattr(was, field), getattr(now, field)
        for role in sorted(set(b) - set(a)):
            yield Change(kind="raci-added", subject=(now.id, role), after=letter,
                         message=f"{_cap(_role_name(old, new, role))} becomes {word} ({letter}) for {label}.")
        for role in sorted(set(a) - set(b)):
            yield Change(kind="raci-removed", subject=(now.id, role), before=letter,
                         message=f"{_cap(_role_name(old, new, role))} is no longer {word} ({letter}) for {label}.")
    for code in sorted(set(now.pag) - set(was.pag), key=code_key):
        yield Change(kind="pag-added", subject=(now.id, code), after=code, message=f"{_cap(label)} now maps to PAG {code}.")
    for code in sorted(set(was.pag) - set(now.pag), key=code_key):
        yield Change(kind="pag-removed", subject=(now.id, code), before=code, message=f"{_cap(label)} no longer maps to PAG {code}.")
    for field in _ACTIVITY_FIELDS:
        a, b = getattr(was, field), getattr(now, field)
        if a != b:
            yield Change(kind="activity-changed", subject=(now.id, field), before=_text(a), after=_text(b),
                         message=f"{_cap(label)}: {field} changes from {_text(a) or '(none)'} to {_text(b) or '(none)'}.")


def _activities(old: Model, new: Model) -> Iterator[Change]:
    before = {a.id: (a, old.process_of(a.id).id) for a in old.activities}
    after = {a.id: (a, new.process_of(a.id).id) for a in new.activities}
    for ident in sorted(before.keys() | after.keys()):
        if ident not in before:
            now, process = after[ident]
            yield Change(kind="activity-added", subject=(ident,), after=process,
                         message=f"{_cap(_label('activity', ident, now))} is added to process '{process}'.")
        elif ident not in after:
            was, process = before[ident]
            yield Change(kind="activity-removed", subject=(ident,), before=process,
                         message=f"{_cap(_label('activity', ident, was))} is removed from process '{process}'.")
        else:
            yield from _activity(old, new, before[ident][0], after[ident][0], (before[ident][1], after[ident][1]))


def _holders(old: Model, new: Model, was: Boundary, now: Boundary) -> Iterator[Change]:
    """Codes whose resolved holder changes, at the top of each subtree that changes alike."""
    names = {c.code: c.name for c in old.codes} | {c.code: c.name for c in new.codes}
    pairs: dict[str, tuple[str, str]] = {}
    for code in sorted(names, key=code_key):
        pair = (describe_holder(was.allocation_for(code)), describe_holder(now.allocation_for(code)))
        if pair[0] == pair[1]:
            continue
        pairs[code] = pair
        if pairs.get(code.rpartition(".")[0]) == pair:
            continue
        yield Change(kind="holder-changed", subject=(now.area, code), area=now.area, before=pair[0], after=pair[1],
                     message=f"In {now.name}, accountability for {code} {names[code]} moves from {pair[0]} to {pair[1]}.")


_COLLECTIVE_FIELDS = (("signs", "who signs its decisions"), ("answers_to_panel", "who answers to the Panel"))


def _collective(was: Boundary, now: Boundary) -> Iterator[Change]:
    """A collective body's named signatory and Panel answerer, added, removed or changed (one change per field)."""
    for field, words in _COLLECTIVE_FIELDS:
        a = getattr(was.collective, field) if was.collective is not None else None
        b = getattr(now.collective, field) if now.collective is not None else None
        if a != b:
            yield Change(kind="area-changed", subject=(now.area, f"collective.{field}"), area=now.area, before=a, after=b,
                         message=f"{now.name}: {words} changes from {a or '(no one named)'} to {b or '(no one named)'}.")


def _areas(old: Model, new: Model) -> Iterator[Change]:
    yield from _keyed("area", old.boundaries, new.boundaries, "area", ("name", "jurisdiction", "body", "deputy"))
    before = {b.area: b for b in old.boundaries}
    for now in sorted(new.boundaries, key=lambda b: b.area):
        was = before.get(now.area)
        if was is None:
            continue
        yield from _holders(old, new, was, now)
        yield from _collective(was, now)
        for kind, source, other in (("waiver-added", now, was), ("waiver-removed", was, now)):
            for waiver in source.waivers:
                if waiver not in other.waivers:
                    verb = "accepts" if kind == "waiver-added" else "no longer accepts"
                    yield Change(kind=kind, subject=(now.area, waiver.finding, waiver.subject), area=now.area,
                                 before=None if kind == "waiver-added" else waiver.reason,
                                 after=waiver.reason if kind == "waiver-added" else None,
                                 message=f"{now.name} {verb} {waiver.finding} for {waiver.subject} ({waiver.reason}).")


def diff(old: Model, new: Model, /) -> ModelDiff:
    """Every change from ``old`` to ``new``: stages, roles, artifacts, processes, activities, RACI, PAG, areas.

    Boundary changes compare each PAG code's resolved holder in every area both models have.
    """
    changes: list[Change] = []
    changes += _keyed("stage", old.stages, new.stages, "id", ("name", "portfolio", "description", "supporting"))
    changes += _keyed("role", old.roles, new.roles, "id", ("name", "side", "reports_to", "principal", "description", "basis"))
    changes += _keyed("artifact", old.artifacts, new.artifacts, "id", ("name", "kind", "basis", "description"))
    changes += _keyed("process", old.processes, new.processes, "id",
                      ("name", "stage", "parent", "jurisdictions", "basis", "guidance", "references"))
    changes += _activities(old, new)
    changes += _keyed("PAG code", old.codes, new.codes, "code", ("name", "description", "basis"))
    changes += _areas(old, new)
    if old.mandate != new.mandate:
        changes.append(Change(kind="mandate-changed", subject=("mandate",), before=old.mandate, after=new.mandate,
                              message=f"The mandate changes from '{old.mandate}' to '{new.mandate}'."))
    if old.outcomes != new.outcomes:
        changes.append(Change(kind="outcomes-changed", subject=("outcomes",), before=_text(old.outcomes), after=_text(new.outcomes),
                              message=f"The outcomes change from {_text(old.outcomes)} to {_text(new.outcomes)}."))
    names = {r.id: r.name for r in old.roles} | {r.id: r.name for r in new.roles}
    return ModelDiff(changes=tuple(changes), role_names=dict(sorted(names.items())))
